import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { Worker } from "node:worker_threads";

/**
 * Timing and memory for the bench. Every figure is measured in this run (ratios compare two
 * measurements taken minutes apart at most, on the same loaded machine), never read from a file.
 */

setFlagsFromString("--expose-gc");
const collect = runInNewContext("gc") as () => void;

/** A full collection, so garbage left by setup is not collected (and timed) inside a measured run. */
export function collectGarbage(): void {
  collect();
}

export function median(values: number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

// The engine under test is synchronous and blocks the main thread, so peak memory is sampled from a
// worker thread: `process.memoryUsage.rss()` there reports the whole process. Peak kept in KB in a
// shared Int32Array so the main thread can read and reset it without a message round trip.
const SAMPLER_SOURCE = `
const { workerData } = require("node:worker_threads");
const peak = new Int32Array(workerData);
setInterval(() => {
  const kb = Math.round(process.memoryUsage.rss() / 1024);
  if (kb > Atomics.load(peak, 0)) Atomics.store(peak, 0, kb);
}, 5);
`;

export class MemorySampler {
  private readonly peak = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;

  constructor() {
    this.worker = new Worker(SAMPLER_SOURCE, { eval: true, workerData: this.peak.buffer });
    this.worker.unref();
  }

  /** Starts a window: the peak restarts from the current resident set. Returns it in MB. */
  reset(): number {
    const kb = Math.round(process.memoryUsage.rss() / 1024);
    Atomics.store(this.peak, 0, kb);
    return kb / 1024;
  }

  /** Peak resident set (MB) since the last reset, including the current value. */
  peakMB(): number {
    const now = Math.round(process.memoryUsage.rss() / 1024);
    return Math.max(now, Atomics.load(this.peak, 0)) / 1024;
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}

export interface Timed<T> {
  ms: number;
  result: T;
  /** Resident set at the start of the run and its peak during the run (MB). */
  startMB: number;
  peakMB: number;
}

/** One run of `fn` after a full GC: wall time, result, and peak memory when a sampler is given. */
export async function timeOnce<T>(fn: () => T | Promise<T>, sampler?: MemorySampler): Promise<Timed<T>> {
  collectGarbage();
  const startMB = sampler ? sampler.reset() : 0;
  const t0 = performance.now();
  const result = await fn();
  const ms = performance.now() - t0;
  const peakMB = sampler ? sampler.peakMB() : 0;
  return { ms, result, startMB, peakMB };
}

export interface Repeated<T> {
  /** Median wall time over the runs. */
  ms: number;
  runs: number[];
  /** The last run's result. */
  result: T;
  startMB: number;
  /** Highest peak over the runs (MB). */
  peakMB: number;
}

/** `runs` runs of `fn` (each after a GC); the median time is the figure. */
export async function timeRepeated<T>(
  fn: () => T | Promise<T>,
  runs: number,
  sampler?: MemorySampler,
): Promise<Repeated<T>> {
  const times: number[] = [];
  let last: Timed<T> | null = null;
  let peakMB = 0;
  let startMB = Infinity;
  for (let i = 0; i < Math.max(1, runs); i++) {
    last = await timeOnce(fn, sampler);
    times.push(last.ms);
    peakMB = Math.max(peakMB, last.peakMB);
    startMB = Math.min(startMB, last.startMB);
  }
  return { ms: median(times), runs: times, result: last!.result, startMB, peakMB };
}
