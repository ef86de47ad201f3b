import { loadSolver, PortfolioSolver, SolverFailure } from "./highs-solver";
import type { SolveOutcome } from "./highs-solver";
import { explainInfeasibility } from "./selection-conflicts";
import type { SelectionModel } from "./selection-model";
import { buildSelectionModel } from "./selection-model";
import { describeChoice, emptySelectionResult, incumbentOf, selectedTotal as total } from "./selection-result";
import type {
  BindingConstraint,
  FrontierPoint,
  HireGain,
  SelectionInput,
  SelectionOptions,
  SelectionProgress,
  SelectionResult,
} from "./selection-types";

/**
 * Exact portfolio selection (docs/domain.md "Portfolio selection"): maximise Σ value·x over 0-1 choices subject to the total
 * and per-year budgets, role capacity per month, forced and committed choices, and requires /
 * excludes dependencies, solved to proven optimality by HiGHS's branch and cut. Then: which
 * constraints bind, why each project is in or out, the efficient frontier over the budget, the
 * value one more FTE of each binding role would unlock, and — when the forced choices cannot
 * all hold — a minimal conflicting set.
 */
export const DEFAULT_FRONTIER_LEVELS = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

/** Objectives are compared with a relative tolerance of 1e-9 (docs/conventions.md "Defaults"). */
export function sameObjective(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Shares a time budget over a number of solves: an equal share of what is left each time. */
function budgetShare(totalSeconds: number, startedAt: number, left: number, cap: number): number {
  const remaining = totalSeconds - (Date.now() - startedAt) / 1000;
  return Math.min(cap, Math.max(0.2, remaining / Math.max(1, left)));
}

/**
 * One bad part never sinks the run: if HiGHS cannot load, rejects the model or crashes, the result
 * says "Selection not available: …" (status stopped, nothing selected) and the caller writes the
 * rest of its output. A cancelled run still ends as cancelled.
 */
export async function selectPortfolio(input: SelectionInput, options: SelectionOptions = {}): Promise<SelectionResult> {
  try {
    return await solveSelection(input, options);
  } catch (err) {
    if (options.signal?.aborted) throw err;
    const reason = err instanceof SolverFailure ? err.message : `${(err as Error)?.message ?? String(err)}`;
    return unavailableSelection(input, options, reason);
  }
}

function unavailableSelection(input: SelectionInput, options: SelectionOptions, reason: string): SelectionResult {
  let m: SelectionModel;
  try {
    m = buildSelectionModel(input, options);
  } catch {
    m = buildSelectionModel({ projects: [], budget: input.budget }, options);
  }
  const result = emptySelectionResult(m, options.objectiveName ?? "value");
  result.unavailable = `Selection not available: ${reason}. The ranking and the other analyses stand; check the budgets and costs for extreme values, or run the selection again with fewer projects.`;
  result.notes.push(result.unavailable);
  result.decisions = m.ids.map((id, c) => ({ id, selected: false, reason: m.fixed[c] ?? "blocked", blockedBy: [] }));
  return result;
}

async function solveSelection(input: SelectionInput, options: SelectionOptions): Promise<SelectionResult> {
  const objectiveName = options.objectiveName ?? "value";
  const progress = (p: SelectionProgress): void => options.onProgress?.(p);
  const m = buildSelectionModel(input, options);
  progress({ phase: "load", done: 0, total: 1, message: "Loading the HiGHS solver" });
  const highs = await loadSolver();
  const solver = new PortfolioSolver(highs, m, {
    timeLimitSeconds: options.timeLimitSeconds ?? 60,
    mipGap: options.mipGap ?? 1e-9,
    signal: options.signal,
    stop: options.stop,
  });
  const base = emptySelectionResult(m, objectiveName);
  const { notes, problems } = base;
  notes.push(...solver.notes());
  const onIncumbent = options.onIncumbent;
  try {
    progress({
      phase: "solve",
      done: 0,
      total: 1,
      message: `Selecting from ${m.ids.length} projects (${m.rows.length} constraints)`,
    });
    const main = solver.solve(null, onIncumbent && ((found) => onIncumbent(incumbentOf(m, found.x, found))));
    base.solveSeconds = main.seconds;
    base.gap = main.gap;
    base.status = main.status;
    progress({ phase: "solve", done: 1, total: 1, message: `Selection ${main.status}` });
    if (main.status === "infeasible") {
      progress({ phase: "conflicts", done: 0, total: 1, message: "Finding which forced choices conflict" });
      const conflicts = explainInfeasibility(m, solver.iis());
      if (conflicts) base.conflicts = conflicts;
      else problems.push("HiGHS reported the selection infeasible but no conflicting set of choices was found.");
      base.decisions = m.ids.map((id, c) => ({ id, selected: false, reason: m.fixed[c] ?? "blocked", blockedBy: [] }));
      return base;
    }
    if (main.reason)
      notes.push(`The selection is ${main.status}: ${main.reason}; the best selection found so far is kept.`);
    if (!main.x) return base;
    const x = main.x;
    onIncumbent?.(incumbentOf(m, x, { bound: null, gap: main.gap, seconds: main.seconds, status: main.status }));
    describeChoice(base, m, x);
    const objective = base.objective;
    if (main.status === "stopped") return base;
    if (options.frontier ?? true) base.frontier = await frontier(m, solver, options, progress, notes);
    if (options.hire ?? true) base.hire = await hire(m, solver, x, objective, base.binding, options, progress, notes);
    progress({
      phase: "done",
      done: 1,
      total: 1,
      message: `Selected ${base.selected.length} of ${m.ids.length} projects`,
    });
    return base;
  } finally {
    solver.dispose();
  }
}

async function frontier(
  m: SelectionModel,
  solver: PortfolioSolver,
  options: SelectionOptions,
  progress: (p: SelectionProgress) => void,
  notes: string[],
): Promise<FrontierPoint[]> {
  const eligibleCost = m.costs.reduce((s, c, i) => s + (m.upper[i] > 0 ? c : 0), 0);
  if (eligibleCost <= 0) return [];
  const budget = m.rows[m.budgetRow].upper;
  const levels = (options.frontierLevels ?? DEFAULT_FRONTIER_LEVELS).map((f) => f * eligibleCost);
  if (Number.isFinite(budget) && !levels.some((l) => Math.abs(l - budget) <= 1e-9 * Math.max(1, budget)))
    levels.push(budget);
  levels.sort((a, b) => a - b);
  const points: FrontierPoint[] = [];
  // Ascending budgets: the last feasible selection stays feasible, so it warm-starts the next solve.
  let warm: Float64Array | null = null;
  const startedAt = Date.now();
  const cap = options.timeLimitSeconds ?? 60;
  for (const [k, level] of levels.entries()) {
    await yieldToEventLoop();
    if (solver.aborted()) break;
    solver.setTimeLimit(budgetShare(options.frontierTimeLimitSeconds ?? 30, startedAt, levels.length - k, cap));
    solver.setRowUpper(m.budgetRow, level);
    let out: SolveOutcome;
    try {
      out = solver.solve(warm);
    } catch (err) {
      if (!(err instanceof SolverFailure)) throw err;
      notes.push(`The efficient frontier stops below a budget of ${Math.round(level)}: ${err.message}.`);
      break;
    }
    if (out.x) warm = out.x;
    points.push({
      budget: level,
      objective: out.x ? total(out.x, m.values) : null,
      cost: out.x ? total(out.x, m.costs) : null,
      selectedCount: out.x ? out.x.reduce((s, v) => s + (v > 0.5 ? 1 : 0), 0) : 0,
      status: out.status,
    });
    progress({
      phase: "frontier",
      done: k + 1,
      total: levels.length,
      message: `Frontier at budget ${Math.round(level)}`,
    });
  }
  solver.setRowUpper(m.budgetRow, budget);
  solver.setTimeLimit(cap);
  return points;
}

async function hire(
  m: SelectionModel,
  solver: PortfolioSolver,
  x0: Float64Array,
  objective: number,
  binding: BindingConstraint[],
  options: SelectionOptions,
  progress: (p: SelectionProgress) => void,
  notes: string[],
): Promise<HireGain[]> {
  const bindingNames = new Set(binding.map((b) => b.constraint));
  const roles = [...m.roleRows.keys()].filter((role) =>
    m.roleRows.get(role)!.some((r) => bindingNames.has(m.rows[r].name)),
  );
  const gains: HireGain[] = [];
  const startedAt = Date.now();
  const cap = options.timeLimitSeconds ?? 60;
  for (const [k, role] of roles.entries()) {
    await yieldToEventLoop();
    if (solver.aborted()) break;
    solver.setTimeLimit(budgetShare(options.hireTimeLimitSeconds ?? 30, startedAt, roles.length - k, cap));
    const rows = m.roleRows.get(role)!;
    // One more FTE in every month, with the same over-allocation allowance as the rest of the supply.
    for (const r of rows) solver.setRowUpper(r, m.rows[r].upper + 1 + m.overAllocation);
    let out: SolveOutcome;
    try {
      out = solver.solve(x0);
    } catch (err) {
      if (!(err instanceof SolverFailure)) throw err;
      notes.push(`The hire analysis for ${role} is not available: ${err.message}.`);
      break;
    } finally {
      for (const r of rows) solver.setRowUpper(r, m.rows[r].upper);
    }
    const better = out.x ? total(out.x, m.values) : objective;
    gains.push({ role, gain: sameObjective(better, objective) ? 0 : better - objective, status: out.status });
    progress({ phase: "hire", done: k + 1, total: roles.length, message: `Hire analysis: ${role}` });
  }
  return gains;
}
