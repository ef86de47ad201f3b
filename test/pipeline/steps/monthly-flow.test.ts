import { buildRegisterFromFiles } from "../../../src/pipeline/steps/build";
import { applySettingsEdits, checkSettingsEdits } from "../../../src/pipeline/steps/settings";
import { STEPS, runStep, SettingsError } from "../../../src/pipeline/steps";
import { openRegister } from "../../../src/pipeline/open-register";
import { sampleInputFiles } from "../../../src/cli/sample-inputs";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";
import type { WorkbookPort } from "../../../src/workbook/port";
import { recordsOf } from "../../../src/domain/register";
import type { SelectionInput } from "../../../src/analysis/prioritise/selection-types";
import { entitySheet } from "../../../src/report/register-sheets";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { xlsxFileHost } from "../../../src/workbook/xlsx/file-host";

const TODAY = "2026-11-01";
const PROJECTS = 16;
let registerBytes: Uint8Array;

/** The sample register (seed 2 selects feasibly), with two values typed as people do: spaces and lower case. */
beforeAll(async () => {
  const { files } = await sampleInputFiles({ seed: 2, projects: PROJECTS });
  const built = await buildRegisterFromFiles(xlsxFileHost, files, { generatedAt: "2026-11-01T00:00:00.000Z" });
  const wb = await XlsxWorkbook.open(built.bytes, "register.xlsx");
  const opened = await openRegister(wb);
  opened.register.entities.Projects[0].values.Stage = " delivery ";
  opened.register.entities.Projects[1].values.RagOverall = "amber";
  await wb.write({ sheets: [entitySheet(opened.register, "Projects")] });
  registerBytes = await wb.toBytes();
});

const open = () => XlsxWorkbook.open(registerBytes, "register.xlsx");
const status = async (wb: WorkbookPort) => (await runStep(wb, STEPS.status, {})).value;

describe("the monthly flow, step by step in one workbook", () => {
  test("status before and after each step says where the workbook stands", async () => {
    const wb = await open();
    const before = await status(wb);
    expect(before.registerBuilt).toBe(true);
    expect(before.records.Projects).toBe(PROJECTS);
    expect(before.findings).toBeNull();
    expect(before.selectionSaved).toBe(false);
    expect(before.capacityPlanned).toBe(false);

    const stages: string[] = [];
    const v = await runStep(wb, STEPS.validate, { today: TODAY }, { progress: (e) => stages.push(e.stage) });
    expect(stages).toContain("Checking the standards");
    expect(v.written).toContain("Findings");
    const afterValidate = await status(wb);
    expect(afterValidate.findings).toEqual(v.value.result.counts);

    const p = await runStep(wb, STEPS.prioritise, { method: "weighted", select: true, timeLimitSeconds: 10 });
    expect(p.written).toEqual(expect.arrayContaining(["Prioritisation", "Selection"]));
    expect(p.value.selection?.status).toBe("optimal");

    const c = await runStep(wb, STEPS.capacity, { selected: new Set(p.value.selection?.selected ?? []), level: true });
    expect(c.written).toEqual(expect.arrayContaining(["Capacity", "Levelling"]));
    expect(c.value.scenario).toMatch(/^selected portfolio/);

    const after = await status(await XlsxWorkbook.open(await wb.toBytes(), "register.xlsx"));
    expect(after).toMatchObject({ ranked: true, selectionSaved: true, capacityPlanned: true });
    expect(after.findings).toEqual(v.value.result.counts);
  });

  test("the solver is injectable (the pane's Web Worker) and receives the composed model", async () => {
    let seen: SelectionInput | null = null;
    const p = await runStep(
      await open(),
      STEPS.prioritise,
      {
        method: "weighted",
        select: true,
        budget: 1_000_000,
        selectFn: async (input, options) => {
          seen = input;
          const { selectPortfolio } = await import("../../../src/analysis/prioritise/selection");
          return selectPortfolio(input, { ...options, frontier: false, hire: false });
        },
      },
      { write: false },
    );
    expect(seen).not.toBeNull();
    expect(seen!.budget).toBe(1_000_000);
    expect(seen!.projects).toHaveLength(PROJECTS);
    expect(p.value.selection!.cost).toBeLessThanOrEqual(1_000_000);
    expect(p.written).toEqual([]);
  });

  test("a cancelled step throws CancelledError and writes nothing", async () => {
    const wb = await open();
    const abort = new AbortController();
    abort.abort();
    await expect(runStep(wb, STEPS.validate, { today: TODAY }, { signal: abort.signal })).rejects.toMatchObject({
      name: "CancelledError",
    });
    expect((await status(wb)).findings).toBeNull();
  });

  test("safe fixes are written to the register table only, and a cell edited since is left alone", async () => {
    const wb = await open();
    const v = (await runStep(wb, STEPS.validate, { today: TODAY }, { write: false })).value;
    expect(v.fixes.length).toBeGreaterThan(0);
    const [first, second, ...rest] = v.fixes;
    // Pretend the user edited the second cell after the preview.
    const stale = { ...second, from: "something else" };
    const out = await runStep(wb, STEPS.applyFixes, { changes: [first, stale, ...rest] });
    expect(out.value.applied).toHaveLength(v.fixes.length - 1);
    expect(out.value.skipped.map((s) => s.change)).toEqual([stale]);
    expect(out.value.skipped[0].reason).toMatch(/edited since the check/);
    const again = await openRegister(wb);
    const record = recordsOf(again.register, first.entity)[first.index];
    expect(record.values[first.field]).toBe(first.to);
    expect(out.written.every((s) => !/Findings|Settings/.test(s))).toBe(true);
    const recheck = await runStep(wb, STEPS.validate, { today: TODAY }, { write: false });
    expect(recheck.value.fixes.length).toBeLessThan(v.fixes.length);
  });
});

