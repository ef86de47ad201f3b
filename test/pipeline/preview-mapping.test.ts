import ExcelJS from "exceljs";
import { buildRegisterFromFiles, buildRegisterInWorkbook } from "../../src/pipeline/steps/build";
import { chooseField, mappingsFromEdits } from "../../src/pipeline/mapping-edits";
import { previewFiles, previewMapping, previewWorkbook, type MappingPreview } from "../../src/pipeline/preview-mapping";
import { loadSettings } from "../../src/pipeline/settings-io";
import type { Grid } from "../../src/workbook/grid";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { xlsxFileHost } from "../../src/workbook/xlsx/file-host";

/**
 * A tracker whose "End Date" is really the approved (baseline) finish: the header reads like a
 * forecast, so the automatic mapping sends it to ForecastFinish and the user corrects it.
 */
const HEADERS = ["Project Ref", "Project Name", "Owner", "Start Date", "End Date", "Status"];
const ROWS = [
  ["P-1", "Alpha", "A. Khan", "2025-01-06", "2025-06-30", "Active"],
  ["P-2", "Beta", "B. Osei", "2025-02-03", "2025-09-30", "Active"],
];
const CSV = [HEADERS, ...ROWS].map((r) => r.join(",")).join("\r\n");
const FILE = { name: "tracker.csv", bytes: new TextEncoder().encode(CSV) };
const GRID: Grid = {
  file: "tracker.csv",
  sheet: "tracker",
  origin: { row: 1, col: 1 },
  kind: "csv",
  values: [HEADERS, ...ROWS],
};
const GENERATED_AT = "2026-11-01T00:00:00.000Z";

function column(preview: MappingPreview, header: string) {
  const c = preview.sources[0].columns.find((col) => col.header === header);
  if (!c) throw new Error(`no column ${header}`);
  return c;
}

