import { deliveryCommitted } from "../../domain/commitment";
import { compareIds } from "../../domain/ids";
import type { DecisionReason, SelectionInput, SelectionOptions } from "./selection-types";

/**
 * The 0-1 model behind portfolio selection, as plain arrays: one binary column per project (in
 * id order, so the model does not depend on input order), one ≤ row per constraint. All budget
 * and capacity coefficients are non-negative; that is what lets the conflict finder decide
 * feasibility of a set of forced choices exactly (see selection-conflicts.ts).
 */
export type RowKind = "budget" | "budgetYear" | "capacity" | "requires" | "excludes";

export interface ModelRow {
  name: string;
  kind: RowKind;
  /** For capacity rows. */
  role?: string;
  month?: number;
  cols: number[];
  coefs: number[];
  /** Row upper bound (Infinity = unconstrained). */
  upper: number;
}

export interface SelectionModel {
  ids: string[];
  values: number[];
  costs: number[];
  lower: number[];
  upper: number[];
  /** Why a column's bounds are fixed, if they are. */
  fixed: (DecisionReason | null)[];
  rows: ModelRow[];
  /** Index of the total-budget row (always present; upper Infinity when there is no budget). */
  budgetRow: number;
  /** Capacity rows per role. */
  roleRows: Map<string, number[]>;
  months: string[];
  /** Per role, per month: capacity = supply × (1 + over-allocation). */
  capacityLimit: Record<string, number[]>;
  /** Per project column, per role: demand per month. */
  demandByCol: Map<string, number[]>[];
  overAllocation: number;
  notes: string[];
  problems: string[];
}

const nonNegative = (x: number | undefined, what: string, problems: string[]): number => {
  if (x === undefined || x === null) return 0;
  if (!Number.isFinite(x)) {
    problems.push(`${what} is ${String(x)}, not a number; it counts as 0.`);
    return 0;
  }
  if (x < 0) {
    problems.push(`${what} is negative (${x}); it counts as 0.`);
    return 0;
  }
  return x;
};

