import { rankStability } from "../../../src/analysis/prioritise/rank-stability";
import { scoreProjects } from "../../../src/analysis/prioritise/scoring";
import type { Criterion } from "../../../src/domain/settings";
import { seededRng } from "../../../src/domain/random";
import { project } from "./records";

const criteria: Criterion[] = [
  { name: "Strategy", source: "StrategicAlignment", weight: 0.4, direction: "benefit", min: 1, max: 5 },
  { name: "Value", source: "FinancialValue", weight: 0.35, direction: "benefit", min: null, max: null },
  { name: "Risk", source: "RiskScore", weight: 0.25, direction: "cost", min: 1, max: 5 },
];

function portfolio(n: number, seed = 3) {
  const rng = seededRng(seed);
  return Array.from({ length: n }, (_, i) =>
    project(`P-${String(i + 1).padStart(4, "0")}`, {
      StrategicAlignment: 1 + Math.floor(rng() * 5),
      FinancialValue: Math.round(rng() * 1_000_000),
      RiskScore: 1 + Math.floor(rng() * 5),
    }),
  );
}

describe("rank stability", () => {
  it("lets two projects that tie on equal weights swap, and keeps clear leaders fixed", () => {
    // A is best on criterion 1, B on criterion 2, with equal weights: a tie broken by id (A first).
    // Perturbing the weights makes either win about half the time: both ranges are [1, 2].
    const n = [
      [1, 0],
      [0, 1],
      [0.2, 0.2],
    ];
    expect(rankStability(n, [0.5, 0.5], ["A", "B", "C"])).toEqual([
      [1, 2],
      [1, 2],
      [3, 3],
    ]);
  });

  it("is deterministic (seed 1 by default) and contains each project's own rank", () => {
    const projects = portfolio(60);
    const a = scoreProjects(projects, criteria);
    const b = scoreProjects(projects.slice().reverse(), criteria);
    expect(b.ranking).toEqual(a.ranking);
    for (const r of a.ranking) {
      expect(r.rankRange[0]).toBeLessThanOrEqual(r.rank);
      expect(r.rankRange[1]).toBeGreaterThanOrEqual(r.rank);
    }
    // Some ranks among 60 projects on three criteria must move under ±20 % weights.
    expect(a.ranking.some((r) => r.rankRange[1] > r.rankRange[0])).toBe(true);
    const other = scoreProjects(projects, criteria, { stability: { seed: 2 } });
    expect(other.ranking.map((r) => r.rank)).toEqual(a.ranking.map((r) => r.rank));
  });

  it("ranks 60 projects instantly and 2,000 projects in about a second", () => {
    let t = performance.now();
    scoreProjects(portfolio(60), criteria);
    const small = performance.now() - t;
    const big = portfolio(2000);
    t = performance.now();
    const { ranking } = scoreProjects(big, criteria);
    const large = performance.now() - t;
    expect(ranking).toHaveLength(2000);
    process.stderr.write(`rank stability: 60 projects ${small.toFixed(0)} ms, 2,000 projects ${large.toFixed(0)} ms\n`);
    expect(small).toBeLessThan(200);
    expect(large).toBeLessThan(1500);
  });
});
