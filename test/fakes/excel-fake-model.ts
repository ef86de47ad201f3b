/**
 * The workbook state behind the Excel fake: sheets with sparse cells, tables, names, charts,
 * validations, conditional formats and comments. It models the parts of Excel's behaviour that
 * the adapter must respect: `Range.values` treats strings like typed input (formulas, numbers,
 * booleans, dates) unless the cell is formatted "@"; numbers written to "@" cells become text;
 * null leaves a cell unchanged and "" empties it; names of sheets, tables and defined names are
 * checked the way Excel checks them.
 */
export type Scalar = string | number | boolean;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

export interface FakeRect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export const MAX_ROWS = 1_048_576;
export const MAX_COLS = 16_384;

export function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function colLetters(col: number): string {
  let s = "";
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Splits `Sheet!A1:B2` / `'It''s'!A:A` / `B3` / `2:4` into an optional sheet name and a rectangle. */
export function parseAddress(address: string): { sheet: string | null; rect: FakeRect } {
  const bang = address.lastIndexOf("!");
  let sheet: string | null = null;
  let cells = address;
  if (bang >= 0) {
    const raw = address.slice(0, bang);
    sheet = raw.startsWith("'") ? raw.slice(1, -1).replace(/''/g, "'") : raw;
    cells = address.slice(bang + 1);
  }
  const part = (p: string): { row: number | null; col: number | null } => {
    const m = /^\$?([A-Za-z]{0,3})\$?(\d*)$/.exec(p);
    if (!m || (!m[1] && !m[2])) throw new FakeExcelError("InvalidArgument", `Bad address "${address}".`);
    return { col: m[1] ? colNumber(m[1]) : null, row: m[2] ? Number(m[2]) : null };
  };
  const [a, b = a] = cells.split(":").map(part);
  const rect = {
    top: Math.min(a.row ?? 1, b.row ?? 1),
    bottom: Math.max(a.row ?? MAX_ROWS, b.row ?? MAX_ROWS),
    left: Math.min(a.col ?? 1, b.col ?? 1),
    right: Math.max(a.col ?? MAX_COLS, b.col ?? MAX_COLS),
  };
  if (rect.bottom > MAX_ROWS || rect.right > MAX_COLS || rect.top < 1 || rect.left < 1) {
    throw new FakeExcelError("InvalidArgument", `Address out of the grid: "${address}".`);
  }
  return { sheet, rect };
}

export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export function formatAddress(sheet: string, rect: FakeRect): string {
  const start = `${colLetters(rect.left)}${rect.top}`;
  const single = rect.top === rect.bottom && rect.left === rect.right;
  return `${quoteSheetName(sheet)}!${single ? start : `${start}:${colLetters(rect.right)}${rect.bottom}`}`;
}

export function intersects(a: FakeRect, b: FakeRect): boolean {
  return a.left <= b.right && b.left <= a.right && a.top <= b.bottom && b.top <= a.bottom;
}

export interface CellModel {
  value: Scalar | null;
  formula?: string;
  format?: string;
  hyperlink?: Record<string, string>;
  font?: Record<string, unknown>;
  fill?: string;
}

export interface ChartSeriesModel {
  name: string;
  values: string | null;
  xValues: string | null;
  format: Record<string, unknown>;
  pointColors: Record<number, string>;
}

export interface ChartModel {
  name: string;
  type: string;
  source: string;
  seriesBy: string;
  series: ChartSeriesModel[];
  props: Record<string, unknown>;
  position: { start: string; end: string } | null;
}

export interface TableModel {
  name: string;
  sheet: SheetModel;
  rect: FakeRect;
  style: string;
}

export interface ConditionalFormatModel {
  type: string;
  rect: FakeRect;
  props: Record<string, unknown>;
}

export class SheetModel {
  visibility = "Visible";
  tabColor = "";
  /** Rows → sparse arrays of cells by column (small integer keys keep lookups fast at millions of cells). */
  private readonly rows = new Map<number, (CellModel | undefined)[]>();
  private count = 0;
  readonly columnWidths = new Map<number, number>();
  freeze = { rows: 0, cols: 0 };
  pageLayout: {
    orientation: string;
    zoom: Record<string, number>;
    paperSize?: string;
    printArea?: string;
    printTitleRows?: string;
    headersFooters?: Record<string, string>;
  } = { orientation: "Portrait", zoom: { scale: 100 } };
  validations: { rect: FakeRect; rule: Record<string, unknown> }[] = [];
  conditionalFormats: ConditionalFormatModel[] = [];
  charts: ChartModel[] = [];
  comments: { id: string; row: number; col: number; content: string }[] = [];

  constructor(
    public name: string,
    readonly id: string,
  ) {}

  get size(): number {
    return this.count;
  }

  cell(row: number, col: number): CellModel | undefined {
    return this.rows.get(row)?.[col];
  }

  ensure(row: number, col: number): CellModel {
    let cells = this.rows.get(row);
    if (!cells) {
      cells = [];
      this.rows.set(row, cells);
    }
    let cell = cells[col];
    if (!cell) {
      cell = { value: null };
      cells[col] = cell;
      this.count += 1;
    }
    return cell;
  }

  remove(row: number, col: number): void {
    const cells = this.rows.get(row);
    if (cells?.[col]) {
      cells[col] = undefined;
      this.count -= 1;
    }
  }

  /** Every cell that exists, in no particular order. */
  *all(): Generator<[number, number, CellModel]> {
    for (const [row, cells] of this.rows) {
      for (let col = 0; col < cells.length; col++) {
        const cell = cells[col];
        if (cell) yield [row, col, cell];
      }
    }
  }

  /** Cells inside a rectangle, visiting only cells that exist (whole-sheet ranges stay cheap). */
  *cellsIn(rect: FakeRect): Generator<[number, number, CellModel]> {
    for (const [row, cells] of this.rows) {
      if (row < rect.top || row > rect.bottom) continue;
      const last = Math.min(rect.right, cells.length - 1);
      for (let col = rect.left; col <= last; col++) {
        const cell = cells[col];
        if (cell) yield [row, col, cell];
      }
    }
  }

  /** The used range: cells with a value or formula (valuesOnly), or with any content or format. */
  usedRect(valuesOnly: boolean): FakeRect | null {
    let rect: FakeRect | null = null;
    for (const [row, col, cell] of this.all()) {
      const hasValue = cell.value !== null || cell.formula !== undefined;
      if (!hasValue && (valuesOnly || (!cell.format && !cell.font && !cell.fill && !cell.hyperlink))) continue;
      rect = rect
        ? {
            top: Math.min(rect.top, row),
            left: Math.min(rect.left, col),
            bottom: Math.max(rect.bottom, row),
            right: Math.max(rect.right, col),
          }
        : { top: row, left: col, bottom: row, right: col };
    }
    return rect;
  }

  /** What `Range.values` gives for one cell. */
  readValue(row: number, col: number): Scalar {
    const cell = this.cell(row, col);
    if (!cell) return "";
    if (cell.formula !== undefined && cell.value === null) return "#NAME?";
    return cell.value ?? "";
  }

  readFormat(row: number, col: number): string {
    return this.cell(row, col)?.format ?? "General";
  }
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;
const PERCENT_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)%$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

function serialOfIsoDate(text: string): number | null {
  const m = ISO_DATE_RE.exec(text);
  if (!m) return null;
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  const d = new Date(ms);
  if (d.getUTCMonth() !== Number(m[2]) - 1) return null;
  return Math.round(ms / 86_400_000) + 25_569;
}

/** Writes one value the way Excel's `Range.values` does (see the file comment). */
export function writeCellValue(sheet: SheetModel, row: number, col: number, raw: unknown): void {
  if (raw === null || raw === undefined) return;
  if (typeof raw === "number" && !Number.isFinite(raw)) {
    throw new FakeExcelError("InvalidArgument", `Cannot write ${raw} to ${colLetters(col)}${row}.`);
  }
  if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
    throw new FakeExcelError("InvalidArgument", `Cannot write a ${typeof raw} (${String(raw)}) to a cell.`);
  }
  const cell = sheet.ensure(row, col);
  delete cell.formula;
  if (raw === "") {
    cell.value = null;
    return;
  }
  const format = cell.format ?? "General";
  if (format === "@") {
    cell.value = typeof raw === "boolean" ? (raw ? "TRUE" : "FALSE") : String(raw);
    return;
  }
  if (typeof raw !== "string") {
    cell.value = raw;
    return;
  }
  if (raw.startsWith("'")) {
    cell.value = raw.slice(1);
    return;
  }
  if (raw.startsWith("=")) {
    cell.value = null;
    cell.formula = raw;
    return;
  }
  if (NUMBER_RE.test(raw)) {
    cell.value = Number(raw);
    return;
  }
  if (PERCENT_RE.test(raw)) {
    cell.value = Number(raw.slice(0, -1)) / 100;
    if (format === "General") cell.format = "0%";
    return;
  }
  if (/^[+\-@]/.test(raw)) {
    cell.value = null;
    cell.formula = `=${raw.startsWith("@") ? raw.slice(1) : raw}`;
    return;
  }
  if (/^(true|false)$/i.test(raw)) {
    cell.value = raw.toLowerCase() === "true";
    return;
  }
  const serial = serialOfIsoDate(raw);
  if (serial !== null) {
    cell.value = serial;
    if (format === "General") cell.format = "yyyy-mm-dd";
    return;
  }
  cell.value = raw;
}

