import type { IsoDate } from "../../domain/dates";
import type { Profile } from "../../domain/settings-model";
import { summaryWorkbookSpec } from "../../report/summary/summary-workbook";
import type { SummaryInputs } from "../../report/summary/summary-model";
import type { SelectionOptions } from "../../analysis/prioritise/selection-types";
import type { FileHost } from "../../workbook/port";
import type { SheetSpec, WorkbookSpec } from "../../workbook/spec";
import { checkCancelled, yieldToEventLoop } from "../cancellation";
import { isRegisterSheet, type OpenRegister } from "../open-register";
import type { PrioritisationMethod } from "../prioritise-use-case";
import { reportingDateFor, withOverrides } from "../run-settings";
import { analysisSheets, runAnalysis } from "./analyse";
import { runCapacity } from "./capacity";
import { prioritise } from "./prioritise";
import type { RegisterStep, StepContext } from "./step";
import { runValidation } from "./validate";

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
}

/** The summary's figures a front end reports, small enough to post from a Web Worker. */
export interface SummaryFigures {
  reportingDate: IsoDate;
  profile: string;
  /** The portfolio's data-quality score (0–1). */
  score: number;
  compliant: boolean;
  stamp: boolean;
  counts: { error: number; warning: number; info: number };
  portfolio: SummaryInputs["analysis"]["rollups"]["portfolio"]["totals"];
  /** `unavailable`: why no selection could be made (the solver failed; the rest of the pack stands). */
  selection?: { status: string; objective: number; cost: number; selected: string[]; unavailable?: string };
}

/** Every analysis of the register, what the summary was made from, and its spec. */
export interface SummaryRun {
  inputs: SummaryInputs;
  spec: WorkbookSpec;
  /** The analysis sheets on their own (what `pmo run` adds to the register workbook). */
  analysisSheets: SheetSpec[];
  notes: string[];
}

/** Every analysis of the register and the summary workbook's spec, small enough to post from a worker. */
export interface SummaryPack {
  spec: WorkbookSpec;
  /** The analysis sheets on their own, with their links into the register (for writing beside it). */
  analysisSheets: SheetSpec[];
  notes: string[];
  figures: SummaryFigures;
}

/** Composes the pack: here by default, or elsewhere (the pane's Web Worker, which calls composeSummary itself). */
export type ComposeSummary = (
  opened: OpenRegister,
  options: SummaryOptions,
  context: StepContext,
) => Promise<SummaryPack>;

export interface SummaryStepOptions extends SummaryOptions {
  /**
   * What is written into the register workbook: "summary" its pages and the analysis sheets (the
   * pane's "write into this workbook"), "analyses" the analysis sheets only (`pmo run`), "none"
   * nothing.
   */
  beside: "summary" | "analyses" | "none";
  /**
   * Also give the summary as a standalone workbook, made by this file host (`pmo summary`, the
   * pane's download and new workbook; the front ends pass `xlsxFileHost`); null: no file.
   */
  standalone: FileHost | null;
  compose?: ComposeSummary;
  /** Solver options for the selection (progress, best so far); only when composed here. */
  solver?: SelectionOptions;
}

export interface SummaryOutcome {
  pack: SummaryPack;
  /** The standalone summary workbook, when `standalone` named a host. */
  bytes: Uint8Array | null;
}

const STAGES = [
  "Validating",
  "Analysing schedule and finance",
  "Prioritising",
  "Planning capacity",
  "Composing summary",
];

/**
 * Every analysis of an open register, then the summary workbook's spec. The analyses are the
 * steps' own computations (validate, analyse, prioritise, capacity), run on one read; each stage
 * reports progress and checks for cancellation, so the task pane can show where it is and stop.
 */
