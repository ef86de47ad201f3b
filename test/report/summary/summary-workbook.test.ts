import JSZip from "jszip";
import { buildRegisterFromFiles } from "../../../src/pipeline/steps/build";
import { openRegister, type OpenRegister } from "../../../src/pipeline/open-register";
import { sampleInputFiles } from "../../../src/cli/sample-inputs";
import { buildSummarySpec, type SummaryRun } from "../../../src/pipeline/steps/summary";
import { programmeCommentary } from "../../../src/report/summary/commentary";
import { DASHBOARD_SHEET } from "../../../src/report/summary/dashboard-sheet";
import { moneyWords } from "../../../src/report/summary/figures";
import { summariseProgrammes } from "../../../src/report/summary/summary-model";
import { sheetNameProblem } from "../../../src/workbook/excel-names";
import type { Grid } from "../../../src/workbook/grid";
import type { KeyFiguresBlock, SheetSpec } from "../../../src/workbook/spec";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { badCells, unsupportedFigures } from "./summary-checks";
import { xlsxFileHost } from "../../../src/workbook/xlsx/file-host";

const OPTIONS = { today: "2026-11-23", generatedAt: "2026-11-23T09:00:00.000Z" };

function keyFigures(sheet: SheetSpec): Map<string, number | string | null> {
  const block = sheet.blocks.find((b): b is KeyFiguresBlock => b.kind === "keyFigures");
  return new Map(block!.items.map((i) => [i.label, i.value]));
}

