import { FakeCollection, FakeObject, makeBag, type FakeContext, type Source } from "./excel-fake-client";
import {
  FakeExcelError,
  formatAddress,
  intersects,
  parseAddress,
  type ChartModel,
  type ChartSeriesModel,
  type SheetModel,
  type TableModel,
  type WorkbookModel,
} from "./excel-fake-model";
import { FakeRange, type RangeModel } from "./excel-fake-range";

/** Workbook, worksheets, tables, charts, names, comments, freeze panes and page layout. */
function rangeModelOf(ctx: FakeContext, model: WorkbookModel, sheet: SheetModel | null, ref: unknown): RangeModel {
  if (ref instanceof FakeRange) return ref.resolve();
  if (typeof ref !== "string") throw new FakeExcelError("InvalidArgument", "Expected a Range or an address.");
  const { sheet: name, rect } = parseAddress(ref);
  const target = name ? model.sheet(name) : sheet;
  if (!target) throw new FakeExcelError("InvalidArgument", `Address "${ref}" needs a sheet name here.`);
  return { sheet: target, rect };
}

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

export class FakeChartCollection extends FakeCollection<SheetModel, FakeChart> {
  constructor(ctx: FakeContext, sheet: () => SheetModel) {
    super(ctx, "ChartCollection", { lazy: sheet });
  }
  protected readProp(name: string, m: SheetModel): unknown {
    if (name !== "items") throw new TypeError(`fake: ChartCollection.${name} is not modelled`);
    return m.charts.map((c) => new FakeChart(this.ctx, { now: c }, m));
  }
  add(type: string, sourceData: unknown, seriesBy = "Auto"): FakeChart {
    const types = ["ColumnClustered", "BarClustered", "Line", "Pie", "Doughnut", "XYScatter", "Area", "ColumnStacked"];
    if (!types.includes(type)) throw new TypeError(`fake: chart type ${type} is not modelled`);
    let sheet: SheetModel | null = null;
    const chart = new FakeChart(
      this.ctx,
      {
        queued: "charts.add",
        payload: [type, seriesBy],
        find: () => {
          sheet = this.model();
          const source = rangeModelOf(this.ctx, this.ctx.host.model, sheet, sourceData);
          const rows = source.rect.bottom - source.rect.top + 1;
          const cols = source.rect.right - source.rect.left + 1;
          const byColumns = seriesBy === "Columns" || (seriesBy === "Auto" && rows >= cols);
          const series: ChartSeriesModel[] = [];
          const count = byColumns ? cols : rows;
          for (let i = 0; i < count; i++) {
            const rect = byColumns
              ? { ...source.rect, left: source.rect.left + i, right: source.rect.left + i }
              : { ...source.rect, top: source.rect.top + i, bottom: source.rect.top + i };
            series.push({
              name: `Series${i + 1}`,
              values: formatAddress(source.sheet.name, rect),
              xValues: null,
              format: {},
              pointColors: {},
            });
          }
          const model: ChartModel = {
            name: `Chart ${sheet.charts.length + 1}`,
            type,
            source: formatAddress(source.sheet.name, source.rect),
            seriesBy,
            series,
            props: {},
            position: null,
          };
          sheet.charts.push(model);
          return model;
        },
      },
      null,
    );
    return chart;
  }
}

const CHART_PATHS = {
  "title.text": "prop",
  "axes.categoryAxis.title.text": "prop",
  "axes.valueAxis.title.text": "prop",
  "legend.position": "prop",
  "legend.visible": "prop",
} as const;

export class FakeChart extends FakeObject<ChartModel> {
  constructor(
    ctx: FakeContext,
    source: Source<ChartModel>,
    private readonly sheet: SheetModel | null,
  ) {
    super(ctx, "Chart", source);
  }
  protected scalarProps(): string[] {
    return ["name", "chartType"];
  }
  protected readProp(name: string, m: ChartModel): unknown {
    if (name === "name") return m.name;
    if (name === "chartType") return m.type;
    throw new TypeError(`fake: Chart.${name} is not modelled`);
  }
  get name(): string {
    return this.loaded("name");
  }
  private bag(): Record<string, unknown> {
    return makeBag(this.ctx, "Chart", CHART_PATHS, (path, value) => {
      this.model().props[path] = value;
    });
  }
  get title(): Record<string, unknown> {
    return this.bag().title as Record<string, unknown>;
  }
  get axes(): Record<string, unknown> {
    return this.bag().axes as Record<string, unknown>;
  }
  get legend(): Record<string, unknown> {
    return this.bag().legend as Record<string, unknown>;
  }
  setPosition(start: unknown, end?: unknown): void {
    const text = (v: unknown) => (v instanceof FakeRange ? "Range" : String(v));
    this.queueCall("setPosition", [text(start), end === undefined ? null : text(end)], (m) => {
      const a = (v: unknown) => (v instanceof FakeRange ? v.resolve().rect : String(v));
      m.position = { start: JSON.stringify(a(start)), end: JSON.stringify(end === undefined ? a(start) : a(end)) };
    });
  }
  delete(): void {
    this.queueCall("delete", [], (m) => {
      const sheet = this.sheet ?? this.ctx.host.model.sheets.find((s) => s.charts.includes(m));
      if (sheet) sheet.charts = sheet.charts.filter((c) => c !== m);
    });
  }
  get series(): FakeChartSeriesCollection {
    return this.child("series", () => new FakeChartSeriesCollection(this.ctx, () => this.model()));
  }
}

