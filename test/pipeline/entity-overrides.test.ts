import { buildRegisterFromFiles, buildRegisterInWorkbook, type InputFile } from "../../src/pipeline/steps/build";
import { mappingsFromEdits } from "../../src/pipeline/mapping-edits";
import { openRegister } from "../../src/pipeline/open-register";
import { previewFiles, reproposeSheet } from "../../src/pipeline/preview-mapping";
import { loadSettings } from "../../src/pipeline/settings-io";
import { entityOverrideKey, SAVED_ENTITY_KEY } from "../../src/ingest/entity-choice";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { readWorkbookBytes } from "../../src/workbook/xlsx/read-workbook-bytes";
import { createExcelFake } from "../fakes/excel-fake";
import { xlsxFileHost } from "../../src/workbook/xlsx/file-host";

/**
 * A sheet of "Actions" whose headers (Ref, Description, Owner, Date Raised, Status) fit a risk log and
 * an issue log about equally: the classifier calls it Risks, the PMO knows it is their issue log.
 * The user's entity reaches the ingest through BuildOptions.entityOverrides, and is kept for next
 * month with the confirmed mapping on PMO Settings.
 */

const GENERATED_AT = "2026-11-01T00:00:00.000Z";
const ACTIONS = [
  ["Ref", "Project", "Description", "Owner", "Date Raised", "Status"],
  ["A-1", "PRJ-001", "Supplier late with the API", "A. Khan", "2025-01-14", "Open"],
  ["A-2", "PRJ-002", "Second outage not agreed", "B. Osei", "2025-02-03", "Open"],
];
const csv = (name: string, rows: string[][]): InputFile => ({
  name,
  bytes: new TextEncoder().encode(rows.map((r) => r.join(",")).join("\r\n")),
});
const FILE = csv("actions.csv", ACTIONS);
const KEY = entityOverrideKey("actions.csv", "actions");

describe("entity overrides through BuildOptions", () => {
  it("the classifier reads the Actions sheet as Risks; the override reads it as Issues, ids and fields mapped for issues", async () => {
    const plain = await buildRegisterFromFiles(xlsxFileHost, [FILE], { generatedAt: GENERATED_AT });
    expect(plain.outcome.register).toMatchObject({ Risks: 2, Issues: 0 });

    const { outcome } = await buildRegisterFromFiles(xlsxFileHost, [FILE], {
      entityOverrides: { [KEY]: "Issues" },
      generatedAt: GENERATED_AT,
    });
    expect(outcome.register).toMatchObject({ Risks: 0, Issues: 2 });
    expect(outcome.inputs[0].sheets).toEqual([{ sheet: "actions", entity: "Issues", rows: 2 }]);
    const issue = outcome.model.entities.Issues[1];
    expect(issue.id).toBe("A-2");
    expect(issue.values).toMatchObject({
      IssueId: "A-2",
      ProjectId: "PRJ-002",
      RaisedDate: "2025-02-03",
      Owner: "B. Osei",
    });
    expect(issue.provenance.IssueId).toMatchObject({ file: "actions.csv", sheet: "actions", cell: "A3" });
  });

  it("an override of null skips the sheet, reported as the user's choice; other files are still read", async () => {
    const projects = csv("projects.csv", [
      ["Project Ref", "Project Name", "Start Date", "End Date"],
      ["PRJ-001", "Customer portal", "2025-01-06", "2025-09-30"],
    ]);
    const { outcome } = await buildRegisterFromFiles(xlsxFileHost, [FILE, projects], {
      entityOverrides: { [KEY]: null },
      generatedAt: GENERATED_AT,
    });
    expect(outcome.register).toMatchObject({ Risks: 0, Issues: 0, Projects: 1 });
    expect(outcome.inputs[0].sheets).toEqual([{ sheet: "actions", entity: null, rows: 0 }]);
    expect(outcome.inputs[1].status).toBe("read");
  });

  it("inside Excel: the override applies to the workbook's own sheet (keyed by the port's label)", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("Actions", ACTIONS);
    const port = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "this workbook" });
    const outcome = await buildRegisterInWorkbook(port, {
      entityOverrides: { [entityOverrideKey("this workbook", "Actions")]: "Issues" },
      generatedAt: GENERATED_AT,
    });
    expect(outcome.register).toMatchObject({ Risks: 0, Issues: 2 });
    // Read back from the workbook: the Issues table holds the two actions, the Risks table none.
    const written = (await openRegister(port)).register.entities;
    expect(written.Issues.map((i) => [i.id, i.values.Title])).toEqual([
      ["A-1", "Supplier late with the API"],
      ["A-2", "Second outage not agreed"],
    ]);
    expect(written.Risks).toEqual([]);
  });
});

