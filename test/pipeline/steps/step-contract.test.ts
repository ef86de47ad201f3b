import { STEPS, runStep, NotARegisterError, type StepOutcome } from "../../../src/pipeline/steps";
import { buildRegisterFromFiles, buildRegisterInWorkbook } from "../../../src/pipeline/steps/build";
import { openRegister } from "../../../src/pipeline/open-register";
import { sampleInputFiles } from "../../../src/cli/sample-inputs";
import { entitySheet } from "../../../src/report/register-sheets";
import type { WorkbookPort } from "../../../src/workbook/port";
import { OfficeWorkbook } from "../../../src/workbook/office/office-workbook";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { createExcelFake } from "../../fakes/excel-fake";
import { xlsxFileHost } from "../../../src/workbook/xlsx/file-host";

/**
 * The step contract: every registered step, run through runStep, gives the same result and writes
 * the same sheets whichever host holds the register — a file through the exceljs adapter (the CLI,
 * the pane's file mode) or the open workbook through the Office.js adapter (the strict Excel fake).
 * Both hosts start from the register built from the same sample files.
 */
const TODAY = "2026-11-01";
const GENERATED = "2026-11-01T00:00:00.000Z";

interface Host {
  name: string;
  port: () => Promise<WorkbookPort>;
}

let hosts: Host[];

beforeAll(async () => {
  const { files } = await sampleInputFiles({ seed: 2, projects: 12 });
  const built = await buildRegisterFromFiles(xlsxFileHost, files, { generatedAt: GENERATED });
  const fake = createExcelFake({ sheets: [] });
  const office = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "this workbook" });
  await buildRegisterInWorkbook(office, { generatedAt: GENERATED, extraFiles: files, host: xlsxFileHost });
  // One workbook per host for the whole flow: each test's steps see what the earlier ones wrote.
  const file = await XlsxWorkbook.open(built.bytes, "register.xlsx");
  hosts = [
    { name: "xlsx file", port: async () => file },
    { name: "Excel (fake)", port: async () => office },
  ];
}, 120_000);

/** Runs a step on both hosts and returns their outcomes, xlsx first. */
async function onBoth<O, R>(
  step: Parameters<typeof runStep<O, R>>[1],
  options: O | ((port: WorkbookPort) => Promise<O>),
  write = true,
): Promise<[StepOutcome<R>, StepOutcome<R>]> {
  const out: StepOutcome<R>[] = [];
  for (const host of hosts) {
    const port = await host.port();
    const o = typeof options === "function" ? await (options as (p: WorkbookPort) => Promise<O>)(port) : options;
    out.push(await runStep(port, step, o, { write }));
  }
  return [out[0], out[1]];
}

