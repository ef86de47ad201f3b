import type ExcelJS from "exceljs";
import { columnLetters } from "../grid";
import { minimumColumnWidths, type ChartBlock, type ConditionalFormatSpec, type SheetSpec } from "../spec";
import { argb, renderKeyFigures, renderText, renderTitle } from "./block-renderer";
import { renderTable } from "./table-renderer";

/**
 * Renders one SheetSpec onto an empty exceljs worksheet: its blocks, then the sheet-level settings
 * (column widths, freeze panes, print setup, tab colour, visibility, conditional formats). Charts are
 * not drawn here (exceljs cannot): they are returned so the workbook can add them as chart parts.
 */

export interface SheetRenderResult {
  cells: number;
  charts: ChartBlock[];
  hasInternalLinks: boolean;
}

function dxf(fill: string, font?: string): ExcelJS.Style {
  const style: Partial<ExcelJS.Style> = { fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(fill) } } };
  if (font) style.font = { color: { argb: argb(font) } };
  return style as ExcelJS.Style;
}

/** An Excel string literal for a formula: quotes doubled. */
function stringLiteral(text: string): string {
  return `"${text.replace(/"/g, '""')}"`;
}

/**
 * One exceljs rule for a conditional format. `priority` must be unique within the sheet: Excel
 * evaluates rules in priority order, and equal priorities (exceljs's default of 1 for every rule
 * given one) leave the order to chance.
 */
export function conditionalRule(spec: ConditionalFormatSpec, priority = 1): ExcelJS.ConditionalFormattingRule {
  const rule = spec.rule;
  switch (rule.type) {
    case "textEquals":
      return {
        type: "cellIs",
        operator: "equal",
        formulae: [stringLiteral(rule.text)],
        style: dxf(rule.fill, rule.font),
        priority,
      };
    case "greaterThan":
      return {
        type: "cellIs",
        operator: "greaterThan",
        formulae: [rule.value],
        style: dxf(rule.fill, rule.font),
        priority,
      };
    case "between":
      return {
        type: "cellIs",
        operator: "between",
        formulae: [rule.min, rule.max],
        style: dxf(rule.fill, rule.font),
        priority,
      };
    case "colorScale": {
      const cfvo: ExcelJS.Cvfo[] =
        rule.mid === undefined
          ? [{ type: "min" }, { type: "max" }]
          : [{ type: "min" }, { type: "percentile", value: 50 }, { type: "max" }];
      const colors = (rule.mid === undefined ? [rule.min, rule.max] : [rule.min, rule.mid, rule.max]).map((c) => ({
        argb: argb(c),
      }));
      return { type: "colorScale", cfvo, color: colors, priority };
    }
  }
}

function rangeAddress(r: { top: number; left: number; bottom: number; right: number }): string {
  return `${columnLetters(r.left)}${r.top}:${columnLetters(r.right)}${r.bottom}`;
}

export function renderSheet(
  wb: ExcelJS.Workbook,
  ws: ExcelJS.Worksheet,
  spec: SheetSpec,
  takenNames: Set<string>,
): SheetRenderResult {
  let cells = 0;
  let hasInternalLinks = false;
  const charts: ChartBlock[] = [];
  for (const block of spec.blocks) {
    switch (block.kind) {
      case "title":
        cells += renderTitle(ws, block);
        break;
      case "text":
        cells += renderText(ws, block);
        break;
      case "keyFigures":
        cells += renderKeyFigures(wb, ws, block, takenNames);
        break;
      case "table": {
        const t = renderTable(ws, block, takenNames);
        cells += t.cells;
        hasInternalLinks ||= t.hasInternalLinks;
        break;
      }
      case "chart":
        charts.push(block);
        break;
    }
  }
  for (const [col, width] of Object.entries(spec.columnWidths ?? {})) {
    if (Number.isFinite(width) && width > 0) ws.getColumn(Number(col)).width = width;
  }
  for (const [col, min] of Object.entries(minimumColumnWidths(spec))) ws.getColumn(Number(col)).width = min;
  if (spec.freeze && (spec.freeze.row > 1 || spec.freeze.col > 1)) {
    ws.views = [{ state: "frozen", xSplit: spec.freeze.col - 1, ySplit: spec.freeze.row - 1 }];
  }
  if (spec.print) {
    // Set fields one by one: replacing pageSetup wholesale would drop exceljs's default margins.
    const p = spec.print;
    ws.pageSetup.orientation = p.landscape ? "landscape" : "portrait";
    if (p.fitToWidth || p.onePage) {
      ws.pageSetup.fitToPage = true;
      ws.pageSetup.fitToWidth = 1;
      ws.pageSetup.fitToHeight = p.onePage ? 1 : 0;
    }
    // OOXML paper codes: 9 is A4, 1 is Letter.
    if (p.paper) ws.pageSetup.paperSize = (p.paper === "A4" ? 9 : 1) as ExcelJS.PaperSize;
    if (p.repeatRows) ws.pageSetup.printTitlesRow = `${p.repeatRows.first}:${p.repeatRows.last}`;
    // exceljs prefixes "$" to each corner's column only ("$A1:$H85", which LibreOffice reads as no
    // print area), so the rows are given absolute here to make "$A$1:$H$85".
    if (p.area) ws.pageSetup.printArea = rangeAddress(p.area).replace(/([A-Z]+)(\d+)/g, "$1$$$2");
    if (p.header) ws.headerFooter.oddHeader = `&C${headerFooterText(p.header)}`;
    if (p.footer !== undefined) ws.headerFooter.oddFooter = `&L${headerFooterText(p.footer)}&RPage &P of &N`;
  }
  if (spec.tabColor) ws.properties.tabColor = { argb: argb(spec.tabColor) };
  ws.state = spec.hidden ? "hidden" : "visible";
  // Priorities 1, 2, 3… in the spec's order: the first format listed wins where two overlap.
  (spec.conditionalFormats ?? []).forEach((cf, i) => {
    ws.addConditionalFormatting({ ref: rangeAddress(cf.range), rules: [conditionalRule(cf, i + 1)] });
  });
  return { cells, charts, hasInternalLinks };
}

/** Header and footer text is a little language: "&" starts a code, so a literal one is doubled. */
function headerFooterText(text: string): string {
  return text.replace(/&/g, "&&").slice(0, 200);
}
