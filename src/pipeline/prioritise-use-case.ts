import { deliveryCommitted } from "../domain/commitment";
import { planCapacity } from "../analysis/capacity/capacity-plan";
import { ahpWeights } from "../analysis/prioritise/ahp";
import type { AhpResult } from "../analysis/prioritise/ahp";
import { scoreProjects } from "../analysis/prioritise/scoring";
import type { SelectionDependency, SelectionInput, SelectionProject } from "../analysis/prioritise/selection-types";
import type { RankingResult } from "../analysis/prioritise/types";
import { wsjf } from "../analysis/prioritise/wsjf";
import { SCHEMA } from "../domain/schema";
import type { Register } from "../domain/register";
import { numberValue, textValue, valueAt } from "../domain/register";
import type { Criterion, Settings } from "../domain/settings";

export type PrioritisationMethod = "weighted" | "ahp" | "wsjf";

/** A ranking of the register's projects by one method, with the criteria it used and any notes. */
export interface RankedProjects {
  method: PrioritisationMethod;
  criteria: Criterion[];
  ranking: RankingResult;
  ahp?: AhpResult;
  notes: string[];
}

/**
 * Weights from the AHP pairwise matrix on the settings sheet (its criteria matched by name); a
 * criterion the matrix does not name keeps no weight, and that is said.
 */
function ahpCriteria(
  settings: Settings,
  criteria: Criterion[],
  notes: string[],
): { criteria: Criterion[]; ahp?: AhpResult } {
  const m = settings.ahp;
  if (!m) {
    notes.push("PMO Settings has no AHP pairwise matrix; the weighted-scoring weights were used.");
    return { criteria };
  }
  const ahp = ahpWeights(m.matrix);
  const weightOf = new Map(m.criteria.map((c, i) => [c.toLowerCase(), ahp.weights[i] ?? 0]));
  for (const c of criteria)
    if (!weightOf.has(c.name.toLowerCase()))
      notes.push(`Criterion ${c.name} is not in the AHP matrix; it gets weight 0.`);
  if (!ahp.consistent) {
    const pair = ahp.mostInconsistentPair;
    notes.push(
      `The AHP judgements are inconsistent (CR ${ahp.cr.toFixed(3)} > 0.10)${pair ? `; revisit ${m.criteria[pair[0]]} vs ${m.criteria[pair[1]]} first` : ""}.`,
    );
  }
  return { criteria: criteria.map((c) => ({ ...c, weight: weightOf.get(c.name.toLowerCase()) ?? 0 })), ahp };
}

export function rankProjects(register: Register, settings: Settings, method: PrioritisationMethod): RankedProjects {
  const notes: string[] = [];
  let criteria = settings.criteria;
  let ahp: AhpResult | undefined;
  if (method === "ahp") ({ criteria, ahp } = ahpCriteria(settings, criteria, notes));
  const projects = register.entities.Projects;
  const ranking = method === "wsjf" ? wsjf(projects) : scoreProjects(projects, criteria);
  return { method, criteria: method === "wsjf" ? [] : criteria, ranking, ahp, notes: [...notes, ...ranking.notes] };
}

/**
 * The Projects column an objective names: a field (FinancialValue), a kept source column, or the
 * header a user knows from their own file ("Value", "NPV"), which the register maps to a field by
 * its aliases.
 */
export function objectiveColumn(register: Register, objective: string): string {
  const projects = register.entities.Projects;
  if (projects.some((p) => objective in p.values || objective in p.extras)) return objective;
  const wanted = objective
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/g, " ");
  const field = SCHEMA.Projects.fields.find(
    (f) => f.name.toLowerCase() === wanted.replace(/ /g, "") || (f.aliases ?? []).includes(wanted),
  );
  return field && (field.type === "number" || field.type === "money" || field.type === "integer")
    ? field.name
    : objective;
}

/**
 * Projects in Delivery are committed, and so is everything they require (transitively): a
 * prerequisite's load is as certain as the committed project's own.
 */
function committedWithPrerequisites(projects: SelectionProject[], dependencies: SelectionDependency[]): string[] {
  const out = new Set(
    projects.filter((p) => deliveryCommitted(p.stage) && p.selection !== "Forced out").map((p) => p.id),
  );
  const forcedOut = new Set(projects.filter((p) => p.selection === "Forced out").map((p) => p.id));
  const requires = dependencies.filter((d) => d.kind === "requires");
  for (let changed = true; changed;) {
    changed = false;
    for (const d of requires) {
      if (out.has(d.from) && !out.has(d.to) && !forcedOut.has(d.to)) {
        out.add(d.to);
        changed = true;
      }
    }
  }
  return [...out].sort();
}

