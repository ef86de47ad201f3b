import { CancelledError } from "./errors";

export { CancelledError };

export function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Lets the UI breathe during long pure work (Excel restarts an add-in that blocks for ~5 s). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
