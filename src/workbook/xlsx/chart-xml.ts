import { columnLetters, quoteSheet } from "../grid";
import type { ChartBlock, ChartSeries, SheetRange } from "../spec";

/**
 * The `c:chartSpace` part of one native chart (DrawingML chart, ECMA-376 part 1 §21.2). Excel
 * rejects a chart part whose child elements are out of schema order, so every builder below writes
 * its children in the order of the schema type named in its comment. Every reference carries its
 * cached points: readers that do not recalculate (viewers, previews, Excel until it refreshes) draw
 * from the cache, and a reference without one shows an empty chart.
 */

/** The cell values a series points at, read when the workbook is written (null = empty cell). */
export interface SeriesCache {
  /** Category labels, or x values for a scatter chart, in range order (row by row). */
  categories: (string | number | null)[];
  values: (number | null)[];
  /** Number format of the first category / value cell (a numeric cache keeps it). */
  categoryFormat?: string;
  valueFormat?: string;
}

const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Text for XML content and attribute values alike. */
export function escapeXml(s: string): string {
  return (
    s
      .replace(/&/g, "&amp;")
      .replace(/</g, "&lt;")
      .replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;")
      .replace(/'/g, "&apos;")
      // XML 1.0 cannot carry these characters at all, even escaped.
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "")
  );
}

/** `'Sheet name'!$A$2:$A$9`, always quoted so names with spaces, apostrophes or digits are safe. */
export function rangeFormula(r: SheetRange): string {
  const first = `$${columnLetters(r.left)}$${r.top}`;
  const last = `$${columnLetters(r.right)}$${r.bottom}`;
  return `${quoteSheet(r.sheet)}!${first === last ? first : `${first}:${last}`}`;
}

/** `RRGGBB` (or `#RRGGBB`) upper-cased; anything else is dropped, since a bad colour breaks the part. */
export function normaliseColor(color: string | undefined): string | null {
  if (color === undefined) return null;
  const hex = color.startsWith("#") ? color.slice(1) : color;
  return /^[0-9A-Fa-f]{6}$/.test(hex) ? hex.toUpperCase() : null;
}

const val = (tag: string, v: string | number) => `<c:${tag} val="${v}"/>`;
const solidFill = (rgb: string) => `<a:solidFill><a:srgbClr val="${rgb}"/></a:solidFill>`;

/** CT_Title holding rich text; the text is always literal (a leading `=` is not a formula here). */
function titleXml(text: string, vertical = false): string {
  const rot = vertical ? ' rot="-5400000" vert="horz"' : "";
  const paras = text
    .split(/\r?\n/)
    .map(
      (line) =>
        `<a:p><a:pPr><a:defRPr b="1"/></a:pPr><a:r><a:rPr lang="en-GB" b="1"/><a:t>${escapeXml(line)}</a:t></a:r></a:p>`,
    )
    .join("");
  // CT_Title: tx, layout, overlay.
  return `<c:title><c:tx><c:rich><a:bodyPr${rot}/><a:lstStyle/>${paras}</c:rich></c:tx>${val("overlay", 0)}</c:title>`;
}

function numCache(points: (number | null)[], formatCode: string): string {
  // CT_NumData: formatCode, ptCount, pt* (empty cells are simply absent).
  const pts = points.map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`)).join("");
  return `<c:numCache><c:formatCode>${escapeXml(formatCode)}</c:formatCode>${val("ptCount", points.length)}${pts}</c:numCache>`;
}

function strCache(points: (string | number | null)[]): string {
  const pts = points
    .map((v, i) => (v === null ? "" : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`))
    .join("");
  return `<c:strCache>${val("ptCount", points.length)}${pts}</c:strCache>`;
}

function numRef(range: SheetRange, points: (number | null)[], formatCode: string | undefined): string {
  return `<c:numRef><c:f>${escapeXml(rangeFormula(range))}</c:f>${numCache(points, formatCode ?? "General")}</c:numRef>`;
}

/** Categories stay numeric (dates, years, budgets) only when every non-empty one is a number. */
function categoryRef(range: SheetRange, cache: SeriesCache): string {
  const numeric = cache.categories.every((v) => v === null || typeof v === "number");
  if (numeric && cache.categories.some((v) => v !== null)) {
    return numRef(range, cache.categories as (number | null)[], cache.categoryFormat);
  }
  return `<c:strRef><c:f>${escapeXml(rangeFormula(range))}</c:f>${strCache(cache.categories)}</c:strRef>`;
}

/** The series name as a literal (CT_SerTx's `v` choice): it is the spec's label, not a cell. */
const seriesName = (s: ChartSeries) => `<c:tx><c:v>${escapeXml(s.name)}</c:v></c:tx>`;

