import { selectPortfolio } from "../../../src/analysis/prioritise/selection";
import { buildSelectionModel } from "../../../src/analysis/prioritise/selection-model";
import { stoppedSelectionResult } from "../../../src/analysis/prioritise/selection-result";
import type { SelectionIncumbent, SelectionInput } from "../../../src/analysis/prioritise/selection-types";
import { generatedPortfolio } from "./generated-portfolio";
import { hardPortfolio, hardSelectionInput, roleName } from "./hard-portfolio";

/**
 * The best selection so far: HiGHS reports each better selection while the main solve runs, a stop
 * keeps the best one, and a result rebuilt from a reported selection (as the pane does after ending
 * its worker) describes it exactly as the solver's own result would.
 */
const quick = { frontier: false, hire: false } as const;

/** Whether a selection fits every role's capacity in the hard portfolio. */
function fits(input: SelectionInput, selected: string[]): boolean {
  return [...input.supply!].every(([role, [limit]]) => {
    const use = selected.reduce((s, id) => s + input.demand!.get(id)!.get(role)![0], 0);
    return use <= limit;
  });
}

describe("best selection so far", () => {
  it("reports improving, feasible selections and keeps the best one when stopped", async () => {
    const input = hardSelectionInput();
    const stop = new AbortController();
    const seen: SelectionIncumbent[] = [];
    const r = await selectPortfolio(input, {
      ...quick,
      timeLimitSeconds: 60,
      stop: stop.signal,
      onIncumbent: (incumbent) => {
        seen.push(incumbent);
        // Stop as soon as something is chosen (the first incumbent can be the empty selection):
        // HiGHS takes far longer than this to prove this instance.
        if (incumbent.selected.length > 0) stop.abort();
      },
    });
    expect(r.status).toBe("stopped");
    const improving = seen.filter((s) => s.status === undefined);
    expect(improving.length).toBeGreaterThan(0);
    for (let k = 1; k < improving.length; k++)
      expect(improving[k].objective).toBeGreaterThanOrEqual(improving[k - 1].objective);
    for (const s of seen) expect(fits(input, s.selected)).toBe(true);
    // The last report is the main solve's end, with the selection the result keeps.
    const last = seen[seen.length - 1];
    expect(last.status).toBe("stopped");
    expect(last.selected).toEqual(r.selected);
    expect(r.selected).toEqual(improving[improving.length - 1].selected);
    expect(r.objective).toBe(last.objective);
    expect(r.selected.length).toBeGreaterThan(0);
    expect(r.gap).toBeGreaterThan(0);
    expect(r.notes.some((n) => /stopped on request; the best selection found so far is kept/.test(n))).toBe(true);
    const limit = r.capacityLimit[roleName(0)][0];
    expect(r.capacityUse[roleName(0)][0]).toBeLessThanOrEqual(limit);
    expect(limit).toBe(hardPortfolio().capacities[0]);
  });

  it("a result rebuilt from the final report matches the solver's own result", async () => {
    const input = generatedPortfolio(60, { seed: 11, committed: 3 });
    let final: SelectionIncumbent | null = null;
    const solved = await selectPortfolio(input, {
      ...quick,
      objectiveName: "score",
      onIncumbent: (incumbent) => {
        if (incumbent.status) final = incumbent;
      },
    });
    expect(solved.status).toBe("optimal");
    expect(final).not.toBeNull();
    const rebuilt = stoppedSelectionResult(buildSelectionModel(input), "score", final);
    expect(rebuilt.status).toBe("optimal");
    for (const key of ["selected", "objective", "cost", "binding", "decisions", "capacityUse", "budget"] as const)
      expect(rebuilt[key]).toEqual(solved[key]);
    expect(rebuilt.notes).toContain("The frontier and hire analysis were not computed because the run was stopped.");
  });

  it("stopped before anything was found, the result says so and selects nothing", () => {
    const input = generatedPortfolio(20, { seed: 3 });
    const r = stoppedSelectionResult(buildSelectionModel(input), "score", null);
    expect(r.status).toBe("stopped");
    expect(r.selected).toEqual([]);
    expect(r.problems.some((p) => /before the solver found any selection/.test(p))).toBe(true);
  });

  it("a stop before the solve begins returns at once with nothing selected", async () => {
    const stop = new AbortController();
    stop.abort();
    const r = await selectPortfolio(hardSelectionInput(), { ...quick, stop: stop.signal });
    expect(r.status).toBe("stopped");
    expect(r.selected).toEqual([]);
  });
});
