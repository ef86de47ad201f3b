import type { SelectionReply, SelectionRequest } from "../analysis/prioritise/selection-worker";
import type { SelectionInput, SelectionOptions, SelectionResult } from "../analysis/prioritise/selection-types";
import { CancelledError } from "../pipeline/cancellation";

/** The pane's worker has no DOM: the solver (HiGHS in WebAssembly) runs there so Excel stays responsive. */
function startWorker(): Worker {
  // webpack turns this into its own worker chunk (and emits highs.wasm beside it); tsc's CommonJS
  // module setting, used for Jest and the CLI, does not know import.meta, and this file never runs there.
  // @ts-expect-error -- import.meta is valid here: webpack compiles this file as an ES module.
  return new Worker(new URL("../analysis/prioritise/selection-worker.ts", import.meta.url));
}

/**
 * Portfolio selection in a Web Worker, with the same signature as `selectPortfolio`. Cancelling
 * ends the worker at once (HiGHS cannot be interrupted from another thread without
 * SharedArrayBuffer, which an add-in page does not get), so the next run starts a fresh one.
 */
export function selectInWorker(input: SelectionInput, options: SelectionOptions): Promise<SelectionResult> {
  const { signal, onProgress, ...rest } = options;
  if (signal?.aborted) return Promise.reject(new CancelledError());
  return new Promise<SelectionResult>((resolve, reject) => {
    const worker = startWorker();
    const finish = (): void => {
      signal?.removeEventListener("abort", abort);
      worker.terminate();
    };
    const abort = (): void => {
      finish();
      reject(new CancelledError());
    };
    signal?.addEventListener("abort", abort, { once: true });
    worker.onmessage = (event: MessageEvent<SelectionReply>) => {
      const reply = event.data;
      if (reply.type === "progress") onProgress?.(reply.progress);
      else if (reply.type === "result") {
        finish();
        resolve(reply.result);
      } else {
        finish();
        reject(new Error(reply.message));
      }
    };
    worker.onerror = (event: ErrorEvent) => {
      finish();
      reject(new Error(`The solver could not start (${event.message || "worker error"}).`));
    };
    const { locateWasm: _locate, interruptFlag: _flag, ...plain } = rest;
    const request: SelectionRequest = { input, options: plain };
    worker.postMessage(request);
  });
}
