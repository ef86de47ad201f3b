import { ENTITY_NAMES, SCHEMA } from "../../src/domain/schema";
import { ingestGrids } from "../../src/ingest/ingest";
import { sheet, utc } from "./grid-fixture";

/** Shaped after the PRINCE2 registers in the corpus (nchaulagai): a risk register on a sheet named "Issue Register". */
const RISK_REGISTER = sheet("Risk Register.xlsx", "Issue Register", [
  ["ID", "Title ", "Type", "Status", "Date Raised", "Raised by", "Owner", "Actionee", "Cause", "Event", "Effect", "Probability", "Impact\n(monetary)", "Proximity", "Response(s)"],
  [1, "Text recognition", "Quality", "Active", utc(2022, 11, 8), "A. Rafique", null, "M. Rana", "Plates hard to read", "Plate not clear", "Wrong match", "75% to 100%", 15000, "This month", "Use OCR"],
  [2, "Data security", "Legal", "Active", utc(2022, 11, 8), "M. Shah", "Nischal", null, "Logins stolen", "Hack", "Data lost", "50% to 75%", 20000, "Next 6 months", "Encrypt"],
  [3, null, null, null, null, null, null, null, null, null, null, null, null, null, null],
]); // prettier-ignore

const ISSUE_REGISTER = sheet("Issue Register.xlsx", "Issue Register", [
  ["ID", "Issue", "Type", "Status", "Priority", "Severity", "Date Raised", "Raised by", "Decision"],
  [
    1,
    "Budget was raised",
    "Request for Change",
    "Closed",
    "High",
    "Minor",
    utc(2022, 11, 4),
    "M. Shah",
    "Raised to 10000",
  ],
  [
    2,
    "Limited external help",
    "Problem/Concern",
    "Closed",
    "VERY HIGH",
    "Critical",
    utc(2022, 10, 15),
    "M. Rana",
    "More programmers",
  ],
]);

const DEFINITIONS = sheet("Risk Register.xlsx", "Definitions", [
  ["Type", "Probability Label", "Probability value for EV", "Proximity", "Status"],
  ["Schedule", "75% to 100%", 0.87, "This month", "Active"],
  ["Quality", "50% to 75%", 0.63, "Next 3 months", "Closed"],
  ["Legal", "25% to 50%", 0.38, "Next 6 months", null],
]);

describe("classifying tables by their headers", () => {
  it("reads a risk register on a sheet named 'Issue Register' as Risks", () => {
    const res = ingestGrids([RISK_REGISTER]);
    const src = res.sources[0];
    expect(src.entity).toBe("Risks");
    expect(src.confidence).toBeGreaterThan(0.6);
    const byHeader = Object.fromEntries(src.columns.map((c) => [c.header, c.field]));
    expect(byHeader).toMatchObject({
      ID: "RiskId",
      Title: "Title",
      Cause: "Cause",
      Effect: "Effect",
      Probability: "Probability",
      "Impact (monetary)": "ImpactValue",
      Proximity: "Proximity",
      "Response(s)": "Response",
      Actionee: "Actionee",
      Event: null,
    });
    const risks = res.register.entities.Risks;
    expect(risks.map((r) => [r.id, r.values.Probability, r.values.Status, r.values.ImpactValue])).toEqual([
      ["1", 5, "Open", 15000],
      ["2", 4, "Open", 20000],
    ]);
    expect(risks[0].extras.Event).toBe("Plate not clear");
    expect(res.problems.find((p) => p.kind === "skipped-row")?.message).toMatch(/1 row\(s\)/);
  });

  it("reads the issue register as Issues (type, priority, severity)", () => {
    const res = ingestGrids([ISSUE_REGISTER]);
    expect(res.sources[0].entity).toBe("Issues");
    expect(
      res.register.entities.Issues.map((i) => [i.values.Title, i.values.Type, i.values.Priority, i.values.Severity]),
    ).toEqual([
      ["Budget was raised", "Request for Change", "High", "Minor"],
      ["Limited external help", "Problem/Concern", "Very High", "Critical"],
    ]);
  });

  it("skips a lookup-list sheet with the reason", () => {
    const res = ingestGrids([DEFINITIONS]);
    expect(res.sources[0].entity).toBeNull();
    expect(res.sources[0].skipped).toMatch(/lookup list/);
  });

  it("follows an entity override, and skips a sheet overridden to null", () => {
    const res = ingestGrids([ISSUE_REGISTER, RISK_REGISTER], {
      entityOverrides: { "Issue Register.xlsx|Issue Register": null, "Risk Register.xlsx|Issue Register": "Issues" },
    });
    expect(res.sources.map((s) => s.entity)).toEqual([null, "Issues"]);
    expect(res.sources[0].skipped).toMatch(/override/);
    expect(res.sources[1].confidence).toBe(1);
  });
});

