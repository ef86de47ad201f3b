import type { CellValue, Grid } from "../../src/workbook/grid";

/** A worksheet grid for tests: `rows` start at the sheet's A1 unless `origin` says otherwise. */
export function sheet(
  file: string,
  name: string,
  rows: CellValue[][],
  extra: Partial<Omit<Grid, "file" | "sheet" | "values">> = {},
): Grid {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const values = rows.map((r) => [...r, ...new Array<CellValue>(width - r.length).fill(null)]);
  return { file, sheet: name, origin: { row: 1, col: 1 }, values, kind: "worksheet", ...extra };
}

/** Shifts rows right by `cols` blank columns and down by `rows` blank rows (tables starting at B12). */
export function offset(rows: CellValue[][], down: number, right: number): CellValue[][] {
  const pad = (r: CellValue[]) => [...new Array<CellValue>(right).fill(null), ...r];
  return [...Array.from({ length: down }, () => [] as CellValue[]), ...rows.map(pad)];
}

export const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m - 1, d));
