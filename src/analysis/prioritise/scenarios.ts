import { compareIds } from "../../domain/ids";
import type { SelectionResult } from "./selection-types";

/**
 * Two selections side by side (e.g. "budget as approved" against "with 10 % over-allocation"):
 * which projects only one of them takes, and how value, cost and each role's capacity use move.
 */
export type NamedSelection = SelectionResult & { name: string };

export interface RoleUseComparison {
  /** Demand of the selected projects per month (aligned with `months`), in each scenario. */
  a: number[];
  b: number[];
  /** b − a per month. */
  delta: number[];
}

export interface ScenarioComparison {
  a: string;
  b: string;
  onlyInA: string[];
  onlyInB: string[];
  inBoth: string[];
  /** b − a. */
  objectiveDelta: number;
  costDelta: number;
  months: string[];
  capacityUse: Record<string, RoleUseComparison>;
  /** Per role whose use moves at all: the month it moves most, and by how much (b − a, FTE). */
  largestChanges: { role: string; month: string; delta: number }[];
  notes: string[];
}

export function compareScenarios(a: NamedSelection, b: NamedSelection): ScenarioComparison {
  const inA = new Set(a.selected);
  const inB = new Set(b.selected);
  const notes: string[] = [];
  const sameMonths = a.months.length === b.months.length && a.months.every((m, k) => m === b.months[k]);
  if (!sameMonths)
    notes.push(
      `Scenarios ${a.name} and ${b.name} plan different months; capacity use is compared over ${a.name}'s months.`,
    );
  const months = a.months;
  const align = (r: SelectionResult, series: number[] | undefined): number[] =>
    months.map((m) => {
      const k = r.months.indexOf(m);
      return k >= 0 && series ? (series[k] ?? 0) : 0;
    });
  const roles = [...new Set([...Object.keys(a.capacityUse), ...Object.keys(b.capacityUse)])].sort(compareIds);
  const capacityUse: Record<string, RoleUseComparison> = {};
  for (const role of roles) {
    const ua = align(a, a.capacityUse[role]);
    const ub = align(b, b.capacityUse[role]);
    capacityUse[role] = { a: ua, b: ub, delta: ub.map((v, k) => v - ua[k]) };
  }
  return {
    a: a.name,
    b: b.name,
    onlyInA: a.selected.filter((id) => !inB.has(id)).sort(compareIds),
    onlyInB: b.selected.filter((id) => !inA.has(id)).sort(compareIds),
    inBoth: a.selected.filter((id) => inB.has(id)).sort(compareIds),
    objectiveDelta: b.objective - a.objective,
    costDelta: b.cost - a.cost,
    months,
    capacityUse,
    largestChanges: roles.flatMap((role) => {
      const delta = capacityUse[role].delta;
      let k = 0;
      delta.forEach((d, i) => {
        if (Math.abs(d) > Math.abs(delta[k])) k = i;
      });
      return Math.abs(delta[k] ?? 0) > 1e-9 ? [{ role, month: months[k], delta: delta[k] }] : [];
    }),
    notes,
  };
}