describe("key/value forms", () => {
  it("reads a project status form (labels down a column, values beside) as ONE project", () => {
    const grid = sheet("status.xlsx", "Status report", [
      ["Project Status Report"],
      [],
      ["Project Name:", "Apollo", null, null, null],
      ["Project ID", "P-001", null, null, null],
      ["Project Manager", "Jane Smith", null, "Sponsor", "Ann Lee"],
      ["Overall RAG", "amber", null, null, null],
      ["Budget (£k)", 1200, null, null, null],
      ["Status date", "31/03/2025", null, null, null],
      ["Key issues:", "Supplier late", null, null, null],
    ]);
    const res = ingestGrids([grid]);
    expect(res.sources[0]).toMatchObject({
      entity: "Projects",
      layout: "keyValue",
      rows: 1,
      headerRow: 3,
      firstCol: "A",
    });
    const [p] = res.register.entities.Projects;
    expect(p.id).toBe("P-001");
    expect(p.values).toMatchObject({
      Name: "Apollo",
      ProjectManager: "Jane Smith",
      Sponsor: "Ann Lee",
      RagOverall: "Amber",
      Budget: 1_200_000,
      StatusDate: "2025-03-31",
    });
    expect(p.extras["Key issues"]).toBe("Supplier late");
    expect(p.provenance.Sponsor.cell).toBe("E5");
    expect(p.provenance.Name.cell).toBe("B3");
  });
});