function sheet(run: SummaryRun, name: string): SheetSpec {
  const s = run.spec.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}: ${run.spec.sheets.map((x) => x.name).join(", ")}`);
  return s;
}

describe("the summary workbook of the sample estate", () => {
  let opened: OpenRegister;
  let run: SummaryRun;
  let bytes: Uint8Array;

  beforeAll(async () => {
    const sample = await sampleInputFiles({ seed: 3, quirks: "none" });
    const built = await buildRegisterFromFiles(xlsxFileHost, sample.files, { generatedAt: OPTIONS.generatedAt });
    opened = await openRegister(await XlsxWorkbook.open(built.bytes, "register.xlsx"));
    run = await buildSummarySpec(opened, { ...OPTIONS, select: true, timeLimitSeconds: 20 });
    const wb = XlsxWorkbook.create("summary.xlsx");
    await wb.write(run.spec);
    bytes = await wb.toBytes();
  });

  it("has a cover, a dashboard, a sheet per programme and the analysis sheets, all validly named", () => {
    const names = run.spec.sheets.map((s) => s.name);
    expect(names.slice(0, 2)).toEqual(["Cover", "Dashboard"]);
    const groups = summariseProgrammes(run.inputs);
    expect(names.slice(2, 2 + groups.length)).toHaveLength(groups.length);
    for (const n of [
      "Prioritisation",
      "Selection",
      "Capacity",
      "Schedule",
      "Finance",
      "Benefits Realisation",
      "Findings",
    ])
      expect(names).toContain(n);
    for (const n of names) expect(sheetNameProblem(n)).toBeNull();
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  it("shows the engine's portfolio figures on the dashboard", () => {
    const k = keyFigures(sheet(run, DASHBOARD_SHEET));
    const totals = run.inputs.analysis.rollups.portfolio.totals;
    expect(k.get("Projects")).toBe(opened.register.entities.Projects.length);
    expect(k.get("Budget")).toBe(totals.budget);
    expect(k.get("Actual to date")).toBe(totals.actual);
    expect(k.get("Forecast")).toBe(totals.forecast);
    expect(k.get("Variance (forecast − budget)")).toBe(totals.forecast - totals.budget);
    const red = run.inputs.analysis.rag.filter((r) => r.computed.overall.rag === "Red").length;
    expect(k.get("Computed Red")).toBe(red);
    expect(k.get("Data-quality score")).toBe(run.inputs.validation.score.portfolio);
    expect(k.get("Errors to fix")).toBe(run.inputs.validation.counts.error);
    expect(k.get("Selected projects")).toBe(run.inputs.selection!.selected.length);
  });

  it("quotes in its commentary only figures that stand on the same sheet", () => {
    const groups = summariseProgrammes(run.inputs);
    const unit = run.inputs.settings.general.moneyUnit;
    const currency = run.inputs.settings.general.currency;
    const names = groups.map((g) => g.name);
    groups.forEach((g, i) => {
      const page = run.spec.sheets[2 + i];
      const sentences = programmeCommentary(g, moneyWords(currency, unit));
      expect(sentences.length).toBeGreaterThan(1);
      expect(unsupportedFigures(sentences, page, { unit, currency, names })).toEqual([]);
    });
    const dash = sheet(run, DASHBOARD_SHEET);
    const commentary = dash.blocks.find((b) => b.kind === "text" && b.lines.length > 2);
    expect(commentary && commentary.kind === "text" && commentary.lines[0]).toMatch(/projects in \d+ programmes/);
    if (commentary?.kind !== "text") throw new Error("no dashboard commentary");
    expect(unsupportedFigures(commentary.lines, dash, { unit, currency, names })).toEqual([]);
  });

  it("names the project that drives a programme's variance", () => {
    const g = summariseProgrammes(run.inputs).find((x) => x.projects.length > 0 && !!x.money.variance)!;
    const text = programmeCommentary(g, moneyWords("£", 1)).join(" ");
    const over = (g.money.variance ?? 0) > 0;
    const driver = [...g.projects]
      .filter((p) => p.variance !== null && (over ? p.variance > 0 : p.variance < 0))
      .sort((a, b) => Math.abs(b.variance!) - Math.abs(a.variance!))[0];
    expect(text).toContain(`${driver.id} (`);
  });

  it("writes no NaN, Infinity or undefined into any cell", () => {
    expect(run.spec.sheets.flatMap(badCells)).toEqual([]);
  });

  it("reads back from the written file with the same key figures and defined names", async () => {
    const reopened = await XlsxWorkbook.open(bytes, "summary.xlsx");
    const { grids } = await reopened.read();
    const dash = grids.find((g) => g.sheet === DASHBOARD_SHEET) as Grid;
    const block = sheet(run, DASHBOARD_SHEET).blocks.find((b): b is KeyFiguresBlock => b.kind === "keyFigures")!;
    block.items.forEach((item, i) => {
      const r = block.row + i - dash.origin.row;
      const c = block.col - dash.origin.col;
      expect([item.label, dash.values[r][c + 1]]).toEqual([item.label, item.value]);
    });
    const zip = await JSZip.loadAsync(bytes);
    const workbookXml = await zip.file("xl/workbook.xml")!.async("string");
    for (const n of ["PortfolioBudget", "PortfolioForecast", "ProjectCount", "DataQualityScore"])
      expect(workbookXml).toContain(`name="${n}"`);
  });

  it("draws the five dashboard charts natively, each reading its chart-data table", async () => {
    const charts = sheet(run, DASHBOARD_SHEET).blocks.filter((b) => b.kind === "chart");
    expect(charts.map((c) => c.kind === "chart" && c.type).sort()).toEqual(
      ["column", "doughnut", "line", "line", "scatter"].sort(),
    );
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    // Five on the dashboard and the frontier on the Selection sheet.
    expect(parts).toHaveLength(6);
    const xml = await Promise.all(parts.map((p) => zip.file(p)!.async("string")));
    const refs = xml.join("\n").match(/<c:f>[^<]+<\/c:f>/g) ?? [];
    expect(refs.filter((r) => r.includes("Dashboard")).length).toBeGreaterThanOrEqual(9);
  });

  it("leaves no link to a register sheet the summary does not contain", () => {
    const names = new Set(run.spec.sheets.map((s) => s.name.toLowerCase()));
    for (const s of run.spec.sheets)
      for (const b of s.blocks)
        if (b.kind === "table")
          for (const row of b.rows)
            for (const v of row) {
              if (v === null || typeof v !== "object" || v instanceof Date || !v.link) continue;
              const target = v.link.slice(0, v.link.lastIndexOf("!")).replace(/^'|'$/g, "").replace(/''/g, "'");
              expect(names.has(target.toLowerCase())).toBe(true);
            }
  });
});
