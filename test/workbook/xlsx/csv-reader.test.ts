import * as fs from "fs";
import * as path from "path";
import { decodeText, readCsv } from "../../../src/workbook/xlsx/csv-reader";
import { readWorkbookBytes } from "../../../src/workbook/xlsx/read-workbook-bytes";
import { buildXlsx } from "./xlsx-fixtures";

const utf8 = (s: string) => new TextEncoder().encode(s);

/** Latin-1 bytes, as Excel on Windows saves "CSV (comma delimited)" in the UK. */
function latin1(s: string): Uint8Array {
  return Uint8Array.from(
    [...s].map((ch) => {
      const code = ch.charCodeAt(0);
      if (code > 0xff) throw new Error("not Latin-1");
      return code;
    }),
  );
}

describe("readCsv", () => {
  test("semicolon-delimited, Latin-1 £, multi-line quoted commentary (GMPP shape)", () => {
    const text =
      "project_number;project_name;wlc_baseline_incl_NCG;colour_rating;colour_rating;rating_comment\r\n" +
      'DFT_001;High Speed 2;£40,300.00;Red;Amber;"Line one of the comment\r\nline two; still inside"\r\n' +
      "DWP_002;Universal Credit;£2,100.5;;Green;\r\n";
    const res = readCsv(latin1(text), "gmpp_2023.csv");
    // Read as Windows-1252, and said so (issue 14: never decoded silently).
    expect(res.problems.map((p) => [p.severity, p.message])).toEqual([
      ["warning", expect.stringMatching(/^gmpp_2023\.csv is not UTF-8 text; it was read as Windows-1252 \(Latin-1\)/)],
    ]);
    expect(res.grids).toHaveLength(1);
    const g = res.grids[0];
    expect(g.sheet).toBe("gmpp_2023");
    expect(g.kind).toBe("csv");
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.values[0]).toEqual([
      "project_number",
      "project_name",
      "wlc_baseline_incl_NCG",
      "colour_rating",
      "colour_rating",
      "rating_comment",
    ]);
    expect(g.values[1]).toEqual([
      "DFT_001",
      "High Speed 2",
      "£40,300.00",
      "Red",
      "Amber",
      "Line one of the comment\r\nline two; still inside",
    ]);
    expect(g.values[2]).toEqual(["DWP_002", "Universal Credit", "£2,100.5", null, "Green", null]);
  });

  test("UTF-8 with a BOM: BOM stripped, £ decoded", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Name,Budget\nAlpha,£1.2m\n")]);
    expect(decodeText(bytes)).toEqual({ text: "Name,Budget\nAlpha,£1.2m\n", encoding: "utf-8" });
    const g = readCsv(bytes, "budget.csv").grids[0];
    expect(g.values).toEqual([
      ["Name", "Budget"],
      ["Alpha", "£1.2m"],
    ]);
  });

  test("invalid UTF-8 falls back to Windows-1252 (€ at 0x80, £ at 0xA3)", () => {
    expect(decodeText(new Uint8Array([0x80, 0x20, 0xa3]))).toEqual({ text: "€ £", encoding: "windows-1252" });
  });

  test("UTF-16LE with a BOM (Excel's Unicode text) is tab-delimited", () => {
    const s = "Id\tName\r\nP-1\tÆther\r\n";
    const body = new Uint8Array(s.length * 2);
    [...s].forEach((ch, i) => {
      body[2 * i] = ch.charCodeAt(0) & 0xff;
      body[2 * i + 1] = ch.charCodeAt(0) >> 8;
    });
    const g = readCsv(new Uint8Array([0xff, 0xfe, ...body]), "unicode.txt").grids[0];
    expect(g.values).toEqual([
      ["Id", "Name"],
      ["P-1", "Æther"],
    ]);
  });

  test("tab-delimited, ragged rows padded with null, every cell kept as text", () => {
    const g = readCsv(utf8("Id\tStart\tCost\tOwner\nP-1\t05/02/25\t1,200\nP-2\t2025-03-01\t0007\tAna\n"), "t.tsv")
      .grids[0];
    expect(g.values).toEqual([
      ["Id", "Start", "Cost", "Owner"],
      ["P-1", "05/02/25", "1,200", null],
      ["P-2", "2025-03-01", "0007", "Ana"],
    ]);
  });

  test("pipe-delimited; duplicate headers left as they are", () => {
    const g = readCsv(utf8("a|b|a\n1|2|3\n4|5|6\n"), "p.csv").grids[0];
    expect(g.values[0]).toEqual(["a", "b", "a"]);
    expect(g.values[2]).toEqual(["4", "5", "6"]);
  });

  test("leading blank lines move the origin; inner blank lines are kept as empty rows", () => {
    const g = readCsv(utf8("\n\nId,Name\nP-1,A\n\nP-2,B\n\n"), "gaps.csv").grids[0];
    expect(g.origin).toEqual({ row: 3, col: 1 });
    expect(g.values).toEqual([
      ["Id", "Name"],
      ["P-1", "A"],
      [null, null],
      ["P-2", "B"],
    ]);
  });

  test("Excel's sep= hint line names the delimiter and is not data", () => {
    const g = readCsv(utf8("sep=|\nId|Note\nP-1|a,b;c\n"), "hint.csv").grids[0];
    expect(g.origin).toEqual({ row: 2, col: 1 });
    expect(g.values).toEqual([
      ["Id", "Note"],
      ["P-1", "a,b;c"],
    ]);
  });

  test("an empty file is an error; a file of blank lines is skipped as empty", () => {
    const empty = readCsv(new Uint8Array(0), "none.csv");
    expect(empty.grids).toEqual([]);
    expect(empty.problems[0]).toMatchObject({ file: "none.csv", severity: "error" });
    const blank = readCsv(utf8("\n,,\n\n"), "blank.csv");
    expect(blank.grids).toEqual([]);
    expect(blank.skipped).toEqual([{ sheet: "blank", reason: "empty" }]);
  });

  test("an unclosed quote is reported as a warning", () => {
    const res = readCsv(utf8('Id,Comment\nP-1,"never closed\nP-2,x\n'), "q.csv");
    expect(res.problems).toHaveLength(1);
    expect(res.problems[0]).toMatchObject({ file: "q.csv", severity: "warning" });
    expect(res.problems[0].message).toMatch(/quoted cell is not closed/);
  });
});

