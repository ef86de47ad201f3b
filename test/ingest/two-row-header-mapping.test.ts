import type { CellValue, CellRange } from "../../src/workbook/grid";
import { mapHeaders } from "../../src/ingest/header-mapping";
import { ingestGrids } from "../../src/ingest/ingest";
import { sheet } from "./grid-fixture";

/**
 * Two-row headers: a merged group label ("Response") above child labels ("Actionee", "Mitigation").
 * The group label is prefixed onto each child for display and saved mappings, but a child that is
 * an alias on its own must still map (PRINCE2 RAID logs are laid out this way).
 */

const settings = { dateOrder: "dmy" as const, moneyUnit: 1, date1904: false };

/** A risk log with merged group labels in row 2 over the header row 3, under a title in row 1. */
function riskLog(groups: [string, string[]][], rows: CellValue[][]): ReturnType<typeof sheet> {
  const groupRow: CellValue[] = [];
  const childRow: CellValue[] = [];
  const merges: CellRange[] = [];
  for (const [label, children] of groups) {
    const left = childRow.length;
    children.forEach((child, i) => {
      groupRow.push(i === 0 ? label : null);
      childRow.push(child);
    });
    merges.push({ top: 1, left, bottom: 1, right: left + children.length - 1 });
  }
  return sheet("RAID Log.xlsx", "Issue Register", [["RISK REGISTER"], groupRow, childRow, ...rows], { merges });
}

const GROUPS: [string, string[]][] = [
  ["Identification", ["Risk ID", "Risk Title", "Category"]],
  ["Analysis", ["Likelihood", "Impact"]],
  // Actionee before Mitigation: with the group label prefixed, the earlier column used to take Response.
  ["Response", ["Actionee", "Category", "Mitigation", "Risk Owner"]],
  ["Tracking", ["Risk Status", "Next Review"]],
];

const OWNERS = ["Ann Patel", "Bo Chen", "Cy Okafor"];
const RESPONSES = ["Reduce", "Avoid", "Transfer", "Accept"];
/** Six risks generated from their number, so every value is predictable. */
const ROWS: CellValue[][] = Array.from({ length: 6 }, (_, i) => [
  `RSK-${String(i + 1).padStart(3, "0")}`,
  `Risk number ${i + 1}`,
  i % 2 ? "Technical" : "Supplier",
  (i % 5) + 1,
  ((i + 2) % 5) + 1,
  `Actionee ${i + 1}`,
  RESPONSES[i % 4],
  `Mitigation plan ${i + 1}: weekly review.`,
  OWNERS[i % 3],
  "Open",
  `0${(i % 9) + 1}/12/2026`,
]);

describe("two-row merged headers", () => {
  const grid = riskLog(GROUPS, ROWS);
  const res = ingestGrids([grid]);

  it("keeps the group label in the header the user sees", () => {
    expect(res.sources[0].headerRow).toBe(3);
    expect(res.sources[0].columns.map((c) => c.header).slice(5, 9)).toEqual([
      "Response Actionee",
      "Response Category",
      "Response Mitigation",
      "Response Risk Owner",
    ]);
  });

  it("maps each child by its own label when the combined label is no alias, and the combined one when it is", () => {
    expect(res.sources[0].entity).toBe("Risks");
    expect(res.sources[0].columns.map((c) => c.field)).toEqual([
      "RiskId",
      "Title",
      "Category",
      "Probability",
      "Impact",
      "Actionee",
      // "Response Category" is itself an alias of ResponseType, so the group label decides.
      "ResponseType",
      "Response",
      "Owner",
      "Status",
      "ReviewDate",
    ]);
    const mitigation = res.sources[0].columns[7];
    expect(mitigation.note).toMatch(/own label "Mitigation"/);
    expect(res.sources[0].columns[6].note).toBeUndefined();
  });

  it("reads the values into the right fields", () => {
    const risks = res.register.entities.Risks;
    expect(risks).toHaveLength(6);
    expect(risks[2].values).toMatchObject({
      RiskId: "RSK-003",
      Category: "Supplier",
      Actionee: "Actionee 3",
      ResponseType: "Transfer",
      Response: "Mitigation plan 3: weekly review.",
      Owner: "Cy Okafor",
      ReviewDate: "2026-12-03",
    });
    expect(risks[2].provenance.Response).toMatchObject({ cell: "H6" });
  });

  it("still maps a combined label that names a field (Baseline + Start) over the child alone", () => {
    const plan = sheet(
      "plan.xlsx",
      "Plan",
      [
        ["Project ID", "Project", "Baseline", null, "Forecast", null],
        [null, null, "Start", "Finish", "Start", "Finish"],
        ["P-1", "Apollo", "01/01/2025", "30/06/2025", "01/02/2025", "31/07/2025"],
      ],
      {
        merges: [
          { top: 0, left: 2, bottom: 0, right: 3 },
          { top: 0, left: 4, bottom: 0, right: 5 },
        ],
      },
    );
    const r = ingestGrids([plan]);
    expect(r.sources[0].columns.map((c) => c.field)).toEqual([
      "ProjectId",
      "Name",
      "BaselineStart",
      "BaselineFinish",
      "ForecastStart",
      "ForecastFinish",
    ]);
  });
});

describe("mapHeaders with child labels", () => {
  const cols = [
    { header: "Response Actionee", child: "Actionee", index: 0, sample: ["Ann", "Bo"] },
    { header: "Response Mitigation", child: "Mitigation", index: 1, sample: ["Weekly review.", "Hedge."] },
  ];

  it("scores the child alone as well as the combined label and keeps the better match", () => {
    const r = mapHeaders("Risks", cols, settings);
    expect(r.columns.map((c) => [c.field, c.how])).toEqual([
      ["Actionee", "alias"],
      ["Response", "alias"],
    ]);
    // A child alias scores a little below the same alias without a group label (0.97 × 0.96).
    expect(r.columns[1].confidence).toBeCloseTo(0.931, 3);
  });

  it("never gives one field two columns", () => {
    const r = mapHeaders(
      "Risks",
      [...cols, { header: "Contingency Mitigation", child: "Mitigation", index: 2, sample: ["Reroute."] }],
      settings,
    );
    // Equal matches: the earlier column takes the field, the later one stays an extra column.
    expect(r.columns.map((c) => c.field)).toEqual(["Actionee", "Response", null]);
  });
});
