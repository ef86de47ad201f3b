import { buildRegisterFromFiles, buildRegisterInWorkbook, type InputFile } from "../../src/pipeline/steps/build";
import { chooseField, editsWithoutSheet, mappingsFromEdits } from "../../src/pipeline/mapping-edits";
import {
  previewEntityChange,
  previewFiles,
  previewMapping,
  reproposeSheet,
  type MappingPreview,
  type PreviewSource,
} from "../../src/pipeline/preview-mapping";
import { entityOverrideKey, SAVED_ENTITY_KEY } from "../../src/ingest/entity-choice";
import type { Grid } from "../../src/workbook/grid";
import type { ReadOptions, WorkbookPort } from "../../src/workbook/port";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { createExcelFake } from "../fakes/excel-fake";
import { xlsxFileHost } from "../../src/workbook/xlsx/file-host";

/**
 * The review's entity dropdown: a sheet the classifier proposes as Risks is changed to Issues, its
 * columns are proposed again for issues, the user's column edits for the old entity are dropped, and
 * what the build receives (entityOverrides + mappings) gives the register the review showed.
 */

const GENERATED_AT = "2026-11-01T00:00:00.000Z";
const ACTIONS_ROWS = [
  ["Ref", "Project", "Description", "Owner", "Date Raised", "Status"],
  ["A-1", "PRJ-001", "Supplier late with the API", "A. Khan", "2025-01-14", "Open"],
  ["A-2", "PRJ-002", "Second outage not agreed", "B. Osei", "2025-02-03", "Open"],
];
const TRACKER_ROWS = [
  ["Project Ref", "Project Name", "Start Date", "End Date"],
  ["PRJ-001", "Customer portal", "2025-01-06", "2025-09-30"],
];
const grid = (file: string, sheet: string, values: string[][]): Grid => ({
  file,
  sheet,
  origin: { row: 1, col: 1 },
  kind: "worksheet",
  values,
});
const ACTIONS = grid("book.xlsx", "Actions", ACTIONS_ROWS);
const TRACKER = grid("book.xlsx", "Tracker", TRACKER_ROWS);
const KEY = entityOverrideKey("book.xlsx", "Actions");

function sourceOf(preview: MappingPreview, sheet: string): PreviewSource {
  const s = preview.sources.find((x) => x.sheet === sheet);
  if (!s) throw new Error(`no source ${sheet}`);
  return s;
}
const fieldOf = (s: PreviewSource, header: string) => s.columns.find((c) => c.header === header)?.field;

