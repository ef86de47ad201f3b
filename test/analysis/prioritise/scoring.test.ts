import { scoreProjects } from "../../../src/analysis/prioritise/scoring";
import type { Criterion } from "../../../src/domain/settings";
import { project } from "./records";

// Worked by hand:
//   Strategic: StrategicAlignment, benefit, scale 1–5, weight 0.5
//   Cost:      Budget, cost, scale from the data (100–300), weight 0.3
//   Risk:      RiskScore, cost, scale 1–5, weight 0.2
// P1: SA 5, Budget 100, Risk 2 → n = 1, 1, 0.75   → 50 + 30 + 15 = 95
// P2: SA 3, Budget 300, Risk 1 → n = 0.5, 0, 1     → 25 +  0 + 20 = 45
// P3: SA 1, Budget 200, Risk 5 → n = 0, 0.5, 0     →  0 + 15 +  0 = 15
const criteria: Criterion[] = [
  { name: "Strategic", source: "StrategicAlignment", weight: 0.5, direction: "benefit", min: 1, max: 5 },
  { name: "Cost", source: "Budget", weight: 0.3, direction: "cost", min: null, max: null },
  { name: "Risk", source: "RiskScore", weight: 0.2, direction: "cost", min: 1, max: 5 },
];
const projects = [
  project("P3", { StrategicAlignment: 1, Budget: 200, RiskScore: 5 }),
  project("P1", { StrategicAlignment: 5, Budget: 100, RiskScore: 2 }),
  project("P2", { StrategicAlignment: 3, Budget: 300, RiskScore: 1 }),
];

describe("weighted scoring", () => {
  it("scores, breaks down and ranks the worked example", () => {
    const { ranking, problems, notes } = scoreProjects(projects, criteria);
    expect(problems).toEqual([]);
    expect(notes).toEqual([]);
    expect(ranking.map((r) => r.id)).toEqual(["P1", "P2", "P3"]);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranking[0].score).toBeCloseTo(95, 10);
    expect(ranking[1].score).toBeCloseTo(45, 10);
    expect(ranking[2].score).toBeCloseTo(15, 10);
    expect(ranking[0].breakdown.Strategic).toBeCloseTo(50, 10);
    expect(ranking[0].breakdown.Cost).toBeCloseTo(30, 10);
    expect(ranking[0].breakdown.Risk).toBeCloseTo(15, 10);
    expect(ranking[2].breakdown).toEqual({ Strategic: 0, Cost: expect.closeTo(15, 10), Risk: 0 });
    // Scores 50 points apart cannot swap under ±20 % weights.
    expect(ranking.map((r) => r.rankRange)).toEqual([
      [1, 1],
      [2, 2],
      [3, 3],
    ]);
  });

  it("normalises weights that do not sum to 1, with a note", () => {
    const scaled = criteria.map((c) => ({ ...c, weight: c.weight * 10 }));
    const { ranking, notes } = scoreProjects(projects, scaled);
    expect(ranking[0].score).toBeCloseTo(95, 10);
    expect(notes).toEqual(["Criterion weights summed to 10; each was divided by 10 so that they sum to 1."]);
  });

  it("clamps values outside a given scale to 0–1", () => {
    const { ranking } = scoreProjects(
      [project("A", { StrategicAlignment: 7 }), project("B", { StrategicAlignment: -1 })],
      [criteria[0]],
    );
    expect(ranking.map((r) => [r.id, r.score])).toEqual([
      ["A", 100],
      ["B", 0],
    ]);
  });

  it("reports a criterion whose column does not exist", () => {
    const { ranking, problems } = scoreProjects(projects, [
      ...criteria,
      { name: "Urgency", source: "Urgency Rating", weight: 0, direction: "benefit", min: null, max: null },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ kind: "missingColumn", criterion: "Urgency", column: "Urgency Rating" });
    expect(problems[0].message).toContain('"Urgency Rating"');
    expect(ranking[0].breakdown.Urgency).toBe(0);
  });

  it("reads an extra column (matched ignoring case), numeric text and percentages; names non-numeric values", () => {
    const records = [
      project("A", {}, { "Customer Impact": "80%" }),
      project("B", {}, { "Customer Impact": "high" }),
      project("C", {}, { "Customer Impact": 0.4 }),
      project("D", {}, { "Customer Impact": null }),
    ];
    const { ranking, problems } = scoreProjects(records, [
      { name: "Impact", source: "customer impact", weight: 1, direction: "benefit", min: null, max: null },
    ]);
    // Scale from the data: 0.4–0.8. A → 1, C → 0; B and D score 0 with a problem each.
    expect(ranking.map((r) => [r.id, r.score])).toEqual([
      ["A", 100],
      ["B", 0],
      ["C", 0],
      ["D", 0],
    ]);
    expect(problems.map((p) => [p.kind, p.projectId, p.column])).toEqual([
      ["nonNumeric", "B", "customer impact"],
      ["missingValue", "D", "customer impact"],
    ]);
    expect(problems[0].message).toBe(
      'Project B has "high" in "customer impact", which is not a number (criterion "Impact"); it scores 0 on that criterion.',
    );
  });

  it("breaks ties by id in code-point order (upper case before lower, a10 before a9)", () => {
    const ids = ["b", "a9", "B", "a10"];
    const { ranking } = scoreProjects(
      ids.map((id) => project(id, { StrategicAlignment: 3 })),
      [criteria[0]],
    );
    expect(ranking.map((r) => r.id)).toEqual(["B", "a10", "a9", "b"]);
    expect(ranking.map((r) => r.rank)).toEqual([1, 2, 3, 4]);
  });

  it("reports negative weights and falls back to equal weights when all are zero", () => {
    const zero = criteria.map((c) => ({ ...c, weight: 0 }));
    const out = scoreProjects(projects, zero);
    expect(out.problems.map((p) => p.kind)).toEqual(["badWeights"]);
    expect(out.ranking[0].score).toBeCloseTo((100 * (1 + 1 + 0.75)) / 3, 10);
    const negative = scoreProjects(projects, [{ ...criteria[0], weight: -1 }, criteria[1]]);
    expect(negative.problems[0]).toMatchObject({ kind: "badWeights", criterion: "Strategic" });
  });
});
