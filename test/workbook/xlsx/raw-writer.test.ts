import ExcelJS from "exceljs";
import type { RawSheet } from "../../../src/sample/raw-sheet";
import { encodeCsv, encodeWindows1252, writeRawWorkbook } from "../../../src/workbook/xlsx/raw-writer";
import { decodeWindows1252 } from "../../../src/workbook/xlsx/csv-reader";
import { readWorkbookBytes } from "../../../src/workbook/xlsx/read-workbook-bytes";

const when = new Date(Date.UTC(2025, 1, 14));
const sheets: RawSheet[] = [
  {
    name: "Tracker",
    cells: [
      { row: 1, col: 2, value: "Portfolio Tracker" },
      { row: 3, col: 2, value: "Ref" },
      { row: 3, col: 3, value: "Due" },
      { row: 3, col: 4, value: "Budget" },
      { row: 3, col: 5, value: "Done" },
      { row: 4, col: 2, value: "PRJ-0001" },
      { row: 4, col: 3, value: when, numberFormat: "dd/mm/yyyy" },
      { row: 4, col: 4, value: 1234567.5, numberFormat: "£#,##0.00" },
      { row: 4, col: 5, value: true },
      { row: 5, col: 2, value: "PRJ-0002" },
      { row: 5, col: 3, value: 45702 },
      { row: 5, col: 4, value: "£1,234k" },
      { row: 6, col: 2, value: "PRJ-0003" },
      { row: 6, col: 3, value: "14/02/25" },
      { row: 6, col: 4, value: "Two\nlines" },
    ],
    merges: [{ top: 1, left: 2, bottom: 1, right: 5 }],
  },
  {
    name: "Programmes",
    cells: [
      { row: 2, col: 1, value: "Programme ID" },
      { row: 2, col: 2, value: "Funding" },
      { row: 3, col: 1, value: "PGM-01" },
      { row: 3, col: 2, value: 2500000, numberFormat: "£#,##0" },
      { row: 4, col: 1, value: "PGM-02" },
    ],
    tables: [{ name: "Table1", top: 2, left: 1, bottom: 4, right: 2 }],
  },
  { name: "Lists", cells: [{ row: 1, col: 1, value: "RAG" }], hidden: true },
];

describe("writeRawWorkbook", () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeRawWorkbook(sheets);
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  });

  it("writes every cell with its value and number format", () => {
    const ws = wb.getWorksheet("Tracker")!;
    expect(ws.getCell("B4").value).toBe("PRJ-0001");
    expect(ws.getCell("C4").value).toEqual(when);
    expect(ws.getCell("C4").numFmt).toBe("dd/mm/yyyy");
    expect(ws.getCell("D4").value).toBe(1234567.5);
    expect(ws.getCell("D4").numFmt).toBe("£#,##0.00");
    expect(ws.getCell("E4").value).toBe(true);
    expect(ws.getCell("C5").value).toBe(45702);
    expect(ws.getCell("D5").value).toBe("£1,234k");
    expect(ws.getCell("C6").value).toBe("14/02/25");
    expect(ws.getCell("D6").value).toBe("Two\nlines");
    expect(ws.getCell("A1").value).toBeNull();
  });

  it("writes merges, Excel Tables and hidden sheets", () => {
    expect(wb.getWorksheet("Tracker")!.getCell("E1").isMerged).toBe(true);
    expect(wb.getWorksheet("Tracker")!.getCell("E1").master.address).toBe("B1");
    const table = wb.getWorksheet("Programmes")!.getTable("Table1") as unknown as {
      table: { ref: string; tableRef?: string; columns: { name: string }[] };
    };
    expect(table.table.columns.map((c) => c.name)).toEqual(["Programme ID", "Funding"]);
    expect(wb.getWorksheet("Programmes")!.getCell("B3").value).toBe(2500000);
    expect(wb.getWorksheet("Programmes")!.getCell("B3").numFmt).toBe("£#,##0");
    expect(wb.getWorksheet("Lists")!.state).toBe("hidden");
    expect(wb.getWorksheet("Tracker")!.state).toBe("visible");
  });

  it("reads back through the project's xlsx reader as the same grid", async () => {
    const read = await readWorkbookBytes(bytes, "fixture.xlsx");
    const tracker = read.grids.find((g) => g.sheet === "Tracker")!;
    expect(tracker.origin).toEqual({ row: 1, col: 2 });
    expect(tracker.values[3]).toEqual(["PRJ-0001", when, 1234567.5, true]);
    expect(tracker.values[4]).toEqual(["PRJ-0002", 45702, "£1,234k", null]);
    expect(tracker.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
    const programmes = read.grids.find((g) => g.sheet === "Programmes")!;
    expect(programmes.tables?.map((t) => t.name)).toEqual(["Table1"]);
    expect(read.grids.find((g) => g.sheet === "Lists")?.hidden ?? read.skipped.some((s) => s.sheet === "Lists")).toBe(
      true,
    );
  });

  it("writes the same bytes twice (no machine time inside)", async () => {
    const again = await writeRawWorkbook(sheets);
    const a = new ExcelJS.Workbook();
    await a.xlsx.load(again as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
    expect(a.created).toEqual(wb.created);
  });
});

describe("encodeCsv", () => {
  const text = "Ref;Budget;Note\r\nPRJ-0001;£1,234.00;Café – “quoted” €5\r\n";

  it("writes windows-1252 bytes that decode back to the same text", () => {
    const bytes = encodeCsv({ text, encoding: "windows-1252" });
    expect(bytes.length).toBe(text.length);
    expect(bytes[text.indexOf("£")]).toBe(0xa3);
    expect(bytes[text.indexOf("€")]).toBe(0x80);
    expect(bytes[text.indexOf("–")]).toBe(0x96);
    expect(bytes[text.indexOf("“")]).toBe(0x93);
    // Node 20's TextDecoder("windows-1252") decodes 0x80–0x9F as Latin-1 controls (browsers do
    // not), so the full check uses the CSV reader's decoder; the Latin-1 part also passes TextDecoder.
    expect(decodeWindows1252(bytes)).toBe(text);
    const latin = "Budget;£1,234.00;Café\r\n";
    expect(new TextDecoder("windows-1252").decode(encodeCsv({ text: latin, encoding: "windows-1252" }))).toBe(latin);
  });

  it("refuses characters windows-1252 cannot hold", () => {
    expect(() => encodeWindows1252("Łódź")).toThrow(/U\+0141/);
  });

  it("writes UTF-8 with and without a byte-order mark", () => {
    const plain = encodeCsv({ text, encoding: "utf-8" });
    const bom = encodeCsv({ text, encoding: "utf-8-bom" });
    expect([...bom.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...bom.slice(3)]).toEqual([...plain]);
    expect(new TextDecoder("utf-8").decode(bom)).toBe(text);
    expect(new TextDecoder("utf-8", { ignoreBOM: true }).decode(bom)).toBe(`\uFEFF${text}`);
  });
});
