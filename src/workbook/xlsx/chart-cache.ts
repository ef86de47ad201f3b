import type ExcelJS from "exceljs";
import type { ChartBlock, SheetRange } from "../spec";
import { plainCellValue } from "./cell-value";
import type { SeriesCache } from "./chart-xml";

/**
 * Reads, from the exceljs workbook about to be saved, the values each chart series points at, so the
 * chart parts can carry them as caches (c:numCache / c:strCache). It runs before `writeBuffer`:
 * reading the saved bytes back through exceljs would be slower and lose nothing we need here.
 * Formula cells give their saved result; empty cells give null (a gap in the cache).
 */

const MS_PER_DAY = 86_400_000;

/** Excel serial of a UTC-midnight date (25569 = 1970-01-01 in the 1900 system, 24107 in 1904). */
function serial(d: Date, date1904: boolean): number {
  return d.getTime() / MS_PER_DAY + (date1904 ? 24107 : 25569);
}

/** Cells of a range in reading order (row by row), as exceljs holds them (undefined = never set). */
function cellsOf(ws: ExcelJS.Worksheet, r: SheetRange): (ExcelJS.Cell | undefined)[] {
  const out: (ExcelJS.Cell | undefined)[] = [];
  for (let row = r.top; row <= r.bottom; row++) {
    const found = ws.findRow(row);
    for (let col = r.left; col <= r.right; col++) out.push(found?.findCell(col));
  }
  return out;
}

function numberFormatOf(cells: (ExcelJS.Cell | undefined)[]): string | undefined {
  const first = cells.find((c) => c !== undefined && c.value !== null && c.value !== undefined);
  const fmt = first?.numFmt;
  return typeof fmt === "string" && fmt !== "" ? fmt : undefined;
}

function categoryOf(cell: ExcelJS.Cell | undefined, date1904: boolean): string | number | null {
  const v = plainCellValue(cell?.value).value;
  if (v === null) return null;
  if (v instanceof Date) return serial(v, date1904);
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

function numberOf(cell: ExcelJS.Cell | undefined, date1904: boolean): number | null {
  const v = plainCellValue(cell?.value).value;
  if (typeof v === "number") return v;
  if (v instanceof Date) return serial(v, date1904);
  // Text, booleans and errors are not plotted from the cache; Excel re-reads the cells anyway.
  return null;
}

function sheetOf(
  wb: ExcelJS.Workbook,
  chart: ChartBlock,
  r: SheetRange,
  fallback?: ExcelJS.Workbook,
): ExcelJS.Worksheet {
  const lower = r.sheet.toLowerCase();
  const find = (book: ExcelJS.Workbook) => book.worksheets.find((w) => w.name.toLowerCase() === lower);
  const ws = find(wb) ?? (fallback ? find(fallback) : undefined);
  if (!ws) throw new Error(`Chart "${chart.title}" points at sheet "${r.sheet}", which is not in the workbook.`);
  return ws;
}

/**
 * One cache per series of `chart`, aligned with `chart.series`. A series on a sheet `wb` does not
 * hold is read from `fallback` (the opened workbook, when `wb` holds only the sheets being written).
 */
export function readChartCaches(wb: ExcelJS.Workbook, chart: ChartBlock, fallback?: ExcelJS.Workbook): SeriesCache[] {
  const date1904 = wb.properties?.date1904 === true;
  return chart.series.map((s) => {
    const catCells = cellsOf(sheetOf(wb, chart, s.categories, fallback), s.categories);
    const valCells = cellsOf(sheetOf(wb, chart, s.values, fallback), s.values);
    const cache: SeriesCache = {
      categories: catCells.map((c) => categoryOf(c, date1904)),
      values: valCells.map((c) => numberOf(c, date1904)),
    };
    const categoryFormat = numberFormatOf(catCells);
    const valueFormat = numberFormatOf(valCells);
    if (categoryFormat !== undefined) cache.categoryFormat = categoryFormat;
    if (valueFormat !== undefined) cache.valueFormat = valueFormat;
    return cache;
  });
}
