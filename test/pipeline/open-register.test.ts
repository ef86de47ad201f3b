import { buildRegisterInWorkbook } from "../../src/pipeline/steps/build";
import { STEPS, runStep } from "../../src/pipeline/steps";
import { isRegisterSheet, openRegister } from "../../src/pipeline/open-register";
import { NOT_SELECTED } from "../../src/workbook/port";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { createExcelFake } from "../fakes/excel-fake";

/**
 * A step inside Excel reads the register, not the whole workbook: the user's source tracker
 * (often the largest sheet) is listed by name but its cells are never fetched.
 */
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
const ROWS = 3000;

async function workbookWithLargeTracker() {
  const fake = createExcelFake({ sheets: [] });
  fake.seedSheet("Tracker", [
    ["Project Ref", "Project Name", "Project Manager", "Start Date", "End Date", "Budget (£)", "RAG Status", "Notes"],
    ...Array.from({ length: ROWS }, (_, i) => [
      `PRJ-${String(i + 1).padStart(4, "0")}`,
      `Project number ${i + 1} with a descriptive name`,
      `Manager ${i % 40}`,
      day("2025-01-06"),
      day("2026-09-30"),
      100000 + i,
      ["Green", "Amber", "Red"][i % 3],
      "A free-text note of the kind trackers carry in their last column, repeated on every row.",
    ]),
  ]);
  const port = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "this workbook" });
  await buildRegisterInWorkbook(port, { generatedAt: "2026-11-01T00:00:00.000Z" });
  return { fake, port };
}

describe("opening the register for a step", () => {
  it("reads the register's sheets only; the tracker is named but not fetched", async () => {
    const { fake, port } = await workbookWithLargeTracker();
    const responseBytes = () => fake.stats.batches.reduce((sum, b) => sum + b.responseBytes, 0);
    fake.resetStats();
    await port.read();
    const everything = responseBytes();

    fake.resetStats();
    const opened = await openRegister(port);
    expect(opened.register.entities.Projects).toHaveLength(ROWS);
    expect(opened.grids.map((g) => g.sheet)).not.toContain("Tracker");
    expect(opened.sheetNames).toEqual(
      expect.arrayContaining(["Tracker", "Projects", "PMO Settings", "Mapping", "PMO Provenance"]),
    );
    expect(opened.readProblems).toEqual([]);
    // What came back from Excel: the whole workbook against the step's read, which lacks the
    // tracker's and PMO Provenance's cells (one provenance row per imported value).
    const step = responseBytes();
    expect(step).toBeLessThan(0.35 * everything);

    const status = (await runStep(port, STEPS.status, {})).value;
    expect(status.records.Projects).toBe(ROWS);
    expect(status.registerBuilt).toBe(true);
  });

  it("chooses the register's sheets by their tables and by the names the add-in writes", () => {
    expect(isRegisterSheet({ name: "Renamed by the user", tables: ["tblProjects"] })).toBe(true);
    for (const name of ["PMO Settings", "Projects", "Findings", "Findings (PMO)", " risks "])
      expect(isRegisterSheet({ name, tables: [] })).toBe(true);
    for (const name of ["Tracker", "Mapping", "Dashboard", "Projects data", "PMO Lists", "PMO Provenance"])
      expect(isRegisterSheet({ name, tables: [] })).toBe(false);
    expect(isRegisterSheet({ name: "PMO Provenance", tables: ["tblProvenance"] })).toBe(false);
    expect(isRegisterSheet({ name: "Tracker", tables: ["Table1"] })).toBe(false);
  });

  it("a sheet left out is listed as not read, so its name is never taken", async () => {
    const { port } = await workbookWithLargeTracker();
    const read = await port.read({ select: isRegisterSheet });
    expect(read.skipped).toEqual(expect.arrayContaining([{ sheet: "Tracker", reason: NOT_SELECTED }]));
  });
});
