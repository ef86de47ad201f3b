/** Thrown when the user cancels long work; callers show "Cancelled" rather than an error. */
export class CancelledError extends Error {
  constructor() {
    super("Cancelled. Nothing was written.");
    this.name = "CancelledError";
  }
}

export function checkCancelled(signal?: AbortSignal): void {
  if (signal?.aborted) throw new CancelledError();
}

/** Lets the UI breathe during long pure work (Excel restarts an add-in that blocks for ~5 s). */
export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
