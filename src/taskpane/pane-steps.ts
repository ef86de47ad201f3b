/**
 * The pane's steps of the monthly flow, over the workbook the pane works on: the open workbook in
 * Excel, or (file mode) the register workbook held in memory since it was built or opened. This
 * module and everything it imports are loaded on first use (see step-runner.ts), never with the
 * pane; exceljs loads only in file mode, and HiGHS only inside the selection worker.
 */
import type { IsoDate } from "../domain/dates";
import type { Profile, Settings, SettingsProblem } from "../domain/settings";
import { recordsOf } from "../domain/register";
import type { FixChange } from "../standards/safe-fixes";
import type { ValidationResult } from "../standards/types";
import type { CapacityRun } from "../pipeline/capacity-use-case";
import type { PrioritisationMethod, PrioritiseRun } from "../pipeline/prioritise-use-case";
import type { ProgressFn, WorkbookPort } from "../workbook/port";
import { OfficeWorkbook } from "../workbook/office/office-workbook";
import { selectCell } from "../workbook/office/select-cell";
import { applySafeFixesInWorkbook } from "../pipeline/in-workbook/apply-fixes-in-workbook";
import type { LevellingChanges } from "../pipeline/in-workbook/apply-levelling";
import { applyLevellingInWorkbook } from "../pipeline/in-workbook/apply-levelling";
import { capacityInWorkbook } from "../pipeline/in-workbook/capacity-in-workbook";
import { prioritiseInWorkbook } from "../pipeline/in-workbook/prioritise-in-workbook";
import type { SettingsEdits } from "../pipeline/in-workbook/settings-in-workbook";
import { readWorkbookSettings, saveSettingsInWorkbook } from "../pipeline/in-workbook/settings-in-workbook";
import { validateInWorkbook } from "../pipeline/in-workbook/validate-in-workbook";
import {
  compareScenariosInWorkbook,
  readScenariosInWorkbook,
  saveScenarioInWorkbook,
} from "../pipeline/in-workbook/scenarios-in-workbook";
import type { SavedScenarioComparison, ScenarioSettings } from "../pipeline/scenarios-use-case";
import type { ScenariosRead } from "../ingest/read-scenarios";
import type { SavedScenario } from "../domain/scenarios";
import type { SelectionResult } from "../analysis/prioritise/selection-types";
import type { WorkbookStatus } from "../pipeline/in-workbook/workbook-status";
import { readWorkbookStatus, workbookStatus } from "../pipeline/in-workbook/workbook-status";
import { isRegisterSheet, type OpenRegister } from "../pipeline/open-register";
import { selectInWorker } from "./selection-worker-client";
import { loadSettings } from "../pipeline/settings-io";
import { writeOwnedSheets } from "../pipeline/write-outputs";
import { sheetNamesOf } from "../workbook/grid";
import { summaryInWorker } from "./summary-worker-client";
import type { SummaryWorkerResult } from "./summary-worker";

export type { WorkbookStatus, SettingsEdits };

/** What the pane works on. In file mode `file` is the register workbook in memory (null before a build). */
export interface PaneTarget {
  mode: "excel" | "file";
  file: { name: string; bytes: Uint8Array } | null;
}

export interface StepRequest {
  signal: AbortSignal;
  progress: ProgressFn;
}

/** Every step returns its result, the workbook's status afterwards, and (file mode) the new bytes. */
export interface StepOutcome<T> {
  value: T;
  status: WorkbookStatus;
  bytes: Uint8Array | null;
}

/** The summary's own sheets when written into the register workbook (programme sheets are named per programme). */
const SUMMARY_SHEETS: string[] = ["Cover", "Dashboard"];

/** Raised when file mode has no register workbook yet; the pane says to build or open one. */
export class NoWorkbookError extends Error {
  constructor() {
    super("There is no register yet. Build one from tracker files, or open a register workbook, first.");
    this.name = "NoWorkbookError";
  }
}

async function withPort<T>(
  target: PaneTarget,
  request: StepRequest,
  fn: (port: WorkbookPort) => Promise<T>,
  changes = true,
): Promise<{ value: T; bytes: Uint8Array | null }> {
  if (target.mode === "excel") return { value: await fn(new OfficeWorkbook({ label: "this workbook" })), bytes: null };
  if (!target.file) throw new NoWorkbookError();
  request.progress({ stage: "Opening the register workbook", done: 0, total: 1, message: target.file.name });
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx-adapter" */ "../workbook/xlsx/xlsx-workbook");
  const workbook = await XlsxWorkbook.open(target.file.bytes, target.file.name);
  const value = await fn(workbook);
  if (!changes) return { value, bytes: null };
  request.progress({ stage: "Saving the register workbook", done: 0, total: 1 });
  return { value, bytes: await workbook.toBytes() };
}

