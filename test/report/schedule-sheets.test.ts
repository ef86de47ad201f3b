import { analyseRegister } from "../../src/analysis/finance/analyse-register";
import { benefitsSheet, earnedValueSheet, financeSheet, scheduleSheet } from "../../src/report/schedule-sheets";
import { SCHEMA } from "../../src/domain/schema";
import type { SheetSpec, TableBlock } from "../../src/workbook/spec";
import { isRichCell } from "../../src/workbook/spec";
import { registerOf } from "../analysis/finance/register-fixture";

const register = registerOf({
  Programmes: [{ ProgrammeId: "PG1", Name: "Digital" }],
  Projects: [
    {
      ProjectId: "P1",
      Name: "Platform",
      ProgrammeId: "PG1",
      ForecastStart: "2025-01-01",
      ForecastFinish: "2025-04-11",
      BaselineStart: "2025-01-01",
      BaselineFinish: "2025-04-11",
      Budget: 4000,
      ActualCost: 2800,
      ForecastCost: 4480,
      PercentComplete: 0.625,
      RagOverall: "Green",
      StatusDate: "2025-03-17",
    },
    {
      ProjectId: "P2",
      Name: "Side",
      ForecastStart: "2025-01-01",
      ForecastFinish: "2025-02-01",
      Budget: 0,
      ActualCost: 0,
      PercentComplete: 0,
    },
    { ProjectId: "P3", Name: "After", ForecastStart: "2025-05-01", ForecastFinish: "2025-06-01" },
    { ProjectId: "P4", Name: "Loop A", ForecastStart: "2025-01-01", ForecastFinish: "2025-02-01" },
    { ProjectId: "P5", Name: "Loop B", ForecastStart: "2025-01-01", ForecastFinish: "2025-02-01" },
  ],
  Milestones: [
    { MilestoneId: "M1", ProjectId: "P1", Name: "Go live", BaselineDate: "2025-03-01", ForecastDate: "2025-03-10" },
  ],
  Dependencies: [
    { PredecessorId: "P2", SuccessorId: "P3" },
    { PredecessorId: "P1", SuccessorId: "P3" },
    { PredecessorId: "P4", SuccessorId: "P5" },
    { PredecessorId: "P5", SuccessorId: "P4" },
  ],
  Financials: [
    { ProjectId: "P1", Period: "2025-03-01", Budget: 1000, Actual: 900, Forecast: 1000 },
    { ProjectId: "P1", Period: "2025-04-01", Budget: 1000, Actual: 0, Forecast: 1100 },
  ],
  Benefits: [
    {
      BenefitId: "B1",
      ProgrammeId: "PG1",
      Description: "Savings",
      PlannedValue: 100,
      RealisedValue: 40,
      PlannedDate: "2025-06-01",
    },
    { BenefitId: "B2", ProgrammeId: "PG1", Description: "Morale", Category: "Qualitative" },
  ],
});
const analysis = analyseRegister(register);
const sheets = [
  scheduleSheet(analysis),
  financeSheet(analysis, { currency: "€" }),
  benefitsSheet(analysis),
  earnedValueSheet(analysis, { currency: "€" }),
];

function table(sheet: SheetSpec, name: string): TableBlock {
  const t = sheet.blocks.find((b): b is TableBlock => b.kind === "table" && b.name === name);
  if (!t) throw new Error(`no table ${name} on ${sheet.name}`);
  return t;
}

function column(t: TableBlock, header: string): unknown[] {
  const i = t.columns.findIndex((c) => c.header === header);
  expect(i).toBeGreaterThanOrEqual(0);
  return t.rows.map((r) => (isRichCell(r[i]) ? (r[i] as { value: unknown }).value : r[i]));
}