export function buildSelectionModel(input: SelectionInput, options: SelectionOptions = {}): SelectionModel {
  const notes: string[] = [];
  const problems: string[] = [];
  const commitDelivery = options.commitDelivery ?? true;
  const byId = new Map<string, (typeof input.projects)[number]>();
  for (const p of input.projects) {
    if (byId.has(p.id)) problems.push(`Project ${p.id} appears more than once; only the first is used.`);
    else byId.set(p.id, p);
  }
  const ids = [...byId.keys()].sort(compareIds);
  const col = new Map(ids.map((id, i) => [id, i]));
  const values: number[] = [];
  const costs: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const fixed: (DecisionReason | null)[] = [];
  for (const id of ids) {
    const p = byId.get(id)!;
    if (!Number.isFinite(p.value))
      problems.push(`Project ${id} has value ${String(p.value)}, not a number; it counts as 0.`);
    values.push(Number.isFinite(p.value) ? p.value : 0);
    costs.push(nonNegative(p.cost, `Project ${id}'s cost`, problems));
    const override = p.selection ?? "Auto";
    const reason: DecisionReason | null =
      override === "Forced out"
        ? "forced out"
        : override === "Forced in"
          ? "forced in"
          : commitDelivery && deliveryCommitted(p.stage)
            ? "committed (in Delivery)"
            : null;
    fixed.push(reason);
    lower.push(reason === "forced in" || reason === "committed (in Delivery)" ? 1 : 0);
    upper.push(reason === "forced out" ? 0 : 1);
  }

  const rows: ModelRow[] = [];
  const budget = input.budget;
  const hasBudget = budget !== null && budget !== undefined && Number.isFinite(budget);
  if (!hasBudget) notes.push("No budget was given, so the total budget does not constrain the selection.");
  rows.push({
    name: "budget",
    kind: "budget",
    cols: ids.map((_, i) => i),
    coefs: costs.slice(),
    upper: hasBudget ? budget : Infinity,
  });

  for (const [year, limit] of Object.entries(input.budgetByYear ?? {}).sort(([a], [b]) => compareIds(a, b))) {
    const cols: number[] = [];
    const coefs: number[] = [];
    ids.forEach((id, i) => {
      const c = nonNegative(byId.get(id)!.costByYear?.[year], `Project ${id}'s cost in ${year}`, problems);
      if (c > 0) {
        cols.push(i);
        coefs.push(c);
      }
    });
    rows.push({ name: `budget ${year}`, kind: "budgetYear", cols, coefs, upper: limit });
  }

  const months = input.months ?? [];
  const over = input.overAllocation ?? 0;
  const demandByCol: Map<string, number[]>[] = ids.map(() => new Map());
  const roles = new Set<string>();
  for (const [id, perRole] of input.demand ?? new Map<string, Map<string, number[]>>()) {
    const c = col.get(id);
    if (c === undefined) {
      problems.push(
        `Capacity demand is given for project ${id}, which is not among the projects being selected; it is ignored.`,
      );
      continue;
    }
    for (const [role, series] of perRole) {
      roles.add(role);
      demandByCol[c].set(
        role,
        months.map((m, k) => nonNegative(series[k], `Project ${id}'s ${role} demand in ${m}`, problems)),
      );
    }
  }
  const capacityLimit: Record<string, number[]> = {};
  const roleRows = new Map<string, number[]>();
  for (const role of [...roles].sort(compareIds)) {
    const supply = input.supply?.get(role);
    if (!supply) {
      notes.push(`No supply is recorded for role ${role}, so its demand does not constrain the selection.`);
      continue;
    }
    if (supply.length !== months.length) {
      problems.push(
        `Role ${role} has supply for ${supply.length} months but ${months.length} months are planned; missing months count as 0.`,
      );
    }
    const limits = months.map((_, k) => (Number.isFinite(supply[k]) ? supply[k] : 0) * (1 + over));
    capacityLimit[role] = limits;
    months.forEach((month, k) => {
      const cols: number[] = [];
      const coefs: number[] = [];
      demandByCol.forEach((d, i) => {
        const x = d.get(role)?.[k] ?? 0;
        if (x > 0 && upper[i] > 0) {
          cols.push(i);
          coefs.push(x);
        }
      });
      // A month whose whole possible demand fits can never bind: leave it out of the model.
      if (cols.length === 0 || coefs.reduce((a, b) => a + b, 0) <= limits[k]) return;
      const list = roleRows.get(role) ?? [];
      list.push(rows.length);
      roleRows.set(role, list);
      rows.push({ name: `capacity ${role} ${month}`, kind: "capacity", role, month: k, cols, coefs, upper: limits[k] });
    });
  }

  for (const dep of input.dependencies ?? []) {
    const a = col.get(dep.from);
    const b = col.get(dep.to);
    if (a === undefined || b === undefined || a === b) {
      problems.push(
        a === b
          ? `Dependency ${dep.kind} ${dep.from} → ${dep.to} links a project to itself; it is ignored.`
          : `Dependency ${dep.kind} ${dep.from} → ${dep.to} names a project that is not being selected; it is ignored.`,
      );
      continue;
    }
    if (dep.kind === "requires") {
      rows.push({ name: `requires ${dep.from} → ${dep.to}`, kind: "requires", cols: [a, b], coefs: [1, -1], upper: 0 });
    } else {
      rows.push({ name: `excludes ${dep.from} / ${dep.to}`, kind: "excludes", cols: [a, b], coefs: [1, 1], upper: 1 });
    }
  }
  return {
    ids,
    values,
    costs,
    lower,
    upper,
    fixed,
    rows,
    budgetRow: 0,
    roleRows,
    months,
    capacityLimit,
    demandByCol,
    overAllocation: over,
    notes,
    problems,
  };
}

/** Row activity for a 0/1 selection. */
export function rowActivity(row: ModelRow, x: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < row.cols.length; k++) s += row.coefs[k] * (x[row.cols[k]] > 0.5 ? 1 : 0);
  return s;
}

/** Float noise allowance when checking a ≤ row (HiGHS's own feasibility tolerance is 1e-6 absolute). */
export function rowTolerance(row: ModelRow): number {
  return 1e-7 * Math.max(1, Math.abs(Number.isFinite(row.upper) ? row.upper : 0));
}

/**
 * Links in the longest Requires chain (A requires B requires C… is 2), found without recursion
 * (Kahn's order over the requires rows), so chains of any length are measured. Projects on a
 * Requires cycle cannot be ordered; each counts as one more link, which errs long.
 */
export function longestRequiresChain(m: SelectionModel): number {
  const n = m.ids.length;
  const next: number[][] = m.ids.map(() => []);
  const indegree = new Array<number>(n).fill(0);
  for (const row of m.rows) {
    if (row.kind !== "requires") continue;
    const [from, to] = row.cols;
    next[from].push(to);
    indegree[to]++;
  }
  const depth = new Array<number>(n).fill(0);
  const queue: number[] = [];
  for (let c = 0; c < n; c++) if (indegree[c] === 0) queue.push(c);
  let ordered = 0;
  let longest = 0;
  for (let head = 0; head < queue.length; head++) {
    const c = queue[head];
    ordered++;
    longest = Math.max(longest, depth[c]);
    for (const d of next[c]) {
      depth[d] = Math.max(depth[d], depth[c] + 1);
      if (--indegree[d] === 0) queue.push(d);
    }
  }
  return longest + (n - ordered);
}
