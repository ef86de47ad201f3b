import type { ProgressFn, ReadOptions } from "../../workbook/port";
import type { SheetSpec, WorkbookSpec } from "../../workbook/spec";
import type { OpenRegister, WorkbookRead } from "../open-register";

/**
 * One step of the monthly flow (validate, prioritise, capacity, …), declared once and run by
 * `runStep` for every front end: the CLI on a file, the task pane in Excel and in file mode, and
 * the summary. A step says what it reads, computes from what was read (no port, no host), and
 * returns its result with the sheets it wants written. runStep does the reading, the cancellation
 * checks and the single write. See CONTRIBUTING.md, "Adding a step".
 */
export interface StepContext {
  progress: ProgressFn;
  signal?: AbortSignal;
}

export interface StepResult<R> {
  value: R;
  /**
   * Sheets the add-in owns, written beside the register: a user's sheet of the same name is left
   * alone and ours takes a free variant, and PMO Settings records them (writeOwnedSheets).
   */
  sheets?: SheetSpec[];
  /**
   * Sheets whose names the step has already planned (the register workbook from a build, PMO
   * Settings itself): written as they are.
   */
  planned?: WorkbookSpec;
}

interface StepBase {
  /** The step's name in messages and in the registry (`STEPS`). */
  readonly name: string;
  /**
   * What the step reads (ReadOptions.select or .sheets); omitted: the whole workbook (only a build
   * needs that: the user's source sheets are its input).
   */
  readonly reads?: Pick<ReadOptions, "select" | "sheets">;
}

/** A step over a register: runStep opens it first, and a workbook without one fails with NotARegisterError. */
export interface RegisterStep<O, R> extends StepBase {
  readonly opens: "register";
  run(opened: OpenRegister, options: O, context: StepContext): Promise<StepResult<R>> | StepResult<R>;
}

/** A step over the workbook as it is, register or not (build, settings, status). */
export interface WorkbookStep<O, R> extends StepBase {
  readonly opens: "workbook";
  run(workbook: WorkbookRead, options: O, context: StepContext): Promise<StepResult<R>> | StepResult<R>;
}

export type Step<O, R> = RegisterStep<O, R> | WorkbookStep<O, R>;

/** What runStep returns: the step's value, and the sheets it wrote (their names as used) with any warnings. */
export interface StepOutcome<R> {
  value: R;
  written: string[];
  warnings: string[];
  /** The workbook as the step read it (its settings, every sheet's name), for the status afterwards without reading again. */
  workbook: WorkbookRead;
}

export type StepOptionsOf<S> = S extends Step<infer O, unknown> ? O : never;
export type StepValueOf<S> = S extends Step<unknown, infer R> ? R : never;
