import type { CellRange, CellValue, Grid } from "../workbook/grid";
import { gridCellAddress } from "../workbook/grid";
import { isBlankCell } from "./coercion";
import { dateFromIso, isoFromExcelSerial } from "../domain/dates";
import { isDateFormat, parseMonthHeader, parseTextDate, SERIAL_MAX, SERIAL_MIN } from "./date-parsing";
import { isKnownHeader } from "./alias-index";
import { headerText, normaliseHeader } from "./header-text";
import { detectKeyValue } from "./key-value-form";
import { parseLocaleNumber } from "./money-parsing";

/**
 * Finds the tables on a sheet: the header row under titles, logos and document-control blocks
 * (scored by how many cells read as labels, how many are known aliases, and whether data follows),
 * the first and last column, a parent row of a two-row header (merged group labels), and the data
 * rows down to a run of blank rows or a totals row. Excel Tables are used as they are when present.
 */

export interface DetectedColumn {
  /** 0-based column in the grid. */
  index: number;
  /** Header as matched: the child label, prefixed by its group label in a two-row header. */
  header: string;
  /** Group label from the row above in a two-row header. */
  parent?: string;
  child: string;
  /** A1 address of the header cell. */
  cell: string;
}

export interface DetectedRegion {
  kind: "table" | "keyValue";
  /** Excel Table name when the region is one. */
  tableName?: string;
  /** 0-based grid row of the (lowest) header row; for a key/value form, its first label row. */
  headerRow: number;
  headerRows: 1 | 2;
  columns: DetectedColumn[];
  /** 0-based grid rows holding data (blank rows left out). */
  dataRows: number[];
  /** Key/value forms: the value cell of each column (one record). */
  kvCells?: { r: number; c: number }[];
  /** Why the data stopped before the sheet's end, when it did (a totals row). */
  ended?: string;
  aliasHits: number;
}

const MAX_HEADER_SCAN = 40;
const BLANK_RUN_END = 2;
const TOTALS = /^(?:grand\s+|sub\s*-?\s*)?totals?\b|^sum$|^gesamt/i;

export function cellAt(grid: Grid, r: number, c: number): CellValue {
  const row = grid.values[r];
  return row && c < row.length ? (row[c] ?? null) : null;
}

const dateFormatCache = new Map<string, boolean>();

/**
 * A data cell as the ingest reads it: a number in a date-formatted cell (the Office adapter hands
 * dates over as serials) becomes the Date it shows, so every field type sees a date.
 */
export function dataCell(grid: Grid, r: number, c: number): CellValue {
  const v = cellAt(grid, r, c);
  if (typeof v !== "number" || !grid.numberFormats) return v;
  const fmt = grid.numberFormats[r]?.[c];
  if (!fmt) return v;
  let isDate = dateFormatCache.get(fmt);
  if (isDate === undefined) {
    isDate = isDateFormat(fmt);
    dateFormatCache.set(fmt, isDate);
  }
  if (!isDate || v < SERIAL_MIN || v > SERIAL_MAX) return v;
  return dateFromIso(isoFromExcelSerial(v, grid.date1904));
}

/** Short text that is not a number or a date: what header labels look like. */
function isLabel(v: CellValue): boolean {
  if (typeof v !== "string") return false;
  const s = v.trim();
  if (!s || s.length > 80) return false;
  if (parseLocaleNumber(s) !== null) return false;
  return parseTextDate(s) === null;
}

interface RowStats {
  nonBlank: number;
  labels: number;
  aliasHits: number;
  monthHits: number;
  numbers: number;
  /** Labels ending in ":" — form and document-control labels, not table headers. */
  colons: number;
  first: number;
  last: number;
}

