/**
 * Web Worker entry for the Summary section: the summary step's analyses (validation, schedule and
 * finance, prioritisation with the HiGHS selection, capacity) and the summary's spec are composed
 * here, off the pane's thread, so Excel stays responsive while HiGHS solves. The pane's summary
 * step reads the workbook (Office.js exists only on the pane's thread), posts what it read, and
 * writes what it gets back.
 */
import { registerIn, workbookRead } from "../pipeline/open-register";
import type { SummaryOptions, SummaryPack } from "../pipeline/steps/summary";
import { composeSummary } from "../pipeline/steps/summary";
import type { ReadResult } from "../workbook/grid";
import type { ProgressEvent } from "../workbook/port";

export interface SummaryRequest {
  label: string;
  read: ReadResult;
  options: SummaryOptions;
}

export type SummaryReply =
  | { type: "progress"; event: ProgressEvent }
  | { type: "result"; result: SummaryPack }
  | { type: "error"; name: string; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<SummaryRequest>) => void) | null;
  postMessage(message: SummaryReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { label, read, options } = event.data;
  (async () => {
    // The register is opened from what the pane read exactly as runStep opens it everywhere else.
    const opened = registerIn(workbookRead(read, label));
    return composeSummary(opened, options, {
      progress: (progress) => scope.postMessage({ type: "progress", event: progress }),
    });
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
