import ExcelJS from "exceljs";
import type { Fixture } from "./fixtures";
import {
  axeViolations,
  buildAndWait,
  check,
  downloadWorkbook,
  noHorizontalScroll,
  openPane,
  openSection,
  runStep,
  statusText,
  type PaneCase,
} from "./pane-helpers";

/**
 * Next month's import into an existing register shows its change list (added, updated, hand edits
 * kept, not in the new files) before anything is written, in Excel mode and in file mode, and
 * "Do not import" leaves the register as it was.
 */
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const HEADER = ["Project Ref", "Project Name", "Project Manager", "Budget (£)", "RAG Status"];

async function tracker(rows: (string | number)[][]): Promise<Fixture> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet("Tracker").addRows([HEADER, ...rows]);
  return { name: "Tracker.xlsx", mimeType: XLSX, buffer: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

const OCTOBER = [
  ["PRJ-001", "Customer portal", "A. Khan", 250000, "Green"],
  ["PRJ-002", "Data centre exit", "B. Osei", 1200000, "Amber"],
];
const NOVEMBER = [
  ["PRJ-001", "Customer portal", "A. Khan", 250000, "Green"],
  ["PRJ-002", "Data centre exit", "B. Osei", 1350000, "Red"],
  ["PRJ-004", "Payroll upgrade", "D. Ali", 90000, "Green"],
];

export const IMPORT_CASES: PaneCase[] = [
  {
    name: "file mode: next month's tracker into the open register shows its changes first; Do not import keeps it, Keep writes it",
    async run(env) {
      const { context, page, guard } = await openPane(env, { office: "outside" });
      try {
        await page.getByLabel("Tracker files (.xlsx or .csv)").setInputFiles([await tracker(OCTOBER)]);
        const first = await buildAndWait(page, "Build register");
        check(first.startsWith("Register built"), first);
        await page.getByRole("button", { name: /^Remove / }).click();
        await page.getByLabel("Tracker files (.xlsx or .csv)").setInputFiles([await tracker(NOVEMBER)]);
        const into = page.getByRole("checkbox", { name: /^Import into register\.xlsx/ });
        check(await into.isChecked(), "an import into the open register should be the default");
        await page.getByRole("button", { name: "Build register", exact: true }).click();
        const title = page.getByText(/^This import changes the register: /);
        await title.waitFor();
        const shown = await title.innerText();
        check(/1 added, 2 updated, 0 hand edits kept, 0 not in the new files/.test(shown), shown);
        const updated = await page.getByRole("list", { name: "Updated" }).innerText();
        check(/Projects PRJ-002 Budget: 1200000 → 1350000/.test(updated), updated);
        check(/Projects PRJ-002 RagOverall: Amber → Red/.test(updated), updated);
        check(
          /Projects PRJ-004/.test(await page.getByRole("list", { name: "Added" }).innerText()),
          "PRJ-004 not added",
        );
        await noHorizontalScroll(page);
        const violations = await axeViolations(env, page);
        check(violations.length === 0, `axe, change list:\n${violations.join("\n")}`);

        await page.getByRole("button", { name: "Do not import" }).click();
        await page.getByText("Cancelled. Nothing was written.").waitFor();
        check(/Register\s+built: 2 Projects/.test(await statusText(page)), await statusText(page));

        await page.getByRole("button", { name: "Build register", exact: true }).click();
        await page.getByRole("button", { name: "Keep these changes" }).waitFor();
        // Another step writes to the register while the list is shown: keeping must not undo it.
        const validate = await openSection(page, "validate");
        await runStep(page, validate, "Check against PMO standards", /Data-quality score/);
        await page.getByRole("button", { name: "Keep these changes" }).click();
        await page.getByText(/^The workbook changed since the list was first shown/).waitFor();
        await page.getByRole("button", { name: "Keep these changes" }).click();
        const done = page.getByText(/^Register built/);
        await done.waitFor();
        await page.getByText(/This import: 1 added, 2 updated/).waitFor();
        // The status is read again from the merged workbook (its later sheets are kept).
        await page
          .waitForFunction(
            () =>
              /Register\s*built: 3 Projects/.test(
                document.querySelector('[aria-label="Where this workbook stands"]')?.textContent ?? "",
              ),
            undefined,
            { timeout: 10_000 },
          )
          .catch(async () => {
            throw new Error(`status after the import: ${await statusText(page)}`);
          });
        const workbook = await downloadWorkbook(page, "Download register.xlsx");
        const ids: unknown[] = [];
        workbook
          .getWorksheet("Projects")
          ?.getColumn(1)
          .eachCell((c) => ids.push(c.value));
        check(
          ["PRJ-001", "PRJ-002", "PRJ-004"].every((id) => ids.includes(id)),
          `Projects: ${ids.join(", ")}`,
        );
        guard.assertClean();
      } finally {
        await context.close();
      }
    },
  },
  {
    name: "Excel mode: a second build of this workbook shows the change list before writing; a hand edit is kept and listed",
    async run(env) {
      const { context, page, guard } = await openPane(env, { office: "excel" });
      try {
        const first = await buildAndWait(page, "Build register from this workbook");
        check(first.startsWith("Register built"), first);
        // An analyst edits the register's PRJ-002 name; the tracker changes PRJ-002's budget and name.
        await page.evaluate(async () => {
          type Ctx = {
            workbook: { worksheets: { getItem(n: string): { getRange(a: string): { values: unknown[][] } } } };
            sync(): Promise<void>;
          };
          const fake = (window as unknown as { __excelFake: { run(f: (c: Ctx) => Promise<void>): Promise<void> } })
            .__excelFake;
          await fake.run(async (context) => {
            const projects = context.workbook.worksheets.getItem("Projects");
            const tracker = context.workbook.worksheets.getItem("Tracker");
            projects.getRange("B3").values = [["Data centre exit (phase 1)"]];
            tracker.getRange("B3").values = [["DC exit"]];
            tracker.getRange("F3").values = [[1350000]];
            await context.sync();
          });
        });
        const before = await page.evaluate(() =>
          JSON.stringify(
            (window as unknown as { __excelFake: { values(s: string, a: string): unknown[][] } }).__excelFake.values(
              "Projects",
              "A1:Z10",
            ),
          ),
        );
        await page.getByRole("button", { name: "Build register from this workbook" }).click();
        const title = page.getByText(/^This import changes the register: /);
        await title.waitFor();
        check(/0 added, 1 updated, 1 hand edits kept/.test(await title.innerText()), await title.innerText());
        const kept = await page.getByRole("list", { name: "Hand edits kept" }).innerText();
        check(
          /Projects PRJ-002 Name: kept Data centre exit \(phase 1\); the import brought DC exit/.test(kept),
          `hand edits: ${kept}`,
        );
        const unchanged = await page.evaluate(() =>
          JSON.stringify(
            (window as unknown as { __excelFake: { values(s: string, a: string): unknown[][] } }).__excelFake.values(
              "Projects",
              "A1:Z10",
            ),
          ),
        );
        check(unchanged === before, "the register changed before the import was confirmed");
        await page.getByRole("button", { name: "Write these changes to this workbook" }).click();
        await page.getByText(/This import: 0 added, 1 updated, 1 hand edits kept/).waitFor();
        guard.assertClean();
      } finally {
        await context.close();
      }
    },
  },
];
