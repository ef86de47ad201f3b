import type { SelectionInput } from "../../../src/analysis/prioritise/selection-types";

/**
 * Beasley's OR-Library multidimensional knapsack files (mknap1.txt): the number of instances,
 * then per instance `n m optimum`, n profits, m rows of n weights, m capacities, as
 * whitespace-separated numbers (rows wrap freely). Used to check the selection engine against
 * published optima and by the bench (test-only, so it lives under test/); modelled the way the pipeline feeds selection: one role per
 * constraint row, a single month, demand = weights, supply = capacities, value = profits.
 */
export interface MknapInstance {
  n: number;
  m: number;
  /** Published optimum (0 when the file says it is unknown). */
  optimum: number;
  profits: number[];
  /** weights[row][item] */
  weights: number[][];
  capacities: number[];
}

export function parseMknap(text: string): MknapInstance[] {
  const tokens = text.split(/\s+/).filter((t) => t !== "");
  let at = 0;
  const next = (what: string): number => {
    if (at >= tokens.length) throw new Error(`mknap file ends early: expected ${what} at token ${at + 1}.`);
    const v = Number(tokens[at++]);
    if (!Number.isFinite(v))
      throw new Error(`mknap file has "${tokens[at - 1]}" where ${what} (a number) was expected (token ${at}).`);
    return v;
  };
  const count = next("the number of instances");
  const instances: MknapInstance[] = [];
  for (let k = 0; k < count; k++) {
    const n = next("the number of items");
    const m = next("the number of constraints");
    const optimum = next("the optimum");
    const profits = Array.from({ length: n }, () => next("a profit"));
    const weights = Array.from({ length: m }, () => Array.from({ length: n }, () => next("a weight")));
    const capacities = Array.from({ length: m }, () => next("a capacity"));
    instances.push({ n, m, optimum, profits, weights, capacities });
  }
  return instances;
}

const pad = (i: number, n: number): string => String(i + 1).padStart(String(n).length, "0");

export function mknapToSelectionInput(instance: MknapInstance): SelectionInput {
  const month = "M1";
  const projects = instance.profits.map((value, i) => ({ id: `x${pad(i, instance.n)}`, value }));
  const roles = instance.capacities.map((_, r) => `R${pad(r, instance.m)}`);
  const demand = new Map<string, Map<string, number[]>>();
  projects.forEach((p, i) => demand.set(p.id, new Map(roles.map((role, r) => [role, [instance.weights[r][i]]]))));
  const supply = new Map(roles.map((role, r) => [role, [instance.capacities[r]]]));
  return { projects, months: [month], demand, supply };
}
