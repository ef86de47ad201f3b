/**
 * Bundled by esbuild into an init script for the Excel-mode browser tests: installs the strict
 * Excel fake as the page's `Excel` and `Office` globals before the pane loads, seeds a user's
 * tracker sheet, and leaves the fake on `window.__excelFake` so the test can inspect the workbook.
 */
import { createExcelFake, installExcelFake } from "../fakes/excel-fake";
import { recordsOf } from "../../src/domain/register";
import { ENTITY_NAMES, SCHEMA } from "../../src/domain/schema";
import { generateEstate } from "../../src/sample/estate";

interface E2eConfig {
  /** Excel's body background colour (Office.context.officeTheme), to test theme following. */
  officeBackground?: string;
  /** Seed a generated estate, one user sheet per entity ("Projects data", …), instead of the tracker. */
  estate?: { seed: number; projects: number };
}

const config: E2eConfig = (window as unknown as { __PMO_E2E__?: E2eConfig }).__PMO_E2E__ ?? {};
// ExcelApi 1.9 is the manifest's minimum: the pane must work with nothing newer.
const fake = installExcelFake(window, createExcelFake({ apiVersion: "1.9", sheets: ["Tracker"] }));
const day = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

/** A user's workbook holding a whole estate as plain sheets with the register's own column names. */
function seedEstate(seed: number, projects: number): void {
  const estate = generateEstate({ seed, projects });
  for (const entity of ENTITY_NAMES) {
    const records = recordsOf(estate, entity);
    if (records.length === 0) continue;
    const fields = SCHEMA[entity].fields.map((f) => f.name);
    const rows = records.map((r) =>
      fields.map((f) => {
        const v = r.values[f];
        if (v === undefined || v === null) return null;
        return typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? day(v) : v;
      }),
    );
    fake.seedSheet(`${SCHEMA[entity].sheet} data`, [fields, ...rows]);
  }
}

if (config.estate) seedEstate(config.estate.seed, config.estate.projects);
else seedTracker();

function seedTracker(): void {
  fake.seedSheet(
    "Tracker",
    [
      ["Project Ref", "Project Name", "Project Manager", "Start Date", "End Date", "Budget (£)", "RAG Status"],
      ["PRJ-001", "Customer portal", "A. Khan", day("2025-01-06"), day("2025-09-30"), 250000, "Green"],
      ["PRJ-002", "Data centre exit", "B. Osei", day("2024-11-01"), day("2025-12-19"), 1200000, "Amber"],
      ["PRJ-003", "=HR system upgrade", "C. Murphy", day("2025-02-03"), day("2025-07-31"), 180000, "Red"],
    ],
    {},
  );
}

if (config.officeBackground) {
  const office = (window as unknown as { Office: { context: Record<string, unknown> } }).Office;
  office.context.officeTheme = { bodyBackgroundColor: config.officeBackground };
}
(window as unknown as { __excelFake: typeof fake }).__excelFake = fake;
