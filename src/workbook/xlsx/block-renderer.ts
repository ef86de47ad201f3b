import type ExcelJS from "exceljs";
import { a1, quoteSheet, type CellValue } from "../grid";
import type { KeyFiguresBlock, TextBlock, TitleBlock } from "../spec";
import { finiteOrNull } from "./cell-value";
import { validExcelName } from "./excel-names";

/**
 * Renders the free-standing blocks of a sheet (titles, text lines, key figures). Every block is placed
 * exactly where the spec says; styles follow the look of a hand-made management pack.
 */

/** `RRGGBB` or `#RRGGBB` → exceljs ARGB (`FFRRGGBB`). */
export function argb(rgb: string): string {
  const hex = rgb.replace(/^#/, "").toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, "0").slice(-6)}`;
}

/** Excel's limit on the characters in one cell. */
export const MAX_CELL_CHARS = 32_767;

/**
 * Text Excel can store: no characters XML 1.0 forbids (control characters, U+FFFE/U+FFFF, lone
 * surrogates; exceljs strips only some, and one left in makes the whole file unreadable), at most
 * 32,767 characters (longer text is cut and ends with "…").
 */
export function safeText(text: string): string {
  // Surrogate pairs are matched whole and kept; a lone surrogate is dropped. (No look-behind: older
  // Safari/WebKit, which runs the add-in on some Macs, rejects it when parsing the bundle.)
  const clean = text.replace(
    // eslint-disable-next-line no-control-regex -- matching control characters is the point
    /[\uD800-\uDBFF][\uDC00-\uDFFF]|[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF\uD800-\uDFFF]/g,
    (m) => (m.length === 2 ? m : ""),
  );
  if (clean.length <= MAX_CELL_CHARS) return clean;
  let cut = clean.slice(0, MAX_CELL_CHARS - 1);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1); // never split a surrogate pair
  return `${cut}…`;
}

/** A value safe to put in a cell: NaN and ±Infinity become empty, invalid dates too, text made safe. */
export function safeValue(v: CellValue): CellValue {
  if (typeof v === "string") return safeText(v);
  if (typeof v === "number") return finiteOrNull(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  return v;
}

export function renderTitle(ws: ExcelJS.Worksheet, block: TitleBlock): number {
  const cell = ws.getCell(block.row, block.col);
  cell.value = safeText(block.text);
  cell.font = { bold: true, size: 18, color: { argb: "FF1F3864" } };
  if (block.subtitle === undefined) return 1;
  const sub = ws.getCell(block.row + 1, block.col);
  sub.value = safeText(block.subtitle);
  sub.font = { size: 11, italic: true, color: { argb: "FF595959" } };
  return 2;
}

export function renderText(ws: ExcelJS.Worksheet, block: TextBlock): number {
  block.lines.forEach((line, i) => {
    const cell = ws.getCell(block.row + i, block.col);
    cell.value = safeText(line);
    switch (block.style ?? "normal") {
      case "heading":
        cell.font = { bold: true, size: 13, color: { argb: "FF1F3864" } };
        break;
      case "note":
        cell.font = { italic: true, size: 9, color: { argb: "FF595959" } };
        break;
      case "stamp":
        cell.font = { bold: true, size: 12, color: { argb: "FFFFFFFF" } };
        cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFC00000" } };
        break;
      default:
        break;
    }
  });
  return block.lines.length;
}

/** Removes every defined name called `name` (a rewritten sheet must not leave a stale duplicate). */
export function removeDefinedName(wb: ExcelJS.Workbook, name: string): void {
  const names = wb.definedNames as unknown as { model: { name: string; ranges: string[] }[] };
  names.model = names.model.filter((n) => n.name.toLowerCase() !== name.toLowerCase());
}

export function renderKeyFigures(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  block: KeyFiguresBlock,
  takenNames: Set<string>,
): number {
  block.items.forEach((item, i) => {
    const row = block.row + i;
    const label = ws.getCell(row, block.col);
    label.value = safeText(item.label);
    label.font = { bold: true };
    const value = ws.getCell(row, block.col + 1);
    value.value = safeValue(item.value);
    if (item.numberFormat) value.numFmt = item.numberFormat;
    value.alignment = { horizontal: "right" };
    if (item.definedName) {
      takenNames.delete(item.definedName.toLowerCase());
      const name = validExcelName(item.definedName, takenNames);
      removeDefinedName(wb, name);
      const ref = a1(row, block.col + 1).replace(/^([A-Z]+)(\d+)$/, "$$$1$$$2");
      wb.definedNames.add(`${quoteSheet(ws.name)}!${ref}`, name);
    }
  });
  return block.items.length * 2;
}
