import { compareScenarios, type ScenarioComparison } from "../analysis/prioritise/scenarios";
import { buildSelectionModel, rowActivity, rowTolerance } from "../analysis/prioritise/selection-model";
import { describeChoice, emptySelectionResult } from "../analysis/prioritise/selection-result";
import type { SelectionResult } from "../analysis/prioritise/selection-types";
import type { IsoDate } from "../domain/dates";
import type { Register } from "../domain/register";
import { sameScenarioName, type SavedScenario } from "../domain/scenarios";
import type { Settings } from "../domain/settings";
import { readScenarios, type ScenariosRead } from "../ingest/read-scenarios";
import { scenariosSheet } from "../report/scenarios-sheet";
import type { Grid } from "../workbook/grid";
import type { SheetSpec } from "../workbook/spec";
import { rankProjects, selectionInput, type PrioritisationMethod } from "./prioritise-use-case";

/**
 * Scenarios (prioritisation issue, item 5): a selection saved under a name with its settings, and
 * two saved scenarios compared side by side. The comparison re-prices both selections against the
 * register as it is now (its scores, costs and allocations, each with its own objective, budget
 * and over-allocation), so a scenario saved last month is compared on this month's figures; the
 * values when saved are kept on the sheet beside them.
 */
export interface ScenarioSettings {
  method: PrioritisationMethod;
  objective?: string;
  /** As the selection was run: a total, undefined = the programmes' envelopes, null = none. */
  budget?: number | null;
  /** Fraction; undefined = PMO Settings' default. */
  overAllocation?: number;
}

export function scenarioFromSelection(
  name: string,
  selection: SelectionResult,
  run: ScenarioSettings,
  settings: Settings,
  savedOn: IsoDate,
): SavedScenario {
  return {
    name: name.trim(),
    savedOn,
    method: run.method,
    objective: run.objective ?? "score",
    budget: run.budget === undefined ? "envelopes" : run.budget === null ? "none" : run.budget,
    overAllocation: run.overAllocation ?? settings.general.overAllocationPct,
    status: selection.status,
    objectiveValue: selection.objective,
    cost: selection.cost,
    selected: [...selection.selected],
  };
}

/** Adds a scenario, replacing one of the same name (ignoring case) in its place. */
export function withScenario(saved: readonly SavedScenario[], scenario: SavedScenario): SavedScenario[] {
  const at = saved.findIndex((s) => sameScenarioName(s.name, scenario.name));
  return at < 0 ? [...saved, scenario] : saved.map((s, k) => (k === at ? scenario : s));
}

/** The Scenarios sheet with `scenario` added (or replacing its namesake), from the workbook's grids. */
export function scenariosSheetWith(
  grids: Grid[],
  scenario: SavedScenario,
): { sheet: SheetSpec; scenarios: SavedScenario[]; replaced: boolean; problems: ScenariosRead["problems"] } {
  const read = readScenarios(grids);
  const scenarios = withScenario(read.scenarios, scenario);
  return {
    sheet: scenariosSheet(scenarios),
    scenarios,
    replaced: read.scenarios.some((s) => sameScenarioName(s.name, scenario.name)),
    problems: read.problems,
  };
}

/** The scenarios saved on a workbook's Scenarios sheet, and any row of it that could not be read. */
export function savedScenarios(grids: Grid[]): ScenariosRead {
  return readScenarios(grids);
}

/** The saved scenario of that name (ignoring case), or a message that names the saved ones. */
export function scenarioNamed(scenarios: readonly SavedScenario[], name: string): SavedScenario | string {
  const found = scenarios.find((x) => sameScenarioName(x.name, name));
  if (found) return found;
  return scenarios.length
    ? `No scenario named "${name}" is saved; the saved ones are ${scenarios.map((x) => `"${x.name}"`).join(", ")}.`
    : "No scenario is saved in this workbook yet: run a selection and save it as a scenario first.";
}

/** One saved scenario priced against the register as it is now. */
export function priceScenario(register: Register, settings: Settings, scenario: SavedScenario): SelectionResult {
  const ranked = rankProjects(register, settings, scenario.method);
  const { input } = selectionInput(register, settings, ranked.ranking, {
    objective: scenario.objective,
    budget: scenario.budget === "envelopes" ? undefined : scenario.budget === "none" ? null : scenario.budget,
    overAllocation: scenario.overAllocation,
  });
  const m = buildSelectionModel(input, { objectiveName: scenario.objective });
  const chosen = new Set(scenario.selected);
  const result = describeChoice(
    emptySelectionResult(m, scenario.objective),
    m,
    m.ids.map((id) => (chosen.has(id) ? 1 : 0)),
  );
  result.status = scenario.status;
  // This month's figures may no longer admit last month's choice: say which limits it now breaks.
  const x = m.ids.map((id) => (chosen.has(id) ? 1 : 0));
  const broken = m.rows.filter((row) => rowActivity(row, x) > row.upper + rowTolerance(row)).map((row) => row.name);
  if (broken.length)
    result.notes.push(
      `${scenario.name}: on the register as it is now the selection breaks ${broken.slice(0, 5).join(", ")}${broken.length > 5 ? ` and ${broken.length - 5} more` : ""}.`,
    );
  const gone = scenario.selected.filter((id) => !m.ids.includes(id));
  if (gone.length)
    result.notes.push(
      `${scenario.name}: ${gone.join(", ")} ${gone.length === 1 ? "is" : "are"} no longer in the register and ${gone.length === 1 ? "is" : "are"} left out of the comparison.`,
    );
  return result;
}

export interface SavedScenarioComparison extends ScenarioComparison {
  /** Each scenario priced now, and as saved. */
  now: { a: { objective: number; cost: number }; b: { objective: number; cost: number } };
  saved: { a: SavedScenario; b: SavedScenario };
}

export function compareSavedScenarios(
  register: Register,
  settings: Settings,
  a: SavedScenario,
  b: SavedScenario,
): SavedScenarioComparison {
  const pa = priceScenario(register, settings, a);
  const pb = priceScenario(register, settings, b);
  const comparison = compareScenarios({ ...pa, name: a.name }, { ...pb, name: b.name });
  comparison.notes.unshift(...pa.notes.filter((n) => n.startsWith(`${a.name}:`)));
  comparison.notes.unshift(...pb.notes.filter((n) => n.startsWith(`${b.name}:`)));
  if (a.objective !== b.objective)
    comparison.notes.push(
      `${a.name} maximises ${a.objective} and ${b.name} ${b.objective}: their objective values are not on one scale.`,
    );
  else if (a.objective === "score" && a.method !== b.method)
    comparison.notes.push(
      `${a.name} scores by ${a.method} and ${b.name} by ${b.method}: their scores are not on one scale; compare the projects and the cost.`,
    );
  return {
    ...comparison,
    now: { a: { objective: pa.objective, cost: pa.cost }, b: { objective: pb.objective, cost: pb.cost } },
    saved: { a, b },
  };
}
