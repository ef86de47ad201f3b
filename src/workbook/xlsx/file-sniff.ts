import JSZip from "jszip";
import type { ReadProblem } from "../grid";

/**
 * Looks at a file's bytes before exceljs parses anything, so that bad input (empty files, legacy
 * .xls, password-protected workbooks, corrupt or hostile zips) gives the user a sentence saying what
 * is wrong and what to do, instead of a parser stack trace or an out-of-memory crash.
 */

export const DEFAULT_MAX_FILE_BYTES = 50 * 1024 * 1024;
export const DEFAULT_MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;

export interface SniffLimits {
  /** Largest file accepted (default 50 MB). */
  maxFileBytes?: number;
  /** Largest sum of uncompressed zip entry sizes accepted (default 200 MB): the zip-bomb guard. */
  maxUncompressedBytes?: number;
}

export type SniffResult = { ok: true; zip: JSZip } | { ok: false; problem: ReadProblem };

const CFB_SIGNATURE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function toUint8Array(bytes: Uint8Array | ArrayBuffer): Uint8Array {
  return bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
}

export function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  if (bytes.length < signature.length) return false;
  return signature.every((b, i) => bytes[i] === b);
}

export function isZip(bytes: Uint8Array): boolean {
  // Local file header "PK\3\4", or "PK\5\6" for an empty archive.
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** OLE compound file: legacy .xls, or an encrypted OOXML package (Office wraps those in CFB). */
export function isCfb(bytes: Uint8Array): boolean {
  return startsWith(bytes, CFB_SIGNATURE);
}

/** Directory entry names in a CFB are UTF-16LE: search for one. */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const pattern: number[] = [];
  for (const ch of text) pattern.push(ch.charCodeAt(0), 0);
  outer: for (let i = 0; i + pattern.length <= bytes.length; i++) {
    for (let j = 0; j < pattern.length; j++) if (bytes[i + j] !== pattern[j]) continue outer;
    return true;
  }
  return false;
}

export type CfbKind = "encrypted-ooxml" | "legacy-xls" | "other";

export function cfbKind(bytes: Uint8Array): CfbKind {
  if (containsUtf16(bytes, "EncryptionInfo") || containsUtf16(bytes, "EncryptedPackage")) return "encrypted-ooxml";
  if (containsUtf16(bytes, "Workbook") || containsUtf16(bytes, "Book")) return "legacy-xls";
  return "other";
}

/** The ASCII text occurs in the bytes (zip entry names are stored uncompressed, so this finds one). */
export function containsAscii(bytes: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (
    let i = bytes.indexOf(first);
    i >= 0 && i + text.length <= bytes.length;
    i = bytes.indexOf(first, i + 1)
  ) {
    for (let j = 1; j < text.length; j++) if (bytes[i + j] !== text.charCodeAt(j)) continue outer;
    return true;
  }
  return false;
}

/** What kind of spreadsheet a file's bytes hold, by their signature (never by the name alone). */
export type SpreadsheetFormat = "xlsx" | "xlsb" | "ods" | "xls" | "encrypted" | "cfb-other" | "not-a-workbook";

/**
 * ODF packages start with an uncompressed `mimetype` entry (ODF 1.2 part 3, §3.3); an .xlsb package
 * holds `xl/workbook.bin` where an .xlsx holds `xl/workbook.xml`; a legacy .xls is a compound file
 * with a `Workbook` (BIFF8) or `Book` (BIFF5) stream.
 */
export function spreadsheetFormat(bytes: Uint8Array): SpreadsheetFormat {
  if (isCfb(bytes)) {
    const kind = cfbKind(bytes);
    return kind === "encrypted-ooxml" ? "encrypted" : kind === "legacy-xls" ? "xls" : "cfb-other";
  }
  if (!isZip(bytes)) return "not-a-workbook";
  const head = String.fromCharCode(...bytes.subarray(30, Math.min(bytes.length, 30 + 8 + 60)));
  if (head.startsWith("mimetype") && head.includes("application/vnd.oasis.opendocument.spreadsheet")) return "ods";
  if (!containsAscii(bytes, "xl/workbook.xml") && containsAscii(bytes, "xl/workbook.bin")) return "xlsb";
  return "xlsx";
}

/** A size in words: "12.5 MB", or "800 KB" below a megabyte. */
export function sizeText(n: number): string {
  return n < 1024 * 1024 ? `${Math.round(n / 1024)} KB` : `${Math.round((n / (1024 * 1024)) * 10) / 10} MB`;
}

function fail(file: string, message: string): SniffResult {
  return { ok: false, problem: { file, severity: "error", message } };
}

export function cfbProblem(bytes: Uint8Array, file: string): ReadProblem {
  const kind = cfbKind(bytes);
  const message =
    kind === "encrypted-ooxml"
      ? `${file} is password-protected (encrypted), so it cannot be read. Remove the password in Excel ` +
        `(File › Info › Protect Workbook › Encrypt with Password, clear it) and save again.`
      : kind === "legacy-xls"
        ? `${file} is a legacy Excel 97–2003 (.xls) workbook, which cannot be read. Open it in Excel and ` +
          `save as .xlsx (File › Save As › Excel Workbook).`
        : `${file} is an old-style Office compound file, not an .xlsx workbook. Open it in Excel and save as .xlsx.`;
  return { file, severity: "error", message };
}

