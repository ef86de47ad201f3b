import type { ReadResult } from "../grid";
import { readCsv } from "./csv-reader";
import { cfbProblem, DEFAULT_MAX_FILE_BYTES, isCfb, isZip, sizeText, toUint8Array } from "./file-sniff";
import { readXlsx, type XlsxReadOptions } from "./xlsx-reader";

/**
 * One entry point for any file a user hands over: picks the CSV or the .xlsx reader from the name
 * and the first bytes (a workbook renamed .csv, or a CSV renamed .xlsx, still reads).
 */

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
  if (isZip(bytes)) return readXlsx(bytes, file, options);
  if (isCfb(bytes)) return { file, grids: [], skipped: [], problems: [cfbProblem(bytes, file)] };
  if (ext === "xls" && bytes.length > 0) {
    // Not a compound file: often an HTML or text export that Excel saved with an .xls name.
    return {
      file,
      grids: [],
      skipped: [],
      problems: [
        {
          file,
          severity: "error",
          message:
            `${file} has an .xls name but is not an Excel 97–2003 workbook (it may be a web page or text export). ` +
            `Open it in Excel and save as .xlsx or CSV.`,
        },
      ],
    };
  }
  if (TEXT_EXTENSIONS.has(ext)) {
    const max = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
    if (bytes.length > max) {
      return {
        file,
        grids: [],
        skipped: [],
        problems: [
          {
            file,
            severity: "error",
            message: `${file} is ${sizeText(bytes.length)}, over the ${sizeText(max)} limit. Split it into smaller files.`,
          },
        ],
      };
    }
    return readCsv(bytes, file);
  }
  if (ext === "xlsb") {
    return {
      file,
      grids: [],
      skipped: [],
      problems: [
        {
          file,
          severity: "error",
          message: `${file} is an Excel binary workbook (.xlsb), which cannot be read. Open it in Excel and save as .xlsx.`,
        },
      ],
    };
  }
  // .xlsx and any other name: the xlsx reader explains what is wrong with bytes that are not a zip.
  return readXlsx(bytes, file, options);
}