/**
 * Composes the selection model's inputs from the register: each project's value (its score or a
 * numeric column), its cost (Budget), capacity demand and supply from the capacity module, and the
 * Requires / Excludes dependencies.
 */
export function selectionInput(
  register: Register,
  settings: Settings,
  ranking: RankingResult,
  options: { objective: string; budget?: number | null; overAllocation?: number },
): { input: SelectionInput; problems: string[] } {
  const problems: string[] = [];
  const score = new Map(ranking.ranking.map((r) => [r.id, r.score]));
  const byScore = options.objective === "score";
  const column = byScore ? options.objective : objectiveColumn(register, options.objective);
  if (column !== options.objective)
    problems.push(`Objective: "${options.objective}" is read from the register's ${column} column.`);
  const projects: SelectionProject[] = register.entities.Projects.map((p) => {
    let value: number | null = byScore ? (score.get(p.id) ?? 0) : null;
    if (!byScore) {
      const raw = valueAt(p, column) ?? p.extras[column];
      value = numberValue(raw ?? null);
      if (value === null) {
        if (raw !== null && raw !== undefined && raw !== "")
          problems.push(`${p.id}: ${column} is "${raw}", not a number; it counts as 0.`);
        value = 0;
      }
    }
    const selection = textValue(p.values.Selection);
    return {
      id: p.id,
      cost: numberValue(p.values.Budget) ?? undefined,
      selection: selection === "Forced in" || selection === "Forced out" || selection === "Auto" ? selection : null,
      value: value ?? 0,
      stage: textValue(p.values.Stage),
    };
  });
  const hasColumn = byScore || register.entities.Projects.some((p) => column in p.values || column in p.extras);
  if (!hasColumn)
    problems.push(
      `No project has a column named ${options.objective}; choose score or a numeric column of the Projects table.`,
    );
  // Without --budget the programmes' funding envelopes are the budget; with neither there is none.
  const envelopes = register.entities.Programmes.map((p) => numberValue(p.values.BudgetEnvelope)).filter(
    (v): v is number => v !== null,
  );
  let budget = options.budget;
  if (budget === undefined && envelopes.length > 0) {
    budget = envelopes.reduce((a, b) => a + b, 0);
    problems.push(
      `Budget: the programmes' budget envelopes, ${budget.toLocaleString("en-GB")} in all (set a budget to use another).`,
    );
  }
  const plan = planCapacity(register, { hoursPerDay: settings.general.hoursPerDay });
  const supply = new Map<string, number[]>();
  for (const [role, rc] of Object.entries(plan.roles))
    if (rc.supply.some((s) => s > 0)) supply.set(role, [...rc.supply]);
  // Work already in Delivery is committed: where it alone overloads a role, the limit is raised to
  // its load (so no new project may add to that month) instead of making every selection infeasible.
  const over = 1 + (options.overAllocation ?? settings.general.overAllocationPct);
  const dependencies: SelectionDependency[] = [];
  for (const d of register.entities.Dependencies) {
    const type = textValue(d.values.Type);
    const from = textValue(d.values.SuccessorId);
    const to = textValue(d.values.PredecessorId);
    if (!from || !to) continue;
    // "B requires A" is written as predecessor A, successor B.
    if (type === "Requires") dependencies.push({ kind: "requires", from, to });
    if (type === "Excludes") dependencies.push({ kind: "excludes", from, to });
  }
  const committed = committedWithPrerequisites(projects, dependencies);
  for (const [role, limit] of supply) {
    const raised: string[] = [];
    for (let m = 0; m < limit.length; m++) {
      let load = 0;
      for (const id of committed) load += plan.byProject.get(id)?.get(role)?.[m] ?? 0;
      if (load > limit[m] * over + 1e-9) {
        limit[m] = load / over;
        raised.push(plan.months[m]);
      }
    }
    if (raised.length > 0) {
      problems.push(
        `${role}: committed projects alone exceed capacity in ${raised.join(", ")}; those months' limits are raised to the committed load, so no new project adds to them.`,
      );
    }
  }
  return {
    problems,
    input: {
      projects,
      budget: budget ?? null,
      months: plan.months,
      demand: plan.byProject,
      supply,
      overAllocation: options.overAllocation ?? settings.general.overAllocationPct,
      dependencies,
    },
  };
}
