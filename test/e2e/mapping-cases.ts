import { readFile } from "node:fs/promises";
import * as path from "node:path";
import { projectTrackerXlsx, readWorkbookSummary } from "./fixtures";
import { axeViolations, check, noHorizontalScroll, openPane, pickFiles, type PaneCase } from "./pane-helpers";

/** The Projects sheet's cell under `field` in the row of record `id` (the header row is the one naming ProjectId). */
function cellOf(rows: unknown[][], id: string, field: string): unknown {
  const header = rows.find((r) => r.includes("ProjectId"));
  check(header, `the Projects sheet has no header row naming ProjectId: ${JSON.stringify(rows.slice(0, 3))}`);
  const col = header.indexOf(field);
  check(col >= 0, `the Projects sheet has no ${field} column: ${header.join(", ")}`);
  const row = rows.find((r) => r[header.indexOf("ProjectId")] === id);
  check(row, `the Projects sheet has no row for ${id}`);
  return row[col] ?? null;
}

function isoDay(value: unknown): string | null {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return value === null || value === undefined || value === "" ? null : String(value);
}

export const MAPPING_CASES: PaneCase[] = [
  {
    name: "file mode: review the mapping, change one column's field, write; the register uses the change; axe and 320 px on the review",
    async run(env) {
      const { context, page, guard } = await openPane(env, { office: "outside", width: 320 });
      try {
        await pickFiles(page, [await projectTrackerXlsx()]);
        await page.getByRole("button", { name: "Review mapping", exact: true }).click();
        const review = page.getByRole("region", { name: "Review mapping" });
        await review.waitFor({ timeout: 30_000 });
        await review.getByRole("heading", { name: "Project tracker.xlsx › Tracker" }).waitFor();
        const text = await review.innerText();
        check(
          /Projects/.test(text) && /3 rows/.test(text),
          `the review does not show "Projects" and "3 rows":\n${text}`,
        );

        // "End Date" reads like a forecast; here it is the approved finish, so the user corrects it.
        const endDate = review.getByLabel("End Date (column E)");
        check(
          (await endDate.inputValue()) === "ForecastFinish",
          `End Date was proposed as ${await endDate.inputValue()}`,
        );
        const options = await endDate.locator("option").allInnerTexts();
        check(options[0] === "(not used)", `the first choice is "${options[0]}", not "(not used)"`);
        check(options.includes("BaselineFinish"), `the choices lack BaselineFinish: ${options.join(", ")}`);
        // Keyboard: the dropdown takes focus and the choice is made without the mouse.
        await endDate.focus();
        check(
          await endDate.evaluate((el) => el === document.activeElement),
          "the End Date dropdown cannot take keyboard focus",
        );
        await endDate.selectOption("BaselineFinish");
        await review.getByText("1 column changed.").waitFor();

        const violations = await axeViolations(env, page);
        check(violations.length === 0, `axe on the review found:\n  - ${violations.join("\n  - ")}`);
        await noHorizontalScroll(page);
        await page.setViewportSize({ width: 450, height: 900 });
        await noHorizontalScroll(page);
        await page.screenshot({ path: path.join(env.artifacts, "register-review-450.png"), fullPage: true });

        // Tab from the dropdown reaches "Write register"; Enter writes.
        const write = review.getByRole("button", { name: "Write register", exact: true });
        let reached = false;
        await endDate.focus();
        for (let i = 0; i < 20 && !reached; i++) {
          await page.keyboard.press("Tab");
          reached = await write.evaluate((el) => el === document.activeElement);
        }
        check(reached, "Tab never reached the Write register button");
        await page.keyboard.press("Enter");
        await page.getByText(/^Register built/).waitFor({ timeout: 30_000 });

        const [download] = await Promise.all([
          page.waitForEvent("download"),
          page.getByRole("button", { name: "Download register.xlsx" }).click(),
        ]);
        const { projects } = await readWorkbookSummary(await readFile(await download.path()));
        const baseline = isoDay(cellOf(projects, "PRJ-001", "BaselineFinish"));
        const forecast = isoDay(cellOf(projects, "PRJ-001", "ForecastFinish"));
        check(
          baseline === "2025-09-30",
          `PRJ-001 BaselineFinish is ${baseline}, expected 2025-09-30 (the user's choice)`,
        );
        check(forecast === null, `PRJ-001 ForecastFinish is ${forecast}; the End Date column should not land there`);
        guard.assertClean();
      } finally {
        await context.close();
      }
    },
  },
];
