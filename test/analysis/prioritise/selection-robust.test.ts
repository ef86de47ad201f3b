import {
  PortfolioSolver,
  SolverFailure,
  powerOfTenScale,
  scaledBound,
} from "../../../src/analysis/prioritise/highs-solver";
import { selectPortfolio } from "../../../src/analysis/prioritise/selection";
import { buildSelectionModel, longestRequiresChain } from "../../../src/analysis/prioritise/selection-model";
import type { SelectionInput } from "../../../src/analysis/prioritise/selection-types";
import { selectionSheet } from "../../../src/report/prioritisation-sheets";

/**
 * One bad part never sinks the selection (issue 15, item 5): money far past what HiGHS accepts
 * raw, budgets of 1e15, 1e308 and Infinity, a 3,000-link Requires chain, and a solver that fails
 * outright. Each has a worked answer.
 */
const fast = { frontier: false, hire: false } as const;

describe("selection with extreme numbers and long chains", () => {
  it("scales rows and the objective by powers of ten only past 1e9, and drops bounds HiGHS would call infinite", () => {
    expect(powerOfTenScale([1000, 2_500_000, 999_000_000])).toBe(1);
    expect(powerOfTenScale([4e15, 3e15])).toBe(1e10);
    expect(powerOfTenScale([1e308])).toBe(1e302);
    expect(scaledBound(5e15, 1e10)).toBe(5e5);
    expect(scaledBound(1e308, 1)).toBe(Infinity);
    expect(scaledBound(Infinity, 1e10)).toBe(Infinity);
    expect(scaledBound(NaN, 1)).toBe(Infinity);
  });

  it("costs of 1e15 (HiGHS's large_matrix_value) and a budget of 5e15: the proven best pair, in the register's units", async () => {
    const input: SelectionInput = {
      projects: [
        { id: "A", value: 5, cost: 4e15 },
        { id: "B", value: 4, cost: 3e15 },
        { id: "C", value: 3, cost: 2e15 },
      ],
      budget: 5e15,
    };
    const r = await selectPortfolio(input, { frontierLevels: [0.5, 1] });
    expect(r.unavailable).toBeUndefined();
    expect(r.status).toBe("optimal");
    expect(r.selected).toEqual(["B", "C"]);
    expect(r.objective).toBe(7);
    expect(r.cost).toBe(5e15);
    expect(r.budget).toBe(5e15);
    expect(r.notes).toContain(
      "Large amounts were divided by a power of ten for the solver (budget); results are in the register's units.",
    );
    // The frontier re-solves at 50 % and 100 % of the eligible cost (9e15) and at the budget itself.
    expect(r.frontier.map((f) => [f.budget, f.objective])).toEqual([
      [4.5e15, 5],
      [5e15, 7],
      [9e15, 12],
    ]);
  });

  it.each([1e15, 1e308, Infinity])("a budget of %p with ordinary costs selects every project", async (budget) => {
    const r = await selectPortfolio(
      { projects: ["P1", "P2", "P3"].map((id, i) => ({ id, value: i + 1, cost: 1000 * (i + 1) })), budget },
      fast,
    );
    expect(r.status).toBe("optimal");
    expect(r.selected).toEqual(["P1", "P2", "P3"]);
    expect(r.objective).toBe(6);
  });

  it("values of 1e300 are scaled for the objective and the larger one wins", async () => {
    const r = await selectPortfolio(
      {
        projects: [
          { id: "X", value: 1e300, cost: 1 },
          { id: "Y", value: 2e300, cost: 1 },
        ],
        budget: 1,
      },
      fast,
    );
    expect(r.status).toBe("optimal");
    expect(r.selected).toEqual(["Y"]);
    expect(r.objective).toBe(2e300);
  });

  it("a 3,000-link Requires chain is measured without recursion and solved, frontier included", async () => {
    const n = 3001;
    const ids = Array.from({ length: n }, (_, i) => `P${String(i + 1).padStart(4, "0")}`);
    const input: SelectionInput = {
      projects: ids.map((id) => ({ id, value: 1, cost: 1 })),
      budget: 1000,
      // P0002 requires P0001, P0003 requires P0002, …
      dependencies: ids.slice(1).map((id, i) => ({ kind: "requires" as const, from: id, to: ids[i] })),
    };
    const model = buildSelectionModel(input);
    expect(longestRequiresChain(model)).toBe(3000);
    const r = await selectPortfolio(input, { hire: false, frontierLevels: [0.5] });
    expect(r.status).toBe("optimal");
    // Only a prefix of the chain can be chosen: the first 1,000.
    expect(r.selected).toEqual(ids.slice(0, 1000));
    expect(r.notes).toContain(
      "A Requires chain of 3000 links was solved without HiGHS's presolve, which recurses once per link.",
    );
    expect(r.frontier.map((f) => [f.budget, f.objective, f.status])).toEqual([
      [1000, 1000, "optimal"],
      [1500.5, 1500, "optimal"],
    ]);
  }, 120_000);

  it("cycles count towards the chain length instead of hanging the measure", () => {
    const model = buildSelectionModel({
      projects: ["A", "B", "C", "D"].map((id) => ({ id, value: 1 })),
      dependencies: [
        { kind: "requires", from: "A", to: "B" },
        { kind: "requires", from: "B", to: "A" },
        { kind: "requires", from: "C", to: "D" },
      ],
    });
    // C → D is one link; A and B, on a cycle, count one link each.
    expect(longestRequiresChain(model)).toBe(3);
  });

  it("a solver that fails outright gives 'Selection not available: …' and a Selection sheet that says so", async () => {
    const spy = jest.spyOn(PortfolioSolver.prototype, "solve").mockImplementation(() => {
      throw new SolverFailure("HiGHS failed (passModel failed with HiGHS status -1)");
    });
    try {
      const r = await selectPortfolio({ projects: [{ id: "A", value: 1, cost: 10 }], budget: 100 }, fast);
      expect(r.status).toBe("stopped");
      expect(r.selected).toEqual([]);
      expect(r.unavailable).toBe(
        "Selection not available: HiGHS failed (passModel failed with HiGHS status -1). The ranking and the other analyses stand; check the budgets and costs for extreme values, or run the selection again with fewer projects.",
      );
      expect(r.notes).toContain(r.unavailable);
      const sheet = selectionSheet(r, [{ id: "A", name: "Alpha", value: 1, cost: 10 }]);
      const texts = JSON.stringify(sheet);
      expect(texts).toContain("HiGHS MILP) · not available");
      expect(texts).toContain(r.unavailable!);
    } finally {
      spy.mockRestore();
    }
  });

  it("a frontier re-solve that fails keeps the main selection and says where the frontier stops", async () => {
    const real = PortfolioSolver.prototype.solve;
    let calls = 0;
    const spy = jest.spyOn(PortfolioSolver.prototype, "solve").mockImplementation(function (
      this: PortfolioSolver,
      ...a
    ) {
      calls++;
      if (calls === 3) throw new SolverFailure("HiGHS ran out of stack (Maximum call stack size exceeded)");
      return real.apply(this, a);
    });
    try {
      const r = await selectPortfolio(
        { projects: ["A", "B"].map((id, i) => ({ id, value: i + 1, cost: 10 })), budget: 10 },
        { hire: false, frontierLevels: [0.5, 1] },
      );
      expect(r.status).toBe("optimal");
      expect(r.selected).toEqual(["B"]);
      expect(r.frontier.map((f) => f.budget)).toEqual([10]);
      expect(r.notes).toContain(
        "The efficient frontier stops below a budget of 20: HiGHS ran out of stack (Maximum call stack size exceeded).",
      );
    } finally {
      spy.mockRestore();
    }
  });
});
