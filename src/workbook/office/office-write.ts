import { splitSheetReference } from "../excel-names";
import type { WriteOptions, WriteReport } from "../port";
import type { ChartBlock, SheetSpec, WorkbookSpec } from "../spec";
import { renderChart } from "./chart-render";
import { rectAddress } from "./excel-addresses";
import { checkSpec } from "./spec-checks";
import type { ExcelFeatures } from "./excel-features";
import { DEFAULT_COLUMN_POINTS, renderSheet, type SheetRenderResult } from "./sheet-render";
import { SMALL_OP_BYTES, SyncBatcher } from "./sync-batcher";

/**
 * Writes a WorkbookSpec into the open workbook. Each spec sheet is replaced in place: an existing
 * sheet keeps its position and everything on it (tables, charts, comments, conditional formats,
 * dropdowns, values, formats) is removed before the new content goes in; a missing sheet is added
 * at the end; no other sheet is touched. Two syncs find out what exists; after that the batcher
 * syncs only when a request would cross the size budget, plus once at the end.
 */
export interface OfficeWriteReport extends WriteReport {
  /** What was left out on this host (older requirement sets), in words. */
  messages: string[];
  /** `context.sync()` calls this write made. */
  syncs: number;
}

export interface WriteDeps {
  context: Excel.RequestContext;
  features: ExcelFeatures;
  budget: number;
  date1904: boolean;
  options: WriteOptions;
}

