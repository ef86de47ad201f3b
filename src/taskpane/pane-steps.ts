/**
 * The pane's steps of the monthly flow, over the workbook the pane works on: the open workbook in
 * Excel, or (file mode) the register workbook held in memory since it was built or opened. Every
 * function here runs one registered step through `runStep` (src/pipeline/steps) and shapes its
 * outcome for a section; none composes the engine itself. This module and everything it imports
 * are loaded on first use (see step-runner.ts), never with the pane; exceljs loads only in file
 * mode, and HiGHS only inside the selection worker.
 */
import type { IsoDate } from "../domain/dates";
import type { Profile, Settings, SettingsProblem } from "../domain/settings";
import type { FixChange } from "../standards/safe-fixes";
import type { ValidationResult } from "../standards/types";
import type { ProgressFn, WorkbookPort } from "../workbook/port";
import { OfficeWorkbook } from "../workbook/office/office-workbook";
import { selectCell } from "../workbook/office/select-cell";
import { NoWorkbookError } from "../pipeline/errors";
import type { PrioritisationMethod } from "../pipeline/prioritise-use-case";
import type { SavedScenarioComparison, ScenarioSettings } from "../pipeline/scenarios-use-case";
import type { ScenariosRead } from "../ingest/read-scenarios";
import type { SavedScenario } from "../domain/scenarios";
import type { SelectionResult } from "../analysis/prioritise/selection-types";
import { STEPS, runStep, type Step, type StepOutcome } from "../pipeline/steps";
import type { LevellingChanges } from "../pipeline/steps/apply-levelling";
import type { CapacityRun } from "../pipeline/steps/capacity";
import type { PrioritiseRun } from "../pipeline/steps/prioritise";
import type { ScheduleHealthRun } from "../pipeline/steps/schedule-health";
import type { SettingsEdits } from "../pipeline/steps/settings";
import { statusAfter, type WorkbookStatus } from "../pipeline/steps/status";
import type { SummaryFigures } from "../pipeline/steps/summary";
import { selectInWorker } from "./selection-worker-client";
import { summaryInWorker } from "./summary-worker-client";
import { xlsxFileHost } from "../workbook/xlsx/file-host";

export type { WorkbookStatus, SettingsEdits };
export { NoWorkbookError };

/** What the pane works on. In file mode `file` is the register workbook in memory (null before a build). */
export interface PaneTarget {
  mode: "excel" | "file";
  file: { name: string; bytes: Uint8Array } | null;
}

export interface StepRequest {
  signal: AbortSignal;
  progress: ProgressFn;
}

/** Every step returns its result, the workbook's status afterwards, and (file mode) the new bytes when it wrote. */
export interface PaneOutcome<T> {
  value: T;
  status: WorkbookStatus;
  bytes: Uint8Array | null;
}

/**
 * Runs one step on the pane's workbook: the open workbook in Excel, or the register file in memory
 * (whose new bytes are returned when the step wrote something).
 */
async function runOnTarget<O, R>(
  target: PaneTarget,
  request: StepRequest,
  step: Step<O, R>,
  options: O,
  write = true,
): Promise<{ outcome: StepOutcome<R>; bytes: Uint8Array | null }> {
  const run = { ...request, write };
  if (target.mode === "excel") {
    const port: WorkbookPort = new OfficeWorkbook({ label: "this workbook" });
    return { outcome: await runStep(port, step, options, run), bytes: null };
  }
  if (!target.file) throw new NoWorkbookError();
  request.progress({ stage: "Opening the register workbook", done: 0, total: 1, message: target.file.name });
  const workbook = await xlsxFileHost.openWorkbook(target.file.name, target.file.bytes);
  const outcome = await runStep(workbook, step, options, run);
  if (outcome.written.length === 0) return { outcome, bytes: null };
  request.progress({ stage: "Saving the register workbook", done: 0, total: 1 });
  return { outcome, bytes: await workbook.toBytes() };
}

/** Where the workbook stands (the status step). */
export async function readStatus(target: PaneTarget, request: StepRequest): Promise<WorkbookStatus> {
  const { outcome } = await runOnTarget(target, request, STEPS.status, {}, false);
  return outcome.value;
}

/** A finding with the project it concerns (its own id for a project; the record's ProjectId otherwise). */
export type PaneFinding = ValidationResult["findings"][number] & { project: string | null };

export interface ValidateView {
  result: ValidationResult;
  findings: PaneFinding[];
  fixes: FixChange[];
  written: string[];
  warnings: string[];
  settingsProblems: SettingsProblem[];
}

