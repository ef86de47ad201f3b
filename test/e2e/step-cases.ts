import type { Page } from "playwright-core";
import {
  buildAndWait,
  check,
  download,
  fakeSheets,
  openPane,
  openSection,
  runStep,
  SAMPLE,
  sampleFixtures,
  statusText,
  type PaneCase,
} from "./pane-helpers";

/**
 * Cases about one step at a time: sync bounds on a large register, cancelling a selection while
 * the solver loads, and carrying on with a register workbook opened from a file.
 */
export const STEP_CASES: PaneCase[] = [];

/**
 * Sync bounds for a large register in Excel (ExcelApi 1.9 fake): each command reads the workbook
 * and writes its sheets in chunks under Excel's 5 MB request limit, syncing once per chunk, never
 * per row. The bound is stated per command for LARGE.projects projects and every related entity.
 */
const LARGE = { seed: 5, projects: 1_000 };
export const SYNC_BOUNDS = { build: 80, validate: 40, prioritise: 40, capacity: 40 } as const;

async function syncsOf(page: Page, work: () => Promise<unknown>): Promise<{ syncs: number; maxRequestBytes: number }> {
  await page.evaluate(() => (window as unknown as { __excelFake: { resetStats(): void } }).__excelFake.resetStats());
  await work();
  return page.evaluate(() => {
    const { stats } = (window as unknown as { __excelFake: { stats: { syncs: number; maxRequestBytes: number } } })
      .__excelFake;
    return { syncs: stats.syncs, maxRequestBytes: stats.maxRequestBytes };
  });
}

STEP_CASES.push({
  name: `Excel mode, large register (${LARGE.projects} projects, all entities): each command's syncs stay within its bound`,
  async run(env) {
    const { context, page, guard } = await openPane(env, { office: "excel", estate: LARGE });
    try {
      await page.getByRole("button", { name: "Next: Build the register" }).waitFor({ timeout: 60_000 });
      const counts: Record<string, { syncs: number; maxRequestBytes: number }> = {};
      counts.build = await syncsOf(page, async () => {
        const outcome = await buildAndWait(page, "Build register from this workbook", 240_000);
        check(outcome.startsWith("Register built"), `expected "Register built", got "${outcome}"`);
        await page.getByRole("button", { name: "Next: Check against standards" }).waitFor({ timeout: 120_000 });
      });
      const validate = await openSection(page, "validate");
      counts.validate = await syncsOf(page, () =>
        runStep(page, validate, "Check against PMO standards", /Data-quality score/, 240_000),
      );
      const prioritise = await openSection(page, "prioritise");
      await prioritise.getByRole("checkbox", { name: /Choose the best portfolio/ }).uncheck();
      counts.prioritise = await syncsOf(page, () =>
        runStep(page, prioritise, "Rank the portfolio", new RegExp(`^Ranked ${LARGE.projects} projects`), 240_000),
      );
      const capacity = await openSection(page, "capacity");
      counts.capacity = await syncsOf(page, () => runStep(page, capacity, "Plan capacity", /Total overload/, 240_000));
      const report = Object.entries(counts)
        .map(
          ([k, v]) =>
            `${k} ${v.syncs} syncs (bound ${SYNC_BOUNDS[k as keyof typeof SYNC_BOUNDS]}), largest request ${(v.maxRequestBytes / 1e6).toFixed(2)} MB`,
        )
        .join("; ");
      process.stdout.write(`    sync counts: ${report}\n`);
      for (const [k, v] of Object.entries(counts)) {
        check(v.syncs <= SYNC_BOUNDS[k as keyof typeof SYNC_BOUNDS], `${k} took ${v.syncs} syncs: ${report}`);
        check(v.maxRequestBytes <= 5_000_000, `${k} sent a request over 5 MB: ${report}`);
      }
      guard.assertClean();
    } finally {
      await context.close();
    }
  },
});

