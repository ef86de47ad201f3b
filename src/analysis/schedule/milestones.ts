import { daysBetween, isIsoDate } from "../../domain/dates";
import type { IsoDate } from "../../domain/dates";
import { textValue, type FieldValue, type Register } from "../../domain/register";

/**
 * Milestone tracking at the status date (docs/domain.md "Milestones"): slip = (actual, else forecast)
 * − baseline in days; overdue = its forecast (baseline when there is no forecast) is before the
 * status date and it has no actual date; upcoming = not achieved and due within N days of the
 * status date (0 ≤ days ≤ N). Achieved or cancelled milestones are never overdue or upcoming.
 */
export interface MilestoneState {
  id: string;
  projectId: string | null;
  programmeId: string | null;
  name: string | null;
  isGate: boolean;
  baselineDate: IsoDate | null;
  forecastDate: IsoDate | null;
  actualDate: IsoDate | null;
  /** Positive = later than baseline. Null with `reason` when it cannot be measured. */
  slipDays: number | null;
  slipped: boolean;
  overdue: boolean;
  upcoming: boolean;
  /** Days from the status date to the due date (negative when past), for the due date used. */
  daysToDue: number | null;
  reason?: string;
}

export interface MilestoneLists {
  slipped: string[];
  overdue: string[];
  upcoming: string[];
}

export interface MilestoneReport extends MilestoneLists {
  statusDate: IsoDate | null;
  upcomingDays: number;
  milestones: MilestoneState[];
  byProject: Record<string, MilestoneLists>;
  byProgramme: Record<string, MilestoneLists>;
}

/** The key used for records with no programme (or an unknown project). */
export const NO_PROGRAMME = "(no programme)";

const CLOSED = new Set(["achieved", "cancelled", "canceled", "complete", "completed", "done"]);

function dateOf(value: FieldValue | undefined): IsoDate | null {
  return isIsoDate(value) ? value : null;
}

export function milestoneState(
  id: string,
  values: Record<string, FieldValue>,
  statusDate: IsoDate | null,
  upcomingDays: number,
  programmeId: string | null = null,
): MilestoneState {
  const baselineDate = dateOf(values.BaselineDate);
  const forecastDate = dateOf(values.ForecastDate);
  const actualDate = dateOf(values.ActualDate);
  const status = (textValue(values.Status) ?? "").toLowerCase();
  const closed = actualDate !== null || CLOSED.has(status);
  const current = actualDate ?? forecastDate;
  const slipDays = current !== null && baselineDate !== null ? daysBetween(baselineDate, current) : null;
  const due = forecastDate ?? baselineDate;
  const daysToDue = due !== null && statusDate !== null ? daysBetween(statusDate, due) : null;
  const reasons: string[] = [];
  if (slipDays === null) reasons.push(baselineDate === null ? "no baseline date" : "no forecast or actual date");
  if (statusDate === null) reasons.push("no status date");
  else if (due === null && !closed) reasons.push("no forecast or baseline date");
  return {
    id,
    projectId: textValue(values.ProjectId),
    programmeId,
    name: textValue(values.Name),
    isGate: textValue(values.IsGate) === "Yes",
    baselineDate,
    forecastDate,
    actualDate,
    slipDays,
    slipped: slipDays !== null && slipDays > 0,
    overdue: !closed && daysToDue !== null && daysToDue < 0,
    upcoming: !closed && daysToDue !== null && daysToDue >= 0 && daysToDue <= upcomingDays,
    daysToDue,
    ...(reasons.length ? { reason: reasons.join("; ") } : {}),
  };
}

export function analyseMilestones(
  register: Register,
  statusDate: IsoDate | null,
  options: { upcomingDays?: number } = {},
): MilestoneReport {
  const upcomingDays = options.upcomingDays ?? 30;
  const programmeOf = new Map<string, string | null>();
  for (const p of register.entities.Projects) {
    if (!programmeOf.has(p.id)) programmeOf.set(p.id, textValue(p.values.ProgrammeId));
  }
  const milestones = register.entities.Milestones.map((m) => {
    const projectId = textValue(m.values.ProjectId);
    const programmeId = projectId === null ? null : (programmeOf.get(projectId) ?? null);
    return milestoneState(m.id, m.values, statusDate, upcomingDays, programmeId);
  });
  const report: MilestoneReport = {
    statusDate,
    upcomingDays,
    milestones,
    slipped: [],
    overdue: [],
    upcoming: [],
    byProject: {},
    byProgramme: {},
  };
  for (const m of milestones) {
    const lists = [
      report,
      bucket(report.byProject, m.projectId ?? "(no project)"),
      bucket(report.byProgramme, m.programmeId ?? NO_PROGRAMME),
    ];
    for (const l of lists) {
      if (m.slipped) l.slipped.push(m.id);
      if (m.overdue) l.overdue.push(m.id);
      if (m.upcoming) l.upcoming.push(m.id);
    }
  }
  return report;
}

function bucket(map: Record<string, MilestoneLists>, key: string): MilestoneLists {
  if (!Object.prototype.hasOwnProperty.call(map, key)) map[key] = { slipped: [], overdue: [], upcoming: [] };
  return map[key];
}