describe("settings edited in the pane", () => {
  test("saved on PMO Settings and read back by the next run", async () => {
    const wb = await open();
    const saved = await runStep(wb, STEPS.saveSettings, {
      edits: {
        general: { profile: "directive", reportingDate: "2026-10-31", costAmberPct: 0.07 },
        criteriaWeights: { StrategicAlignment: 0.5 },
      },
    });
    expect(saved.written).toEqual(["PMO Settings"]);
    const reread = await XlsxWorkbook.open(await wb.toBytes(), "register.xlsx");
    const back = (await runStep(reread, STEPS.readSettings, {})).value;
    expect(back.problems).toEqual([]);
    expect(back.settings.general).toMatchObject({
      profile: "directive",
      reportingDate: "2026-10-31",
      costAmberPct: 0.07,
    });
    expect(back.settings.criteria.find((c) => c.name === "StrategicAlignment")?.weight).toBe(0.5);
    const v = (await runStep(wb, STEPS.validate, { today: TODAY }, { write: false })).value;
    expect(v.result.profile).toBe("directive");
    expect(v.result.reportingDate).toBe("2026-10-31");
  });

  test("bad edits are refused with a message naming the setting", async () => {
    expect(checkSettingsEdits({ general: { profile: "bossy" as never, reportingDate: "31/10/2026" } })).toEqual([
      expect.stringMatching(/^profile:/),
      expect.stringMatching(/^reportingDate must be a date/),
    ]);
    expect(checkSettingsEdits({ criteriaWeights: { RiskScore: -1 } })).toEqual([
      "Weight of RiskScore must be a number of zero or more.",
    ]);
    const refused = runStep(await open(), STEPS.saveSettings, { edits: { general: { hoursPerDay: 30 } } });
    await expect(refused).rejects.toBeInstanceOf(SettingsError);
    await expect(refused).rejects.toThrow(/hoursPerDay/);
  });

  test("a workbook without settings gets the settings and lists sheets; the defaults are untouched", async () => {
    const wb = XlsxWorkbook.create("empty.xlsx");
    const saved = await runStep(wb, STEPS.saveSettings, { edits: { general: { profile: "supportive" } } });
    expect(saved.written).toEqual(["PMO Settings", "PMO Lists"]);
    expect(applySettingsEdits(DEFAULT_SETTINGS, { general: { profile: "supportive" } }).general.profile).toBe(
      "supportive",
    );
    expect(DEFAULT_SETTINGS.general.profile).toBe("controlling");
  });
});
