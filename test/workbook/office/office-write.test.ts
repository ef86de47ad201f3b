import { OfficeWorkbook } from "../../../src/workbook/office";
import type { ColumnSpec, SpecValue, WorkbookSpec } from "../../../src/workbook/spec";
import { createExcelFake, type ExcelFake } from "../../fakes/excel-fake";

/** The Office adapter writing on the strict fake: syncs, chunking, text safety, replacing in place, requirement sets. */
function adapter(fake: ExcelFake, extra: Partial<ConstructorParameters<typeof OfficeWorkbook>[0]> = {}) {
  return new OfficeWorkbook({
    run: fake.run,
    isSetSupported: fake.isSetSupported,
    createWorkbook: fake.createWorkbook,
    ...extra,
  });
}

const columns: ColumnSpec[] = [
  { header: "ID", type: "text" },
  { header: "Name", type: "text" },
  { header: "Budget", type: "money" },
  { header: "Share", type: "percent" },
  { header: "Start", type: "date" },
  { header: "Live", type: "bool" },
  { header: "Count", type: "integer" },
  { header: "Score", type: "number" },
  { header: "Notes", type: "longText" },
  { header: "Owner", type: "text" },
];

function rowsOf(n: number): SpecValue[][] {
  return Array.from({ length: n }, (_, i) => [
    `P-${String(i + 1).padStart(6, "0")}`,
    `Project ${i + 1}`,
    100000 + i,
    (i % 100) / 100,
    `2025-${String((i % 12) + 1).padStart(2, "0")}-15`,
    i % 2 === 0,
    i % 37,
    i / 7,
    i % 5 === 0 ? "-5 dB on the north link" : "ok",
    `owner${i % 13}@example.org`,
  ]);
}

function tableSpec(rows: number, sheet = "Projects"): WorkbookSpec {
  return {
    sheets: [
      { name: sheet, blocks: [{ kind: "table", row: 1, col: 1, name: "tblProjects", columns, rows: rowsOf(rows) }] },
    ],
  };
}

