import { FakeCollection, FakeObject, makeBag, type FakeContext, type Source } from "./excel-fake-client";
import {
  FakeExcelError,
  formatAddress,
  parseAddress,
  type ChartModel,
  type ChartSeriesModel,
  type SheetModel,
} from "./excel-fake-model";
import { FakeRange, rangeModelOf } from "./excel-fake-range";

/** Charts, their series and points. */
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
  "axes.valueAxis.numberFormat": "prop",
  "axes.categoryAxis.numberFormat": "prop",
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
