import type { WorkbookSpec } from "../spec";

/**
 * Checks a spec against Excel's naming rules before anything is sent: Excel would reject a bad
 * name in the middle of a batch, after the sheets being replaced had already been cleared.
 */
const FORBIDDEN_SHEET_CHARS = /[[\]:*?/\\]/;
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARS = /[\u0000-\u001F\uFFFE\uFFFF]/;

export function sheetNameProblem(name: string): string | null {
  if (name.length === 0) return "it is empty";
  if (name.length > 31) return "it is longer than 31 characters";
  if (FORBIDDEN_SHEET_CHARS.test(name)) return "it contains one of [ ] : * ? / \\";
  if (CONTROL_CHARS.test(name)) return "it contains a control character";
  if (name.startsWith("'") || name.endsWith("'")) return "it starts or ends with an apostrophe";
  if (name.toLowerCase() === "history") return '"History" is reserved by Excel';
  return null;
}

/** Table and defined names: letters, digits, _ and ., starting with a letter or _, not a cell reference. */
export function excelNameProblem(name: string): string | null {
  if (name.length === 0 || name.length > 255) return "it must be 1 to 255 characters long";
  if (!/^[A-Za-z_\\][A-Za-z0-9_.]*$/.test(name))
    return "it may hold only letters, digits, _ and . and start with a letter";
  if (/^[A-Za-z]{1,3}\d+$/.test(name) || /^[Rr]\d*[Cc]\d*$/.test(name)) return "it looks like a cell reference";
  return null;
}

/** Throws an Error naming the first problem: bad or repeated sheet, table or defined names. */
export function checkSpec(spec: WorkbookSpec): void {
  const sheets = new Set<string>();
  const names = new Set<string>();
  const claim = (kind: string, name: string) => {
    const problem = excelNameProblem(name);
    if (problem) throw new Error(`Cannot write ${kind} "${name}": ${problem}.`);
    if (names.has(name.toLowerCase())) throw new Error(`The workbook spec uses the name "${name}" twice.`);
    names.add(name.toLowerCase());
  };
  for (const sheet of spec.sheets) {
    const problem = sheetNameProblem(sheet.name);
    if (problem) throw new Error(`Cannot write sheet "${sheet.name}": ${problem}.`);
    if (sheets.has(sheet.name.toLowerCase())) throw new Error(`The workbook spec names sheet "${sheet.name}" twice.`);
    sheets.add(sheet.name.toLowerCase());
    for (const block of sheet.blocks) {
      if (block.kind === "table") claim("table", block.name);
      if (block.kind === "keyFigures")
        for (const item of block.items) if (item.definedName) claim("name", item.definedName);
    }
  }
}
