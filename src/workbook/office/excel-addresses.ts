import { splitSheetReference } from "../excel-names";
import { columnLetters, columnNumber, quoteSheet } from "../grid";

/** A rectangle of sheet cells, 1-based and inclusive (row 1, column 1 = A1). */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** `B3:F20`, or `B3` for a single cell: the form Excel's `getRange(address)` takes on a sheet. */
export function rectAddress(rect: Rect): string {
  const start = `${columnLetters(rect.left)}${rect.top}`;
  if (rect.top === rect.bottom && rect.left === rect.right) return start;
  return `${start}:${columnLetters(rect.right)}${rect.bottom}`;
}

/** `'Sheet name'!B3:F20`: an address usable from any sheet (data validation, charts, names). */
export function sheetRectAddress(sheet: string, rect: Rect, absolute = false): string {
  const cell = (row: number, col: number) =>
    absolute ? `$${columnLetters(col)}$${row}` : `${columnLetters(col)}${row}`;
  const start = cell(rect.top, rect.left);
  const single = rect.top === rect.bottom && rect.left === rect.right;
  return `${quoteSheet(sheet)}!${single ? start : `${start}:${cell(rect.bottom, rect.right)}`}`;
}

/**
 * Parses what Excel returns in `Range.address`: `Sheet1!B3:F20`, `'My ''Sheet'''!A1`, or a bare
 * `B3:F20`. Whole-column (`A:C`) and whole-row (`2:5`) forms are not returned for used ranges
 * and are rejected rather than guessed.
 */
export function parseRangeAddress(address: string): { sheet: string | null; rect: Rect } {
  const { sheet, rest } = splitSheetReference(address);
  const cells = sheet === null ? rest : rest.slice(1);
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(cells.trim());
  if (!m) throw new RangeError(`Not a cell range address: ${address}`);
  const top = Number(m[2]);
  const left = columnNumber(m[1]);
  const bottom = m[4] ? Number(m[4]) : top;
  const right = m[3] ? columnNumber(m[3]) : left;
  return {
    sheet,
    rect: {
      top: Math.min(top, bottom),
      left: Math.min(left, right),
      bottom: Math.max(top, bottom),
      right: Math.max(left, right),
    },
  };
}