STEP_CASES.push({
  name: "Excel mode: a selection cancelled while the solver loads ends its worker, writes nothing and says so; the next run works",
  async run(env) {
    const { context, page, guard } = await openPane(env, { office: "excel", estate: SAMPLE });
    try {
      await page.getByRole("button", { name: "Next: Build the register" }).waitFor();
      await buildAndWait(page, "Build register from this workbook");
      await page.getByRole("button", { name: "Next: Check against standards" }).waitFor();
      const prioritise = await openSection(page, "prioritise");
      await prioritise.getByRole("button", { name: "Rank and select" }).waitFor();
      // Hold the solver's WebAssembly (fetched by the worker) until Cancel has been pressed.
      let release: () => void = () => undefined;
      const held = new Promise<void>((resolve) => (release = resolve));
      await context.route(/\/assets\/[^/]+\.wasm$/, async (route) => {
        await held;
        await route.continue().catch(() => undefined);
      });
      const spawned = page.waitForEvent("worker", { timeout: 30_000 });
      await prioritise.getByRole("button", { name: "Rank and select" }).click();
      // Cancel once the solver's worker is loading HiGHS, and see the worker ended.
      const worker = await spawned;
      await prioritise.getByText(/^Selecting the portfolio: load/).waitFor();
      const ended = new Promise<void>((resolve) => worker.once("close", () => resolve()));
      await prioritise.getByRole("button", { name: "Cancel" }).click();
      await prioritise.getByText("Cancelled. Nothing was written.").waitFor({ timeout: 30_000 });
      await Promise.race([
        ended,
        new Promise((_, reject) => setTimeout(() => reject(new Error("the solver's worker was not ended")), 10_000)),
      ]);
      release();
      await context.unroute(/\/assets\/[^/]+\.wasm$/);
      const sheets = await fakeSheets(page);
      check(!sheets.includes("Selection") && !sheets.includes("Prioritisation"), `written: ${sheets.join(", ")}`);
      check(/Selection\s+not saved/.test(await statusText(page)), `status: ${await statusText(page)}`);
      await runStep(page, prioritise, "Rank and select", new RegExp(`^Ranked ${SAMPLE.projects} projects`));
      check((await fakeSheets(page)).includes("Selection"), "the run after a cancel wrote no Selection sheet");
      guard.assertClean();
    } finally {
      await context.close();
    }
  },
});

STEP_CASES.push({
  name: "file mode: carry on with a register workbook opened from a file; a file that is not one says what to do",
  async run(env) {
    const fixtures = await sampleFixtures();
    let registerBytes: Buffer;
    {
      const { context, page, guard } = await openPane(env, { office: "outside" });
      try {
        await page.getByLabel("Tracker files (.xlsx or .csv)").setInputFiles(fixtures);
        await buildAndWait(page, "Build register");
        const validate = await openSection(page, "validate");
        await runStep(page, validate, "Check against PMO standards", /Data-quality score/);
        registerBytes = await download(page, "Download register.xlsx");
        guard.assertClean();
      } finally {
        await context.close();
      }
    }
    const { context, page, guard } = await openPane(env, { office: "outside" });
    try {
      await page.getByLabel("Register workbook (.xlsx)").setInputFiles({
        name: "notes.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: Buffer.from("not a workbook"),
      });
      await page.getByText(/^The workbook could not be read [\s\S]*save it as \.xlsx/).waitFor();
      check(
        (await page.getByRole("button", { name: /^Download / }).count()) === 0,
        "a file that is not a workbook is offered for download",
      );
      await page.getByLabel("Register workbook (.xlsx)").setInputFiles({
        name: "March register.xlsx",
        mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        buffer: registerBytes,
      });
      await page.getByRole("button", { name: "Download March register.xlsx" }).waitFor();
      const status = await statusText(page);
      check(/Register\s+built: \d+ Programmes/.test(status), `status after opening: ${status}`);
      check(/Findings\s+\d+ errors?, \d+ warnings? open/.test(status), `status after opening: ${status}`);
      const capacity = await openSection(page, "capacity");
      await runStep(page, capacity, "Plan capacity", /Total overload/);
      check(/Capacity\s+planned/.test(await statusText(page)), `status: ${await statusText(page)}`);
      check(
        (await page.getByText(/^The workbook could not be read/).count()) === 0,
        "the earlier error is still shown",
      );
      guard.assertClean();
    } finally {
      await context.close();
    }
  },
});
