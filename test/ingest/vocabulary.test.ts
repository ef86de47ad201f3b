import { coerceEnum } from "../../src/ingest/coercion";
import { ingestGrids } from "../../src/ingest/ingest";
import type { CellValue, Grid } from "../../src/workbook/grid";

/**
 * The words real RAID templates use (issue 14, item 6): response types, statuses, priorities,
 * yes/no and dependency states reach their canonical values; the template headers map; a
 * "Mitigation Date" is not the Response; a word rating stays a Rating; Exposure = P × I.
 */

const grid = (sheet: string, values: CellValue[][]): Grid => ({
  file: "raid-template.xlsx",
  sheet,
  origin: { row: 1, col: 1 },
  values,
  kind: "worksheet",
});

const mapping = (res: ReturnType<typeof ingestGrids>, sheet: string) =>
  Object.fromEntries(res.sources.find((s) => s.sheet === sheet)!.columns.map((c) => [c.header, c.field]));

describe("enumeration synonyms", () => {
  it.each([
    ["Mitigate", "ResponseType", "Reduce"],
    ["Avoidance", "ResponseType", "Avoid"],
    ["Transfer", "ResponseType", "Transfer"],
    ["Accept", "ResponseType", "Accept"],
    ["Tolerate", "ResponseType", "Accept"],
    ["Treat", "ResponseType", "Reduce"],
    ["ESCALATED", "RiskStatus", "Escalated"],
    ["escalated", "IssueStatus", "Open"],
    ["P1", "Priority", "Very High"],
    ["URGENT", "Priority", "Very High"],
    ["Normal", "Priority", "Medium"],
    ["Y", "YesNo", "Yes"],
    ["n", "YesNo", "No"],
    ["OPEN", "DependencyStatus", "Open"],
    ["MET", "DependencyStatus", "Met"],
    ["AT RISK", "DependencyStatus", "At Risk"],
    ["Satisfied", "DependencyStatus", "Met"],
    ["Completed", "MilestoneStatus", "Achieved"],
    ["Delayed", "MilestoneStatus", "Late"],
    ["Achieved", "BenefitStatus", "Realised"],
  ] as const)("%s in %s → %s", (text, list, canonical) => {
    expect(coerceEnum(text, list)).toBe(canonical);
  });
});

describe("a RAID template's issue and risk sheets", () => {
  const issues = grid("Issue Log", [
    [
      "Issue ID",
      "Issue Description",
      "Assigned to Owner",
      "Date Identified",
      "Expected Resolution Date",
      "Escalation Required (Y/N)?",
      "Priority",
      "Status",
    ],
    ["I-1", "Vendor late", "Ann Lee", "2025-01-06", "2025-02-01", "Y", "P1", "OPEN"],
    ["I-2", "Budget cut", "Raj Patel", "2025-01-09", "2025-03-01", "N", "Medium", "ESCALATED"],
    ["I-3", "Scope creep", "Ann Lee", "2025-01-12", "2025-02-15", null, "LOW", "ESCALATED"],
  ]);
  const risks = grid("Risk Log", [
    ["Risk ID", "Risk Title", "Probability", "Impact", "Risk Rating", "Response Type", "Mitigation", "Mitigation Date"],
    ["R-1", "Supplier insolvency", 4, 5, "HIGH", "Mitigate", "Second supplier", "2025-03-01"],
    ["R-2", "Planning delay", 3, 2, "MEDIUM", "Avoidance", "Early engagement", "2025-04-01"],
    ["R-3", "Fx movement", 1, 3, "LOW", "Transfer", "Hedge", "2025-05-01"],
    ["R-4", "Weather", 2, 2, "low", "Accept", "Monitor", null],
  ]);
  const res = ingestGrids([issues, risks]);

  it("maps the template's issue headers", () => {
    expect(mapping(res, "Issue Log")).toEqual({
      "Issue ID": "IssueId",
      "Issue Description": "Title",
      "Assigned to Owner": "Owner",
      "Date Identified": "RaisedDate",
      "Expected Resolution Date": "TargetDate",
      "Escalation Required (Y/N)?": "Escalated",
      Priority: "Priority",
      Status: "Status",
    });
  });

  it("reads ESCALATED as an open, escalated issue, and Y/N and P1 as such", () => {
    const byId = Object.fromEntries(res.register.entities.Issues.map((r) => [r.id, r.values]));
    expect(byId["I-1"]).toMatchObject({ Status: "Open", Escalated: "Yes", Priority: "Very High" });
    expect(byId["I-2"]).toMatchObject({ Status: "Open", Escalated: "No", Priority: "Medium" });
    expect(byId["I-3"]).toMatchObject({ Status: "Open", Escalated: "Yes", Priority: "Low" });
    const escalation = res.register.entities.Issues.find((r) => r.id === "I-3")!.provenance.Escalated;
    expect(escalation).toMatchObject({ sheet: "Issue Log", cell: "H4", raw: "ESCALATED" });
    expect(res.problems.filter((p) => p.kind === "uncoercible")).toEqual([]);
  });

  it("keeps Mitigation Date off the Response and the word rating off Exposure", () => {
    expect(mapping(res, "Risk Log")).toEqual({
      "Risk ID": "RiskId",
      "Risk Title": "Title",
      Probability: "Probability",
      Impact: "Impact",
      "Risk Rating": "Rating",
      "Response Type": "ResponseType",
      Mitigation: "Response",
      "Mitigation Date": null,
    });
  });

  it("reads the response words and computes Exposure as Probability × Impact", () => {
    const rows = res.register.entities.Risks.map((r) => [
      r.id,
      r.values.ResponseType,
      r.values.Rating,
      r.values.Exposure,
    ]);
    expect(rows).toEqual([
      ["R-1", "Reduce", "High", 20],
      ["R-2", "Avoid", "Medium", 6],
      ["R-3", "Transfer", "Low", 3],
      ["R-4", "Accept", "Low", 4],
    ]);
    const r1 = res.register.entities.Risks[0];
    expect(r1.provenance.Exposure).toMatchObject({ cell: "C2", raw: "computed: Probability × Impact (4 × 5)" });
    expect(r1.extras["Mitigation Date"]).toBeDefined();
  });

  it("keeps a numeric risk rating as the Exposure", () => {
    const numeric = ingestGrids([
      grid("Risks", [
        ["Risk ID", "Title", "Probability", "Impact", "Risk Rating"],
        ["R-9", "Late", 3, 4, 12],
      ]),
    ]);
    expect(mapping(numeric, "Risks")["Risk Rating"]).toBe("Exposure");
    expect(numeric.register.entities.Risks[0].values.Exposure).toBe(12);
  });
});

describe("dependency states", () => {
  it("reads OPEN, MET and AT RISK", () => {
    const res = ingestGrids([
      grid("Dependencies", [
        ["Dependency ID", "Predecessor", "Successor", "Status"],
        ["D-1", "P-001", "P-002", "OPEN"],
        ["D-2", "P-002", "P-003", "MET"],
        ["D-3", "P-001", "P-003", "AT RISK"],
      ]),
    ]);
    expect(res.register.entities.Dependencies.map((d) => d.values.Status)).toEqual(["Open", "Met", "At Risk"]);
  });
});
