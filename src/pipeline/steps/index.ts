/**
 * Every step of the monthly flow, registered once. A front end runs one with
 * `runStep(port, STEPS.validate, options)`; adding a step is its file here plus one line below
 * (CONTRIBUTING.md, "Adding a step").
 */
import { analyseStep } from "./analyse";
import { applyFixesStep } from "./apply-fixes";
import { applyLevellingStep } from "./apply-levelling";
import { buildStep } from "./build";
import { capacityStep } from "./capacity";
import { prioritiseStep } from "./prioritise";
import { scheduleHealthStep } from "./schedule-health";
import { compareScenariosStep, listScenariosStep, saveScenarioStep } from "./scenarios";
import { readSettingsStep, saveSettingsStep } from "./settings";
import { statusStep } from "./status";
import { summaryStep } from "./summary";
import { validateStep } from "./validate";

export const STEPS = {
  build: buildStep,
  validate: validateStep,
  applyFixes: applyFixesStep,
  prioritise: prioritiseStep,
  listScenarios: listScenariosStep,
  saveScenario: saveScenarioStep,
  compareScenarios: compareScenariosStep,
  capacity: capacityStep,
  applyLevelling: applyLevellingStep,
  analyse: analyseStep,
  scheduleHealth: scheduleHealthStep,
  summary: summaryStep,
  readSettings: readSettingsStep,
  saveSettings: saveSettingsStep,
  status: statusStep,
} as const;

export type StepName = keyof typeof STEPS;

export { runStep, type RunStepOptions } from "./run-step";
export type { Step, StepContext, StepOutcome, StepResult, RegisterStep, WorkbookStep } from "./step";
export { CancelledError, NotARegisterError, NoWorkbookError, ScenarioError, SettingsError } from "../errors";