function rowStats(grid: Grid, r: number, from = 0, to = Infinity): RowStats {
  const row = grid.values[r] ?? [];
  const s: RowStats = {
    nonBlank: 0,
    labels: 0,
    aliasHits: 0,
    monthHits: 0,
    numbers: 0,
    colons: 0,
    first: -1,
    last: -1,
  };
  const end = Math.min(row.length - 1, to);
  for (let c = from; c <= end; c++) {
    const v = row[c];
    if (isBlankCell(v)) continue;
    s.nonBlank++;
    if (s.first < 0) s.first = c;
    s.last = c;
    const fmt = grid.numberFormats?.[r]?.[c] ?? null;
    if (parseMonthHeader(v, fmt, grid.date1904) !== null) s.monthHits++;
    else if (isLabel(v)) {
      s.labels++;
      if (/:\s*$/.test(String(v))) s.colons++;
      if (isKnownHeader(normaliseHeader(String(v)))) s.aliasHits++;
    } else if (typeof v === "number") s.numbers++;
  }
  return s;
}

/** Cheap per-row counts for walking data rows (no parsing: 100,000 rows must stay fast). */
function quickStats(grid: Grid, r: number, first: number, last: number): { nonBlank: number; allText: boolean } {
  const row = grid.values[r] ?? [];
  let nonBlank = 0;
  let allText = true;
  const end = Math.min(last, row.length - 1);
  for (let c = first; c <= end; c++) {
    const v = row[c];
    if (v === null || v === undefined || (typeof v === "string" && v.trim() === "")) continue;
    nonBlank++;
    if (typeof v !== "string") allText = false;
  }
  return { nonBlank, allText };
}

/** A row of known labels below a table: the next table's header (stops as soon as it cannot be). */
function looksLikeHeader(grid: Grid, r: number, first: number, last: number, headerHits: number): boolean {
  const need = Math.max(3, headerHits / 2);
  const row = grid.values[r] ?? [];
  let misses = 0;
  let hits = 0;
  let nonBlank = 0;
  for (let c = first; c <= Math.min(last, row.length - 1); c++) if (!isBlankCell(row[c])) nonBlank++;
  for (let c = first; c <= Math.min(last, row.length - 1); c++) {
    const v = row[c];
    if (isBlankCell(v)) continue;
    if (isKnownHeader(normaliseHeader(String(v)))) hits++;
    else if (++misses > nonBlank - need) return false;
  }
  return hits >= need;
}

function headerScore(grid: Grid, r: number): { score: number; stats: RowStats } {
  const stats = rowStats(grid, r);
  if (stats.labels + Math.min(stats.monthHits, 1) < 2 && !(stats.labels >= 1 && stats.monthHits >= 3)) {
    return { score: -Infinity, stats };
  }
  let score =
    stats.aliasHits * 3 + stats.labels + Math.min(stats.monthHits, 24) * 0.5 - stats.numbers * 2 - stats.colons * 2;
  for (let k = r + 1; k <= r + 3 && k < grid.values.length; k++) {
    const below = rowStats(grid, k, stats.first, stats.last);
    if (below.nonBlank === 0) continue;
    if (below.nonBlank >= 2 && below.aliasHits < Math.max(2, stats.aliasHits / 2)) score += 2;
    break;
  }
  return { score, stats };
}

/**
 * The header row in the rows from `from`: the best-scoring row, unless an earlier row is a clear
 * header too (at least half the best score, two known labels, three labels) — then that one, so
 * two tables stacked on a sheet are both found, top first.
 */
function bestHeaderRow(grid: Grid, from: number): { row: number; stats: RowStats } | null {
  const scored: { row: number; stats: RowStats; score: number }[] = [];
  const end = Math.min(grid.values.length, from + MAX_HEADER_SCAN);
  for (let r = from; r < end; r++) {
    const { score, stats } = headerScore(grid, r);
    if (Number.isFinite(score)) scored.push({ row: r, stats, score });
  }
  if (scored.length === 0) return null;
  const best = scored.reduce((a, b) => (b.score > a.score ? b : a));
  const earlier = scored.find(
    (s) =>
      s.row < best.row &&
      s.score >= best.score / 2 &&
      s.stats.aliasHits >= 2 &&
      s.stats.labels >= 3 &&
      s.stats.colons === 0,
  );
  const pick = earlier ?? best;
  return { row: pick.row, stats: pick.stats };
}

