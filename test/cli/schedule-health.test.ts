import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { pmo } from "./run-pmo";

/**
 * `pmo schedule-health`: the 14 DCMA checks for the portfolio or one programme, in text and JSON,
 * `--fail-on fail` exiting 1 when a check fails, `-o` writing the Schedule health sheet, and a
 * mistyped programme refused before any file is written.
 */
describe("pmo schedule-health", () => {
  let dir: string;
  let register: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-health-"));
    const inputs = path.join(dir, "in");
    register = path.join(dir, "register.xlsx");
    expect((await pmo("sample", inputs, "--seed", "5", "--projects", "24", "-q")).code).toBe(0);
    expect((await pmo("build", inputs, "-o", register, "-q")).code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("--json: the portfolio's 14 checks with count, denominator, value, threshold and result", async () => {
    const r = await pmo("schedule-health", register, "--json", "-q", "--status-date", "2026-06-30");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.scope).toBe("Portfolio");
    expect(json.statusDate).toBe("2026-06-30");
    expect(json.statusDateSource).toBe("--reporting-date");
    expect(json.metrics.map((m: { number: number }) => m.number)).toEqual([
      1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14,
    ]);
    for (const m of json.metrics) {
      expect(m).toEqual(
        expect.objectContaining({
          name: expect.any(String),
          count: expect.any(Number),
          denominator: expect.any(Number),
          valueText: expect.any(String),
          thresholdText: expect.any(String),
        }),
      );
      expect([true, false, null]).toContain(m.pass);
    }
    expect(json.passed + json.failed).toBeLessThanOrEqual(14);
    expect(json.failed).toBe(json.metrics.filter((m: { pass: boolean | null }) => m.pass === false).length);
    // A failing check's records point at register cells.
    const failing = json.metrics.find((m: { pass: boolean | null; records: unknown[] }) => m.pass === false);
    expect(failing).toBeDefined();
    expect(failing.records[0].at).toEqual({
      sheet: failing.records[0].entity,
      cell: expect.stringMatching(/^[A-Z]+\d+$/),
    });
  });

  it("text: one line per check; --programme narrows to that programme; --fail-on fail exits 1 when one fails", async () => {
    const all = JSON.parse((await pmo("schedule-health", register, "--json", "-q")).stdout);
    const text = await pmo("schedule-health", register, "-q");
    expect(text.code).toBe(0);
    const lines = text.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^Schedule health, portfolio, status date \d{4}-\d{2}-\d{2}: \d+ passed, \d+ failed/);
    expect(lines.filter((l) => /^ ?\d{1,2}\. /.test(l))).toHaveLength(14);
    expect(text.stdout).toMatch(/ 1\. Missing logic/);

    const failed = await pmo("schedule-health", register, "-q", "--fail-on", "fail");
    expect(failed.code).toBe(all.failed > 0 ? 1 : 0);
    expect(all.failed).toBeGreaterThan(0);
  });

  it("--programme: that programme's checks; an unknown id is a usage error naming the programmes, nothing written", async () => {
    const bad = await pmo(
      "schedule-health",
      register,
      "-q",
      "--programme",
      "PRG-NOPE",
      "-o",
      path.join(dir, "no.xlsx"),
    );
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/no programme "PRG-NOPE".*Programmes with a schedule: /);
    await expect(fs.stat(path.join(dir, "no.xlsx"))).rejects.toThrow();
    const programme = bad.stderr.match(/Programmes with a schedule: ([^,.\s]+)/)![1];
    const one = await pmo("schedule-health", register, "--json", "-q", "--programme", programme);
    expect(one.code).toBe(0);
    const json = JSON.parse(one.stdout);
    expect(json.scope).toBe(programme);
    expect(json.metrics).toHaveLength(14);
    const portfolio = JSON.parse((await pmo("schedule-health", register, "--json", "-q")).stdout);
    // A programme holds a part of the portfolio's items: its denominators are never larger.
    for (let i = 0; i < 14; i++)
      expect(json.metrics[i].denominator).toBeLessThanOrEqual(portfolio.metrics[i].denominator);
  });

  it("-o: writes the register plus the Schedule health sheet, the input untouched", async () => {
    const before = await fs.readFile(register);
    const out = path.join(dir, "health.xlsx");
    const r = await pmo("schedule-health", register, "-q", "-o", out);
    expect(r.code).toBe(0);
    expect(await fs.readFile(register)).toEqual(before);
    const written = await XlsxWorkbook.open(new Uint8Array(await fs.readFile(out)), "health.xlsx");
    const grids = (await written.read({ sheets: ["Schedule health"] })).grids;
    expect(grids.map((g) => g.sheet)).toEqual(["Schedule health"]);
    expect(grids[0].values.flat()).toEqual(expect.arrayContaining(["Missing logic", "Critical path test"]));
  });

  it("bad flags are usage errors", async () => {
    expect((await pmo("schedule-health", register, "--fail-on", "warning")).code).toBe(2);
    expect((await pmo("schedule-health", register, "--status-date", "30/06/2026")).code).toBe(2);
    const help = await pmo("schedule-health", "--help");
    expect(help.code).toBe(0);
  });
});
