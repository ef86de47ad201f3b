import { buildRegisterInWorkbook } from "../../src/pipeline/steps/build";
import { openRegister } from "../../src/pipeline/open-register";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { createExcelFake } from "../fakes/excel-fake";

/**
 * Next month's import inside Excel is worked out and shown before anything is written: with
 * `write: false` the build returns the change list (added, updated, hand edits kept, records no
 * longer in the sources) and the workbook is not touched; written, the register matches the list.
 */
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const HEADER = ["Project Ref", "Project Name", "Project Manager", "Start Date", "End Date", "Budget (£)", "RAG Status"];

async function setCell(fake: ReturnType<typeof createExcelFake>, sheet: string, address: string, value: unknown) {
  await fake.run(async (context) => {
    context.workbook.worksheets.getItem(sheet).getRange(address).values = [[value as string]];
    await context.sync();
  });
}

describe("an import into the open workbook's register", () => {
  it("is shown before it is written, and written as shown", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("Tracker", [
      HEADER,
      ["PRJ-001", "Customer portal", "A. Khan", day("2025-01-06"), day("2025-09-30"), 250000, "Green"],
      ["PRJ-002", "Data centre exit", "B. Osei", day("2024-11-01"), day("2025-12-19"), 1200000, "Amber"],
    ]);
    const port = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "this workbook" });
    const first = await buildRegisterInWorkbook(port, { generatedAt: "2026-10-01T00:00:00.000Z" });
    expect(first.changes).toBeUndefined();

    // An analyst renames PRJ-001 on the register; next month's tracker renames it too, moves
    // PRJ-002's budget, and adds PRJ-003.
    const name = (await openRegister(port)).locate("Projects", "PRJ-001", "Name")!;
    await setCell(fake, name.sheet, name.cell, "Customer portal (web and app)");
    await setCell(fake, "Tracker", "B2", "Customer portal v2");
    await setCell(fake, "Tracker", "F3", 1350000);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Tracker").getRange("A4:G4").values = [
        ["PRJ-003", "HR system upgrade", "C. Murphy", "2025-02-03", "2025-07-31", 180000, "Red"],
      ];
      await context.sync();
    });

    const before = fake.values("Projects", "A1:Z20");
    const sheetsBefore = fake.sheetNames();
    const preview = await buildRegisterInWorkbook(port, { generatedAt: "2026-11-01T00:00:00.000Z", write: false });
    expect(fake.values("Projects", "A1:Z20")).toEqual(before);
    expect(fake.sheetNames()).toEqual(sheetsBefore);
    const c = preview.changes!;
    expect(c.added.filter((a) => a.entity === "Projects").map((a) => a.id)).toEqual(["PRJ-003"]);
    expect(c.updated.filter((u) => u.entity === "Projects").map((u) => [u.id, u.field, u.before, u.after])).toEqual([
      ["PRJ-002", "Budget", 1200000, 1350000],
    ]);
    expect(c.conflicts.map((k) => [k.id, k.field, k.current, k.incoming])).toEqual([
      ["PRJ-001", "Name", "Customer portal (web and app)", "Customer portal v2"],
    ]);
    expect(c.kept).toEqual([]);

    const written = await buildRegisterInWorkbook(port, { generatedAt: "2026-11-01T00:00:00.000Z" });
    expect(written.changes).toEqual(preview.changes);
    const after = await openRegister(port);
    const projects = Object.fromEntries(after.register.entities.Projects.map((p) => [p.id, p.values]));
    expect(Object.keys(projects).sort()).toEqual(["PRJ-001", "PRJ-002", "PRJ-003"]);
    expect(projects["PRJ-001"].Name).toBe("Customer portal (web and app)");
    expect(projects["PRJ-002"].Budget).toBe(1350000);
  });
});