function pointColours(chart: ChartBlock): string {
  // CT_DPt: idx, invertIfNegative, marker, bubble3D, explosion, spPr.
  return (chart.pointColors ?? [])
    .map((c, i) => {
      const rgb = normaliseColor(c);
      return rgb ? `<c:dPt>${val("idx", i)}${val("bubble3D", 0)}<c:spPr>${solidFill(rgb)}</c:spPr></c:dPt>` : "";
    })
    .join("");
}

function seriesXml(chart: ChartBlock, s: ChartSeries, cache: SeriesCache, i: number): string {
  const head = `${val("idx", i)}${val("order", i)}${seriesName(s)}`;
  const rgb = normaliseColor(s.color);
  const cat = categoryRef(s.categories, cache);
  const values = numRef(s.values, cache.values, cache.valueFormat);
  switch (chart.type) {
    case "column":
    case "bar": {
      // CT_BarSer: idx, order, tx, spPr, invertIfNegative, pictureOptions, dPt*, dLbls, trendline, errBars, cat, val.
      const spPr = rgb ? `<c:spPr>${solidFill(rgb)}</c:spPr>` : "";
      return `<c:ser>${head}${spPr}${val("invertIfNegative", 0)}<c:cat>${cat}</c:cat><c:val>${values}</c:val></c:ser>`;
    }
    case "line": {
      // CT_LineSer: idx, order, tx, spPr, marker, dPt*, dLbls, trendline, errBars, cat, val, smooth.
      const spPr = rgb ? `<c:spPr><a:ln w="28575" cap="rnd">${solidFill(rgb)}<a:round/></a:ln></c:spPr>` : "";
      const marker = rgb
        ? `<c:marker>${val("symbol", "circle")}${val("size", 5)}<c:spPr>${solidFill(rgb)}<a:ln>${solidFill(rgb)}</a:ln></c:spPr></c:marker>`
        : "";
      return `<c:ser>${head}${spPr}${marker}<c:cat>${cat}</c:cat><c:val>${values}</c:val>${val("smooth", 0)}</c:ser>`;
    }
    case "pie":
    case "doughnut":
      // CT_PieSer: idx, order, tx, spPr, explosion, dPt*, dLbls, cat, val.
      return `<c:ser>${head}${rgb ? `<c:spPr>${solidFill(rgb)}</c:spPr>` : ""}${pointColours(chart)}<c:cat>${cat}</c:cat><c:val>${values}</c:val></c:ser>`;
    case "scatter": {
      // CT_ScatterSer: idx, order, tx, spPr, marker, dPt*, dLbls, trendline, errBars, xVal, yVal, smooth.
      // Markers only (Excel's default "Scatter"): the connecting line is switched off.
      const fill = rgb ? `<c:spPr>${solidFill(rgb)}<a:ln>${solidFill(rgb)}</a:ln></c:spPr>` : "";
      const marker = `<c:marker>${val("symbol", "circle")}${val("size", 7)}${fill}</c:marker>`;
      const spPr = `<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr>`;
      return `<c:ser>${head}${spPr}${marker}<c:xVal>${cat}</c:xVal><c:yVal>${values}</c:yVal>${val("smooth", 0)}</c:ser>`;
    }
  }
}

const CAT_AX = 500000001;
const VAL_AX = 500000002;

interface AxisOptions {
  id: number;
  cross: number;
  pos: "b" | "l";
  title?: string;
  /** Value axes get gridlines and a number format linked to the source cells. */
  kind: "cat" | "val";
  crossBetween?: "between" | "midCat";
  gridlines?: boolean;
  /** An explicit number format (else the source cells' own). */
  numberFormat?: string;
}

function axisXml(o: AxisOptions): string {
  // CT_CatAx / CT_ValAx: axId, scaling, delete, axPos, majorGridlines, title, numFmt, majorTickMark,
  // minorTickMark, tickLblPos, spPr, txPr, crossAx, crosses, then (cat) auto, lblAlgn, lblOffset,
  // noMultiLvlLbl or (val) crossBetween.
  const tag = o.kind === "cat" ? "catAx" : "valAx";
  const grid = o.gridlines ? "<c:majorGridlines/>" : "";
  const title = o.title ? titleXml(o.title, o.pos === "l") : "";
  const numFmt = o.numberFormat
    ? `<c:numFmt formatCode="${escapeXml(o.numberFormat)}" sourceLinked="0"/>`
    : '<c:numFmt formatCode="General" sourceLinked="1"/>';
  const common =
    `${val("axId", o.id)}<c:scaling>${val("orientation", "minMax")}</c:scaling>${val("delete", 0)}${val("axPos", o.pos)}` +
    `${grid}${title}${numFmt}${val("majorTickMark", "out")}${val("minorTickMark", "none")}${val("tickLblPos", "nextTo")}` +
    `${val("crossAx", o.cross)}${val("crosses", "autoZero")}`;
  const tail =
    o.kind === "cat"
      ? `${val("auto", 1)}${val("lblAlgn", "ctr")}${val("lblOffset", 100)}${val("noMultiLvlLbl", 0)}`
      : val("crossBetween", o.crossBetween ?? "between");
  return `<c:${tag}>${common}${tail}</c:${tag}>`;
}