describe("every step through runStep, on a file and in Excel", () => {
  test("status: the same register, counted the same way", async () => {
    const [file, excel] = await onBoth(STEPS.status, {}, false);
    expect(file.value.records.Projects).toBe(12);
    expect(excel.value.records).toEqual(file.value.records);
    expect(excel.written).toEqual([]);
  });

  test("validate: the same findings at the same cells, and Findings written on both", async () => {
    const [file, excel] = await onBoth(STEPS.validate, { today: TODAY });
    expect(file.value.result.findings.length).toBeGreaterThan(0);
    const where = (o: typeof file) => o.value.result.findings.map((f) => [f.rule, f.sheet, f.cell, f.message]);
    expect(where(excel)).toEqual(where(file));
    expect(file.written).toEqual(["Findings"]);
    expect(excel.written).toEqual(file.written);
  });

  test("prioritise with select: the same ranking and the same optimal portfolio", async () => {
    const [file, excel] = await onBoth(STEPS.prioritise, { method: "weighted", select: true, timeLimitSeconds: 20 });
    expect(file.value.selection?.status).toBe("optimal");
    expect(excel.value.ranking.ranking).toEqual(file.value.ranking.ranking);
    expect(excel.value.selection?.selected).toEqual(file.value.selection?.selected);
    expect(file.written).toEqual(expect.arrayContaining(["Prioritisation", "Selection"]));
    expect(excel.written).toEqual(file.written);
  });

  test("capacity with levelling: the same plan and the same proposal", async () => {
    const [file, excel] = await onBoth(STEPS.capacity, { level: true });
    expect(excel.value.plan.roles).toEqual(file.value.plan.roles);
    expect(excel.value.levelling?.shifts).toEqual(file.value.levelling?.shifts);
    expect(file.written).toEqual(expect.arrayContaining(["Capacity", "Levelling"]));
    expect(excel.written).toEqual(file.written);
  });

  test("analyse: the same critical paths and earned value", async () => {
    const [file, excel] = await onBoth(STEPS.analyse, { today: TODAY });
    expect(excel.value.statusDate).toEqual(file.value.statusDate);
    expect(excel.value.result.projects).toEqual(file.value.result.projects);
    expect(excel.value.result.networks.map((n) => n.criticalPath)).toEqual(
      file.value.result.networks.map((n) => n.criticalPath),
    );
    expect(file.written).toEqual(expect.arrayContaining(["Schedule", "Finance", "Benefits Realisation"]));
  });

  test("schedule health: the same 14 checks per scope, records at the same cells, the sheet written on both", async () => {
    const [file, excel] = await onBoth(STEPS.scheduleHealth, { today: TODAY });
    const v = file.value;
    expect(v.portfolio.scope).toBe("Portfolio");
    expect(v.portfolio.metrics.map((m) => m.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(v.byProgramme.length).toBeGreaterThan(0);
    expect(v.noStatusDate).toBe(false);
    // The step's metrics are the analyse step's, computed without the rest of the analysis.
    const analysed = (await runStep(await hosts[0].port(), STEPS.analyse, { today: TODAY }, { write: false })).value;
    const strip = (view: typeof v.portfolio) =>
      view.metrics.map(({ records, valueText: _v, thresholdText: _t, ...m }) => ({
        ...m,
        records: records.map(({ at: _at, ...r }) => r),
      }));
    expect(analysed.statusDate.date).toBe(v.statusDate);
    expect(strip(v.portfolio)).toEqual(analysed.result.scheduleHealth.portfolio.metrics);
    expect(excel.value.portfolio).toEqual(v.portfolio);
    expect(excel.value.byProgramme).toEqual(v.byProgramme);
    // Every record in the register has its cell, on the Projects or Milestones table.
    const records = v.portfolio.metrics.flatMap((m) => m.records);
    expect(records.length).toBeGreaterThan(0);
    for (const r of records) expect(r.at?.sheet).toBe(r.entity);
    expect(file.written).toEqual(["Schedule health"]);
    expect(excel.written).toEqual(file.written);
  });

  test("save, list and compare scenarios", async () => {
    const selection = async (port: WorkbookPort) =>
      (await runStep(port, STEPS.prioritise, { method: "weighted", select: true }, { write: false })).value.selection!;
    const save = (name: string) =>
      onBoth(STEPS.saveScenario, async (port) => ({
        name,
        selection: await selection(port),
        ranWith: { method: "weighted" as const },
        today: TODAY,
      }));
    const [first] = await save("Plan A");
    expect(first.written).toContain("Scenarios");
    await save("Plan B");
    const [file, excel] = await onBoth(STEPS.listScenarios, {}, false);
    expect(excel.value.scenarios.map((s) => s.name)).toEqual(expect.arrayContaining(["Plan A", "Plan B"]));
    expect(excel.value.scenarios.find((s) => s.name === "Plan A")?.selected).toEqual(
      file.value.scenarios.find((s) => s.name === "Plan A")?.selected,
    );
    const [cf, ce] = await onBoth(STEPS.compareScenarios, { a: "Plan A", b: "Plan B" }, false);
    expect(cf.value.onlyInA).toEqual([]);
    expect(ce.value.inBoth).toEqual(cf.value.inBoth);
  });

  test("apply fixes and apply levelling write only the register tables they touch", async () => {
    // Two values typed as people do (spaces, lower case), for the safe fixes to correct.
    for (const host of hosts) {
      const port = await host.port();
      const opened = await openRegister(port);
      opened.register.entities.Projects[0].values.Stage = " delivery ";
      opened.register.entities.Projects[1].values.RagOverall = "amber";
      await port.write({ sheets: [entitySheet(opened.register, "Projects")] });
    }
    const fixes = async (port: WorkbookPort) => ({
      changes: (await runStep(port, STEPS.validate, { today: TODAY }, { write: false })).value.fixes,
    });
    const [file, excel] = await onBoth(STEPS.applyFixes, fixes);
    expect(file.value.applied.length).toBeGreaterThan(0);
    expect(excel.value.applied).toEqual(file.value.applied);
    expect(file.written.every((s) => !/Findings|Settings/.test(s))).toBe(true);
    expect(excel.written).toEqual(file.written);

    const shifts = async (port: WorkbookPort) => ({
      shifts: (await runStep(port, STEPS.capacity, { level: true }, { write: false })).value.levelling?.shifts ?? [],
    });
    const [lf, le] = await onBoth(STEPS.applyLevelling, shifts, false);
    expect(le.value.changes).toEqual(lf.value.changes);
  });

  test("settings: saved on PMO Settings and read back the same", async () => {
    const [saved] = await onBoth(STEPS.saveSettings, { edits: { general: { profile: "directive" } } });
    expect(saved.written).toEqual(["PMO Settings"]);
    const [file, excel] = await onBoth(STEPS.readSettings, {}, false);
    expect(file.value.settings.general.profile).toBe("directive");
    expect(excel.value.settings).toEqual(file.value.settings);
  });

  test("summary: its pages and the analysis sheets written beside the register on both", async () => {
    const [file, excel] = await onBoth(STEPS.summary, {
      today: TODAY,
      select: false,
      generatedAt: GENERATED,
      beside: "summary" as const,
      standalone: null,
    });
    expect(file.written).toEqual(expect.arrayContaining(["Cover", "Dashboard", "Findings", "Prioritisation"]));
    expect(excel.written).toEqual(file.written);
    expect(excel.value.pack.figures).toEqual(file.value.pack.figures);
  }, 60_000);

  test("a workbook without a register fails with NotARegisterError on both hosts, and nothing is written", async () => {
    const fake = createExcelFake();
    const empty: WorkbookPort[] = [
      XlsxWorkbook.create("empty.xlsx"),
      new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "this workbook" }),
    ];
    for (const port of empty)
      await expect(runStep(port, STEPS.validate, { today: TODAY })).rejects.toBeInstanceOf(NotARegisterError);
    expect(fake.sheetNames()).toEqual(["Sheet1"]);
  });
});
