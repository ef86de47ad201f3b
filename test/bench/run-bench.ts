/**
 * `npm run bench`: every figure the issues ask the bench for, measured in one run on this machine,
 * printed as one table (name, measured, baseline, ratio, goal, result) with numbered notes, or as
 * one JSON document with `--json`. Ratios compare two measurements from this run, never a stored
 * figure. Progress goes to stderr. Timings are never asserted in Jest (a shared machine makes them
 * flaky); goals here are reported as pass/over, and only a wrong answer (FAIL) sets exit code 1.
 *
 *   npm run bench -- [--json] [--only ingest,capacity] [--runs 3] [--heavy-runs 3] [--slow-runs 1]
 */
import { existsSync } from "node:fs";
import { cpus, loadavg } from "node:os";
import * as path from "node:path";
import type { Register } from "../../src/domain/register";
import { generateEstate, SCALE_ESTATE_OPTIONS } from "../../src/sample";
import { area as bundle } from "./bench-bundle";
import { area as capacity } from "./bench-capacity";
import { area as cli } from "./bench-cli";
import { area as ingest } from "./bench-ingest";
import { area as prioritise } from "./bench-prioritise";
import type { BenchArea, BenchContext, BenchRow } from "./bench-report";
import { formatTable, jsonDocument, skippedRow } from "./bench-report";
import { area as schedule } from "./bench-schedule";
import { area as standards } from "./bench-standards";

// ---------------------------------------------------------------------------------------------
// SLOT (issue 6): "summary workbook for 60 programmes / 2,000 projects vs plain exceljs writing
// the same cells (goal ≤ 1.3×)". bench-summary.ts measures it once src/pipeline/summary-use-case.ts
// exists; until then the table shows the row as skipped with the reason. It is loaded by path so
// the bench (and the type check) work with or without it.
const SUMMARY_FILE = path.join(__dirname, "bench-summary.ts");
const SUMMARY_ROW = "summary 60 programmes / 2,000 projects vs exceljs";

function summaryArea(): BenchArea {
  if (existsSync(SUMMARY_FILE)) return (require(SUMMARY_FILE) as { area: BenchArea }).area;
  return {
    name: "summary",
    title: "summary workbook (60 programmes / 2,000 projects) vs exceljs writing the same cells",
    run: async () => [
      skippedRow(
        "summary",
        SUMMARY_ROW,
        "Not measured yet: test/bench/bench-summary.ts is added once src/pipeline/summary-use-case.ts (summaryWorkbookBytes) exists.",
        "≤ 1.3×",
        6,
      ),
    ],
  };
}
// ---------------------------------------------------------------------------------------------

/**
 * In run order. Standards and ingest share the 10,000-project estate; ingest runs second and drops
 * it once its workbook is written, so the live heap is small again for its timed runs.
 */
const AREAS: BenchArea[] = [standards, ingest, capacity, schedule, prioritise, summaryArea(), bundle, cli];

interface Args {
  json: boolean;
  only: string[] | null;
  runs: number;
  heavyRuns: number;
  slowRuns: number;
}

function usage(): string {
  return [
    "usage: npm run bench -- [--json] [--only <area>[,<area>…]] [--runs N] [--heavy-runs N] [--slow-runs N]",
    "areas:",
    ...AREAS.map((a) => `  ${a.name.padEnd(11)} ${a.title}`),
    "--runs: runs of cheap measurements, median reported (default 3); --heavy-runs: rounds of the ingest's",
    "whole-file reads (default 3); --slow-runs: rounds of the summary, ~25 s each on 2 cores (default 1).",
  ].join("\n");
}

function parseArgs(argv: string[]): Args {
  const args: Args = { json: false, only: null, runs: 3, heavyRuns: 3, slowRuns: 1 };
  const count = (flag: string, v: string | undefined): number => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} needs a whole number ≥ 1, not "${v ?? ""}".`);
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--json") args.json = true;
    else if (a === "--only") args.only = [...(args.only ?? []), ...(argv[++i] ?? "").split(",").filter(Boolean)];
    else if (a.startsWith("--only=")) args.only = [...(args.only ?? []), ...a.slice(7).split(",").filter(Boolean)];
    else if (a === "--runs") args.runs = count(a, argv[++i]);
    else if (a === "--heavy-runs") args.heavyRuns = count(a, argv[++i]);
    else if (a === "--slow-runs") args.slowRuns = count(a, argv[++i]);
    else if (a === "--help" || a === "-h") {
      process.stdout.write(`${usage()}\n`);
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  const unknown = (args.only ?? []).filter((n) => !AREAS.some((a) => a.name === n));
  if (unknown.length) throw new Error(`unknown area ${unknown.join(", ")}`);
  return args;
}

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  const started = performance.now();
  const log = (message: string) => process.stderr.write(`bench: ${message}\n`);
  let estate: Register | null = null;
  const setup: { estateMs: number | null } = { estateMs: null };
  const ctx: BenchContext = {
    runs: args.runs,
    heavyRuns: args.heavyRuns,
    slowRuns: args.slowRuns,
    log,
    scaleEstate() {
      if (!estate) {
        log("generating the 10,000-project estate (seed 1)");
        const t0 = performance.now();
        estate = generateEstate({ ...SCALE_ESTATE_OPTIONS, seed: 1 });
        setup.estateMs = performance.now() - t0;
      }
      return estate;
    },
    releaseScaleEstate() {
      estate = null;
    },
  };
  const chosen = AREAS.filter((a) => !args.only || args.only.includes(a.name));
  const rows: BenchRow[] = [];
  for (const area of chosen) {
    const t0 = performance.now();
    try {
      rows.push(...(await area.run(ctx)));
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      rows.push({
        area: area.name,
        name: "area failed",
        measured: null,
        verdict: "FAIL",
        note: message.split("\n")[0],
      });
      log(message);
    }
    log(`${area.name} done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (setup.estateMs !== null) {
    rows.push({
      area: "setup",
      name: "generate 10k-project estate (seed 1)",
      measured: { value: setup.estateMs, unit: "ms" },
      verdict: "info",
    });
  }
  const seconds = (performance.now() - started) / 1000;
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpus().length,
    loadAverage: loadavg().map((l) => Number(l.toFixed(2))),
    runs: args.runs,
    heavyRuns: args.heavyRuns,
    slowRuns: args.slowRuns,
    areas: chosen.map((a) => a.name),
    seconds: Number(seconds.toFixed(1)),
  };
  if (args.json) {
    process.stdout.write(`${jsonDocument(rows, meta)}\n`);
  } else {
    const header =
      `PMO Register bench · ${meta.date.slice(0, 16)}Z · node ${meta.node} · ${meta.cpus} CPUs · ` +
      `load ${meta.loadAverage.join(" ")} · runs ${args.runs}/${args.heavyRuns}/${args.slowRuns} · ${seconds.toFixed(0)} s`;
    process.stdout.write(`${formatTable(rows, header)}\n`);
  }
  return rows.some((r) => r.verdict === "FAIL") ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n${usage()}\n`);
    process.exit(2);
  },
);
