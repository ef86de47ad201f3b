import { ENTITY_NAMES, SCHEMA } from "../../domain/schema";
import { OWNED_SHEET, isNameOrFreeVariant } from "../../domain/owned-sheet-names";
import type { Grid } from "../../workbook/grid";
import { isRegisterSheet } from "../open-register";
import { loadSettings } from "../settings-io";
import type { StepOutcome, WorkbookStep } from "./step";

/**
 * Where a workbook stands in the monthly flow, read from the sheets the add-in owns: is there a
 * register, how many findings the last check left, is a selection saved, is there a summary. The
 * task pane shows it and offers the next step.
 */
export interface WorkbookStatus {
  /** Records per entity found on the register sheets (entities with none are left out). */
  records: Record<string, number>;
  registerBuilt: boolean;
  /** Counts by severity on the Findings sheet; null when the register has not been checked. */
  findings: { error: number; warning: number; info: number } | null;
  /** A Prioritisation sheet exists. */
  ranked: boolean;
  /** A Selection sheet exists. */
  selectionSaved: boolean;
  /** A Capacity sheet exists. */
  capacityPlanned: boolean;
  /** Sheets of a summary written into this workbook (none in file mode, where it is a separate file). */
  summarySheets: string[];
  settingsFound: boolean;
  settingsProblems: number;
}

const norm = (s: string): string => s.trim().toLowerCase();

/** The summary's own pages when written into the register workbook (programme sheets are named per programme). */
export const SUMMARY_PAGES: readonly string[] = [OWNED_SHEET.cover, OWNED_SHEET.dashboard];

function ownedGrid(grids: Grid[], name: string, owned: Set<string>): Grid | undefined {
  return (
    grids.find((g) => norm(g.sheet) === norm(name) && owned.has(norm(g.sheet))) ??
    grids.find((g) => isNameOrFreeVariant(g.sheet, name) && owned.has(norm(g.sheet)))
  );
}

/** Rows under the header of the sheet's table whose header holds `column` (or under the first row that does). */
function tableRows(grid: Grid, column: string): { header: string[]; rows: unknown[][] } | null {
  const text = (v: unknown): string => String(v ?? "").trim();
  for (const t of grid.tables ?? []) {
    const header = (grid.values[t.range.top] ?? []).slice(t.range.left, t.range.right + 1).map(text);
    if (header.includes(column)) {
      const rows = grid.values.slice(t.range.top + 1, t.range.bottom + 1).map((r) => r.slice(t.range.left));
      return { header, rows };
    }
  }
  const top = grid.values.findIndex((r) => r.some((v) => text(v) === column));
  if (top < 0) return null;
  return { header: grid.values[top].map(text), rows: grid.values.slice(top + 1) };
}

function findingCounts(grid: Grid): WorkbookStatus["findings"] {
  const table = tableRows(grid, "Severity");
  if (!table) return null;
  const col = table.header.indexOf("Severity");
  const counts = { error: 0, warning: 0, info: 0 };
  for (const row of table.rows) {
    const s = String(row[col] ?? "").trim() as keyof typeof counts;
    if (s in counts) counts[s]++;
  }
  return counts;
}

/** The sheet of that name (or its "(PMO)" variant) exists and the add-in owns it. */
function ownedSheetExists(sheetNames: readonly string[], name: string, owned: Set<string>): boolean {
  return sheetNames.some((s) => owned.has(norm(s)) && isNameOrFreeVariant(s, name));
}

/**
 * The status from a workbook's grids. `sheetNames` is every sheet of the workbook: the grids need
 * hold only the register, settings and Findings (isRegisterSheet), since the other steps' sheets
 * are only looked for by name. `wrote` names sheets a step has just written (its outcome's
 * `written`), which the add-in owns whether or not PMO Settings could record them yet.
 */
export function workbookStatus(
  grids: Grid[],
  sheetNames: readonly string[] = grids.map((g) => g.sheet),
  wrote: readonly string[] = [],
): WorkbookStatus {
  const loaded = loadSettings(grids);
  const owned = new Set([...loaded.settings.ownedSheets, ...wrote].map(norm));
  sheetNames = [...new Set([...sheetNames, ...wrote])];
  const records: Record<string, number> = {};
  for (const entity of ENTITY_NAMES) {
    const g = ownedGrid(grids, SCHEMA[entity].sheet, owned);
    if (!g) continue;
    const n =
      tableRows(g, SCHEMA[entity].idField)?.rows.filter((r) => r.some((v) => v !== null && v !== "")).length ?? 0;
    if (n > 0) records[entity] = n;
  }
  const findingsGrid = ownedGrid(grids, OWNED_SHEET.findings, owned);
  const summary = new Set(SUMMARY_PAGES.map(norm));
  return {
    records,
    registerBuilt: Object.keys(records).length > 0,
    findings: findingsGrid ? findingCounts(findingsGrid) : null,
    ranked: ownedSheetExists(sheetNames, OWNED_SHEET.prioritisation, owned),
    selectionSaved: ownedSheetExists(sheetNames, OWNED_SHEET.selection, owned),
    capacityPlanned: ownedSheetExists(sheetNames, OWNED_SHEET.capacity, owned),
    summarySheets: sheetNames.filter((s) => summary.has(norm(s)) && owned.has(norm(s))),
    settingsFound: loaded.found,
    settingsProblems: loaded.problems.length,
  };
}

/** Where the workbook stands, from the register's, settings' and Findings sheets and every sheet's name. Writes nothing. */
export const statusStep: WorkbookStep<Record<string, never>, WorkbookStatus> = {
  name: "status",
  opens: "workbook",
  reads: { select: isRegisterSheet },
  run: (workbook) => ({ value: workbookStatus(workbook.grids, workbook.sheetNames) }),
};

/**
 * The status after a step, from the step's own outcome: what it read, the sheets it wrote, and
 * (validate, summary) the findings it counted, which its Findings sheet now holds. Nothing is read
 * again.
 */
export function statusAfter(
  outcome: Pick<StepOutcome<unknown>, "workbook" | "written">,
  findings?: WorkbookStatus["findings"],
): WorkbookStatus {
  const status = workbookStatus(outcome.workbook.grids, outcome.workbook.sheetNames, outcome.written);
  const wroteFindings = outcome.written.some((s) => isNameOrFreeVariant(s, OWNED_SHEET.findings));
  if (findings && wroteFindings) status.findings = { ...findings };
  return status;
}
