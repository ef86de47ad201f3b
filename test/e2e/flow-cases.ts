import * as path from "node:path";
import type { Page } from "playwright-core";
import {
  axeViolations,
  buildAndWait,
  check,
  downloadWorkbook,
  fakeSheets,
  item,
  noHorizontalScroll,
  openPane,
  openSection,
  runStep,
  SAMPLE,
  sampleFixtures,
  statusText,
  type Env,
  type PaneCase,
  type Section,
} from "./pane-helpers";

/**
 * The whole monthly flow in the browser: build → validate → prioritise (exact selection in a Web
 * Worker) → capacity → summary (computed in a Web Worker) → settings, in file mode and with the
 * strict Excel fake, light and dark. Each section gets an axe-core check (no serious or critical violation), a
 * no-sideways-scroll check and a screenshot at 350 px in test-artifacts/.
 */
async function checkSection(env: Env, page: Page, section: Section, tag: string, problems: string[]): Promise<void> {
  const scope = item(page, section);
  await scope.scrollIntoViewIfNeeded();
  problems.push(...(await axeViolations(env, page)).map((v) => `${tag} ${section}: ${v}`));
  await noHorizontalScroll(page);
  await scope.screenshot({ path: path.join(env.artifacts, `${tag}-${section}-350.png`) });
}

/**
 * Walks the flow on an open pane whose register is built. Returns the problems axe found. `mode`
 * decides what the results are checked against (the download or the Excel fake).
 */
async function walkFlow(env: Env, page: Page, tag: string, mode: "file" | "excel"): Promise<string[]> {
  const problems: string[] = [];
  await checkSection(env, page, "register", tag, problems);

  // The status header offers the next step; following it opens Validate.
  await page.getByRole("button", { name: "Next: Check against standards" }).click();
  const validate = item(page, "validate");
  await validate.getByRole("button", { name: "Check against PMO standards" }).waitFor();
  const checked = await runStep(page, validate, "Check against PMO standards", /Data-quality score/);
  check(/Profile controlling/.test(checked), `validation did not use the settings' profile: ${checked}`);
  check(
    (await validate.getByRole("region", { name: /^(Errors|Warnings|Notes): \d+$/ }).count()) > 0,
    "no finding groups",
  );
  check(
    /Findings\s+\d+ errors?, \d+ warnings?/.test(await statusText(page)),
    `status lacks findings: ${await statusText(page)}`,
  );
  await checkSection(env, page, "validate", tag, problems);
  const grouping = validate.getByLabel("Group findings by");
  await grouping.selectOption("project");
  check((await validate.getByRole("region", { name: /^PRJ-\d+: \d+$/ }).count()) > 0, "no findings grouped by project");
  await grouping.selectOption("rule");
  check(
    (await validate.getByRole("region", { name: /^[a-z]+\.[\w.-]+: \d+$/ }).count()) > 0,
    "no findings grouped by rule",
  );
  await grouping.selectOption("severity");

  const prioritise = await openSection(page, "prioritise");
  const workers: string[] = [];
  page.on("worker", (w) => workers.push(w.url()));
  await runStep(page, prioritise, "Rank and select", new RegExp(`^Ranked ${SAMPLE.projects} projects`));
  await prioritise.getByRole("region", { name: "Portfolio selection" }).waitFor();
  const selection = await prioritise.getByRole("region", { name: "Portfolio selection" }).innerText();
  check(/optimal/.test(selection), `the selection is not optimal:\n${selection}`);
  check(workers.length > 0, "the selection did not run in a Web Worker");
  check(/Selection\s+saved \(\d+ projects\)/.test(await statusText(page)), `status: ${await statusText(page)}`);
  await checkSection(env, page, "prioritise", tag, problems);

  const capacity = await openSection(page, "capacity");
  await capacity.getByLabel("Projects").selectOption("selected");
  await capacity.getByRole("checkbox", { name: /level the overload/ }).check();
  const planned = await runStep(page, capacity, "Plan capacity", /Total overload/);
  check(/selected portfolio/.test(planned), `capacity did not plan the selected portfolio: ${planned}`);
  await capacity.getByText(/^Levelling:/).waitFor();
  const hotCell = capacity.getByRole("button", { name: /show contributors$/ }).first();
  if ((await hotCell.count()) > 0) {
    await hotCell.click();
    await capacity.getByText(/FTE needed, [\d.]+ available\. Most from /).waitFor();
  }
  await checkSection(env, page, "capacity", tag, problems);

  const summary = await openSection(page, "summary");
  if (mode === "file") {
    await runStep(page, summary, "Make summary.xlsx", /^Summary ready/, 120_000);
    const workbook = await downloadWorkbook(page, "Download summary.xlsx", summary);
    const names = workbook.worksheets.map((w) => w.name);
    for (const s of ["Cover", "Dashboard", "Prioritisation", "Capacity", "Findings"])
      check(names.includes(s), `summary.xlsx lacks ${s}: ${names.join(", ")}`);
  } else {
    await runStep(page, summary, "Write the summary into this workbook", /^Summary written/, 120_000);
    const sheets = await fakeSheets(page);
    for (const s of ["Cover", "Dashboard"]) check(sheets.includes(s), `the workbook lacks ${s}: ${sheets.join(", ")}`);
    await runStep(page, summary, "Open as a new workbook", /^Summary opened as a new workbook/, 120_000);
    const created = await page.evaluate(
      () =>
        (window as unknown as { __excelFake: { createdWorkbooks: Uint8Array[] } }).__excelFake.createdWorkbooks.length,
    );
    check(created === 1, `Excel.createWorkbook was called ${created} times`);
  }
  await summary.getByText(/^(compliant|not compliant|errors remain)$/).waitFor();
  check(/Summary\s+current/.test(await statusText(page)), `status: ${await statusText(page)}`);
  await checkSection(env, page, "summary", tag, problems);

  const settings = await openSection(page, "settings");
  await settings.getByLabel("PMO profile").selectOption("directive");
  await runStep(page, settings, "Save settings", /^Saved on PMO Settings/);
  await checkSection(env, page, "settings", tag, problems);

  // Validation re-reads the settings sheet: the next check uses the saved profile.
  const again = await runStep(page, validate, "Check against PMO standards", /Profile directive/);
  check(/Profile directive/.test(again), `the saved profile was not used: ${again}`);
  return problems;
}

