import { daysBetween, isIsoDate } from "../../domain/dates";
import type { IsoDate } from "../../domain/dates";
import { numberValue, textValue, type FieldValue, type Register } from "../../domain/register";

/**
 * What the critical-path engine schedules: projects (a duration between two dates) and
 * milestones (zero duration), joined by precedence links. Built from the register here so the
 * engine itself knows nothing of field names and can be fed generated data by the bench.
 */
export type LinkType = "FS" | "SS" | "FF" | "SF";
export const LINK_TYPES: readonly LinkType[] = ["FS", "SS", "FF", "SF"];

export interface ScheduleItem {
  id: string;
  kind: "project" | "milestone";
  /** Start used for the network's start date (forecast, else baseline); a milestone's own date. */
  start: IsoDate | null;
  /** Calendar days; null when it cannot be known (then `reason` says why). Milestones are 0. */
  durationDays: number | null;
  /** Which dates the duration came from, for the reader of the Schedule sheet. */
  dateSource?: "forecast" | "baseline" | "mixed";
  reason?: string;
}

export interface ScheduleLink {
  predecessorId: string;
  successorId: string;
  type: LinkType;
  /** Calendar days; negative = lead. */
  lagDays: number;
  /** The Dependencies record the link came from, if any. */
  dependencyId?: string;
}

export interface ScheduleInputs {
  items: ScheduleItem[];
  links: ScheduleLink[];
  /** Dependency rows that are not schedule links, or cannot be read as one, and why. */
  skipped: { dependencyId: string; reason: string }[];
}

function dateOf(value: FieldValue | undefined): IsoDate | null {
  return isIsoDate(value) ? value : null;
}

/** A project as a schedule item: duration = ForecastFinish − ForecastStart, baseline dates filling gaps. */
export function projectItem(id: string, values: Record<string, FieldValue>): ScheduleItem {
  const fs = dateOf(values.ForecastStart);
  const ff = dateOf(values.ForecastFinish);
  const start = fs ?? dateOf(values.BaselineStart);
  const finish = ff ?? dateOf(values.BaselineFinish);
  const dateSource = fs && ff ? "forecast" : !fs && !ff ? "baseline" : "mixed";
  if (start === null || finish === null) {
    const missing = [start === null ? "start" : null, finish === null ? "finish" : null].filter(Boolean).join(" and ");
    return { id, kind: "project", start, durationDays: null, reason: `no forecast or baseline ${missing} date` };
  }
  const duration = daysBetween(start, finish);
  if (duration < 0) {
    return { id, kind: "project", start, durationDays: null, reason: `finish ${finish} is before start ${start}` };
  }
  return { id, kind: "project", start, durationDays: duration, dateSource };
}

/** Milestones are points: zero duration whether or not they have a date, so they can always be scheduled. */
export function milestoneItem(id: string, values: Record<string, FieldValue>): ScheduleItem {
  const forecast = dateOf(values.ForecastDate);
  const start = forecast ?? dateOf(values.BaselineDate);
  return { id, kind: "milestone", start, durationDays: 0, dateSource: forecast ? "forecast" : "baseline" };
}

/**
 * Items and links from Projects, Milestones and Dependencies. Every project is an item; a
 * milestone only when a schedule link names it (otherwise it would be a one-point network of
 * its own). Requires/Excludes are selection constraints, not schedule links.
 */
export function scheduleInputsFromRegister(register: Register): ScheduleInputs {
  const items: ScheduleItem[] = [];
  const projectIds = new Set<string>();
  for (const p of register.entities.Projects) {
    if (projectIds.has(p.id)) continue; // a duplicate id is the integrity rules' finding; schedule the first
    projectIds.add(p.id);
    items.push(projectItem(p.id, p.values));
  }
  const milestones = new Map<string, Record<string, FieldValue>>();
  for (const m of register.entities.Milestones) if (!milestones.has(m.id)) milestones.set(m.id, m.values);

  const links: ScheduleLink[] = [];
  const skipped: ScheduleInputs["skipped"] = [];
  const usedMilestones = new Set<string>();
  for (const d of register.entities.Dependencies) {
    const type = (textValue(d.values.Type) ?? "FS").toUpperCase();
    if (type === "REQUIRES" || type === "EXCLUDES") {
      skipped.push({
        dependencyId: d.id,
        reason: `${textValue(d.values.Type)} is a selection constraint, not a schedule link`,
      });
      continue;
    }
    if (!(LINK_TYPES as readonly string[]).includes(type)) {
      skipped.push({ dependencyId: d.id, reason: `unknown dependency type "${textValue(d.values.Type)}"` });
      continue;
    }
    const pred = textValue(d.values.PredecessorId);
    const succ = textValue(d.values.SuccessorId);
    if (pred === null || succ === null) {
      skipped.push({ dependencyId: d.id, reason: "predecessor or successor is blank" });
      continue;
    }
    for (const ref of [pred, succ]) if (!projectIds.has(ref) && milestones.has(ref)) usedMilestones.add(ref);
    const lag = d.values.LagDays;
    links.push({
      predecessorId: pred,
      successorId: succ,
      type: type as LinkType,
      lagDays: numberValue(lag) ?? 0,
      dependencyId: d.id,
    });
  }
  for (const [id, values] of milestones) if (usedMilestones.has(id)) items.push(milestoneItem(id, values));
  return { items, links, skipped };
}
