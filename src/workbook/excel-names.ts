/**
 * Excel's rules for the names and references we write, in one place: sheet names (at most 31
 * characters, none of [ ] : * ? / \, no control character, no apostrophe at either end, not
 * "History", unique ignoring case), Table and defined names (letters, digits, _ and ., not a cell
 * reference) and sheet names in references (`'My ''Sheet'''!A1`). A workbook that breaks them makes
 * Excel "repair" it and drop the offending part, or reject a batch half-way, so the report builds
 * names with the `safe…` functions and both hosts check them with the `…Problem` functions.
 */

export const SHEET_NAME_MAX_LENGTH = 31;

const TABLE_NAME_MAX_LENGTH = 255;

// No `g` flag: a global regex keeps `lastIndex` between `.test()` calls, so a second call could
// start past the forbidden character and miss it.
const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001F\uFFFE\uFFFF]/;

/** Why Excel would reject `name` as a sheet name ("it is longer than 31 characters"), or null. */
export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "it is empty";
  if (name.length > SHEET_NAME_MAX_LENGTH) return `it is longer than ${SHEET_NAME_MAX_LENGTH} characters`;
  if (FORBIDDEN_SHEET_CHARS.test(name)) return "it contains one of [ ] : * ? / \\";
  if (CONTROL_CHARS.test(name)) return "it contains a control character";
  if (name.startsWith("'") || name.endsWith("'")) return "it starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return '"History" is reserved by Excel';
  return null;
}

/** A valid sheet name close to `wanted`, unique against `taken` (compared ignoring case). */
export function safeSheetName(wanted: string, taken: Iterable<string> = []): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  let base = [...wanted]
    .map((ch) => (FORBIDDEN_SHEET_CHARS.test(ch) || CONTROL_CHARS.test(ch) ? " " : ch))
    .join("")
    .replace(/^'+|'+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (base === "" || base.toLowerCase() === "history") base = base === "" ? "Sheet" : "History (PMO)";
  base = base.slice(0, SHEET_NAME_MAX_LENGTH).trim();
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, SHEET_NAME_MAX_LENGTH - suffix.length).trim() + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** Looks like a cell reference (A1, XFD1048576) or an R1C1 one (R, C, R1C1), which Excel refuses as a name. */
export function looksLikeCellReference(name: string): boolean {
  return /^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name) || /^[RrCc]$/.test(name);
}

/** Why Excel would reject `name` as a Table or defined name, or null. */
export function tableNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > TABLE_NAME_MAX_LENGTH) return "it must be 1 to 255 characters long";
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
    return "it may hold only letters, digits, _ and . and start with a letter";
  if (looksLikeCellReference(name)) return "it looks like a cell reference";
  return null;
}

/** A valid, unique Excel Table / defined name: letters, digits, underscores; starts with a letter. */
export function safeTableName(wanted: string, taken: Iterable<string> = []): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  let base = wanted.replace(/[^A-Za-z0-9_]/g, "_").replace(/_+/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `t_${base}`;
  if (looksLikeCellReference(base)) base = `t_${base}`;
  base = base.slice(0, 250);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A sheet name quoted for use in a formula or reference: 'My Sheet'!A1 (an apostrophe doubled). */
export function quoteSheet(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

/**
 * Splits a reference at its last `!` and unquotes the sheet: `'My ''Sheet'''!$A$1` →
 * { sheet: "My 'Sheet'", rest: "!$A$1" }; `B3:F20` → { sheet: null, rest: "B3:F20" }.
 */
export function splitSheetReference(reference: string): { sheet: string | null; rest: string } {
  const bang = reference.lastIndexOf("!");
  if (bang < 0) return { sheet: null, rest: reference };
  const raw = reference.slice(0, bang);
  const quoted = raw.length >= 2 && raw.startsWith("'") && raw.endsWith("'");
  return { sheet: quoted ? raw.slice(1, -1).replace(/''/g, "'") : raw, rest: reference.slice(bang) };
}
