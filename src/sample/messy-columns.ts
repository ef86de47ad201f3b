import type { IsoDate } from "../domain/dates";
import type { ListName } from "../domain/enums";
import type { FieldValue, RegisterRecord } from "../domain/register";
import type { DateStyle, MoneyStyle, Rendered, SheetBuilder } from "./messy-cells";
import { renderDateColumn, renderEnum, renderMoney } from "./messy-cells";
import type { Picks } from "./random-picks";

/** How a field is written in a messy sheet. */
export type ColumnKind =
  | { kind: "text" }
  | { kind: "number" }
  | { kind: "enum"; list: ListName; messiness?: number }
  | { kind: "date"; mix: [DateStyle, number][] }
  | { kind: "money"; mix: [MoneyStyle, number][] }
  | { kind: "percent" }
  /** 1–5 ratings, some written as words (Very Low … Very High, upper case or not). */
  | { kind: "rating" }
  /** Numbers, some written as text with a decimal comma (`17,5`), as German sheets do. */
  | { kind: "decimal-comma" };

/** [field, header as written, how values are written]. */
export type ColumnSpec = [string, string, ColumnKind];

const RATING_WORDS = ["Very Low", "Low", "Medium", "High", "Very High"];

/** Renders one column of records; `null` cells stay empty. */
export function renderColumn(
  records: RegisterRecord[],
  field: string,
  kind: ColumnKind,
  picks: Picks,
): (Rendered | null)[] {
  const values: FieldValue[] = records.map((r) => r.values[field] ?? null);
  switch (kind.kind) {
    case "text":
    case "number":
      return values.map((v) => (v === null ? null : { value: v }));
    case "enum":
      return values.map((v) => {
        const s = renderEnum(v, kind.list, picks, kind.messiness);
        return s === null ? null : { value: s };
      });
    case "date":
      return renderDateColumn(values as (IsoDate | null)[], picks, kind.mix);
    case "money":
      return values.map((v) => (v === null ? null : renderMoney(Number(v), picks.weighted(kind.mix))));
    case "percent": {
      // Written as 0–100 (the convention reads a column as 0–100 when any value exceeds 1); an
      // estate whose every value is 0 or 1 % would be ambiguous, so it keeps fractions with a % format.
      const hundreds = values.map((v) => (v === null ? null : Math.round(Number(v) * 10000) / 100));
      if (!hundreds.some((h) => h !== null && h > 1))
        return values.map((v) => (v === null ? null : { value: v, numberFormat: "0%" }));
      return hundreds.map((h) => (h === null ? null : picks.chance(0.1) ? { value: `${h}%` } : { value: h }));
    }
    case "rating":
      return values.map((v) => {
        if (v === null) return null;
        if (!picks.chance(0.25)) return { value: v };
        const word = RATING_WORDS[Number(v) - 1];
        return { value: picks.chance(0.5) ? word.toUpperCase() : word };
      });
    case "decimal-comma":
      return values.map((v) => {
        if (v === null) return null;
        const n = Number(v);
        return Number.isInteger(n) || !picks.chance(0.7) ? { value: n } : { value: String(n).replace(".", ",") };
      });
  }
}

/** Writes a header row and the records below it, starting at (headerRow, firstCol). */
export function renderColumns(
  sheet: SheetBuilder,
  records: RegisterRecord[],
  columns: readonly ColumnSpec[],
  headerRow: number,
  firstCol: number,
  picks: Picks,
): void {
  columns.forEach(([field, header, kind], c) => {
    sheet.put(headerRow, firstCol + c, header);
    renderColumn(records, field, kind, picks).forEach((cell, r) => sheet.put(headerRow + 1 + r, firstCol + c, cell));
  });
}