export async function validate(
  target: PaneTarget,
  request: StepRequest,
  options: { profile?: Profile; reportingDate?: IsoDate; today: IsoDate },
): Promise<PaneOutcome<ValidateView>> {
  const { outcome, bytes } = await runOnTarget(target, request, STEPS.validate, options);
  const { result, fixes, projects } = outcome.value;
  const findings = result.findings.map((f, i) => ({ ...f, project: projects[i] }));
  const view = {
    result,
    findings,
    fixes,
    written: outcome.written,
    warnings: outcome.warnings,
    settingsProblems: outcome.workbook.settingsProblems,
  };
  return { value: view, bytes, status: statusAfter(outcome, result.counts) };
}

export async function applyFixes(
  target: PaneTarget,
  request: StepRequest,
  changes: FixChange[],
): Promise<PaneOutcome<{ applied: FixChange[]; skipped: { change: FixChange; reason: string }[] }>> {
  const { outcome, bytes } = await runOnTarget(target, request, STEPS.applyFixes, { changes });
  return { value: outcome.value, bytes, status: statusAfter(outcome) };
}

export interface PrioritiseView {
  run: PrioritiseRun;
  written: string[];
  warnings: string[];
  /** The settings the selection was made with, for saving it as a scenario. */
  ranWith: ScenarioSettings;
}

export async function prioritise(
  target: PaneTarget,
  request: StepRequest,
  options: {
    method: PrioritisationMethod;
    select: boolean;
    budget?: number | null;
    timeLimitSeconds?: number;
    /** "Stop and keep the best so far": ends the solve, keeps its best selection, writes the sheets. */
    stopSelection?: AbortSignal;
  },
): Promise<PaneOutcome<PrioritiseView>> {
  const { stopSelection, ...rest } = options;
  const { outcome, bytes } = await runOnTarget(target, request, STEPS.prioritise, {
    ...rest,
    selectFn: selectInWorker,
    solver: {
      stop: stopSelection,
      onProgress: (p) =>
        request.progress({
          stage: `Selecting the portfolio: ${p.phase}`,
          done: p.done,
          total: p.total,
          message: p.message,
        }),
    },
  });
  return {
    value: {
      run: outcome.value,
      written: outcome.written,
      warnings: outcome.warnings,
      ranWith: { method: options.method, budget: options.budget, objective: "score" },
    },
    bytes,
    status: statusAfter(outcome),
  };
}

export interface CapacityView {
  run: Omit<CapacityRun, "plan"> & { plan: Omit<CapacityRun["plan"], "byProject"> };
  written: string[];
  warnings: string[];
}

export async function capacity(
  target: PaneTarget,
  request: StepRequest,
  options: { from?: string; months?: number; selected?: string[]; level: boolean; priority?: string[] },
): Promise<PaneOutcome<CapacityView>> {
  const { outcome, bytes } = await runOnTarget(target, request, STEPS.capacity, {
    from: options.from,
    months: options.months,
    selected: options.selected ? new Set(options.selected) : undefined,
    level: options.level,
    priority: options.priority,
  });
  const { plan, ...rest } = outcome.value;
  const { byProject: _byProject, ...planView } = plan;
  return {
    value: { run: { ...rest, plan: planView }, written: outcome.written, warnings: outcome.warnings },
    bytes,
    status: statusAfter(outcome),
  };
}

/**
 * Levelling's start shifts written into the register (forecast and allocation dates; baselines
 * kept). `preview` only lists the changes, writing nothing.
 */
export async function applyLevelling(
  target: PaneTarget,
  request: StepRequest,
  shifts: NonNullable<CapacityRun["levelling"]>["shifts"],
  preview: boolean,
): Promise<PaneOutcome<LevellingChanges>> {
  const { outcome, bytes } = await runOnTarget(target, request, STEPS.applyLevelling, { shifts }, !preview);
  return { value: outcome.value, bytes, status: statusAfter(outcome) };
}

export interface ScheduleHealthView {
  run: ScheduleHealthRun;
  /** The sheet as written (a free variant when the user has a sheet of that name); empty when only checked. */
  written: string[];
  warnings: string[];
}

