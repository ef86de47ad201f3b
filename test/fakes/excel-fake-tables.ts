import { FakeCollection, FakeObject, type FakeContext, type Source } from "./excel-fake-client";
import {
  FakeExcelError,
  formatAddress,
  intersects,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from "./excel-fake-model";
import { FakeRange, rangeModelOf } from "./excel-fake-range";
import { FakeWorksheet } from "./excel-fake-sheets";

/** Tables, defined names and comments. */
export class FakeTableCollection extends FakeCollection<SheetModel | WorkbookModel, FakeTable> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(ctx, "TableCollection", sheet ? { lazy: sheet } : { now: ctx.host.model });
  }
  protected readProp(name: string): unknown {
    if (name !== "items") throw new TypeError(`fake: TableCollection.${name} is not modelled`);
    const scope = this.sheet ? this.sheet() : null;
    return this.ctx.host.model.tables
      .filter((t) => !scope || t.sheet === scope)
      .map((t) => new FakeTable(this.ctx, { now: t }));
  }
  add(address: unknown, hasHeaders: boolean): FakeTable {
    return new FakeTable(this.ctx, {
      queued: "tables.add",
      payload: [address instanceof FakeRange ? "Range" : address, hasHeaders],
      find: () => {
        const wb = this.ctx.host.model;
        const { sheet, rect } = rangeModelOf(this.ctx, wb, this.sheet ? this.sheet() : null, address);
        if (this.sheet && sheet !== this.sheet())
          throw new FakeExcelError("InvalidArgument", "Range is on another sheet.");
        if (wb.tables.some((t) => t.sheet === sheet && intersects(t.rect, rect))) {
          throw new FakeExcelError("InvalidOperation", "A table can't overlap another table.");
        }
        if (hasHeaders) nameHeaders(sheet, rect);
        let n = wb.tables.length + 1;
        while (wb.tables.some((t) => t.name === `Table${n}`)) n += 1;
        const table: TableModel = { name: `Table${n}`, sheet, rect, style: "TableStyleMedium2" };
        wb.tables.push(table);
        return table;
      },
    });
  }
}

/** Excel makes header cells unique, non-empty text. */
function nameHeaders(sheet: SheetModel, rect: { top: number; left: number; right: number }): void {
  const seen = new Set<string>();
  for (let c = rect.left; c <= rect.right; c++) {
    const cell = sheet.ensure(rect.top, c);
    let text = cell.value === null ? `Column${c - rect.left + 1}` : String(cell.value);
    const base = text;
    for (let k = 2; seen.has(text.toLowerCase()); k++) text = `${base}${k}`;
    seen.add(text.toLowerCase());
    cell.value = text;
    delete cell.formula;
  }
}

export class FakeTable extends FakeObject<TableModel> {
  constructor(ctx: FakeContext, source: Source<TableModel>) {
    super(ctx, "Table", source);
  }
  protected scalarProps(): string[] {
    return ["name", "style"];
  }
  protected readProp(name: string, m: TableModel): unknown {
    if (name === "name") return m.name;
    if (name === "style") return m.style;
    if (name === "worksheet") return this.worksheet;
    throw new TypeError(`fake: Table.${name} is not modelled`);
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.queueSet("name", value, (m) => {
      this.ctx.host.model.checkNewName(value, m);
      m.name = value;
    });
  }
  get style(): string {
    return this.loaded("style");
  }
  set style(value: string) {
    if (!/^TableStyle(Light|Medium|Dark)\d{1,2}$/.test(value)) throw new FakeExcelError("InvalidArgument", value);
    this.queueSet("style", value, (m) => {
      m.style = value;
    });
  }
  get worksheet(): FakeWorksheet {
    return this.child("worksheet", () => new FakeWorksheet(this.ctx, { lazy: () => this.model().sheet }));
  }
  getRange(): FakeRange {
    return new FakeRange(this.ctx, {
      queued: "table.getRange",
      payload: null,
      find: () => ({ sheet: this.model().sheet, rect: { ...this.model().rect } }),
    });
  }
  /** Deletes the table and its cells' contents, as Excel does. */
  delete(): void {
    this.queueCall("delete", [], (m) => {
      const wb = this.ctx.host.model;
      wb.tables = wb.tables.filter((t) => t !== m);
      for (let r = m.rect.top; r <= m.rect.bottom; r++) {
        for (let c = m.rect.left; c <= m.rect.right; c++) m.sheet.remove(r, c);
      }
    });
  }
  convertToRange(): void {
    this.queueCall("convertToRange", [], (m) => {
      const wb = this.ctx.host.model;
      wb.tables = wb.tables.filter((t) => t !== m);
    });
  }
}

