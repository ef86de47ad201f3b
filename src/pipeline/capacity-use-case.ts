import type { CapacityPlan } from "../analysis/capacity/capacity-plan";
import { planCapacity } from "../analysis/capacity/capacity-plan";
import type { LevellingResult } from "../analysis/capacity/levelling";
import { levelCapacity } from "../analysis/capacity/levelling";
import type { Register } from "../domain/register";
import type { Settings } from "../domain/settings";
import { capacitySheet, levellingSheet } from "../report/capacity-sheets";
import type { SheetSpec } from "../workbook/spec";

export interface CapacityRun {
  plan: CapacityPlan;
  levelling?: LevellingResult;
  scenario: string;
  sheets: SheetSpec[];
}

/** Demand against supply (and optionally a levelling proposal) with the sheets that show it. */
export function runCapacity(
  register: Register,
  settings: Settings,
  options: { from?: string; months?: number; selected?: Set<string>; level?: boolean; priority?: string[] } = {},
): CapacityRun {
  const g = settings.general;
  const plan = planCapacity(register, {
    hoursPerDay: g.hoursPerDay,
    from: options.from,
    months: options.months,
    projects: options.selected,
    amber: g.utilisationAmber,
    red: g.utilisationRed,
  });
  const scenario = options.selected ? `selected portfolio (${options.selected.size} projects)` : "all projects";
  const sheets = [capacitySheet(plan, scenario, g.utilisationAmber, g.utilisationRed)];
  let levelling: LevellingResult | undefined;
  if (options.level) {
    levelling = levelCapacity(register, {
      months: plan.months,
      priority: options.priority,
      maxShiftMonths: g.levellingMaxShiftMonths,
      hoursPerDay: g.hoursPerDay,
    });
    sheets.push(levellingSheet(levelling, g.levellingMaxShiftMonths));
  }
  return { plan, levelling, scenario, sheets };
}

/** The `capacity` JSON contract (docs/conventions.md "JSON shapes"). */
export function capacityJson(run: CapacityRun) {
  const r6 = (v: number) => Math.round(v * 1e6) / 1e6;
  return {
    scenario: run.scenario,
    months: run.plan.months,
    roles: Object.fromEntries(
      Object.entries(run.plan.roles).map(([role, rc]) => [
        role,
        {
          demand: rc.demand.map(r6),
          committed: rc.committed.map(r6),
          proposed: rc.proposed.map(r6),
          supply: rc.supply.map(r6),
          utilisation: rc.utilisation.map((u) => (u === null ? null : r6(u))),
          bands: rc.bands,
        },
      ]),
    ),
    hotspots: run.plan.hotspots.map((h) => ({
      ...h,
      demand: r6(h.demand),
      supply: r6(h.supply),
      utilisation: h.utilisation === null ? null : r6(h.utilisation),
      overload: r6(h.overload),
    })),
    problems: run.plan.problems,
    ...(run.levelling ? { levelling: run.levelling } : {}),
  };
}
