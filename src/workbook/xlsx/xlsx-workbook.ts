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
import { spliceOwnedSheets, type OwnedSheet } from "./package-splice";

/**
 * The xlsx host adapter: a workbook held in memory (bytes in, bytes out) behind the same port as the
 * Office adapter. `write` replaces each spec sheet in place (same tab position) or adds it.
 *
 * A new workbook is rendered by exceljs as a whole. An opened workbook is never re-saved by exceljs
 * (it drops charts, pivots, VBA, custom properties, x14 dropdowns…): the spec sheets are rendered into
 * a scratch exceljs workbook and `toBytes` splices only those sheets and their parts into the
 * original package (package-splice.ts); every other zip entry keeps the bytes it had.
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

function definedNamesOf(wb: ExcelJS.Workbook): DefinedNameModel[] {
  return (wb.definedNames as unknown as { model: DefinedNameModel[] }).model;
}

function tablesOf(ws: ExcelJS.Worksheet): string[] {
  return Object.keys((ws as unknown as { tables?: Record<string, unknown> }).tables ?? {});
}

export class XlsxWorkbook implements WorkbookPort {
  readonly label: string;
  /** The workbook as read (and, for a new workbook, the one written). */
  private wb: ExcelJS.Workbook;
  private catalog: SheetCatalog | null;
  /** The opened package's bytes; null for a new workbook. */
  private original: Uint8Array | null;
  /** The spec sheets written into an opened workbook, rendered here for the splice. */
  private scratch: ExcelJS.Workbook | null = null;
  /** Sheets written into an opened workbook since it was read, by lower-case name. */
  private readonly owned = new Map<string, OwnedSheet>();
  private readonly chartsBySheet = new Map<string, ChartBlock[]>();
  private internalLinks = false;

  private constructor(label: string, wb: ExcelJS.Workbook, catalog: SheetCatalog | null, original: Uint8Array | null) {
    this.label = label;
    this.wb = wb;
    this.catalog = catalog;
    this.original = original;
  }

  /** Opens an existing .xlsx. Throws an Error whose message says what is wrong and what to do. */
  static async open(input: Uint8Array | ArrayBuffer, file: string): Promise<XlsxWorkbook> {
    const bytes = toUint8Array(input);
    const { wb, catalog } = await XlsxWorkbook.load(bytes, file);
    return new XlsxWorkbook(file, wb, catalog, bytes);
  }

  private static async load(bytes: Uint8Array, file: string): Promise<{ wb: ExcelJS.Workbook; catalog: SheetCatalog }> {
    const sniff = await sniffXlsx(bytes, file);
    if (!sniff.ok) throw new Error(sniff.problem.message);
    const catalog = await readSheetCatalog(sniff.zip);
    const tooLong = sheetNameTooLong(file, catalog);
    if (tooLong) throw new Error(tooLong);
    try {
      // Loaded for reading only (validations, conditional formats, drawings… skipped): exceljs never
      // saves an opened workbook, and a whole-column validation alone costs seconds to expand.
      return { wb: await loadWithSecondChance(bytes, sniff.zip, true), catalog };
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
    return new XlsxWorkbook(label, new ExcelJS.Workbook(), null, null);
  }

  private orderedSheets(): ExcelJS.Worksheet[] {
    return ([...this.wb.worksheets] as Ordered[]).sort((a, b) => a.orderNo - b.orderNo);
  }

  private static findSheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet | undefined {
    const lower = name.toLowerCase();
    return wb.worksheets.find((ws) => ws.name.toLowerCase() === lower);
  }

  /** After a write into an opened workbook, reading means reading the spliced package. */
  private async settle(): Promise<void> {
    if (this.original === null || this.owned.size === 0) return;
    const bytes = await this.toBytes();
    const { wb, catalog } = await XlsxWorkbook.load(bytes, this.label);
    this.wb = wb;
    this.catalog = catalog;
    this.original = bytes;
    this.scratch = null;
    this.owned.clear();
    this.chartsBySheet.clear();
    this.internalLinks = false;
  }

  async read(options: ReadOptions = {}): Promise<ReadResult> {
    await this.settle();
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

  /**
   * Names already used by tables and defined names outside the sheets about to be replaced: in the
   * workbook as read (less the sheets an earlier write replaced) and in the scratch workbook.
   */
  private takenNames(replacing: Set<string>): Set<string> {
    const taken = new Set<string>();
    const books: { wb: ExcelJS.Workbook; skip: (sheet: string) => boolean }[] = [
      { wb: this.wb, skip: (sheet) => replacing.has(sheet) || (this.scratch !== null && this.owned.has(sheet)) },
    ];
    if (this.scratch) books.push({ wb: this.scratch, skip: (sheet) => replacing.has(sheet) });
    for (const { wb, skip } of books) {
      for (const ws of wb.worksheets) {
        if (skip(ws.name.toLowerCase())) continue;
        for (const name of tablesOf(ws)) taken.add(name.toLowerCase());
      }
      for (const n of definedNamesOf(wb)) {
        if (n.ranges.some((r) => !skip(rangeSheet(r).toLowerCase()))) taken.add(n.name.toLowerCase());
      }
    }
    return taken;
  }

  /** Drops defined names that point only at a sheet being replaced (its key figures are rewritten). */
  private static dropNamesOn(wb: ExcelJS.Workbook, sheet: string): void {
    const holder = wb.definedNames as unknown as { model: DefinedNameModel[] };
    const lower = sheet.toLowerCase();
    holder.model = holder.model
      .map((n) => ({ name: n.name, ranges: n.ranges.filter((r) => rangeSheet(r).toLowerCase() !== lower) }))
      .filter((n) => n.ranges.length > 0);
  }

  /** The workbook spec sheets are rendered into: the scratch one for an opened package. */
  private target(): ExcelJS.Workbook {
    if (this.original === null) return this.wb;
    if (!this.scratch) {
      this.scratch = new ExcelJS.Workbook();
      // Dates are written as serials of the user's date system.
      this.scratch.properties.date1904 = this.wb.properties?.date1904 === true;
    }
    return this.scratch;
  }

  async write(spec: WorkbookSpec, options: WriteOptions = {}): Promise<WriteReport> {
    // Validate every name first so that a bad spec changes nothing.
    for (const sheet of spec.sheets) assertValidSheetName(sheet.name);
    for (const sheet of spec.sheets) {
      const existing = this.catalog?.sheets.find((s) => s.name.toLowerCase() === sheet.name.toLowerCase());
      if (existing && existing.kind !== "worksheet")
        throw new Error(
          `Cannot write sheet "${sheet.name}": ${this.label} has a ${existing.kind} of that name. Rename it and retry.`,
        );
    }
    const replacing = new Set(spec.sheets.map((s) => s.name.toLowerCase()));
    const taken = this.takenNames(replacing);
    const wb = this.target();
    const report: WriteReport = { sheetsWritten: [], cellsWritten: 0 };
    for (const [i, sheetSpec] of spec.sheets.entries()) {
      options.signal?.throwIfAborted();
      options.progress?.({ stage: "Writing sheets", done: i, total: spec.sheets.length, message: sheetSpec.name });
      const existing = XlsxWorkbook.findSheet(wb, sheetSpec.name);
      let ws: ExcelJS.Worksheet;
      try {
        if (existing) {
          const orderNo = (existing as Ordered).orderNo;
          XlsxWorkbook.dropNamesOn(wb, existing.name);
          this.chartsBySheet.delete(existing.name);
          wb.removeWorksheet(existing.id);
          ws = wb.addWorksheet(sheetSpec.name);
          (ws as Ordered).orderNo = orderNo;
        } else {
          ws = wb.addWorksheet(sheetSpec.name);
        }
      } catch (e) {
        const why = e instanceof Error ? e.message : String(e);
        throw new Error(`Cannot write sheet "${sheetSpec.name}": ${why}`);
      }
      const rendered = renderSheet(wb, ws, sheetSpec, taken);
      this.chartsBySheet.set(ws.name, rendered.charts);
      this.internalLinks ||= rendered.hasInternalLinks;
      if (this.original !== null)
        this.owned.set(sheetSpec.name.toLowerCase(), { name: sheetSpec.name, hidden: sheetSpec.hidden === true });
      report.sheetsWritten.push(ws.name);
      report.cellsWritten += rendered.cells;
    }
    options.progress?.({ stage: "Writing sheets", done: spec.sheets.length, total: spec.sheets.length });
    // An opened workbook's properties (docProps/core.xml) are the user's: only a new one gets ours.
    if (this.original === null) {
      if (spec.properties?.title !== undefined) this.wb.title = spec.properties.title;
      if (spec.properties?.creator !== undefined) this.wb.creator = spec.properties.creator;
    }
    return report;
  }

  /** The rendered workbook as exceljs wrote it, with links, sheet element order and charts repaired. */
  private async render(wb: ExcelJS.Workbook): Promise<{ bytes: Uint8Array; zip: JSZip; changed: boolean }> {
    // Chart caches come from the cells as exceljs holds them, before the package is written.
    const fallback = wb === this.wb ? undefined : this.wb;
    const charts = [...this.chartsBySheet].flatMap(([sheet, list]) =>
      list.map((chart) => ({ sheet, chart, cache: readChartCaches(wb, chart, fallback) })),
    );
    const written = (await wb.xlsx.writeBuffer()) as ArrayBuffer | Uint8Array;
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
    return { bytes, zip, changed };
  }

  /**
   * The workbook as .xlsx bytes. A new workbook: exceljs's package, repaired. An opened one: its own
   * bytes with the written sheets spliced in (unchanged when nothing was written).
   */
  async toBytes(): Promise<Uint8Array> {
    if (this.original === null) {
      const { bytes, zip, changed } = await this.render(this.wb);
      if (!changed) return bytes;
      return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
    }
    if (this.owned.size === 0 || !this.scratch) return this.original;
    const { zip: scratch } = await this.render(this.scratch);
    const user = await JSZip.loadAsync(this.original);
    return spliceOwnedSheets(user, scratch, [...this.owned.values()]);
  }
}
