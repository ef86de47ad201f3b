import { readFileSync } from "node:fs";
import { planCapacity } from "../../src/analysis/capacity";
import { capacityRegister, CAPACITY_OPTIONS } from "./bench-capacity";
import { buildRegister, exceljsLoad } from "./bench-ingest";
import { MemorySampler, timeOnce } from "./measurement";
import type { MemoryProbe } from "./memory-probe";

/**
 * Child process of memory-probe.ts: `memory-child.ts <probe> [args]` prepares the probe's input,
 * then measures one call and prints a MemoryProbe as one JSON line.
 */

type Probe = (args: string[]) => Promise<{ call: () => unknown }>;

const PROBES: Record<string, Probe> = {
  /** Build the register from a workbook file (read to grids, then ingest). */
  async ingest([file]) {
    const bytes = new Uint8Array(readFileSync(file));
    return { call: () => buildRegister(bytes) };
  },
  /** exceljs loading the same file, nothing more. */
  async "exceljs-load"([file]) {
    const bytes = new Uint8Array(readFileSync(file));
    return { call: () => exceljsLoad(bytes) };
  },
  /** Demand and supply for the capacity bench's register. */
  async capacity() {
    const register = capacityRegister();
    return { call: () => planCapacity(register, CAPACITY_OPTIONS) };
  },
};

async function main(): Promise<void> {
  const [name, ...args] = process.argv.slice(2);
  const probe = PROBES[name];
  if (!probe) throw new Error(`unknown probe "${name}" (known: ${Object.keys(PROBES).join(", ")})`);
  const { call } = await probe(args);
  const sampler = new MemorySampler();
  const t = await timeOnce(call, sampler);
  await sampler.close();
  const result: MemoryProbe = { baseMB: t.startMB, peakMB: t.peakMB, ms: t.ms };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