/** The status from what a step read, updated with what it wrote. */
function statusAfter(opened: OpenRegister, patch: Partial<WorkbookStatus>): WorkbookStatus {
  return { ...workbookStatus(opened.grids, SUMMARY_SHEETS, opened.sheetNames), ...patch };
}

export async function readStatus(target: PaneTarget, request: StepRequest): Promise<WorkbookStatus> {
  const { value } = await withPort(
    target,
    request,
    (port) => readWorkbookStatus(port, SUMMARY_SHEETS, request.signal),
    false,
  );
  return value;
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
): Promise<StepOutcome<ValidateView>> {
  const { value, bytes } = await withPort(target, request, (port) =>
    validateInWorkbook(port, { ...options, ...request }),
  );
  const findings = value.result.findings.map((f) => {
    const own = recordsOf(value.opened.register, f.entity)[f.index]?.values.ProjectId;
    return { ...f, project: f.entity === "Projects" ? f.id : typeof own === "string" && own !== "" ? own : null };
  });
  const view = {
    result: value.result,
    findings,
    fixes: value.fixes,
    written: value.written,
    warnings: value.warnings,
    settingsProblems: value.opened.settingsProblems,
  };
  return { value: view, bytes, status: statusAfter(value.opened, { findings: { ...value.result.counts } }) };
}

export async function applyFixes(
  target: PaneTarget,
  request: StepRequest,
  changes: FixChange[],
): Promise<{
  value: { applied: FixChange[]; skipped: { change: FixChange; reason: string }[] };
  bytes: Uint8Array | null;
}> {
  const { value, bytes } = await withPort(target, request, (port) => applySafeFixesInWorkbook(port, changes, request));
  return { value: { applied: value.applied, skipped: value.skipped }, bytes };
}

export interface PrioritiseView {
  run: Omit<PrioritiseRun, "sheets">;
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
): Promise<StepOutcome<PrioritiseView>> {
  const { value, bytes } = await withPort(target, request, (port) =>
    prioritiseInWorkbook(port, {
      ...options,
      ...request,
      selectFn: selectInWorker,
      onSelectionProgress: (p) =>
        request.progress({
          stage: `Selecting the portfolio: ${p.phase}`,
          done: p.done,
          total: p.total,
          message: p.message,
        }),
    }),
  );
  const { sheets: _sheets, ...run } = value.run;
  return {
    value: {
      run,
      written: value.written,
      warnings: value.warnings,
      ranWith: { method: options.method, budget: options.budget, objective: "score" },
    },
    bytes,
    status: statusAfter(value.opened, { ranked: true, ...(run.selection ? { selectionSaved: true } : {}) }),
  };
}

export interface CapacityView {
  run: Omit<CapacityRun, "sheets" | "plan"> & { plan: Omit<CapacityRun["plan"], "byProject"> };
  written: string[];
  warnings: string[];
}

