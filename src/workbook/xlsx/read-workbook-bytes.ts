import type { ReadResult } from "../grid";
import type { SheetJsFormat } from "../sheetjs/sheetjs-reader";
import { readCsv } from "./csv-reader";
import { cfbProblem, DEFAULT_MAX_FILE_BYTES, isCfb, sizeText, spreadsheetFormat, toUint8Array } from "./file-sniff";
import { readXlsx, type XlsxReadOptions } from "./xlsx-reader";

/**
 * One entry point for any file a user hands over: picks the reader from the first bytes, then the
 * name (a workbook renamed .csv, or a CSV renamed .xlsx, still reads). .xlsx and .xlsm go to exceljs
 * (it also writes them, and it reads Excel Tables); .xls, .xlsb and .ods go to SheetJS, loaded only
 * when such a file arrives (its own chunk in the pane); an .xlsx that exceljs cannot load even after
 * the package repair is read by SheetJS too, with a note. See docs/decisions.md.
 */

async function readBySheetJs(
  bytes: Uint8Array,
  file: string,
  format: SheetJsFormat,
  options: XlsxReadOptions,
): Promise<ReadResult> {
  const { readWithSheetJs } = await import(/* webpackChunkName: "sheetjs-reader" */ "../sheetjs/sheetjs-reader");
  return readWithSheetJs(bytes, file, format, options);
}

/** A read that found nothing, with the one error that says why and what to do. */
function failedRead(file: string, message: string): ReadResult {
  return { file, grids: [], skipped: [], problems: [{ file, severity: "error", message }] };
}

function tooLarge(bytes: Uint8Array, file: string, options: XlsxReadOptions): ReadResult | null {
  const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length <= max) return null;
  return failedRead(
    file,
    `${file} is ${sizeText(bytes.length)}, over the ${sizeText(max)} limit. Remove unused sheets, ` +
      `pictures or pivot caches, or split it into smaller workbooks.`,
  );
}

/** exceljs first; if it could not load the package at all, SheetJS, saying so. */
async function readXlsxWithFallback(bytes: Uint8Array, file: string, options: XlsxReadOptions): Promise<ReadResult> {
  const first = await readXlsx(bytes, file, options);
  const unloadable =
    first.grids.length === 0 &&
    first.problems.some((p) => p.severity === "error" && / could not be read as a workbook /.test(p.message));
  if (!unloadable) return first;
  const second = await readBySheetJs(bytes, file, "xlsx", options);
  if (second.grids.length === 0) return first;
  second.problems.unshift({
    file,
    severity: "warning",
    message:
      `${file}: the main reader could not load it (${first.problems[0]?.message ?? "unknown error"}); it was read by ` +
      `the second reader, which does not see Excel Tables, so headers were found from the cells.`,
  });
  return second;
}

const TEXT_EXTENSIONS = new Set(["csv", "tsv", "txt", "tab"]);

export function extensionOf(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : "";
}

export async function readWorkbookBytes(
  input: Uint8Array | ArrayBuffer,
  file: string,
  options: XlsxReadOptions = {},
): Promise<ReadResult> {
  const bytes = toUint8Array(input);
  const ext = extensionOf(file);
  const format = spreadsheetFormat(bytes);
  if (format === "xlsx") return readXlsxWithFallback(bytes, file, options);
  if (format === "xls" || format === "xlsb" || format === "ods") {
    return tooLarge(bytes, file, options) ?? readBySheetJs(bytes, file, format, options);
  }
  if (isCfb(bytes)) return { file, grids: [], skipped: [], problems: [cfbProblem(bytes, file)] };
  if (ext === "xls" && bytes.length > 0) {
    // Not a compound file: often an HTML table export saved with an .xls name, which SheetJS reads.
    const looksHtml = /^\s*(?:\ufeff)?<(?:!doctype|html|table|meta|\?xml)/i.test(
      new TextDecoder().decode(bytes.subarray(0, 512)),
    );
    const html = looksHtml
      ? (tooLarge(bytes, file, options) ?? (await readBySheetJs(bytes, file, "xls", options)))
      : null;
    if (html && html.grids.length > 0) {
      html.problems.unshift({
        file,
        severity: "warning",
        message: `${file} has an .xls name but is a web page or text export, not an Excel 97–2003 workbook; its tables were read as such.`,
      });
      return html;
    }
    return failedRead(
      file,
      `${file} has an .xls name but is not an Excel 97–2003 workbook (it may be a web page or text export). ` +
        `Open it in Excel and save as .xlsx or CSV.`,
    );
  }
  if (TEXT_EXTENSIONS.has(ext)) {
    const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (bytes.length > max) {
      return failedRead(
        file,
        `${file} is ${sizeText(bytes.length)}, over the ${sizeText(max)} limit. Split it into smaller files.`,
      );
    }
    return readCsv(bytes, file);
  }
  if ((ext === "xlsb" || ext === "ods") && bytes.length > 0) {
    const what = ext === "xlsb" ? "an Excel binary workbook (.xlsb)" : "an OpenDocument spreadsheet (.ods)";
    return failedRead(
      file,
      `${file} has an .${ext} name but its contents are not ${what} (it may be damaged or renamed). ` +
        `Open it in Excel or LibreOffice and save as .xlsx, or export it as CSV.`,
    );
  }
  // .xlsx and any other name: the xlsx reader explains what is wrong with bytes that are not a zip.
  return readXlsx(bytes, file, options);
}
