import type { AnalyseResult } from "../analysis/finance/analyse-register";
import { analyseRegister } from "../analysis/finance/analyse-register";
import { computeRag, ragThresholdsFromSettings } from "../analysis/finance/computed-rag";
import { evidenceByProject, type EvidenceItem } from "../analysis/finance/declared-evidence";
import { criticalPath } from "../analysis/schedule/critical-path";
import { scheduleInputsFromRegister } from "../analysis/schedule/schedule-inputs";
import type { IsoDate } from "../domain/dates";
import type { Register } from "../domain/register";
import type { Profile, Settings } from "../domain/settings";
import type { ComputedRag, RegisterLocation, ValidationResult } from "../standards/types";
import { validateRegister } from "../standards/validate";
import { findingsSheet } from "../report/findings-sheet";
import type { SheetSpec } from "../workbook/spec";

/** Command-line flags override the settings sheet for one run only (docs/conventions.md "Defaults"). */
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

export function computedRagByProject(register: Register, settings: Settings): Map<string, ComputedRag> {
  const thresholds = ragThresholdsFromSettings(settings.general);
  return new Map(
    register.entities.Projects.map((p) => {
      const rag = computeRag(p.values, thresholds);
      return [p.id, { overall: rag.overall.rag, cost: rag.cost.rag, schedule: rag.schedule.rag }];
    }),
  );
}

/** Each project's evidence for declared-against-evidence: the same function the analysis uses for "declared greener". */
export function evidenceForValidation(register: Register, settings: Settings): Map<string, EvidenceItem[]> {
  const inputs = scheduleInputsFromRegister(register);
  const cpm = criticalPath(inputs.items, inputs.links);
  return evidenceByProject(register, { thresholds: ragThresholdsFromSettings(settings.general), cpm });
}

/** Validates the register against the standards on its settings sheet, with computed RAG from the finance module. */
export function runValidation(
  register: Register,
  settings: Settings,
  options: { locate?: RegisterLocation; today: IsoDate; reportingDate?: IsoDate },
): { result: ValidationResult; sheets: SheetSpec[] } {
  const result = validateRegister(register, settings, {
    computedRag: computedRagByProject(register, settings),
    evidence: evidenceForValidation(register, settings),
    registerLocation: options.locate,
    today: options.today,
    reportingDate: options.reportingDate,
  });
  return { result, sheets: [findingsSheet(result)] };
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
  let latest: IsoDate | null = null;
  for (const p of register.entities.Projects) {
    const d = p.values.StatusDate;
    if (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/.test(d) && (latest === null || d > latest)) latest = d;
  }
  return latest
    ? { date: latest, source: "latest StatusDate in the register" }
    : { date: today, source: "the run's date" };
}

export function runAnalysis(register: Register, settings: Settings, statusDate: IsoDate): AnalyseResult {
  const g = settings.general;
  return analyseRegister(register, {
    statusDate,
    thresholds: ragThresholdsFromSettings(g),
    fyStartMonth: g.fyStartMonth,
    upcomingDays: g.upcomingMilestoneDays,
    health: g,
  });
}