describe("Schedule, Finance and Benefits Realisation sheets", () => {
  it("use the conventional sheet names and table names that clash with no register table", () => {
    expect(sheets.map((s) => s.name)).toEqual(["Schedule", "Finance", "Benefits Realisation", "Earned Value"]);
    const names = sheets.flatMap((s) =>
      s.blocks.filter((b) => b.kind === "table").map((b) => (b as TableBlock).name.toLowerCase()),
    );
    const registerTables = Object.values(SCHEMA).map((e) => e.table.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => registerTables.includes(n))).toEqual([]);
  });

  it("write no NaN or Infinity, and every row is as wide as its header", () => {
    for (const s of sheets) {
      for (const b of s.blocks) {
        if (b.kind !== "table") continue;
        for (const r of b.rows) {
          expect(r).toHaveLength(b.columns.length);
          for (const c of r) {
            const v = isRichCell(c) ? c.value : c;
            if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
            if (v instanceof Date) expect(Number.isNaN(v.getTime())).toBe(false);
          }
        }
      }
    }
  });

  it("freeze the header of each sheet's first table, which sits right under the title", () => {
    // Title and subtitle on rows 1–2, a blank row, the table's header on row 4: rows 1–4 stay in view.
    expect(sheets.map((s) => s.freeze)).toEqual([
      { row: 5, col: 1 },
      { row: 5, col: 1 },
      { row: 5, col: 1 },
      { row: 5, col: 1 },
    ]);
    for (const s of sheets) expect(s.blocks[1]).toMatchObject({ kind: "table", row: 4 });
  });

  it("list the critical chain first, in order, then float; unscheduled items last with the reason", () => {
    const t = table(sheets[0], "tblSchedule");
    expect(column(t, "Id")).toEqual(["P1", "P3", "P2", "P4", "P5"]);
    expect(column(t, "Chain position")).toEqual([1, 2, null, null, null]);
    expect(column(t, "Total float (days)")).toEqual([0, 0, 69, null, null]);
    expect(column(t, "Critical")).toEqual(["Yes", "Yes", "No", null, null]);
    expect(column(t, "Notes")[3]).toBe("in a dependency cycle (P4, P5)");
    expect(column(t, "Early start")[1]).toEqual(new Date(Date.UTC(2025, 3, 11)));
    expect(column(table(sheets[0], "tblScheduleCycles"), "Members")).toEqual(["P4, P5"]);
    expect(column(table(sheets[0], "tblMilestoneSlip"), "Slip (days)")).toEqual([9]);
    expect(sheets[0].conditionalFormats?.[0].range.left).toBe(12);
  });

  it("write uncomputable figures as blanks with the reason in Notes", () => {
    const ev = table(sheets[3], "tblEarnedValue");
    expect(column(ev, "Project")).toEqual(["P1", "P2", "P3", "P4", "P5"]);
    expect(column(ev, "CPI")[0]).toBeCloseTo(2500 / 2800, 12);
    expect(column(ev, "EAC (BAC/CPI)")[0]).toBeCloseTo(4480, 9);
    expect(column(ev, "CPI")[1]).toBeNull();
    expect(column(ev, "Notes")[1]).toMatch(/CPI: no actual cost yet \(AC is 0\)/);
    expect(ev.columns.find((c) => c.header === "EAC (BAC/CPI)")?.numberFormat).toBe('"€"#,##0;[Red]-"€"#,##0');
    const rollup = table(sheets[1], "tblFinanceRollup");
    expect(column(rollup, "Programme")).toEqual(["PG1", "(no programme)", "Portfolio"]);
    expect(column(rollup, "Variance %")[1]).toBeNull();
    expect(column(rollup, "Notes")[1]).toBe(
      "Variance %: no forecast recorded; Projects: 3 without Budget, 3 without ActualCost, 4 without ForecastCost",
    );
    expect(column(table(sheets[1], "tblFinanceByYear"), "Financial year")).toEqual([
      "FY2024/25",
      "FY2025/26",
      "FY2024/25",
      "FY2025/26",
    ]);
    const rag = table(sheets[3], "tblComputedRag");
    expect(column(rag, "Computed overall")[0]).toBe("Red");
    expect(column(rag, "Declared greener")[0]).toBe("Yes");
    expect(sheets[3].conditionalFormats?.length).toBe(18); // six RAG columns × three fills
  });

  it("show benefits realisation by programme and period", () => {
    const t = table(sheets[2], "tblBenefitsRealisation");
    expect(t.rows.map((r) => r.slice(0, 6))).toEqual([
      ["PG1", "Digital", "All", 100, 40, 0.4],
      ["PG1", "Digital", "FY2025/26", 100, 40, 0.4],
      ["PG1", "Digital", "(no date)", 0, 0, null],
      ["Portfolio", null, "All", 100, 40, 0.4],
      ["Portfolio", null, "FY2025/26", 100, 40, 0.4],
      ["Portfolio", null, "(no date)", 0, 0, null],
    ]);
    expect(t.rows[2][7]).toBe(
      "Realisation %: nothing planned (planned value is 0); Benefits: 1 of 1 without PlannedValue",
    );
    expect(column(table(sheets[2], "tblBenefitLines"), "Notes")).toEqual([null, "Realisation %: no PlannedValue"]);
  });

  it("say why there is nothing rather than writing an empty table", () => {
    const empty = analyseRegister(registerOf({}));
    const s = scheduleSheet(empty);
    expect(s.blocks.some((b) => b.kind === "table")).toBe(false);
    expect(s.freeze).toBeUndefined();
    expect(benefitsSheet(empty).blocks[1]).toMatchObject({ kind: "text", lines: ["The register has no benefits."] });
  });
});

describe("very long text", () => {
  it("names a long cycle by its first members and keeps every cell within Excel's 32,767 characters", () => {
    const n = 5000;
    const ids = Array.from({ length: n }, (_, i) => `PROJECT-WITH-A-LONG-ID-${i}`);
    const big = registerOf({
      Projects: ids.map((id) => ({ ProjectId: id, ForecastStart: "2025-01-01", ForecastFinish: "2025-02-01" })),
      Dependencies: ids.map((id, i) => ({ PredecessorId: id, SuccessorId: ids[(i + 1) % n] })),
    });
    const a = analyseRegister(big);
    expect(a.cycles[0]).toHaveLength(n);
    expect(a.projects[0].reasons?.earlyStart).toMatch(/, … and 4990 more\)$/);
    const s = scheduleSheet(a);
    const members = column(table(s, "tblScheduleCycles"), "Members")[0] as string;
    expect(members).toHaveLength(32_767);
    expect(members.endsWith("…")).toBe(true);
  });
});
