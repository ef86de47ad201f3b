import { selectPortfolio } from "../analysis/prioritise/selection";
import type {
  SelectionIncumbent,
  SelectionInput,
  SelectionOptions,
  SelectionProgress,
  SelectionResult,
} from "../analysis/prioritise/selection-types";

/**
 * Web Worker entry for the task pane (a front end: it uses the worker global `self`, which the
 * engine's tsconfig does not know): HiGHS solves synchronously, so the pane runs it here to
 * stay responsive. To stop a solve, the pane calls `worker.terminate()` (HiGHS cannot be
 * interrupted from another thread without SharedArrayBuffer, which needs cross-origin
 * isolation an add-in page does not have) and starts a new worker for the next solve; each
 * better selection is posted as it is found, so a stopped solve still has its best so far.
 */
export interface SelectionRequest {
  input: SelectionInput;
  options?: Omit<SelectionOptions, "signal" | "stop" | "onProgress" | "onIncumbent">;
}

export type SelectionReply =
  | { type: "progress"; progress: SelectionProgress }
  | { type: "incumbent"; incumbent: SelectionIncumbent }
  | { type: "result"; result: SelectionResult }
  | { type: "error"; message: string };

interface WorkerScope {
  onmessage: ((event: MessageEvent<SelectionRequest>) => void) | null;
  postMessage(message: SelectionReply): void;
}

const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { input, options } = event.data;
  selectPortfolio(input, {
    ...options,
    onProgress: (progress) => scope.postMessage({ type: "progress", progress }),
    // The pane keeps the latest, so "stop and keep the best so far" still has it after ending this worker.
    onIncumbent: (incumbent) => scope.postMessage({ type: "incumbent", incumbent }),
  }).then(
    (result) => scope.postMessage({ type: "result", result }),
    (error: unknown) =>
      scope.postMessage({ type: "error", message: error instanceof Error ? error.message : String(error) }),
  );
};
