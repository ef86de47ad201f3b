import * as path from "node:path";
import { projectTrackerXlsx, readWorkbookSummary, riskLogCsv, type Fixture } from "./fixtures";
import {
  axeViolations,
  check,
  download,
  fakeSheets,
  noHorizontalScroll,
  openPane,
  pickFiles,
  type PaneCase,
} from "./pane-helpers";

/** An action log whose headers fit risks and issues alike: the classifier says Risks, the PMO says Issues. */
function actionsCsv(): Fixture {
  const text = [
    "Ref,Project,Description,Owner,Date Raised,Status",
    "A-1,PRJ-001,Supplier late with the API,A. Khan,2025-01-14,Open",
    "A-2,PRJ-002,Second outage not agreed,B. Osei,2025-02-03,Open",
  ].join("\r\n");
  return { name: "actions.csv", mimeType: "text/csv", buffer: Buffer.from(text, "utf8") };
}

/** Cells of a sheet of the Excel fake (the page's workbook) as plain values. */
async function fakeValues(page: import("playwright-core").Page, sheet: string, address: string): Promise<unknown[][]> {
  return page.evaluate(
    ([name, range]) =>
      (
        window as unknown as { __excelFake: { values(sheet: string, address: string): unknown[][] } }
      ).__excelFake.values(name, range),
    [sheet, address] as const,
  );
}

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
    name: "Excel mode: add files to the import (picks add, Remove takes one out), review shows them, a sheet's entity changed re-proposes its columns, the register gets both; axe and 320 px",
    async run(env) {
      const { context, page, guard } = await openPane(env, { office: "excel", width: 320 });
      try {
        const input = page.getByLabel("Files to add to this import (.xlsx or .csv)");
        await page.getByRole("button", { name: "Add files to this import…" }).waitFor();
        // Two picks add up; a third file is taken out again with its Remove button, by keyboard.
        await input.setInputFiles([riskLogCsv()]);
        await page.getByText("1 file chosen:").waitFor();
        await input.setInputFiles([actionsCsv(), await projectTrackerXlsx()]);
        await page.getByText("3 files chosen:").waitFor();
        const remove = page.getByRole("button", { name: "Remove Project tracker.xlsx" });
        await remove.focus();
        await page.keyboard.press("Enter");
        await page.getByText("2 files chosen:").waitFor();
        await page.getByText("Removed Project tracker.xlsx.").waitFor();
        const listed = await page.getByRole("list", { name: "Files added to this import" }).innerText();
        check(
          /risk log\.csv/.test(listed) && /actions\.csv/.test(listed) && !/Project tracker/.test(listed),
          `the list should hold risk log.csv and actions.csv only:\n${listed}`,
        );
        const focused = await page.evaluate(() => document.activeElement?.getAttribute("aria-label") ?? "");
        check(focused.startsWith("Remove "), `after a removal focus is on "${focused}", not the next Remove button`);

        await page.getByRole("button", { name: "Review mapping", exact: true }).click();
        const review = page.getByRole("region", { name: "Review mapping" });
        await review.waitFor({ timeout: 30_000 });
        for (const heading of ["this workbook › Tracker", "risk log.csv › risk log", "actions.csv › actions"]) {
          await review.getByRole("heading", { name: heading }).waitFor();
        }
        const entity = review.getByLabel("Read actions as");
        check((await entity.inputValue()) === "Risks", `actions was proposed as ${await entity.inputValue()}`);
        const choices = await entity.locator("option").allInnerTexts();
        check(
          choices.includes("Issues") && choices.includes("Not a table / skip") && choices.length === 12,
          `the entity choices are: ${choices.join(", ")}`,
        );
        check(
          (await review
            .getByRole("region", { name: "actions.csv › actions" })
            .getByLabel("Ref (column A)", { exact: true })
            .inputValue()) === "RiskId",
          "Ref was not proposed as RiskId",
        );
        await entity.selectOption("Issues");
        await review
          .getByText("actions is read as Issues: its columns were proposed again.")
          .waitFor({ timeout: 30_000 });
        const ref = review
          .getByRole("region", { name: "actions.csv › actions" })
          .getByLabel("Ref (column A)", { exact: true });
        check((await ref.inputValue()) === "IssueId", `after the change Ref is ${await ref.inputValue()}, not IssueId`);
        check(
          await entity.evaluate((el) => el === document.activeElement),
          "focus did not return to the entity dropdown after the re-proposal",
        );
        check(/Chosen by you/.test(await review.innerText()), "the entity's hint does not say it was chosen");

        // "Not a table / skip" moves the sheet to "Not read", its dropdown with it; choosing Risks there brings it back.
        await review.getByLabel("Read risk log as").selectOption({ label: "Not a table / skip" });
        await review.getByText("risk log will not be read.").waitFor({ timeout: 30_000 });
        const notRead = review.getByRole("region", { name: "Not read" });
        check(
          (await notRead.getByLabel("Read risk log as").inputValue()) === "",
          "risk log is not listed under Not read with its dropdown on skip",
        );
        check(
          (await review.getByRole("heading", { name: "risk log.csv › risk log" }).count()) === 0,
          "a skipped sheet still shows its columns",
        );
        await notRead.getByLabel("Read risk log as").selectOption("Risks");
        await review
          .getByText("risk log is read as Risks: its columns were proposed again.")
          .waitFor({ timeout: 30_000 });
        await review.getByRole("heading", { name: "risk log.csv › risk log" }).waitFor();
        // Back to what the headers proposed: no choice is kept for it.
        const riskLog = await review.getByRole("region", { name: "risk log.csv › risk log" }).innerText();
        check(
          /Proposed from its headers/.test(riskLog),
          `risk log back on Risks is not the proposal again:\n${riskLog}`,
        );

        const violations = await axeViolations(env, page);
        check(violations.length === 0, `axe on the review (Excel mode) found:\n  - ${violations.join("\n  - ")}`);
        await noHorizontalScroll(page);
        await page.screenshot({ path: path.join(env.artifacts, "register-review-excel-320.png"), fullPage: true });

        await review.getByRole("button", { name: "Write register to this workbook", exact: true }).click();
        await page.getByText(/^Register built/).waitFor({ timeout: 60_000 });
        for (const file of ["this workbook", "risk log.csv", "actions.csv"]) {
          await page.getByRole("region", { name: `Result for ${file}` }).waitFor();
        }
        const sheets = await fakeSheets(page);
        check(sheets.includes("Issues") && sheets.includes("Risks"), `sheets written: ${sheets.join(", ")}`);
        const issues = (await fakeValues(page, "Issues", "A1:C10")).flat();
        const risks = (await fakeValues(page, "Risks", "A1:C10")).flat();
        check(issues.includes("A-1") && issues.includes("A-2"), `the Issues sheet lacks A-1/A-2: ${issues.join(", ")}`);
        check(risks.includes("R-01") && !risks.includes("A-1"), `the Risks sheet holds: ${risks.join(", ")}`);
        const provenance = (await fakeValues(page, "PMO Provenance", "A1:F200")).map((r) => r.join("|"));
        check(
          provenance.some((r) => r.startsWith("Issues|A-2|") && r.includes("|actions.csv|actions|")),
          "no provenance row names actions.csv for issue A-2",
        );
        check(
          provenance.some((r) => r.startsWith("Risks|R-01|") && r.includes("|risk log.csv|")),
          "no provenance row names risk log.csv for risk R-01",
        );
        check(
          provenance.some((r) => r.startsWith("Projects|PRJ-001|") && r.includes("|this workbook|Tracker|")),
          "no provenance row names this workbook's Tracker sheet",
        );
        guard.assertClean();
      } finally {
        await context.close();
      }
    },
  },
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

        const { projects } = await readWorkbookSummary(await download(page, "Download register.xlsx"));
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
