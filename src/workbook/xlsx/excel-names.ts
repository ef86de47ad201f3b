import { safeTableName, sheetNameProblem } from "../excel-names";

/**
 * The xlsx writer's use of Excel's naming rules (../excel-names.ts): a file that breaks them makes
 * Excel "repair" the workbook and drop the offending part, so they are enforced before exceljs
 * serialises anything.
 */

/** Throws a clear Error when Excel would reject the sheet name. */
export function assertValidSheetName(name: string): void {
  const why = sheetNameProblem(name);
  if (why) throw new Error(`Cannot write sheet "${name}": ${why}.`);
}

/**
 * A valid Excel Table or defined name, unique (ignoring case) against `taken`, which it updates:
 * the one rule in ../excel-names.ts (`safeTableName`), applied again at the last moment because a
 * name that breaks it makes Excel "repair" the workbook and drop the table. Valid unique names come
 * back unchanged.
 */
export function validExcelName(wanted: string, taken: Set<string>): string {
  const name = safeTableName(wanted, taken);
  taken.add(name.toLowerCase());
  return name;
}

/**
 * Header cells of an Excel Table must be unique non-empty text (ignoring case), on one line (Excel
 * repairs a column name holding a line break) and at most 255 characters.
 */
export function uniqueHeaders(headers: string[]): string[] {
  const seen = new Set<string>();
  return headers.map((h, i) => {
    const oneLine = h.replace(/[\r\n]+/g, " ").slice(0, 250);
    const base = oneLine.trim() === "" ? `Column${i + 1}` : oneLine;
    let candidate = base;
    for (let n = 2; seen.has(candidate.toLowerCase()); n++) candidate = `${base} ${n}`;
    seen.add(candidate.toLowerCase());
    return candidate;
  });
}
