import type { SelectionInput, SelectionOptions, SelectionResult } from "../../analysis/prioritise/selection-types";
import { textValue } from "../../domain/register";
import { prioritisationSheet, selectionSheet } from "../../report/prioritisation-sheets";
import type { SheetSpec } from "../../workbook/spec";
import type { WorkbookPort } from "../../workbook/port";
import { checkCancelled } from "../cancellation";
import type { OpenRegister } from "../open-register";
import type { PrioritisationMethod, PrioritiseRun } from "../prioritise-use-case";
import { rankProjects, selectionInput } from "../prioritise-use-case";
import { writeOwnedSheets } from "../write-outputs";
import type { StepOptions, StepWrite } from "./step-options";
import { openForStep } from "./step-options";

/**
 * Runs the exact selection. The CLI solves in its own thread (the default, loaded on first use);
 * the task pane passes one that posts the model to a Web Worker, so Excel stays responsive and a
 * cancel can stop HiGHS mid-solve by ending the worker.
 */
export type SelectFn = (input: SelectionInput, options: SelectionOptions) => Promise<SelectionResult>;

export interface PrioritiseInWorkbookOptions extends StepOptions {
  method: PrioritisationMethod;
  /** Also choose the portfolio (HiGHS). */
  select?: boolean;
  /** `score` (default) or a numeric Projects column. */
  objective?: string;
  /** Total budget; undefined = the programmes' envelopes, null = none. */
  budget?: number | null;
  /** Allowed over-allocation as a fraction (0.1 = 10 %); default from PMO Settings. */
  overAllocation?: number;
  timeLimitSeconds?: number;
  selectFn?: SelectFn;
  /** Ends the selection's solve early and keeps the best selection found so far (the sheets are still written). */
  stopSelection?: AbortSignal;
  /** Selection progress (solver phases) — passed on to the solver. */
  onSelectionProgress?: SelectionOptions["onProgress"];
}

export interface PrioritiseInWorkbookOutcome extends StepWrite {
  run: PrioritiseRun;
  opened: OpenRegister;
}

const defaultSelect: SelectFn = async (input, options) => {
  const { selectPortfolio } = await import("../../analysis/prioritise/selection");
  return selectPortfolio(input, options);
};

/**
 * Ranks the workbook's projects (weighted, AHP or WSJF, criteria from PMO Settings), optionally
 * selects the best portfolio, and writes the Prioritisation (and Selection) sheets. The same
 * composition as `runPrioritisation`, with the solver injectable.
 */
export async function prioritiseInWorkbook(
  port: WorkbookPort,
  options: PrioritiseInWorkbookOptions,
): Promise<PrioritiseInWorkbookOutcome> {
  const opened = await openForStep(port, options);
  const { register, settings } = opened;
  options.progress?.({ stage: "Ranking projects", done: 0, total: register.entities.Projects.length });
  const ranked = rankProjects(register, settings, options.method);
  options.progress?.({
    stage: "Ranking projects",
    done: register.entities.Projects.length,
    total: register.entities.Projects.length,
  });
  const names = Object.fromEntries(register.entities.Projects.map((p) => [p.id, textValue(p.values.Name) ?? ""]));
  const sheets: SheetSpec[] = [prioritisationSheet(ranked.ranking.ranking, options.method, ranked.criteria, { names })];
  const notes = [...ranked.notes];
  let selection: SelectionResult | undefined;
  if (options.select) {
    checkCancelled(options.signal);
    const objective = options.objective ?? "score";
    const { input, problems } = selectionInput(register, settings, ranked.ranking, {
      objective,
      budget: options.budget,
      overAllocation: options.overAllocation,
    });
    notes.push(...problems);
    selection = await (options.selectFn ?? defaultSelect)(input, {
      timeLimitSeconds: options.timeLimitSeconds ?? settings.general.selectionTimeLimitSeconds,
      mipGap: settings.general.selectionGap > 0 ? settings.general.selectionGap : undefined,
      objectiveName: objective,
      signal: options.signal,
      stop: options.stopSelection,
      onProgress: options.onSelectionProgress,
    });
    sheets.push(
      selectionSheet(
        selection,
        input.projects.map((p) => ({ id: p.id, name: names[p.id], value: p.value, cost: p.cost })),
      ),
    );
  }
  checkCancelled(options.signal);
  const run: PrioritiseRun = { ...ranked, selection, sheets, notes };
  const write =
    options.write === false
      ? { written: [], warnings: [] }
      : await writeOwnedSheets(port, opened.sheetNames, settings, sheets, {
          progress: options.progress,
          signal: options.signal,
          settingsHaveProblems: opened.settingsProblems.length > 0,
        });
  return { ...write, run, opened };
}
