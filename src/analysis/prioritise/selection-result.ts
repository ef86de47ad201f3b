import { compareIds } from "../../domain/ids";
import type { SelectionModel } from "./selection-model";
import { rowActivity, rowTolerance } from "./selection-model";
import type {
  BindingConstraint,
  ProjectDecision,
  SelectionIncumbent,
  SelectionResult,
  SelectionStatus,
} from "./selection-types";

/**
 * What a 0-1 choice means for the register — objective, cost, what binds, why each project is in
 * or out, capacity used — computed from the model alone. Kept apart from the solver so a task pane
 * that ended its solver worker can still describe the best selection the worker reported, without
 * loading HiGHS.
 */

/** Σ over selected columns, in id order, so equal selections give bit-identical totals. */
export function selectedTotal(x: ArrayLike<number>, coefs: readonly number[]): number {
  let s = 0;
  for (let i = 0; i < coefs.length; i++) if (x[i] > 0.5) s += coefs[i];
  return s;
}

/** Rows that bind: tight (no slack), or keeping out some project that would otherwise fit. */
function analyse(
  m: SelectionModel,
  x: ArrayLike<number>,
): { binding: BindingConstraint[]; decisions: ProjectDecision[] } {
  const blockedBy = m.ids.map(() => [] as string[]);
  const binding: BindingConstraint[] = [];
  m.rows.forEach((row) => {
    if (!Number.isFinite(row.upper)) return;
    const use = rowActivity(row, x);
    const slack = row.upper - use;
    const tol = rowTolerance(row);
    const blocks: string[] = [];
    row.cols.forEach((c, k) => {
      if (x[c] > 0.5 || m.upper[c] < 1 || row.coefs[k] <= 0) return;
      if (use + row.coefs[k] > row.upper + tol) {
        blocks.push(m.ids[c]);
        blockedBy[c].push(row.name);
      }
    });
    const tight = slack <= tol && (row.kind === "budget" || row.kind === "budgetYear" || row.kind === "capacity");
    if (blocks.length > 0 || tight)
      binding.push({ constraint: row.name, slack: Math.abs(slack) <= tol ? 0 : slack, blocks });
  });
  const decisions: ProjectDecision[] = m.ids.map((id, c) => {
    const selected = x[c] > 0.5;
    const fixed = m.fixed[c];
    if (fixed) return { id, selected, reason: fixed, blockedBy: [] };
    if (selected) return { id, selected, reason: "selected", blockedBy: [] };
    if (blockedBy[c].length) return { id, selected, reason: "blocked", blockedBy: blockedBy[c] };
    return { id, selected, reason: m.values[c] <= 0 ? "no value" : "not in the best combination", blockedBy: [] };
  });
  return { binding, decisions };
}

function capacityUse(m: SelectionModel, x: ArrayLike<number>): Record<string, number[]> {
  const use: Record<string, number[]> = {};
  m.demandByCol.forEach((perRole, c) => {
    for (const [role, series] of perRole) {
      const acc = (use[role] ??= m.months.map(() => 0));
      if (x[c] > 0.5) series.forEach((d, k) => (acc[k] += d));
    }
  });
  return Object.fromEntries(
    Object.keys(use)
      .sort(compareIds)
      .map((r) => [r, use[r]]),
  );
}

/** A result with nothing chosen yet: the model's notes, problems, budget and capacity limits. */
export function emptySelectionResult(m: SelectionModel, objectiveName: string): SelectionResult {
  return {
    status: "stopped",
    objectiveName,
    objective: 0,
    cost: 0,
    budget: Number.isFinite(m.rows[m.budgetRow].upper) ? m.rows[m.budgetRow].upper : null,
    selected: [],
    binding: [],
    frontier: [],
    hire: [],
    decisions: [],
    months: m.months,
    capacityUse: {},
    capacityLimit: m.capacityLimit,
    gap: null,
    solveSeconds: 0,
    notes: [...m.notes],
    problems: [...m.problems],
  };
}

/** Fills `result` with what choice `x` (0/1 per model column) selects, costs and leaves out. */
export function describeChoice(result: SelectionResult, m: SelectionModel, x: ArrayLike<number>): SelectionResult {
  return Object.assign(result, {
    objective: selectedTotal(x, m.values),
    cost: selectedTotal(x, m.costs),
    selected: m.ids.filter((_, c) => x[c] > 0.5),
    capacityUse: capacityUse(m, x),
    ...analyse(m, x),
  });
}

/** An incumbent as the pane is told of it: which projects, and the objective in id order. */
export function incumbentOf(
  m: SelectionModel,
  x: ArrayLike<number>,
  solve: { bound: number | null; gap: number | null; seconds: number; status?: SelectionStatus },
): SelectionIncumbent {
  return {
    selected: m.ids.filter((_, c) => x[c] > 0.5),
    objective: selectedTotal(x, m.values),
    bound: solve.bound,
    gap: solve.gap,
    seconds: solve.seconds,
    ...(solve.status ? { status: solve.status } : {}),
  };
}

/** Words for how far a stopped selection may be from the best: "within 2.1 % of the best possible". */
export function gapWords(gap: number | null): string {
  if (gap === null || !Number.isFinite(gap)) return "how far it is from the best possible is not known";
  if (gap <= 1e-9) return "proven the best possible";
  return `within ${(gap * 100).toPrecision(2)} % of the best possible`;
}

/** "Best so far: score 1,234.5 with 37 projects (within 2.1 % of the best possible)". */
export function bestSoFarMessage(incumbent: SelectionIncumbent, objectiveName: string): string {
  const objective = incumbent.objective.toLocaleString("en-GB", { maximumFractionDigits: 1 });
  return `Best so far: ${objectiveName} ${objective} with ${incumbent.selected.length} projects (${gapWords(incumbent.gap)})`;
}

/**
 * The result for a solve stopped on request: the best selection reported before the stop (the
 * main solve's own, when it had ended), described as the solver would have, without frontier or
 * hire analysis.
 */
export function stoppedSelectionResult(
  m: SelectionModel,
  objectiveName: string,
  incumbent: SelectionIncumbent | null,
): SelectionResult {
  const result = emptySelectionResult(m, objectiveName);
  if (!incumbent) {
    result.problems.push(
      "The selection was stopped before the solver found any selection that meets every constraint; run it again with more time.",
    );
    return result;
  }
  const chosen = new Set(incumbent.selected);
  describeChoice(
    result,
    m,
    m.ids.map((id) => (chosen.has(id) ? 1 : 0)),
  );
  result.status = incumbent.status ?? "stopped";
  result.gap = incumbent.gap;
  result.solveSeconds = incumbent.seconds;
  if (incumbent.status === undefined)
    result.notes.push(
      `The selection was stopped on request after ${incumbent.seconds.toFixed(1)} s; the best selection found so far is kept (${gapWords(incumbent.gap)}).`,
    );
  result.notes.push("The frontier and hire analysis were not computed because the run was stopped.");
  return result;
}
