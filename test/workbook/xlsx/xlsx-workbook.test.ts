import type ExcelJS from "exceljs";
import JSZip from "jszip";
import type { ChartBlock, SheetSpec, WorkbookSpec } from "../../../src/workbook/spec";
import { uniqueHeaders, validExcelName } from "../../../src/workbook/xlsx/excel-names";
import { readXlsx } from "../../../src/workbook/xlsx/xlsx-reader";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import {
  buildXlsx,
  danglingReferences,
  loadWithExcelJs,
  partText,
  withChartSheet,
  withPivotAndDataModel,
} from "./xlsx-fixtures";

// The chart parts belong to another module: record what the workbook hands it, add nothing.
const chartCalls: { sheet: string; chart: ChartBlock; cache: unknown }[][] = [];
jest.mock("../../../src/workbook/xlsx/chart-parts", () => ({
  insertChartParts: async (_zip: unknown, charts: { sheet: string; chart: ChartBlock; cache: unknown }[]) => {
    chartCalls.push(charts);
    return false;
  },
}));

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

const chart: ChartBlock = {
  kind: "chart",
  row: 20,
  col: 1,
  widthCols: 8,
  heightRows: 15,
  type: "doughnut",
  title: "RAG",
  series: [
    {
      name: "Projects",
      categories: { sheet: "Summary", top: 12, left: 6, bottom: 14, right: 6 },
      values: { sheet: "Summary", top: 12, left: 3, bottom: 14, right: 3 },
    },
  ],
};

function summarySheet(): SheetSpec {
  return {
    name: "Summary",
    tabColor: "1F77B4",
    columnWidths: { 1: 14, 2: 30 },
    freeze: { row: 12, col: 2 },
    print: { landscape: true, fitToWidth: true },
    blocks: [
      { kind: "title", row: 1, col: 1, text: "Portfolio summary", subtitle: "Reporting date 2025-03-31" },
      { kind: "text", row: 3, col: 1, lines: ["NOT COMPLIANT: 3 errors remain"], style: "stamp" },
      { kind: "text", row: 4, col: 4, lines: ["Figures in £"], style: "note" },
      {
        kind: "keyFigures",
        row: 5,
        col: 1,
        items: [
          { label: "Budget", value: 1234567, numberFormat: "£#,##0", definedName: "PortfolioBudget" },
          { label: "Variance", value: 0.077, numberFormat: "0.0%", definedName: "Portfolio Variance" },
          { label: "Broken", value: Number.NaN },
        ],
      },
      { kind: "text", row: 9, col: 1, lines: ["Projects", "By rank"], style: "heading" },
      {
        kind: "table",
        row: 11,
        col: 1,
        name: "tblSummary",
        style: "TableStyleMedium9",
        columns: [
          { header: "ProjectId", type: "text", width: 12 },
          { header: "Name", type: "text" },
          { header: "Budget", type: "money", numberFormat: "£#,##0" },
          { header: "Start", type: "date" },
          { header: "Progress", type: "percent" },
          { header: "RAG", type: "text", validationList: "'PMO Lists'!$A$2:$A$4" },
          { header: "Approved", type: "bool" },
          { header: "Count", type: "integer" },
        ],
        rows: [
          [{ value: "P-001", link: "'Projects'!A2" }, "=SUM(A1:A9)", 100000, utc(2025, 1, 6), 0.25, "Red", true, 3],
          [
            { value: "P-002", link: "https://example.org/p2", note: "Re-baselined in March" },
            "+44 team",
            Number.POSITIVE_INFINITY,
            "2025-02-01",
            Number.NaN,
            "Green",
            false,
            null,
          ],
          ["P-003", "@risk", -5, null, 1, "Amber", null, 7],
        ],
      },
      chart,
    ],
    conditionalFormats: [
      {
        range: { top: 12, left: 6, bottom: 14, right: 6 },
        rule: { type: "textEquals", text: "Red", fill: "FFC7CE", font: "9C0006" },
      },
      {
        range: { top: 12, left: 3, bottom: 14, right: 3 },
        rule: { type: "greaterThan", value: 50000, fill: "FFEB9C" },
      },
      {
        range: { top: 12, left: 5, bottom: 14, right: 5 },
        rule: { type: "between", min: 0.5, max: 1, fill: "C6EFCE" },
      },
      {
        range: { top: 12, left: 8, bottom: 14, right: 8 },
        rule: { type: "colorScale", min: "F8696B", mid: "FFEB84", max: "63BE7B" },
      },
    ],
  };
}

