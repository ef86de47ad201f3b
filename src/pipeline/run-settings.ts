import type { IsoDate } from "../domain/dates";
import type { Register } from "../domain/register";
import type { Profile, Settings } from "../domain/settings";
import { latestStatusDate } from "../domain/status-date";

/** Command-line flags (and the pane's choices) override the settings sheet for one run only. */
export function withOverrides(settings: Settings, overrides: { profile?: Profile; reportingDate?: IsoDate }): Settings {
  return {
    ...settings,
    general: {
      ...settings.general,
      ...(overrides.profile ? { profile: overrides.profile } : {}),
      ...(overrides.reportingDate ? { reportingDate: overrides.reportingDate } : {}),
    },
  };
}

/** The reporting date rule (docs/domain.md "Reporting date"): flag, else settings, else latest StatusDate, else the run's date. */
export function reportingDateFor(
  register: Register,
  settings: Settings,
  today: IsoDate,
  flag?: IsoDate,
): { date: IsoDate; source: string } {
  if (flag) return { date: flag, source: "--reporting-date" };
  if (settings.general.reportingDate) return { date: settings.general.reportingDate, source: "PMO Settings" };
  const latest = latestStatusDate(register);
  return latest
    ? { date: latest, source: "latest StatusDate in the register" }
    : { date: today, source: "the run's date" };
}
