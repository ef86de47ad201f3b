import { isIsoDate, isoFromDate } from "../../domain/dates";
import type { CellValue } from "../grid";
import {
  DEFAULT_FORMATS,
  isRichCell,
  plainValue,
  tableExtent,
  type Block,
  type ColumnSpec,
  type SpecValue,
  type TableBlock,
} from "../spec";
import type { Rect } from "./excel-addresses";
import { daySerial, isDateFormat, serialFromDate } from "./excel-dates";

/**
 * Turns a spec block into rectangles of Excel input (values plus one number format per cell),
 * before anything talks to Excel. This is where text safety is decided: every string lands in a
 * cell formatted "@" (text), because `Range.values` treats a string like typed input (`=…`, `+…`,
 * `-…`, `@…` become formulas; `00123`, `5%`, `TRUE`, `2025-01-31` change type). Numbers and
 * booleans never go into "@" cells, because Excel would store them as text.
 */
export type ExcelInput = string | number | boolean;

export const GENERAL = "General";
const TEXT = "@";
const DEFAULT_DATE_FORMAT = "yyyy-mm-dd";

export interface CellRect {
  top: number;
  left: number;
  /** "" = empty cell (null would mean "leave unchanged" to Excel). */
  values: ExcelInput[][];
  formats: string[][];
}

export interface CellStyle {
  rect: Rect;
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  fill?: string;
}

export interface BlockLayout {
  rects: CellRect[];
  styles: CellStyle[];
  links: { row: number; col: number; link: string; text: string }[];
  notes: { row: number; col: number; note: string }[];
  /** Workbook-level names for single cells (key figures). */
  names: { name: string; row: number; col: number }[];
  /** Dropdown lists: a rectangle and the list's source reference (without "="). */
  validations: { rect: Rect; source: string }[];
  table?: { name: string; rect: Rect; style?: string };
  /** Column widths in characters by column number. */
  widths: Record<number, number>;
}

/** One cell's Excel input and number format (see the file comment for the text-safety rules). */
export function excelCell(
  value: CellValue,
  columnFormat: string | null,
  options: { date1904: boolean; dateColumn?: boolean },
): { value: ExcelInput; format: string } {
  const format = columnFormat ?? GENERAL;
  const dateFormat = () => (isDateFormat(columnFormat) ? format : DEFAULT_DATE_FORMAT);
  if (value === null || value === undefined || value === "") return { value: "", format };
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return { value: "", format };
    // A date column holds calendar days: the time of day is dropped (as the xlsx adapter does).
    const serial = options.dateColumn
      ? daySerial(isoFromDate(value), options.date1904)
      : serialFromDate(value, options.date1904);
    return { value: serial, format: dateFormat() };
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value)) return { value: "", format };
    return { value, format: format === TEXT ? GENERAL : format };
  }
  if (typeof value === "boolean") return { value, format: format === TEXT ? GENERAL : format };
  // ISO date strings in a date column are dates the register keeps as text (domain/dates.ts).
  if (options.dateColumn && isIsoDate(value)) {
    return { value: daySerial(value, options.date1904), format: dateFormat() };
  }
  return { value, format: TEXT };
}

function emptyLayout(): BlockLayout {
  return { rects: [], styles: [], links: [], notes: [], names: [], validations: [], widths: {} };
}

function noteRich(layout: BlockLayout, v: SpecValue, row: number, col: number): void {
  if (!isRichCell(v)) return;
  const text = v.value === null ? "" : v.value instanceof Date ? v.value.toISOString().slice(0, 10) : String(v.value);
  if (v.link) layout.links.push({ row, col, link: v.link, text });
  if (v.note) layout.notes.push({ row, col, note: v.note });
}

/** A single column of plain strings starting at (row, col). */
function textColumn(row: number, col: number, lines: string[], date1904: boolean): CellRect {
  const cells = lines.map((line) => excelCell(line, null, { date1904 }));
  return { top: row, left: col, values: cells.map((c) => [c.value]), formats: cells.map((c) => [c.format]) };
}

