import { ENTITY_NAMES, SCHEMA } from "../../domain/schema";
import type { Grid } from "../../workbook/grid";
import { sheetNamesOf } from "../../workbook/grid";
import { isRegisterSheet } from "../open-register";
import type { WorkbookPort } from "../../workbook/port";
import { loadSettings } from "../settings-io";

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

function ownedGrid(grids: Grid[], name: string, owned: Set<string>): Grid | undefined {
  return (
    grids.find((g) => norm(g.sheet) === norm(name) && owned.has(norm(g.sheet))) ??
    grids.find((g) => norm(g.sheet).startsWith(`${norm(name)} (pmo`) && owned.has(norm(g.sheet)))
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
  return sheetNames.some(
    (s) => owned.has(norm(s)) && (norm(s) === norm(name) || norm(s).startsWith(`${norm(name)} (pmo`)),
  );
}

/**
 * The status from a workbook's grids. `summarySheetNames` names the sheets a summary writes (the
 * summary module's own list), so this file does not depend on it. `sheetNames` is every sheet of
 * the workbook: the grids need hold only the register, settings and Findings (isRegisterSheet),
 * since the other steps' sheets are only looked for by name.
 */
export function workbookStatus(
  grids: Grid[],
  summarySheetNames: readonly string[] = [],
  sheetNames: readonly string[] = grids.map((g) => g.sheet),
): WorkbookStatus {
  const loaded = loadSettings(grids);
  const owned = new Set([...loaded.settings.ownedSheets.map(norm)]);
  const records: Record<string, number> = {};
  for (const entity of ENTITY_NAMES) {
    const g = ownedGrid(grids, SCHEMA[entity].sheet, owned);
    if (!g) continue;
    const n =
      tableRows(g, SCHEMA[entity].idField)?.rows.filter((r) => r.some((v) => v !== null && v !== "")).length ?? 0;
    if (n > 0) records[entity] = n;
  }
  const findingsGrid = ownedGrid(grids, "Findings", owned);
  const summary = new Set(summarySheetNames.map(norm));
  return {
    records,
    registerBuilt: Object.keys(records).length > 0,
    findings: findingsGrid ? findingCounts(findingsGrid) : null,
    ranked: ownedSheetExists(sheetNames, "Prioritisation", owned),
    selectionSaved: ownedSheetExists(sheetNames, "Selection", owned),
    capacityPlanned: ownedSheetExists(sheetNames, "Capacity", owned),
    summarySheets: sheetNames.filter((s) => summary.has(norm(s)) && owned.has(norm(s))),
    settingsFound: loaded.found,
    settingsProblems: loaded.problems.length,
  };
}

/** Reads what the status needs (the register's, settings' and Findings sheets) and gives the status. */
export async function readWorkbookStatus(
  port: WorkbookPort,
  summarySheetNames: readonly string[] = [],
  signal?: AbortSignal,
): Promise<WorkbookStatus> {
  const read = await port.read({ signal, select: isRegisterSheet });
  return workbookStatus(read.grids, summarySheetNames, sheetNamesOf(read));
}
