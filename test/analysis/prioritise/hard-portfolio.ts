import { seededRng } from "../../../src/domain/random";
import type { SelectionInput } from "../../../src/analysis/prioritise/selection-types";

/**
 * A portfolio HiGHS cannot prove optimal in seconds: a correlated multidimensional knapsack in
 * the style of Chu and Beasley's OR-Library mknapcb set (weights 1–1000 on `roles` constraints,
 * each project's value its mean weight plus up to 500, capacity half the total demand). Selection
 * tests use it to stop a solve mid-way and check the best selection found so far. Seeded.
 */
export interface HardPortfolio {
  ids: string[];
  /** weights[j][k]: project j's demand on role k (FTE in one month). */
  weights: number[][];
  values: number[];
  capacities: number[];
}

export function hardPortfolio(n = 250, roles = 5, seed = 7): HardPortfolio {
  const rng = seededRng(seed);
  const weights = Array.from({ length: n }, () => Array.from({ length: roles }, () => 1 + Math.floor(rng() * 1000)));
  const values = weights.map((w) => Math.round(w.reduce((a, b) => a + b, 0) / roles + 500 * rng()));
  const capacities = Array.from({ length: roles }, (_, k) => Math.floor(0.5 * weights.reduce((a, w) => a + w[k], 0)));
  const ids = weights.map((_, j) => `P-${String(j + 1).padStart(4, "0")}`);
  return { ids, weights, values, capacities };
}

export const roleName = (k: number): string => `R${k + 1}`;

export function hardSelectionInput(p: HardPortfolio = hardPortfolio()): SelectionInput {
  return {
    projects: p.ids.map((id, j) => ({ id, value: p.values[j] })),
    months: ["2026-01"],
    demand: new Map(p.ids.map((id, j) => [id, new Map(p.weights[j].map((w, k) => [roleName(k), [w]]))])),
    supply: new Map(p.capacities.map((c, k) => [roleName(k), [c]])),
  };
}

/** The same portfolio as a PMO would hold it: Projects, Resources and Allocations CSVs (value in FinancialValue). */
export function hardPortfolioCsvs(p: HardPortfolio = hardPortfolio()): Record<string, string> {
  const csv = (rows: (string | number)[][]): string => rows.map((r) => r.join(",")).join("\n") + "\n";
  return {
    "Projects.csv": csv([
      ["ProjectId", "Name", "Stage", "Status", "FinancialValue"],
      ...p.ids.map((id, j) => [id, `Candidate ${j + 1}`, "Business Case", "Active", p.values[j] * 1000]),
    ]),
    "Resources.csv": csv([
      ["ResourceId", "Name", "Role", "FTE"],
      ...p.capacities.map((c, k) => [`RES-${k + 1}`, `Pool ${k + 1}`, roleName(k), c]),
    ]),
    "Allocations.csv": csv([
      ["ProjectId", "Role", "Start", "Finish", "FTE"],
      ...p.ids.flatMap((id, j) => p.weights[j].map((w, k) => [id, roleName(k), "2026-01-01", "2026-01-31", w])),
    ]),
  };
}
