import { FakeCollection, FakeObject, type FakeContext, type Source } from "./excel-fake-client";
import { FakeExcelError, parseAddress, type SheetModel, type WorkbookModel } from "./excel-fake-model";
import { FakeRange, rangeModelOf } from "./excel-fake-range";
import { FakeChartCollection } from "./excel-fake-charts";
import { FakeCommentCollection, FakeNamedItemCollection, FakeTableCollection } from "./excel-fake-tables";

/** Workbook, application, worksheets, freeze panes and page layout. */
export class FakeApplication {
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.requires(6, "suspendApiCalculationUntilNextSync");
    this.ctx.enqueue("call", "suspendApiCalculationUntilNextSync", () => {
      this.ctx.host.stats.suspendCalculationCalls += 1;
    });
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.requires(9, "suspendScreenUpdatingUntilNextSync");
    this.ctx.enqueue("call", "suspendScreenUpdatingUntilNextSync", () => {
      this.ctx.host.stats.suspendScreenUpdatingCalls += 1;
    });
  }
}

export class FakeWorkbook extends FakeObject<WorkbookModel> {
  constructor(ctx: FakeContext) {
    super(ctx, "Workbook", { now: ctx.host.model });
  }
  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(name: string): unknown {
    throw new TypeError(`fake: Workbook.${name} is not modelled`);
  }
  get worksheets(): FakeWorksheetCollection {
    return this.child("worksheets", () => new FakeWorksheetCollection(this.ctx));
  }
  get tables(): FakeTableCollection {
    return this.child("tables", () => new FakeTableCollection(this.ctx, null));
  }
  get names(): FakeNamedItemCollection {
    return this.child("names", () => new FakeNamedItemCollection(this.ctx));
  }
  get comments(): FakeCommentCollection {
    this.ctx.requires(10, "Workbook.comments");
    return this.child("comments", () => new FakeCommentCollection(this.ctx, null));
  }
}

export class FakeWorksheetCollection extends FakeCollection<WorkbookModel, FakeWorksheet> {
  constructor(ctx: FakeContext) {
    super(ctx, "WorksheetCollection", { now: ctx.host.model });
  }
  protected readProp(name: string, m: WorkbookModel): unknown {
    if (name !== "items") throw new TypeError(`fake: WorksheetCollection.${name} is not modelled`);
    return m.sheets.map((s) => new FakeWorksheet(this.ctx, { now: s }));
  }
  getItem(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, { queued: "getItem", payload: name, find: () => this.model().sheet(name) });
  }
  getItemOrNullObject(name: string): FakeWorksheet {
    this.ctx.requires(4, "getItemOrNullObject");
    return new FakeWorksheet(this.ctx, {
      queued: "getItemOrNullObject",
      payload: name,
      find: () => this.model().findSheet(name) ?? null,
    });
  }
  add(name: string): FakeWorksheet {
    return new FakeWorksheet(this.ctx, {
      queued: "worksheets.add",
      payload: name,
      find: () => this.model().addSheet(name),
    });
  }
}