export class FakeNamedItemCollection extends FakeCollection<WorkbookModel, FakeNamedItem> {
  constructor(ctx: FakeContext) {
    super(ctx, "NamedItemCollection", { now: ctx.host.model });
  }
  protected readProp(name: string, m: WorkbookModel): unknown {
    if (name !== "items") throw new TypeError(`fake: NamedItemCollection.${name} is not modelled`);
    return m.names.map((n) => new FakeNamedItem(this.ctx, { now: n }));
  }
  add(name: string, reference: unknown, comment?: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, {
      queued: "names.add",
      payload: [name, reference instanceof FakeRange ? "Range" : reference, comment ?? null],
      find: () => {
        const m = this.model();
        m.checkNewName(name);
        const r = rangeModelOf(this.ctx, m, null, reference);
        const item = { name, reference: formatAddress(r.sheet.name, r.rect) };
        m.names.push(item);
        return item;
      },
    });
  }
  getItem(name: string): FakeNamedItem {
    return new FakeNamedItem(this.ctx, {
      queued: "names.getItem",
      payload: name,
      find: () => {
        const item = this.model().names.find((n) => n.name.toLowerCase() === name.toLowerCase());
        if (!item) throw new FakeExcelError("ItemNotFound", `No name ${name}.`);
        return item;
      },
    });
  }
}

export class FakeNamedItem extends FakeObject<{ name: string; reference: string }> {
  constructor(ctx: FakeContext, source: Source<{ name: string; reference: string }>) {
    super(ctx, "NamedItem", source);
  }
  protected scalarProps(): string[] {
    return ["name", "formula", "value"];
  }
  protected readProp(name: string, m: { name: string; reference: string }): unknown {
    if (name === "name") return m.name;
    if (name === "formula") return `=${m.reference}`;
    // A named range's value is its address, absolute (Sheet1!$B$3).
    if (name === "value") {
      const bang = m.reference.lastIndexOf("!");
      return m.reference.slice(0, bang + 1) + m.reference.slice(bang + 1).replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");
    }
    throw new TypeError(`fake: NamedItem.${name} is not modelled`);
  }
  get name(): string {
    return this.loaded("name");
  }
  get value(): string {
    return this.loaded("value");
  }
  get formula(): string {
    return this.loaded("formula");
  }
  delete(): void {
    this.queueCall("delete", [], (m) => {
      const wb = this.ctx.host.model;
      wb.names = wb.names.filter((n) => n !== m);
    });
  }
}

type CommentModel = SheetModel["comments"][number];

export class FakeCommentCollection extends FakeCollection<SheetModel | WorkbookModel, FakeComment> {
  constructor(
    ctx: FakeContext,
    private readonly sheet: (() => SheetModel) | null,
  ) {
    super(ctx, "CommentCollection", sheet ? { lazy: sheet } : { now: ctx.host.model });
  }
  protected readProp(name: string): unknown {
    if (name !== "items") throw new TypeError(`fake: CommentCollection.${name} is not modelled`);
    const sheets = this.sheet ? [this.sheet()] : this.ctx.host.model.sheets;
    return sheets.flatMap((s) => s.comments.map((c) => new FakeComment(this.ctx, { now: c }, s)));
  }
  add(cellAddress: unknown, content: string): FakeComment {
    let owner: SheetModel | null = null;
    return new FakeComment(
      this.ctx,
      {
        queued: "comments.add",
        payload: [cellAddress instanceof FakeRange ? "Range" : cellAddress, content],
        find: () => {
          const r = rangeModelOf(this.ctx, this.ctx.host.model, this.sheet ? this.sheet() : null, cellAddress);
          if (r.rect.top !== r.rect.bottom || r.rect.left !== r.rect.right) {
            throw new FakeExcelError("InvalidArgument", "A comment goes on one cell.");
          }
          if (r.sheet.comments.some((c) => c.row === r.rect.top && c.col === r.rect.left)) {
            throw new FakeExcelError("InvalidOperation", "The cell already has a comment.");
          }
          owner = r.sheet;
          const comment = { id: this.ctx.host.model.newId("comment"), row: r.rect.top, col: r.rect.left, content };
          r.sheet.comments.push(comment);
          return comment;
        },
      },
      () => owner,
    );
  }
}

export class FakeComment extends FakeObject<CommentModel> {
  private readonly owner: () => SheetModel | null;
  constructor(ctx: FakeContext, source: Source<CommentModel>, owner: SheetModel | (() => SheetModel | null)) {
    super(ctx, "Comment", source);
    this.owner = typeof owner === "function" ? owner : () => owner;
  }
  protected scalarProps(): string[] {
    return ["id", "content"];
  }
  protected readProp(name: string, m: CommentModel): unknown {
    if (name === "id") return m.id;
    if (name === "content") return m.content;
    throw new TypeError(`fake: Comment.${name} is not modelled`);
  }
  get id(): string {
    return this.loaded("id");
  }
  get content(): string {
    return this.loaded("content");
  }
  delete(): void {
    this.queueCall("delete", [], (m) => {
      const sheet = this.owner();
      if (sheet) sheet.comments = sheet.comments.filter((c) => c !== m);
    });
  }
}
