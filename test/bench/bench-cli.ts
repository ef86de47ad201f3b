import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { BenchArea, BenchRow } from "./bench-report";
import { limitVerdict, skippedRow } from "./bench-report";
import { median } from "./measurement";

/**
 * Issue 13: `pmo --help` as a user starts it, whole process (Node start-up, loading the compiled
 * CLI in lib/, printing the help), goal ≤ 300 ms. Beside it, bare Node start-up (`node -e 0`, the
 * floor no change to the CLI can go under) and the same help through tsx (`npm run pmo`'s path).
 * Measured on the existing lib/ (the bench does not build: `npm run build:cli` first).
 */

const AREA = "cli";
const repo = path.resolve(__dirname, "..", "..");
const BIN = path.join(repo, "bin", "pmo.js");
// Plain CommonJS shared with bin/pmo.js: whether lib/ exists and is newer than src/.
const { compiledCliProblem } = require(path.join(repo, "bin", "compiled-cli.js")) as {
  compiledCliProblem(): string | null;
};

interface Processes {
  ms: number;
  runs: number[];
  failure: string | null;
}

/** Wall time of whole processes, median of `runs` after one warm-up (which fills the file cache). */
function timeProcess(args: string[], runs: number, expectStdout: RegExp | null): Processes {
  const times: number[] = [];
  let failure: string | null = null;
  for (let i = 0; i < runs + 1; i++) {
    const t0 = performance.now();
    const r = spawnSync(process.execPath, args, { cwd: repo, encoding: "utf8" });
    const ms = performance.now() - t0;
    if (r.status !== 0 || (expectStdout && !expectStdout.test(r.stdout)) || r.stderr !== "")
      failure ??= `node ${args.join(" ")} exited ${r.status}: ${(r.stderr || r.stdout).split("\n")[0]}`;
    if (i > 0) times.push(ms);
  }
  return { ms: median(times), runs: times, failure };
}

/** The packages `pmo --help` loads, and how many of our own modules: what start-up still pays for. */
function loadedAtStartup(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pmo-bench-cli-"));
  try {
    const out = path.join(dir, "loaded.json");
    const probe = path.join(dir, "probe.js");
    writeFileSync(
      probe,
      `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(out)}, JSON.stringify(Object.keys(require.cache))));`,
    );
    spawnSync(process.execPath, ["--require", probe, BIN, "--help"], { cwd: repo, encoding: "utf8" });
    const files = JSON.parse(readFileSync(out, "utf8")) as string[];
    const packages = new Map<string, number>();
    for (const f of files) {
      const m = /node_modules[\\/]((?:@[^\\/]+[\\/])?[^\\/]+)/.exec(f);
      if (m) packages.set(m[1], (packages.get(m[1]) ?? 0) + 1);
    }
    const own = files.filter((f) => f.startsWith(path.join(repo, "lib"))).length;
    const top = [...packages].sort((a, b) => b[1] - a[1]).slice(0, 8);
    return `${own} modules of lib/ and ${packages.size} packages (most files: ${top.map(([p, n]) => `${p} ${n}`).join(", ")})`;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const list = (p: Processes) => p.runs.map((v) => v.toFixed(0)).join("/");

export const area: BenchArea = {
  name: AREA,
  title: "pmo --help, whole process: compiled CLI in lib/ against bare Node and tsx",
  async run(ctx) {
    const problem = compiledCliProblem();
    if (problem) {
      return [
        skippedRow(AREA, "pmo --help, whole process", `${problem}: run npm run build:cli first.`, "≤ 300 ms", 13),
      ];
    }
    ctx.log("cli: pmo --help, bare node, and through tsx");
    const runs = Math.max(ctx.runs, 5);
    const help = timeProcess([BIN, "--help"], runs, /^Usage: pmo /);
    const bare = timeProcess(["-e", "0"], runs, null);
    const tsx = timeProcess(
      ["--require", "tsx/cjs", path.join(repo, "src", "cli", "main.ts"), "--help"],
      ctx.runs,
      /^Usage: pmo /,
    );
    const rows: BenchRow[] = [
      {
        area: AREA,
        name: "pmo --help, whole process",
        measured: { value: help.ms, unit: "ms" },
        baseline: { label: "node -e 0", figure: { value: bare.ms, unit: "ms" } },
        ratio: help.ms / bare.ms,
        goal: "≤ 300 ms",
        issue: 13,
        verdict: help.failure ? "FAIL" : limitVerdict(help.ms, 300),
        note:
          help.failure ??
          `node bin/pmo.js --help, median of ${help.runs.length} after one warm-up (${list(help)} ms); ` +
            `bare node -e 0 ${list(bare)} ms. Loaded at start-up: ${loadedAtStartup()}. ` +
            `Wall time on a shared machine: compare with the load average in the header.`,
      },
      {
        area: AREA,
        name: "pmo --help through tsx (npm run pmo)",
        measured: { value: tsx.ms, unit: "ms" },
        baseline: { label: "compiled", figure: { value: help.ms, unit: "ms" } },
        ratio: tsx.ms / help.ms,
        verdict: tsx.failure ? "FAIL" : "info",
        note:
          tsx.failure ??
          `node --require tsx/cjs src/cli/main.ts --help (${list(tsx)} ms); baseline: the compiled CLI above.`,
      },
    ];
    return rows;
  },
};
