import ExcelJS from "exceljs";
import type JSZip from "jszip";
import type { ReadProblem, ReadResult } from "../grid";
import type { ProgressFn } from "../port";
import { sniffXlsx, toUint8Array, type SniffLimits } from "./file-sniff";
import { missingResultWarning, missingSheetProblems, worksheetToGrid } from "./grid-builder";
import { repairForExcelJs } from "./package-repair";
import { readSheetCatalog, type CatalogSheet } from "./sheet-catalog";
import { sheetNameTooLong } from "./sheet-name-length";

/**
 * Reads an .xlsx from bytes (Node or browser) into Grids, one per worksheet. Bad input never throws:
 * it comes back as a ReadResult with no grids and a problem saying what to do.
 */

export interface XlsxReadOptions extends SniffLimits {
  /** Read only these sheets (default: all). */
  sheets?: string[];
  /** Called before each sheet is turned into a grid. */
  progress?: ProgressFn;
  /** Checked between sheets: an aborted signal rejects with its reason. */
  signal?: AbortSignal;
}

/**
 * Worksheet parts the reader has no use for. Skipping them makes loading faster and avoids known
 * exceljs failures (whole-column data validations expand to a million cells; odd drawings throw).
 */
const READ_IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "extLst",
  "drawing",
  "picture",
  "rowBreaks",
  "colBreaks",
  "hyperlinks",
  "pageSetup",
  "headerFooter",
  "printOptions",
  "pageMargins",
  "sheetProtection",
  "autoFilter",
];

export async function loadExcelJs(bytes: Uint8Array, forReading: boolean): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  // exceljs types ask for a Node Buffer; jszip underneath accepts any Uint8Array (and the browser build).
  await wb.xlsx.load(
    bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0],
    forReading ? { ignoreNodes: READ_IGNORED_NODES } : undefined,
  );
  return wb;
}

/** Formula cells with no `<v>` element at all (a formula written by a tool that did not calculate). */
export function formulasWithoutResult(sheetXml: string): number {
  return (sheetXml.match(/<\/(?:\w+:)?f>\s*<\/(?:\w+:)?c>|<(?:\w+:)?f\b[^>]*\/>\s*<\/(?:\w+:)?c>/g) ?? []).length;
}

/** Loads with exceljs; if that fails, once more after removing what trips it (see package-repair). */
export async function loadWithSecondChance(
  bytes: Uint8Array,
  zip: JSZip,
  forReading: boolean,
): Promise<ExcelJS.Workbook> {
  try {
    return await loadExcelJs(bytes, forReading);
  } catch (first) {
    try {
      return await loadExcelJs(await repairForExcelJs(zip), forReading);
    } catch {
      throw first;
    }
  }
}

function problem(file: string, message: string, sheet?: string): ReadProblem {
  return sheet === undefined ? { file, severity: "error", message } : { file, sheet, severity: "error", message };
}

function reasonToSkip(sheet: CatalogSheet): string | null {
  switch (sheet.kind) {
    case "chartsheet":
      return "chart sheet (holds a chart, no cells)";
    case "dialogsheet":
      return "Excel 5 dialog sheet";
    case "macrosheet":
      return "Excel 4 macro sheet";
    case "unknown":
      return "not a worksheet";
    default:
      return null;
  }
}

export async function readXlsx(
  input: Uint8Array | ArrayBuffer,
  file: string,
  options: XlsxReadOptions = {},
): Promise<ReadResult> {
  const result: ReadResult = { file, grids: [], skipped: [], problems: [] };
  const bytes = toUint8Array(input);
  const sniff = await sniffXlsx(bytes, file, options);
  if (!sniff.ok) {
    result.problems.push(sniff.problem);
    return result;
  }
  let catalog;
  let wb: ExcelJS.Workbook;
  try {
    catalog = await readSheetCatalog(sniff.zip);
    if (sheetNameTooLong(file, catalog)) throw new Error("sheet name too long");
    wb = await loadWithSecondChance(bytes, sniff.zip, true);
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    result.problems.push(
      problem(
        file,
        sheetNameTooLong(file, catalog) ??
          `${file} could not be read as a workbook (${why}). Open it in Excel, save it again as .xlsx, and retry.`,
      ),
    );
    return result;
  }
  const date1904 = wb.properties?.date1904 === true || catalog.date1904;
  const wanted = options.sheets ? new Set(options.sheets) : null;
  const byName = new Map(wb.worksheets.map((ws) => [ws.name, ws]));
  const entries = catalog.sheets.filter((s) => !wanted || wanted.has(s.name));
  for (const [i, entry] of entries.entries()) {
    options.signal?.throwIfAborted();
    options.progress?.({ stage: "Reading sheets", done: i, total: entries.length, message: entry.name });
    const skip = reasonToSkip(entry);
    if (skip) {
      result.skipped.push({ sheet: entry.name, reason: skip });
      continue;
    }
    const ws = byName.get(entry.name);
    if (!ws) {
      result.skipped.push({ sheet: entry.name, reason: "its part is missing from the file" });
      continue;
    }
    try {
      const outcome = worksheetToGrid(ws, { file, date1904, pivotAreas: entry.pivotAreas });
      if (outcome.missingResults > 0 && entry.path) {
        // exceljs reads an empty cached text result (`<v/>`) as no result: count from the XML instead.
        const xml = (await sniff.zip.file(entry.path)?.async("string")) ?? "";
        const missing = formulasWithoutResult(xml);
        if (missing > 0) outcome.problems.push(missingResultWarning(file, entry.name, missing));
      }
      result.problems.push(...outcome.problems);
      if (outcome.kind === "grid") result.grids.push(outcome.grid);
      else result.skipped.push({ sheet: entry.name, reason: outcome.reason });
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      result.problems.push(problem(file, `${file}, sheet ${entry.name}: could not be read (${why}).`, entry.name));
    }
  }
  if (catalog.sheets.length === 0) {
    result.problems.push({ file, severity: "warning", message: `${file} holds no sheets.` });
  }
  result.problems.push(...missingSheetProblems(file, wanted, (name) => catalog.sheets.some((s) => s.name === name)));
  return result;
}
