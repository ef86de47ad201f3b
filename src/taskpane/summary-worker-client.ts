import { CancelledError, restoreStepError } from "../pipeline/errors";
import type { ReadResult } from "../workbook/grid";
import type { ProgressFn } from "../workbook/port";
import type { SummaryPack } from "../pipeline/steps/summary";
import type { SummaryReply, SummaryRequest } from "./summary-worker";

function startWorker(): Worker {
  // webpack turns this into its own worker chunk; see selection-worker-client.ts for the comment below.
  // @ts-expect-error -- import.meta is valid here: webpack compiles this file as an ES module.
  return new Worker(new URL("./summary-worker.ts", import.meta.url));
}

/** Computes the summary's spec in a Web Worker; cancelling ends the worker at once. */
export function summaryInWorker(
  label: string,
  read: ReadResult,
  options: SummaryRequest["options"],
  request: { signal: AbortSignal; progress: ProgressFn },
): Promise<SummaryPack> {
  if (request.signal.aborted) return Promise.reject(new CancelledError());
  return new Promise((resolve, reject) => {
    const worker = startWorker();
    const finish = (): void => {
      request.signal.removeEventListener("abort", abort);
      worker.terminate();
    };
    const abort = (): void => {
      finish();
      reject(new CancelledError());
    };
    request.signal.addEventListener("abort", abort, { once: true });
    worker.onmessage = (event: MessageEvent<SummaryReply>) => {
      const reply = event.data;
      if (reply.type === "progress") request.progress(reply.event);
      else {
        finish();
        if (reply.type === "result") resolve(reply.result);
        else reject(restoreStepError(reply.name, reply.message));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      reject(new Error(`The summary could not be computed (${event.message || "worker error"}).`));
    };
    const message: SummaryRequest = { label, read, options };
    worker.postMessage(message);
  });
}