describe("readWorkbookBytes dispatch", () => {
  test(".csv → CSV reader, .xlsx → xlsx reader, a workbook named .csv still reads as a workbook", async () => {
    const csv = await readWorkbookBytes(utf8("a;b\n1;2\n"), "x.csv");
    expect(csv.grids[0].kind).toBe("csv");
    const xlsx = await buildXlsx((wb) => {
      wb.addWorksheet("S").getCell("A1").value = 1;
    });
    expect((await readWorkbookBytes(xlsx, "y.xlsx")).grids[0].kind).toBe("worksheet");
    expect((await readWorkbookBytes(xlsx, "mislabelled.csv")).grids[0].kind).toBe("worksheet");
  });

  test("a CSV over the size limit is refused", async () => {
    const res = await readWorkbookBytes(utf8("a,b\n".repeat(1000)), "big.csv", { maxFileBytes: 1024 });
    expect(res.grids).toEqual([]);
    expect(res.problems[0].message).toMatch(/big\.csv is 4 KB, over the 1 KB limit/);
  });

  test("an .xlsb name on bytes that are no workbook is explained", async () => {
    const res = await readWorkbookBytes(utf8("not really"), "model.xlsb");
    expect(res.problems[0].message).toMatch(
      /model\.xlsb has an \.xlsb name but its contents are not an Excel binary workbook \(\.xlsb\)/,
    );
  });
});

const CORPUS = path.resolve(__dirname, "../../../../shared/corpus/csv");
const corpusPresent = fs.existsSync(CORPUS);
if (!corpusPresent) {
  console.warn(`SKIPPED: corpus folder ${CORPUS} is absent; the real-file CSV check did not run.`);
}

(corpusPresent ? describe : describe.skip)("real GMPP CSV files (optional corpus check)", () => {
  test("2023: 244 projects, 20+ columns, ';' and Latin-1 £ read", () => {
    const res = readCsv(fs.readFileSync(path.join(CORPUS, "gmpp_2023_rauschgold.csv")), "gmpp_2023_rauschgold.csv");
    const g = res.grids[0];
    expect(g.values[0]).toContain("project_name");
    expect(g.values[0].filter((h) => h === "colour_rating")).toHaveLength(2);
    expect(g.values.length - 1).toBe(244);
  });
});
