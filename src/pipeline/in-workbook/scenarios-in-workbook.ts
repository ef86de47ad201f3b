import { scenarioNameProblem, type SavedScenario } from "../../domain/scenarios";
import type { IsoDate } from "../../domain/dates";
import type { SelectionResult } from "../../analysis/prioritise/selection-types";
import type { ScenariosRead } from "../../ingest/read-scenarios";
import type { WorkbookPort } from "../../workbook/port";
import { checkCancelled } from "../cancellation";
import {
  compareSavedScenarios,
  scenarioFromSelection,
  savedScenarios,
  scenarioNamed,
  scenariosSheetWith,
  type SavedScenarioComparison,
  type ScenarioSettings,
} from "../scenarios-use-case";
import { writeOwnedSheets } from "../write-outputs";
import type { StepOptions, StepWrite } from "./step-options";
import { openForStep } from "./step-options";

/** Thrown for a name that cannot be used or a scenario that is not saved; the message says what to do. */
export class ScenarioError extends Error {}

/** The scenarios saved in the workbook (and any row of the Scenarios sheet that could not be read). */
export async function readScenariosInWorkbook(port: WorkbookPort, options: StepOptions = {}): Promise<ScenariosRead> {
  const opened = await openForStep(port, options);
  return savedScenarios(opened.grids);
}

export interface SaveScenarioOutcome extends StepWrite {
  scenarios: SavedScenario[];
  /** A scenario of that name was replaced. */
  replaced: boolean;
}

/** Saves a selection under a name (replacing one of the same name) on the owned Scenarios sheet. */
export async function saveScenarioInWorkbook(
  port: WorkbookPort,
  name: string,
  selection: SelectionResult,
  run: ScenarioSettings,
  options: StepOptions & { today: IsoDate },
): Promise<SaveScenarioOutcome> {
  const problem = scenarioNameProblem(name);
  if (problem) throw new ScenarioError(problem);
  const opened = await openForStep(port, options);
  const scenario = scenarioFromSelection(name, selection, run, opened.settings, options.today);
  const { sheet, scenarios, replaced } = scenariosSheetWith(opened.grids, scenario);
  checkCancelled(options.signal);
  const write = await writeOwnedSheets(port, opened.sheetNames, opened.settings, [sheet], {
    progress: options.progress,
    signal: options.signal,
    settingsHaveProblems: opened.settingsProblems.length > 0,
  });
  return { ...write, scenarios, replaced };
}

/** Two saved scenarios side by side, both priced against the register as it is now. */
export async function compareScenariosInWorkbook(
  port: WorkbookPort,
  a: string,
  b: string,
  options: StepOptions = {},
): Promise<SavedScenarioComparison> {
  const opened = await openForStep(port, options);
  const { scenarios } = savedScenarios(opened.grids);
  const find = (name: string): SavedScenario => {
    const found = scenarioNamed(scenarios, name);
    if (typeof found === "string") throw new ScenarioError(found);
    return found;
  };
  return compareSavedScenarios(opened.register, opened.settings, find(a), find(b));
}
