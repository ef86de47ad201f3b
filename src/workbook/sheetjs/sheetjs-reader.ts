import * as XLSX from "@e965/xlsx";
import type { CellRange, CellValue, Grid, ReadProblem, ReadResult } from "../grid";
import { a1 } from "../grid";
import { DEFAULT_MAX_GRID_CELLS, denseGrid, missingSheetProblems, tooLargeProblem } from "../xlsx/grid-builder";
import type { XlsxReadOptions } from "../xlsx/xlsx-reader";
import { toUint8Array } from "../xlsx/file-sniff";

/**
 * Reads the formats exceljs cannot (legacy .xls BIFF8, .xlsb, OpenDocument .ods) and the .xlsx
 * files it chokes on, with SheetJS Community Edition, into the same Grids the exceljs reader makes:
 * plain values (dates as UTC Date objects where the cell's format is a date format, as exceljs
 * gives them), number formats, merges, hidden state. Excel Tables are not read (SheetJS CE does not
 * model them): the ingest finds the header by the cells' shape instead. Reading only; writing stays
 * with exceljs. Measured against exceljs in docs/decisions.md ("Reading every spreadsheet format").
 */

export type SheetJsFormat = "xls" | "xlsb" | "ods" | "xlsx";

const FORMAT_NAMES: Record<SheetJsFormat, string> = {
  xls: "Excel 97–2003 workbook (.xls)",
  xlsb: "Excel binary workbook (.xlsb)",
  ods: "OpenDocument spreadsheet (.ods)",
  xlsx: "Excel workbook (.xlsx)",
};

/** Excel's error codes as BIFF stores them (SheetJS keeps the code in `v`). */
const ERROR_TEXT: Record<number, string> = {
  0x00: "#NULL!",
  0x07: "#DIV/0!",
  0x0f: "#VALUE!",
  0x17: "#REF!",
  0x1d: "#NAME?",
  0x24: "#NUM!",
  0x2a: "#N/A",
  0x2b: "#GETTING_DATA",
};

const MS_PER_DAY = 24 * 3600 * 1000;

/** A date serial as exceljs turns it into a Date (utils.excelToDate), so both readers agree. */
export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * MS_PER_DAY));
}

function isGeneral(fmt: string | undefined): boolean {
  return fmt === undefined || fmt === "" || fmt.toLowerCase() === "general";
}

const dateFormatCache = new Map<string, boolean>();
function isDateFormat(fmt: string): boolean {
  const known = dateFormatCache.get(fmt);
  if (known !== undefined) return known;
  const isDate = XLSX.SSF.is_date(fmt) === true;
  dateFormatCache.set(fmt, isDate);
  return isDate;
}

/** One SheetJS cell as a plain value (null for empty text and formulas without a result). */
export function sheetJsCellValue(cell: XLSX.CellObject, date1904: boolean): CellValue {
  switch (cell.t) {
    case "s": {
      const v = cell.v;
      return typeof v === "string" && v !== "" ? v : null;
    }
    case "n": {
      const v = cell.v;
      if (typeof v !== "number" || !Number.isFinite(v)) return null;
      if (cell.z !== undefined && typeof cell.z === "string" && !isGeneral(cell.z) && isDateFormat(cell.z)) {
        return serialToDate(v, date1904);
      }
      return v;
    }
    case "b":
      return cell.v === true;
    case "d":
      return cell.v instanceof Date && !Number.isNaN(cell.v.getTime()) ? cell.v : null;
    case "e":
      return typeof cell.v === "number" ? (ERROR_TEXT[cell.v] ?? "#VALUE!") : "#VALUE!";
    default:
      return null;
  }
}

/** A sheet read with `dense: true`: rows of cells, with holes where cells are absent. */
type DenseSheet = XLSX.WorkSheet;

export interface SheetJsReadOptions extends Pick<XlsxReadOptions, "sheets" | "progress" | "signal"> {
  /** Largest rectangle (rows × columns) built into a grid; default 10 million cells. */
  maxGridCells?: number;
}

