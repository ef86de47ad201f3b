import type { ProgressFn, WorkbookPort } from "../../workbook/port";
import { checkCancelled } from "../cancellation";
import { registerIn, workbookRead } from "../open-register";
import { writeOwnedSheets } from "../write-outputs";
import type { Step, StepOutcome, StepResult } from "./step";

export interface RunStepOptions {
  progress?: ProgressFn;
  /** Cancels before anything is written: a step writes once, at its end. */
  signal?: AbortSignal;
  /** False: compute only (a preview); nothing is written. Default true. */
  write?: boolean;
}

const READING = "Reading the register";

/**
 * Runs one step on a workbook: reads what the step declares it reads, opens the register (for a
 * register step), checks cancellation, runs the step, then writes what it returned, once. Every
 * front end calls this; none composes a step itself.
 */
export async function runStep<O, R>(
  port: WorkbookPort,
  step: Step<O, R>,
  options: O,
  run: RunStepOptions = {},
): Promise<StepOutcome<R>> {
  const progress: ProgressFn = run.progress ?? (() => undefined);
  const { signal } = run;
  checkCancelled(signal);
  progress({ stage: READING, done: 0, total: 1, message: port.label });
  // A step that reads the whole workbook (a build) reports the read's own progress: it may be large.
  const read = await port.read(step.reads ? { ...step.reads, signal } : { signal, progress });
  const workbook = workbookRead(read, port.label);
  progress({ stage: READING, done: 1, total: 1, message: port.label });
  checkCancelled(signal);
  const context = { progress, signal };
  const result: StepResult<R> =
    step.opens === "register"
      ? await step.run(registerIn(workbook), options, context)
      : await step.run(workbook, options, context);
  checkCancelled(signal);
  const outcome: StepOutcome<R> = { value: result.value, written: [], warnings: [], workbook };
  if (run.write === false) return outcome;
  if (result.planned?.sheets.length) {
    await port.write(result.planned, { progress, signal });
    outcome.written.push(...result.planned.sheets.map((s) => s.name));
  }
  if (result.sheets?.length) {
    const owned = await writeOwnedSheets(port, workbook.sheetNames, workbook.settings, result.sheets, {
      progress,
      signal,
      settingsHaveProblems: workbook.settingsProblems.length > 0,
    });
    outcome.written.push(...owned.written);
    outcome.warnings.push(...owned.warnings);
  }
  return outcome;
}
