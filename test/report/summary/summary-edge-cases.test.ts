import { emptyRegister, type FieldValue, type Register } from "../../../src/domain/register";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings-model";
import type { OpenRegister } from "../../../src/pipeline/open-register";
import { buildSummarySpec } from "../../../src/pipeline/steps/summary";
import { sheetNameProblem } from "../../../src/workbook/excel-names";
import type { Grid } from "../../../src/workbook/grid";
import { OfficeWorkbook } from "../../../src/workbook/office";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { createExcelFake } from "../../fakes/excel-fake";
import { badCells } from "./summary-checks";

const LONG = "Programme for the Very Long Named Transformation of Everything [Phase: 2/3]";

function record(id: string, values: Record<string, FieldValue>) {
  return { id, values, extras: {}, provenance: {} };
}

/** A register with the awkward cases a real PMO produces. */
function awkwardRegister(): Register {
  const r = emptyRegister();
  r.entities.Programmes.push(
    record("PRG-1", { ProgrammeId: "PRG-1", Name: LONG }),
    record("PRG-2", { ProgrammeId: "PRG-2", Name: LONG }),
    record("PRG-3", { ProgrammeId: "PRG-3", Name: '=HYPERLINK("http://evil","click")' }),
    record("PRG-4", { ProgrammeId: "PRG-4", Name: "History" }),
  );
  r.entities.Projects.push(
    record("P-1", {
      ProjectId: "P-1",
      ProgrammeId: "PRG-1",
      Name: "=1+1",
      Stage: "Delivery",
      Status: "Active",
      Budget: 0,
      ForecastCost: 0,
      ActualCost: 0,
      RagOverall: "Green",
      BaselineFinish: "2026-06-30",
      ForecastFinish: "2026-09-30",
      StatusDate: "2026-10-31",
    }),
    record("P-2", {
      ProjectId: "P-2",
      ProgrammeId: "PRG-2",
      Name: "Zero budget, real spend",
      Stage: "Delivery",
      Status: "Active",
      Budget: 0,
      ForecastCost: 120000,
      ActualCost: 50000,
      StatusDate: "2026-10-31",
    }),
    record("P-3", { ProjectId: "P-3", ProgrammeId: "PRG-404", Name: "Orphan", Stage: "Planning", Status: "Active" }),
  );
  r.entities.Risks.push(
    record("R-1", {
      RiskId: "R-1",
      ProjectId: "P-1",
      Title: "=cmd|' /C calc'!A0",
      Probability: 3,
      Impact: 4,
      Status: "Open",
    }),
  );
  return r;
}

function opened(register: Register): OpenRegister {
  return {
    register,
    found: ["Programmes", "Projects", "Risks"],
    asImported: new Map(),
    importedAt: () => undefined,
    locate: (entity, id, field) => ({ sheet: entity, cell: `A${id.length}${field.length}` }),
    problems: [],
    label: "awkward.xlsx",
    grids: [],
    sheetNames: [],
    settings: DEFAULT_SETTINGS,
    settingsProblems: [],
    settingsFound: false,
    read: { file: "awkward.xlsx", grids: [], skipped: [], problems: [] },
    settingsNotes: [],
    readProblems: [],
  };
}

describe("the summary with awkward registers", () => {
  it("handles empty programmes, zero budgets, long duplicate names and formula-like text", async () => {
    const run = await buildSummarySpec(opened(awkwardRegister()), {
      today: "2026-11-23",
      generatedAt: "x",
      select: false,
    });
    const names = run.spec.sheets.map((s) => s.name);
    for (const n of names) expect(sheetNameProblem(n)).toBeNull();
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
    expect(run.spec.sheets.flatMap(badCells)).toEqual([]);
    // Both long duplicates get their own page; the empty programme says so.
    expect(names.filter((n) => n.startsWith("Programme for the Very Long"))).toHaveLength(2);
    const empty = run.spec.sheets.find((s) => s.name === "History (PMO)")!;
    const text = empty.blocks.flatMap((b) => (b.kind === "text" ? b.lines : []));
    expect(text).toContain("No projects are recorded against this programme.");
    // The orphan project gets the "without a programme" page.
    expect(names).toContain("Projects without a programme");

    const wb = XlsxWorkbook.create("summary.xlsx");
    await wb.write(run.spec);
    const back = await (await XlsxWorkbook.open(await wb.toBytes(), "summary.xlsx")).read();
    const cells = back.grids.flatMap((g) => g.values.flat());
    // Formula-like text stays text: no cell became a formula or lost its leading "=".
    expect(cells).toContain("=1+1");
    expect(cells.some((c) => typeof c === "string" && c.startsWith("=HYPERLINK("))).toBe(true);
    expect(cells).toContain("=cmd|' /C calc'!A0");
  });

  it("writes the same cell values through the Office renderer as through the xlsx renderer", async () => {
    const run = await buildSummarySpec(opened(awkwardRegister()), {
      today: "2026-11-23",
      generatedAt: "x",
      select: false,
    });
    const xlsx = XlsxWorkbook.create("summary.xlsx");
    await xlsx.write(run.spec);
    const fromFile = await (await XlsxWorkbook.open(await xlsx.toBytes(), "summary.xlsx")).read();
    const fake = createExcelFake({ sheets: ["Sheet1"] });
    const office = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "summary.xlsx" });
    await office.write(run.spec);
    const fromExcel = await office.read();
    const view = (grids: Grid[]) =>
      Object.fromEntries(
        grids
          .filter((g) => g.sheet !== "Sheet1")
          .map((g) => [
            g.sheet,
            g.values.map((row) => row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v))),
          ]),
      );
    expect(Object.keys(view(fromExcel.grids)).sort()).toEqual(run.spec.sheets.map((s) => s.name).sort());
    expect(view(fromExcel.grids)).toEqual(view(fromFile.grids));
  });
});
