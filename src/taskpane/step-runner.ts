import { useCallback, useRef, useState } from "react";
import { NoWorkbookError, NotARegisterError, ScenarioError, SettingsError } from "../pipeline/errors";
import type { ProgressEvent } from "../workbook/port";
import type { StepRequest } from "./pane-steps";
import { isCancelled, isChunkLoadError } from "./run-build";

/** The pane's steps, loaded on first use: the pipeline never ships in the first chunk. */
export const loadSteps = () => import(/* webpackChunkName: "steps" */ "./pane-steps");

export type StepState<T, C = never> =
  | { kind: "idle" }
  | { kind: "running"; event: ProgressEvent | null; cancelling: boolean }
  | { kind: "done"; value: T }
  /** The step worked out what it would change and waits for the user to confirm (the import's change list). */
  | { kind: "confirm"; pending: C }
  | { kind: "cancelled" }
  | { kind: "failed"; title: string; advice: string; detail: string };

const CONFIRM: unique symbol = Symbol("confirm");

/** What a step's work returns to stop at the confirm state with `pending` shown, instead of finishing. */
export interface NeedsConfirm<C> {
  readonly [CONFIRM]: true;
  readonly pending: C;
}

export function needsConfirm<C>(pending: C): NeedsConfirm<C> {
  return { [CONFIRM]: true, pending };
}

function isConfirm<C>(value: unknown): value is NeedsConfirm<C> {
  return typeof value === "object" && value !== null && CONFIRM in value;
}

export interface FailureWords {
  title: string;
  advice: string;
}

/**
 * Words for a failure that say what to do next, by the error's class (src/pipeline/errors): the
 * pane's files could not load, no register yet, a setting or scenario name refused; then Excel
 * refusing the write (its own error codes); otherwise the step's own advice.
 */
export function describeFailure(error: unknown, mode: "excel" | "file", fallback: FailureWords): FailureWords {
  const name = error instanceof Error ? error.name : "";
  const message = error instanceof Error ? error.message : String(error);
  if (isChunkLoadError(error))
    return {
      title: "Part of the add-in could not be loaded",
      advice: "Check the network connection, then close and reopen the pane.",
    };
  if (error instanceof NoWorkbookError || error instanceof NotARegisterError)
    return {
      title: "There is no register yet",
      advice:
        mode === "excel"
          ? "Build the register first (Register section): it reads the trackers in this workbook."
          : "Build the register first (Register section) from your tracker files.",
    };
  if (error instanceof SettingsError)
    return {
      title: "Those settings cannot be saved",
      advice: "Correct the values named in the details, then save again.",
    };
  if (error instanceof ScenarioError) return { title: fallback.title, advice: message };
  if (
    mode === "excel" &&
    /InvalidOperation|EditMode|protected|ItemNotFound|GeneralException/i.test(`${name} ${message}`)
  )
    return {
      title: fallback.title,
      advice:
        "Excel refused the change: finish editing any cell (press Enter or Esc), make sure the workbook and its sheets are not protected or read-only, then try again. Nothing else was changed.",
    };
  return fallback;
}

/** For a step that only reads: it neither waits for nor blocks a step that is writing. */
export const READ_ONLY_STEP = { claim: (): boolean => true, release: (): void => undefined };

/**
 * Runs one long step with progress (stage and counts), Cancel (an AbortSignal the pipeline checks
 * between stages and before writing) and a failure message. `exclusive` keeps two steps from
 * working on the same workbook at once.
 */
export function useStep<T, C = never>(options: {
  mode: "excel" | "file";
  failure: FailureWords;
  exclusive: { claim: (step: string) => boolean; release: (step: string) => void; holder?: () => string | null };
  name: string;
}) {
  const [state, setState] = useState<StepState<T, C>>({ kind: "idle" });
  const controller = useRef<AbortController | null>(null);
  const { mode, failure, exclusive, name } = options;

  const run = useCallback(
    async (
      work: (request: StepRequest) => Promise<T | NeedsConfirm<C>>,
      /** Words for this run's failure, when they differ from the step's (a review rather than a write). */
      failureWords: FailureWords = failure,
    ): Promise<T | null> => {
      if (!exclusive.claim(name)) {
        // Say so rather than ignore the click: the user can wait and press again.
        setState({
          kind: "failed",
          title: "Another step is still working on the workbook",
          advice: "Wait for it to finish (its progress shows in its section), then try again.",
          detail: `busy with ${exclusive.holder?.() ?? "another step"}`,
        });
        return null;
      }
      const abort = new AbortController();
      controller.current = abort;
      setState({ kind: "running", event: null, cancelling: false });
      try {
        const value = await work({
          signal: abort.signal,
          progress: (event) => setState((s) => (s.kind === "running" ? { ...s, event } : s)),
        });
        if (isConfirm<C>(value)) {
          setState({ kind: "confirm", pending: value.pending });
          return null;
        }
        setState({ kind: "done", value });
        return value;
      } catch (error) {
        if (isCancelled(error) || abort.signal.aborted) setState({ kind: "cancelled" });
        else
          setState({
            kind: "failed",
            ...describeFailure(error, mode, failureWords),
            detail: error instanceof Error ? error.message : String(error),
          });
        return null;
      } finally {
        controller.current = null;
        exclusive.release(name);
      }
    },
    [exclusive, failure, mode, name],
  );

  const cancel = useCallback(() => {
    controller.current?.abort();
    setState((s) => (s.kind === "running" ? { ...s, cancelling: true } : s));
  }, []);

  return { state, run, cancel, setState };
}

/** Today as a UTC calendar date (conventions: no local time). */
export function todayIso(): string {
  return new Date().toISOString().slice(0, 10);
}