describe("previewMapping: the proposed mapping, editable before the register is written", () => {
  it("proposes the entity and each column's field with its confidence, and offers the entity's fields", () => {
    const preview = previewMapping([GRID]);
    expect(preview.sources).toHaveLength(1);
    expect(preview.sources[0]).toMatchObject({ file: "tracker.csv", entity: "Projects", rows: 2 });
    expect(preview.sources[0].headerSignature).toEqual(expect.any(String));
    expect(column(preview, "End Date")).toMatchObject({ field: "ForecastFinish", how: "alias", editable: true });
    expect(column(preview, "Owner")).toMatchObject({ field: null, confidence: 0, how: "unmapped" });
    const names = preview.fields.Projects!.map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(["ProjectId", "BaselineFinish", "ForecastFinish", "ProjectManager"]));
    expect(preview.fields.Projects!.find((f) => f.name === "ProjectId")!.required).toBe(true);
  });

  it("the user's override of a misleading header is what the built register uses", async () => {
    const preview = await previewFiles(xlsxFileHost, [FILE]);
    // The file reads to the same sheet signature as the grid above.
    expect(preview.sources[0].headerSignature).toBe(previewMapping([GRID]).sources[0].headerSignature);
    const source = preview.sources[0];
    const signature = source.headerSignature!;
    const current = (c: { field: string | null }) => c.field;
    let { edits } = chooseField(source, current, {}, "End Date", "BaselineFinish");
    ({ edits } = chooseField(source, current, edits, "Owner", "ProjectManager"));
    expect(edits).toEqual({ [signature]: { "End Date": "BaselineFinish", Owner: "ProjectManager" } });

    const mappings = mappingsFromEdits(preview, edits);
    const { outcome } = await buildRegisterFromFiles(xlsxFileHost, [FILE], { mappings, generatedAt: GENERATED_AT });
    const projects = outcome.model.entities.Projects;
    expect(projects.map((p) => p.id)).toEqual(["P-1", "P-2"]);
    expect(projects[0].values.BaselineFinish).toBe("2025-06-30");
    expect(projects[0].values.ForecastFinish ?? null).toBeNull();
    expect(projects[1].values.ProjectManager).toBe("B. Osei");

    // Without the edits the same file lands the date in ForecastFinish: the override made the difference.
    const plain = await buildRegisterFromFiles(xlsxFileHost, [FILE], { generatedAt: GENERATED_AT });
    expect(plain.outcome.model.entities.Projects[0].values.ForecastFinish).toBe("2025-06-30");
    expect(plain.outcome.model.entities.Projects[0].values.BaselineFinish ?? null).toBeNull();
  });

  it("a field moved to another column is taken from the column that had it, and keeps saved entries", () => {
    const preview = { ...previewMapping([GRID]), saved: {} as MappingPreview["saved"] };
    const source = preview.sources[0];
    const signature = source.headerSignature!;
    const { edits, cleared } = chooseField(source, (c) => c.field, {}, "Start Date", "ForecastFinish");
    expect(cleared).toEqual(["End Date"]);
    expect(edits[signature]).toEqual({ "Start Date": "ForecastFinish", "End Date": null });
    // Choosing a column's proposed field again removes its entry: only changed columns are sent.
    const back = chooseField(source, (c) => c.field, {}, "Status", "Status");
    expect(back.edits[signature]).toEqual({});
    expect(mappingsFromEdits(preview, back.edits)).toEqual({});
    preview.saved[signature] = { Owner: "Sponsor" };
    expect(mappingsFromEdits(preview, edits)[signature]).toEqual({
      Owner: "Sponsor",
      "Start Date": "ForecastFinish",
      "End Date": null,
    });
  });

  it("inside a workbook: previews its own sheets, writes with the override, and a second review skips the add-in's sheets", async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("Tracker");
    for (const row of [HEADERS, ...ROWS]) sheet.addRow(row);
    const port = await XlsxWorkbook.open(new Uint8Array(await book.xlsx.writeBuffer()), "tracker.xlsx");

    const preview = await previewWorkbook(port);
    expect(preview.sources.map((s) => [s.sheet, s.entity])).toEqual([["Tracker", "Projects"]]);
    const source = preview.sources[0];
    const { edits } = chooseField(source, (c) => c.field, {}, "End Date", "BaselineFinish");
    const outcome = await buildRegisterInWorkbook(port, {
      mappings: mappingsFromEdits(preview, edits),
      generatedAt: GENERATED_AT,
    });
    expect(outcome.model.entities.Projects[1].values.BaselineFinish).toBe("2025-09-30");
    expect(outcome.model.entities.Projects[1].values.ForecastFinish ?? null).toBeNull();

    // The register's own sheets (Projects, Mapping, PMO Settings…) are not sources to review.
    const again = await previewWorkbook(port);
    expect(again.sources.map((s) => s.sheet)).toEqual(["Tracker"]);
  });
});

describe("confirmed mappings are kept for next month", () => {
  it("saves the user's mapping on PMO Settings, and next month's import of the same layout reuses it", async () => {
    const signature = previewMapping([GRID]).sources[0].headerSignature!;
    const mappings = { [signature]: { "End Date": "BaselineFinish" } };
    const first = await buildRegisterFromFiles(xlsxFileHost, [FILE], { mappings, generatedAt: GENERATED_AT });
    const opened = await XlsxWorkbook.open(first.bytes, "register.xlsx");
    expect(loadSettings((await opened.read()).grids).settings.mappings).toMatchObject(mappings);
    // Next month: the same layout, imported into that register with no mapping given.
    const next = await buildRegisterFromFiles(xlsxFileHost, [FILE], {
      into: { name: "register.xlsx", bytes: first.bytes },
      generatedAt: GENERATED_AT,
    });
    const p1 = next.outcome.model.entities.Projects.find((p) => p.id === "P-1")!;
    expect(p1.values.BaselineFinish).toBe("2025-06-30");
    expect(p1.values.ForecastFinish ?? null).toBeNull();
  });
});
