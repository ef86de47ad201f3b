import { FakeObject, makeBag, type FakeContext, type Source } from "./excel-fake-client";
import { FakeConditionalFormatCollection, FakeDataValidation } from "./excel-fake-formats";
import {
  FakeExcelError,
  formatAddress,
  MAX_COLS,
  MAX_ROWS,
  parseAddress,
  writeCellValue,
  type FakeRect,
  type SheetModel,
  type WorkbookModel,
} from "./excel-fake-model";

/** Range and its format, over the fake's cell model. */
export interface RangeModel {
  sheet: SheetModel;
  rect: FakeRect;
}

/** Cells the fake will touch one by one in a single set (a whole column of a big table is fine). */
const MAX_CELLS_PER_SET = 5_000_000;

function area(rect: FakeRect): number {
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
}

function checkMatrix(name: string, value: unknown, m: RangeModel): void {
  if (!Array.isArray(value)) return; // A single value applies to every cell (documented Office.js behaviour).
  const rows = m.rect.bottom - m.rect.top + 1;
  const cols = m.rect.right - m.rect.left + 1;
  const ok = value.length === rows && value.every((row) => Array.isArray(row) && row.length === cols);
  if (!ok) {
    throw new FakeExcelError(
      "InvalidArgument",
      `The ${name} array does not match the size of ${formatAddress(m.sheet.name, m.rect)} (${rows}×${cols}).`,
    );
  }
}

function forEachInput(value: unknown, m: RangeModel, fn: (row: number, col: number, v: unknown) => void): void {
  if (area(m.rect) > MAX_CELLS_PER_SET) throw new TypeError("fake: setting more than 5M cells at once is not modelled");
  const { top, left, bottom, right } = m.rect;
  if (Array.isArray(value)) {
    for (let r = top; r <= bottom; r++) {
      const row = (value as unknown[][])[r - top];
      for (let c = left; c <= right; c++) fn(r, c, row[c - left]);
    }
    return;
  }
  for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) fn(r, c, value);
}

export class FakeRange extends FakeObject<RangeModel> {
  constructor(ctx: FakeContext, source: Source<RangeModel>) {
    super(ctx, "Range", source);
  }

  /** @internal The cells this range points at (for other fake objects that take a Range). */
  resolve(): RangeModel {
    return this.model();
  }

  protected scalarProps(): string[] {
    return ["address", "rowCount", "columnCount", "values", "numberFormat"];
  }

  protected readProp(name: string, m: RangeModel): unknown {
    const { sheet, rect } = m;
    const matrix = (fn: (r: number, c: number) => unknown) => {
      this.ctx.countRead(area(rect));
      const out: unknown[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const row: unknown[] = [];
        for (let c = rect.left; c <= rect.right; c++) row.push(fn(r, c));
        out.push(row);
      }
      return out;
    };
    switch (name) {
      case "address":
        return formatAddress(sheet.name, rect);
      case "rowCount":
        return rect.bottom - rect.top + 1;
      case "columnCount":
        return rect.right - rect.left + 1;
      case "values":
        return matrix((r, c) => sheet.readValue(r, c));
      case "numberFormat":
        return matrix((r, c) => sheet.readFormat(r, c));
      case "formulas":
        return matrix((r, c) => sheet.cell(r, c)?.formula ?? sheet.readValue(r, c));
      case "format":
        return this.format;
      default:
        throw new TypeError(`fake: Range.${name} is not modelled`);
    }
  }

