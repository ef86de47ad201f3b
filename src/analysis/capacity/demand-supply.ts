import { epochDay, isIsoDate } from "../../domain/dates";
import type { EntityRecord, Register } from "../../domain/register";
import { numberValue, textValue } from "../../domain/register";
import type { Horizon } from "./periods";
import { workingDaysBetween } from "./working-days";

/**
 * Demand and supply per role per month in FTE-months (docs/domain.md "Demand and supply"):
 * an allocation's FTE applies on each working day in [Start, Finish] inclusive; a month's demand
 * = FTE × (its working days in the month) / (all working days of the month). Hours are a total
 * spread evenly over the allocation's working days, a day's FTE = that day's hours / hoursPerDay.
 * Supply is prorated the same way by each resource's own dates, plus capacity adjustments.
 */
export const UNASSIGNED = "(unassigned)";

export interface CapacityProblem {
  entity: "Allocations" | "Resources" | "CapacityAdjustments";
  id: string;
  field: string;
  message: string;
}

export interface DemandFigures {
  /** role → per-month FTE-months (all types). */
  total: Map<string, Float64Array>;
  committed: Map<string, Float64Array>;
  proposed: Map<string, Float64Array>;
  /** project → role → per-month FTE-months. */
  byProject: Map<string, Map<string, Float64Array>>;
  /** named resource → per-month FTE-months. */
  byResource: Map<string, Float64Array>;
  problems: CapacityProblem[];
}

/** The month array under `key`, made on first use (looked up once per allocation, not per month). */
function row(map: Map<string, Float64Array>, key: string, months: number): Float64Array {
  let arr = map.get(key);
  if (!arr) {
    arr = new Float64Array(months);
    map.set(key, arr);
  }
  return arr;
}

/**
 * Spreads an FTE level over [start, finish] into the horizon's months; `spread(i, fteMonths)` is
 * called for each month touched.
 */
export function spreadFte(
  horizon: Horizon,
  start: number,
  finish: number,
  fte: number,
  spread: (i: number, v: number) => void,
): void {
  if (finish < start || fte === 0) return;
  const spans = horizon.spans;
  if (spans.length === 0 || finish < spans[0].first || start > spans[spans.length - 1].last) return;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    if (s.last < start) continue;
    if (s.first > finish) break;
    const wd = workingDaysBetween(Math.max(start, s.first), Math.min(finish, s.last));
    if (wd > 0 && s.workingDays > 0) spread(i, (fte * wd) / s.workingDays);
  }
}

export function computeDemand(
  register: Register,
  horizon: Horizon,
  options: { hoursPerDay: number; projects?: Set<string>; knownRoles: Set<string> },
): DemandFigures {
  const n = horizon.months.length;
  const out: DemandFigures = {
    total: new Map(),
    committed: new Map(),
    proposed: new Map(),
    byProject: new Map(),
    byResource: new Map(),
    problems: [],
  };
  const knownProjects = new Set(register.entities.Projects.map((p) => p.id));
  const roleOfResource = new Map<string, string>();
  for (const r of register.entities.Resources) {
    const name = textValue(r.values.Name);
    const role = textValue(r.values.Role);
    if (name && role) roleOfResource.set(name.toLowerCase(), role);
  }
  for (const a of register.entities.Allocations) {
    const projectId = textValue(a.values.ProjectId) ?? "";
    if (options.projects && !options.projects.has(projectId)) continue;
    const start = a.values.Start;
    const finish = a.values.Finish;
    if (!isIsoDate(start) || !isIsoDate(finish)) {
      out.problems.push({
        entity: "Allocations",
        id: a.id,
        field: isIsoDate(start) ? "Finish" : "Start",
        message: `Allocation ${a.id} has no usable ${isIsoDate(start) ? "Finish" : "Start"} date; it is not counted.`,
      });
      continue;
    }
    const s = epochDay(start);
    const f = epochDay(finish);
    if (f < s) {
      out.problems.push({
        entity: "Allocations",
        id: a.id,
        field: "Finish",
        message: `Allocation ${a.id} ends (${finish}) before it starts (${start}); it is not counted. Correct the dates.`,
      });
      continue;
    }
    const fte = perDayFte(a, s, f, options.hoursPerDay, out.problems);
    if (fte === null) continue;
    const resource = textValue(a.values.ResourceName);
    const role = textValue(a.values.Role) ?? (resource ? (roleOfResource.get(resource.toLowerCase()) ?? null) : null);
    const roleKey = knownProjects.has(projectId) && role ? role : UNASSIGNED;
    if (!knownProjects.has(projectId)) {
      out.problems.push({
        entity: "Allocations",
        id: a.id,
        field: "ProjectId",
        message: `Allocation ${a.id} is for project "${projectId}", which is not in the register; its demand is shown as ${UNASSIGNED}.`,
      });
    } else if (!role) {
      out.problems.push({
        entity: "Allocations",
        id: a.id,
        field: "Role",
        message: `Allocation ${a.id} has no Role (and no known ResourceName); its demand is shown as ${UNASSIGNED}.`,
      });
    } else if (!options.knownRoles.has(role)) {
      out.problems.push({
        entity: "Allocations",
        id: a.id,
        field: "Role",
        message: `Allocation ${a.id} asks for role "${role}", which no resource supplies; it shows as demand with no capacity.`,
      });
    }
    const proposed = textValue(a.values.Type)?.toLowerCase() === "proposed";
    let perProject = out.byProject.get(projectId);
    if (!perProject) {
      perProject = new Map();
      out.byProject.set(projectId, perProject);
    }
    const total = row(out.total, roleKey, n);
    const kind = row(proposed ? out.proposed : out.committed, roleKey, n);
    const own = row(perProject, roleKey, n);
    const person = resource ? row(out.byResource, resource, n) : null;
    spreadFte(horizon, s, f, fte, (i, v) => {
      total[i] += v;
      kind[i] += v;
      own[i] += v;
      if (person) person[i] += v;
    });
  }
  return out;
}

