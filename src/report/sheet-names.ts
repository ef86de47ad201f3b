/**
 * Excel's rules for sheet names (docs/conventions.md "Sheet and table names"): at most 31 characters, none of []:*?/\,
 * not "History", unique ignoring case. `safeSheetName` repairs a name; `sheetNameProblem` explains.
 */
const FORBIDDEN = /[[\]:*?/\\]/g;
const MAX = 31;

export function sheetNameProblem(name: string): string | null {
  if (name.trim() === "") return "a sheet name cannot be blank";
  if (name.length > MAX) return `"${name}" is longer than ${MAX} characters`;
  if (FORBIDDEN.test(name)) return `"${name}" contains one of [ ] : * ? / \\`;
  if (name.toLowerCase() === "history") return `"History" is reserved by Excel`;
  if (name.startsWith("'") || name.endsWith("'")) return `"${name}" starts or ends with an apostrophe`;
  return null;
}

/** A valid sheet name close to `wanted`, unique against `taken` (compared ignoring case). */
export function safeSheetName(wanted: string, taken: Iterable<string> = []): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  let base = wanted
    .replace(FORBIDDEN, " ")
    .replace(/^'+|'+$/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (base === "" || base.toLowerCase() === "history") base = base === "" ? "Sheet" : "History (PMO)";
  base = base.slice(0, MAX).trim();
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = base.slice(0, MAX - suffix.length).trim() + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** A valid, unique Excel Table / defined name: letters, digits, underscores; starts with a letter. */
export function safeTableName(wanted: string, taken: Iterable<string> = []): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  let base = wanted.replace(/[^A-Za-z0-9_]/g, "_").replace(/_+/g, "_");
  if (!/^[A-Za-z_]/.test(base)) base = `t_${base}`;
  // Names that look like cell references (A1, R1C1) are rejected by Excel.
  if (/^[A-Za-z]{1,3}\d+$/.test(base) || /^[Rr]\d*[Cc]\d*$/.test(base)) base = `t_${base}`;
  base = base.slice(0, 250);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}_${n}`;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}