export function columnFormat(column: ColumnSpec): string | null {
  return column.numberFormat ?? DEFAULT_FORMATS[column.type];
}

function tableLayout(block: TableBlock, date1904: boolean): BlockLayout {
  const layout = emptyLayout();
  const extent = tableExtent(block);
  const formats = block.columns.map(columnFormat);
  const header = block.columns.map((c) => excelCell(c.header, null, { date1904 }));
  const values: ExcelInput[][] = [header.map((c) => c.value)];
  const cellFormats: string[][] = [header.map((c) => c.format)];
  const rows = block.rows.length > 0 ? block.rows : [block.columns.map(() => null)];
  rows.forEach((row, r) => {
    const rowValues: ExcelInput[] = [];
    const rowFormats: string[] = [];
    block.columns.forEach((column, c) => {
      const spec = row[c] ?? null;
      const cell = excelCell(plainValue(spec), formats[c], { date1904, dateColumn: column.type === "date" });
      rowValues.push(cell.value);
      rowFormats.push(cell.format);
      noteRich(layout, spec, block.row + 1 + r, block.col + c);
    });
    values.push(rowValues);
    cellFormats.push(rowFormats);
  });
  layout.rects.push({ top: block.row, left: block.col, values, formats: cellFormats });
  layout.styles.push({ rect: { top: block.row, left: block.col, bottom: block.row, right: extent.right }, bold: true });
  layout.table = { name: block.name, rect: extent, style: block.style };
  block.columns.forEach((column, c) => {
    if (column.width !== undefined) layout.widths[block.col + c] = column.width;
    if (column.validationList) {
      layout.validations.push({
        rect: { top: block.row + 1, left: block.col + c, bottom: extent.bottom, right: block.col + c },
        source: column.validationList,
      });
    }
  });
  return layout;
}

/** Lays out every block kind except charts (charts are rendered from their own spec). */
export function layoutBlock(block: Block, date1904: boolean): BlockLayout {
  const layout = emptyLayout();
  switch (block.kind) {
    case "title": {
      const lines = block.subtitle === undefined ? [block.text] : [block.text, block.subtitle];
      layout.rects.push(textColumn(block.row, block.col, lines, date1904));
      layout.styles.push({ rect: cellRect(block.row, block.col), bold: true, size: 16 });
      if (block.subtitle !== undefined) {
        layout.styles.push({ rect: cellRect(block.row + 1, block.col), italic: true, color: "#595959" });
      }
      return layout;
    }
    case "text": {
      if (block.lines.length === 0) return layout;
      layout.rects.push(textColumn(block.row, block.col, block.lines, date1904));
      const rect = { top: block.row, left: block.col, bottom: block.row + block.lines.length - 1, right: block.col };
      if (block.style === "heading") layout.styles.push({ rect, bold: true, size: 13 });
      if (block.style === "note") layout.styles.push({ rect, italic: true, size: 9, color: "#767676" });
      if (block.style === "stamp") layout.styles.push({ rect, bold: true, color: "#FFFFFF", fill: "#C00000" });
      return layout;
    }
    case "keyFigures": {
      if (block.items.length === 0) return layout;
      const values: ExcelInput[][] = [];
      const formats: string[][] = [];
      block.items.forEach((item, i) => {
        const label = excelCell(item.label, null, { date1904 });
        const value = excelCell(item.value, item.numberFormat ?? null, { date1904 });
        values.push([label.value, value.value]);
        formats.push([label.format, value.format]);
        if (item.definedName) layout.names.push({ name: item.definedName, row: block.row + i, col: block.col + 1 });
      });
      layout.rects.push({ top: block.row, left: block.col, values, formats });
      const bottom = block.row + block.items.length - 1;
      layout.styles.push({ rect: { top: block.row, left: block.col, bottom, right: block.col }, bold: true });
      return layout;
    }
    case "table":
      return tableLayout(block, date1904);
    case "chart":
      return layout;
  }
}

function cellRect(row: number, col: number): Rect {
  return { top: row, left: col, bottom: row, right: col };
}
