import type { CellValue, Grid } from "../workbook/grid";
import { cellAt, type DetectedColumn, type DetectedRegion } from "./header-detection";
import { parseMonthHeader } from "./date-parsing";
import { isBlankCell } from "./coercion";

/**
 * Months laid out across columns (`Sep-18 … Oct-19`, `2025-01`, `Jan 2025`, real dates in the
 * header cells): which columns are months, and for finance sheets which measure (Budget, Actual,
 * Forecast) each row or column holds. The records themselves are made in build-records.
 */

export const MIN_MONTH_COLUMNS = 3;

export type Measure = "Budget" | "Actual" | "Forecast";

export interface MonthColumn {
  column: DetectedColumn;
  /** `YYYY-MM`. */
  month: string;
  /** Measure named by the group label above the month (a two-row header), if any. */
  measure?: Measure;
}

export interface MonthLayout {
  months: MonthColumn[];
  /** The columns that are not months (project, role, measure, cost type…). */
  others: DetectedColumn[];
}

const MEASURE_WORDS: Record<string, Measure> = {
  budget: "Budget",
  plan: "Budget",
  planned: "Budget",
  baseline: "Budget",
  actual: "Actual",
  actuals: "Actual",
  spend: "Actual",
  "actual spend": "Actual",
  "actual cost": "Actual",
  forecast: "Forecast",
  fcst: "Forecast",
  outlook: "Forecast",
  eac: "Forecast",
  "forecast spend": "Forecast",
};

/** A cell or label naming a finance measure (`Actuals` → Actual). */
export function measureOf(value: CellValue | undefined): Measure | null {
  if (typeof value !== "string") return null;
  const key = value.trim().toLowerCase().replace(/\s+/g, " ");
  return MEASURE_WORDS[key] ?? null;
}

/** Month columns of a table, or null when it has fewer than three. */
export function findMonthColumns(grid: Grid, region: DetectedRegion): MonthLayout | null {
  if (region.kind !== "table") return null;
  const months: MonthColumn[] = [];
  const others: DetectedColumn[] = [];
  for (const col of region.columns) {
    const raw = cellAt(grid, region.headerRow, col.index);
    const fmt = grid.numberFormats?.[region.headerRow]?.[col.index] ?? null;
    const month = parseMonthHeader(raw, fmt, grid.date1904) ?? (col.child ? parseMonthHeader(col.child) : null);
    if (month) months.push({ column: col, month, measure: measureOf(col.parent ?? null) ?? undefined });
    else others.push(col);
  }
  return months.length >= MIN_MONTH_COLUMNS ? { months, others } : null;
}

/**
 * The column whose values name the measure of each row (`Budget`, `Actual`, `Forecast`), found by
 * its values rather than its header (people call it Measure, Line, Type, Metric…).
 */
export function findMeasureColumn(grid: Grid, region: DetectedRegion, others: DetectedColumn[]): DetectedColumn | null {
  for (const col of others) {
    let hits = 0;
    let present = 0;
    for (const r of region.dataRows.slice(0, 200)) {
      const v = cellAt(grid, r, col.index);
      if (isBlankCell(v)) continue;
      present++;
      if (measureOf(v)) hits++;
    }
    if (present > 0 && hits / present >= 0.6) return col;
  }
  return null;
}

/** Text around a table that may name its measure or unit: sheet name, title rows, other headers. */
export function contextText(grid: Grid, region: DetectedRegion, others: DetectedColumn[]): string {
  const parts = [grid.sheet, ...others.map((c) => c.header)];
  for (
    let r = Math.max(0, region.headerRow - region.headerRows - 3);
    r < region.headerRow - region.headerRows + 1;
    r++
  ) {
    for (const v of grid.values[r] ?? []) if (typeof v === "string") parts.push(v);
  }
  return parts.join(" ").toLowerCase();
}

/** A sheet-level measure from the words around the table (`Actuals 2025` → Actual). */
export function measureFromContext(text: string): Measure | null {
  if (/\bactuals?\b|\bspend\b/.test(text)) return "Actual";
  if (/\bforecasts?\b|\bfcst\b|\boutlook\b/.test(text)) return "Forecast";
  if (/\bbudgets?\b|\bplan(?:ned)?\b|\bphasing\b|\bbaseline\b/.test(text)) return "Budget";
  return null;
}

/** Whether an allocation grid counts hours rather than FTE. */
export function hoursFromContext(text: string): boolean {
  return /\bhours?\b|\bhrs\b|\bstunden\b|\bheures\b/.test(text);
}