export class WorkbookModel {
  sheets: SheetModel[] = [];
  tables: TableModel[] = [];
  names: { name: string; reference: string }[] = [];
  createdWorkbooks: Uint8Array[] = [];
  /** The address `Range.select()` last selected (e.g. `Projects!C4`), for tests of "go to cell". */
  selection: string | null = null;
  private nextId = 1;

  newId(prefix: string): string {
    return `${prefix}${this.nextId++}`;
  }

  findSheet(name: string): SheetModel | undefined {
    return this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
  }

  sheet(name: string): SheetModel {
    const s = this.findSheet(name);
    if (!s) throw new FakeExcelError("ItemNotFound", `No worksheet named "${name}".`);
    return s;
  }

  checkSheetName(name: string, except?: SheetModel): void {
    if (name.length === 0 || name.length > 31 || /[[\]:*?/\\]/.test(name) || /^'|'$/.test(name)) {
      throw new FakeExcelError("InvalidArgument", `"${name}" is not a valid sheet name.`);
    }
    if (name.toLowerCase() === "history") throw new FakeExcelError("InvalidArgument", `"History" is reserved.`);
    const other = this.findSheet(name);
    if (other && other !== except) throw new FakeExcelError("ItemAlreadyExists", `Sheet "${name}" exists.`);
  }

  addSheet(name: string): SheetModel {
    this.checkSheetName(name);
    const sheet = new SheetModel(name, this.newId("sheet"));
    this.sheets.push(sheet);
    return sheet;
  }

  deleteSheet(sheet: SheetModel): void {
    const visible = this.sheets.filter((s) => s.visibility === "Visible");
    if (visible.length === 1 && visible[0] === sheet) {
      throw new FakeExcelError("InvalidOperation", "Cannot delete the only visible sheet.");
    }
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
  }

  /** Table and defined names share one namespace in Excel and follow the same rules. */
  checkNewName(name: string, except?: TableModel): void {
    const valid = /^[A-Za-z_\\][A-Za-z0-9_.\\]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name);
    if (!valid || name.length > 255 || /^(r|c)$/i.test(name)) {
      throw new FakeExcelError("InvalidArgument", `"${name}" is not a valid name.`);
    }
    const clash =
      this.tables.some((t) => t !== except && t.name.toLowerCase() === name.toLowerCase()) ||
      this.names.some((n) => n.name.toLowerCase() === name.toLowerCase());
    if (clash) throw new FakeExcelError("ItemAlreadyExists", `The name "${name}" is already used.`);
  }
}