describe("the confirmed entity is saved with the mapping on PMO Settings", () => {
  it("next month's file of the same layout (another name) is read as Issues without any override", async () => {
    const preview = reproposeSheet(
      await previewFiles(xlsxFileHost, [FILE]),
      (await readWorkbookBytes(FILE.bytes, FILE.name)).grids,
      {
        sheetKey: KEY,
        entity: "Issues",
      },
    );
    const mappings = mappingsFromEdits(preview, {});
    const signature = preview.sources[0].headerSignature!;
    expect(mappings[signature][SAVED_ENTITY_KEY]).toBe("Issues");

    const first = await buildRegisterFromFiles(xlsxFileHost, [FILE], {
      entityOverrides: preview.entityOverrides,
      mappings,
      generatedAt: GENERATED_AT,
    });
    expect(first.outcome.register.Issues).toBe(2);
    const saved = loadSettings((await (await XlsxWorkbook.open(first.bytes, "register.xlsx")).read()).grids).settings;
    expect(saved.mappings[signature]).toMatchObject({ [SAVED_ENTITY_KEY]: "Issues" });

    const december = csv("actions december.csv", [
      ...ACTIONS,
      ["A-3", "PRJ-001", "Licence renewal late", "A. Khan", "2025-12-01", "Open"],
    ]);
    const next = await buildRegisterFromFiles(xlsxFileHost, [december], {
      into: { name: "register.xlsx", bytes: first.bytes },
      generatedAt: GENERATED_AT,
    });
    expect(next.outcome.inputs[0].sheets).toEqual([{ sheet: "actions december", entity: "Issues", rows: 3 }]);
    expect(next.outcome.register).toMatchObject({ Issues: 3, Risks: 0 });
  });

  it("a sheet marked 'not a table' stays skipped next month; a later override still wins over the saved choice", async () => {
    const preview = reproposeSheet(await previewFiles(xlsxFileHost, [FILE]), [], { sheetKey: KEY, entity: null });
    const mappings = mappingsFromEdits(preview, {});
    expect(Object.values(mappings)).toEqual([{ [SAVED_ENTITY_KEY]: null }]);
    const first = await buildRegisterFromFiles(xlsxFileHost, [FILE], {
      entityOverrides: preview.entityOverrides,
      mappings,
      generatedAt: GENERATED_AT,
    });
    expect(first.outcome.register.Risks).toBe(0);

    const into = { name: "register.xlsx", bytes: first.bytes };
    const next = await buildRegisterFromFiles(xlsxFileHost, [csv("actions 2.csv", ACTIONS)], {
      into,
      generatedAt: GENERATED_AT,
    });
    expect(next.outcome.register).toMatchObject({ Risks: 0, Issues: 0 });
    const problems = next.outcome.inputs[0].problems.map((p) => p.message).join("\n");
    expect(problems).toMatch(/not register data in the saved mapping/);

    const overridden = await buildRegisterFromFiles(xlsxFileHost, [csv("actions 2.csv", ACTIONS)], {
      into,
      entityOverrides: { [entityOverrideKey("actions 2.csv", "actions 2")]: "Risks" },
      generatedAt: GENERATED_AT,
    });
    expect(overridden.outcome.register.Risks).toBe(2);
  });
});
