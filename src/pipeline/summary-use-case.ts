import type { IsoDate } from "../domain/dates";
import type { Profile } from "../domain/settings-model";
import { summaryWorkbookSpec } from "../report/summary/summary-workbook";
import type { SummaryInputs } from "../report/summary/summary-model";
import type { SelectionOptions } from "../analysis/prioritise/selection-types";
import type { ProgressFn } from "../workbook/port";
import type { SheetSpec, WorkbookSpec } from "../workbook/spec";
import { analysisSheets } from "./analysis-sheets";
import { checkCancelled, yieldToEventLoop } from "./cancellation";
import { runCapacity } from "./capacity-use-case";
import type { OpenRegister } from "./open-register";
import { runPrioritisation, type PrioritisationMethod } from "./prioritise-use-case";
import { reportingDateFor, runAnalysis, runValidation, withOverrides } from "./validate-use-case";

export interface SummaryOptions {
  /** The run's date (for staleness when nothing else gives a reporting date). */
  today: IsoDate;
  reportingDate?: IsoDate;
  profile?: Profile;
  method?: PrioritisationMethod;
  /** Select the best portfolio with the MILP (default true); the frontier chart needs it. */
  select?: boolean;
  budget?: number | null;
  timeLimitSeconds?: number;
  /** Shown on the cover; the run's time by default. */
  generatedAt?: string;
  progress?: ProgressFn;
  signal?: AbortSignal;
  solver?: SelectionOptions;
}

export interface SummaryRun {
  inputs: SummaryInputs;
  spec: WorkbookSpec;
  /** The analysis sheets on their own (what `pmo run` adds to the register workbook). */
  analysisSheets: SheetSpec[];
  notes: string[];
}

const STAGES = [
  "Validating",
  "Analysing schedule and finance",
  "Prioritising",
  "Planning capacity",
  "Composing summary",
];

/**
 * Every analysis of an open register, then the summary workbook's spec. Each stage reports
 * progress and checks for cancellation, so the task pane can show where it is and stop.
 */
export async function buildSummarySpec(opened: OpenRegister, options: SummaryOptions): Promise<SummaryRun> {
  const { progress, signal } = options;
  const step = async (i: number) => {
    checkCancelled(signal);
    progress?.({ stage: STAGES[i], done: i, total: STAGES.length });
    await yieldToEventLoop();
  };
  const register = opened.register;
  const settings = withOverrides(opened.settings, { profile: options.profile, reportingDate: options.reportingDate });
  const notes: string[] = [...opened.settingsNotes];

  await step(0);
  const validation = runValidation(register, settings, {
    locate: opened.locate,
    today: options.today,
    reportingDate: options.reportingDate,
  });
  const reporting = reportingDateFor(register, settings, options.today, options.reportingDate);

  await step(1);
  const analysis = runAnalysis(register, settings, reporting.date);

  await step(2);
  const method = options.method ?? "weighted";
  const prioritised = await runPrioritisation(register, settings, {
    method,
    select: options.select ?? true,
    budget: options.budget,
    timeLimitSeconds: options.timeLimitSeconds,
    solver: { signal, ...options.solver },
  });
  notes.push(...prioritised.notes);

  await step(3);
  const selection = prioritised.selection;
  const chosen =
    selection && (selection.status === "optimal" || selection.status === "feasible")
      ? new Set(selection.selected)
      : undefined;
  const capacity = runCapacity(register, settings);

  await step(4);
  const inputs: SummaryInputs = {
    register,
    settings,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    reportingDate: reporting.date,
    reportingDateSource: validation.result.reportingDateSource,
    registerLabel: opened.label,
    validation: validation.result,
    analysis,
    ranking: prioritised.ranking,
    rankingMethod: method === "ahp" ? "AHP weights" : method === "wsjf" ? "WSJF" : "Weighted scoring",
    selection,
    capacity: capacity.plan,
  };
  const sheets = [
    ...prioritised.sheets,
    ...capacity.sheets,
    ...analysisSheets(analysis, settings.general.currency, (e, id, field) => opened.locate(e, id, field)),
    ...validation.sheets,
  ];
  const spec = summaryWorkbookSpec(inputs, sheets);
  if (chosen) notes.push(`Selection: ${selection!.status}, ${chosen.size} projects.`);
  progress?.({ stage: STAGES[4], done: STAGES.length, total: STAGES.length });
  return { inputs, spec, analysisSheets: sheets, notes };
}

/** The summary as a standalone .xlsx (the CLI's file; the task pane's "open as a new workbook"). */
export async function summaryWorkbookBytes(
  opened: OpenRegister,
  options: SummaryOptions,
): Promise<{ bytes: Uint8Array; run: SummaryRun }> {
  const run = await buildSummarySpec(opened, options);
  // Loaded on demand: the task pane's first screen must not carry exceljs.
  const { XlsxWorkbook } = await import("../workbook/xlsx/xlsx-workbook");
  const workbook = XlsxWorkbook.create("summary.xlsx");
  await workbook.write(run.spec, { progress: options.progress, signal: options.signal });
  return { bytes: await workbook.toBytes(), run };
}
