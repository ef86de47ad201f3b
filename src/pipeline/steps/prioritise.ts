import type { SelectionInput, SelectionOptions, SelectionResult } from "../../analysis/prioritise/selection-types";
import type { Register } from "../../domain/register";
import { textValue } from "../../domain/register";
import type { Settings } from "../../domain/settings";
import { prioritisationSheet, selectionSheet } from "../../report/prioritisation-sheets";
import type { SheetSpec } from "../../workbook/spec";
import { checkCancelled } from "../cancellation";
import { isRegisterSheet } from "../open-register";
import type { PrioritisationMethod, RankedProjects } from "../prioritise-use-case";
import { rankProjects, selectionInput } from "../prioritise-use-case";
import type { RegisterStep } from "./step";

/**
 * Runs the exact selection. The CLI solves in its own thread (the default, loaded on first use);
 * the task pane passes one that posts the model to a Web Worker, so Excel stays responsive and a
 * cancel can stop HiGHS mid-solve by ending the worker.
 */
export type SelectFn = (input: SelectionInput, options: SelectionOptions) => Promise<SelectionResult>;

/**
 * Prioritise and select are one step: the selection's objective is the ranking's score, and the
 * Prioritisation and Selection sheets are written together so they never disagree. `select: false`
 * ranks only.
 */
export interface PrioritiseOptions {
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
  /** Solver options passed on as they are: progress, the best-so-far callback, `stop` (keep the best so far). */
  solver?: SelectionOptions;
}

export interface PrioritiseRun extends RankedProjects {
  selection?: SelectionResult;
  /** Each project's name by id ("" when it has none), so every front end can say "Name (ID)". */
  names: Record<string, string>;
}

const defaultSelect: SelectFn = async (input, options) => {
  const { selectPortfolio } = await import("../../analysis/prioritise/selection");
  return selectPortfolio(input, options);
};

/** The ranking (and selection) of a register with the sheets that show them. */
export async function prioritise(
  register: Register,
  settings: Settings,
  options: PrioritiseOptions,
  signal?: AbortSignal,
): Promise<{ run: PrioritiseRun; sheets: SheetSpec[] }> {
  const ranked = rankProjects(register, settings, options.method);
  const names = Object.fromEntries(register.entities.Projects.map((p) => [p.id, textValue(p.values.Name) ?? ""]));
  const sheets: SheetSpec[] = [prioritisationSheet(ranked.ranking.ranking, options.method, ranked.criteria, { names })];
  const notes = [...ranked.notes];
  let selection: SelectionResult | undefined;
  if (options.select) {
    checkCancelled(signal);
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
      signal,
      ...options.solver,
    });
    if (selection.unavailable) notes.push(selection.unavailable);
    sheets.push(
      selectionSheet(
        selection,
        input.projects.map((p) => ({ id: p.id, name: names[p.id], value: p.value, cost: p.cost })),
      ),
    );
  }
  return { run: { ...ranked, selection, notes, names }, sheets };
}

/** Ranks the projects (weighted, AHP or WSJF), optionally selects the portfolio, and writes Prioritisation (and Selection). */
export const prioritiseStep: RegisterStep<PrioritiseOptions, PrioritiseRun> = {
  name: "prioritise",
  opens: "register",
  reads: { select: isRegisterSheet },
  async run(opened, options, { progress, signal }) {
    const n = opened.register.entities.Projects.length;
    progress({ stage: "Ranking projects", done: 0, total: n });
    const { run, sheets } = await prioritise(opened.register, opened.settings, options, signal);
    progress({ stage: "Ranking projects", done: n, total: n });
    return { value: run, sheets };
  },
};