async function downloadedSheets(page: Page): Promise<{ sheets: string[]; profile: unknown }> {
  const workbook = await downloadWorkbook(page, "Download register.xlsx");
  let profile: unknown = null;
  workbook.getWorksheet("PMO Settings")?.eachRow((row) => {
    if (row.getCell(1).value === "profile") profile = row.getCell(2).value;
  });
  return { sheets: workbook.worksheets.map((w) => w.name), profile };
}

export const FLOW_CASES: PaneCase[] = [
  {
    name: "file mode, light and dark: the whole flow (build → validate → prioritise in a worker → capacity → summary → settings), axe per section, download holds every sheet",
    async run(env) {
      const problems: string[] = [];
      const fixtures = await sampleFixtures();
      for (const colorScheme of ["light", "dark"] as const) {
        const { context, page, guard } = await openPane(env, { office: "outside", colorScheme });
        try {
          await page.getByLabel("Tracker files (.xlsx or .csv)").setInputFiles(fixtures);
          const outcome = await buildAndWait(page, "Build register");
          check(outcome.startsWith("Register built"), `expected "Register built", got "${outcome}"`);
          problems.push(...(await walkFlow(env, page, `file-${colorScheme}`, "file")));
          if (colorScheme === "light") {
            // Every section open: no sideways scroll across the pane's whole width range.
            for (const width of [320, 450]) {
              await page.setViewportSize({ width, height: 900 });
              await noHorizontalScroll(page);
            }
            const { sheets, profile } = await downloadedSheets(page);
            for (const s of [
              "Projects",
              "Findings",
              "Prioritisation",
              "Selection",
              "Capacity",
              "Levelling",
              "PMO Settings",
            ])
              check(sheets.includes(s), `register.xlsx lacks ${s}: ${sheets.join(", ")}`);
            check(profile === "directive", `PMO Settings profile is ${String(profile)}`);
          }
          guard.assertClean();
        } finally {
          await context.close();
        }
      }
      check(problems.length === 0, `axe found:\n  - ${problems.join("\n  - ")}`);
    },
  },
  {
    name: "Excel mode (strict fake), light and dark: the whole flow in the open workbook; a finding's cell link selects the cell",
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
          const outcome = await buildAndWait(page, "Build register from this workbook");
          check(outcome.startsWith("Register built"), `expected "Register built", got "${outcome}"`);
          await page.getByRole("button", { name: "Next: Check against standards" }).waitFor();
          problems.push(...(await walkFlow(env, page, `excel-${colorScheme}`, "excel")));
          const link = item(page, "validate")
            .getByRole("button", { name: /^Go to cell / })
            .first();
          const label = (await link.getAttribute("aria-label")) ?? "";
          await link.click();
          const target = label.replace(/^Go to cell /, "");
          await page.waitForFunction((want) => {
            const fake = (window as unknown as { __excelFake: { model: { selection: string | null } } }).__excelFake;
            const got = fake.model.selection ?? "";
            return got.replace(/'/g, "").endsWith(want.replace(/'/g, ""));
          }, target);
          const sheets = await fakeSheets(page);
          for (const s of ["Findings", "Prioritisation", "Selection", "Capacity", "Levelling", "PMO Settings"])
            check(sheets.includes(s), `the workbook lacks ${s}: ${sheets.join(", ")}`);
          guard.assertClean();
        } finally {
          await context.close();
        }
      }
      check(problems.length === 0, `axe found:\n  - ${problems.join("\n  - ")}`);
    },
  },
];
