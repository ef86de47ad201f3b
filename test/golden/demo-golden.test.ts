import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { gunzipSync, gzipSync } from "zlib";
import { pmo } from "../cli/run-pmo";
import { dumpCells } from "./dump-cells";

/**
 * Behaviour pinned cell for cell: `npm run demo`'s job (pmo sample, then pmo run) on a fixed day,
 * every cell of register.xlsx and summary.xlsx compared with the recorded run. A refactor must
 * leave this passing; a change meant to alter the outputs regenerates the record with
 * `UPDATE_GOLDEN=1 npx jest test/golden` and the diff of the record shows what moved.
 */
const RECORD = path.join(__dirname, "demo.golden.txt.gz");
const RUN_DAY = new Date("2026-11-20T09:00:00Z");

describe("golden: the demo job, every cell", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-golden-"));
    // Only the clock is fixed (the run's date is the last resort for the reporting date); timers stay real.
    jest.useFakeTimers({
      now: RUN_DAY,
      advanceTimers: true,
      doNotFake: [
        "nextTick",
        "setImmediate",
        "clearImmediate",
        "setTimeout",
        "clearTimeout",
        "setInterval",
        "clearInterval",
        "queueMicrotask",
        "hrtime",
        "performance",
      ],
    });
  });

  afterAll(async () => {
    jest.useRealTimers();
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("register.xlsx and summary.xlsx hold exactly the recorded cells", async () => {
    const inputs = path.join(dir, "demo-input");
    const out = path.join(dir, "demo-output");
    expect((await pmo("sample", inputs, "-q")).code).toBe(0);
    expect((await pmo("run", inputs, "-o", out, "-q")).code).toBe(0);
    const lines: string[] = [];
    for (const file of ["register.xlsx", "summary.xlsx"]) {
      lines.push(`## ${file}`);
      for (const line of await dumpCells(await fs.readFile(path.join(out, file)))) lines.push(line);
    }
    const actual = lines.join("\n");
    if (process.env.UPDATE_GOLDEN === "1") {
      await fs.writeFile(RECORD, gzipSync(actual, { level: 9 }));
      return;
    }
    const expected = gunzipSync(await fs.readFile(RECORD)).toString("utf8");
    if (actual !== expected) {
      const a = actual.split("\n");
      const e = expected.split("\n");
      const diffs: string[] = [];
      for (let i = 0; i < Math.max(a.length, e.length) && diffs.length < 20; i++)
        if (a[i] !== e[i])
          diffs.push(`line ${i + 1}\n  expected: ${e[i] ?? "(none)"}\n  actual:   ${a[i] ?? "(none)"}`);
      throw new Error(`The demo's outputs changed (${e.length} recorded lines, ${a.length} now):\n${diffs.join("\n")}`);
    }
    expect(actual.length).toBeGreaterThan(100_000);
  });
});