export class FakeWorksheet extends FakeObject<SheetModel> {
  constructor(ctx: FakeContext, source: Source<SheetModel>) {
    super(ctx, "Worksheet", source);
  }
  private get wb(): WorkbookModel {
    return this.ctx.host.model;
  }
  protected scalarProps(): string[] {
    return ["name", "id", "position", "visibility", "tabColor"];
  }
  protected readProp(name: string, m: SheetModel): unknown {
    switch (name) {
      case "name":
        return m.name;
      case "id":
        return m.id;
      case "position":
        return this.wb.sheets.indexOf(m);
      case "visibility":
        return m.visibility;
      case "tabColor":
        return m.tabColor;
      default:
        throw new TypeError(`fake: Worksheet.${name} is not modelled`);
    }
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.queueSet("name", value, (m) => {
      this.wb.checkSheetName(value, m);
      m.name = value;
    });
  }
  get id(): string {
    return this.loaded("id");
  }
  get position(): number {
    return this.loaded("position");
  }
  set position(value: number) {
    this.queueSet("position", value, (m) => {
      const rest = this.wb.sheets.filter((s) => s !== m);
      rest.splice(Math.max(0, Math.min(value, rest.length)), 0, m);
      this.wb.sheets = rest;
    });
  }
  get visibility(): string {
    return this.loaded("visibility");
  }
  set visibility(value: string) {
    if (!["Visible", "Hidden", "VeryHidden"].includes(value)) throw new FakeExcelError("InvalidArgument", value);
    this.queueSet("visibility", value, (m) => {
      const others = this.wb.sheets.filter((s) => s !== m && s.visibility === "Visible");
      if (value !== "Visible" && others.length === 0) {
        throw new FakeExcelError("InvalidOperation", "A workbook must keep at least one visible sheet.");
      }
      m.visibility = value;
    });
  }
  get tabColor(): string {
    return this.loaded("tabColor");
  }
  set tabColor(value: string) {
    if (value !== "" && !/^#[0-9A-Fa-f]{6}$/.test(value))
      throw new FakeExcelError("InvalidArgument", `Colour ${value}.`);
    this.queueSet("tabColor", value, (m) => {
      m.tabColor = value.toUpperCase();
    });
  }
  getRange(address?: string): FakeRange {
    return new FakeRange(this.ctx, {
      queued: "getRange",
      payload: address ?? null,
      find: () => {
        const m = this.model();
        if (address === undefined) return { sheet: m, rect: { top: 1, left: 1, bottom: 1_048_576, right: 16_384 } };
        const parsed = parseAddress(address);
        if (parsed.sheet !== null && parsed.sheet.toLowerCase() !== m.name.toLowerCase()) {
          throw new FakeExcelError("InvalidArgument", `"${address}" is not on sheet ${m.name}.`);
        }
        return { sheet: m, rect: parsed.rect };
      },
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): FakeRange {
    this.ctx.requires(4, "getUsedRangeOrNullObject");
    return new FakeRange(this.ctx, {
      queued: "getUsedRangeOrNullObject",
      payload: valuesOnly,
      find: () => {
        const m = this.model();
        const rect = m.usedRect(valuesOnly);
        return rect ? { sheet: m, rect } : null;
      },
    });
  }
  delete(): void {
    this.queueCall("delete", [], (m) => this.wb.deleteSheet(m));
  }
  get tables(): FakeTableCollection {
    return this.child("tables", () => new FakeTableCollection(this.ctx, () => this.model()));
  }
  get charts(): FakeChartCollection {
    return this.child("charts", () => new FakeChartCollection(this.ctx, () => this.model()));
  }
  get comments(): FakeCommentCollection {
    this.ctx.requires(10, "Worksheet.comments");
    return this.child("comments", () => new FakeCommentCollection(this.ctx, () => this.model()));
  }
  get freezePanes(): FakeFreezePanes {
    return this.child("freezePanes", () => new FakeFreezePanes(this.ctx, () => this.model()));
  }
  get pageLayout(): FakePageLayout {
    this.ctx.requires(9, "Worksheet.pageLayout");
    return this.child("pageLayout", () => new FakePageLayout(this.ctx, () => this.model()));
  }
}

export class FakeFreezePanes extends FakeObject<SheetModel> {
  constructor(ctx: FakeContext, sheet: () => SheetModel) {
    super(ctx, "WorksheetFreezePanes", { lazy: sheet });
  }
  protected scalarProps(): string[] {
    return [];
  }
  protected readProp(name: string): unknown {
    throw new TypeError(`fake: WorksheetFreezePanes.${name} is not modelled`);
  }
  freezeRows(count = 1): void {
    this.queueCall("freezeRows", [count], (m) => {
      m.freeze = { rows: count, cols: 0 };
    });
  }
  freezeColumns(count = 1): void {
    this.queueCall("freezeColumns", [count], (m) => {
      m.freeze = { rows: 0, cols: count };
    });
  }
  freezeAt(frozen: unknown): void {
    this.queueCall("freezeAt", [frozen instanceof FakeRange ? "Range" : frozen], (m) => {
      const r = rangeModelOf(this.ctx, this.ctx.host.model, m, frozen);
      m.freeze = { rows: r.rect.bottom, cols: r.rect.right };
    });
  }
  unfreeze(): void {
    this.queueCall("unfreeze", [], (m) => {
      m.freeze = { rows: 0, cols: 0 };
    });
  }
}

export class FakePageLayout extends FakeObject<SheetModel> {
  constructor(ctx: FakeContext, sheet: () => SheetModel) {
    super(ctx, "PageLayout", { lazy: sheet });
  }
  protected scalarProps(): string[] {
    return ["orientation"];
  }
  protected readProp(name: string, m: SheetModel): unknown {
    if (name === "orientation") return m.pageLayout.orientation;
    if (name === "zoom") return m.pageLayout.zoom;
    throw new TypeError(`fake: PageLayout.${name} is not modelled`);
  }
  set orientation(value: string) {
    if (value !== "Landscape" && value !== "Portrait") throw new FakeExcelError("InvalidArgument", value);
    this.queueSet("orientation", value, (m) => {
      m.pageLayout.orientation = value;
    });
  }
  get orientation(): string {
    return this.loaded("orientation");
  }
  set zoom(value: Record<string, number>) {
    const keys = Object.keys(value);
    const ok =
      keys.every((k) => ["scale", "horizontalFitToPages", "verticalFitToPages"].includes(k)) &&
      !(keys.includes("scale") && keys.length > 1);
    if (!ok) throw new FakeExcelError("InvalidArgument", `Zoom ${JSON.stringify(value)}.`);
    this.queueSet("zoom", value, (m) => {
      m.pageLayout.zoom = { ...value };
    });
  }
  set paperSize(value: string) {
    // Excel.PaperType values the add-in uses; Excel refuses others with InvalidArgument.
    if (!["A4", "Letter", "A3", "Legal"].includes(value)) throw new FakeExcelError("InvalidArgument", value);
    this.queueSet("paperSize", value, (m) => {
      m.pageLayout.paperSize = value;
    });
  }
  setPrintArea(address: string): void {
    if (typeof address !== "string" || !/^\$?[A-Z]+\$?\d+(:\$?[A-Z]+\$?\d+)?$/.test(address))
      throw new FakeExcelError("InvalidArgument", `Print area ${String(address)}.`);
    this.queueCall("setPrintArea", [address], (m) => {
      m.pageLayout.printArea = address;
    });
  }
  setPrintTitleRows(address: string): void {
    if (typeof address !== "string" || !/^\$?\d+:\$?\d+$/.test(address))
      throw new FakeExcelError("InvalidArgument", `Print title rows ${String(address)}.`);
    this.queueCall("setPrintTitleRows", [address], (m) => {
      m.pageLayout.printTitleRows = address;
    });
  }
  get headersFooters(): { defaultForAllPages: Record<string, string> } {
    const queue = (name: string, value: string) =>
      this.queueSet(`headersFooters.defaultForAllPages.${name}`, value, (m) => {
        m.pageLayout.headersFooters = { ...(m.pageLayout.headersFooters ?? {}), [name]: value };
      });
    const page: Record<string, string> = {};
    for (const name of ["leftHeader", "centerHeader", "rightHeader", "leftFooter", "centerFooter", "rightFooter"]) {
      Object.defineProperty(page, name, {
        set: (value: string) => {
          queue(name, value);
        },
        get: () => {
          throw new TypeError(`fake: HeaderFooter.${name} is write-only here`);
        },
      });
    }
    return { defaultForAllPages: page };
  }
}