export async function capacity(
  target: PaneTarget,
  request: StepRequest,
  options: { from?: string; months?: number; selected?: string[]; level: boolean; priority?: string[] },
): Promise<StepOutcome<CapacityView>> {
  const { value, bytes } = await withPort(target, request, (port) =>
    capacityInWorkbook(port, {
      ...request,
      from: options.from,
      months: options.months,
      selected: options.selected ? new Set(options.selected) : undefined,
      level: options.level,
      priority: options.priority,
    }),
  );
  const { sheets: _sheets, plan, ...rest } = value.run;
  const { byProject: _byProject, ...planView } = plan;
  return {
    value: { run: { ...rest, plan: planView }, written: value.written, warnings: value.warnings },
    bytes,
    status: statusAfter(value.opened, { capacityPlanned: true }),
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
): Promise<{ value: LevellingChanges; bytes: Uint8Array | null }> {
  const { value, bytes } = await withPort(
    target,
    request,
    (port) => applyLevellingInWorkbook(port, shifts, { ...request, write: !preview }),
    !preview,
  );
  return { value: { changes: value.changes, skipped: value.skipped }, bytes };
}

export async function readSettings(
  target: PaneTarget,
  request: StepRequest,
): Promise<{ settings: Settings; problems: SettingsProblem[]; found: boolean }> {
  const { value } = await withPort(target, request, (port) => readWorkbookSettings(port, request), false);
  return value;
}

export async function saveSettings(
  target: PaneTarget,
  request: StepRequest,
  edits: SettingsEdits,
): Promise<{ value: { settings: Settings; replaced: SettingsProblem[] }; bytes: Uint8Array | null }> {
  const { value, bytes } = await withPort(target, request, (port) => saveSettingsInWorkbook(port, edits, request));
  return { value: { settings: value.settings, replaced: value.replaced }, bytes };
}

/** The scenarios saved on the Scenarios sheet (reading changes nothing). */
export async function listScenarios(target: PaneTarget, request: StepRequest): Promise<ScenariosRead> {
  const { value } = await withPort(target, request, (port) => readScenariosInWorkbook(port, request), false);
  return value;
}

/** Saves the selection under a name on the Scenarios sheet. */
export async function saveScenario(
  target: PaneTarget,
  request: StepRequest,
  options: { name: string; selection: SelectionResult; run: ScenarioSettings; today: IsoDate },
): Promise<{ value: { scenarios: SavedScenario[]; replaced: boolean; written: string[] }; bytes: Uint8Array | null }> {
  const { value, bytes } = await withPort(target, request, (port) =>
    saveScenarioInWorkbook(port, options.name, options.selection, options.run, { ...request, today: options.today }),
  );
  return { value: { scenarios: value.scenarios, replaced: value.replaced, written: value.written }, bytes };
}

/** Two saved scenarios side by side, priced on the register as it is now. */
export async function compareScenarios(
  target: PaneTarget,
  request: StepRequest,
  a: string,
  b: string,
): Promise<SavedScenarioComparison> {
  const { value } = await withPort(target, request, (port) => compareScenariosInWorkbook(port, a, b, request), false);
  return value;
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
  compliance: SummaryWorkerResult["compliance"];
  /** File mode: the summary workbook to download. */
  summaryBytes: Uint8Array | null;
}

/** The summary workbook as .xlsx bytes (exceljs, loaded now). */
async function summaryBytes(result: SummaryWorkerResult, request: StepRequest): Promise<Uint8Array> {
  const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx-adapter" */ "../workbook/xlsx/xlsx-workbook");
  const workbook = XlsxWorkbook.create("summary.xlsx");
  await workbook.write(result.spec, request);
  return workbook.toBytes();
}

/**
 * The management summary: every analysis and the summary's spec computed in a Web Worker, then
 * written into this workbook beside the register ("write"), opened as a new Excel workbook
 * ("new-workbook", ExcelApi 1.8), or returned as summary.xlsx bytes to download ("download").
 */
export async function summary(
  target: PaneTarget,
  request: StepRequest,
  options: { today: IsoDate; action: SummaryAction },
): Promise<StepOutcome<SummaryView>> {
  const { value, bytes } = await withPort(
    target,
    request,
    async (port) => {
      request.progress({ stage: "Reading the register", done: 0, total: 1, message: port.label });
      // Only the register's sheets go to the worker: a user's large source sheets are neither read nor copied.
      const read = await port.read({ signal: request.signal, select: isRegisterSheet });
      const result = await summaryInWorker(port.label, read, { today: options.today }, request);
      const view: SummaryView = {
        action: options.action,
        written: [],
        warnings: [],
        notes: result.notes,
        compliance: result.compliance,
        summaryBytes: null,
      };
      if (options.action === "write") {
        // Beside the register the analysis sheets keep their links into it; the summary adds its own pages.
        const analysis = new Set(result.analysisSheets.map((s) => s.name));
        const sheets = [...result.spec.sheets.filter((s) => !analysis.has(s.name)), ...result.analysisSheets];
        const loaded = loadSettings(read.grids);
        const write = await writeOwnedSheets(port, sheetNamesOf(read), loaded.settings, sheets, {
          ...request,
          settingsHaveProblems: loaded.problems.length > 0,
        });
        view.written = write.written;
        view.warnings = write.warnings;
      } else {
        const made = await summaryBytes(result, request);
        if (options.action === "new-workbook") await new OfficeWorkbook().openWorkbookFromBytes(made);
        else view.summaryBytes = made;
      }
      return {
        view,
        grids: read.grids,
        sheetNames: sheetNamesOf(read),
        analysis: result.analysisSheets.map((s) => s.name),
      };
    },
    options.action === "write",
  );
  const status = workbookStatus(value.grids, SUMMARY_SHEETS, value.sheetNames);
  if (options.action === "write") {
    // What the summary wrote beside the register: every analysis sheet and its own pages.
    status.findings = { ...value.view.compliance.counts };
    status.ranked = value.analysis.includes("Prioritisation") || status.ranked;
    status.selectionSaved = value.analysis.includes("Selection") || status.selectionSaved;
    status.capacityPlanned = value.analysis.includes("Capacity") || status.capacityPlanned;
    status.summarySheets = value.view.written.filter((s) => !value.analysis.includes(s));
  }
  return { value: value.view, bytes, status };
}
