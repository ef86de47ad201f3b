import type { AnalyseResult } from "../analysis/finance/analyse-register";
import { dateFromIso, type IsoDate } from "../domain/dates";
import type { CellValue } from "../workbook/grid";
import type { Block, ColumnSpec, ConditionalFormatSpec, SheetSpec, SpecValue, TableBlock } from "../workbook/spec";
import type { UnplacedBlock } from "./layout";

/**
 * Cells and blocks shared by the Schedule, Finance and Benefits Realisation sheets. A figure
 * that could not be computed becomes a blank cell (never NaN or Infinity), and its reason goes
 * into the row's Notes column.
 */
export interface AnalysisSheetOptions {
  /** Currency symbol for money formats (settings `currency`, default £). */
  currency?: string;
}

export const TAB = "375623";
const RAG_FILLS = [
  { text: "Red", fill: "FFC7CE", font: "9C0006" },
  { text: "Amber", fill: "FFEB9C", font: "9C5700" },
  { text: "Green", fill: "C6EFCE", font: "006100" },
];

export const num = (v: number | null | undefined): CellValue =>
  typeof v === "number" && Number.isFinite(v) ? v : null;
export const date = (v: IsoDate | null | undefined): CellValue => (v ? dateFromIso(v) : null);
export const yesNo = (v: boolean | null | undefined): CellValue =>
  v === null || v === undefined ? null : v ? "Yes" : "No";
/** Excel holds at most 32,767 characters in a cell; longer text is cut with a visible ellipsis. */
export const MAX_CELL_TEXT = 32_767;
export function cellText(text: string | null | undefined): CellValue {
  if (text === null || text === undefined || text === "") return null;
  return text.length > MAX_CELL_TEXT ? `${text.slice(0, MAX_CELL_TEXT - 1)}…` : text;
}

export const notes = (reasons: Record<string, string | undefined>): CellValue => {
  const parts = Object.entries(reasons)
    .filter(([, r]) => r)
    .map(([k, r]) => `${k}: ${r}`);
  return cellText(parts.join("; "));
};

/** A table, or a one-line note saying why there is none (an Excel Table needs a row). */
export function tableOr(name: string, columns: ColumnSpec[], rows: SpecValue[][], empty: string): UnplacedBlock {
  if (rows.length === 0) return { kind: "text", lines: [empty], style: "note" };
  return { kind: "table", name, columns, rows, style: "TableStyleMedium2" };
}

export function heading(text: string): UnplacedBlock {
  return { kind: "text", lines: [text], style: "heading" };
}

export function placedTable(blocks: Block[], name: string): TableBlock | undefined {
  return blocks.find((b): b is TableBlock => b.kind === "table" && b.name === name);
}

/** Red/Amber/Green fills on the named columns of a placed table. */
export function ragFormats(table: TableBlock | undefined, headers: string[]): ConditionalFormatSpec[] {
  if (!table || table.rows.length === 0) return [];
  const out: ConditionalFormatSpec[] = [];
  for (const h of headers) {
    const i = table.columns.findIndex((c) => c.header === h);
    if (i < 0) continue;
    const range = {
      top: table.row + 1,
      left: table.col + i,
      bottom: table.row + table.rows.length,
      right: table.col + i,
    };
    for (const f of RAG_FILLS)
      out.push({ range, rule: { type: "textEquals", text: f.text, fill: f.fill, font: f.font } });
  }
  return out;
}

export function frozenUnder(blocks: Block[], name: string): SheetSpec["freeze"] {
  const t = placedTable(blocks, name);
  return t ? { row: t.row + 1, col: 1 } : undefined;
}

export const SOURCE: Record<AnalyseResult["statusDateSource"], string> = {
  option: "given for this run",
  register: "the latest StatusDate in the register",
  none: "none found: date-dependent figures are blank",
};
