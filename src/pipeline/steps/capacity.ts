import type { CapacityPlan } from "../../analysis/capacity/capacity-plan";
import { planCapacity } from "../../analysis/capacity/capacity-plan";
import type { LevellingResult } from "../../analysis/capacity/levelling";
import { levelCapacity } from "../../analysis/capacity/levelling";
import type { Register } from "../../domain/register";
import type { Settings } from "../../domain/settings";
import { capacitySheet, levellingSheet } from "../../report/capacity-sheets";
import type { SheetSpec } from "../../workbook/spec";
import { isRegisterSheet } from "../open-register";
import { rankProjects } from "../prioritise-use-case";
import type { RegisterStep } from "./step";

export interface CapacityRun {
  plan: CapacityPlan;
  levelling?: LevellingResult;
  scenario: string;
}

/** Demand against supply (and optionally a levelling proposal) with the sheets that show it. */
export function runCapacity(
  register: Register,
  settings: Settings,
  options: CapacityOptions = {},
): CapacityRun & { sheets: SheetSpec[] } {
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

export interface CapacityOptions {
  /** First month `YYYY-MM` (default: the allocations' first month). */
  from?: string;
  months?: number;
  /** Only these projects' demand (the selected portfolio); all projects when absent. */
  selected?: Set<string>;
  /**
   * Also propose start shifts that level demand to supply. Levelling is this option of the capacity
   * step, not a step of its own: the proposal is read against the plan it levels, and the Capacity
   * and Levelling sheets are written together. Applying a proposal is the apply-levelling step.
   */
  level?: boolean;
  /** Priority order for levelling (best first); default: the weighted ranking from PMO Settings. */
  priority?: string[];
}

/** Demand against supply by role and month (and a levelling proposal), written as the Capacity (and Levelling) sheets. */
export const capacityStep: RegisterStep<CapacityOptions, CapacityRun> = {
  name: "capacity",
  opens: "register",
  reads: { select: isRegisterSheet },
  run(opened, options, { progress }) {
    progress({ stage: "Adding up demand and supply", done: 0, total: 1 });
    const priority =
      options.level && !options.priority
        ? rankProjects(opened.register, opened.settings, "weighted").ranking.ranking.map((r) => r.id)
        : options.priority;
    const run = runCapacity(opened.register, opened.settings, { ...options, priority });
    progress({
      stage: "Adding up demand and supply",
      done: 1,
      total: 1,
      message: `${Object.keys(run.plan.roles).length} roles × ${run.plan.months.length} months`,
    });
    const { sheets, ...value } = run;
    return { value, sheets };
  },
};

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
