import { seededRng } from "../../../src/domain/random";
import type { SelectionDependency, SelectionInput } from "../../../src/analysis/prioritise/selection-types";

/**
 * A synthetic portfolio for selection tests and the bench: `n` projects with costs, scores and
 * month-by-month demand for four roles over twelve months, supply at `capacityShare` of the
 * total demand each month (so capacity binds), a budget at `budgetShare` of the total cost,
 * `deps` dependencies (half requires, half excludes) and a few committed projects. Seeded.
 */
export const ROLES = ["Analyst", "Architect", "Developer", "Tester"];

export function generatedPortfolio(
  n: number,
  { seed = 7, deps = 40, capacityShare = 0.7, budgetShare = 0.4, committed = 0 } = {},
): SelectionInput {
  const rng = seededRng(seed);
  const months = Array.from({ length: 12 }, (_, k) => {
    const m = 3 + k; // April 2026 onwards
    return `${2026 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, "0")}`;
  });
  const width = String(n).length;
  const projects: SelectionInput["projects"] = [];
  const demand = new Map<string, Map<string, number[]>>();
  const totals = new Map(ROLES.map((r) => [r, months.map(() => 0)]));
  for (let i = 0; i < n; i++) {
    const id = `P-${String(i + 1).padStart(width, "0")}`;
    const cost = Math.round(50_000 + rng() * 950_000);
    const value = Math.round((10 + rng() * 90) * 100) / 100;
    const start = Math.floor(rng() * 10);
    const length = 2 + Math.floor(rng() * 7);
    const perRole = new Map<string, number[]>();
    for (const role of ROLES) {
      if (rng() >= 0.6) continue;
      const fte = Math.round((0.2 + rng() * 1.8) * 10) / 10;
      const series = months.map((_, k) => (k >= start && k < start + length ? fte : 0));
      perRole.set(role, series);
      series.forEach((d, k) => (totals.get(role)![k] += d));
    }
    demand.set(id, perRole);
    projects.push({ id, value, cost, stage: i < committed ? "Delivery" : "Planning" });
  }
  const supply = new Map(ROLES.map((r) => [r, totals.get(r)!.map((t) => Math.round(t * capacityShare * 10) / 10)]));
  const dependencies: SelectionDependency[] = [];
  const used = new Set<string>();
  while (dependencies.length < deps && n > 1) {
    const a = Math.floor(rng() * n);
    const b = Math.floor(rng() * n);
    const key = `${Math.min(a, b)}:${Math.max(a, b)}`;
    if (a === b || used.has(key)) continue;
    used.add(key);
    dependencies.push({
      kind: dependencies.length % 2 ? "excludes" : "requires",
      from: projects[a].id,
      to: projects[b].id,
    });
  }
  const totalCost = projects.reduce((s, p) => s + (p.cost ?? 0), 0);
  return { projects, budget: Math.round(totalCost * budgetShare), months, demand, supply, dependencies };
}
