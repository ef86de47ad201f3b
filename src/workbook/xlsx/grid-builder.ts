import type { Cell, Worksheet } from "exceljs";
import type { CellRange, CellValue, Grid, GridTable, ReadProblem } from "../grid";
import { a1, parseA1 } from "../grid";
import { finiteOrNull, plainCellValue } from "./cell-value";
import type { SheetArea } from "./sheet-catalog";

/**
 * Turns one exceljs worksheet into a Grid: the used rectangle (first to last cell holding a value,
 * widened to cover Excel Tables), plain values, number formats, tables and merges relative to it.
 * One pass over the stored rows collects the cells; a second pass over the collected cells fills the
 * rectangle, so a 10,000-row sheet costs time in proportion to its cells.
 */

export interface SheetContext {
  file: string;
  date1904: boolean;
  /** Pivot table areas on this sheet, from the package (exceljs ignores pivot tables). */
  pivotAreas?: SheetArea[];
  /** Largest rectangle (rows × columns) built into a grid; default 10 million cells. */
  maxGridCells?: number;
}

/** `missingResults`: formula cells exceljs found without a cached result. */
export const DEFAULT_MAX_GRID_CELLS = 10_000_000;

export type SheetReadOutcome =
  | { kind: "grid"; grid: Grid; problems: ReadProblem[]; missingResults: number }
  | { kind: "skipped"; reason: string; problems: ReadProblem[]; missingResults: number };

export function missingResultWarning(file: string, sheet: string, count: number): ReadProblem {
  return {
    file,
    sheet,
    severity: "warning",
    message:
      `${file}, sheet ${sheet}: ${count} formula cell(s) were saved without a calculated result and read as ` +
      `empty. Open the file in Excel, let it calculate, and save it again.`,
  };
}

/** Internal exceljs shapes this module relies on (not in its typings). */
interface TableLike {
  name?: string;
  table?: { name?: string; tableRef?: string; ref?: string; rows?: unknown[]; headerRow?: boolean };
}
interface MergeLike {
  model?: { top: number; left: number; bottom: number; right: number };
}

function isGeneral(fmt: string | undefined): boolean {
  // Only a 7-letter format can be "General": no lower-cased copy of every other cell's format.
  return fmt === undefined || fmt === "" || (fmt.length === 7 && fmt.toLowerCase() === "general");
}

function rangeOfRef(ref: string): SheetArea | null {
  try {
    const [a, b] = ref.replace(/\$/g, "").split(":");
    const p = parseA1(a);
    const q = b ? parseA1(b) : p;
    return { top: p.row, left: p.col, bottom: q.row, right: q.col };
  } catch {
    return null;
  }
}

function sheetTables(ws: Worksheet): { name: string; area: SheetArea }[] {
  const list = (ws as unknown as { getTables?: () => unknown[] }).getTables?.() ?? [];
  const out: { name: string; area: SheetArea }[] = [];
  for (const item of list as TableLike[]) {
    const model = item.table ?? {};
    const name = model.name ?? item.name ?? "";
    const ref = model.tableRef ?? model.ref;
    if (!ref) continue;
    const area = rangeOfRef(ref);
    // A table written with only a top-left `ref` has its extent implied by its rows.
    if (area && area.top === area.bottom && area.left === area.right && Array.isArray(model.rows)) {
      area.bottom = area.top + model.rows.length + (model.headerRow === false ? -1 : 0);
    }
    if (area) out.push({ name, area });
  }
  return out;
}

/** The names of a worksheet's Excel Tables (what a read's `select` is shown before any cell is read). */
export function tableNames(ws: Worksheet): string[] {
  return sheetTables(ws).map((t) => t.name);
}

function sheetMerges(ws: Worksheet): SheetArea[] {
  const merges = (ws as unknown as { _merges?: Record<string, MergeLike> })._merges ?? {};
  return Object.values(merges)
    .map((m) => m.model)
    .filter((m): m is SheetArea => m !== undefined);
}

