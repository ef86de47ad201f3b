import ExcelJS from "exceljs";
import JSZip from "jszip";
import { splitSheetReference } from "../excel-names";
import type { ReadResult } from "../grid";
import type { ReadOptions, WorkbookPort, WriteOptions, WriteReport } from "../port";
import { NOT_SELECTED } from "../port";
import type { ChartBlock, WorkbookSpec } from "../spec";
import { readChartCaches } from "./chart-cache";
import { insertChartParts } from "./chart-parts";
import { assertValidSheetName } from "./excel-names";
import { sniffXlsx, toUint8Array } from "./file-sniff";
import { missingResultWarning, tableNames, worksheetToGrid } from "./grid-builder";
import { repairInternalHyperlinks } from "./internal-links";
import { readSheetCatalog, type SheetCatalog } from "./sheet-catalog";
import { sheetNameTooLong } from "./sheet-name-length";
import { renderSheet } from "./sheet-renderer";
import { reorderWorksheetTails } from "./worksheet-order";
import { loadWithSecondChance } from "./xlsx-reader";

/**
 * The xlsx host adapter: a workbook held in memory (bytes in, bytes out) behind the same port as the
 * Office adapter. `write` replaces each spec sheet in place (same tab position) or adds it; other
 * sheets are left as exceljs loaded them. Known exceljs limits for an opened file: it drops existing
 * charts, pivot tables and internal (location-only) hyperlinks of the sheets it re-saves.
 */

interface DefinedNameModel {
  name: string;
  ranges: string[];
}

/** The sheet a defined-name range points at (`'My Sheet'!$A$1` → `My Sheet`). */
function rangeSheet(range: string): string {
  return splitSheetReference(range).sheet ?? "";
}

/** exceljs keeps tab order in `orderNo` (not in its typings). */
type Ordered = ExcelJS.Worksheet & { orderNo: number };

export class XlsxWorkbook implements WorkbookPort {
  readonly label: string;
  private readonly wb: ExcelJS.Workbook;
  private readonly catalog: SheetCatalog | null;
  private readonly chartsBySheet = new Map<string, ChartBlock[]>();
  private internalLinks = false;

  private constructor(label: string, wb: ExcelJS.Workbook, catalog: SheetCatalog | null) {
    this.label = label;
    this.wb = wb;
    this.catalog = catalog;
  }

  /** Opens an existing .xlsx. Throws an Error whose message says what is wrong and what to do. */
  static async open(input: Uint8Array | ArrayBuffer, file: string): Promise<XlsxWorkbook> {
    const bytes = toUint8Array(input);
    const sniff = await sniffXlsx(bytes, file);
    if (!sniff.ok) throw new Error(sniff.problem.message);
    const catalog = await readSheetCatalog(sniff.zip);
    const tooLong = sheetNameTooLong(file, catalog);
    if (tooLong) throw new Error(tooLong);
    try {
      return new XlsxWorkbook(file, await loadWithSecondChance(bytes, sniff.zip, false), catalog);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(
        sheetNameTooLong(file, catalog) ??
          `${file} could not be opened (${why}). Open it in Excel, save it again as .xlsx, and retry.`,
      );
    }
  }

  /** A new, empty workbook. */
  static create(label = "new workbook"): XlsxWorkbook {
    return new XlsxWorkbook(label, new ExcelJS.Workbook(), null);
  }

  private orderedSheets(): ExcelJS.Worksheet[] {
    return ([...this.wb.worksheets] as Ordered[]).sort((a, b) => a.orderNo - b.orderNo);
  }

  private findSheet(name: string): ExcelJS.Worksheet | undefined {
    const lower = name.toLowerCase();
    return this.wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
  }

  async read(options: ReadOptions = {}): Promise<ReadResult> {
    const result: ReadResult = { file: this.label, grids: [], skipped: [], problems: [] };
    const wanted = options.sheets ? new Set(options.sheets) : null;
    const date1904 = this.wb.properties?.date1904 === true;
    for (const entry of this.catalog?.sheets ?? []) {
      if (entry.kind === "chartsheet" && (!wanted || wanted.has(entry.name))) {
        result.skipped.push({ sheet: entry.name, reason: "chart sheet (holds a chart, no cells)" });
      }
    }
    const listed = this.orderedSheets().filter((ws) => !wanted || wanted.has(ws.name));
    const select = options.select;
    const sheets = select
      ? listed.filter((ws) => {
          if (select({ name: ws.name, tables: tableNames(ws) })) return true;
          result.skipped.push({ sheet: ws.name, reason: NOT_SELECTED });
          return false;
        })
      : listed;
    sheets.forEach((ws, i) => {
      options.signal?.throwIfAborted();
      options.progress?.({ stage: "Reading sheets", done: i, total: sheets.length, message: ws.name });
      const pivotAreas = this.catalog?.sheets.find((s) => s.name === ws.name)?.pivotAreas ?? [];
      const outcome = worksheetToGrid(ws, { file: this.label, date1904, pivotAreas });
      result.problems.push(...outcome.problems);
      if (outcome.missingResults > 0)
        result.problems.push(missingResultWarning(this.label, ws.name, outcome.missingResults));
      if (outcome.kind === "grid") result.grids.push(outcome.grid);
      else result.skipped.push({ sheet: ws.name, reason: outcome.reason });
    });
    return result;
  }