describe("OfficeWorkbook.write", () => {
  it("uses the same number of syncs for 100 and 10,000 rows (no sync per row)", async () => {
    const small = createExcelFake();
    await adapter(small).write(tableSpec(100));
    const large = createExcelFake();
    await adapter(large).write(tableSpec(10_000));
    // One sync to find what exists, one to send everything.
    expect(small.stats.syncs).toBe(2);
    expect(large.stats.syncs).toBe(2);
    expect(large.values("Projects", "A10001:C10001")).toEqual([["P-010000", "Project 10000", 109999]]);
  });

  it("chunks a 200,000 × 10 write so that no request is over 5 MB, in a bounded number of syncs", async () => {
    const fake = createExcelFake();
    const report = await adapter(fake).write(tableSpec(200_000));
    expect(report.cellsWritten).toBe(200_001 * 10);
    const totalBytes = fake.stats.batches.reduce((n, b) => n + b.requestBytes, 0);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(5_000_000);
    // Bound: the 2 planning/final syncs plus one per 4 MB budget of data, plus one for a partial batch.
    expect(fake.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(totalBytes / 4_000_000) + 1);
    expect(fake.stats.syncs).toBeGreaterThan(3);
    expect(fake.values("Projects", "A200001:B200001")).toEqual([["P-200000", "Project 200000"]]);
    expect(fake.cell("Projects", "I2")).toMatchObject({ value: "-5 dB on the north link", isText: true });
    expect(fake.cell("Projects", "E200001")).toMatchObject({ value: 45884, numberFormat: "yyyy-mm-dd" }); // 2025-08-15
    expect(fake.tables()).toEqual([
      { name: "tblProjects", sheet: "Projects", address: "Projects!A1:J200001", style: "TableStyleMedium2" },
    ]);
    // Calculation and screen updating are suspended for every batch.
    expect(fake.stats.suspendCalculationCalls).toBe(fake.stats.syncs - 1);
  }, 120_000);

  it("counts UTF-8 bytes, so non-Latin text is chunked under the limit too", async () => {
    const fake = createExcelFake();
    const text = "項目管理の月次報告書"; // 10 characters, 30 bytes in UTF-8
    const rows = Array.from({ length: 100_000 }, (_, i) => [`${text} ${i}`, `${text}`]);
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: "Text",
          blocks: [
            {
              kind: "table",
              row: 1,
              col: 1,
              name: "tblText",
              columns: [
                { header: "A", type: "text" },
                { header: "B", type: "text" },
              ],
              rows,
            },
          ],
        },
      ],
    };
    await adapter(fake).write(spec);
    const total = fake.stats.batches.reduce((n, b) => n + b.requestBytes, 0);
    expect(total).toBeGreaterThan(6_000_000);
    expect(fake.stats.maxRequestBytes).toBeLessThanOrEqual(4_100_000);
    expect(fake.values("Text", "A100001")).toEqual([[`${text} 99999`]]);
  }, 60_000);

  it("writes strings starting with = + - @ as text, never as formulas", async () => {
    const fake = createExcelFake();
    await adapter(fake).write({
      sheets: [
        {
          name: "Safe",
          blocks: [
            { kind: "title", row: 1, col: 1, text: '=HYPERLINK("http://x")' },
            { kind: "keyFigures", row: 2, col: 1, items: [{ label: "+44 20 7946 0000", value: "-5 dB" }] },
            {
              kind: "table",
              row: 4,
              col: 1,
              name: "tblSafe",
              columns: [
                { header: "=Header", type: "text" },
                { header: "Amount", type: "money" },
              ],
              rows: [
                ["=SUM(A1)", "@home"],
                ["00123", "5%"],
              ],
            },
          ],
        },
      ],
    });
    for (const [address, text] of [
      ["A1", '=HYPERLINK("http://x")'],
      ["A2", "+44 20 7946 0000"],
      ["B2", "-5 dB"],
      ["A4", "=Header"],
      ["A5", "=SUM(A1)"],
      ["B5", "@home"],
      ["A6", "00123"],
      ["B6", "5%"],
    ]) {
      expect(fake.cell("Safe", address)).toMatchObject({ value: text, formula: null, isText: true, numberFormat: "@" });
    }
  });

  it("replaces a sheet in place: same position, old tables/charts/formats/names/notes gone, user sheets untouched", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("Before", [["user data"]]);
    const wb = adapter(fake);
    const full: WorkbookSpec = {
      sheets: [
        {
          name: "Report",
          tabColor: "1F3864",
          freeze: { row: 3, col: 2 },
          print: { landscape: true, fitToWidth: true },
          columnWidths: { 1: 30 },
          conditionalFormats: [
            {
              range: { top: 3, left: 2, bottom: 4, right: 2 },
              rule: { type: "textEquals", text: "Red", fill: "FFC7CE" },
            },
            {
              range: { top: 3, left: 3, bottom: 4, right: 3 },
              rule: { type: "between", min: 1, max: 5, fill: "FFEB9C" },
            },
            {
              range: { top: 3, left: 3, bottom: 4, right: 3 },
              rule: { type: "colorScale", min: "F8696B", max: "63BE7B" },
            },
          ],
          blocks: [
            { kind: "keyFigures", row: 1, col: 5, items: [{ label: "Total", value: 9, definedName: "ReportTotal" }] },
            {
              kind: "table",
              row: 2,
              col: 1,
              name: "tblReport",
              style: "TableStyleLight9",
              columns: [
                { header: "Project", type: "text", width: 24 },
                { header: "RAG", type: "text", validationList: "'PMO Lists'!$A$2:$A$4" },
                { header: "Score", type: "number" },
              ],
              rows: [
                [{ value: "P-1", link: "'Projects'!A2", note: "check owner" }, "Red", 3],
                [{ value: "Docs", link: "https://example.org/p2" }, "Green", 4],
              ],
            },
            {
              kind: "chart",
              row: 8,
              col: 1,
              widthCols: 6,
              heightRows: 12,
              type: "bar",
              title: "Score",
              xTitle: "Project",
              series: [
                {
                  name: "Score",
                  categories: { sheet: "Report", top: 3, left: 1, bottom: 4, right: 1 },
                  values: { sheet: "Report", top: 3, left: 3, bottom: 4, right: 3 },
                  color: "4472C4",
                },
                {
                  name: "Again",
                  categories: { sheet: "Report", top: 3, left: 1, bottom: 4, right: 1 },
                  values: { sheet: "Report", top: 3, left: 3, bottom: 4, right: 3 },
                },
              ],
            },
          ],
        },
        { name: "Lists", hidden: true, blocks: [{ kind: "text", row: 1, col: 1, lines: ["Red", "Amber", "Green"] }] },
      ],
    };
    const report = await wb.write(full);
    expect(report.messages).toEqual([]);
    fake.seedSheet("After", [["more user data"]]);
    let sheet = fake.sheet("Report");
    expect(fake.sheetNames()).toEqual(["Before", "Report", "Lists", "After"]);
    expect(sheet.tabColor).toBe("#1F3864");
    expect(sheet.freeze).toEqual({ rows: 2, cols: 1 });
    expect(sheet.pageLayout).toEqual({
      orientation: "Landscape",
      zoom: { horizontalFitToPages: 1, verticalFitToPages: 0 },
    });
    expect(sheet.columnWidths.get(1)).toBe(22.5 * 0 + (30 * 7 + 5) * 0.75);
    expect(
      sheet.conditionalFormats.map((cf) => [cf.type, cf.props["cellValue.rule"] ?? cf.props["colorScale.criteria"]]),
    ).toEqual([
      ["CellValue", { formula1: '="Red"', operator: "EqualTo" }],
      ["CellValue", { formula1: "1", formula2: "5", operator: "Between" }],
      [
        "ColorScale",
        { minimum: { type: "LowestValue", color: "#F8696B" }, maximum: { type: "HighestValue", color: "#63BE7B" } },
      ],
    ]);
    expect(sheet.validations).toEqual([
      {
        rect: { top: 3, left: 2, bottom: 4, right: 2 },
        rule: { list: { inCellDropDown: true, source: "='PMO Lists'!$A$2:$A$4" } },
      },
    ]);
    expect(fake.cell("Report", "A3").hyperlink).toEqual({ documentReference: "'Projects'!A2", textToDisplay: "P-1" });
    expect(fake.cell("Report", "A4").hyperlink).toEqual({ address: "https://example.org/p2", textToDisplay: "Docs" });
    expect(sheet.comments.map((c) => [c.row, c.col, c.content])).toEqual([[3, 1, "check owner"]]);
    expect(fake.names()).toEqual([{ name: "ReportTotal", reference: "Report!F1" }]);
    expect(sheet.charts).toHaveLength(1);
    expect(sheet.charts[0]).toMatchObject({
      type: "BarClustered",
      props: { "title.text": "Score", "axes.categoryAxis.title.text": "Project" },
      series: [
        { name: "Score", values: "Report!C3:C4", xValues: "Report!A3:A4", format: { "fill.setSolidColor": "#4472C4" } },
        { name: "Again", values: "Report!C3:C4", xValues: "Report!A3:A4" },
      ],
    });
    expect(fake.tables()).toEqual([
      { name: "tblReport", sheet: "Report", address: "Report!A2:C4", style: "TableStyleLight9" },
    ]);
    expect(fake.sheet("Lists").visibility).toBe("Hidden");

    // Replace with almost nothing: everything from the first write goes, the position stays.
    await wb.write({ sheets: [{ name: "Report", blocks: [{ kind: "text", row: 1, col: 1, lines: ["Replaced"] }] }] });
    sheet = fake.sheet("Report");
    expect(fake.sheetNames()).toEqual(["Before", "Report", "Lists", "After"]);
    expect(fake.values("Report", "A1:F4")).toEqual([
      ["Replaced", "", "", "", "", ""],
      ["", "", "", "", "", ""],
      ["", "", "", "", "", ""],
      ["", "", "", "", "", ""],
    ]);
    expect(fake.tables()).toEqual([]);
    expect(fake.names()).toEqual([]);
    expect(sheet.charts).toEqual([]);
    expect(sheet.conditionalFormats).toEqual([]);
    expect(sheet.validations).toEqual([]);
    expect(sheet.comments).toEqual([]);
    expect(sheet.freeze).toEqual({ rows: 0, cols: 0 });
    expect(sheet.tabColor).toBe("");
    expect(sheet.columnWidths.size).toBe(0);
    expect(fake.values("Before", "A1")).toEqual([["user data"]]);
    expect(fake.values("After", "A1")).toEqual([["more user data"]]);
  });

  it("refuses a table name already used on a sheet it does not own, before changing anything", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("User", [["a"], ["1"]], { tables: [{ name: "tblProjects", address: "A1:A2" }] });
    await expect(adapter(fake).write(tableSpec(3))).rejects.toThrow(/tblProjects.*User/);
    expect(fake.sheetNames()).toEqual(["User"]);
  });

  it("on ExcelApi 1.7 writes the data and says what it left out; on 1.20 merges the command into one undo step", async () => {
    const old = createExcelFake({ apiVersion: "1.7" });
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: "S",
          print: { landscape: true, fitToWidth: true },
          blocks: [
            {
              kind: "table",
              row: 1,
              col: 1,
              name: "tblS",
              columns: [{ header: "A", type: "text", validationList: "'L'!$A$1:$A$2" }],
              rows: [[{ value: "x", note: "a note" }]],
            },
          ],
        },
      ],
    };
    const report = await adapter(old).write(spec);
    expect(old.values("S", "A1:A2")).toEqual([["A"], ["x"]]);
    expect(report.messages).toEqual([
      "Dropdown lists on S were left out (this Excel lacks ExcelApi 1.8).",
      "Print setup of S was left out (this Excel lacks ExcelApi 1.9).",
      "Notes on S were left out (this Excel lacks ExcelApi 1.10).",
    ]);
    expect(old.stats.suspendScreenUpdatingCalls).toBe(0);
    expect(old.stats.mergeUndoGroupRuns).toBe(0);

    const current = createExcelFake();
    await adapter(current).write(spec);
    expect(current.stats.mergeUndoGroupRuns).toBe(1);
    expect(current.stats.suspendScreenUpdatingCalls).toBe(1);
  });

  it("refuses bad sheet, table and defined names before sending anything", async () => {
    const fake = createExcelFake();
    const text = (name: string) => ({ name, blocks: [] });
    await expect(adapter(fake).write({ sheets: [text("Ok"), text("Q1/Q2")] })).rejects.toThrow(
      'Cannot write sheet "Q1/Q2": it contains one of [ ] : * ? / \\.',
    );
    const badTable = tableSpec(1);
    (badTable.sheets[0].blocks[0] as { name: string }).name = "tbl Projects";
    await expect(adapter(fake).write(badTable)).rejects.toThrow(/Cannot write table "tbl Projects"/);
    const figures: WorkbookSpec = {
      sheets: [
        {
          name: "K",
          blocks: [{ kind: "keyFigures", row: 1, col: 1, items: [{ label: "x", value: 1, definedName: "A1" }] }],
        },
      ],
    };
    await expect(adapter(fake).write(figures)).rejects.toThrow(/looks like a cell reference/);
    expect(fake.stats.syncs).toBe(0);
  });

  it("reports progress up to every cell written", async () => {
    const fake = createExcelFake();
    const events: { done: number; total: number }[] = [];
    await adapter(fake).write(tableSpec(500), { progress: (e) => events.push({ done: e.done, total: e.total }) });
    expect(events.at(-1)).toEqual({ done: 5010, total: 5010 });
  });

  it("stops between syncs when the signal is aborted", async () => {
    const fake = createExcelFake();
    const controller = new AbortController();
    controller.abort();
    await expect(adapter(fake).write(tableSpec(10), { signal: controller.signal })).rejects.toThrow(/abort/i);
  });
});
