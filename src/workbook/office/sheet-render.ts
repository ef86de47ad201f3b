import { minimumColumnWidths, type ConditionalFormatSpec, type SheetSpec } from "../spec";
import { layoutBlock, type BlockLayout } from "./block-layout";
import { rectAddress, type Rect } from "./excel-addresses";
import type { ExcelFeatures } from "./excel-features";
import { writeRect } from "./rect-writer";
import { SMALL_OP_BYTES, type SyncBatcher } from "./sync-batcher";

/**
 * Renders one SheetSpec's cells and sheet-level settings onto a worksheet that has just been
 * added or cleared: values, tables, styles, links, names, dropdowns, widths, freeze panes, print
 * setup, conditional formats and tab colour. Charts and notes come later (they may point at
 * sheets written after this one).
 */
export interface SheetRenderResult {
  cells: number;
  notes: { row: number; col: number; note: string }[];
  messages: string[];
}

const hex = (rrggbb: string) => (rrggbb.startsWith("#") ? rrggbb : `#${rrggbb}`);

/** Excel column width in characters → points (7 px per character + 5 px padding, 0.75 pt per px). */
export function widthInPoints(characters: number): number {
  return Math.round((characters * 7 + 5) * 0.75 * 100) / 100;
}

/** Default width of a column (8.43 characters = 64 px). */
export const DEFAULT_COLUMN_POINTS = 48;

