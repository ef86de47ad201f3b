import type ExcelJS from "exceljs";
import { isIsoDate } from "../../domain/dates";
import { columnLetters, type CellValue } from "../grid";
import { DEFAULT_FORMATS, isRichCell, plainValue, tableExtent, type ColumnSpec, type TableBlock } from "../spec";
import { safeText, safeValue } from "./block-renderer";
import { uniqueHeaders, validExcelName } from "./excel-names";

/**
 * Renders a table block as a real Excel Table (ListObject): header row, style, per-column number
 * formats, hyperlinks, cell notes, dropdown validation on every data row, and column widths.
 */

/** An internal reference (`'Sheet'!A1`, `Sheet!$B$2`, `#…`) as opposed to a URL. */
export function isInternalLink(link: string): boolean {
  if (link.startsWith("#")) return true;
  return /^(?:'(?:[^']|'')+'|[^'!\s:/][^'!:/]*)!\$?[A-Za-z]{1,3}\$?\d+(?::\$?[A-Za-z]{1,3}\$?\d+)?$/.test(link);
}

/** exceljs hyperlink target: internal links get a leading `#` (fixed into a `location` after writing). */
export function hyperlinkTarget(link: string): string {
  return isInternalLink(link) && !link.startsWith("#") ? `#${link}` : link;
}

/** Dates are calendar days: written as JS Dates at UTC midnight (ISO strings in date columns too). */
function cellValueFor(column: ColumnSpec, raw: CellValue): CellValue {
  const v = safeValue(raw);
  if (column.type === "date") {
    if (typeof v === "string" && isIsoDate(v)) return new Date(`${v}T00:00:00Z`);
    if (v instanceof Date) return new Date(Date.UTC(v.getUTCFullYear(), v.getUTCMonth(), v.getUTCDate()));
  }
  return v;
}

export function formatOf(column: ColumnSpec): string | null {
  return column.numberFormat ?? DEFAULT_FORMATS[column.type];
}

export interface TableRenderResult {
  cells: number;
  /** The name the table got (made valid and unique if the spec's was not). */
  name: string;
  hasInternalLinks: boolean;
}

interface DataValidationsLike {
  add(address: string, validation: ExcelJS.DataValidation): void;
}

export function renderTable(ws: ExcelJS.Worksheet, block: TableBlock, takenNames: Set<string>): TableRenderResult {
  const name = validExcelName(block.name, takenNames);
  const headers = uniqueHeaders(block.columns.map((c) => safeText(c.header)));
  const width = block.columns.length;
  // Excel Tables need at least one data row: an empty table gets one blank row.
  const sourceRows = block.rows.length > 0 ? block.rows : [new Array<null>(width).fill(null)];
  const rows = sourceRows.map((r) => block.columns.map((col, i) => cellValueFor(col, plainValue(r[i] ?? null))));
  ws.addTable({
    name,
    displayName: name,
    ref: `${columnLetters(block.col)}${block.row}`,
    headerRow: true,
    totalsRow: false,
    style: { theme: (block.style ?? "TableStyleMedium2") as "TableStyleMedium2", showRowStripes: true },
    columns: headers.map((h) => ({ name: h, filterButton: true })),
    rows,
  });
  let hasInternalLinks = false;
  // One style object per column, shared by its cells: exceljs registers a style per cell when it
  // saves, unless it has seen the same object before (most of writing a large table otherwise).
  // A cell that needs more (a link's font) gets its own copy, so the shared object is never changed.
  const styles = block.columns.map((column): Partial<ExcelJS.Style> => {
    const fmt = formatOf(column);
    return Object.freeze(fmt ? { numFmt: fmt } : {});
  });
  for (let r = 0; r < sourceRows.length; r++) {
    const source = sourceRows[r];
    const excelRow = ws.getRow(block.row + 1 + r);
    for (let c = 0; c < width; c++) {
      const cell = excelRow.getCell(block.col + c);
      cell.style = styles[c];
      const spec = source[c] ?? null;
      if (!isRichCell(spec)) continue;
      if (spec.link) {
        const target = hyperlinkTarget(spec.link);
        if (target.startsWith("#")) hasInternalLinks = true;
        const value = rows[r][c];
        const text =
          value === null ? spec.link : value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
        cell.value = { text: safeText(text), hyperlink: target };
        cell.style = { ...styles[c], font: { color: { argb: "FF0563C1" }, underline: true } };
      }
      if (spec.note) cell.note = safeText(spec.note);
    }
  }
  const extent = tableExtent(block);
  const validations = (ws as unknown as { dataValidations: DataValidationsLike }).dataValidations;
  block.columns.forEach((column, i) => {
    const col = block.col + i;
    if (column.width !== undefined) ws.getColumn(col).width = column.width;
    if (!column.validationList) return;
    const letters = columnLetters(col);
    validations.add(`${letters}${block.row + 1}:${letters}${extent.bottom}`, {
      type: "list",
      allowBlank: true,
      showErrorMessage: true,
      formulae: [column.validationList.replace(/^=/, "")],
    });
  });
  return { cells: (sourceRows.length + 1) * width, name, hasInternalLinks };
}
