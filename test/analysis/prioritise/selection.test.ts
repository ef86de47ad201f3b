import { explainInfeasibility } from "../../../src/analysis/prioritise/selection-conflicts";
import { buildSelectionModel } from "../../../src/analysis/prioritise/selection-model";
import { sameObjective, selectPortfolio } from "../../../src/analysis/prioritise/selection";
import type { SelectionInput, SelectionResult } from "../../../src/analysis/prioritise/selection-types";
import { generatedPortfolio } from "./generated-portfolio";

const quick = { frontier: false, hire: false } as const;
const reasons = (r: SelectionResult) => Object.fromEntries(r.decisions.map((d) => [d.id, [d.reason, ...d.blockedBy]]));

describe("portfolio selection: small portfolios solved by hand", () => {
  it("fills the budget with the best combination, not the best projects one by one", async () => {
    // Budget 10. A alone is the most valuable, but B + C + D (cost 10) is worth 20 > A + D (17) or A + B (18).
    const r = await selectPortfolio(
      {
        projects: [
          { id: "A", value: 10, cost: 5 },
          { id: "B", value: 8, cost: 4 },
          { id: "C", value: 5, cost: 3 },
          { id: "D", value: 7, cost: 3 },
        ],
        budget: 10,
      },
      quick,
    );
    expect(r.status).toBe("optimal");
    expect(r.selected).toEqual(["B", "C", "D"]);
    expect(r.objective).toBe(20);
    expect(r.cost).toBe(10);
    expect(r.binding).toEqual([{ constraint: "budget", slack: 0, blocks: ["A"] }]);
    expect(reasons(r)).toEqual({ A: ["blocked", "budget"], B: ["selected"], C: ["selected"], D: ["selected"] });
  });

  it("with no budget anywhere there is no budget constraint", async () => {
    const r = await selectPortfolio(
      {
        projects: [
          { id: "A", value: 1, cost: 1e9 },
          { id: "B", value: 2 },
        ],
      },
      quick,
    );
    expect(r.selected).toEqual(["A", "B"]);
    expect(r.budget).toBeNull();
    expect(r.notes).toContain("No budget was given, so the total budget does not constrain the selection.");
  });

  const capacity: SelectionInput = {
    // Developer supply 2 FTE in each month. A [1,1] 10, B [2,0] 8, C [0,2] 7, D [1,1] 6.
    // Best: A + D = 16 (B + C = 15). With one more developer (3, 3): A + B + C = 25, a gain of 9.
    projects: ["A", "B", "C", "D"].map((id, i) => ({ id, value: [10, 8, 7, 6][i] })),
    months: ["2026-04", "2026-05"],
    demand: new Map([
      ["A", new Map([["Developer", [1, 1]]])],
      ["B", new Map([["Developer", [2, 0]]])],
      ["C", new Map([["Developer", [0, 2]]])],
      ["D", new Map([["Developer", [1, 1]]])],
    ]),
    supply: new Map([["Developer", [2, 2]]]),
  };

  it("respects role capacity per month and values one more FTE of the binding role", async () => {
    const r = await selectPortfolio(capacity, { frontier: false });
    expect(r.selected).toEqual(["A", "D"]);
    expect(r.objective).toBe(16);
    expect(r.binding.map((b) => b.constraint)).toEqual(["capacity Developer 2026-04", "capacity Developer 2026-05"]);
    expect(r.capacityUse).toEqual({ Developer: [2, 2] });
    expect(r.hire).toEqual([{ role: "Developer", gain: 9, status: "optimal" }]);
  });

  it("allows the given over-allocation (50 % of 2 FTE = 3 FTE)", async () => {
    const r = await selectPortfolio({ ...capacity, overAllocation: 0.5 }, quick);
    expect(r.selected).toEqual(["A", "B", "C"]);
    expect(r.objective).toBe(25);
    expect(r.capacityLimit).toEqual({ Developer: [3, 3] });
  });

  it("leaves a role with no recorded supply unconstrained, and says so", async () => {
    const r = await selectPortfolio({ ...capacity, supply: new Map() }, quick);
    expect(r.selected).toEqual(["A", "B", "C", "D"]);
    expect(r.notes).toContain(
      "No supply is recorded for role Developer, so its demand does not constrain the selection.",
    );
  });

  it("keeps per-financial-year budgets", async () => {
    // FY26/27 limit 8, FY27/28 limit 6. A (5, 0) 10, B (3, 4) 9, C (3, 4) 8.
    // A + B fits (8, 4) = 19; B + C breaks FY27/28; A + B + C breaks FY26/27.
    const r = await selectPortfolio(
      {
        projects: [
          { id: "A", value: 10, cost: 5, costByYear: { "FY2026/27": 5 } },
          { id: "B", value: 9, cost: 7, costByYear: { "FY2026/27": 3, "FY2027/28": 4 } },
          { id: "C", value: 8, cost: 7, costByYear: { "FY2026/27": 3, "FY2027/28": 4 } },
        ],
        budgetByYear: { "FY2026/27": 8, "FY2027/28": 6 },
      },
      quick,
    );
    expect(r.selected).toEqual(["A", "B"]);
    expect(r.binding.map((b) => [b.constraint, b.slack])).toEqual([
      ["budget FY2026/27", 0],
      ["budget FY2027/28", 2],
    ]);
    expect(reasons(r).C).toEqual(["blocked", "budget FY2026/27", "budget FY2027/28"]);
  });

  it("honours requires: a project comes only with what it needs", async () => {
    // Budget 10: A (10, cost 3) requires B (1, cost 8) → A + B costs 11: no. C (6, cost 4) alone is best... with B? B + C = 12 > 10.
    const r = await selectPortfolio(
      {
        projects: [
          { id: "A", value: 10, cost: 3 },
          { id: "B", value: 1, cost: 8 },
          { id: "C", value: 6, cost: 4 },
        ],
        budget: 10,
        dependencies: [{ kind: "requires", from: "A", to: "B" }],
      },
      quick,
    );
    expect(r.selected).toEqual(["C"]);
    expect(reasons(r)).toEqual({ A: ["blocked", "requires A → B"], B: ["blocked", "budget"], C: ["selected"] });
    const cheaper = await selectPortfolio(
      {
        projects: [
          { id: "A", value: 10, cost: 3 },
          { id: "B", value: 1, cost: 5 },
          { id: "C", value: 6, cost: 4 },
        ],
        budget: 10,
        dependencies: [{ kind: "requires", from: "A", to: "B" }],
      },
      quick,
    );
    expect(cheaper.selected).toEqual(["A", "B"]);
    expect(cheaper.objective).toBe(11);
  });

  it("honours excludes: never both", async () => {
    const r = await selectPortfolio(
      {
        projects: [
          { id: "A", value: 10 },
          { id: "B", value: 9 },
          { id: "C", value: 5 },
        ],
        dependencies: [{ kind: "excludes", from: "A", to: "B" }],
      },
      quick,
    );
    expect(r.selected).toEqual(["A", "C"]);
    expect(reasons(r).B).toEqual(["blocked", "excludes A / B"]);
  });

  it("applies forced in, forced out and Delivery commitments (which can be switched off)", async () => {
    const input: SelectionInput = {
      projects: [
        { id: "A", value: 10, cost: 5, selection: "Forced out" },
        { id: "B", value: 1, cost: 5, selection: "Forced in" },
        { id: "C", value: 2, cost: 5, stage: "Delivery" },
        { id: "D", value: 9, cost: 5 },
        { id: "E", value: 8, cost: 5 },
      ],
      budget: 15,
    };
    const r = await selectPortfolio(input, quick);
    expect(r.selected).toEqual(["B", "C", "D"]);
    expect(reasons(r)).toEqual({
      A: ["forced out"],
      B: ["forced in"],
      C: ["committed (in Delivery)"],
      D: ["selected"],
      E: ["blocked", "budget"],
    });
    const free = await selectPortfolio(input, { ...quick, commitDelivery: false });
    expect(free.selected).toEqual(["B", "D", "E"]);
  });

  it("names a minimal set of conflicting forced choices (HiGHS IIS, checked by the deletion filter)", async () => {
    // Budget 10: A (forced in, 6) and B (in Delivery, 5) cannot both fit; C (forced in, 1) is innocent.
    const input: SelectionInput = {
      projects: [
        { id: "A", value: 1, cost: 6, selection: "Forced in" },
        { id: "B", value: 1, cost: 5, stage: "Delivery" },
        { id: "C", value: 1, cost: 1, selection: "Forced in" },
        { id: "D", value: 1, cost: 1 },
      ],
      budget: 10,
    };
    const r = await selectPortfolio(input);
    expect(r.status).toBe("infeasible");
    expect(r.selected).toEqual([]);
    expect(r.conflicts).toMatchObject({ forced: ["A", "B"], constraints: ["budget"] });
    expect(r.conflicts!.method).toMatch(/HiGHS IIS|deletion filter/);
    expect(r.conflicts!.message).toBe(
      "These choices cannot all hold: A (forced in), B (committed in Delivery) with budget. Release one of them, or raise one of the limits.",
    );
    expect(r.frontier).toEqual([]);
    // The deletion filter alone finds the same set.
    const alone = explainInfeasibility(buildSelectionModel(input), null);
    expect(alone).toMatchObject({ forced: ["A", "B"], constraints: ["budget"], method: "deletion filter" });
  });

  it("explains a forced-in project that requires a forced-out one", async () => {
    const r = await selectPortfolio(
      {
        projects: [
          { id: "A", value: 1, selection: "Forced in" },
          { id: "B", value: 1 },
          { id: "C", value: 1, selection: "Forced out" },
        ],
        dependencies: [
          { kind: "requires", from: "A", to: "B" },
          { kind: "requires", from: "B", to: "C" },
        ],
      },
      quick,
    );
    expect(r.status).toBe("infeasible");
    expect(r.conflicts).toMatchObject({ forced: ["A", "C"], constraints: ["requires A → B", "requires B → C"] });
  });

  it("traces an efficient frontier that never falls as the budget grows, through the chosen budget", async () => {
    const input = generatedPortfolio(30, { seed: 11, deps: 6, budgetShare: 0.35 });
    const r = await selectPortfolio(input, { hire: false });
    expect(r.status).toBe("optimal");
    expect(r.frontier.length).toBeGreaterThanOrEqual(10);
    const objectives = r.frontier.map((f) => f.objective ?? -Infinity);
    for (let k = 1; k < objectives.length; k++) expect(objectives[k]).toBeGreaterThanOrEqual(objectives[k - 1] - 1e-9);
    for (const f of r.frontier) {
      expect(f.status).toBe("optimal");
      expect(f.cost!).toBeLessThanOrEqual(f.budget + 1e-6);
    }
    const atBudget = r.frontier.find((f) => f.budget === input.budget)!;
    expect(sameObjective(atBudget.objective!, r.objective)).toBe(true);
    const eligible = input.projects.reduce((s, p) => s + (p.cost ?? 0), 0);
    expect(r.frontier[0].budget).toBeCloseTo(0.1 * eligible, 6);
    expect(r.frontier.at(-1)!.budget).toBeCloseTo(eligible, 6);
  });

  it("is deterministic and independent of input order", async () => {
    const input = generatedPortfolio(40, { seed: 5, deps: 8 });
    const a = await selectPortfolio(input);
    const b = await selectPortfolio({ ...input, projects: input.projects.slice().reverse() });
    expect(b.selected).toEqual(a.selected);
    expect(b.objective).toBe(a.objective);
    expect(b.frontier).toEqual(a.frontier);
    expect(b.hire).toEqual(a.hire);
    // Every selection respects every constraint it was given.
    const chosen = new Set(a.selected);
    expect(a.cost).toBeLessThanOrEqual(input.budget!);
    for (const [role, limits] of input.supply!) {
      input.months!.forEach((_, k) => {
        let use = 0;
        for (const id of chosen) use += input.demand!.get(id)?.get(role)?.[k] ?? 0;
        expect(use).toBeLessThanOrEqual(limits[k] + 1e-9);
      });
    }
    for (const d of input.dependencies!) {
      if (d.kind === "requires" && chosen.has(d.from)) expect(chosen.has(d.to)).toBe(true);
      if (d.kind === "excludes") expect(chosen.has(d.from) && chosen.has(d.to)).toBe(false);
    }
  });

  it("stops before solving when the signal is already aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    const r = await selectPortfolio(capacity, { signal: controller.signal });
    expect(r.status).toBe("stopped");
    expect(r.selected).toEqual([]);
    expect(r.frontier).toEqual([]);
  });

  it("reports unknown projects in dependencies and demand, duplicate ids and negative costs", async () => {
    const r = await selectPortfolio(
      {
        projects: [
          { id: "A", value: 1, cost: -5 },
          { id: "A", value: 2 },
        ],
        demand: new Map([["Z", new Map([["Developer", [1]]])]]),
        months: ["2026-04"],
        dependencies: [{ kind: "requires", from: "A", to: "Q" }],
      },
      quick,
    );
    expect(r.problems).toEqual([
      "Project A appears more than once; only the first is used.",
      "Project A's cost is negative (-5); it counts as 0.",
      "Capacity demand is given for project Z, which is not among the projects being selected; it is ignored.",
      "Dependency requires A → Q names a project that is not being selected; it is ignored.",
    ]);
  });
});