describe("reproposeSheet: the entity of one sheet changes, its columns are proposed again", () => {
  const before = previewMapping([ACTIONS, TRACKER]);

  it("proposes the Actions sheet as Risks, with the sheet key the build's overrides use, and every entity as a choice", () => {
    const actions = sourceOf(before, "Actions");
    expect(actions).toMatchObject({ sheetKey: KEY, entity: "Risks", proposedEntity: "Risks", entityHow: "classified" });
    expect(fieldOf(actions, "Ref")).toBe("RiskId");
    expect(before.entityChoices.map((c) => c.name)).toEqual(
      expect.arrayContaining(["Projects", "Risks", "Issues", "Milestones", "Benefits"]),
    );
    expect(before.entityChoices).toHaveLength(11);
    expect(before.entityOverrides).toEqual({});
  });

  it("as Issues: the columns map to issue fields, the issue fields are offered, the other sheet is untouched", () => {
    const after = reproposeSheet(before, [ACTIONS, TRACKER], { sheetKey: KEY, entity: "Issues" });
    const actions = sourceOf(after, "Actions");
    expect(actions).toMatchObject({ entity: "Issues", proposedEntity: "Risks", entityHow: "chosen", confidence: 1 });
    expect(actions.columns.map((c) => [c.header, c.field])).toEqual([
      ["Ref", "IssueId"],
      ["Project", "ProjectId"],
      ["Description", "Title"],
      ["Owner", "Owner"],
      ["Date Raised", "RaisedDate"],
      ["Status", "Status"],
    ]);
    expect(actions.headerSignature).toBe(sourceOf(before, "Actions").headerSignature);
    expect(after.fields.Issues!.map((f) => f.name)).toContain("IssueId");
    expect(after.entityOverrides).toEqual({ [KEY]: "Issues" });
    expect(after.sources.map((s) => s.sheet)).toEqual(["Actions", "Tracker"]);
    expect(sourceOf(after, "Tracker")).toBe(sourceOf(before, "Tracker"));
    // Pure: the preview it started from is unchanged.
    expect(sourceOf(before, "Actions").entity).toBe("Risks");
  });

  it("choosing the proposed entity again goes back to the proposal: no override is kept", () => {
    const issues = reproposeSheet(before, [ACTIONS], { sheetKey: KEY, entity: "Issues" });
    const back = reproposeSheet(issues, [ACTIONS], { sheetKey: KEY, entity: "Risks" });
    expect(back.entityOverrides).toEqual({});
    expect(sourceOf(back, "Actions")).toEqual(sourceOf(before, "Actions"));
    expect(mappingsFromEdits(back, {})).toEqual({});
  });

  it("'Not a table / skip' needs no reading, keeps the layout's signature, and is saved as @entity null", () => {
    const skipped = reproposeSheet(before, [], { sheetKey: KEY, entity: null });
    const actions = sourceOf(skipped, "Actions");
    expect(actions).toMatchObject({ entity: null, entityHow: "chosen", rows: 0, columns: [] });
    expect(actions.skipped).toMatch(/Not a table/);
    expect(actions.headerSignature).toBe(sourceOf(before, "Actions").headerSignature);
    expect(mappingsFromEdits(skipped, {})).toEqual({ [actions.headerSignature!]: { [SAVED_ENTITY_KEY]: null } });
    // And back from "skip" to an entity reads the sheet again.
    expect(() => reproposeSheet(skipped, [], { sheetKey: KEY, entity: "Issues" })).toThrow(/No grid/);
    expect(sourceOf(reproposeSheet(skipped, [ACTIONS], { sheetKey: KEY, entity: "Issues" }), "Actions").entity).toBe(
      "Issues",
    );
  });

  it("a sheet already chosen when the preview was made still knows what the headers proposed", () => {
    const chosen = previewMapping([ACTIONS], { entityOverrides: { [KEY]: "Issues" } });
    expect(sourceOf(chosen, "Actions")).toMatchObject({
      entity: "Issues",
      proposedEntity: "Risks",
      entityHow: "chosen",
    });
    const back = reproposeSheet(chosen, [ACTIONS], { sheetKey: KEY, entity: "Risks" });
    expect(sourceOf(back, "Actions")).toMatchObject({ entity: "Risks", entityHow: "classified" });
  });
});

describe("two sheets of one layout", () => {
  const JAN = grid("book.xlsx", "Jan", ACTIONS_ROWS);
  const FEB = grid("book.xlsx", "Feb", ACTIONS_ROWS);
  const key = (sheet: string) => entityOverrideKey("book.xlsx", sheet);

  it("one changed: the build reads only that one as Issues, and no entity is saved for the layout", async () => {
    const preview = reproposeSheet(previewMapping([JAN, FEB]), [JAN], { sheetKey: key("Jan"), entity: "Issues" });
    expect(preview.sources.map((s) => [s.sheet, s.entity])).toEqual([
      ["Jan", "Issues"],
      ["Feb", "Risks"],
    ]);
    // Saving "@entity" would make the build read Feb as Issues too, unlike the review.
    expect(mappingsFromEdits(preview, {})).toEqual({});
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("Jan", ACTIONS_ROWS);
    fake.seedSheet("Feb", ACTIONS_ROWS);
    const port = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "book.xlsx" });
    const outcome = await buildRegisterInWorkbook(port, {
      entityOverrides: preview.entityOverrides,
      mappings: mappingsFromEdits(preview, {}),
      generatedAt: GENERATED_AT,
    });
    expect(outcome.inputs[0].sheets.map((s) => [s.sheet, s.entity])).toEqual([
      ["Jan", "Issues"],
      ["Feb", "Risks"],
    ]);
  });

  it("both changed alike: the entity is saved once for the layout", () => {
    const jan = reproposeSheet(previewMapping([JAN, FEB]), [JAN], { sheetKey: key("Jan"), entity: "Issues" });
    const both = reproposeSheet(jan, [FEB], { sheetKey: key("Feb"), entity: "Issues" });
    expect(Object.values(mappingsFromEdits(both, {}))).toEqual([{ [SAVED_ENTITY_KEY]: "Issues" }]);
    const mixed = reproposeSheet(jan, [], { sheetKey: key("Feb"), entity: null });
    expect(mappingsFromEdits(mixed, {})).toEqual({});
  });
});

