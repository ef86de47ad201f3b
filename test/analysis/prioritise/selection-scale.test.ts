import { selectPortfolio } from "../../../src/analysis/prioritise/selection";
import { generatedPortfolio } from "./generated-portfolio";

// 500 projects × 4 roles × 12 months + 40 dependencies (20 requires, 20 excludes), 10 committed,
// budget 40 % of total cost, supply 70 % of total demand each role-month: proven optimal.
describe("portfolio selection at scale", () => {
  it("proves the optimum for 100, 200 and 500 projects", async () => {
    const times: string[] = [];
    for (const n of [100, 200, 500]) {
      const input = generatedPortfolio(n, { committed: 10 });
      const t = performance.now();
      const r = await selectPortfolio(input, { frontier: false, hire: false });
      times.push(`${n}: ${((performance.now() - t) / 1000).toFixed(2)} s (${r.selected.length} selected)`);
      expect(r.status).toBe("optimal");
      expect(r.gap).toBeLessThanOrEqual(1e-9);
      expect(r.cost).toBeLessThanOrEqual(input.budget!);
    }
    process.stderr.write(`selection solve times: ${times.join(", ")}\n`);
  }, 120_000);
});
