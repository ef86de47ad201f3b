import * as path from "node:path";
import type { Locator, Page } from "playwright-core";
import {
  axeViolations,
  buildAndWait,
  check,
  downloadWorkbook,
  fakeSheets,
  noHorizontalScroll,
  openPane,
  openSection,
  pickFiles,
  runStep,
  SAMPLE,
  sampleFixtures,
  type Env,
  type PaneCase,
} from "./pane-helpers";

/**
 * The Schedule health section: the 14 checks for the portfolio and for a chosen programme, a
 * failing check opened to its records, a record selecting its register cell (Excel), the sheet
 * written on demand, axe clean and no sideways scroll at 320 px, light and dark.
 */
export const SCHEDULE_HEALTH_CASES: PaneCase[] = [];

const CHECKED = /^Portfolio: \d+ passed, \d+ failed$/;

/** Checks, then returns the section with its 14 checks listed for the portfolio. */
async function checkHealth(page: Page): Promise<Locator> {
  const health = await openSection(page, "health");
  await runStep(page, health, "Check schedule health", CHECKED);
  const checks = health.getByRole("list", { name: "Schedule health checks: Portfolio" }).locator(":scope > li");
  check((await checks.count()) === 14, `expected 14 checks, got ${await checks.count()}`);
  return health;
}

/** Switches to the first programme and back; the list's name and its 14 checks follow the scope. */
async function switchScope(health: Locator): Promise<void> {
  const scope = health.getByLabel("Scope");
  const options = await scope.locator("option").allTextContents();
  const programme = options.find((o) => o.startsWith("Programme "));
  check(programme, `no programme to choose: ${options.join(", ")}`);
  await scope.selectOption({ label: programme });
  await health.getByText(new RegExp(`^${programme}: \\d+ passed, \\d+ failed$`)).waitFor();
  const list = health.getByRole("list", { name: `Schedule health checks: ${programme}` });
  check((await list.locator(":scope > li").count()) === 14, `${programme} does not list 14 checks`);
  await scope.selectOption({ label: "Portfolio" });
  await health.getByText(CHECKED).waitFor();
}

/** Opens the first failing check's records and returns them. */
async function openFailing(health: Locator): Promise<Locator> {
  const toggle = health.getByRole("button", { name: /^Show \d+ records? of / }).first();
  check((await toggle.count()) > 0, "no failing check with records");
  const name = ((await toggle.textContent()) ?? "").replace(/^Show \d+ records? of /, "");
  await toggle.click();
  check(
    (await health.getByRole("button", { name: `Hide the records of ${name}` }).getAttribute("aria-expanded")) ===
      "true",
    "the open check is not marked expanded",
  );
  const records = health.getByRole("list", { name: `Records of ${name}` }).locator("li");
  check((await records.count()) > 0, `${name} opened to no records`);
  return records;
}

async function a11yAndWidth(env: Env, page: Page, health: Locator, tag: string, problems: string[]): Promise<void> {
  await health.scrollIntoViewIfNeeded();
  problems.push(...(await axeViolations(env, page)).map((v) => `${tag}: ${v}`));
  for (const width of [320, 450]) {
    await page.setViewportSize({ width, height: 900 });
    await noHorizontalScroll(page);
  }
  await page.setViewportSize({ width: 320, height: 900 });
  await health.screenshot({ path: path.join(env.artifacts, `${tag}-schedule-health-320.png`) });
  await page.setViewportSize({ width: 350, height: 900 });
}

SCHEDULE_HEALTH_CASES.push({
  name: "Excel mode (strict fake), light and dark: Schedule health by scope, a failing check's record selects its cell, the sheet written on demand",
  async run(env) {
    const problems: string[] = [];
    for (const colorScheme of ["light", "dark"] as const) {
      const { context, page, guard } = await openPane(env, {
        office: "excel",
        colorScheme,
        officeBackground: colorScheme === "dark" ? "#262626" : undefined,
        estate: SAMPLE,
      });
      try {
        await page.getByRole("button", { name: "Next: Build the register" }).waitFor();
        await buildAndWait(page, "Build register from this workbook");
        await page.getByRole("button", { name: "Next: Check against standards" }).waitFor();
        const health = await checkHealth(page);
        check(!(await fakeSheets(page)).includes("Schedule health"), "checking wrote the sheet");
        await switchScope(health);
        const records = await openFailing(health);
        const link = records.getByRole("button", { name: /^Go to cell / }).first();
        const target = ((await link.getAttribute("aria-label")) ?? "").replace(/^Go to cell /, "");
        check(/^(Projects|Milestones)!\$?[A-Z]+\$?\d+$/.test(target), `the record points at ${target}`);
        await link.click();
        await page.waitForFunction((want) => {
          const fake = (window as unknown as { __excelFake: { model: { selection: string | null } } }).__excelFake;
          return (fake.model.selection ?? "").replace(/'/g, "").endsWith(want.replace(/'/g, ""));
        }, target);
        await a11yAndWidth(env, page, health, `excel-${colorScheme}`, problems);
        await runStep(page, health, "Write Schedule health sheet", /^Written to the Schedule health sheet/);
        check((await fakeSheets(page)).includes("Schedule health"), "the Schedule health sheet was not written");
        guard.assertClean();
      } finally {
        await context.close();
      }
    }
    check(problems.length === 0, `axe found:\n  - ${problems.join("\n  - ")}`);
  },
});

SCHEDULE_HEALTH_CASES.push({
  name: "file mode: Schedule health by scope, records name their cells, the written sheet is in the downloaded register",
  async run(env) {
    const problems: string[] = [];
    const { context, page, guard } = await openPane(env, { office: "outside" });
    try {
      await page.getByLabel("Tracker files (.xlsx or .csv)").setInputFiles(await sampleFixtures());
      await buildAndWait(page, "Build register");
      const health = await checkHealth(page);
      await switchScope(health);
      const records = await openFailing(health);
      // No Excel to select in: the location is shown as text.
      check((await records.getByRole("button", { name: /^Go to cell / }).count()) === 0, "a cell link in file mode");
      check(/(Projects|Milestones)!\$?[A-Z]+\$?\d+/.test(await records.first().innerText()), "a record without a cell");
      await a11yAndWidth(env, page, health, "file-light", problems);
      await runStep(page, health, "Write Schedule health sheet", /^Written to the Schedule health sheet/);
      const workbook = await downloadWorkbook(page, "Download register.xlsx");
      const sheet = workbook.getWorksheet("Schedule health");
      check(sheet, `register.xlsx lacks Schedule health: ${workbook.worksheets.map((w) => w.name).join(", ")}`);
      guard.assertClean();
    } finally {
      await context.close();
    }
    check(problems.length === 0, `axe found:\n  - ${problems.join("\n  - ")}`);
  },
});

SCHEDULE_HEALTH_CASES.push({
  name: "file mode: Schedule health on a register with no status date says today stands in for it",
  async run(env) {
    const { context, page, guard } = await openPane(env, { office: "outside" });
    try {
      await pickFiles(page);
      await buildAndWait(page, "Build register");
      const health = await openSection(page, "health");
      await runStep(page, health, "Check schedule health", CHECKED);
      await health.getByText(/^The register has no status date .* so today, \d{4}-\d{2}-\d{2}, stands in/).waitFor();
      guard.assertClean();
    } finally {
      await context.close();
    }
  },
});
