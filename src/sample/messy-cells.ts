import type { IsoDate } from "../domain/dates";
import { dateFromIso, excelSerialFromIso } from "../domain/dates";
import type { ListName } from "../domain/enums";
import { LIST_SYNONYMS } from "../domain/enums";
import type { FieldValue } from "../domain/register";
import type { CellValue } from "../workbook/grid";
import type { Picks } from "./random-picks";
import type { RawCell, RawRange, RawSheet, RawTable } from "./raw-sheet";

/** A rendered cell value with its number format (absent = General). */
export interface Rendered {
  value: CellValue;
  numberFormat?: string;
}

/** Collects cells, merges and tables for one sheet; rows and columns are 1-based. */
export class SheetBuilder {
  readonly cells: RawCell[] = [];
  readonly merges: RawRange[] = [];
  readonly tables: RawTable[] = [];

  constructor(readonly name: string) {}

  put(row: number, col: number, cell: Rendered | CellValue | undefined): void {
    if (cell === undefined || cell === null) return;
    const r: Rendered = isRendered(cell) ? cell : { value: cell };
    if (r.value === null || r.value === "") return;
    this.cells.push(
      r.numberFormat ? { row, col, value: r.value, numberFormat: r.numberFormat } : { row, col, value: r.value },
    );
  }

  merge(top: number, left: number, bottom: number, right: number): void {
    this.merges.push({ top, left, bottom, right });
  }

  build(hidden = false): RawSheet {
    const sheet: RawSheet = { name: this.name, cells: this.cells };
    if (this.merges.length) sheet.merges = this.merges;
    if (this.tables.length) sheet.tables = this.tables;
    if (hidden) sheet.hidden = true;
    return sheet;
  }
}

function isRendered(x: Rendered | CellValue): x is Rendered {
  return typeof x === "object" && x !== null && !(x instanceof Date) && "value" in x;
}

// ---- dates ---------------------------------------------------------------------------------

/** How one date cell is written: a real date with a format, a General serial, or text. */
export type DateStyle = "date" | "date-mmm" | "date-de" | "month" | "serial" | "dmy2" | "dmy4" | "dots" | "iso";

const TEXT_STYLES: readonly DateStyle[] = ["dmy2", "dmy4", "dots"];

export function renderDate(iso: IsoDate, style: DateStyle): Rendered {
  const [y, m, d] = [iso.slice(0, 4), iso.slice(5, 7), iso.slice(8, 10)];
  switch (style) {
    case "date":
      return { value: dateFromIso(iso), numberFormat: "dd/mm/yyyy" };
    case "date-mmm":
      return { value: dateFromIso(iso), numberFormat: "d-mmm-yy" };
    case "date-de":
      return { value: dateFromIso(iso), numberFormat: "dd.mm.yyyy" };
    case "month":
      return { value: dateFromIso(iso), numberFormat: "mmm-yy" };
    case "iso":
      return { value: dateFromIso(iso), numberFormat: "yyyy-mm-dd" };
    case "serial":
      return { value: excelSerialFromIso(iso) };
    case "dmy2":
      return { value: `${d}/${m}/${y.slice(2)}` };
    case "dmy4":
      return { value: `${d}/${m}/${y}` };
    case "dots":
      return { value: `${d}.${m}.${y}` };
  }
}

/**
 * Renders a date column with a mix of styles. Text dates are day-first, so each column that has
 * any text date also has at least one text date whose day is above 12 (which settles the order
 * for the whole column); when no value in the column has such a day, its text dates become real dates.
 */
export function renderDateColumn(
  values: (IsoDate | null)[],
  picks: Picks,
  mix: readonly (readonly [DateStyle, number])[],
): (Rendered | null)[] {
  const styles = values.map((v) => (v === null ? null : picks.weighted(mix)));
  const textRows = styles.map((s, i) => (s !== null && TEXT_STYLES.includes(s) ? i : -1)).filter((i) => i >= 0);
  if (textRows.length > 0 && !textRows.some((i) => Number(values[i]!.slice(8)) > 12)) {
    const textStyle = styles[textRows[0]]!;
    const candidate = values.findIndex((v) => v !== null && Number(v.slice(8)) > 12);
    if (candidate >= 0) styles[candidate] = textStyle;
    else for (const i of textRows) styles[i] = "date";
  }
  return values.map((v, i) => (v === null ? null : renderDate(v, styles[i]!)));
}

// ---- money and numbers ---------------------------------------------------------------------

const GBP = "£#,##0";
const GBP_PENCE = "£#,##0.00";

function grouped(n: number, decimals: number): string {
  const [whole, frac] = Math.abs(n).toFixed(decimals).split(".");
  const g = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${g}${frac ? `.${frac}` : ""}`;
}

export function hasPence(n: number): boolean {
  return Math.round(n * 100) % 100 !== 0;
}

/** `£1,234k` (only for exact thousands), `£1,234,567.89` text, or a number formatted in pounds. */
export type MoneyStyle = "number" | "k" | "text";

export function renderMoney(n: number, style: MoneyStyle): Rendered {
  if (style === "k" && n % 1000 === 0 && n !== 0) return { value: `£${grouped(n / 1000, 0)}k` };
  if (style === "text") return { value: `£${grouped(n, hasPence(n) ? 2 : 0)}` };
  return { value: n, numberFormat: hasPence(n) ? GBP_PENCE : GBP };
}

/** Money as CSV text: `£12,345.00` or `£12,345` (thousands separators) or `12345,67` (decimal comma). */
export function moneyText(n: number, style: "grouped" | "grouped-whole" | "decimal-comma" | "plain"): string {
  if (style === "grouped") return `£${grouped(n, 2)}`;
  if (style === "grouped-whole") return `£${grouped(n, hasPence(n) ? 2 : 0)}`;
  if (style === "decimal-comma") return n.toFixed(2).replace(".", ",");
  return String(n);
}

// ---- enumerations --------------------------------------------------------------------------

/** Spellings an ingest must map back to `canonical`: upper case, trailing space, synonyms. */
export function enumVariants(canonical: string, list: ListName): string[] {
  const synonyms = Object.entries(LIST_SYNONYMS[list] ?? {})
    .filter(([, v]) => v === canonical)
    .map(([k]) => k);
  const short = synonyms.filter((s) => s.length <= 3).map((s) => s.toUpperCase());
  return [canonical.toUpperCase(), `${canonical} `, ...short, ...synonyms.filter((s) => s.length > 3)];
}

/** Canonical most of the time, otherwise one of the variants. */
export function renderEnum(value: FieldValue, list: ListName, picks: Picks, messiness = 0.45): string | null {
  if (value === null) return null;
  const canonical = String(value);
  if (!picks.chance(messiness)) return canonical;
  return picks.pick(enumVariants(canonical, list));
}

// ---- CSV -----------------------------------------------------------------------------------

/** One CSV field, quoted when it holds the delimiter, a quote, a line break or edge spaces. */
export function csvField(text: string, delimiter: string): string {
  if (text.includes(delimiter) || /["\r\n]/.test(text) || text !== text.trim()) return `"${text.replace(/"/g, '""')}"`;
  return text;
}

export function csvText(rows: string[][], delimiter: string, eol: string): string {
  return rows.map((r) => r.map((f) => csvField(f, delimiter)).join(delimiter)).join(eol) + eol;
}

export const MONTH_ABBR = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `2025-09` → `Sep-25` (the month-header spelling of real resource plans). */
export function monthLabel(key: string): string {
  return `${MONTH_ABBR[Number(key.slice(5, 7)) - 1]}-${key.slice(2, 4)}`;
}
