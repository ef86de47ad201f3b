import type { CellValue, Grid, GridTable, ReadResult } from "../grid";
import type { ReadOptions } from "../port";
import { NOT_SELECTED } from "../port";
import { parseRangeAddress, rectAddress, type Rect } from "./excel-addresses";
import { dateFromSerial, isDateFormat } from "./excel-dates";
import { utf8Length } from "./sync-batcher";

/**
 * Reads the open workbook in as few syncs as Excel's limits allow: one sync for the sheet list
 * and the tables, one for the used ranges and table addresses, then one per batch of value
 * chunks. Chunks are sized from an estimate of bytes per cell (values plus number formats) so no
 * response crosses the budget and no read asks for more than 5 million cells; the estimate is
 * corrected from what came back, and a batch the host still rejects as too large is retried in
 * halves.
 */
export const MAX_CELLS_PER_READ = 5_000_000;
/** First guess at the JSON bytes per cell of values + numberFormat ("General" alone is 10). */
const INITIAL_BYTES_PER_CELL = 32;
const MIN_BYTES_PER_CELL = 12;

export interface ReadDeps {
  context: Excel.RequestContext;
  file: string;
  budget: number;
  date1904: boolean;
  options: ReadOptions;
}

interface SheetPlan {
  name: string;
  hidden: boolean;
  rect: Rect | null;
  tables: { name: string; rect: Rect }[];
  values: CellValue[][];
  formats: (string | null)[][];
  nextRow: number;
}

interface Chunk {
  plan: SheetPlan;
  rows: number;
  range: Excel.Range;
}

export function isPayloadLimitError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const text = `${typeof code === "string" ? code : ""} ${error instanceof Error ? error.message : ""}`;
  return /PayloadSizeLimitExceeded/i.test(text);
}

export async function readWorkbook(deps: ReadDeps): Promise<ReadResult> {
  const { context, options } = deps;
  const sheets = context.workbook.worksheets;
  sheets.load("items/name,items/visibility");
  const tables = context.workbook.tables;
  tables.load("items/name,items/worksheet/name");
  await context.sync();

  const listed = sheets.items.filter((s) => !options.sheets || options.sheets.includes(s.name));
  const select = options.select;
  const notSelected = select
    ? listed.filter(
        (s) =>
          !select({ name: s.name, tables: tables.items.filter((t) => t.worksheet.name === s.name).map((t) => t.name) }),
      )
    : [];
  const wanted = listed.filter((s) => !notSelected.includes(s));
  const used = wanted.map((sheet) => {
    const range = sheet.getUsedRangeOrNullObject(true);
    range.load("address");
    return range;
  });
  const tableRanges = tables.items
    .filter((t) => wanted.some((s) => s.name === t.worksheet.name))
    .map((t) => {
      const range = t.getRange();
      range.load("address");
      return { name: t.name, sheet: t.worksheet.name, range };
    });
  options.signal?.throwIfAborted();
  await context.sync();

  const plans: SheetPlan[] = wanted.map((sheet, i) => {
    const sheetTables = tableRanges
      .filter((t) => t.sheet === sheet.name)
      .map((t) => ({ name: t.name, rect: parseRangeAddress(t.range.address).rect }));
    // The grid is the used range widened to cover the sheet's tables (as the xlsx adapter does).
    let rect = used[i].isNullObject ? null : parseRangeAddress(used[i].address).rect;
    for (const t of sheetTables) rect = rect ? union(rect, t.rect) : t.rect;
    return {
      name: sheet.name,
      hidden: sheet.visibility !== "Visible",
      rect,
      tables: sheetTables,
      values: [],
      formats: [],
      nextRow: 0,
    };
  });
  await readValues(deps, plans);

  const result: ReadResult = {
    file: deps.file,
    grids: [],
    skipped: notSelected.map((s) => ({ sheet: s.name, reason: NOT_SELECTED })),
    problems: [],
  };
  for (const plan of plans) {
    if (!plan.rect) {
      result.skipped.push({ sheet: plan.name, reason: "empty" });
      continue;
    }
    result.grids.push(toGrid(plan, plan.rect, deps));
  }
  return result;
}