export async function writeWorkbook(spec: WorkbookSpec, deps: WriteDeps): Promise<OfficeWriteReport> {
  checkSpec(spec);
  const { context, features, options } = deps;
  const specNames = new Set(spec.sheets.map((s) => s.name.toLowerCase()));

  // Sync 1: what sheets, tables and names exist.
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  const names = context.workbook.names;
  names.load("items/name,items/value");
  await context.sync();

  const existing = new Map(worksheets.items.map((w) => [w.name.toLowerCase(), w]));
  const specTables = new Set(
    spec.sheets.flatMap((s) => s.blocks.flatMap((b) => (b.kind === "table" ? [b.name.toLowerCase()] : []))),
  );
  for (const table of tables.items) {
    const owner = table.worksheet.name;
    if (specTables.has(table.name.toLowerCase()) && !specNames.has(owner.toLowerCase())) {
      throw new Error(`Table "${table.name}" already exists on sheet "${owner}", which this command does not own.`);
    }
  }
  const specDefinedNames = new Set(
    spec.sheets.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.kind === "keyFigures" ? b.items.flatMap((i) => (i.definedName ? [i.definedName.toLowerCase()] : [])) : [],
      ),
    ),
  );

  // Sync 2 (only when replacing): the charts and comments on the sheets being replaced.
  const replaced = spec.sheets.filter((s) => existing.has(s.name.toLowerCase()));
  const charts = new Map<string, Excel.ChartCollection>();
  const comments = new Map<string, Excel.CommentCollection>();
  for (const s of replaced) {
    const ws = existing.get(s.name.toLowerCase()) as Excel.Worksheet;
    const c = ws.charts;
    c.load("items/name");
    charts.set(s.name, c);
    if (features.comments) {
      const k = ws.comments;
      k.load("items/id");
      comments.set(s.name, k);
    }
  }
  if (replaced.length > 0) await context.sync();
  const replacedSheets = new Set(replaced.map((s) => s.name.toLowerCase()));

  const batcher = new SyncBatcher(
    context,
    deps.budget,
    () => {
      if (features.suspendCalculation) context.application.suspendApiCalculationUntilNextSync();
      if (features.suspendScreenUpdating) context.application.suspendScreenUpdatingUntilNextSync();
    },
    options.signal,
  );
  const report: OfficeWriteReport = { sheetsWritten: [], cellsWritten: 0, messages: [], syncs: 0 };

  // Names the spec defines, and names that point at a sheet being replaced (its cells are rewritten).
  for (const name of names.items) {
    const onReplaced = typeof name.value === "string" && replacedSheets.has(sheetOfReference(name.value));
    if (specDefinedNames.has(name.name.toLowerCase()) || onReplaced) name.delete();
  }
  const sheets = new Map<string, Excel.Worksheet>();
  for (const s of spec.sheets) {
    await batcher.reserve(SMALL_OP_BYTES * 12);
    const ws = existing.get(s.name.toLowerCase());
    if (ws) {
      for (const t of tables.items) if (t.worksheet.name === ws.name) t.delete();
      for (const chart of charts.get(s.name)?.items ?? []) chart.delete();
      for (const comment of comments.get(s.name)?.items ?? []) comment.delete();
      clearSheet(ws, features);
      sheets.set(s.name, ws);
    } else {
      sheets.set(s.name, worksheets.add(s.name));
    }
  }

  const totalCells = spec.sheets.reduce(
    (n, s) => n + s.blocks.reduce((m, b) => m + (b.kind === "table" ? (b.rows.length + 1) * b.columns.length : 0), 0),
    0,
  );
  const rendered: { spec: SheetSpec; result: SheetRenderResult }[] = [];
  for (const s of spec.sheets) {
    const before = report.cellsWritten;
    const result = await renderSheet(context, sheets.get(s.name) as Excel.Worksheet, s, { ...deps, batcher }, (n) =>
      options.progress?.({ stage: `Writing ${s.name}`, done: before + n, total: Math.max(totalCells, before + n) }),
    );
    report.cellsWritten += result.cells;
    report.messages.push(...result.messages);
    rendered.push({ spec: s, result });
  }

  // Charts and notes last: their ranges may be on sheets written after their own.
  for (const { spec: s, result } of rendered) {
    const ws = sheets.get(s.name) as Excel.Worksheet;
    for (const block of s.blocks.filter((b): b is ChartBlock => b.kind === "chart")) {
      const message = await renderChart(context, ws, block, features, batcher);
      if (message) report.messages.push(message);
    }
    if (result.notes.length > 0 && !features.comments) {
      report.messages.push(`Notes on ${s.name} were left out (this Excel lacks ExcelApi 1.10).`);
    }
    for (const note of features.comments ? result.notes : []) {
      await batcher.reserve(SMALL_OP_BYTES + note.note.length * 2);
      const cell = ws.getRange(rectAddress({ top: note.row, left: note.col, bottom: note.row, right: note.col }));
      context.workbook.comments.add(cell, note.note);
    }
  }
  // Visibility last: hiding first could leave no visible sheet while others are still being added.
  for (const s of spec.sheets) {
    (sheets.get(s.name) as Excel.Worksheet).visibility = s.hidden ? "Hidden" : "Visible";
    report.sheetsWritten.push(s.name);
  }
  await batcher.finish();
  report.syncs = batcher.syncs + (replaced.length > 0 ? 2 : 1);
  return report;
}

/** The sheet a name's reference points at (`'My Sheet'!$A$1` → `my sheet`), lower-cased; "" if none. */
function sheetOfReference(reference: string): string {
  return (splitSheetReference(reference.replace(/^=/, "")).sheet ?? "").toLowerCase();
}

/** Empties a sheet the add-in owns, keeping the sheet itself (and so its position and references to it). */
function clearSheet(ws: Excel.Worksheet, features: ExcelFeatures): void {
  const all = ws.getRange();
  if (features.conditionalFormats) all.conditionalFormats.clearAll();
  if (features.dataValidation) all.dataValidation.clear();
  ws.freezePanes.unfreeze();
  all.clear("All");
  all.format.columnWidth = DEFAULT_COLUMN_POINTS;
  if (features.pageLayout) {
    ws.pageLayout.orientation = "Portrait";
    ws.pageLayout.zoom = { scale: 100 };
  }
}