describe("edits and the build after an entity change", () => {
  it("drops the old entity's column edits, keeps the new ones, saves @entity, and the register matches the review", async () => {
    const file: InputFile = {
      name: "actions.csv",
      bytes: new TextEncoder().encode(ACTIONS_ROWS.map((r) => r.join(",")).join("\r\n")),
    };
    const key = entityOverrideKey("actions.csv", "actions");
    const before = await previewFiles(xlsxFileHost, [file]);
    const risks = before.sources[0];
    const signature = risks.headerSignature!;
    // An edit made while it was still Risks, and an older saved mapping naming a risk field.
    let { edits } = chooseField(risks, (c) => c.field, {}, "Description", "Description");
    expect(edits[signature]).toEqual({ Description: "Description" });
    before.saved[signature] = { Ref: "RiskId", Project: "ProjectId" };

    const after = await previewEntityChange(
      before,
      { sheetKey: key, entity: "Issues" },
      { files: [file], host: xlsxFileHost },
    );
    edits = editsWithoutSheet(before, edits, key);
    expect(edits).toEqual({});
    const issues = after.sources[0];
    ({ edits } = chooseField(issues, (c) => c.field, edits, "Owner", null));
    const mappings = mappingsFromEdits(after, edits);
    // RiskId is not an issue field: that saved entry is dropped rather than turned into a note.
    expect(mappings).toEqual({ [signature]: { Project: "ProjectId", Owner: null, [SAVED_ENTITY_KEY]: "Issues" } });

    const { outcome } = await buildRegisterFromFiles(xlsxFileHost, [file], {
      entityOverrides: after.entityOverrides,
      mappings,
      generatedAt: GENERATED_AT,
    });
    expect(outcome.register).toMatchObject({ Issues: 2, Risks: 0 });
    const a1 = outcome.model.entities.Issues[0];
    expect(a1.values).toMatchObject({ IssueId: "A-1", Title: "Supplier late with the API" });
    expect(a1.values.Owner ?? null).toBeNull();
    // Kept as an extra column (named apart from the Owner field it now does not fill).
    expect(Object.values(a1.extras)).toEqual(["A. Khan"]);
    expect(outcome.inputs[0].problems.filter((p) => /not a free/.test(p.message))).toEqual([]);
  });

  it("inside Excel: only the changed sheet is read again from the workbook; a sheet that is gone says to review again", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("Actions", ACTIONS_ROWS);
    fake.seedSheet("Tracker", TRACKER_ROWS);
    const office = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "this workbook" });
    const reads: (ReadOptions | undefined)[] = [];
    const port: WorkbookPort = {
      label: office.label,
      read: (options) => {
        reads.push(options);
        return office.read(options);
      },
      write: (spec, options) => office.write(spec, options),
    };
    const key = entityOverrideKey("this workbook", "Actions");
    const before = previewMapping((await office.read()).grids);
    const after = await previewEntityChange(before, { sheetKey: key, entity: "Issues" }, { port });
    expect(reads.map((r) => r?.sheets)).toEqual([["Actions"]]);
    expect(sourceOf(after, "Actions").entity).toBe("Issues");

    await expect(previewEntityChange(before, { sheetKey: key, entity: "Issues" }, { files: [] })).rejects.toThrow(
      /no longer among the files/,
    );
    fake.model.sheets.splice(
      fake.model.sheets.findIndex((s) => s.name === "Actions"),
      1,
    );
    await expect(previewEntityChange(before, { sheetKey: key, entity: "Issues" }, { port })).rejects.toThrow(
      /could not be read again/,
    );
  });
});
