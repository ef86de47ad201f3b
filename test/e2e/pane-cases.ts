import { readFile } from "node:fs/promises";
import * as path from "node:path";
import type { Page } from "playwright-core";
import { readWorkbookSummary, riskLogCsv, type Fixture } from "./fixtures";
import {
  axeViolations,
  buildAndWait,
  check,
  noHorizontalScroll,
  openPane,
  pickFiles,
  type Env,
  type PaneCase,
} from "./pane-helpers";

export type { Env, PaneCase };

export const CASES: PaneCase[] = [
  {
    name: "file mode: build from an .xlsx and a .csv, see results, download a readable register.xlsx",
    async run(env) {
      const { context, page, guard } = await openPane(env, { office: "outside" });
      try {
        await page.getByText("Files", { exact: true }).waitFor();
        check(
          await page.getByRole("button", { name: "Build register", exact: true }).isDisabled(),
          "Build should wait for files",
        );
        await pickFiles(page);
        const outcome = await buildAndWait(page, "Build register");
        check(outcome.startsWith("Register built"), `expected "Register built", got "${outcome}"`);
        await page.getByRole("region", { name: "Result for Project tracker.xlsx" }).waitFor();
        await page.getByRole("region", { name: "Result for risk log.csv" }).waitFor();
        const trackerText = await page.getByRole("region", { name: "Result for Project tracker.xlsx" }).innerText();
        check(
          /Tracker → Projects, 3 rows/.test(trackerText),
          `tracker result lacks "Tracker → Projects, 3 rows":\n${trackerText}`,
        );
        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: "Download register.xlsx" }).click(),
        ]);
        check(download.suggestedFilename() === "register.xlsx", `download named ${download.suggestedFilename()}`);
        const bytes = await readFile(await download.path());
        const summary = await readWorkbookSummary(bytes);
        check(summary.sheets.includes("Projects"), `register.xlsx has no Projects sheet: ${summary.sheets.join(", ")}`);
        const cells = summary.projects.flat().map(String);
        for (const id of ["PRJ-001", "PRJ-002", "PRJ-003"]) check(cells.includes(id), `Projects sheet lacks ${id}`);
        await noHorizontalScroll(page);
        await page.screenshot({ path: path.join(env.artifacts, "file-mode-light-350.png"), fullPage: true });
        guard.assertClean();
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "file mode without office.js: pane renders; later steps wait for a register and say why; keyboard operable",
    async run(env) {
      const { context, page, guard } = await openPane(env, { office: "none", width: 320 });
      try {
        await page.getByText("Files", { exact: true }).waitFor();
        // Keyboard: Tab to the Validate header, open it with Enter, find the reason.
        let found = false;
        for (let i = 0; i < 15 && !found; i++) {
          await page.keyboard.press("Tab");
          found = await page.evaluate(() => document.activeElement?.textContent?.trim() === "Validate");
        }
        check(found, "Tab never reached the Validate section header");
        await page.keyboard.press("Enter");
        const action = page.getByRole("button", { name: "Check against PMO standards" });
        await action.waitFor();
        check((await action.getAttribute("aria-disabled")) === "true", "Validate action should be disabled");
        const reasonId = await action.getAttribute("aria-describedby");
        check(reasonId, "the disabled action has no described-by reason");
        const reason = await page.locator(`[id="${reasonId}"]`).innerText();
        check(reason === "Build the register first.", `reason was "${reason}"`);
        await noHorizontalScroll(page);
        guard.assertClean();
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "Excel mode (strict fake, ExcelApi 1.9): Build writes a Projects sheet with a table; the source sheet is untouched",
    async run(env) {
      const { context, page, guard } = await openPane(env, { office: "excel" });
      try {
        await page.getByText("This workbook", { exact: true }).waitFor();
        const outcome = await buildAndWait(page, "Build register from this workbook");
        check(outcome.startsWith("Register built"), `expected "Register built", got "${outcome}"`);
        const state = await page.evaluate(() => {
          const fake = (window as unknown as { __excelFake: import("../fakes/excel-fake").ExcelFake }).__excelFake;
          const tables = fake.tables();
          const projects = fake.sheetNames().includes("Projects") ? fake.values("Projects", "A1:Z20") : [];
          const injected = projects.flat().includes("=HR system upgrade");
          let injectedIsText = false;
          projects.forEach((row, r) =>
            row.forEach((v, c) => {
              if (v === "=HR system upgrade") {
                injectedIsText = fake.cell("Projects", String.fromCharCode(65 + c) + (r + 1)).isText;
              }
            }),
          );
          return {
            sheets: fake.sheetNames(),
            tables,
            tracker: fake.values("Tracker", "A1:G4"),
            injected,
            injectedIsText,
          };
        });
        check(state.sheets.includes("Projects"), `no Projects sheet; sheets: ${state.sheets.join(", ")}`);
        check(
          state.tables.some((t) => t.sheet === "Projects"),
          `no table on Projects; tables: ${JSON.stringify(state.tables)}`,
        );
        check(state.tracker[3][1] === "=HR system upgrade", "the user's Tracker sheet was changed");
        check(state.injected && state.injectedIsText, "a name starting with = was not written as text");
        await page.screenshot({ path: path.join(env.artifacts, "excel-mode-light-350.png"), fullPage: true });
        guard.assertClean();
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "file mode: an unreadable file is reported with what to do, and the readable one still builds",
    async run(env) {
      const { context, page, guard } = await openPane(env, { office: "outside" });
      try {
        const broken: Fixture = {
          name: "broken.xlsx",
          mimeType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
          buffer: Buffer.from("this is not a spreadsheet"),
        };
        await pickFiles(page, [broken, riskLogCsv()]);
        const outcome = await buildAndWait(page, "Build register");
        check(outcome.startsWith("Register built"), `expected "Register built", got "${outcome}"`);
        await page.getByText("1 input was not read.", { exact: false }).waitFor();
        const result = await page.getByRole("region", { name: "Result for broken.xlsx" }).innerText();
        check(/not read/.test(result), `broken.xlsx is not marked "not read":\n${result}`);
        check(/error/.test(result), `broken.xlsx lists no error problem:\n${result}`);
        guard.assertClean();
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "cancel: a build cancelled while the pipeline loads writes nothing and says so",
    async run(env) {
      const { context, page, guard } = await openPane(env, { office: "outside" });
      try {
        await pickFiles(page);
        // Hold the lazy pipeline chunks until Cancel has been pressed, so the test is not a race.
        let release: () => void = () => undefined;
        const held = new Promise<void>((resolve) => (release = resolve));
        await page.route("**/chunks/*.js", async (route) => {
          await held;
          await route.continue();
        });
        await page.getByRole("button", { name: "Build register", exact: true }).click();
        await page.getByRole("button", { name: "Cancel" }).click();
        await page.getByRole("button", { name: "Cancelling…" }).waitFor();
        release();
        await page.getByText("Cancelled. Nothing was written.").waitFor({ timeout: 30_000 });
        check(
          (await page.getByRole("button", { name: "Download register.xlsx" }).count()) === 0,
          "a cancelled build offers a download",
        );
        check(
          !(await page.getByRole("button", { name: "Build register", exact: true }).isDisabled()),
          "Build stays disabled after cancelling",
        );
        guard.assertClean();
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "accessibility (axe-core): no serious or critical violations, light and dark, before and after a build",
    async run(env) {
      const problems: string[] = [];
      for (const colorScheme of ["light", "dark"] as const) {
        const { context, page, guard } = await openPane(env, { office: "outside", colorScheme });
        try {
          problems.push(...(await axeViolations(env, page)).map((v) => `${colorScheme}, empty: ${v}`));
          await pickFiles(page);
          await buildAndWait(page, "Build register");
          await page.getByRole("button", { name: "Validate", exact: true }).click();
          await page.getByRole("button", { name: "Check against PMO standards" }).waitFor();
          problems.push(...(await axeViolations(env, page)).map((v) => `${colorScheme}, built: ${v}`));
          guard.assertClean();
        } finally {
          await context.close();
        }
      }
      check(problems.length === 0, `axe found:\n  - ${problems.join("\n  - ")}`);
    },
  },
  {
    name: "themes: dark follows the browser (file mode) or Excel (Excel mode); forced colours give high contrast; screenshots at 350 px",
    async run(env) {
      const background = async (page: Page): Promise<string> =>
        page.evaluate(() => getComputedStyle(document.querySelector(".fui-FluentProvider") as Element).backgroundColor);
      const file = await openPane(env, { office: "outside", colorScheme: "dark" });
      try {
        await pickFiles(file.page);
        await buildAndWait(file.page, "Build register");
        const bg = await background(file.page);
        check(isDark(bg), `file mode in a dark browser has background ${bg}`);
        await file.page.screenshot({ path: path.join(env.artifacts, "file-mode-dark-350.png"), fullPage: true });
        file.guard.assertClean();
      } finally {
        await file.context.close();
      }
      const contrast = await openPane(env, { office: "outside", forcedColors: true });
      try {
        // Under forced colours the browser paints system colours itself, so ask which theme the pane chose.
        const chosen = await contrast.page.locator(".fui-FluentProvider").first().getAttribute("data-theme");
        check(chosen === "high-contrast", `forced colours should give the high-contrast theme, got ${chosen}`);
        contrast.guard.assertClean();
      } finally {
        await contrast.context.close();
      }
      const excel = await openPane(env, { office: "excel", colorScheme: "light", officeBackground: "#262626" });
      try {
        const bg = await background(excel.page);
        check(isDark(bg), `Excel mode with a dark Office theme has background ${bg}`);
        await excel.page.screenshot({ path: path.join(env.artifacts, "excel-mode-dark-350.png"), fullPage: true });
        excel.guard.assertClean();
      } finally {
        await excel.context.close();
      }
    },
  },
];

function isDark(rgb: string): boolean {
  const [r, g, b] = (rgb.match(/\d+/g) ?? ["255", "255", "255"]).map(Number);
  return (r + g + b) / 3 < 100;
}
