import { selectPortfolio } from "../../src/analysis/prioritise/selection";
import type { SelectionReply, SelectionRequest } from "../../src/taskpane/selection-worker";
import type { SelectionProgress } from "../../src/analysis/prioritise/selection-types";
import { CancelledError } from "../../src/pipeline/cancellation";
import { selectWithWorker, type SelectionWorker } from "../../src/taskpane/selection-in-worker";
import { generatedPortfolio } from "../analysis/prioritise/generated-portfolio";
import { hardSelectionInput } from "../analysis/prioritise/hard-portfolio";

/**
 * The pane's side of the solver worker, with a worker that runs the real solver in this thread
 * and posts what selection-worker.ts posts. Ending it stops HiGHS at its next callback and drops
 * any later message, as ending a real worker would.
 */
class InProcessWorker implements SelectionWorker {
  onmessage: ((event: MessageEvent<SelectionReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  private readonly ended = new AbortController();

  postMessage(request: SelectionRequest): void {
    const post = (reply: SelectionReply): void => {
      if (!this.terminated) this.onmessage?.({ data: reply } as MessageEvent<SelectionReply>);
    };
    void selectPortfolio(request.input, {
      ...request.options,
      stop: this.ended.signal,
      onProgress: (progress) => post({ type: "progress", progress }),
      onIncumbent: (incumbent) => post({ type: "incumbent", incumbent }),
    }).then(
      (result) => post({ type: "result", result }),
      (error: unknown) => post({ type: "error", message: String(error) }),
    );
  }

  terminate(): void {
    this.terminated = true;
    this.ended.abort();
  }
}

/** A worker that says what it is told to, for the protocol's edges. */
class ScriptedWorker implements SelectionWorker {
  onmessage: ((event: MessageEvent<SelectionReply>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  terminated = false;
  postMessage(): void {}
  say(reply: SelectionReply): void {
    this.onmessage?.({ data: reply } as MessageEvent<SelectionReply>);
  }
  terminate(): void {
    this.terminated = true;
  }
}

describe("selection in a worker: cancel, stop and keep the best so far", () => {
  it("Stop keeps the best selection reported before it, described in full, and ends the worker", async () => {
    const worker = new InProcessWorker();
    const stop = new AbortController();
    const progress: SelectionProgress[] = [];
    const reported: string[][] = [];
    const r = await selectWithWorker(() => worker, hardSelectionInput(), {
      frontier: false,
      hire: false,
      objectiveName: "score",
      stop: stop.signal,
      onProgress: (p) => progress.push(p),
      onIncumbent: (incumbent) => {
        reported.push(incumbent.selected);
        // HiGHS's first incumbent can be the empty selection; stop once something is chosen.
        if (incumbent.selected.length > 0) stop.abort();
      },
    });
    expect(worker.terminated).toBe(true);
    expect(r.status).toBe("stopped");
    expect(r.selected).toEqual(reported[reported.length - 1]);
    expect(r.selected.length).toBeGreaterThan(0);
    expect(r.decisions).toHaveLength(250);
    expect(r.decisions.filter((d) => d.selected).map((d) => d.id)).toEqual(r.selected);
    expect(
      r.notes.some((n) => /stopped on request after \d+\.\d s; the best selection found so far is kept/.test(n)),
    ).toBe(true);
    const best = progress.find((p) => p.message.startsWith("Best so far"));
    expect(best?.message).toMatch(/^Best so far: score [\d,.]+ with \d+ projects \((within [\d.]+ % of|how far)/);
  });

  it("without a stop, the worker's own result comes back", async () => {
    const worker = new InProcessWorker();
    const input = generatedPortfolio(40, { seed: 5 });
    const r = await selectWithWorker(() => worker, input, { frontier: false, hire: false });
    const direct = await selectPortfolio(input, { frontier: false, hire: false });
    expect(r.status).toBe("optimal");
    expect(r.selected).toEqual(direct.selected);
    expect(worker.terminated).toBe(true);
  });

  it("Cancel rejects, ends the worker, and ignores what it says afterwards", async () => {
    const worker = new ScriptedWorker();
    const cancel = new AbortController();
    const running = selectWithWorker(() => worker, generatedPortfolio(10), { signal: cancel.signal });
    worker.say({
      type: "incumbent",
      incumbent: { selected: ["P-01"], objective: 1, bound: 2, gap: 0.5, seconds: 0.1 },
    });
    cancel.abort();
    worker.say({ type: "error", message: "late" });
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(worker.terminated).toBe(true);
  });

  it("Stop before anything was found is a cancel: nothing to keep, nothing written", async () => {
    const worker = new ScriptedWorker();
    const stop = new AbortController();
    const running = selectWithWorker(() => worker, generatedPortfolio(10), { stop: stop.signal });
    stop.abort();
    await expect(running).rejects.toBeInstanceOf(CancelledError);
    expect(worker.terminated).toBe(true);
  });

  it("a worker error or a failed start rejects with its message", async () => {
    const failing = new ScriptedWorker();
    const failed = selectWithWorker(() => failing, generatedPortfolio(10), {});
    failing.say({ type: "error", message: "HiGHS could not load" });
    await expect(failed).rejects.toThrow("HiGHS could not load");
    const broken = new ScriptedWorker();
    const notStarted = selectWithWorker(() => broken, generatedPortfolio(10), {});
    broken.onerror?.({ message: "no such script" } as ErrorEvent);
    await expect(notStarted).rejects.toThrow("The solver could not start (no such script).");
  });

  it("an already-cancelled run never starts a worker", async () => {
    const cancel = new AbortController();
    cancel.abort();
    let started = false;
    await expect(
      selectWithWorker(
        () => {
          started = true;
          return new ScriptedWorker();
        },
        generatedPortfolio(10),
        { signal: cancel.signal },
      ),
    ).rejects.toBeInstanceOf(CancelledError);
    expect(started).toBe(false);
  });
});
