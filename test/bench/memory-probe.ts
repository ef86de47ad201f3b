import { spawn } from "node:child_process";
import * as path from "node:path";

/**
 * Peak memory of one engine call, measured in a fresh Node process (memory-child.ts). In the
 * bench's own process the heap has already grown for earlier work, so a run can reuse pages
 * without the resident set moving; a fresh process shows what the call itself needs on top of its
 * input. The child prints one JSON line; the parent keeps stdout for the result.
 */

export interface MemoryProbe {
  /** Resident set after the input is ready and a full GC (MB). */
  baseMB: number;
  /** Peak resident set during the call (MB), sampled every 5 ms from a worker thread. */
  peakMB: number;
  ms: number;
  detail?: string;
}

const CHILD = path.join(__dirname, "memory-child.ts");

export function probeMemory(probe: string, args: string[] = []): Promise<MemoryProbe> {
  return new Promise((resolve, reject) => {
    // The same Node with the same loader flags (tsx's), so the child runs TypeScript as the bench does.
    const child = spawn(process.execPath, [...process.execArgv, CHILD, probe, ...args], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.on("data", (d: Buffer) => (out += d.toString()));
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    child.on("error", reject);
    child.on("close", (code) => {
      const line = out.trim().split("\n").pop() ?? "";
      if (code !== 0 || !line.startsWith("{")) {
        reject(new Error(`memory probe ${probe} failed (exit ${code}): ${err.trim().split("\n").slice(-3).join(" ")}`));
        return;
      }
      resolve(JSON.parse(line) as MemoryProbe);
    });
  });
}