interface Span {
  start: number;
  end: number;
  label: string;
  merged: boolean;
}

/** Label spans of a row: each label reaches right over blanks (or its merged area) up to `last`. */
function spansOf(grid: Grid, r: number, first: number, last: number): Span[] {
  const merges = (grid.merges ?? []).filter((m) => m.top <= r && m.bottom >= r && m.left <= last && m.right >= first);
  const spans: Span[] = [];
  for (let c = first; c <= last; c++) {
    const v = cellAt(grid, r, c);
    if (isBlankCell(v)) continue;
    const merge = merges.find((m: CellRange) => m.left === c);
    spans.push({ start: c, end: merge ? Math.min(merge.right, last) : c, label: headerText(v), merged: !!merge });
  }
  if (!grid.merges?.length) {
    for (let i = 0; i < spans.length; i++) spans[i].end = i + 1 < spans.length ? spans[i + 1].start - 1 : last;
  }
  return spans;
}

/** True when `parent` holds group labels over `child` (two-row header). */
function isGroupRow(grid: Grid, parent: number, child: number, first: number, last: number): boolean {
  if (parent < 0 || child >= grid.values.length) return false;
  const stats = rowStats(grid, parent, first, last);
  if (stats.nonBlank === 0 || stats.labels !== stats.nonBlank) return false;
  const spans = spansOf(grid, parent, first, last);
  const groups = spans.filter((s) => s.end > s.start && s.end - s.start < last - first);
  const mergedGroups = groups.filter((s) => s.merged);
  if (mergedGroups.length === 0 && groups.length < 2) return false;
  for (const g of mergedGroups.length ? mergedGroups : groups) {
    let filled = 0;
    for (let c = g.start; c <= g.end; c++) {
      const v = cellAt(grid, child, c);
      if (!isBlankCell(v) && (isLabel(v) || parseMonthHeader(v, grid.numberFormats?.[child]?.[c], grid.date1904))) {
        filled++;
      }
    }
    if (filled < (g.end - g.start + 1) / 2) return false;
  }
  return true;
}

function buildColumns(
  grid: Grid,
  headerRow: number,
  parentRow: number | null,
  first: number,
  last: number,
  dataRows: number[],
): DetectedColumn[] {
  const spans = parentRow === null ? [] : spansOf(grid, parentRow, first, last);
  const columns: DetectedColumn[] = [];
  for (let c = first; c <= last; c++) {
    const child = headerText(cellAt(grid, headerRow, c));
    const span = spans.find((s) => s.start <= c && c <= s.end);
    const parent = span?.label;
    let header = child;
    if (parent && !child) header = parent;
    else if (parent && child) header = `${parent} ${child}`;
    if (!header) {
      if (!dataRows.some((r) => !isBlankCell(cellAt(grid, r, c)))) continue;
      header = `Column ${gridCellAddress(grid, headerRow, c).replace(/\d+$/, "")}`;
    }
    columns.push({ index: c, header, parent, child: child || header, cell: gridCellAddress(grid, headerRow, c) });
  }
  return columns;
}

function firstText(grid: Grid, r: number, first: number, last: number): string | null {
  for (let c = first; c <= Math.min(last, first + 2); c++) {
    const v = cellAt(grid, r, c);
    if (typeof v === "string" && v.trim()) return v.trim();
  }
  return null;
}

/** Data rows below the header: stops at a run of blank rows, a totals row, or a new header row. */
function dataExtent(
  grid: Grid,
  start: number,
  first: number,
  last: number,
  headerHits: number,
  end = grid.values.length - 1,
) {
  const rows: number[] = [];
  let blankRun = 0;
  let ended: string | undefined;
  for (let r = start; r <= end; r++) {
    const stats = quickStats(grid, r, first, last);
    if (stats.nonBlank === 0) {
      if (++blankRun >= BLANK_RUN_END) break;
      continue;
    }
    blankRun = 0;
    const lead = firstText(grid, r, first, last);
    if (lead && TOTALS.test(lead)) {
      ended = `totals row at ${gridCellAddress(grid, r, first)} left out`;
      break;
    }
    if (headerHits >= 3 && stats.allText && stats.nonBlank >= 3 && looksLikeHeader(grid, r, first, last, headerHits))
      break;
    rows.push(r);
  }
  return { rows, ended };
}

