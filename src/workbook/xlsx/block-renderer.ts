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

/** A value safe to put in a cell: NaN and ±Infinity become empty, invalid dates too. */
export function safeValue(v: CellValue): CellValue {
  if (typeof v === "number") return finiteOrNull(v);
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : v;
  return v;
}

export function renderTitle(ws: ExcelJS.Worksheet, block: TitleBlock): number {
  const cell = ws.getCell(block.row, block.col);
  cell.value = block.text;
  cell.font = { bold: true, size: 18, color: { argb: "FF1F3864" } };
  if (block.subtitle === undefined) return 1;
  const sub = ws.getCell(block.row + 1, block.col);
  sub.value = block.subtitle;
  sub.font = { size: 11, italic: true, color: { argb: "FF595959" } };
  return 2;
}

export function renderText(ws: ExcelJS.Worksheet, block: TextBlock): number {
  block.lines.forEach((line, i) => {
    const cell = ws.getCell(block.row + i, block.col);
    cell.value = line;
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
    label.value = item.label;
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
