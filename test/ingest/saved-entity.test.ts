import { ingestGrids } from "../../src/ingest/ingest";
import { entityOverrideKey, SAVED_ENTITY_KEY } from "../../src/ingest/entity-choice";
import { headerSignature } from "../../src/ingest/header-text";
import type { Grid } from "../../src/workbook/grid";

/**
 * An entity confirmed with a layout's saved mapping ("@entity" beside the column choices): the
 * classifier would call these headers Risks, the saved mapping says Issues (or not a table).
 */
const HEADERS = ["Ref", "Project", "Description", "Owner", "Date Raised", "Status"];
const GRID: Grid = {
  file: "actions.xlsx",
  sheet: "Actions",
  origin: { row: 1, col: 1 },
  kind: "worksheet",
  values: [HEADERS, ["A-1", "PRJ-001", "Supplier late with the API", "A. Khan", "2025-01-14", "Open"]],
};
const SIGNATURE = headerSignature(HEADERS);

describe("ingest: an entity saved with the layout's mapping", () => {
  it("without one, the headers decide (Risks)", () => {
    expect(ingestGrids([GRID]).sources[0].entity).toBe("Risks");
  });

  it("reads the table as the saved entity, with the saved column choices too", () => {
    const res = ingestGrids([GRID], { savedMappings: { [SIGNATURE]: { [SAVED_ENTITY_KEY]: "Issues", Owner: null } } });
    expect(res.sources[0]).toMatchObject({ entity: "Issues", confidence: 1, rows: 1 });
    expect(res.register.entities.Issues[0].values.IssueId).toBe("A-1");
    expect(res.sources[0].columns.find((c) => c.header === "Owner")).toMatchObject({ field: null, how: "saved" });
  });

  it("skips a table saved as not register data, keeping its signature, and says why", () => {
    const res = ingestGrids([GRID], { savedMappings: { [SIGNATURE]: { [SAVED_ENTITY_KEY]: null } } });
    expect(res.sources[0]).toMatchObject({ entity: null, headerSignature: SIGNATURE, rows: 0 });
    expect(res.sources[0].skipped).toMatch(/saved mapping/);
    expect(res.problems.some((p) => p.kind === "skipped-sheet" && /PMO Settings/.test(p.message))).toBe(true);
  });

  it("an override for this import wins over the saved entity; an unknown saved entity is ignored", () => {
    const saved = { [SIGNATURE]: { [SAVED_ENTITY_KEY]: null } };
    const key = entityOverrideKey(GRID.file, GRID.sheet);
    expect(ingestGrids([GRID], { savedMappings: saved, entityOverrides: { [key]: "Issues" } }).sources[0].entity).toBe(
      "Issues",
    );
    const unknown = { [SIGNATURE]: { [SAVED_ENTITY_KEY]: "Widgets" } };
    expect(ingestGrids([GRID], { savedMappings: unknown }).sources[0].entity).toBe("Risks");
  });
});
