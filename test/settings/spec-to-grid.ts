import type { CellValue, Grid, GridTable } from "../../src/workbook/grid";
import type { SheetSpec } from "../../src/workbook/spec";
import { plainValue } from "../../src/workbook/spec";

/**
 * Renders a SheetSpec's cells in memory the way an adapter would place them (1-based block
 * positions), giving the Grid a reader would get back: enough to test write → read round trips.
 */
export function specToGrid(spec: SheetSpec, file = "test.xlsx"): Grid {
  const cells = new Map<string, CellValue>();
  let maxRow = 1;
  let maxCol = 1;
  const put = (r: number, c: number, v: CellValue) => {
    cells.set(`${r},${c}`, v);
    maxRow = Math.max(maxRow, r);
    maxCol = Math.max(maxCol, c);
  };
  const tables: GridTable[] = [];
  for (const b of spec.blocks) {
    if (b.kind === "title") {
      put(b.row, b.col, b.text);
      if (b.subtitle) put(b.row + 1, b.col, b.subtitle);
    } else if (b.kind === "text") b.lines.forEach((l, i) => put(b.row + i, b.col, l));
    else if (b.kind === "keyFigures")
      b.items.forEach((it, i) => {
        put(b.row + i, b.col, it.label);
        put(b.row + i, b.col + 1, it.value);
      });
    else if (b.kind === "table") {
      b.columns.forEach((c, j) => put(b.row, b.col + j, c.header));
      b.rows.forEach((r, i) => r.forEach((v, j) => put(b.row + 1 + i, b.col + j, plainValue(v))));
      const bottom = b.row + Math.max(b.rows.length, 1);
      put(bottom, b.col, cells.get(`${bottom},${b.col}`) ?? null);
      tables.push({
        name: b.name,
        range: { top: b.row - 1, left: b.col - 1, bottom: bottom - 1, right: b.col + b.columns.length - 2 },
      });
    }
  }
  const values: CellValue[][] = [];
  for (let r = 1; r <= maxRow; r++) {
    const row: CellValue[] = [];
    for (let c = 1; c <= maxCol; c++) row.push(cells.get(`${r},${c}`) ?? null);
    values.push(row);
  }
  return { file, sheet: spec.name, origin: { row: 1, col: 1 }, values, tables, kind: "worksheet" };
}
