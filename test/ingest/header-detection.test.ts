import { detectRegions } from "../../src/ingest/header-detection";
import { ingestGrids } from "../../src/ingest/ingest";
import { offset, sheet, utc } from "./grid-fixture";

const TRACKER = offset(
  [
    ["Portfolio Tracker – FY2025"],
    [],
    ["Document control"],
    ["Version", "1.3"],
    ["Prepared by", "PMO"],
    ["Issued", utc(2025, 3, 1)],
    [],
    [],
    [],
    [],
    ["ID", "Project Name", "Sponsor", "Start", "End", "Budget (£k)", "RAG"],
    ["P-001", "Apollo", "A. Khan", "05/02/25", "13/11/25", 1200, "Amber "],
    ["P-002", "Borealis", "B. Ng", utc(2025, 4, 1), 46022, "950.5", "G"],
    [],
    ["P-003", "Cygnus", "C. Ode", "2025-06-01", "2026-03-31", "£1.1m", "R"],
    ["P-004", "Draco", "D. Obi", "1 Jul 2025", "Dec-26", "(120)", "red"],
    ["Total", null, null, null, null, 3270.5, null],
  ],
  0,
  1,
);

describe("header detection", () => {
  it("finds the header at row 11 in column B under a title and a document-control block, and stops at the totals row", () => {
    const grid = sheet("tracker.xlsx", "Tracker", TRACKER);
    const { regions } = detectRegions(grid);
    expect(regions).toHaveLength(1);
    const [t] = regions;
    expect(grid.origin.row + t.headerRow).toBe(11);
    expect(t.columns[0].cell).toBe("B11");
    expect(t.columns.map((c) => c.header)).toEqual([
      "ID",
      "Project Name",
      "Sponsor",
      "Start",
      "End",
      "Budget (£k)",
      "RAG",
    ]);
    expect(t.dataRows.map((r) => r + 1)).toEqual([12, 13, 15, 16]);
    expect(t.ended).toMatch(/totals row at B17/);
  });

  it("reads the table end to end: values coerced, £k header scaled, provenance at the right cells", () => {
    const res = ingestGrids([sheet("tracker.xlsx", "Tracker", TRACKER)]);
    const src = res.sources[0];
    expect(src).toMatchObject({ entity: "Projects", headerRow: 11, firstCol: "B", rows: 4, layout: "table" });
    const projects = res.register.entities.Projects;
    expect(projects.map((p) => p.values.Budget)).toEqual([1_200_000, 950_500, 1_100_000, -120_000]);
    expect(projects.map((p) => p.values.RagOverall)).toEqual(["Amber", "Green", "Red", "Red"]);
    expect(projects.map((p) => p.values.ForecastStart)).toEqual([
      "2025-02-05",
      "2025-04-01",
      "2025-06-01",
      "2025-07-01",
    ]);
    expect(projects.map((p) => p.values.ForecastFinish)).toEqual([
      "2025-11-13",
      "2025-12-31",
      "2026-03-31",
      "2026-12-01",
    ]);
    expect(projects[0].provenance.Budget).toEqual({ file: "tracker.xlsx", sheet: "Tracker", cell: "G12", raw: 1200 });
    expect(projects[2].provenance.Name).toEqual({ file: "tracker.xlsx", sheet: "Tracker", cell: "C15", raw: "Cygnus" });
    expect(res.problems.filter((p) => p.severity !== "info")).toEqual([]);
  });

  it("is not misled by a document-control block of label: value pairs above the table", () => {
    const grid = sheet("reg.xlsx", "Risks", [
      ["Risk register"],
      ["Project:", "Apollo", "Owner:", "Jane Smith", "Status:", "Draft"],
      ["Version:", "1.2", "Date:", "01/02/2025", "Approved:", "No"],
      [],
      ["Risk ID", "Risk Description", "Likelihood", "Impact", "Owner", "Status"],
      ["R-1", "Supplier late", "High", "Medium", "Ann", "Open"],
      ["R-2", "Funding gap", "Low", "High", "Bo", "Open"],
    ]);
    const res = ingestGrids([grid]);
    expect(res.sources.map((s) => [s.entity, s.headerRow, s.rows])).toEqual([["Risks", 5, 2]]);
  });

  it("combines a two-row merged header (group label + child label)", () => {
    const grid = sheet(
      "plan.xlsx",
      "Plan",
      [
        ["ID", "Project", "Baseline", null, "Forecast", null, "Budget"],
        [null, null, "Start", "Finish", "Start", "Finish", null],
        ["P-1", "Apollo", "01/01/2025", "30/06/2025", "01/02/2025", "31/07/2025", 100],
        ["P-2", "Borealis", "01/03/2025", "30/09/2025", "01/03/2025", "31/12/2025", 200],
      ],
      {
        merges: [
          { top: 0, left: 0, bottom: 1, right: 0 },
          { top: 0, left: 1, bottom: 1, right: 1 },
          { top: 0, left: 2, bottom: 0, right: 3 },
          { top: 0, left: 4, bottom: 0, right: 5 },
          { top: 0, left: 6, bottom: 1, right: 6 },
        ],
      },
    );
    const [t] = detectRegions(grid).regions;
    expect(t.headerRows).toBe(2);
    expect(t.columns.map((c) => c.header)).toEqual([
      "ID",
      "Project",
      "Baseline Start",
      "Baseline Finish",
      "Forecast Start",
      "Forecast Finish",
      "Budget",
    ]);
    const res = ingestGrids([grid]);
    expect(res.sources[0].columns.map((c) => c.field)).toEqual([
      "ProjectId",
      "Name",
      "BaselineStart",
      "BaselineFinish",
      "ForecastStart",
      "ForecastFinish",
      "Budget",
    ]);
    expect(res.register.entities.Projects[1].values.BaselineFinish).toBe("2025-09-30");
  });

  it("recognises a two-row header without merges when group labels sit over several child labels", () => {
    const grid = sheet("plan.csv", "plan", [
      ["Project", "Baseline", "", "Forecast", ""],
      ["", "Start", "End", "Start", "End"],
      ["Apollo", "2025-01-01", "2025-06-30", "2025-02-01", "2025-07-31"],
    ]);
    const [t] = detectRegions(grid).regions;
    expect(t.columns.map((c) => c.header)).toEqual([
      "Project",
      "Baseline Start",
      "Baseline End",
      "Forecast Start",
      "Forecast End",
    ]);
  });

  it("does not take a title above the table for a group label", () => {
    const grid = sheet("r.xlsx", "R", [
      ["Risk register"],
      ["Risk ID", "Title", "Probability", "Impact"],
      ["R1", "Supplier late", 4, 3],
    ]);
    const [t] = detectRegions(grid).regions;
    expect(t.headerRows).toBe(1);
    expect(t.columns.map((c) => c.header)).toEqual(["Risk ID", "Title", "Probability", "Impact"]);
  });

  it("uses Excel Tables when the sheet has them", () => {
    const grid = sheet(
      "book.xlsx",
      "Data",
      [
        ["Notes: figures in £", null, null, null],
        [null, null, null, null],
        [null, "Risk ID", "Title", "Owner"],
        [null, "R1", "Supplier late", "Ann"],
        [null, "R2", "Funding gap", "Bo"],
      ],
      { tables: [{ name: "tblRisks", range: { top: 2, left: 1, bottom: 4, right: 3 } }] },
    );
    const { regions } = detectRegions(grid);
    expect(regions).toHaveLength(1);
    expect(regions[0]).toMatchObject({ tableName: "tblRisks", headerRow: 2, dataRows: [3, 4] });
    const res = ingestGrids([grid]);
    expect(res.sources[0]).toMatchObject({ table: "tblRisks", entity: "Risks", headerRow: 3, firstCol: "B", rows: 2 });
  });

  it("finds a second table below the first after blank rows", () => {
    const grid = sheet("two.xlsx", "Two", [
      ["Project ID", "Project Name", "Budget"],
      ["P-1", "Apollo", 100],
      [],
      [],
      ["Milestone ID", "Project ID", "Milestone", "Forecast Date"],
      ["M-1", "P-1", "Gate 2", "2025-05-01"],
    ]);
    const res = ingestGrids([grid]);
    expect(res.sources.map((s) => [s.entity, s.headerRow, s.rows])).toEqual([
      ["Projects", 1, 1],
      ["Milestones", 5, 1],
    ]);
  });

  it("reads serials in date-formatted cells (as the Office adapter hands them over) as dates, in fields and extras", () => {
    const grid = sheet(
      "book.xlsx",
      "P",
      [
        ["Project Name", "End date", "Approved on", "Budget"],
        ["Apollo", 45693, 45658, 45000],
      ],
      {
        numberFormats: [
          [null, null, null, null],
          [null, "dd/mm/yyyy", "d-mmm-yy", '"£"#,##0'],
        ],
      },
    );
    const [p] = ingestGrids([grid]).register.entities.Projects;
    expect(p.values).toMatchObject({ ForecastFinish: "2025-02-05", Budget: 45000 });
    expect(p.extras["Approved on"]).toBe("2025-01-01");
    expect(p.provenance.ForecastFinish.raw).toBe("2025-02-05");
  });

  it("says why a sheet with no header row is skipped", () => {
    const res = ingestGrids([
      sheet("x.xlsx", "Chart data", [
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ]);
    expect(res.sources[0].skipped).toMatch(/no header row/);
    expect(res.problems[0]).toMatchObject({ kind: "skipped-sheet", severity: "info" });
    expect(res.problems[0].message).toMatch(/x\.xlsx, sheet "Chart data"/);
  });
});