export class FakeChartSeriesCollection extends FakeCollection<ChartModel, FakeChartSeries> {
  constructor(ctx: FakeContext, chart: () => ChartModel) {
    super(ctx, "ChartSeriesCollection", { lazy: chart });
  }
  protected readProp(name: string, m: ChartModel): unknown {
    if (name !== "items") throw new TypeError(`fake: ChartSeriesCollection.${name} is not modelled`);
    return m.series.map((s) => new FakeChartSeries(this.ctx, { now: s }));
  }
  getItemAt(index: number): FakeChartSeries {
    return new FakeChartSeries(this.ctx, {
      queued: "series.getItemAt",
      payload: index,
      find: () => {
        const s = this.model().series[index];
        if (!s) throw new FakeExcelError("ItemNotFound", `The chart has no series ${index}.`);
        return s;
      },
    });
  }
  add(name?: string): FakeChartSeries {
    this.ctx.requires(7, "ChartSeriesCollection.add");
    return new FakeChartSeries(this.ctx, {
      queued: "series.add",
      payload: name ?? null,
      find: () => {
        const m = this.model();
        const s: ChartSeriesModel = {
          name: name ?? `Series${m.series.length + 1}`,
          values: null,
          xValues: null,
          format: {},
          pointColors: {},
        };
        m.series.push(s);
        return s;
      },
    });
  }
}

export class FakeChartSeries extends FakeObject<ChartSeriesModel> {
  constructor(ctx: FakeContext, source: Source<ChartSeriesModel>) {
    super(ctx, "ChartSeries", source);
  }
  protected scalarProps(): string[] {
    return ["name"];
  }
  protected readProp(name: string, m: ChartSeriesModel): unknown {
    if (name === "name") return m.name;
    throw new TypeError(`fake: ChartSeries.${name} is not modelled`);
  }
  get name(): string {
    return this.loaded("name");
  }
  set name(value: string) {
    this.queueSet("name", value, (m) => {
      m.name = value;
    });
  }
  private address(range: unknown): string {
    const m = rangeModelOf(this.ctx, this.ctx.host.model, null, range);
    return formatAddress(m.sheet.name, m.rect);
  }
  setValues(range: unknown): void {
    this.ctx.requires(7, "ChartSeries.setValues");
    this.queueCall("setValues", ["Range"], (m) => {
      m.values = this.address(range);
    });
  }
  setXAxisValues(range: unknown): void {
    this.ctx.requires(7, "ChartSeries.setXAxisValues");
    this.queueCall("setXAxisValues", ["Range"], (m) => {
      m.xValues = this.address(range);
    });
  }
  get format(): Record<string, unknown> {
    const allowed = { "fill.setSolidColor": "method", "line.color": "prop" } as const;
    return makeBag(this.ctx, "ChartSeriesFormat", allowed, (path, value) => {
      this.model().format[path] = Array.isArray(value) ? value[0] : value;
    });
  }
  get points(): { getItemAt(i: number): { format: Record<string, unknown> } } {
    return {
      getItemAt: (i: number) => ({
        format: makeBag(this.ctx, "ChartPointFormat", { "fill.setSolidColor": "method" }, (_path, value) => {
          const m = this.model();
          const count = m.values ? countCells(m.values) : 0;
          if (i >= count) throw new FakeExcelError("ItemNotFound", `The series has no point ${i}.`);
          m.pointColors[i] = String((value as unknown[])[0]);
        }),
      }),
    };
  }
}

function countCells(address: string): number {
  const { rect } = parseAddress(address);
  return (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
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
}