  /** Names already used by tables and defined names outside the sheets about to be replaced. */
  private takenNames(replacing: Set<string>): Set<string> {
    const taken = new Set<string>();
    for (const ws of this.wb.worksheets) {
      if (replacing.has(ws.name.toLowerCase())) continue;
      const tables = (ws as unknown as { tables?: Record<string, unknown> }).tables ?? {};
      for (const name of Object.keys(tables)) taken.add(name.toLowerCase());
    }
    const names = (this.wb.definedNames as unknown as { model: DefinedNameModel[] }).model;
    for (const n of names) {
      if (n.ranges.some((r) => !replacing.has(rangeSheet(r).toLowerCase()))) taken.add(n.name.toLowerCase());
    }
    return taken;
  }

  /** Drops defined names that point only at a sheet being replaced (its key figures are rewritten). */
  private dropNamesOn(sheet: string): void {
    const holder = this.wb.definedNames as unknown as { model: DefinedNameModel[] };
    const lower = sheet.toLowerCase();
    holder.model = holder.model
      .map((n) => ({ name: n.name, ranges: n.ranges.filter((r) => rangeSheet(r).toLowerCase() !== lower) }))
      .filter((n) => n.ranges.length > 0);
  }

  async write(spec: WorkbookSpec, options: WriteOptions = {}): Promise<WriteReport> {
    // Validate every name first so that a bad spec changes nothing.
    for (const sheet of spec.sheets) assertValidSheetName(sheet.name);
    const replacing = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
    const taken = this.takenNames(replacing);
    const report: WriteReport = { sheetsWritten: [], cellsWritten: 0 };
    for (const [i, sheetSpec] of spec.sheets.entries()) {
      options.signal?.throwIfAborted();
      options.progress?.({ stage: "Writing sheets", done: i, total: spec.sheets.length, message: sheetSpec.name });
      const existing = this.findSheet(sheetSpec.name);
      let ws: ExcelJS.Worksheet;
      try {
        if (existing) {
          const orderNo = (existing as Ordered).orderNo;
          this.dropNamesOn(existing.name);
          this.chartsBySheet.delete(existing.name);
          this.wb.removeWorksheet(existing.id);
          ws = this.wb.addWorksheet(sheetSpec.name);
          (ws as Ordered).orderNo = orderNo;
        } else {
          ws = this.wb.addWorksheet(sheetSpec.name);
        }
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new Error(`Cannot write sheet "${sheetSpec.name}": ${why}`);
      }
      const rendered = renderSheet(this.wb, ws, sheetSpec, taken);
      this.chartsBySheet.set(ws.name, rendered.charts);
      this.internalLinks ||= rendered.hasInternalLinks;
      report.sheetsWritten.push(ws.name);
      report.cellsWritten += rendered.cells;
    }
    options.progress?.({ stage: "Writing sheets", done: spec.sheets.length, total: spec.sheets.length });
    if (spec.properties?.title !== undefined) this.wb.title = spec.properties.title;
    if (spec.properties?.creator !== undefined) this.wb.creator = spec.properties.creator;
    return report;
  }

  /** The workbook as .xlsx bytes, with internal links and sheet element order repaired and native charts added. */
  async toBytes(): Promise<Uint8Array> {
    // Chart caches come from the cells as exceljs holds them, before the package is written.
    const charts = [...this.chartsBySheet].flatMap(([sheet, list]) =>
      list.map((chart) => ({ sheet, chart, cache: readChartCaches(this.wb, chart) })),
    );
    const written = (await this.wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
    // A plain Uint8Array view (Node hands back a Buffer).
    const bytes =
      written instanceof Uint8Array
        ? new Uint8Array(written.buffer, written.byteOffset, written.byteLength)
        : new Uint8Array(written);
    // The package is opened and compressed once for all three repairs (each costs a full
    // inflate/deflate of the file, which dominates writing a large summary).
    const zip = await JSZip.loadAsync(bytes);
    let changed = this.internalLinks ? await repairInternalHyperlinks(zip) : false;
    // exceljs puts a notes sheet's <legacyDrawing> after <tableParts>, which Excel rejects.
    changed = (await reorderWorksheetTails(zip)) || changed;
    changed = (await insertChartParts(zip, charts)) || changed;
    if (!changed) return bytes;
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
  }
}
