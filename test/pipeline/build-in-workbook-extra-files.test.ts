import ExcelJS from "exceljs";
import { buildRegisterInWorkbook, type InputFile } from "../../src/pipeline/steps/build";
import { previewWorkbook } from "../../src/pipeline/preview-mapping";
import type { Grid } from "../../src/workbook/grid";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { createExcelFake } from "../fakes/excel-fake";
import { xlsxFileHost } from "../../src/workbook/xlsx/file-host";

/**
 * Inside Excel with files added to the import: the open workbook's own tracker sheet plus a risk
 * log CSV and a milestones workbook picked in the pane. Every record lands in the register written
 * into the open workbook (through the strict Excel fake), and its provenance names the file it came from.
 */

const GENERATED_AT = "2026-11-01T00:00:00.000Z";
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

function workbookWithTracker() {
  const fake = createExcelFake({ sheets: [] });
  fake.seedSheet("Tracker", [
    ["Project Ref", "Project Name", "Project Manager", "Start Date", "End Date", "Budget (£)", "RAG Status"],
    ["PRJ-001", "Customer portal", "A. Khan", day("2025-01-06"), day("2025-09-30"), 250000, "Green"],
    ["PRJ-002", "Data centre exit", "B. Osei", day("2024-11-01"), day("2025-12-19"), 1200000, "Amber"],
  ]);
  const port = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "this workbook" });
  return { fake, port };
}

/** Semicolons and UK dates, as Excel in Europe exports a CSV. */
const RISK_LOG: InputFile = {
  name: "risk log.csv",
  bytes: new TextEncoder().encode(
    [
      "Risk ID;Project;Risk Description;Likelihood;Impact;Owner;Date Raised",
      "R-01;PRJ-001;Supplier may miss the API deadline;3;4;A. Khan;14/01/2025",
      "R-02;PRJ-002;Power works need a second outage;2;5;B. Osei;03/02/2025",
    ].join("\r\n"),
  ),
};

async function milestonesXlsx(): Promise<InputFile> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Key dates");
  sheet.addRow(["Milestone ID", "Project", "Milestone", "Due Date", "Status"]);
  sheet.addRow(["M-1", "PRJ-001", "Design signed off", day("2025-03-31"), "Complete"]);
  sheet.addRow(["M-2", "PRJ-002", "Go live", day("2025-09-30"), "Not started"]);
  sheet.getColumn(4).numFmt = "dd/mm/yyyy";
  return { name: "milestones.xlsx", bytes: new Uint8Array(await book.xlsx.writeBuffer()) };
}

