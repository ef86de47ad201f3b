import type { ChartBlock, ChartType, SheetRange } from "../spec";
import { rectAddress } from "./excel-addresses";
import type { ExcelFeatures } from "./excel-features";
import { SMALL_OP_BYTES, type SyncBatcher } from "./sync-batcher";

/**
 * Renders a chart block as a native Excel chart: created from its first series' values, then
 * every series named and pointed at the spec's ranges (series API, ExcelApi 1.7). Without 1.7 the
 * chart keeps the first series only, and the caller is told.
 */
type ExcelChartType = "ColumnClustered" | "BarClustered" | "Line" | "Pie" | "Doughnut" | "XYScatter";

const CHART_TYPES: Record<ChartType, ExcelChartType> = {
  column: "ColumnClustered",
  bar: "BarClustered",
  line: "Line",
  pie: "Pie",
  doughnut: "Doughnut",
  scatter: "XYScatter",
};

function rangeOf(context: Excel.RequestContext, r: SheetRange): Excel.Range {
  return context.workbook.worksheets.getItem(r.sheet).getRange(rectAddress(r));
}

const hex = (rrggbb: string) => (rrggbb.startsWith("#") ? rrggbb : `#${rrggbb}`);

/** Queues one chart; returns a note when something had to be left out. */
export async function renderChart(
  context: Excel.RequestContext,
  sheet: Excel.Worksheet,
  block: ChartBlock,
  features: ExcelFeatures,
  batcher: SyncBatcher,
): Promise<string | null> {
  if (block.series.length === 0) return `Chart "${block.title}" has no series and was not drawn.`;
  await batcher.reserve(SMALL_OP_BYTES * (4 + block.series.length * 4 + (block.pointColors?.length ?? 0)));
  const first = block.series[0].values;
  const tall = first.bottom - first.top >= first.right - first.left;
  const chart = sheet.charts.add(CHART_TYPES[block.type], rangeOf(context, first), tall ? "Columns" : "Rows");
  chart.title.text = block.title;
  chart.setPosition(
    rectAddress({ top: block.row, left: block.col, bottom: block.row, right: block.col }),
    rectAddress({
      top: block.row + block.heightRows - 1,
      left: block.col + block.widthCols - 1,
      bottom: block.row + block.heightRows - 1,
      right: block.col + block.widthCols - 1,
    }),
  );
  const round = block.type === "pie" || block.type === "doughnut";
  if (!round) {
    if (block.xTitle) chart.axes.categoryAxis.title.text = block.xTitle;
    if (block.yTitle) chart.axes.valueAxis.title.text = block.yTitle;
    if (block.yNumberFormat) chart.axes.valueAxis.numberFormat = block.yNumberFormat;
    if (block.xNumberFormat && block.type === "scatter") chart.axes.categoryAxis.numberFormat = block.xNumberFormat;
  }
  if (!features.chartSeries) {
    return block.series.length > 1
      ? `Chart "${block.title}" shows its first series only (this Excel lacks ExcelApi 1.7).`
      : null;
  }
  block.series.forEach((spec, i) => {
    const series = i === 0 ? chart.series.getItemAt(0) : chart.series.add(spec.name);
    series.name = spec.name;
    series.setValues(rangeOf(context, spec.values));
    series.setXAxisValues(rangeOf(context, spec.categories));
    if (spec.color) {
      if (block.type === "line" || block.type === "scatter") series.format.line.color = hex(spec.color);
      else series.format.fill.setSolidColor(hex(spec.color));
    }
  });
  if (round && block.pointColors) {
    const series = chart.series.getItemAt(0);
    block.pointColors.forEach((color, i) => series.points.getItemAt(i).format.fill.setSolidColor(hex(color)));
  }
  return null;
}
