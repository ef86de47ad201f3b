import Papa from "papaparse";
import type { CellValue, ReadResult } from "../grid";
import { toUint8Array } from "./file-sniff";

/**
 * Reads a CSV (or tab/semicolon/pipe-separated text) file into one Grid. Works in Node and the
 * browser: exceljs's CSV reader needs `fs` and detects neither the delimiter nor Latin-1. All cells
 * stay strings (the ingest coerces them, knowing the column's type); empty cells are null.
 */

export type TextEncodingName = "utf-8" | "utf-16le" | "utf-16be" | "windows-1252";

/** Byte values Windows-1252 leaves unassigned, and C0 controls no text file holds. */
function implausibleIn1252(b: number): boolean {
  return b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d || b < 0x09;
}

/**
 * One pass over bytes that are not valid UTF-8: how many well-formed multi-byte UTF-8 sequences
 * they hold, where the first malformed one starts, how many there are, and whether every byte
 * could be Windows-1252 text.
 */
export function utf8Evidence(bytes: Uint8Array): {
  multiByte: number;
  invalid: number;
  firstInvalid: number;
  plausible1252: boolean;
} {
  let multiByte = 0;
  let invalid = 0;
  let firstInvalid = -1;
  let plausible1252 = true;
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i];
    if (implausibleIn1252(b)) plausible1252 = false;
    if (b < 0x80) {
      i++;
      continue;
    }
    const need = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need > 0;
    for (let k = 1; ok && k <= need; k++) ok = i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
    if (ok) {
      multiByte++;
      i += need + 1;
    } else {
      if (firstInvalid < 0) firstInvalid = i;
      invalid++;
      i++;
    }
  }
  return { multiByte, invalid, firstInvalid, plausible1252 };
}

/** 1-based line of a byte offset (counting line feeds before it). */
export function lineOfOffset(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
  /**
   * Set when the bytes are not valid UTF-8: `latin1` when they read as Windows-1252 text (no UTF-8
   * sequence in them, every byte a character), `invalid-utf8` when they are UTF-8 with malformed
   * bytes (decoded as U+FFFD), with the 1-based line of the first one.
   */
  fallback?: { kind: "latin1" } | { kind: "invalid-utf8"; line: number; count: number };
}

/**
 * Decodes text bytes: UTF-16 by BOM, else UTF-8 if valid (BOM stripped); bytes that are not valid
 * UTF-8 are read as Windows-1252 (Latin-1) only when that is plausible (well-formed UTF-8 sequences
 * are rare among them and no byte is one Windows-1252 leaves unassigned), else as UTF-8 with the bad
 * bytes replaced, and the caller reports where.
 */
export function decodeTextChecked(bytes: Uint8Array): DecodedText {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return decodeText(bytes);
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    const evidence = utf8Evidence(bytes);
    // Latin-1 text rarely holds a well-formed UTF-8 pair (Ã© is one): one in twenty high bytes at most.
    if (evidence.plausible1252 && evidence.multiByte * 20 < evidence.invalid) {
      return { text: decodeWindows1252(bytes), encoding: "windows-1252", fallback: { kind: "latin1" } };
    }
    return {
      text: new TextDecoder("utf-8").decode(bytes),
      encoding: "utf-8",
      fallback: { kind: "invalid-utf8", line: lineOfOffset(bytes, evidence.firstInvalid), count: evidence.invalid },
    };
  }
}

/** Decodes text bytes: UTF-16 by BOM, else UTF-8 if valid (BOM stripped), else Windows-1252 (Latin-1). */
export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder("utf-16le").decode(bytes), encoding: "utf-16le" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder("utf-16be").decode(bytes), encoding: "utf-16be" };
  }
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes), encoding: "utf-8" };
  } catch {
    return { text: decodeWindows1252(bytes), encoding: "windows-1252" };
  }
}