function perDayFte(
  a: EntityRecord<"Allocations">,
  s: number,
  f: number,
  hoursPerDay: number,
  problems: CapacityProblem[],
): number | null {
  const fte = numberValue(a.values.FTE);
  if (fte !== null) {
    if (fte < 0) {
      problems.push({
        entity: "Allocations",
        id: a.id,
        field: "FTE",
        message: `Allocation ${a.id} has a negative FTE (${fte}); it is not counted.`,
      });
      return null;
    }
    return fte;
  }
  const hours = numberValue(a.values.Hours);
  if (hours !== null && hours >= 0) {
    const wd = workingDaysBetween(s, f);
    if (wd === 0) {
      problems.push({
        entity: "Allocations",
        id: a.id,
        field: "Start",
        message: `Allocation ${a.id} has ${hours} hours but no working day between its dates; it is not counted.`,
      });
      return null;
    }
    return hours / wd / hoursPerDay;
  }
  problems.push({
    entity: "Allocations",
    id: a.id,
    field: "FTE",
    message: `Allocation ${a.id} has neither FTE nor Hours; it is not counted. Fill in one of them.`,
  });
  return null;
}

export function computeSupply(
  register: Register,
  horizon: Horizon,
): { supply: Map<string, Float64Array>; problems: CapacityProblem[] } {
  const n = horizon.months.length;
  const supply = new Map<string, Float64Array>();
  const problems: CapacityProblem[] = [];
  const first = horizon.spans[0]?.first ?? 0;
  const last = horizon.spans[n - 1]?.last ?? 0;
  for (const r of register.entities.Resources) {
    const role = textValue(r.values.Role);
    const fte = numberValue(r.values.FTE) ?? 1;
    if (!role) {
      problems.push({
        entity: "Resources",
        id: r.id,
        field: "Role",
        message: `Resource ${r.id} has no Role; it supplies no capacity.`,
      });
      continue;
    }
    const s = isIsoDate(r.values.Start) ? epochDay(r.values.Start) : first;
    const f = isIsoDate(r.values.Finish) ? epochDay(r.values.Finish) : last;
    if (!supply.has(role)) supply.set(role, new Float64Array(n));
    const arr = supply.get(role)!;
    spreadFte(horizon, s, f, fte, (i, v) => {
      arr[i] += v;
    });
  }
  const adjusted = new Map<string, string[]>();
  for (const adj of register.entities.CapacityAdjustments) {
    const role = textValue(adj.values.Role);
    const period = adj.values.Period;
    const delta = numberValue(adj.values.DeltaFTE);
    if (!role || !isIsoDate(period) || delta === null) {
      problems.push({
        entity: "CapacityAdjustments",
        id: adj.id,
        field: !role ? "Role" : !isIsoDate(period) ? "Period" : "DeltaFTE",
        message: `Capacity adjustment ${adj.id} needs a Role, a Period month and a DeltaFTE number; it is not counted.`,
      });
      continue;
    }
    const i = horizon.index.get(period.slice(0, 7));
    if (i === undefined) continue;
    if (!supply.has(role)) supply.set(role, new Float64Array(n));
    supply.get(role)![i] += delta;
    adjusted.set(`${role}\u0000${i}`, [...(adjusted.get(`${role}\u0000${i}`) ?? []), adj.id]);
  }
  // Leave can take away at most the people there are: no month has negative capacity.
  for (const [key, ids] of adjusted) {
    const [role, at] = key.split("\u0000");
    const arr = supply.get(role)!;
    const i = Number(at);
    if (arr[i] >= -1e-9) continue;
    problems.push({
      entity: "CapacityAdjustments",
      id: ids[0],
      field: "DeltaFTE",
      message: `Capacity adjustments ${ids.join(", ")} take more from ${role} in ${horizon.months[i]} than it has (${arr[i].toFixed(2)} FTE would remain); that month's supply is counted as 0.`,
    });
    arr[i] = 0;
  }
  return { supply, problems };
}
