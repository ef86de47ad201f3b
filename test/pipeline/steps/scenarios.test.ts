import { buildRegisterFromFiles } from "../../../src/pipeline/steps/build";
import type { SelectionResult } from "../../../src/analysis/prioritise/selection-types";
import { STEPS, runStep, ScenarioError } from "../../../src/pipeline/steps";
import { prioritise, type PrioritiseOptions } from "../../../src/pipeline/steps/prioritise";
import type { ScenarioSettings } from "../../../src/pipeline/scenarios-use-case";
import { readScenarios } from "../../../src/ingest/read-scenarios";
import { openRegister } from "../../../src/pipeline/open-register";
import { compareSavedScenarios, scenarioFromSelection } from "../../../src/pipeline/scenarios-use-case";
import { sampleInputFiles } from "../../../src/cli/sample-inputs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { xlsxFileHost } from "../../../src/workbook/xlsx/file-host";

/**
 * Scenarios end to end in one workbook: two selections (as budgeted, and with four fifths of its cost)
 * saved by name, read back from the Scenarios sheet after saving and reopening, and compared.
 */
let registerBytes: Uint8Array;
const TODAY = "2026-11-23";

beforeAll(async () => {
  const { files } = await sampleInputFiles({ seed: 2, projects: 16 });
  registerBytes = (await buildRegisterFromFiles(xlsxFileHost, files, { generatedAt: "2026-11-01T00:00:00.000Z" }))
    .bytes;
});

/** The prioritise step's computation on the workbook's register: its run and the sheets it would write. */
async function ranked(wb: XlsxWorkbook, options: PrioritiseOptions) {
  const opened = await openRegister(wb);
  return prioritise(opened.register, opened.settings, options);
}

const saveScenario = (wb: XlsxWorkbook, name: string, selection: SelectionResult, ranWith: ScenarioSettings) =>
  runStep(wb, STEPS.saveScenario, { name, selection, ranWith, today: TODAY });

const compare = async (wb: XlsxWorkbook, a: string, b: string) =>
  (await runStep(wb, STEPS.compareScenarios, { a, b })).value;

async function reopen(wb: XlsxWorkbook): Promise<XlsxWorkbook> {
  return XlsxWorkbook.open(await wb.toBytes(), "register.xlsx");
}