/** The DCMA checks for the portfolio and each programme; `write` also writes the Schedule health sheet. */
export async function scheduleHealth(
  target: PaneTarget,
  request: StepRequest,
  options: { statusDate?: IsoDate; today: IsoDate; write: boolean },
): Promise<PaneOutcome<ScheduleHealthView>> {
  const { outcome, bytes } = await runOnTarget(
    target,
    request,
    STEPS.scheduleHealth,
    { statusDate: options.statusDate, today: options.today },
    options.write,
  );
  return {
    value: { run: outcome.value, written: outcome.written, warnings: outcome.warnings },
    bytes,
    status: statusAfter(outcome),
  };
}

export async function readSettings(
  target: PaneTarget,
  request: StepRequest,
): Promise<{ settings: Settings; problems: SettingsProblem[]; found: boolean }> {
  const { outcome } = await runOnTarget(target, request, STEPS.readSettings, {}, false);
  return outcome.value;
}

export async function saveSettings(
  target: PaneTarget,
  request: StepRequest,
  edits: SettingsEdits,
): Promise<PaneOutcome<{ settings: Settings; replaced: SettingsProblem[] }>> {
  const { outcome, bytes } = await runOnTarget(target, request, STEPS.saveSettings, { edits });
  return { value: outcome.value, bytes, status: statusAfter(outcome) };
}

/** The scenarios saved on the Scenarios sheet (reading changes nothing). */
export async function listScenarios(target: PaneTarget, request: StepRequest): Promise<ScenariosRead> {
  const { outcome } = await runOnTarget(target, request, STEPS.listScenarios, {}, false);
  return outcome.value;
}

/** Saves the selection under a name on the Scenarios sheet. */
export async function saveScenario(
  target: PaneTarget,
  request: StepRequest,
  options: { name: string; selection: SelectionResult; run: ScenarioSettings; today: IsoDate },
): Promise<PaneOutcome<{ scenarios: SavedScenario[]; replaced: boolean; written: string[] }>> {
  const { outcome, bytes } = await runOnTarget(target, request, STEPS.saveScenario, {
    name: options.name,
    selection: options.selection,
    ranWith: options.run,
    today: options.today,
  });
  const { scenarios, replaced } = outcome.value;
  return { value: { scenarios, replaced, written: outcome.written }, bytes, status: statusAfter(outcome) };
}

/** Two saved scenarios side by side, priced on the register as it is now. */
export async function compareScenarios(
  target: PaneTarget,
  request: StepRequest,
  a: string,
  b: string,
): Promise<SavedScenarioComparison> {
  const { outcome } = await runOnTarget(target, request, STEPS.compareScenarios, { a, b }, false);
  return outcome.value;
}

/** Selects a finding's cell in Excel (Excel mode only). */
export function goToCell(sheet: string, cell: string): Promise<void> {
  return selectCell(sheet, cell);
}

export type SummaryAction = "write" | "new-workbook" | "download";

export interface SummaryView {
  action: SummaryAction;
  written: string[];
  warnings: string[];
  notes: string[];
  compliance: Pick<SummaryFigures, "profile" | "compliant" | "stamp" | "counts">;
  /** File mode: the summary workbook to download. */
  summaryBytes: Uint8Array | null;
}

/**
 * The management summary step, its analyses and spec computed in a Web Worker: written into this
 * workbook beside the register ("write"), opened as a new Excel workbook ("new-workbook", ExcelApi
 * 1.8), or returned as summary.xlsx bytes to download ("download").
 */
export async function summary(
  target: PaneTarget,
  request: StepRequest,
  options: { today: IsoDate; action: SummaryAction },
): Promise<PaneOutcome<SummaryView>> {
  const write = options.action === "write";
  const { outcome, bytes } = await runOnTarget(target, request, STEPS.summary, {
    today: options.today,
    beside: write ? "summary" : "none",
    standalone: write ? null : xlsxFileHost,
    // Only the register's sheets go to the worker: a user's large source sheets are neither read nor copied.
    compose: (opened, summaryOptions, context) =>
      summaryInWorker(opened.label, opened.read, summaryOptions, {
        progress: context.progress,
        signal: request.signal,
      }),
  });
  const { pack } = outcome.value;
  const made = outcome.value.bytes;
  if (options.action === "new-workbook" && made) await new OfficeWorkbook().openWorkbookFromBytes(made);
  const { profile, compliant, stamp, counts } = pack.figures;
  const view: SummaryView = {
    action: options.action,
    written: outcome.written,
    warnings: outcome.warnings,
    notes: pack.notes,
    compliance: { profile, compliant, stamp, counts },
    summaryBytes: options.action === "download" ? made : null,
  };
  return { value: view, bytes, status: statusAfter(outcome, counts) };
}