describe("months across columns", () => {
  it("unpivots a finance sheet (project × measure rows, Apr-25 … Jun-25 columns) into one line per project and month", () => {
    const grid = sheet("finance.xlsx", "Phasing", [
      ["Project", "Measure", "Apr-25", "May-25", "Jun-25"],
      ["P-001", "Budget", 100, 100, 100],
      ["P-001", "Actuals", 90, "110", null],
      ["P-002", "Budget", 50, 50, "£0.05m"],
    ]);
    const res = ingestGrids([grid]);
    expect(res.sources[0]).toMatchObject({ entity: "Financials", layout: "monthsAcross", rows: 6 });
    const lines = res.register.entities.Financials.map((f) => [
      f.values.ProjectId,
      f.values.Period,
      f.values.Budget,
      f.values.Actual ?? null,
    ]);
    expect(lines).toEqual([
      ["P-001", "2025-04-01", 100, 90],
      ["P-001", "2025-05-01", 100, 110],
      ["P-001", "2025-06-01", 100, null],
      ["P-002", "2025-04-01", 50, null],
      ["P-002", "2025-05-01", 50, null],
      ["P-002", "2025-06-01", 50_000, null],
    ]);
    const first = res.register.entities.Financials[0];
    expect(first.provenance.Actual.cell).toBe("C3");
    expect(first.provenance.Period.cell).toBe("C1");
    expect(first.derivedId).toBe(true);
  });

  it("takes the measure from the sheet name when no column names it", () => {
    const grid = sheet("finance.xlsx", "Actuals FY25", [
      ["Project ID", utc(2025, 4, 1), utc(2025, 5, 1), utc(2025, 6, 1)],
      ["P-001", 10, 20, 30],
    ]);
    const res = ingestGrids([grid]);
    expect(res.register.entities.Financials.map((f) => [f.values.Period, f.values.Actual])).toEqual([
      ["2025-04-01", 10],
      ["2025-05-01", 20],
      ["2025-06-01", 30],
    ]);
  });

  it("unpivots project/role × month FTE into one allocation per month (first to last day)", () => {
    const grid = sheet("resourcing.xlsx", "Resource plan", [
      ["Project", "Role", "Sep-18", "Oct-18", "Nov-18"],
      ["P-001", "Analyst", 0.5, 0.5, 0],
      ["P-002", "Developer", 1, null, 1],
    ]);
    const res = ingestGrids([grid]);
    expect(res.sources[0]).toMatchObject({ entity: "Allocations", layout: "monthsAcross", rows: 4 });
    expect(
      res.register.entities.Allocations.map((a) => [
        a.values.ProjectId,
        a.values.Role,
        a.values.Start,
        a.values.Finish,
        a.values.FTE,
      ]),
    ).toEqual([
      ["P-001", "Analyst", "2018-09-01", "2018-09-30", 0.5],
      ["P-001", "Analyst", "2018-10-01", "2018-10-31", 0.5],
      ["P-002", "Developer", "2018-09-01", "2018-09-30", 1],
      ["P-002", "Developer", "2018-11-01", "2018-11-30", 1],
    ]);
    const ids = res.register.entities.Allocations.map((a) => a.id);
    expect(new Set(ids).size).toBe(4);
    expect(res.derivedIds).toHaveLength(4);
  });

  it("reads a month grid overridden to another entity as a plain table, months kept as extras", () => {
    const grid = sheet("p.xlsx", "P", [
      ["Project", "Jan 2025", "Feb 2025", "Mar 2025"],
      ["Apollo", 1, 2, 3],
    ]);
    const res = ingestGrids([grid], { entityOverrides: { "p.xlsx|P": "Projects" } });
    expect(res.sources[0].layout).toBe("table");
    expect(res.register.entities.Projects[0].values.Name).toBe("Apollo");
    expect(res.register.entities.Projects[0].extras).toEqual({ "Jan 2025": 1, "Feb 2025": 2, "Mar 2025": 3 });
  });

  it("skips a month grid with no project column, saying why", () => {
    const res = ingestGrids([
      sheet("cap.xlsx", "Supply", [
        ["Team", "Jan 2025", "Feb 2025", "Mar 2025"],
        ["Alpha", 3, 3, 4],
      ]),
    ]);
    expect(res.sources[0].skipped).toMatch(/no project column/);
  });
});

describe("long-format allocations", () => {
  it("reads German time-sheet rows (Mitarbeiter, Projekt, Datum, Stunden) as one-day allocations in hours", () => {
    const grid = sheet("zeiten.xlsx", "Zeiterfassung", [
      ["Mitarbeiter", "Projekt", "Datum", "Stunden"],
      ["Anna Schmidt", "P-001", "03.02.2025", "7,5"],
      ["Anna Schmidt", "P-002", "04.02.2025", 4],
      ["Jonas Weber", "P-001", "13.02.2025", 8],
    ]);
    const res = ingestGrids([grid]);
    expect(res.sources[0].entity).toBe("Allocations");
    expect(
      res.register.entities.Allocations.map((a) => [
        a.values.ResourceName,
        a.values.ProjectId,
        a.values.Start,
        a.values.Finish,
        a.values.Hours,
      ]),
    ).toEqual([
      ["Anna Schmidt", "P-001", "2025-02-03", "2025-02-03", 7.5],
      ["Anna Schmidt", "P-002", "2025-02-04", "2025-02-04", 4],
      ["Jonas Weber", "P-001", "2025-02-13", "2025-02-13", 8],
    ]);
  });
});

describe("the register's own sheets", () => {
  it("reads every canonical entity sheet (headers = field names, e.g. ProjectId) back as itself, field for field", () => {
    for (const entity of ENTITY_NAMES) {
      const headers = SCHEMA[entity].fields.map((f) => f.name);
      const row = headers.map((h, i) => (h.endsWith("Id") ? "X-1" : i === 1 ? "something" : null));
      const res = ingestGrids([sheet("register.xlsx", SCHEMA[entity].sheet, [headers, row])]);
      expect([entity, res.sources[0].entity]).toEqual([entity, entity]);
      expect(res.sources[0].columns.map((c) => c.field)).toEqual(headers);
    }
  });
});