/** Windows-1252's 0x80–0x9F block (the rest is Latin-1); unassigned bytes map to themselves. */
const CP1252_HIGH = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Decoded here rather than with `TextDecoder("windows-1252")`: Node 20 treats that label as
 * ISO-8859-1 and turns 0x80 into U+0080 instead of €, unlike browsers.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const CHUNK = 8192;
  for (let i = 0; i < bytes.length; i += CHUNK) {
    const codes = Array.from(bytes.subarray(i, i + CHUNK), (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH[b - 0x80] : b));
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/**
 * Picks the delimiter whose first rows split most consistently into two or more fields (papaparse's
 * own guess counts a trailing empty line and falls back to a comma on small files).
 */
export function sniffDelimiter(text: string): string {
  let best = DELIMITERS[0];
  let bestScore = 0;
  for (const delimiter of DELIMITERS) {
    const rows = Papa.parse<string[]>(text, { delimiter, preview: 50, skipEmptyLines: "greedy" }).data;
    if (rows.length === 0) continue;
    const tally = new Map<number, number>();
    for (const r of rows) tally.set(r.length, (tally.get(r.length) ?? 0) + 1);
    let mode = 0;
    let modeRows = 0;
    for (const [count, n] of tally) if (n > modeRows || (n === modeRows && count > mode)) [mode, modeRows] = [count, n];
    if (mode < 2) continue;
    // Consistency first, then more fields.
    const score = (modeRows / rows.length) * 1e6 + mode;
    if (score > bestScore) [best, bestScore] = [delimiter, score];
  }
  return best;
}

export function baseName(file: string): string {
  const name = file.split(/[\\/]/).pop() ?? file;
  const dot = name.lastIndexOf(".");
  return dot > 0 ? name.slice(0, dot) : name;
}

const DELIMITERS = [",", ";", "\t", "|"];

/** Excel's column limit (XFD): a wider CSV is no table a PMO keeps, and would not open in Excel. */
export const MAX_CSV_COLUMNS = 16_384;

export function readCsv(input: Uint8Array | ArrayBuffer, file: string): ReadResult {
  const result: ReadResult = { file, grids: [], skipped: [], problems: [] };
  const bytes = toUint8Array(input);
  const sheet = baseName(file);
  if (bytes.length === 0) {
    result.problems.push({
      file,
      severity: "error",
      message: `${file} is empty (0 bytes). Check that it was saved or copied completely, then try again.`,
    });
    return result;
  }
  const decodedChecked = decodeTextChecked(bytes);
  const decoded = decodedChecked.text;
  const fallback = decodedChecked.fallback;
  if (fallback?.kind === "latin1") {
    result.problems.push({
      file,
      severity: "warning",
      message:
        `${file} is not UTF-8 text; it was read as Windows-1252 (Latin-1), the encoding older Excel versions save CSV ` +
        `in. If characters such as £ or é look wrong, save it again as "CSV UTF-8" and retry.`,
    });
  } else if (fallback?.kind === "invalid-utf8") {
    result.problems.push({
      file,
      severity: "warning",
      message:
        `${file}, line ${fallback.line}: ${fallback.count.toLocaleString("en-GB")} byte(s) are not valid UTF-8 ` +
        `(the file may be damaged or mix encodings); they were read as "\ufffd". Check the text on that line, ` +
        `save the file again as "CSV UTF-8", and retry.`,
    });
  }
  // Excel writes (and honours) a first line `sep=;` naming the delimiter; it is not data.
  const hint = /^sep=(.)\r?\n/.exec(decoded);
  const text = hint ? decoded.slice(hint[0].length) : decoded;
  const lineOffset = hint ? 1 : 0;
  const parsed = Papa.parse<string[]>(text, {
    delimiter: hint ? hint[1] : sniffDelimiter(text),
    skipEmptyLines: false,
  });
  const quoteErrors = parsed.errors.filter((e) => e.type === "Quotes");
  if (quoteErrors.length > 0) {
    const first = quoteErrors[0];
    result.problems.push({
      file,
      severity: "warning",
      message:
        `${file}: a quoted cell is not closed (near data row ${(first.row ?? 0) + 1}); the rest of the file may ` +
        `be read as one cell. Check the quotes in that row.`,
    });
  }
  const rows = parsed.data;
  const widest = rows.reduce((w, r, i) => (r.length > w.width ? { width: r.length, line: i + 1 + lineOffset } : w), {
    width: 0,
    line: 0,
  });
  if (widest.width > MAX_CSV_COLUMNS) {
    result.problems.push({
      file,
      severity: "error",
      message:
        `${file}: data row ${widest.line} has ${widest.width.toLocaleString("en-GB")} columns, more than Excel's ` +
        `${MAX_CSV_COLUMNS.toLocaleString("en-GB")}, so the file was not read. Check that it is a table with one ` +
        `record per line and the right delimiter, or split it into narrower files.`,
    });
    return result;
  }
  // Trim empty rows at both ends; keep inner empty rows so row numbers match the file.
  let first = 0;
  let last = rows.length - 1;
  const isEmptyRow = (r: string[]) => r.every((c) => c === "");
  while (first <= last && isEmptyRow(rows[first])) first++;
  while (last >= first && isEmptyRow(rows[last])) last--;
  if (first > last) {
    result.skipped.push({ sheet, reason: "empty" });
    return result;
  }
  let width = 0;
  let leftmost = Infinity;
  for (let r = first; r <= last; r++) {
    const row = rows[r];
    let end = row.length;
    while (end > 0 && row[end - 1] === "") end--;
    if (end > width) width = end;
    const start = row.findIndex((c) => c !== "");
    if (start >= 0 && start < leftmost) leftmost = start;
  }
  const values: CellValue[][] = [];
  for (let r = first; r <= last; r++) {
    const row = rows[r];
    const out: CellValue[] = new Array(width - leftmost);
    for (let c = leftmost; c < width; c++) {
      const v = row[c];
      out[c - leftmost] = v === undefined || v === "" ? null : v;
    }
    values.push(out);
  }
  result.grids.push({
    file,
    sheet,
    origin: { row: first + 1 + lineOffset, col: leftmost + 1 },
    values,
    kind: "csv",
  });
  return result;
}
