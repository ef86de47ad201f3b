import type { SettingsCell, SettingsInput } from "../domain/settings";
import { SETTINGS_SHEET } from "../domain/settings";
import type { CellValue, Grid } from "../workbook/grid";
import { gridCellAddress } from "../workbook/grid";

/**
 * Finds the settings tables on a `PMO Settings` grid by their header rows (a user may move a table
 * or add rows to it) and returns their values with the A1 address of each cell, so that
 * `parseSettings` can name the cell of any value it cannot use.
 */

const norm = (v: CellValue): string =>
  v === null || v instanceof Date
    ? ""
    : String(v)
        .toLowerCase()
        .replace(/[^a-z0-9]/g, "");

/** Each table: its columns' accepted header spellings (normalised); the first `required` identify it. */
const TABLES = {
  general: { required: 2, cols: { setting: ["setting"], value: ["value"] } },
  stageGates: { required: 2, cols: { stage: ["stage"], fields: ["requiredfields", "fields"] } },
  lists: { required: 2, cols: { list: ["list"], values: ["values"] } },
  rules: { required: 2, cols: { rule: ["ruleid", "rule"], enabled: ["enabled"], severity: ["severity"] } },
  criteria: {
    required: 2,
    cols: {
      name: ["criterion"],
      weight: ["weight"],
      source: ["sourcecolumn", "source"],
      direction: ["direction"],
      min: ["scalemin", "min"],
      max: ["scalemax", "max"],
    },
  },
  ownedSheets: { required: 1, cols: { sheet: ["ownedsheet"] } },
  mappings: { required: 2, cols: { signature: ["headersignature", "signature"], mapping: ["mappingjson", "mapping"] } },
} as const;
type TableKey = keyof typeof TABLES;
const AHP_CORNER = ["pairwisecomparison", "pairwisecomparisons", "ahp"];

interface Found {
  headerRow: number;
  /** Column index per column key. */
  cols: Record<string, number>;
  firstCol: number;
  lastCol: number;
}

export function readSettingsGrid(grid: Grid): SettingsInput {
  const values = grid.values;
  const at = (r: number, c: number): SettingsCell => ({
    value: values[r]?.[c] ?? null,
    cell: gridCellAddress(grid, r, c),
  });
  const input: SettingsInput = { sheet: grid.sheet || SETTINGS_SHEET };
  if (grid.origin.row === 1 && grid.origin.col === 1 && values.length > 0) input.schemaVersion = at(0, 0);

  const found = new Map<TableKey, Found>();
  let ahp: Found | null = null;
  for (let r = 0; r < values.length; r++) {
    for (const run of headerRuns(values[r] ?? [])) {
      const names = run.map((c) => norm(values[r][c]));
      if (ahp === null && AHP_CORNER.includes(names[0])) {
        ahp = { headerRow: r, cols: {}, firstCol: run[0], lastCol: run[run.length - 1] };
        continue;
      }
      for (const key of Object.keys(TABLES) as TableKey[]) {
        if (found.has(key)) continue;
        const def = TABLES[key];
        const cols: Record<string, number> = {};
        for (const [col, spellings] of Object.entries(def.cols)) {
          const i = names.findIndex((n) => (spellings as readonly string[]).includes(n));
          if (i >= 0) cols[col] = run[i];
        }
        const keys = Object.keys(def.cols).slice(0, def.required);
        if (keys.every((k) => k in cols))
          found.set(key, { headerRow: r, cols, firstCol: run[0], lastCol: run[run.length - 1] });
      }
    }
  }

  const rowsOf = (f: Found): number[] => dataRows(grid, f);
  const get = (f: Found, r: number, key: string): SettingsCell | undefined =>
    f.cols[key] === undefined ? undefined : at(r, f.cols[key]);
  const req = (f: Found, r: number, key: string): SettingsCell => get(f, r, key) ?? { value: null };

  const g = found.get("general");
  if (g) input.general = rowsOf(g).map((r) => ({ setting: req(g, r, "setting"), value: req(g, r, "value") }));
  const sg = found.get("stageGates");
  if (sg) input.stageGates = rowsOf(sg).map((r) => ({ stage: req(sg, r, "stage"), fields: req(sg, r, "fields") }));
  const l = found.get("lists");
  if (l) input.lists = rowsOf(l).map((r) => ({ list: req(l, r, "list"), values: req(l, r, "values") }));
  const ru = found.get("rules");
  if (ru)
    input.rules = rowsOf(ru).map((r) => ({
      rule: req(ru, r, "rule"),
      enabled: get(ru, r, "enabled"),
      severity: get(ru, r, "severity"),
    }));
  const cr = found.get("criteria");
  if (cr)
    input.criteria = rowsOf(cr).map((r) => ({
      name: req(cr, r, "name"),
      source: get(cr, r, "source"),
      weight: get(cr, r, "weight"),
      direction: get(cr, r, "direction"),
      min: get(cr, r, "min"),
      max: get(cr, r, "max"),
    }));
  const os = found.get("ownedSheets");
  if (os) input.ownedSheets = rowsOf(os).map((r) => req(os, r, "sheet"));
  const mp = found.get("mappings");
  if (mp)
    input.mappings = rowsOf(mp).map((r) => ({ signature: req(mp, r, "signature"), mapping: req(mp, r, "mapping") }));
  if (ahp) {
    const a = ahp;
    const cols: number[] = [];
    for (let c = a.firstCol + 1; c <= a.lastCol; c++) cols.push(c);
    input.ahp = {
      columns: cols.map((c) => at(a.headerRow, c)),
      rows: dataRows(grid, a).map((r) => ({ criterion: at(r, a.firstCol), values: cols.map((c) => at(r, c)) })),
    };
  }
  return input;
}

/** Runs of adjacent non-blank text cells in a row: candidate header rows. */
function headerRuns(row: CellValue[]): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (let c = 0; c <= row.length; c++) {
    const v = row[c];
    if (typeof v === "string" && v.trim() !== "") run.push(c);
    else {
      if (run.length > 0) runs.push(run);
      run = [];
    }
  }
  return runs;
}

const blank = (v: CellValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

/**
 * The table's data rows: to the bottom of the Excel Table when the host reported one over the header,
 * else down to the first row that is blank across the table's columns.
 */
function dataRows(grid: Grid, f: Found): number[] {
  const t = grid.tables?.find(
    (x) => x.range.top === f.headerRow && x.range.left <= f.firstCol && x.range.right >= f.firstCol,
  );
  const out: number[] = [];
  for (let r = f.headerRow + 1; r < grid.values.length; r++) {
    const cells = grid.values[r]?.slice(f.firstCol, f.lastCol + 1) ?? [];
    const empty = cells.every(blank);
    if (t) {
      if (r > t.range.bottom) break;
      if (!empty) out.push(r);
    } else {
      if (empty) break;
      out.push(r);
    }
  }
  return out;
}
