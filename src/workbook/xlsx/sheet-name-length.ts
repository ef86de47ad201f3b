import type { SheetCatalog } from "./sheet-catalog";

/**
 * exceljs cuts a sheet name longer than Excel's 31 characters and then reports "Worksheet name
 * already exists", which tells the user nothing. Files written by other tools can hold such
 * names; this says which sheet it is and what to do.
 */
export function sheetNameTooLong(file: string, catalog: SheetCatalog | undefined | null): string | null {
  const long = catalog?.sheets.find((s) => s.name.length > 31);
  if (!long) return null;
  return `${file}: the sheet "${long.name}" has a name of ${long.name.length} characters, and Excel allows at most 31. Rename it in Excel (31 characters or fewer), save, and retry.`;
}