/** The hidden provenance sheet's rows as objects, read back from the workbook. */
function provenanceRows(grids: Grid[]): Record<string, unknown>[] {
  const grid = grids.find((g) => g.sheet === "PMO Provenance");
  if (!grid) throw new Error("no PMO Provenance sheet was written");
  const headerAt = grid.values.findIndex((r) => r.includes("SourceFile"));
  const header = grid.values[headerAt] as string[];
  return grid.values.slice(headerAt + 1).map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

describe("buildRegisterInWorkbook with files added to the import", () => {
  it("reads the workbook's sheets and the picked CSV and .xlsx, writes into the workbook, provenance naming each file", async () => {
    const { fake, port } = workbookWithTracker();
    const milestones = await milestonesXlsx();
    const stages: string[] = [];
    const outcome = await buildRegisterInWorkbook(port, {
      extraFiles: [RISK_LOG, milestones],
      host: xlsxFileHost,
      generatedAt: GENERATED_AT,
      progress: (e) => stages.push(`${e.stage}:${e.message ?? ""}`),
    });

    expect(outcome.register).toMatchObject({ Projects: 2, Risks: 2, Milestones: 2 });
    expect(outcome.inputs.map((i) => [i.file, i.status, i.sheets.map((s) => `${s.sheet}=${s.entity}`)])).toEqual([
      ["this workbook", "read", ["Tracker=Projects"]],
      ["risk log.csv", "read", ["risk log=Risks"]],
      ["milestones.xlsx", "read", ["Key dates=Milestones"]],
    ]);
    // The picked files are read after the workbook, each named in the progress.
    expect(stages).toEqual(expect.arrayContaining(["Reading files:risk log.csv", "Reading files:milestones.xlsx"]));

    const { Projects, Risks, Milestones } = outcome.model.entities;
    expect(Projects.map((p) => p.id)).toEqual(["PRJ-001", "PRJ-002"]);
    expect(Projects[0].provenance.ProjectId).toMatchObject({ file: "this workbook", sheet: "Tracker", cell: "A2" });
    expect(Risks.map((r) => r.id)).toEqual(["R-01", "R-02"]);
    expect(Risks[1].values.ProjectId).toBe("PRJ-002");
    expect(Risks[0].values.RaisedDate).toBe("2025-01-14");
    expect(Risks[0].provenance.RiskId).toEqual({ file: "risk log.csv", sheet: "risk log", cell: "A2", raw: "R-01" });
    expect(Milestones.map((m) => [m.id, m.values.ProjectId])).toEqual([
      ["M-1", "PRJ-001"],
      ["M-2", "PRJ-002"],
    ]);
    expect(Milestones[1].provenance.MilestoneId).toMatchObject({
      file: "milestones.xlsx",
      sheet: "Key dates",
      cell: "A3",
    });

    // Written into the open workbook: the entity sheets, and the provenance sheet naming the picked files.
    expect(fake.sheetNames()).toEqual(expect.arrayContaining(["Tracker", "Projects", "Risks", "Milestones"]));
    const reread = await port.read();
    const rows = provenanceRows(reread.grids);
    const from = (file: string) => new Set(rows.filter((r) => r.SourceFile === file).map((r) => r.Entity));
    expect(from("this workbook")).toEqual(new Set(["Projects"]));
    expect(from("risk log.csv")).toEqual(new Set(["Risks"]));
    expect(from("milestones.xlsx")).toEqual(new Set(["Milestones"]));
    expect(rows.find((r) => r.RecordId === "R-02" && r.Field === "Title")).toMatchObject({
      SourceFile: "risk log.csv",
      SourceSheet: "risk log",
      SourceCell: "C3",
      ImportedValue: "Power works need a second outage",
    });
    // The user's tracker sheet is untouched.
    expect(fake.values("Tracker", "A2:C2")).toEqual([["PRJ-001", "Customer portal", "A. Khan"]]);
  });

  it("an unreadable added file is reported for that file and the rest still builds", async () => {
    const { port } = workbookWithTracker();
    const broken: InputFile = { name: "broken.xlsx", bytes: new TextEncoder().encode("not a spreadsheet") };
    const outcome = await buildRegisterInWorkbook(port, {
      extraFiles: [broken, RISK_LOG],
      host: xlsxFileHost,
      generatedAt: GENERATED_AT,
    });
    expect(outcome.register).toMatchObject({ Projects: 2, Risks: 2 });
    const report = outcome.inputs.find((i) => i.file === "broken.xlsx");
    expect(report?.status).toBe("failed");
    expect(report?.problems.some((p) => p.severity === "error")).toBe(true);
  });

  it("the review shows the added files' sheets beside the workbook's own, and a rebuild reads them again without doubling", async () => {
    const { port } = workbookWithTracker();
    const milestones = await milestonesXlsx();
    const preview = await previewWorkbook(port, { extraFiles: [RISK_LOG, milestones], host: xlsxFileHost });
    expect(preview.sources.map((s) => [s.file, s.sheet, s.entity])).toEqual([
      ["this workbook", "Tracker", "Projects"],
      ["risk log.csv", "risk log", "Risks"],
      ["milestones.xlsx", "Key dates", "Milestones"],
    ]);
    expect(Object.keys(preview.fields).sort()).toEqual(["Milestones", "Projects", "Risks"]);

    await buildRegisterInWorkbook(port, {
      extraFiles: [RISK_LOG, milestones],
      host: xlsxFileHost,
      generatedAt: GENERATED_AT,
    });
    // Next month: the register's own sheets are not sources; the same files merge into it, not beside it.
    const again = await buildRegisterInWorkbook(port, {
      extraFiles: [RISK_LOG],
      host: xlsxFileHost,
      generatedAt: GENERATED_AT,
    });
    expect(again.inputs.map((i) => i.file)).toEqual(["this workbook", "risk log.csv"]);
    expect(again.register).toMatchObject({ Projects: 2, Risks: 2, Milestones: 2 });
  });
});
