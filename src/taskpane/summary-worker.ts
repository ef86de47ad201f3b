/**
 * Web Worker entry for the Summary section: every analysis (validation, schedule and finance,
 * prioritisation with the HiGHS selection, capacity) and the summary's spec are computed here, off
 * the pane's thread, so Excel stays responsive while HiGHS solves. The pane reads the workbook
 * (Office.js exists only on the pane's thread), posts what it read, and writes the spec it gets back.
 */
import { openRegister } from "../pipeline/open-register";
import type { SummaryOptions } from "../pipeline/summary-use-case";
import { buildSummarySpec } from "../pipeline/summary-use-case";
import type { ReadResult } from "../workbook/grid";
import type { ProgressEvent, WorkbookPort } from "../workbook/port";
import type { SheetSpec, WorkbookSpec } from "../workbook/spec";

export interface SummaryRequest {
  label: string;
  read: ReadResult;
  options: Omit<SummaryOptions, "progress" | "signal" | "solver">;
}

export interface SummaryWorkerResult {
  spec: WorkbookSpec;
  /** The analysis sheets with their links into the register (for writing beside it). */
  analysisSheets: SheetSpec[];
  notes: string[];
  compliance: {
    profile: string;
    compliant: boolean;
    stamp: boolean;
    counts: { error: number; warning: number; info: number };
  };
}

export type SummaryReply =
  | { type: "progress"; event: ProgressEvent }
  | { type: "result"; result: SummaryWorkerResult }
  | { type: "error"; name: string; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<SummaryRequest>) => void) | null;
  postMessage(message: SummaryReply): void;
}

const scope = self as unknown as WorkerScope;

/** A read-only port over what the pane read, so the register is opened exactly as everywhere else. */
function portOver(label: string, read: ReadResult): WorkbookPort {
  return {
    label,
    read: async () => read,
    write: async () => {
      throw new Error("The summary worker does not write; the pane does.");
    },
  };
}

scope.onmessage = (event) => {
  const { label, read, options } = event.data;
  (async () => {
    const opened = await openRegister(portOver(label, read));
    const run = await buildSummarySpec(opened, {
      ...options,
      progress: (progress) => scope.postMessage({ type: "progress", event: progress }),
    });
    const v = run.inputs.validation;
    return {
      spec: run.spec,
      analysisSheets: run.analysisSheets,
      notes: run.notes,
      compliance: { profile: v.profile, compliant: v.compliant, stamp: v.stamp, counts: { ...v.counts } },
    };
  })().then(
    (result) => scope.postMessage({ type: "result", result }),
    (error: unknown) =>
      scope.postMessage({
        type: "error",
        name: error instanceof Error ? error.name : "Error",
        message: error instanceof Error ? error.message : String(error),
      }),
  );
};
