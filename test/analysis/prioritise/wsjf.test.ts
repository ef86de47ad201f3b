import { wsjf } from "../../../src/analysis/prioritise/wsjf";
import { project } from "./records";

describe("WSJF", () => {
  it("computes (BV + TC + RR) / JobSize and ranks by it", () => {
    // A: (8 + 5 + 3) / 2 = 8; B: (20 + 13 + 8) / 13 = 41/13 ≈ 3.154; C: (1 + 1 + 1) / 1 = 3.
    const { ranking, problems } = wsjf([
      project("C", { BusinessValue: 1, TimeCriticality: 1, RiskReduction: 1, JobSize: 1 }),
      project("B", { BusinessValue: 20, TimeCriticality: 13, RiskReduction: 8, JobSize: 13 }),
      project("A", { BusinessValue: 8, TimeCriticality: 5, RiskReduction: 3, JobSize: 2 }),
    ]);
    expect(problems).toEqual([]);
    expect(ranking.map((r) => r.id)).toEqual(["A", "B", "C"]);
    expect(ranking[0].score).toBe(8);
    expect(ranking[1].score).toBeCloseTo(41 / 13, 12);
    expect(ranking[0].breakdown).toEqual({ "Business value": 4, "Time criticality": 2.5, "Risk reduction": 1.5 });
    expect(ranking[0].rankRange).toEqual([1, 1]);
  });

  it("flags values off the 1, 2, 3, 5, 8, 13, 20 scale and unusable job sizes", () => {
    const { ranking, problems } = wsjf([
      project("A", { BusinessValue: 4, TimeCriticality: 5, RiskReduction: 3, JobSize: 3 }),
      project("B", { BusinessValue: 5, TimeCriticality: 5, RiskReduction: 3, JobSize: null }),
      project("C", { BusinessValue: 5, TimeCriticality: 5, RiskReduction: 3, JobSize: 0 }),
    ]);
    expect(problems.map((p) => [p.kind, p.projectId, p.column])).toEqual([
      ["offScale", "A", "BusinessValue"],
      ["missingValue", "B", "JobSize"],
      ["offScale", "C", "JobSize"],
      ["offScale", "C", "JobSize"],
    ]);
    expect(ranking.map((r) => [r.id, r.score])).toEqual([
      ["A", 4],
      ["B", 0],
      ["C", 0],
    ]);
  });
});
