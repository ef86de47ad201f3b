import type { SelectionResult } from "../../analysis/prioritise/selection-types";
import type { IsoDate } from "../../domain/dates";
import { scenarioNameProblem, type SavedScenario } from "../../domain/scenarios";
import type { ScenariosRead } from "../../ingest/read-scenarios";
import { ScenarioError } from "../errors";
import { isRegisterSheet } from "../open-register";
import {
  compareSavedScenarios,
  savedScenarios,
  scenarioFromSelection,
  scenarioNamed,
  scenariosSheetWith,
  type SavedScenarioComparison,
  type ScenarioSettings,
} from "../scenarios-use-case";
import type { RegisterStep } from "./step";

/**
 * The scenario steps: list the selections saved on the Scenarios sheet, save one, compare two.
 * They share this file because they share the sheet and its reading; each is its own step.
 */
export { ScenarioError };

/** The scenarios saved in the workbook (and any row of the Scenarios sheet that could not be read). Writes nothing. */
export const listScenariosStep: RegisterStep<Record<string, never>, ScenariosRead> = {
  name: "list-scenarios",
  opens: "register",
  reads: { select: isRegisterSheet },
  run: (opened) => ({ value: savedScenarios(opened.grids) }),
};

export interface SaveScenarioOptions {
  name: string;
  selection: SelectionResult;
  ranWith: ScenarioSettings;
  /** The day it is saved on. */
  today: IsoDate;
}

export interface SaveScenarioOutcome {
  scenario: SavedScenario;
  scenarios: SavedScenario[];
  /** A scenario of that name was replaced. */
  replaced: boolean;
  /** Rows of the Scenarios sheet that could not be read (and are not kept). */
  problems: ScenariosRead["problems"];
}

/** Saves a selection under a name (replacing one of the same name) on the owned Scenarios sheet. */
export const saveScenarioStep: RegisterStep<SaveScenarioOptions, SaveScenarioOutcome> = {
  name: "save-scenario",
  opens: "register",
  reads: { select: isRegisterSheet },
  run(opened, options) {
    const problem = scenarioNameProblem(options.name);
    if (problem) throw new ScenarioError(problem);
    const scenario = scenarioFromSelection(
      options.name,
      options.selection,
      options.ranWith,
      opened.settings,
      options.today,
    );
    const { sheet, scenarios, replaced, problems } = scenariosSheetWith(opened.grids, scenario);
    return { value: { scenario, scenarios, replaced, problems }, sheets: [sheet] };
  },
};

/** Two saved scenarios side by side, both priced against the register as it is now. Writes nothing. */
export const compareScenariosStep: RegisterStep<{ a: string; b: string }, SavedScenarioComparison> = {
  name: "compare-scenarios",
  opens: "register",
  reads: { select: isRegisterSheet },
  run(opened, { a, b }) {
    const { scenarios } = savedScenarios(opened.grids);
    const find = (name: string): SavedScenario => {
      const found = scenarioNamed(scenarios, name);
      if (typeof found === "string") throw new ScenarioError(found);
      return found;
    };
    return { value: compareSavedScenarios(opened.register, opened.settings, find(a), find(b)) };
  },
};