function inside(area: SheetArea, row: number, col: number): boolean {
  return row >= area.top && row <= area.bottom && col >= area.left && col <= area.right;
}

function relative(area: SheetArea, top: number, left: number): CellRange {
  return { top: area.top - top, left: area.left - left, bottom: area.bottom - top, right: area.right - left };
}

const NULL_CELL = 0; // exceljs ValueType.Null
const MERGE_SLAVE = 1; // exceljs ValueType.Merge: a covered cell of a merged area.

/** exceljs's stored rows and cells (sparse arrays, not in its typings). */
interface StoredRow {
  number: number;
  _cells?: (Cell | undefined)[];
}

/**
 * Every stored cell that is not empty, row by row, left to right: what `eachRow` + `eachCell` with
 * `includeEmpty: false` visit, read straight from exceljs's sparse arrays (its `eachRow` walks each
 * row's cells twice, once only to ask whether it has values). Falls back to the public calls if
 * the internals ever change shape.
 */
function eachStoredCell(ws: Worksheet, visit: (cell: Cell, r: number, c: number) => void): void {
  const rows = (ws as unknown as { _rows?: (StoredRow | undefined)[] })._rows;
  if (!Array.isArray(rows) || !rows.every((row) => row === undefined || Array.isArray(row._cells))) {
    ws.eachRow({ includeEmpty: false }, (row, r) =>
      row.eachCell({ includeEmpty: false }, (cell, c) => visit(cell, r, c)),
    );
    return;
  }
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    if (!row) continue;
    const cells = row._cells!;
    for (let j = 0; j < cells.length; j++) {
      const cell = cells[j];
      if (cell && cell.type !== NULL_CELL) visit(cell, row.number, j + 1);
    }
  }
}

/** The problem for a used range too large to read (one stray cell far from the data), with what to do. */
export function tooLargeProblem(
  file: string,
  sheet: string,
  area: { top: number; left: number; bottom: number; right: number },
): ReadProblem {
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  const range = `${a1(area.top, area.left)}:${a1(area.bottom, area.right)}`;
  return {
    file,
    sheet,
    severity: "error",
    message:
      `${file}, sheet ${sheet}: the used range ${range} spans ${height.toLocaleString("en-GB")} rows × ` +
      `${width.toLocaleString("en-GB")} columns, too large to read. Delete stray cells far from the data ` +
      `(Ctrl+End shows the last one), save, and retry.`,
  };
}

/** Sparse cells (1-based rows and columns) laid into a dense grid and its number formats, from `top`/`left`. */
export function denseGrid(
  area: { top: number; left: number; bottom: number; right: number },
  rowsAt: number[],
  colsAt: number[],
  values: CellValue[],
  formats: (string | null)[],
): { grid: CellValue[][]; fmtGrid: (string | null)[][] } {
  const height = area.bottom - area.top + 1;
  const width = area.right - area.left + 1;
  const grid: CellValue[][] = new Array(height);
  const fmtGrid: (string | null)[][] = new Array(height);
  for (let i = 0; i < height; i++) {
    grid[i] = new Array<CellValue>(width).fill(null);
    fmtGrid[i] = new Array<string | null>(width).fill(null);
  }
  for (let k = 0; k < values.length; k++) {
    grid[rowsAt[k] - area.top][colsAt[k] - area.left] = values[k];
    fmtGrid[rowsAt[k] - area.top][colsAt[k] - area.left] = formats[k];
  }
  return { grid, fmtGrid };
}

/** A warning for each sheet the caller asked for by name that the file does not hold. */
export function missingSheetProblems(
  file: string,
  wanted: Iterable<string> | null | undefined,
  has: (name: string) => boolean,
): ReadProblem[] {
  return [...(wanted ?? [])]
    .filter((name) => !has(name))
    .map((name) => ({
      file,
      sheet: name,
      severity: "warning" as const,
      message: `${file} has no sheet named "${name}".`,
    }));
}

