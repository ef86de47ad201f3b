import type { ProgressFn, WorkbookPort } from "../../workbook/port";
import { checkCancelled } from "../cancellation";
import type { OpenRegister } from "../open-register";
import { openRegister } from "../open-register";

/**
 * What every "do it in this workbook" step takes: progress in stages with counts, and a signal
 * that cancels before anything is written (a step writes once, at its end).
 */
export interface StepOptions {
  progress?: ProgressFn;
  signal?: AbortSignal;
  /** Write the step's sheets into the workbook (default true); false only computes. */
  write?: boolean;
}

/** What a step wrote: the sheet names used (owned variants where the user has a sheet of that name) and notes. */
export interface StepWrite {
  written: string[];
  warnings: string[];
}

/** Re-reads the register from the workbook's current cells (hand edits are always seen), with progress. */
export async function openForStep(port: WorkbookPort, options: StepOptions): Promise<OpenRegister> {
  checkCancelled(options.signal);
  options.progress?.({ stage: "Reading the register", done: 0, total: 1, message: port.label });
  const opened = await openRegister(port);
  options.progress?.({ stage: "Reading the register", done: 1, total: 1, message: port.label });
  checkCancelled(options.signal);
  return opened;
}