export async function buildSummarySpec(
  opened: OpenRegister,
  options: SummaryOptions & { solver?: SelectionOptions },
  { progress, signal }: StepContext = { progress: () => undefined },
): Promise<SummaryRun> {
  const stage = async (i: number) => {
    checkCancelled(signal);
    progress({ stage: STAGES[i], done: i, total: STAGES.length });
    await yieldToEventLoop();
  };
  const register = opened.register;
  const settings = withOverrides(opened.settings, { profile: options.profile, reportingDate: options.reportingDate });
  const notes: string[] = [...opened.settingsNotes];

  await stage(0);
  const validation = runValidation(register, settings, {
    locate: opened.locate,
    today: options.today,
    reportingDate: options.reportingDate,
  });
  const reporting = reportingDateFor(register, settings, options.today, options.reportingDate);

  await stage(1);
  const analysis = runAnalysis(register, settings, reporting.date);

  await stage(2);
  const method = options.method ?? "weighted";
  const prioritised = await prioritise(
    register,
    settings,
    {
      method,
      select: options.select ?? true,
      budget: options.budget,
      timeLimitSeconds: options.timeLimitSeconds,
      solver: options.solver,
    },
    signal,
  );
  notes.push(...prioritised.run.notes);

  await stage(3);
  const selection = prioritised.run.selection;
  const chosen =
    selection && (selection.status === "optimal" || selection.status === "feasible")
      ? new Set(selection.selected)
      : undefined;
  const capacity = runCapacity(register, settings);

  await stage(4);
  const inputs: SummaryInputs = {
    register,
    settings,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
    reportingDate: reporting.date,
    reportingDateSource: validation.result.reportingDateSource,
    registerLabel: opened.label,
    validation: validation.result,
    analysis,
    ranking: prioritised.run.ranking,
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
  progress({ stage: STAGES[4], done: STAGES.length, total: STAGES.length });
  return { inputs, spec, analysisSheets: sheets, notes };
}

/** The pack a front end needs (buildSummarySpec without the register it read, which a worker need not post back). */
export async function composeSummary(
  opened: OpenRegister,
  options: SummaryOptions & { solver?: SelectionOptions },
  context: StepContext,
): Promise<SummaryPack> {
  const { inputs, spec, analysisSheets, notes } = await buildSummarySpec(opened, options, context);
  const v = inputs.validation;
  const selection = inputs.selection;
  return {
    spec,
    analysisSheets,
    notes,
    figures: {
      reportingDate: inputs.reportingDate,
      profile: v.profile,
      score: v.score.portfolio,
      compliant: v.compliant,
      stamp: v.stamp,
      counts: { ...v.counts },
      portfolio: inputs.analysis.rollups.portfolio.totals,
      ...(selection
        ? {
            selection: {
              status: selection.status,
              objective: selection.objective,
              cost: selection.cost,
              selected: [...selection.selected],
              ...(selection.unavailable ? { unavailable: selection.unavailable } : {}),
            },
          }
        : {}),
    },
  };
}

/** A spec as a standalone workbook's bytes (the xlsx host loads exceljs only now, off the pane's first screen). */
async function specBytes(host: FileHost, spec: WorkbookSpec, context: StepContext): Promise<Uint8Array> {
  const workbook = await host.newWorkbook("summary.xlsx");
  await workbook.write(spec, context);
  return workbook.toBytes();
}

/** The summary as a standalone .xlsx with what it was made from (the bench and the LibreOffice checks). */
export async function summaryWorkbookBytes(
  host: FileHost,
  opened: OpenRegister,
  options: SummaryOptions & { solver?: SelectionOptions },
  context: StepContext = { progress: () => undefined },
): Promise<{ bytes: Uint8Array; run: SummaryRun }> {
  const run = await buildSummarySpec(opened, options, context);
  return { bytes: await specBytes(host, run.spec, context), run };
}

/**
 * The management summary: every analysis and the summary's spec, then written beside the register
 * (its pages and the analysis sheets, or the analysis sheets alone) and/or given as a standalone
 * workbook.
 */
export const summaryStep: RegisterStep<SummaryStepOptions, SummaryOutcome> = {
  name: "summary",
  opens: "register",
  reads: { select: isRegisterSheet },
  async run(opened, options, context) {
    // The host stays here: only plain options go to `compose`, which may post them to a Web Worker.
    const { compose, beside, standalone, ...rest } = options;
    const pack = compose ? await compose(opened, rest, context) : await composeSummary(opened, rest, context);
    checkCancelled(context.signal);
    const analysis = new Set(pack.analysisSheets.map((s) => s.name));
    // Beside the register the analysis sheets keep their links into it; the summary adds its own pages.
    const sheets =
      beside === "summary"
        ? [...pack.spec.sheets.filter((s) => !analysis.has(s.name)), ...pack.analysisSheets]
        : beside === "analyses"
          ? pack.analysisSheets
          : [];
    const bytes = standalone ? await specBytes(standalone, pack.spec, context) : null;
    return { value: { pack, bytes }, sheets };
  },
};