describe("scenarios saved in the workbook", () => {
  it("saves two selections, reads them back after reopening, and compares them", async () => {
    let wb = await XlsxWorkbook.open(registerBytes, "register.xlsx");
    const full = await ranked(wb, { method: "weighted", select: true });
    const fullSelection = full.run.selection!;
    // Half of what the selection spends beyond its committed projects: the committed ones still
    // fit, so both selections are proven optimal, and they differ.
    const fixed = new Set(fullSelection.decisions.filter((d) => d.reason !== "selected").map((d) => d.id));
    const committedCost = full.sheets
      .find((sh) => sh.name === "Selection")!
      .blocks.flatMap((b) => (b.kind === "table" && b.name === "tblSelection" ? b.rows : []))
      .filter((r) => fixed.has(String(r[0])) && r[4] === "Yes")
      .reduce((sum, r) => sum + Number(r[3] ?? 0), 0);
    const lowerBudget = Math.round(committedCost + (fullSelection.cost - committedCost) / 2);
    const lower = await ranked(wb, { method: "weighted", select: true, budget: lowerBudget });
    const lowerSelection = lower.run.selection!;
    expect([fullSelection.status, lowerSelection.status]).toEqual(["optimal", "optimal"]);
    expect(lowerSelection.cost).toBeLessThanOrEqual(lowerBudget);
    expect(lowerSelection.selected).not.toEqual(fullSelection.selected);

    const first = await saveScenario(wb, "As budgeted", fullSelection, { method: "weighted" });
    expect(first.written).toEqual(["Scenarios"]);
    expect(first.value.replaced).toBe(false);
    await saveScenario(wb, "Four fifths", lowerSelection, { method: "weighted", budget: lowerBudget });
    wb = await reopen(wb);
    const read = (await runStep(wb, STEPS.listScenarios, {})).value;
    expect(read.problems).toEqual([]);
    expect(read.scenarios.map((s) => [s.name, s.budget, s.status, s.selected])).toEqual([
      ["As budgeted", "envelopes", fullSelection.status, fullSelection.selected],
      ["Four fifths", lowerBudget, lowerSelection.status, lowerSelection.selected],
    ]);
    expect(read.scenarios[0]).toMatchObject({
      savedOn: TODAY,
      method: "weighted",
      objective: "score",
      objectiveValue: fullSelection.objective,
      cost: fullSelection.cost,
    });

    const c = await compare(wb, "as budgeted", "FOUR FIFTHS");
    const inFull = new Set(fullSelection.selected);
    const inHalf = new Set(lowerSelection.selected);
    expect(c.onlyInA).toEqual(fullSelection.selected.filter((id) => !inHalf.has(id)));
    expect(c.onlyInB).toEqual(lowerSelection.selected.filter((id) => !inFull.has(id)));
    expect(c.inBoth).toEqual(fullSelection.selected.filter((id) => inHalf.has(id)));
    // Priced against the same register, the figures are the solver's own.
    expect(c.now.a.objective).toBeCloseTo(fullSelection.objective, 9);
    expect(c.now.b.cost).toBeCloseTo(lowerSelection.cost, 6);
    expect(c.objectiveDelta).toBeCloseTo(lowerSelection.objective - fullSelection.objective, 9);
    expect(c.costDelta).toBeCloseTo(lowerSelection.cost - fullSelection.cost, 6);
    const role = Object.keys(c.capacityUse)[0];
    expect(c.capacityUse[role].a).toEqual(fullSelection.capacityUse[role]);
    expect(c.capacityUse[role].b).toEqual(lowerSelection.capacityUse[role]);
  });

  it("saving under an existing name replaces it in place", async () => {
    const wb = await XlsxWorkbook.open(registerBytes, "register.xlsx");
    const run = await ranked(wb, { method: "wsjf", select: true });
    await saveScenario(wb, "Plan", run.run.selection!, { method: "weighted" });
    await saveScenario(wb, "Other", run.run.selection!, { method: "weighted" });
    const again = await saveScenario(wb, " plan ", run.run.selection!, { method: "wsjf" });
    expect(again.value.replaced).toBe(true);
    expect(again.value.scenarios.map((s) => [s.name, s.method])).toEqual([
      ["plan", "wsjf"],
      ["Other", "weighted"],
    ]);
  });

  it("a scenario that no longer fits this register's limits is named with the limits it breaks", async () => {
    const wb = await XlsxWorkbook.open(registerBytes, "register.xlsx");
    const run = await ranked(wb, { method: "weighted", select: true });
    const opened = await openRegister(wb);
    const saved = scenarioFromSelection("Saved", run.run.selection!, { method: "weighted" }, opened.settings, TODAY);
    // The same choice under a budget of 1: as if this month's envelope had been cut to nothing.
    const cut = { ...saved, name: "Cut", budget: 1 };
    const c = compareSavedScenarios(opened.register, opened.settings, saved, cut);
    expect(c.onlyInA).toEqual([]);
    expect(c.notes).toContain("Cut: on the register as it is now the selection breaks budget.");
    expect(c.notes.some((n) => n.startsWith("Saved: on the register as it is now"))).toBe(false);
  });

  it("bad names and unknown scenarios get a message that says what to do", async () => {
    const wb = await XlsxWorkbook.open(registerBytes, "register.xlsx");
    const run = await ranked(wb, { method: "weighted", select: true });
    const save = (name: string) => saveScenario(wb, name, run.run.selection!, { method: "weighted" });
    await expect(save("  ")).rejects.toThrow("Give the scenario a name.");
    await expect(save("=cmd")).rejects.toBeInstanceOf(ScenarioError);
    await expect(compare(wb, "A", "B")).rejects.toThrow(/No scenario is saved in this workbook yet/);
    await save("Only");
    await expect(compare(wb, "Only", "Missing")).rejects.toThrow(
      'No scenario named "Missing" is saved; the saved ones are "Only".',
    );
  });

  it("a hand-edited row that cannot be read is reported with its cell and left out", () => {
    const header = ["Scenario", "Saved on", "Method", "Objective", "Budget", "Over-allocation", "Status"];
    const values = [
      [...header, "Objective value", "Cost", "Projects selected"],
      ["Kept", "2026-11-23", "weighted", "score", "envelopes", 0, "optimal", 120.5, 900000, 1],
      ["Broken", "2026-11-23", "by eye", "score", "envelopes", 0, "optimal", 100, 800000, 1],
      [null, null, null, null, null, null, null, null, null, null],
      ["Scenario", "ProjectId", null, null, null, null, null, null, null, null],
      ["Kept", "PRJ-0001", null, null, null, null, null, null, null, null],
      ["Broken", "PRJ-0002", null, null, null, null, null, null, null, null],
    ];
    const read = readScenarios([
      {
        file: "register.xlsx",
        sheet: "Scenarios",
        origin: { row: 3, col: 1 },
        values,
        tables: [
          { name: "tblScenarios", range: { top: 0, left: 0, bottom: 2, right: 9 } },
          { name: "tblScenarioProjects", range: { top: 4, left: 0, bottom: 6, right: 1 } },
        ],
        kind: "worksheet",
      },
    ]);
    expect(read.scenarios.map((x) => [x.name, x.selected])).toEqual([["Kept", ["PRJ-0001"]]]);
    expect(read.problems).toEqual([
      {
        sheet: "Scenarios",
        cell: "C5",
        message:
          'Scenario "Broken": Method is "by eye", not weighted, ahp or wsjf; the scenario is left out. Save it again from the pane or pmo prioritise.',
      },
    ]);
  });
});
