import { compareScenarios } from "../../../src/analysis/prioritise/scenarios";
import { selectPortfolio } from "../../../src/analysis/prioritise/selection";
import type { SelectionInput } from "../../../src/analysis/prioritise/selection-types";

const input: SelectionInput = {
  projects: ["A", "B", "C", "D"].map((id, i) => ({ id, value: [10, 8, 7, 6][i], cost: 1 })),
  months: ["2026-04", "2026-05"],
  demand: new Map([
    ["A", new Map([["Developer", [1, 1]]])],
    ["B", new Map([["Developer", [2, 0]]])],
    ["C", new Map([["Developer", [0, 2]]])],
    ["D", new Map([["Developer", [1, 1]]])],
  ]),
  supply: new Map([["Developer", [2, 2]]]),
};

describe("scenario comparison", () => {
  it("compares the plan as resourced with 50 % over-allocation allowed", async () => {
    const opts = { frontier: false, hire: false };
    const a = { ...(await selectPortfolio(input, opts)), name: "as resourced" };
    const b = { ...(await selectPortfolio({ ...input, overAllocation: 0.5 }, opts)), name: "+50 %" };
    const c = compareScenarios(a, b);
    expect(c).toMatchObject({ a: "as resourced", b: "+50 %", onlyInA: ["D"], onlyInB: ["B", "C"], inBoth: ["A"] });
    expect(c.objectiveDelta).toBe(25 - 16);
    expect(c.costDelta).toBe(1);
    expect(c.capacityUse).toEqual({ Developer: { a: [2, 2], b: [3, 3], delta: [1, 1] } });
    expect(c.largestChanges).toEqual([{ role: "Developer", month: "2026-04", delta: 1 }]);
  });
});