export function worksheetToGrid(ws: Worksheet, ctx: SheetContext): SheetReadOutcome {
  const rowsAt: number[] = [];
  const colsAt: number[] = [];
  const values: CellValue[] = [];
  const formats: (string | null)[] = [];
  let missingResults = 0;
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  const visit = (cell: Cell, r: number, c: number): void => {
    if (cell.type === MERGE_SLAVE) return;
    const raw: unknown = cell.value;
    let value: CellValue;
    // Text and numbers (nearly every cell) directly, as plainCellValue reads them, without a
    // result object per cell; everything else through plainCellValue.
    if (typeof raw === "string") value = raw === "" ? null : raw;
    else if (typeof raw === "number") value = finiteOrNull(raw);
    else {
      const plain = plainCellValue(raw);
      if (plain.missingResult) missingResults++;
      value = plain.value;
    }
    if (value === null) return;
    rowsAt.push(r);
    colsAt.push(c);
    values.push(value);
    const fmt = cell.numFmt;
    formats.push(isGeneral(fmt) ? null : fmt);
    if (r < top) top = r;
    if (r > bottom) bottom = r;
    if (c < left) left = c;
    if (c > right) right = c;
  };
  eachStoredCell(ws, visit);
  // The caller turns `missingResults` into a warning (it can check the XML, which exceljs cannot).
  const problems: ReadProblem[] = [];
  const pivots = ctx.pivotAreas ?? [];
  if (values.length === 0) {
    const reason = pivots.length > 0 ? "pivot table only (no saved values)" : "empty";
    return { kind: "skipped", reason, problems, missingResults };
  }
  if (pivots.length > 0 && rowsAt.every((r, i) => pivots.some((a) => inside(a, r, colsAt[i])))) {
    return {
      kind: "skipped",
      reason: "pivot table only (a summary of other data, not a source table)",
      problems,
      missingResults,
    };
  }
  const tables = sheetTables(ws);
  for (const t of tables) {
    top = Math.min(top, t.area.top);
    left = Math.min(left, t.area.left);
    bottom = Math.max(bottom, t.area.bottom);
    right = Math.max(right, t.area.right);
  }
  const height = bottom - top + 1;
  const width = right - left + 1;
  const limit = ctx.maxGridCells ?? DEFAULT_MAX_GRID_CELLS;
  if (height * width > limit) {
    // One stray cell far from the data (say at XFD1048576) would otherwise allocate billions of cells.
    const area = { top, left, bottom, right };
    problems.push(tooLargeProblem(ctx.file, ws.name, area));
    return {
      kind: "skipped",
      reason: `used range ${a1(top, left)}:${a1(bottom, right)} too large`,
      problems,
      missingResults,
    };
  }
  const { grid, fmtGrid } = denseGrid({ top, left, bottom, right }, rowsAt, colsAt, values, formats);
  const gridTables: GridTable[] = tables.map((t) => ({ name: t.name, range: relative(t.area, top, left) }));
  // Merges are clipped to the used rectangle: a merged title may run past the last used column.
  const merges: CellRange[] = sheetMerges(ws)
    .map((m) => ({
      top: Math.max(m.top, top),
      left: Math.max(m.left, left),
      bottom: Math.min(m.bottom, bottom),
      right: Math.min(m.right, right),
    }))
    .filter((m) => m.top <= m.bottom && m.left <= m.right)
    .map((m) => relative(m, top, left))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return {
    kind: "grid",
    problems,
    missingResults,
    grid: {
      file: ctx.file,
      sheet: ws.name,
      origin: { row: top, col: left },
      values: grid,
      numberFormats: fmtGrid,
      tables: gridTables,
      merges,
      hidden: ws.state !== "visible",
      date1904: ctx.date1904,
      kind: "worksheet",
    },
  };
}