function toGrid(plan: SheetPlan, rect: Rect, deps: ReadDeps): Grid {
  const tables: GridTable[] = plan.tables.map((t) => ({
    name: t.name,
    range: {
      top: t.rect.top - rect.top,
      left: t.rect.left - rect.left,
      bottom: t.rect.bottom - rect.top,
      right: t.rect.right - rect.left,
    },
  }));
  return {
    file: deps.file,
    sheet: plan.name,
    origin: { row: rect.top, col: rect.left },
    values: plan.values,
    numberFormats: plan.formats,
    tables,
    hidden: plan.hidden,
    date1904: deps.date1904,
    kind: "worksheet",
  };
}

function union(a: Rect, b: Rect): Rect {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

function rowCount(rect: Rect): number {
  return rect.bottom - rect.top + 1;
}

function colCount(rect: Rect): number {
  return rect.right - rect.left + 1;
}

async function readValues(deps: ReadDeps, plans: SheetPlan[]): Promise<void> {
  const { context, budget, options } = deps;
  const totalCells = plans.reduce((n, p) => n + (p.rect ? rowCount(p.rect) * colCount(p.rect) : 0), 0);
  let doneCells = 0;
  let estimate = INITIAL_BYTES_PER_CELL;
  let floor = MIN_BYTES_PER_CELL;
  const pending = () => plans.filter((p) => p.rect && p.nextRow < rowCount(p.rect));

  while (pending().length > 0) {
    options.signal?.throwIfAborted();
    const chunks: Chunk[] = [];
    let bytes = 0;
    let cells = 0;
    for (const plan of pending()) {
      const rect = plan.rect as Rect;
      const cols = colCount(rect);
      const byBytes = Math.floor((budget - bytes) / (cols * estimate));
      const byCells = Math.floor((MAX_CELLS_PER_READ - cells) / cols);
      let rows = Math.min(byBytes, byCells, rowCount(rect) - plan.nextRow);
      // One row always goes, even when it alone is over the estimate: the host decides.
      if (rows < 1 && chunks.length === 0) rows = 1;
      if (rows < 1) break;
      const top = rect.top + plan.nextRow;
      const range = context.workbook.worksheets
        .getItem(plan.name)
        .getRange(rectAddress({ top, left: rect.left, bottom: top + rows - 1, right: rect.right }));
      range.load("values,numberFormat");
      chunks.push({ plan, rows, range });
      bytes += rows * cols * estimate;
      cells += rows * cols;
      if (rows < rowCount(rect) - plan.nextRow) break;
    }
    try {
      // One sync per batch of chunks, each batch sized to stay under Excel's payload limit.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const single = chunks.length === 1 && chunks[0].rows === 1;
      if (!isPayloadLimitError(error) || single) throw error;
      floor = estimate * 2;
      estimate = floor;
      continue;
    }
    let observed = 0;
    for (const chunk of chunks) {
      const values = chunk.range.values as unknown[][];
      const formats = chunk.range.numberFormat as unknown[][];
      const size = utf8Length(JSON.stringify(values)) + utf8Length(JSON.stringify(formats));
      const n = chunk.rows * values[0].length;
      observed = Math.max(observed, size / n);
      appendRows(chunk.plan, values, formats, deps.date1904);
      chunk.plan.nextRow += chunk.rows;
      doneCells += n;
    }
    estimate = Math.max(floor, observed * 1.25);
    options.progress?.({ stage: "Reading the workbook", done: doneCells, total: totalCells });
  }
}

function appendRows(plan: SheetPlan, values: unknown[][], formats: unknown[][], date1904: boolean): void {
  values.forEach((row, r) => {
    const formatRow = formats[r] ?? [];
    const outValues: CellValue[] = [];
    const outFormats: (string | null)[] = [];
    row.forEach((raw, c) => {
      const format = typeof formatRow[c] === "string" ? (formatRow[c] as string) : null;
      outFormats.push(format === null || format === "General" ? null : format);
      outValues.push(plainCell(raw, format, date1904));
    });
    plan.values.push(outValues);
    plan.formats.push(outFormats);
  });
}

/** Excel's raw value → the port's plain value: "" is empty, date-formatted numbers are dates. */
export function plainCell(raw: unknown, format: string | null, date1904: boolean): CellValue {
  if (raw === null || raw === undefined || raw === "") return null;
  if (typeof raw === "number") return isDateFormat(format) ? dateFromSerial(raw, date1904) : raw;
  if (typeof raw === "boolean" || typeof raw === "string") return raw;
  return String(raw);
}
