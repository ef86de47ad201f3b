import { compareIds } from "../../domain/ids";
import type { SelectionModel } from "./selection-model";
import { rowTolerance } from "./selection-model";
import type { ConflictExplanation } from "./selection-types";

/**
 * Which forced choices conflict. With non-negative costs and demands, a set of forced choices
 * is feasible exactly when the smallest selection it implies — the forced-in projects plus
 * everything they require, transitively — breaks no forced-out choice and no budget, capacity
 * or excludes row (any other selection containing it uses at least as much of every row). That
 * check is linear, so a deletion filter over it gives a minimal conflicting set exactly. HiGHS's
 * IIS is tried first; its answer is checked with the same test and reduced if not minimal.
 */
interface Item {
  kind: "col" | "row";
  index: number;
}

function infeasible(m: SelectionModel, items: readonly Item[]): boolean {
  const forcedIn: number[] = [];
  const forcedOut = new Set<number>();
  const rows: number[] = [];
  for (const it of items) {
    if (it.kind === "row") rows.push(it.index);
    else if (m.lower[it.index] > 0) forcedIn.push(it.index);
    else if (m.upper[it.index] < 1) forcedOut.add(it.index);
  }
  const requires = new Map<number, number[]>();
  for (const r of rows) {
    const row = m.rows[r];
    if (row.kind !== "requires") continue;
    const list = requires.get(row.cols[0]) ?? [];
    list.push(row.cols[1]);
    requires.set(row.cols[0], list);
  }
  const chosen = new Set<number>();
  const stack = [...forcedIn];
  while (stack.length) {
    const c = stack.pop()!;
    if (chosen.has(c)) continue;
    chosen.add(c);
    for (const next of requires.get(c) ?? []) stack.push(next);
  }
  for (const c of chosen) if (forcedOut.has(c)) return true;
  for (const r of rows) {
    const row = m.rows[r];
    if (row.kind === "requires") continue;
    let use = 0;
    row.cols.forEach((c, k) => {
      if (chosen.has(c)) use += row.coefs[k];
    });
    if (use > row.upper + rowTolerance(row)) return true;
  }
  return false;
}

/** Drops each item in turn and keeps it out if the rest still conflict: what remains is minimal. */
function deletionFilter(m: SelectionModel, items: Item[]): Item[] {
  const kept = items.slice();
  for (let i = 0; i < kept.length;) {
    const without = kept.filter((_, k) => k !== i);
    if (infeasible(m, without)) kept.splice(i, 1);
    else i++;
  }
  return kept;
}

function allItems(m: SelectionModel): Item[] {
  const items: Item[] = [];
  m.ids.forEach((_, c) => {
    if (m.lower[c] > 0 || m.upper[c] < 1) items.push({ kind: "col", index: c });
  });
  m.rows.forEach((row, r) => {
    if (Number.isFinite(row.upper)) items.push({ kind: "row", index: r });
  });
  return items;
}

function describe(m: SelectionModel, items: Item[], method: ConflictExplanation["method"]): ConflictExplanation {
  const forced = items.filter((i) => i.kind === "col").map((i) => m.ids[i.index]);
  forced.sort(compareIds);
  const constraints = items.filter((i) => i.kind === "row").map((i) => m.rows[i.index].name);
  const label = (id: string): string => {
    const c = m.ids.indexOf(id);
    return `${id} (${(m.fixed[c] ?? "forced").replace(/[()]/g, "")})`;
  };
  const message =
    forced.length === 0
      ? `No selection can satisfy ${constraints.join(", ")}: the limit is below zero.`
      : `These choices cannot all hold: ${forced.map(label).join(", ")}` +
        (constraints.length ? ` with ${constraints.join(", ")}.` : ".") +
        " Release one of them, or raise one of the limits.";
  return { forced, constraints, method, message };
}

/** A minimal set of forced choices and constraints that cannot hold together; null if there is none. */
export function explainInfeasibility(
  m: SelectionModel,
  iis: { cols: number[]; rows: number[] } | null,
): ConflictExplanation | null {
  const everything = allItems(m);
  if (!infeasible(m, everything)) return null;
  if (iis) {
    const fromIis: Item[] = [
      ...iis.cols.filter((c) => m.lower[c] > 0 || m.upper[c] < 1).map((c) => ({ kind: "col" as const, index: c })),
      ...iis.rows.filter((r) => r >= 0 && r < m.rows.length).map((r) => ({ kind: "row" as const, index: r })),
    ];
    if (infeasible(m, fromIis)) {
      const minimal = deletionFilter(m, fromIis);
      return describe(m, minimal, minimal.length === fromIis.length ? "HiGHS IIS" : "HiGHS IIS + deletion filter");
    }
  }
  return describe(m, deletionFilter(m, everything), "deletion filter");
}