  get address(): string {
    return this.loaded("address");
  }
  get rowCount(): number {
    return this.loaded("rowCount");
  }
  get columnCount(): number {
    return this.loaded("columnCount");
  }
  get values(): unknown[][] {
    return this.loaded("values");
  }
  set values(value: unknown[][]) {
    this.queueSet("values", value, (m) => {
      checkMatrix("values", value, m);
      forEachInput(value, m, (r, c, v) => writeCellValue(m.sheet, r, c, v));
    });
  }
  get numberFormat(): unknown[][] {
    return this.loaded("numberFormat");
  }
  /** Selects the range (and activates its sheet), as a finding's "go to cell" does. */
  select(): void {
    this.queueCall("select", [], (m) => {
      if (m.sheet.visibility !== "Visible") {
        throw new FakeExcelError(
          "InvalidOperation",
          `Sheet ${m.sheet.name} is hidden; a hidden sheet's cells cannot be selected.`,
        );
      }
      this.ctx.host.model.selection = formatAddress(m.sheet.name, m.rect);
    });
  }
  set numberFormat(value: unknown[][]) {
    this.queueSet("numberFormat", value, (m) => {
      checkMatrix("numberFormat", value, m);
      forEachInput(value, m, (r, c, f) => {
        if (f === null || f === undefined) return;
        if (typeof f !== "string")
          throw new FakeExcelError("InvalidArgument", `Number format ${String(f)} is not text.`);
        if (f === "General") {
          const cell = m.sheet.cell(r, c);
          if (cell) delete cell.format;
        } else {
          m.sheet.ensure(r, c).format = f;
        }
      });
    });
  }
  get formulas(): unknown[][] {
    return this.loaded("formulas");
  }

  set hyperlink(link: Record<string, string>) {
    this.ctx.requires(7, "Range.hyperlink");
    const keys = Object.keys(link);
    const known = ["address", "documentReference", "textToDisplay", "screenTip"];
    if (keys.some((k) => !known.includes(k)) || ("address" in link && "documentReference" in link)) {
      throw new FakeExcelError("InvalidArgument", `Bad hyperlink ${JSON.stringify(link)}.`);
    }
    this.queueSet("hyperlink", link, (m) => {
      forEachInput(null, m, (r, c) => {
        const cell = m.sheet.ensure(r, c);
        cell.hyperlink = { ...link };
        if (link.textToDisplay !== undefined) {
          delete cell.formula;
          cell.value = link.textToDisplay;
        }
      });
    });
  }

  clear(applyTo: string = "All"): void {
    this.queueCall("clear", [applyTo], (m) => {
      const keys: [number, number][] = [];
      for (const [r, c] of m.sheet.cellsIn(m.rect)) keys.push([r, c]);
      for (const [r, c] of keys) {
        const cell = m.sheet.cell(r, c);
        if (!cell) continue;
        if (applyTo === "All") {
          m.sheet.remove(r, c);
        } else if (applyTo === "Contents") {
          cell.value = null;
          delete cell.formula;
        } else if (applyTo === "Formats") {
          delete cell.format;
          delete cell.font;
          delete cell.fill;
        } else if (applyTo === "Hyperlinks" || applyTo === "RemoveHyperlinks") {
          delete cell.hyperlink;
        } else {
          throw new FakeExcelError("InvalidArgument", `Unknown clear type ${applyTo}.`);
        }
      }
    });
  }

  private derived(name: string, payload: unknown, rect: (m: RangeModel) => FakeRect): FakeRange {
    return new FakeRange(this.ctx, {
      queued: name,
      payload,
      find: () => {
        const m = this.model();
        const r = rect(m);
        if (
          r.top < 1 ||
          r.left < 1 ||
          r.bottom > MAX_ROWS ||
          r.right > MAX_COLS ||
          r.bottom < r.top ||
          r.right < r.left
        ) {
          throw new FakeExcelError("InvalidArgument", `${name} goes outside the sheet.`);
        }
        return { sheet: m.sheet, rect: r };
      },
    });
  }

  getCell(row: number, col: number): FakeRange {
    return this.derived("getCell", [row, col], ({ rect }) => ({
      top: rect.top + row,
      left: rect.left + col,
      bottom: rect.top + row,
      right: rect.left + col,
    }));
  }