/** Sum of the uncompressed sizes the zip's central directory declares (jszip keeps them per entry). */
export function declaredUncompressedBytes(zip: JSZip): number {
  let total = 0;
  zip.forEach((_path, entry) => {
    const data = (entry as unknown as { _data?: { uncompressedSize?: number } })._data;
    total += data?.uncompressedSize ?? 0;
  });
  return total;
}

/**
 * Checks the bytes of a file that should be an .xlsx. Returns the opened zip (so callers can look at
 * parts exceljs ignores, such as chart sheets and pivot tables) or one problem explaining the refusal.
 */
export async function sniffXlsx(
  input: Uint8Array | ArrayBuffer,
  file: string,
  limits: SniffLimits = {},
): Promise<SniffResult> {
  const bytes = toUint8Array(input);
  const maxFile = limits.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  const maxUncompressed = limits.maxUncompressedBytes ?? DEFAULT_MAX_UNCOMPRESSED_BYTES;
  if (bytes.length === 0) {
    return fail(file, `${file} is empty (0 bytes). Check that it was saved or copied completely, then try again.`);
  }
  if (bytes.length > maxFile) {
    return fail(
      file,
      `${file} is ${sizeText(bytes.length)}, over the ${sizeText(maxFile)} limit. Remove unused sheets, ` +
        `pictures or pivot caches, or split it into smaller workbooks.`,
    );
  }
  if (isCfb(bytes)) return { ok: false, problem: cfbProblem(bytes, file) };
  if (!isZip(bytes)) {
    return fail(
      file,
      `${file} is not an Excel workbook (.xlsx): its contents are neither a zip package nor an Excel file. ` +
        `Open it in Excel and save as .xlsx, or export it as CSV.`,
    );
  }
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    return fail(
      file,
      `${file} is damaged or incomplete (its zip structure cannot be read). Copy or download it again; ` +
        `if Excel can open it, save it again as .xlsx.`,
    );
  }
  const declared = declaredUncompressedBytes(zip);
  if (declared > maxUncompressed) {
    return fail(
      file,
      `${file} would expand to ${sizeText(declared)} when unpacked, over the ${sizeText(maxUncompressed)} limit ` +
        `(it may be a zip bomb, or hold very large pictures or caches). Remove them in Excel and save again.`,
    );
  }
  if (!zip.file("xl/workbook.xml")) {
    const what = zip.file("xl/workbook.bin")
      ? "an Excel binary workbook (.xlsb), which cannot be read. Open it in Excel and save as .xlsx."
      : zip.file("word/document.xml")
        ? "a Word document, not a workbook."
        : zip.file("ppt/presentation.xml")
          ? "a PowerPoint presentation, not a workbook."
          : "a zip archive that holds no Excel workbook. Check that you picked the right file.";
    return fail(file, `${file} is ${what}`);
  }
  return { ok: true, zip };
}

/** The workbook part's content types that make a package macro-enabled (.xlsm, .xltm, .xlam). */
const MACRO_ENABLED_WORKBOOK = /^application\/vnd\.ms-excel\.(sheet|template|addin)\.macroEnabled\.main\+xml$/i;

/**
 * Whether a package is a macro-enabled workbook, by what its `[Content_Types].xml` says of
 * `xl/workbook.xml` (the part the readers require), not by the file's name: Excel opens an .xlsm
 * only when that content type is the macro-enabled one, and an .xlsx only when it is not. A file that
 * is not a readable package is not macro-enabled (its readers say what is wrong with it).
 */
export async function isMacroEnabledPackage(input: Uint8Array | ArrayBuffer): Promise<boolean> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(toUint8Array(input));
  } catch {
    return false;
  }
  const types = await zip.file("[Content_Types].xml")?.async("string");
  if (!types) return false;
  const attr = (tag: string, name: string) => new RegExp(`\\b${name}\\s*=\\s*(["'])(.*?)\\1`).exec(tag)?.[2];
  // Part names compare case-insensitively (OPC, ECMA-376 part 2 §9.1.1.1); an Override wins over a Default.
  for (const m of types.matchAll(/<(?:\w+:)?Override\b[^>]*>/g))
    if (attr(m[0], "PartName")?.toLowerCase() === "/xl/workbook.xml")
      return MACRO_ENABLED_WORKBOOK.test(attr(m[0], "ContentType") ?? "");
  for (const m of types.matchAll(/<(?:\w+:)?Default\b[^>]*>/g))
    if (attr(m[0], "Extension")?.toLowerCase() === "xml")
      return MACRO_ENABLED_WORKBOOK.test(attr(m[0], "ContentType") ?? "");
  return false;
}
