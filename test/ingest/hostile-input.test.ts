import { buildText } from "../../src/cli/commands/build";
import { ingestGrids } from "../../src/ingest/ingest";
import { MAX_HEADER_MATCH_CHARS, normaliseHeader, splitCamel } from "../../src/ingest/header-text";
import { buildRegisterFromFiles } from "../../src/pipeline/steps/build";
import type { Grid } from "../../src/workbook/grid";
import { MAX_CSV_COLUMNS, readCsv } from "../../src/workbook/xlsx/csv-reader";
import { xlsxFileHost } from "../../src/workbook/xlsx/file-host";

/**
 * Hostile input has a bound and a message (issue 14, item 9). The sizes are chosen so that the
 * quadratic code these bounds replace would take minutes (a 160,000-character cell took 22 s in
 * the old splitCamel, and time grew with the square of the length); the limits asserted are loose
 * so a busy machine does not fail them, yet far below what quadratic work would need.
 */

const seconds = (fn: () => unknown): number => {
  const t0 = performance.now();
  fn();
  return (performance.now() - t0) / 1000;
};

const utf8 = (s: string) => new TextEncoder().encode(s);

describe("header and cell text are handled in linear time", () => {
  it("splits camel case as before", () => {
    expect(splitCamel("ProjectId")).toBe("Project Id");
    expect(splitCamel("BaselineFinish")).toBe("Baseline Finish");
    expect(splitCamel("HTMLParser")).toBe("HTML Parser");
    expect(splitCamel("ABCDef")).toBe("ABC Def");
    expect(splitCamel("Phase2Gate")).toBe("Phase2 Gate");
    expect(splitCamel("RAG")).toBe("RAG");
    expect(splitCamel("")).toBe("");
  });

  it("splits a 1,000,000-character run of capitals at once", () => {
    const long = "A".repeat(1_000_000) + "b";
    let out = "";
    expect(seconds(() => (out = splitCamel(long)))).toBeLessThan(3);
    expect(out).toBe(`${"A".repeat(999_999)} Ab`);
  });

  it("matches only the first MAX_HEADER_MATCH_CHARS characters of a 1 MB header", () => {
    const long = `Budget ${"X".repeat(1_000_000)}`;
    let out = "";
    expect(seconds(() => (out = normaliseHeader(long)))).toBeLessThan(2);
    expect(out).toBe(`budget ${"x".repeat(MAX_HEADER_MATCH_CHARS - 7)}`);
  });

  it("ingests a sheet with a 160,000-character header and a 1 MB cell, noting the cut header", () => {
    const header = `Notes ${"RISK".repeat(40_000)}`;
    const grid: Grid = {
      file: "hostile.xlsx",
      sheet: "Risks",
      origin: { row: 1, col: 1 },
      kind: "worksheet",
      values: [
        ["Risk ID", "Title", "Probability", "Impact", header],
        ["R-1", "A".repeat(1_000_000), 3, 4, "B".repeat(1_000_000)],
        ["R-2", "Late supplier", 2, 5, null],
      ],
    };
    let res: ReturnType<typeof ingestGrids> | null = null;
    expect(seconds(() => (res = ingestGrids([grid])))).toBeLessThan(10);
    const result = res!;
    expect(result.register.entities.Risks.map((r) => r.id)).toEqual(["R-1", "R-2"]);
    expect(result.register.entities.Risks[0].values.Title).toHaveLength(1_000_000);
    expect(result.problems.map((p) => p.message)).toContainEqual(
      expect.stringMatching(/column E is 160,006 characters long; only its first 256 were used/),
    );
  });
});

describe("CSV bounds and encodings", () => {
  it("refuses a 100,000-column CSV quickly, naming the file and Excel's limit", () => {
    const wide = `${Array.from({ length: 100_000 }, (_, i) => `c${i}`).join(",")}\n${"1,".repeat(99_999)}1\n`;
    let res: ReturnType<typeof readCsv> | null = null;
    expect(seconds(() => (res = readCsv(utf8(wide), "wide.csv")))).toBeLessThan(20);
    const result = res!;
    expect(result.grids).toEqual([]);
    expect(result.problems).toEqual([
      expect.objectContaining({
        severity: "error",
        message: expect.stringMatching(/^wide\.csv: data row 1 has 100,000 columns, more than Excel's 16,384/),
      }),
    ]);
    expect(MAX_CSV_COLUMNS).toBe(16_384);
  });

  it("reads a CSV exactly 16,384 columns wide", () => {
    const row = Array.from({ length: MAX_CSV_COLUMNS }, (_, i) => `h${i}`).join(",");
    const res = readCsv(utf8(`${row}\n`), "edge.csv");
    expect(res.problems).toEqual([]);
    expect(res.grids[0].values[0]).toHaveLength(MAX_CSV_COLUMNS);
  });

  it("reports invalid UTF-8 with its line instead of decoding the file as Windows-1252", () => {
    const good = utf8("Risk ID,Title\nR-1,Café opening\n");
    const bytes = new Uint8Array([...good, ...utf8("R-2,Bad "), 0xff, 0xfe, ...utf8(" byte\n")]);
    const res = readCsv(bytes, "mixed.csv");
    expect(res.grids[0].values[1]).toEqual(["R-1", "Café opening"]);
    expect(res.grids[0].values[2]).toEqual(["R-2", "Bad \ufffd\ufffd byte"]);
    expect(res.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: expect.stringMatching(/^mixed\.csv, line 3: 2 byte\(s\) are not valid UTF-8/),
      }),
    ]);
  });

  it("reads a Latin-1 file as such, with a note saying so", () => {
    // "Budget (£m)" and "Zoë" in Windows-1252: £ is 0xA3, ë is 0xEB, and ’ is 0x92.
    const bytes = new Uint8Array([
      ...utf8("Project,Budget ("),
      0xa3,
      ...utf8("m),Owner\nP-1,12.5,Zo"),
      0xeb,
      ...utf8(" O"),
      0x92,
      ...utf8("Neil\n"),
    ]);
    const res = readCsv(bytes, "latin1.csv");
    expect(res.grids[0].values).toEqual([
      ["Project", "Budget (£m)", "Owner"],
      ["P-1", "12.5", "Zoë O’Neil"],
    ]);
    expect(res.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: expect.stringMatching(/^latin1\.csv is not UTF-8 text; it was read as Windows-1252/),
      }),
    ]);
  });

  it("shows an unclosed quote that swallowed rows in the CLI's text output", async () => {
    const csv = 'Project ID,Project Name,Budget\nP-1,"Alpha,1000\nP-2,Beta,2000\nP-3,Gamma,3000\n';
    const { outcome } = await buildRegisterFromFiles(xlsxFileHost, [{ name: "tracker.csv", bytes: utf8(csv) }]);
    const text = buildText(outcome, [], "register.xlsx");
    expect(text).toMatch(/⚠ tracker\.csv: a quoted cell is not closed \(near data row 2\)/);
  });
});
