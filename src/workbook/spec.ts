import type { CellValue } from "./grid";

/**
 * What writing a workbook takes: a WorkbookSpec built by pure code, rendered by each adapter
 * without deciding anything about content. Every block carries its own position (1-based sheet
 * row and column) so that both renderers put every cell in the same place.
 */
export type ColumnType = "text" | "longText" | "integer" | "number" | "money" | "percent" | "date" | "bool";

/** A cell with more than a value. `link` is an internal reference (`'Projects'!C12`) or a URL. */
export interface RichCell {
  value: CellValue;
  link?: string;
  note?: string;
}
export type SpecValue = CellValue | RichCell;

export function isRichCell(v: SpecValue): v is RichCell {
  return v !== null && typeof v === "object" && !(v instanceof Date);
}

export function plainValue(v: SpecValue): CellValue {
  return isRichCell(v) ? v.value : v;
}

/** A rectangle on a named sheet, 1-based and inclusive. */
export interface SheetRange {
  sheet: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ColumnSpec {
  header: string;
  type: ColumnType;
  /** Excel number format; defaults come from the type (see DEFAULT_FORMATS). */
  numberFormat?: string;
  /** Column width in characters. */
  width?: number;
  /** Dropdown: a list range on the hidden lists sheet, e.g. `'PMO Lists'!$B$2:$B$6`. */
  validationList?: string;
}

export interface TitleBlock {
  kind: "title";
  row: number;
  col: number;
  text: string;
  subtitle?: string;
}

export interface TextBlock {
  kind: "text";
  row: number;
  col: number;
  lines: string[];
  /** `stamp` is the "not compliant" banner; `note` is small grey text. */
  style?: "normal" | "heading" | "note" | "stamp";
}

export interface KeyFigure {
  label: string;
  value: number | string | null;
  numberFormat?: string;
  /** Workbook-level defined name for the value cell (e.g. `PortfolioBudget`). */
  definedName?: string;
}

/** Label/value pairs laid out as a two-column list: label at `col`, value at `col + 1`. */
export interface KeyFiguresBlock {
  kind: "keyFigures";
  row: number;
  col: number;
  items: KeyFigure[];
}

export interface TableBlock {
  kind: "table";
  row: number;
  col: number;
  /** Excel Table name (unique in the workbook, letters/digits/underscore). */
  name: string;
  columns: ColumnSpec[];
  rows: SpecValue[][];
  /** Built-in table style name, e.g. `TableStyleMedium2`. */
  style?: string;
}

export type ChartType = "column" | "bar" | "line" | "pie" | "doughnut" | "scatter";

export interface ChartSeries {
  name: string;
  /** Category labels (or x values for a scatter chart). */
  categories: SheetRange;
  values: SheetRange;
  /** Optional colour as RRGGBB. */
  color?: string;
}

export interface ChartBlock {
  kind: "chart";
  /** Top-left cell of the chart's frame. */
  row: number;
  col: number;
  /** Size of the frame in cells. */
  widthCols: number;
  heightRows: number;
  type: ChartType;
  title: string;
  series: ChartSeries[];
  xTitle?: string;
  yTitle?: string;
  /** Number format of the value axis (`"£"#,##0.0,,"m"` reads 20000000 as £20.0m); default the cells' own. */
  yNumberFormat?: string;
  /** Number format of a scatter chart's x (value) axis. */
  xNumberFormat?: string;
  /** For pie/doughnut: one colour per category point, RRGGBB. */
  pointColors?: string[];
}

export type Block = TitleBlock | TextBlock | KeyFiguresBlock | TableBlock | ChartBlock;

export type ConditionalRule =
  | { type: "textEquals"; text: string; fill: string; font?: string }
  | { type: "greaterThan"; value: number; fill: string; font?: string }
  | { type: "between"; min: number; max: number; fill: string; font?: string }
  | { type: "colorScale"; min: string; mid?: string; max: string };

export interface ConditionalFormatSpec {
  /** 1-based, inclusive, on this sheet. */
  range: { top: number; left: number; bottom: number; right: number };
  rule: ConditionalRule;
}

export interface SheetSpec {
  name: string;
  hidden?: boolean;
  /** RRGGBB. */
  tabColor?: string;
  blocks: Block[];
  /** Column widths in characters by 1-based column number. */
  columnWidths?: Record<number, number>;
  /** Freeze rows above `row` and columns left of `col` (1-based: { row: 2, col: 1 } freezes row 1). */
  freeze?: { row: number; col: number };
  print?: PrintSpec;
  conditionalFormats?: ConditionalFormatSpec[];
}

/** How a sheet prints: paper, orientation, fit, repeated header rows, the printed range, header and footer. */
export interface PrintSpec {
  landscape: boolean;
  /** One page wide, as many tall as needed. */
  fitToWidth: boolean;
  /** The whole print area on one page (wins over fitToWidth). */
  onePage?: boolean;
  /** Default Letter (the hosts' own default) when absent. */
  paper?: "A4" | "Letter";
  /** 1-based rows repeated at the top of every printed page. */
  repeatRows?: { first: number; last: number };
  /** 1-based, inclusive: the range printed (leaves out, say, a dashboard's chart-data tables). */
  area?: { top: number; left: number; bottom: number; right: number };
  /** Centre header text (the pack's title and date). */
  header?: string;
  /** Left footer text; the right footer always reads "Page X of Y" when a footer is given. */
  footer?: string;
}

export interface WorkbookSpec {
  sheets: SheetSpec[];
  properties?: { title?: string; creator?: string };
}

/** Default number formats per column type (money formats get the currency symbol at build time). */
export const DEFAULT_FORMATS: Record<ColumnType, string | null> = {
  text: "@",
  longText: "@",
  integer: "0",
  number: "#,##0.00",
  money: "#,##0",
  percent: "0.0%",
  date: "yyyy-mm-dd",
  bool: "@",
};

/** Where a table block's header and last row fall (1-based, inclusive). */
export function tableExtent(block: TableBlock): { top: number; left: number; bottom: number; right: number } {
  return {
    top: block.row,
    left: block.col,
    bottom: block.row + Math.max(block.rows.length, 1),
    right: block.col + block.columns.length - 1,
  };
}

/** Narrowest width (characters) that shows a value of the type without "###" in Excel or in print. */
const MIN_WIDTH: Partial<Record<ColumnSpec["type"], number>> = { date: 11 };

/**
 * Widths to raise so each column shows the typed table columns it holds: a date column narrower
 * than a date prints as "###". It reads the widths the spec itself gives (table columns, then the
 * sheet's columnWidths, as both hosts apply them) and returns only the columns to widen, which both
 * hosts apply last.
 */
export function minimumColumnWidths(sheet: SheetSpec): Record<number, number> {
  const given: Record<number, number> = {};
  const needed: Record<number, number> = {};
  for (const b of sheet.blocks) {
    if (b.kind !== "table") continue;
    b.columns.forEach((c, i) => {
      if (c.width !== undefined) given[b.col + i] = c.width;
      const min = MIN_WIDTH[c.type];
      if (min !== undefined) needed[b.col + i] = Math.max(needed[b.col + i] ?? 0, min);
    });
  }
  Object.assign(given, sheet.columnWidths ?? {});
  const out: Record<number, number> = {};
  for (const [col, min] of Object.entries(needed))
    if ((given[Number(col)] ?? DEFAULT_WIDTH) < min) out[Number(col)] = min;
  return out;
}

/** Excel's default column width in characters. */
const DEFAULT_WIDTH = 8.43;