function regionFromHeader(grid: Grid, row: number, stats: RowStats, end?: number): DetectedRegion {
  let headerRow = row;
  let parentRow: number | null = null;
  let first = stats.first;
  let last = stats.last;
  const below = row + 1 < grid.values.length ? rowStats(grid, row + 1) : null;
  const bf = below && below.nonBlank > 0 ? Math.min(first, below.first) : first;
  const bl = below && below.nonBlank > 0 ? Math.max(last, below.last) : last;
  if (isGroupRow(grid, row, row + 1, bf, bl)) {
    parentRow = row;
    headerRow = row + 1;
    first = bf;
    last = bl;
  } else {
    const above = row > 0 ? rowStats(grid, row - 1) : null;
    if (above && above.nonBlank > 0) {
      const f = Math.min(first, above.first);
      const l = Math.max(last, above.last);
      if (isGroupRow(grid, row - 1, row, f, l)) {
        parentRow = row - 1;
        first = f;
        last = l;
      }
    }
  }
  const { rows, ended } = dataExtent(grid, headerRow + 1, first, last, stats.aliasHits, end);
  return {
    kind: "table",
    headerRow,
    headerRows: parentRow === null ? 1 : 2,
    columns: buildColumns(grid, headerRow, parentRow, first, last, rows),
    dataRows: rows,
    ended,
    aliasHits: stats.aliasHits,
  };
}

function regionFromExcelTable(grid: Grid, name: string, range: CellRange): DetectedRegion {
  const stats = rowStats(grid, range.top, range.left, range.right);
  const parentRow = isGroupRow(grid, range.top - 1, range.top, range.left, range.right) ? range.top - 1 : null;
  const { rows, ended } = dataExtent(grid, range.top + 1, range.left, range.right, 0, range.bottom);
  return {
    kind: "table",
    tableName: name,
    headerRow: range.top,
    headerRows: parentRow === null ? 1 : 2,
    columns: buildColumns(grid, range.top, parentRow, range.left, range.right, rows),
    dataRows: rows,
    ended,
    aliasHits: stats.aliasHits,
  };
}

export interface Detection {
  regions: DetectedRegion[];
  /** Set when nothing table-like was found. */
  reason?: string;
}

/** All tables (and at most one key/value form) on a grid, top to bottom. */
export function detectRegions(grid: Grid): Detection {
  if (grid.values.length === 0) return { regions: [], reason: "the sheet is empty" };
  if (grid.tables?.length) {
    return { regions: grid.tables.map((t) => regionFromExcelTable(grid, t.name, t.range)) };
  }
  const regions: DetectedRegion[] = [];
  let from = 0;
  const first = bestHeaderRow(grid, 0);
  const kv = detectKeyValue(grid);
  if (kv && (!first || (first.stats.aliasHits < kv.distinctHits && first.stats.monthHits < 3))) {
    regions.push(kv.region);
    from = kv.lastRow + 1;
  }
  for (let guard = 0; guard < 20 && from < grid.values.length; guard++) {
    const best = bestHeaderRow(grid, from);
    if (!best) break;
    // Below the first table only a clear header starts another one.
    if (regions.length > 0 && (best.stats.aliasHits < 2 || best.stats.labels < 3)) break;
    const region = regionFromHeader(grid, best.row, best.stats);
    if (region.columns.length === 0) break;
    regions.push(region);
    from = (region.dataRows.length ? region.dataRows[region.dataRows.length - 1] : region.headerRow) + 1;
  }
  if (regions.length === 0) return { regions, reason: "no header row found (no row with two or more label cells)" };
  return { regions };
}
