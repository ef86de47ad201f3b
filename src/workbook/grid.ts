/**
 * What reading a workbook gives: one Grid per sheet (or per CSV file), plain values only.
 * Both adapters produce the same Grids for the same cells; the ingest decides what they mean.
 */
export type CellValue = string | number | boolean | Date | null;

export interface CellRange {
  /** 0-based row and column offsets into the grid's `values`. Inclusive. */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface GridTable {
  name: string;
  range: CellRange;
}

export interface Grid {
  /** The file the grid came from (a name, not a path), or "this workbook" in Excel. */
  file: string;
  sheet: string;
  /** 1-based row and column in the sheet of `values[0][0]` (the used range may start at B3). */
  origin: { row: number; col: number };
  /** Rectangular 2-D array of plain values; formula cells hold their cached value. */
  values: CellValue[][];
  /** Number formats aligned with `values` where the host provides them (null = General). */
  numberFormats?: (string | null)[][];
  /** Excel Tables (ListObjects) on the sheet. */
  tables?: GridTable[];
  /** Merged areas. */
  merges?: CellRange[];
  hidden?: boolean;
  /** The workbook uses the 1904 date system (serials in General-format cells shift by 1,462 days). */
  date1904?: boolean;
  /** What kind of source: a worksheet, or a CSV file (one grid). */
  kind: "worksheet" | "csv";
}

/** A problem met while reading a file: the message names the file, sheet and what to do. */
export interface ReadProblem {
  file: string;
  sheet?: string;
  cell?: string;
  severity: "error" | "warning";
  message: string;
}

export interface ReadResult {
  file: string;
  grids: Grid[];
  /** Sheets that were seen and skipped (chart sheets, pivots, empty), with why. */
  skipped: { sheet: string; reason: string }[];
  problems: ReadProblem[];
}

/**
 * Every sheet the read saw, in its order of listing: those read into grids and those skipped
 * (empty, chart sheets, pivots). Deciding whether a name is free must count the skipped ones too.
 */
export function sheetNamesOf(read: Pick<ReadResult, "grids" | "skipped">): string[] {
  return [...read.grids.map((g) => g.sheet), ...read.skipped.map((s) => s.sheet)];
}

/** Column number (1-based) → letters (1 → A, 28 → AB). */
export function columnLetters(col: number): string {
  let s = "";
  let n = col;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** Letters → column number (A → 1). */
export function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

/** A1 address of a sheet cell (1-based row and column). */
export function a1(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** A1 address of `values[r][c]` in a grid. */
export function gridCellAddress(grid: Grid, r: number, c: number): string {
  return a1(grid.origin.row + r, grid.origin.col + c);
}

/** Parses `B12` → { row: 12, col: 2 }. */
export function parseA1(address: string): { row: number; col: number } {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(address.trim());
  if (!m) throw new RangeError(`Not an A1 cell address: ${address}`);
  return { row: Number(m[2]), col: columnNumber(m[1]) };
}

// Excel's reference rules live in excel-names.ts; re-exported here for the hosts that import it from the grid.
export { quoteSheet } from "./excel-names";