  getResizedRange(deltaRows: number, deltaCols: number): FakeRange {
    return this.derived("getResizedRange", [deltaRows, deltaCols], ({ rect }) => ({
      ...rect,
      bottom: rect.bottom + deltaRows,
      right: rect.right + deltaCols,
    }));
  }

  getOffsetRange(rows: number, cols: number): FakeRange {
    return this.derived("getOffsetRange", [rows, cols], ({ rect }) => ({
      top: rect.top + rows,
      left: rect.left + cols,
      bottom: rect.bottom + rows,
      right: rect.right + cols,
    }));
  }

  get format(): FakeRangeFormat {
    return this.child("format", () => new FakeRangeFormat(this.ctx, () => this.model()));
  }

  get dataValidation(): FakeDataValidation {
    this.ctx.requires(8, "Range.dataValidation");
    return this.child("dataValidation", () => new FakeDataValidation(this.ctx, () => this.model()));
  }

  get conditionalFormats(): FakeConditionalFormatCollection {
    this.ctx.requires(6, "Range.conditionalFormats");
    return this.child("cf", () => new FakeConditionalFormatCollection(this.ctx, () => this.model()));
  }
}

export class FakeRangeFormat extends FakeObject<RangeModel> {
  constructor(ctx: FakeContext, range: () => RangeModel) {
    super(ctx, "RangeFormat", { lazy: range });
  }
  protected scalarProps(): string[] {
    return ["columnWidth"];
  }
  protected readProp(name: string, m: RangeModel): unknown {
    if (name === "columnWidth") return m.sheet.columnWidths.get(m.rect.left) ?? 48;
    throw new TypeError(`fake: RangeFormat.${name} is not modelled`);
  }
  get columnWidth(): number {
    return this.loaded("columnWidth");
  }
  set columnWidth(points: number) {
    if (!(points >= 0 && points <= 1000)) throw new FakeExcelError("InvalidArgument", `Column width ${points}.`);
    this.queueSet("columnWidth", points, (m) => {
      for (let c = m.rect.left; c <= m.rect.right; c++) {
        if (points === 48) m.sheet.columnWidths.delete(c);
        else m.sheet.columnWidths.set(c, points);
      }
    });
  }
  private styleCells(path: string, value: unknown): void {
    const m = this.model();
    if (area(m.rect) > 1_000_000) throw new TypeError("fake: styling more than 1M cells is not modelled");
    forEachInput(null, m, (r, c) => {
      const cell = m.sheet.ensure(r, c);
      if (path === "fill.color") cell.fill = String(value);
      else cell.font = { ...(cell.font ?? {}), [path.slice("font.".length)]: value };
    });
  }
  get font(): Record<string, unknown> {
    const allowed = { "font.bold": "prop", "font.italic": "prop", "font.size": "prop", "font.color": "prop" } as const;
    return makeBag(this.ctx, "RangeFormat", allowed, (p, v) => this.styleCells(p, v), "").font as Record<
      string,
      unknown
    >;
  }
  get fill(): Record<string, unknown> {
    return makeBag(this.ctx, "RangeFormat", { "fill.color": "prop" }, (p, v) => this.styleCells(p, v), "")
      .fill as Record<string, unknown>;
  }
}

/** A Range proxy or an address (with or without a sheet) → the cells it means. */
export function rangeModelOf(
  _ctx: FakeContext,
  model: WorkbookModel,
  sheet: SheetModel | null,
  ref: unknown,
): RangeModel {
  if (ref instanceof FakeRange) return ref.resolve();
  if (typeof ref !== "string") throw new FakeExcelError("InvalidArgument", "Expected a Range or an address.");
  const { sheet: name, rect } = parseAddress(ref);
  const target = name ? model.sheet(name) : sheet;
  if (!target) throw new FakeExcelError("InvalidArgument", `Address "${ref}" needs a sheet name here.`);
  return { sheet: target, rect };
}