export async function renderSheet(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  spec: SheetSpec,
  deps: { features: ExcelFeatures; batcher: SyncBatcher; date1904: boolean },
  progress: (cells: number) => void,
): Promise<SheetRenderResult> {
  const { features, batcher } = deps;
  const result: SheetRenderResult = { cells: 0, notes: [], messages: [] };
  const layouts: BlockLayout[] = spec.blocks.map((b) => layoutBlock(b, deps.date1904));
  const widths: Record<number, number> = {};

  for (const layout of layouts) {
    for (const rect of layout.rects) {
      result.cells += await writeRect(sheet, rect, batcher);
      progress(result.cells);
    }
    const smallOps =
      layout.styles.length * 3 + layout.links.length + layout.names.length + layout.validations.length + 3;
    await batcher.reserve(SMALL_OP_BYTES * smallOps);
    if (layout.table) {
      const table = sheet.tables.add(sheet.getRange(rectAddress(layout.table.rect)), true);
      table.name = layout.table.name;
      if (layout.table.style) table.style = layout.table.style;
    }
    for (const style of layout.styles) {
      const format = sheet.getRange(rectAddress(style.rect)).format;
      if (style.bold !== undefined) format.font.bold = style.bold;
      if (style.italic !== undefined) format.font.italic = style.italic;
      if (style.size !== undefined) format.font.size = style.size;
      if (style.color !== undefined) format.font.color = style.color;
      if (style.fill !== undefined) format.fill.color = style.fill;
    }
    if (layout.links.length > 0 && !features.hyperlinks) {
      result.messages.push(`Links on ${spec.name} were left out (this Excel lacks ExcelApi 1.7).`);
    }
    for (const link of features.hyperlinks ? layout.links : []) {
      const external = /^(https?:|mailto:)/i.test(link.link);
      sheet.getRange(rectAddress({ top: link.row, left: link.col, bottom: link.row, right: link.col })).hyperlink =
        external
          ? { address: link.link, textToDisplay: link.text }
          : { documentReference: link.link.replace(/^#/, ""), textToDisplay: link.text };
    }
    for (const name of layout.names) {
      const cell = sheet.getRange(rectAddress({ top: name.row, left: name.col, bottom: name.row, right: name.col }));
      context.workbook.names.add(name.name, cell);
    }
    if (layout.validations.length > 0 && !features.dataValidation) {
      result.messages.push(`Dropdown lists on ${spec.name} were left out (this Excel lacks ExcelApi 1.8).`);
    }
    for (const v of features.dataValidation ? layout.validations : []) {
      const source = v.source.startsWith("=") ? v.source : `=${v.source}`;
      sheet.getRange(rectAddress(v.rect)).dataValidation.rule = { list: { inCellDropDown: true, source } };
    }
    result.notes.push(...layout.notes);
    Object.assign(widths, layout.widths);
  }
  Object.assign(widths, spec.columnWidths ?? {});
  Object.assign(widths, minimumColumnWidths(spec));

  const widthEntries = Object.entries(widths);
  await batcher.reserve(SMALL_OP_BYTES * (widthEntries.length + 6 + (spec.conditionalFormats?.length ?? 0) * 4));
  for (const [col, chars] of widthEntries) {
    const c = Number(col);
    sheet.getRange(rectAddress({ top: 1, left: c, bottom: 1, right: c })).format.columnWidth = widthInPoints(chars);
  }
  if (spec.freeze) freeze(sheet, spec.freeze.row - 1, spec.freeze.col - 1);
  if (spec.print) {
    if (features.pageLayout) {
      const p = spec.print;
      const layout = sheet.pageLayout;
      layout.orientation = p.landscape ? "Landscape" : "Portrait";
      if (p.onePage) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 1 };
      else if (p.fitToWidth) layout.zoom = { horizontalFitToPages: 1, verticalFitToPages: 0 };
      if (p.paper) layout.paperSize = p.paper === "A4" ? "A4" : "Letter";
      if (p.repeatRows) layout.setPrintTitleRows(`$${p.repeatRows.first}:$${p.repeatRows.last}`);
      if (p.area) layout.setPrintArea(rectAddress(p.area));
      if (p.header) layout.headersFooters.defaultForAllPages.centerHeader = p.header.replace(/&/g, "&&");
      if (p.footer !== undefined) {
        layout.headersFooters.defaultForAllPages.leftFooter = p.footer.replace(/&/g, "&&");
        layout.headersFooters.defaultForAllPages.rightFooter = "Page &P of &N";
      }
    } else {
      result.messages.push(`Print setup of ${spec.name} was left out (this Excel lacks ExcelApi 1.9).`);
    }
  }
  const rules = spec.conditionalFormats ?? [];
  if (rules.length > 0 && !features.conditionalFormats) {
    result.messages.push(`Conditional formats on ${spec.name} were left out (this Excel lacks ExcelApi 1.6).`);
  }
  for (const rule of features.conditionalFormats ? rules : []) addConditionalFormat(sheet, rule);
  sheet.tabColor = spec.tabColor ? hex(spec.tabColor) : "";
  return result;
}

function freeze(sheet: Excel.Worksheet, rows: number, cols: number): void {
  if (rows > 0 && cols > 0) {
    sheet.freezePanes.freezeAt(sheet.getRange(rectAddress({ top: 1, left: 1, bottom: rows, right: cols })));
  } else if (rows > 0) {
    sheet.freezePanes.freezeRows(rows);
  } else if (cols > 0) {
    sheet.freezePanes.freezeColumns(cols);
  }
}

const quoteText = (text: string) => `="${text.replace(/"/g, '""')}"`;

function addConditionalFormat(sheet: Excel.Worksheet, spec: ConditionalFormatSpec): void {
  const range = sheet.getRange(rectAddress(spec.range as Rect));
  const rule = spec.rule;
  if (rule.type === "colorScale") {
    const cf = range.conditionalFormats.add("ColorScale");
    cf.colorScale.criteria = {
      minimum: { type: "LowestValue", color: hex(rule.min) },
      ...(rule.mid ? { midpoint: { formula: "50", type: "Percentile", color: hex(rule.mid) } } : {}),
      maximum: { type: "HighestValue", color: hex(rule.max) },
    };
    return;
  }
  // An exact text match is a cell-value rule (EqualTo a quoted string): "contains" would also match "Amber-Red".
  const cf = range.conditionalFormats.add("CellValue");
  cf.cellValue.format.fill.color = hex(rule.fill);
  if (rule.font) cf.cellValue.format.font.color = hex(rule.font);
  if (rule.type === "textEquals") cf.cellValue.rule = { formula1: quoteText(rule.text), operator: "EqualTo" };
  if (rule.type === "greaterThan") cf.cellValue.rule = { formula1: String(rule.value), operator: "GreaterThan" };
  if (rule.type === "between") {
    cf.cellValue.rule = { formula1: String(rule.min), formula2: String(rule.max), operator: "Between" };
  }
}