const axIds = `${val("axId", CAT_AX)}${val("axId", VAL_AX)}`;

/** The chart-type element and its axes, for the plot area. */
function plotXml(chart: ChartBlock, caches: SeriesCache[]): string {
  const ser = chart.series.map((s, i) => seriesXml(chart, s, caches[i], i)).join("");
  const horizontal = chart.type === "bar";
  switch (chart.type) {
    case "column":
    case "bar":
      // CT_BarChart: barDir, grouping, varyColors, ser*, dLbls, gapWidth, overlap, serLines, axId+.
      return (
        `<c:barChart>${val("barDir", horizontal ? "bar" : "col")}${val("grouping", "clustered")}${val("varyColors", 0)}` +
        `${ser}${val("gapWidth", 150)}${axIds}</c:barChart>` +
        axisXml({ id: CAT_AX, cross: VAL_AX, pos: horizontal ? "l" : "b", title: chart.xTitle, kind: "cat" }) +
        axisXml({
          id: VAL_AX,
          cross: CAT_AX,
          pos: horizontal ? "b" : "l",
          title: chart.yTitle,
          kind: "val",
          gridlines: true,
          numberFormat: chart.yNumberFormat,
        })
      );
    case "line":
      // CT_LineChart: grouping, varyColors, ser*, dLbls, dropLines, hiLowLines, upDownBars, marker, smooth, axId+.
      return (
        `<c:lineChart>${val("grouping", "standard")}${val("varyColors", 0)}${ser}${val("marker", 1)}${axIds}</c:lineChart>` +
        axisXml({ id: CAT_AX, cross: VAL_AX, pos: "b", title: chart.xTitle, kind: "cat" }) +
        axisXml({
          id: VAL_AX,
          cross: CAT_AX,
          pos: "l",
          title: chart.yTitle,
          kind: "val",
          gridlines: true,
          numberFormat: chart.yNumberFormat,
        })
      );
    case "pie":
      // CT_PieChart: varyColors, ser*, dLbls, firstSliceAng.
      return `<c:pieChart>${val("varyColors", 1)}${ser}${val("firstSliceAng", 0)}</c:pieChart>`;
    case "doughnut":
      // CT_DoughnutChart: varyColors, ser*, dLbls, firstSliceAng, holeSize.
      return `<c:doughnutChart>${val("varyColors", 1)}${ser}${val("firstSliceAng", 0)}${val("holeSize", 50)}</c:doughnutChart>`;
    case "scatter":
      // CT_ScatterChart: scatterStyle, varyColors, ser*, dLbls, axId, axId. Both axes are value axes.
      return (
        `<c:scatterChart>${val("scatterStyle", "lineMarker")}${val("varyColors", 0)}${ser}${axIds}</c:scatterChart>` +
        axisXml({
          id: CAT_AX,
          cross: VAL_AX,
          pos: "b",
          title: chart.xTitle,
          kind: "val",
          crossBetween: "midCat",
          numberFormat: chart.xNumberFormat,
        }) +
        axisXml({
          id: VAL_AX,
          cross: CAT_AX,
          pos: "l",
          title: chart.yTitle,
          kind: "val",
          crossBetween: "midCat",
          gridlines: true,
          numberFormat: chart.yNumberFormat,
        })
      );
  }
}

/**
 * The whole chart part. `caches` is aligned with `chart.series`; `date1904` says which date system
 * the cached serials use (the workbook's).
 */
export function chartSpaceXml(chart: ChartBlock, caches: SeriesCache[], date1904 = false): string {
  if (caches.length !== chart.series.length) {
    throw new Error(`Chart "${chart.title}": ${chart.series.length} series but ${caches.length} caches.`);
  }
  const title =
    chart.title.trim() === "" ? val("autoTitleDeleted", 1) : `${titleXml(chart.title)}${val("autoTitleDeleted", 0)}`;
  // CT_Chart: title, autoTitleDeleted, …, plotArea, legend, plotVisOnly, dispBlanksAs.
  const body =
    `${title}<c:plotArea><c:layout/>${plotXml(chart, caches)}</c:plotArea>` +
    `<c:legend>${val("legendPos", chart.type === "pie" || chart.type === "doughnut" ? "r" : "b")}${val("overlay", 0)}</c:legend>` +
    `${val("plotVisOnly", 1)}${val("dispBlanksAs", "gap")}`;
  // CT_ChartSpace: date1904, lang, roundedCorners, …, chart.
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<c:chartSpace xmlns:c="${NS_C}" xmlns:a="${NS_A}" xmlns:r="${NS_R}">` +
    `${val("date1904", date1904 ? 1 : 0)}${val("lang", "en-GB")}${val("roundedCorners", 0)}<c:chart>${body}</c:chart></c:chartSpace>`
  );
}