function fullSpec(): WorkbookSpec {
  return {
    properties: { title: "PMO summary", creator: "PMO Register" },
    sheets: [
      summarySheet(),
      {
        name: "Projects",
        blocks: [
          // Same table name as on Summary: must be made unique.
          {
            kind: "table",
            row: 1,
            col: 1,
            name: "tblSummary",
            columns: [
              { header: "Id", type: "text" },
              { header: "Id", type: "text" },
            ],
            rows: [],
          },
        ],
      },
      {
        name: "PMO Lists",
        hidden: true,
        blocks: [
          {
            kind: "table",
            row: 1,
            col: 1,
            name: "tblRag",
            columns: [{ header: "RAG", type: "text" }],
            rows: [["Red"], ["Amber"], ["Green"]],
          },
        ],
      },
    ],
  };
}

describe("XlsxWorkbook rendering", () => {
  let bytes: Uint8Array;
  let wb: ExcelJS.Workbook;
  let ws: ExcelJS.Worksheet;

  beforeAll(async () => {
    chartCalls.length = 0;
    const book = XlsxWorkbook.create("summary.xlsx");
    const report = await book.write(fullSpec());
    expect(report.sheetsWritten).toEqual(["Summary", "Projects", "PMO Lists"]);
    expect(report.cellsWritten).toBeGreaterThan(30);
    bytes = await book.toBytes();
    wb = await loadWithExcelJs(bytes);
    ws = wb.getWorksheet("Summary")!;
  });

  test("the package has no dangling references (after the internal-link repair)", async () => {
    expect(await danglingReferences(bytes)).toEqual([]);
  });

  test("the integrity check itself catches a dropped relationship", async () => {
    const zip = await JSZip.loadAsync(bytes);
    const relsPath = "xl/worksheets/_rels/sheet1.xml.rels";
    const rels = await zip.file(relsPath)!.async("string");
    zip.file(relsPath, rels.replace(/<Relationship [^>]*Type="[^"]*\/table"[^>]*\/>/, ""));
    const broken = await danglingReferences(await zip.generateAsync({ type: "uint8array" }));
    expect(broken).toHaveLength(1);
    expect(broken[0]).toMatch(/^xl\/worksheets\/sheet1\.xml: r:id rId\d+ not in/);
  });

  test("charts of the written sheets are handed to insertChartParts with their sheet and cell caches", () => {
    // F12:F14 holds the RAG texts, C12:C14 the budgets (the infinite one is written as an empty cell).
    const cache = [
      { categories: ["Red", "Green", "Amber"], values: [100000, null, -5], categoryFormat: "@", valueFormat: "£#,##0" },
    ];
    expect(chartCalls).toEqual([[{ sheet: "Summary", chart, cache }]]);
  });

  test("title, subtitle, stamp and note styles", () => {
    expect(ws.getCell("A1").value).toBe("Portfolio summary");
    expect(ws.getCell("A1").font).toMatchObject({ bold: true, size: 18 });
    expect(ws.getCell("A2").value).toBe("Reporting date 2025-03-31");
    expect(ws.getCell("A3").font).toMatchObject({ bold: true, color: { argb: "FFFFFFFF" } });
    expect(ws.getCell("A3").fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFC00000" } });
    expect(ws.getCell("D4").font).toMatchObject({ italic: true, size: 9 });
    expect(ws.getCell("A9").font).toMatchObject({ bold: true });
    expect(ws.getCell("A10").value).toBe("By rank");
  });

  test("key figures: label, value, format, defined names; NaN written as empty", () => {
    expect(ws.getCell("A5").value).toBe("Budget");
    expect(ws.getCell("B5").value).toBe(1234567);
    expect(ws.getCell("B5").numFmt).toBe("£#,##0");
    expect(ws.getCell("B6").numFmt).toBe("0.0%");
    expect(ws.getCell("B7").value).toBeNull();
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "PortfolioBudget", ranges: ["Summary!$B$5"] },
        { name: "Portfolio_Variance", ranges: ["Summary!$B$6"] },
      ]),
    );
  });

  test("a real Excel Table with style, headers and unique names", () => {
    const tables = ws.getTables() as unknown as {
      table: { name: string; tableRef: string; style: { theme: string } };
    }[];
    expect(tables.map((t) => [t.table.name, t.table.tableRef, t.table.style.theme])).toEqual([
      ["tblSummary", "A11:H14", "TableStyleMedium9"],
    ]);
    const other = wb.getWorksheet("Projects")!.getTables() as unknown as {
      table: { name: string; tableRef: string };
    }[];
    expect(other.map((t) => [t.table.name, t.table.tableRef])).toEqual([["tblSummary_2", "A1:B2"]]);
    expect(wb.getWorksheet("Projects")!.getRow(1).values).toEqual([undefined, "Id", "Id 2"]);
    expect(ws.getRow(11).values).toEqual([
      undefined,
      "ProjectId",
      "Name",
      "Budget",
      "Start",
      "Progress",
      "RAG",
      "Approved",
      "Count",
    ]);
  });

  test("cells: formats per column, dates at UTC midnight, text starting = + - @ stays text, no NaN/Infinity", () => {
    expect(ws.getCell("C12").numFmt).toBe("£#,##0");
    expect(ws.getCell("D12").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("E12").numFmt).toBe("0.0%");
    expect(ws.getCell("H12").numFmt).toBe("0");
    expect(ws.getCell("B12").numFmt).toBe("@");
    expect(ws.getCell("D12").value).toEqual(utc(2025, 1, 6));
    expect(ws.getCell("D13").value).toEqual(utc(2025, 2, 1)); // ISO text in a date column
    for (const [addr, text] of [
      ["B12", "=SUM(A1:A9)"],
      ["B13", "+44 team"],
      ["B14", "@risk"],
    ]) {
      expect(ws.getCell(addr).value).toBe(text);
      expect(ws.getCell(addr).formula).toBeUndefined();
    }
    expect(ws.getCell("C14").value).toBe(-5);
    expect(ws.getCell("C13").value).toBeNull();
    expect(ws.getCell("E13").value).toBeNull();
    expect(ws.getCell("G12").value).toBe(true);
  });

  test("literal strings are stored as strings in the sheet XML (no <f>)", async () => {
    const xml = await partText(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).not.toMatch(/<f>/);
    expect(xml).not.toMatch(/NaN|Infinity/);
  });

  test("hyperlinks: URL as an external link, internal reference as a location with no relationship", async () => {
    expect(ws.getCell("A13").value).toEqual({ text: "P-002", hyperlink: "https://example.org/p2" });
    const xml = await partText(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<hyperlink ref="A12" location="'Projects'!A2"\/>/);
    const rels = await partText(bytes, "xl/worksheets/_rels/sheet1.xml.rels");
    expect(rels).not.toMatch(/Target="#/);
    expect(rels).toMatch(/Target="https:\/\/example.org\/p2" TargetMode="External"/);
  });

  test("notes, dropdown validation on every data row, column widths", () => {
    expect(ws.getCell("A13").note).toBe("Re-baselined in March");
    for (const row of [12, 13, 14]) {
      expect(ws.getCell(`F${row}`).dataValidation).toMatchObject({
        type: "list",
        allowBlank: true,
        formulae: ["'PMO Lists'!$A$2:$A$4"],
      });
    }
    expect(ws.getCell("F11").dataValidation).toBeUndefined();
    expect(ws.getColumn(1).width).toBe(14); // the sheet's columnWidths are applied last and win over the table's 12
    expect(ws.getColumn(2).width).toBe(30);
  });

  test("freeze panes, landscape fit-to-width print setup, tab colour, hidden sheet", () => {
    expect(ws.views[0]).toMatchObject({ state: "frozen", xSplit: 1, ySplit: 11 });
    expect(ws.pageSetup).toMatchObject({ orientation: "landscape", fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    expect(ws.pageSetup.margins).toBeDefined();
    expect(ws.properties.tabColor).toEqual({ argb: "FF1F77B4" });
    expect(wb.getWorksheet("PMO Lists")!.state).toBe("hidden");
    expect(ws.state).toBe("visible");
  });

  test("conditional formats: text equals, greater than, between, 3-colour scale", async () => {
    const xml = await partText(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(
      /<conditionalFormatting sqref="F12:F14"><cfRule type="cellIs" dxfId="\d+" priority="\d+" operator="equal"><formula>&quot;Red&quot;<\/formula>/,
    );
    expect(xml).toMatch(/sqref="C12:C14"><cfRule type="cellIs"[^>]*operator="greaterThan"><formula>50000<\/formula>/);
    expect(xml).toMatch(
      /sqref="E12:E14"><cfRule type="cellIs"[^>]*operator="between"><formula>0.5<\/formula><formula>1<\/formula>/,
    );
    expect(xml).toMatch(
      /sqref="H12:H14"><cfRule type="colorScale"[^>]*><colorScale><cfvo type="min"\/><cfvo type="percentile" val="50"\/><cfvo type="max"\/><color rgb="FFF8696B"\/><color rgb="FFFFEB84"\/><color rgb="FF63BE7B"\/>/,
    );
    const styles = await partText(bytes, "xl/styles.xml");
    expect(styles).toMatch(
      /<dxf><font><color rgb="FF9C0006"\/><\/font><fill><patternFill patternType="solid"><bgColor rgb="FFFFC7CE"\/>/,
    );
  });

  test("workbook properties", () => {
    expect(wb.title).toBe("PMO summary");
    expect(wb.creator).toBe("PMO Register");
  });

  test("reading the rendered file gives the table back where it was written", async () => {
    const res = await readXlsx(bytes, "summary.xlsx");
    const g = res.grids.find((x) => x.sheet === "Summary")!;
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.tables).toEqual([{ name: "tblSummary", range: { top: 10, left: 0, bottom: 13, right: 7 } }]);
    expect(g.values[11]).toEqual(["P-001", "=SUM(A1:A9)", 100000, utc(2025, 1, 6), 0.25, "Red", true, 3]);
    expect(res.grids.find((x) => x.sheet === "PMO Lists")!.hidden).toBe(true);
  });
});

describe("XlsxWorkbook in-place replacement and round trips", () => {
  test("a spec sheet replaces the existing sheet in place; other sheets and names untouched", async () => {
    const first = XlsxWorkbook.create();
    await first.write({
      sheets: [
        { name: "Data", blocks: [{ kind: "text", row: 1, col: 1, lines: ["user data"] }] },
        {
          name: "Summary",
          blocks: [{ kind: "keyFigures", row: 1, col: 1, items: [{ label: "Old", value: 1, definedName: "Total" }] }],
        },
        { name: "Notes", blocks: [{ kind: "text", row: 2, col: 2, lines: ["keep me"] }] },
      ],
    });
    const opened = await XlsxWorkbook.open(await first.toBytes(), "register.xlsx");
    const report = await opened.write({
      sheets: [
        {
          name: "summary",
          blocks: [{ kind: "keyFigures", row: 3, col: 1, items: [{ label: "New", value: 2, definedName: "Total" }] }],
        },
        { name: "Extra", blocks: [{ kind: "title", row: 1, col: 1, text: "Added" }] },
      ],
    });
    expect(report.sheetsWritten).toEqual(["summary", "Extra"]);
    const wb = await loadWithExcelJs(await opened.toBytes());
    expect(
      [...wb.worksheets]
        .sort((a, b) => (a as never as { orderNo: number }).orderNo - (b as never as { orderNo: number }).orderNo)
        .map((w) => w.name),
    ).toEqual(["Data", "summary", "Notes", "Extra"]);
    expect(wb.getWorksheet("Data")!.getCell("A1").value).toBe("user data");
    expect(wb.getWorksheet("Notes")!.getCell("B2").value).toBe("keep me");
    const summary = wb.getWorksheet("summary")!;
    expect(summary.getCell("A1").value).toBeNull();
    expect(summary.getCell("B3").value).toBe(2);
    const names = (wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
    expect(names).toEqual([{ name: "Total", ranges: ["summary!$B$3"] }]);
    // The in-memory read agrees with a read of the saved bytes.
    const inMemory = await opened.read();
    const fromBytes = await readXlsx(await opened.toBytes(), "register.xlsx");
    expect(inMemory.grids.map((g) => [g.sheet, g.values])).toEqual(fromBytes.grids.map((g) => [g.sheet, g.values]));
  });

  test("writing into a workbook with pivots, a data model and a chart sheet gives a sound package", async () => {
    let source = await buildXlsx((wb) => {
      const data = wb.addWorksheet("Data");
      data.addRows([
        ["Dept", "Cost"],
        ["A", 1],
        ["B", 2],
      ]);
      wb.addWorksheet("Pivot").getCell("A3").value = "Row Labels";
    });
    source = await withPivotAndDataModel(source, "xl/worksheets/sheet2.xml", "A3:B6", "Data", "A1:B3");
    source = await withChartSheet(source, "Chart1");
    const book = await XlsxWorkbook.open(source, "pivots.xlsx");
    expect((await book.read()).skipped).toEqual([
      { sheet: "Chart1", reason: "chart sheet (holds a chart, no cells)" },
      { sheet: "Pivot", reason: "pivot table only (a summary of other data, not a source table)" },
    ]);
    await book.write({ sheets: [{ name: "Findings", blocks: [{ kind: "text", row: 1, col: 1, lines: ["ok"] }] }] });
    const out = await book.toBytes();
    expect(await danglingReferences(out)).toEqual([]);
    const res = await readXlsx(out, "out.xlsx");
    // The pivot table is kept (the package is spliced, not re-saved), so its sheet is still skipped.
    expect(res.grids.map((g) => g.sheet)).toEqual(["Data", "Findings"]);
    expect(res.skipped.map((s) => s.sheet).sort()).toEqual(["Chart1", "Pivot"]);
  });

  test("rendering then reading gives the same values for a table of mixed types", async () => {
    const rows = [
      ["P-1", 1.5, -2, utc(2024, 2, 29), true, "05/02/25", null],
      ["P-2", 0, 1e9, utc(1999, 12, 31), false, "=A1", "£1,200"],
      ["P-3", 0.1 + 0.2, 42, null, null, "  spaced  ", "Ünïcødé ✓"],
    ];
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: "Mixed",
          blocks: [
            {
              kind: "table",
              row: 3,
              col: 2,
              name: "tblMixed",
              columns: [
                { header: "Id", type: "text" },
                { header: "Score", type: "number" },
                { header: "Cost", type: "money" },
                { header: "Due", type: "date" },
                { header: "Done", type: "bool" },
                { header: "Raw", type: "text" },
                { header: "Comment", type: "longText" },
              ],
              rows,
            },
          ],
        },
      ],
    };
    const book = XlsxWorkbook.create();
    await book.write(spec);
    const res = await readXlsx(await book.toBytes(), "mixed.xlsx");
    const g = res.grids[0];
    expect(g.origin).toEqual({ row: 3, col: 2 });
    expect(g.values).toEqual([["Id", "Score", "Cost", "Due", "Done", "Raw", "Comment"], ...rows]);
    expect(g.numberFormats?.[2]).toEqual(["@", "#,##0.00", "#,##0", "yyyy-mm-dd", "@", "@", "@"]);
    expect(g.tables).toEqual([{ name: "tblMixed", range: { top: 0, left: 0, bottom: 3, right: 6 } }]);
  });

  test("text Excel cannot store is made safe: forbidden characters dropped, over-long text cut", async () => {
    const book = XlsxWorkbook.create();
    await book.write({
      sheets: [
        {
          name: "Text",
          blocks: [
            { kind: "title", row: 1, col: 1, text: "Bad\u0001title\uFFFE" },
            {
              kind: "table",
              row: 3,
              col: 1,
              name: "tblText",
              columns: [{ header: "Col\u0000A", type: "longText" }],
              rows: [
                ["x".repeat(40_000)],
                [{ value: "ok\uD800", note: "n\u0007ote" }],
                ["😀 kept\uDC00"],
                ["x".repeat(32_765) + "😀😀"],
              ],
            },
          ],
        },
      ],
    });
    const res = await readXlsx(await book.toBytes(), "text.xlsx");
    expect(res.problems).toEqual([]);
    const v = res.grids[0].values;
    expect(v[0][0]).toBe("Badtitle");
    expect(v[2][0]).toBe("ColA");
    expect((v[3][0] as string).length).toBe(32_767);
    expect((v[3][0] as string).endsWith("x…")).toBe(true);
    expect(v[4][0]).toBe("ok");
    expect(v[5][0]).toBe("😀 kept");
    expect(v[6][0]).toBe("x".repeat(32_765) + "…"); // the cut falls inside a pair: the pair goes whole
    await expect(book.write({ sheets: [{ name: "Tab\u0009Name", blocks: [] }] })).rejects.toThrow(/control character/);
  });

  test("an invalid sheet name throws a clear Error and writes nothing", async () => {
    const book = XlsxWorkbook.create();
    await expect(
      book.write({
        sheets: [
          { name: "Fine", blocks: [] },
          { name: "Bad/Name", blocks: [] },
        ],
      }),
    ).rejects.toThrow('Cannot write sheet "Bad/Name": it contains one of [ ] : * ? / \\.');
    expect((await book.read()).grids).toEqual([]);
    await expect(book.write({ sheets: [{ name: "x".repeat(32), blocks: [] }] })).rejects.toThrow(/longer than 31/);
    await expect(book.write({ sheets: [{ name: "History", blocks: [] }] })).rejects.toThrow(/reserved/);
  });

  test("progress is reported per sheet and an aborted signal stops the write", async () => {
    const events: string[] = [];
    const book = XlsxWorkbook.create();
    await book.write(
      {
        sheets: [
          { name: "A", blocks: [] },
          { name: "B", blocks: [] },
        ],
      },
      { progress: (e) => events.push(`${e.done}/${e.total} ${e.message ?? ""}`.trim()) },
    );
    expect(events).toEqual(["0/2 A", "1/2 B", "2/2"]);
    const controller = new AbortController();
    controller.abort();
    await expect(book.write({ sheets: [{ name: "C", blocks: [] }] }, { signal: controller.signal })).rejects.toThrow();
  });

  test("internal links in an untouched zip are left alone when none were written", async () => {
    const book = XlsxWorkbook.create();
    await book.write({ sheets: [{ name: "S", blocks: [{ kind: "text", row: 1, col: 1, lines: ["x"] }] }] });
    const zip = await JSZip.loadAsync(await book.toBytes());
    expect(zip.file("xl/worksheets/_rels/sheet1.xml.rels")).toBeNull();
  });
});

describe("Excel name rules", () => {
  test("table names: invalid characters, reference look-alikes and clashes are fixed deterministically", () => {
    const taken = new Set<string>(["tblprojects"]);
    expect(validExcelName("tblProjects", taken)).toBe("tblProjects_2");
    // The one rule (workbook/excel-names.ts safeTableName): runs of bad characters become one "_",
    // a name that would not start with a letter or looks like a cell reference gets "t_".
    expect(validExcelName("Risk register (2025)", taken)).toBe("Risk_register_2025_");
    expect(validExcelName("A1", taken)).toBe("t_A1");
    expect(validExcelName("R1C1", taken)).toBe("t_R1C1");
    expect(validExcelName("2025 plan", taken)).toBe("t_2025_plan");
    expect(validExcelName("", taken)).toBe("t_");
    expect(validExcelName("t_A1", taken)).toBe("t_A1_2");
    expect(validExcelName("tblFine", taken)).toBe("tblFine");
  });

  test("table headers: unique ignoring case, one line, never empty", () => {
    expect(uniqueHeaders(["Id", "ID", "", "Impact\n(monetary)", "Id"])).toEqual([
      "Id",
      "ID 2",
      "Column3",
      "Impact (monetary)",
      "Id 3",
    ]);
  });
});
