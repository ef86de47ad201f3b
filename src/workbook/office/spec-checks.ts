import { sheetNameProblem, tableNameProblem } from "../excel-names";
import type { WorkbookSpec } from "../spec";

/**
 * Checks a spec against Excel's naming rules (../excel-names.ts) before anything is sent: Excel
 * would reject a bad name in the middle of a batch, after the sheets being replaced had already
 * been cleared. Throws an Error naming the first problem: bad or repeated sheet, table or defined names.
 */
export function checkSpec(spec: WorkbookSpec): void {
  const sheets = new Set<string>();
  const names = new Set<string>();
  const claim = (kind: string, name: string) => {
    const problem = tableNameProblem(name);
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
