import ExcelJS from "exceljs";
import JSZip from "jszip";
import { analyseRegister } from "../../src/analysis/finance/analyse-register";
import { analysisSheets } from "../../src/pipeline/steps/analyse";
import { scheduleHealthSheet, SCHEDULE_HEALTH_SHEET } from "../../src/report/schedule-health-sheet";
import type { TableBlock } from "../../src/workbook/spec";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { registerOf } from "../analysis/finance/register-fixture";

/** Two programmes: PG1 with a linked pair (P2's forecast start held against its logic), PG2 one stand-alone project. */
const register = registerOf({
  Programmes: [
    { ProgrammeId: "PG1", Name: "Digital" },
    { ProgrammeId: "PG2", Name: "Estates" },
  ],
  Projects: [
    { ProjectId: "P1", ProgrammeId: "PG1", ForecastStart: "2025-01-06", ForecastFinish: "2025-02-28" },
    { ProjectId: "P2", ProgrammeId: "PG1", ForecastStart: "2025-02-03", ForecastFinish: "2025-03-28" },
    { ProjectId: "P3", ProgrammeId: "PG2", ForecastStart: "2025-01-06", ForecastFinish: "2025-01-31" },
  ],
  Dependencies: [{ DependencyId: "D1", PredecessorId: "P1", SuccessorId: "P2", Type: "FS" }],
});
const analysis = analyseRegister(register, { statusDate: "2025-01-02" });
const locate = (entity: string, _id: string, field: string, index: number) =>
  entity === "Projects"
    ? { sheet: "Projects", cell: `${field === "ForecastStart" ? "M" : "A"}${index + 2}` }
    : undefined;

describe("Schedule health sheet", () => {
  const sheet = scheduleHealthSheet(analysis.scheduleHealth, locate);
  const tables = sheet.blocks.filter((b): b is TableBlock => b.kind === "table");
  const [metrics, records] = tables;

  test("14 checks for the portfolio, then for each programme, with count, denominator, value and result", () => {
    expect(sheet.name).toBe(SCHEDULE_HEALTH_SHEET);
    expect(metrics.name).toBe("tblScheduleHealth");
    expect(metrics.rows).toHaveLength(14 * 3);
    expect(metrics.rows.map((r) => r[0]).filter((s, i, a) => a.indexOf(s) === i)).toEqual(["Portfolio", "PG1", "PG2"]);
    const logic = metrics.rows.filter((r) => r[2] === "Missing logic");
    // Portfolio: P3 of the three is unlinked; PG1 none of two; PG2 its one.
    expect(logic.map((r) => r.slice(0, 8))).toEqual([
      ["Portfolio", 1, "Missing logic", 1, 3, "33.3 %", "≤ 5 %", "Fail"],
      ["PG1", 1, "Missing logic", 0, 2, "0 %", "≤ 5 %", "Pass"],
      ["PG2", 1, "Missing logic", 1, 1, "100 %", "≤ 5 %", "Fail"],
    ]);
    const hard = metrics.rows.find((r) => r[0] === "PG1" && r[1] === 5)!;
    expect(hard.slice(3, 8)).toEqual([1, 2, "50 %", "≤ 5 %", "Fail"]);
  });

  test("the records behind each failing metric link to the register cell", () => {
    expect(records.name).toBe("tblScheduleHealthRecords");
    const held = records.rows.filter((r) => r[1] === 5);
    expect(held.map((r) => [r[0], r[4], r[5], r[6]])).toEqual([
      ["Portfolio", "P2", "ForecastStart", { value: "Projects!M3", link: "'Projects'!M3" }],
      ["PG1", "P2", "ForecastStart", { value: "Projects!M3", link: "'Projects'!M3" }],
    ]);
    expect(held[0][7]).toBe("forecast 2025-02-03, but its predecessors allow 2025-02-28 at the earliest");
    // Passing metrics list no records.
    const passing = new Set(metrics.rows.filter((r) => r[7] !== "Fail").map((r) => `${r[0]}#${r[1]}`));
    for (const r of records.rows) expect(passing.has(`${r[0]}#${r[1]}`)).toBe(false);
  });

  test("is one of the analysis sheets, and survives a write and an independent read", async () => {
    const sheets = analysisSheets(analysis, "£", locate);
    expect(sheets.map((s) => s.name)).toEqual([
      "Schedule",
      "Schedule health",
      "Finance",
      "Earned Value",
      "Benefits Realisation",
    ]);
    const wb = XlsxWorkbook.create("health.xlsx");
    await wb.write({ sheets: [sheet] });
    const read = new ExcelJS.Workbook();
    const bytes = await wb.toBytes();
    await read.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
    const ws = read.getWorksheet(SCHEDULE_HEALTH_SHEET)!;
    const cells: string[] = [];
    ws.eachRow((row) => cells.push(row.values ? JSON.stringify(row.values) : ""));
    const text = cells.join("\n");
    expect(text).toContain('"Missing logic",1,3,"33.3 %"');
    expect(ws.getTable("tblScheduleHealth")).toBeDefined();
    // The link as Excel stores an internal one: a location on the sheet's hyperlink, no relationship.
    const zip = await JSZip.loadAsync(bytes);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<hyperlink ref="G\d+" location="'Projects'!M3"/);
  });
});