function sheetToGrid(
  ws: DenseSheet,
  name: string,
  file: string,
  date1904: boolean,
  hidden: boolean,
  maxCells: number,
): { grid: Grid | null; reason?: string; problem?: ReadProblem } {
  const data = ws["!data"] ?? [];
  let top = Infinity;
  let left = Infinity;
  let bottom = -Infinity;
  let right = -Infinity;
  const rowsAt: number[] = [];
  const colsAt: number[] = [];
  const values: CellValue[] = [];
  const formats: (string | null)[] = [];
  for (let r = 0; r < data.length; r++) {
    const row = data[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const cell = row[c] as XLSX.CellObject | undefined;
      if (!cell) continue;
      const value = sheetJsCellValue(cell, date1904);
      if (value === null) continue;
      rowsAt.push(r + 1);
      colsAt.push(c + 1);
      values.push(value);
      formats.push(typeof cell.z === "string" && !isGeneral(cell.z) ? cell.z : null);
      if (r + 1 < top) top = r + 1;
      if (r + 1 > bottom) bottom = r + 1;
      if (c + 1 < left) left = c + 1;
      if (c + 1 > right) right = c + 1;
    }
  }
  if (values.length === 0) return { grid: null, reason: "empty" };
  const height = bottom - top + 1;
  const width = right - left + 1;
  if (height * width > maxCells) {
    const area = { top, left, bottom, right };
    return {
      grid: null,
      reason: `used range ${a1(top, left)}:${a1(bottom, right)} too large`,
      problem: tooLargeProblem(file, name, area),
    };
  }
  const { grid, fmtGrid } = denseGrid({ top, left, bottom, right }, rowsAt, colsAt, values, formats);
  const merges: CellRange[] = (ws["!merges"] ?? [])
    .map((m) => ({
      top: Math.max(m.s.r + 1, top),
      left: Math.max(m.s.c + 1, left),
      bottom: Math.min(m.e.r + 1, bottom),
      right: Math.min(m.e.c + 1, right),
    }))
    .filter((m) => m.top <= m.bottom && m.left <= m.right)
    .map((m) => ({ top: m.top - top, left: m.left - left, bottom: m.bottom - top, right: m.right - left }))
    .sort((a, b) => a.top - b.top || a.left - b.left);
  return {
    grid: {
      file,
      sheet: name,
      origin: { row: top, col: left },
      values: grid,
      numberFormats: fmtGrid,
      tables: [],
      merges,
      hidden,
      date1904,
      kind: "worksheet",
    },
  };
}

const SKIPPED_TYPES: Record<string, string> = {
  chart: "chart sheet (holds a chart, no cells)",
  macro: "Excel 4 macro sheet",
  dialog: "Excel 5 dialog sheet",
};

/** Reads a workbook of any format SheetJS knows into Grids. Bad input never throws. */
export function readWithSheetJs(
  input: Uint8Array | ArrayBuffer,
  file: string,
  format: SheetJsFormat,
  options: SheetJsReadOptions = {},
): ReadResult {
  const result: ReadResult = { file, grids: [], skipped: [], problems: [] };
  const bytes = toUint8Array(input);
  let wb: XLSX.WorkBook;
  // SheetJS reports doubtful ODS number formats with console.error; the cells still read, and a
  // user's terminal or the pane's console is no place for a library's remark about them.
  const consoleError = console.error;
  console.error = () => undefined;
  try {
    wb = XLSX.read(bytes, {
      type: "array",
      dense: true,
      cellNF: true,
      cellDates: false,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellStyles: false,
      sheetStubs: false,
      bookVBA: false,
      ...(options.sheets ? { sheets: options.sheets } : {}),
    });
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    const encrypted = /password|encrypt/i.test(why);
    result.problems.push({
      file,
      severity: "error",
      message: encrypted
        ? `${file} is password-protected (encrypted), so it cannot be read. Remove the password in Excel and save again.`
        : `${file} could not be read as an ${FORMAT_NAMES[format]} (${why}). Open it in Excel or LibreOffice, ` +
          `save it again (as .xlsx if you can), and retry.`,
    });
    return result;
  } finally {
    console.error = consoleError;
  }
  const date1904 = wb.Workbook?.WBProps?.date1904 === true;
  const wanted = options.sheets ? new Set(options.sheets) : null;
  const names = wb.SheetNames.filter((n) => !wanted || wanted.has(n));
  const maxCells = options.maxGridCells ?? DEFAULT_MAX_GRID_CELLS;
  for (const [i, name] of names.entries()) {
    options.signal?.throwIfAborted();
    options.progress?.({ stage: "Reading sheets", done: i, total: names.length, message: name });
    const ws = wb.Sheets[name] as DenseSheet | undefined;
    if (!ws) {
      result.skipped.push({ sheet: name, reason: "its part is missing from the file" });
      continue;
    }
    const type = (ws as { "!type"?: string })["!type"];
    if (type && SKIPPED_TYPES[type]) {
      result.skipped.push({ sheet: name, reason: SKIPPED_TYPES[type] });
      continue;
    }
    const index = wb.SheetNames.indexOf(name);
    const hidden = (wb.Workbook?.Sheets?.[index]?.Hidden ?? 0) !== 0;
    const outcome = sheetToGrid(ws, name, file, date1904, hidden, maxCells);
    if (outcome.problem) result.problems.push(outcome.problem);
    if (outcome.grid) result.grids.push(outcome.grid);
    else result.skipped.push({ sheet: name, reason: outcome.reason ?? "empty" });
  }
  if (wb.SheetNames.length === 0) {
    // A compound file or package with no sheet SheetJS recognises: damaged, or not a workbook at all.
    result.problems.push({
      file,
      severity: "error",
      message:
        `${file} could not be read as an ${FORMAT_NAMES[format]}: no sheet was found in it. Open it in Excel or ` +
        `LibreOffice, save it again (as .xlsx if you can), and retry.`,
    });
  }
  result.problems.push(...missingSheetProblems(file, wanted, (name) => wb.SheetNames.includes(name)));
  return result;
}
