import { OWNED_SHEET } from "./owned-sheet-names";
import type { IsoDate } from "./dates";

/**
 * A portfolio selection saved under a name with the settings that produced it, kept on the
 * register's Scenarios sheet so it can be compared later (also against next month's register).
 * The sheet's and tables' names live here so the writer (src/report) and the reader (src/ingest)
 * agree without depending on each other.
 */
export interface SavedScenario {
  name: string;
  savedOn: IsoDate;
  method: "weighted" | "ahp" | "wsjf";
  /** `score` or the Projects column maximised. */
  objective: string;
  /** A total, the programmes' budget envelopes, or no budget constraint. */
  budget: number | "envelopes" | "none";
  /** Allowed over-allocation as a fraction (0.1 = 10 %). */
  overAllocation: number;
  status: "optimal" | "feasible" | "infeasible" | "stopped";
  /** The objective and cost when saved. */
  objectiveValue: number;
  cost: number;
  selected: string[];
}

export const SCENARIOS_SHEET = OWNED_SHEET.scenarios;
export const SCENARIOS_TABLE = "tblScenarios";
export const SCENARIO_PROJECTS_TABLE = "tblScenarioProjects";
export const SCENARIO_COLUMNS = [
  "Scenario",
  "Saved on",
  "Method",
  "Objective",
  "Budget",
  "Over-allocation",
  "Status",
  "Objective value",
  "Cost",
  "Projects selected",
] as const;
export const SCENARIO_PROJECT_COLUMNS = ["Scenario", "ProjectId"] as const;

/** Scenario names match ignoring case and surrounding spaces, as Excel's sheet and table names do. */
export function sameScenarioName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** Why a scenario name cannot be used, or null (a name a spreadsheet would read as a formula is refused). */
export function scenarioNameProblem(name: string): string | null {
  const n = name.trim();
  if (n === "") return "Give the scenario a name.";
  if (n.length > 60) return "Keep the scenario's name to 60 characters.";
  if (/^[=+\-@]/.test(n)) return "Start the scenario's name with a letter or digit.";
  return null;
}

/** A selection worth saving as a scenario: one that chose something (not infeasible, not stopped empty). */
export function selectionWorthSaving(selection: {
  status: SavedScenario["status"];
  selected: readonly string[];
}): boolean {
  return selection.status !== "infeasible" && selection.selected.length > 0;
}
