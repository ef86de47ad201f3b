import { buildSelectionModel } from "../analysis/prioritise/selection-model";
import { bestSoFarMessage, stoppedSelectionResult } from "../analysis/prioritise/selection-result";
import type { SelectionReply, SelectionRequest } from "./selection-worker";
import type {
  SelectionIncumbent,
  SelectionInput,
  SelectionOptions,
  SelectionResult,
} from "../analysis/prioritise/selection-types";
import { CancelledError } from "../pipeline/errors";

/** What the client needs of a Web Worker (a test passes a fake that runs the solver in-process). */
export interface SelectionWorker {
  onmessage: ((event: MessageEvent<SelectionReply>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(request: SelectionRequest): void;
  terminate(): void;
}

/**
 * Portfolio selection in a worker, with the same signature as `selectPortfolio`. `signal`
 * cancels: the worker is ended at once and the promise rejects. `stop` ends the worker too but
 * resolves with the best selection it had reported (and rejects as a cancel if it had none) (HiGHS cannot be interrupted from another
 * thread without SharedArrayBuffer, which an add-in page does not get, so the client keeps the
 * latest incumbent itself). The next run starts a fresh worker.
 */
export function selectWithWorker(
  startWorker: () => SelectionWorker,
  input: SelectionInput,
  options: SelectionOptions,
): Promise<SelectionResult> {
  const { signal, stop, onProgress, onIncumbent, ...plain } = options;
  if (signal?.aborted) return Promise.reject(new CancelledError());
  const objectiveName = options.objectiveName ?? "value";
  return new Promise<SelectionResult>((resolve, reject) => {
    const worker = startWorker();
    let latest: SelectionIncumbent | null = null;
    let settled = false;
    const finish = (): boolean => {
      if (settled) return false;
      settled = true;
      signal?.removeEventListener("abort", cancel);
      stop?.removeEventListener("abort", keepBest);
      worker.terminate();
      return true;
    };
    const cancel = (): void => {
      if (finish()) reject(new CancelledError());
    };
    // With nothing found yet there is nothing to keep: a stop then is a cancel, so no empty
    // Selection sheet replaces the last one.
    const keepBest = (): void => {
      if (!finish()) return;
      if (latest === null) reject(new CancelledError());
      else resolve(stoppedSelectionResult(buildSelectionModel(input, options), objectiveName, latest));
    };
    signal?.addEventListener("abort", cancel, { once: true });
    stop?.addEventListener("abort", keepBest, { once: true });
    worker.onmessage = (event: MessageEvent<SelectionReply>) => {
      const reply = event.data;
      if (settled) return;
      if (reply.type === "progress") onProgress?.(reply.progress);
      else if (reply.type === "incumbent") {
        latest = reply.incumbent;
        onIncumbent?.(reply.incumbent);
        if (reply.incumbent.status === undefined)
          onProgress?.({
            phase: "solve",
            done: 0,
            total: 1,
            message: bestSoFarMessage(reply.incumbent, objectiveName),
          });
      } else if (reply.type === "result") {
        if (finish()) resolve(reply.result);
      } else if (finish()) reject(new Error(reply.message));
    };
    worker.onerror = (event: ErrorEvent) => {
      if (finish()) reject(new Error(`The solver could not start (${event.message || "worker error"}).`));
    };
    worker.postMessage({ input, options: plain });
    if (stop?.aborted) keepBest();
  });
}
