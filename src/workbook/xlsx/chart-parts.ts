import JSZip from "jszip";
import type { ChartBlock } from "../spec";
import { chartSpaceXml, escapeXml, type SeriesCache } from "./chart-xml";
import { appendAnchors, maxShapeId, newDrawingXml, type ChartAnchor } from "./drawing-xml";
import {
  readRels,
  readSheetCatalog,
  relativeTarget,
  relsPathOf,
  resolvePartPath,
  type Relationship,
} from "./sheet-catalog";
import { insertDrawingRef } from "./worksheet-drawing";

/**
 * Adds native Excel charts to the bytes exceljs wrote (exceljs writes no charts). For each sheet that
 * holds charts: one chart part per chart (`xl/charts/chartN.xml`), the sheet's drawing (a new one, or
 * the one exceljs made for images: a sheet has at most one), the drawing's and the sheet's
 * relationships, the sheet's `<drawing>` element, and content-type overrides for every new part.
 * Sheet parts are found through the workbook's relationships, never guessed from tab positions; new
 * relationship ids and part numbers never reuse one already in the package.
 */

/** One chart to draw: the sheet it sits on, its spec, and the cached values of each of its series. */
export interface ChartEntry {
  sheet: string;
  chart: ChartBlock;
  /** Aligned with `chart.series`. */
  cache: SeriesCache[];
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_DRAWING = `${REL}/drawing`;
const REL_CHART = `${REL}/chart`;
const PKG_RELS = "http://schemas.openxmlformats.org/package/2006/relationships";
const CT_CHART = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_DRAWING = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** Hands out relationship ids in one rels part: max existing `rIdN` + 1, skipping any id in use. */
class RelIds {
  private readonly used: Set<string>;
  private next: number;
  constructor(rels: Relationship[]) {
    this.used = new Set(rels.map((r) => r.id));
    const numbers = rels.map((r) => /^rId(\d+)$/.exec(r.id)).map((m) => (m ? Number(m[1]) : 0));
    this.next = Math.max(0, ...numbers) + 1;
  }
  take(): string {
    while (this.used.has(`rId${this.next}`)) this.next++;
    const id = `rId${this.next++}`;
    this.used.add(id);
    return id;
  }
}

/** The next free number for parts named `<folder>/<stem>N.xml`. */
function nextPartNumber(zip: JSZip, folder: string, stem: string): number {
  const re = new RegExp(`^${folder}/${stem}(\\d+)\\.xml$`, "i");
  const numbers = Object.keys(zip.files)
    .map((p) => re.exec(p))
    .map((m) => (m ? Number(m[1]) : 0));
  return Math.max(0, ...numbers) + 1;
}

async function appendRels(zip: JSZip, relsPath: string, added: { id: string; type: string; target: string }[]) {
  const tags = added
    .map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeXml(r.target)}"/>`)
    .join("");
  const file = zip.file(relsPath);
  if (!file) {
    zip.file(
      relsPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${PKG_RELS}">${tags}</Relationships>`,
    );
    return;
  }
  const xml = await file.async("string");
  const close = xml.lastIndexOf("</Relationships>");
  if (close >= 0) zip.file(relsPath, `${xml.slice(0, close)}${tags}${xml.slice(close)}`);
  else
    zip.file(
      relsPath,
      xml.replace(/<Relationships\b([^>]*)\/>/, (_m, a: string) => `<Relationships${a}>${tags}</Relationships>`),
    );
}

async function addOverrides(zip: JSZip, parts: { path: string; type: string }[]): Promise<void> {
  const file = zip.file("[Content_Types].xml");
  if (!file) throw new Error("The package has no [Content_Types].xml.");
  const xml = await file.async("string");
  const tags = parts
    .filter((p) => !xml.includes(`PartName="/${p.path}"`))
    .map((p) => `<Override PartName="/${p.path}" ContentType="${p.type}"/>`)
    .join("");
  zip.file(
    "[Content_Types].xml",
    xml.replace("</Types>", () => `${tags}</Types>`),
  );
}

/** Groups entries by sheet (case-insensitive, first spelling wins), keeping first-seen order. */
function bySheet(entries: ChartEntry[]): Map<string, ChartEntry[]> {
  const groups = new Map<string, ChartEntry[]>();
  for (const e of entries) {
    const key = e.sheet.toLowerCase();
    const list = groups.get(key);
    if (list) list.push(e);
    else groups.set(key, [e]);
  }
  return groups;
}

/**
 * Returns new .xlsx bytes with the charts added, or the input unchanged when there is nothing to
 * draw. Charts without series are skipped (nothing is written for them).
 */
export async function addChartParts(xlsx: Uint8Array, charts: ChartEntry[]): Promise<Uint8Array> {
  if (!charts.some((c) => c.chart.series.length > 0)) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  await insertChartParts(zip, charts);
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

/** Adds the charts to a loaded package; says whether anything was added. */
export async function insertChartParts(zip: JSZip, charts: ChartEntry[]): Promise<boolean> {
  const drawable = charts.filter((c) => c.chart.series.length > 0);
  if (drawable.length === 0) return false;
  const catalog = await readSheetCatalog(zip);
  let chartNo = nextPartNumber(zip, "xl/charts", "chart");
  let drawingNo = nextPartNumber(zip, "xl/drawings", "drawing");
  const newParts: { path: string; type: string }[] = [];

  for (const entries of bySheet(drawable).values()) {
    const wanted = entries[0].sheet.toLowerCase();
    const sheet = catalog.sheets.find((s) => s.name.toLowerCase() === wanted && s.kind === "worksheet");
    if (!sheet?.path || !zip.file(sheet.path)) {
      throw new Error(`Cannot add charts: worksheet "${entries[0].sheet}" is not in the package.`);
    }
    const sheetRelsPath = relsPathOf(sheet.path);
    const sheetRels = await readRels(zip, sheetRelsPath);
    const existing = sheetRels.find((r) => r.type === REL_DRAWING);
    let drawingPath: string;
    let drawingXml: string | null = null;
    if (existing && zip.file(resolvePartPath(sheet.path, existing.target))) {
      drawingPath = resolvePartPath(sheet.path, existing.target);
      drawingXml = await zip.file(drawingPath)!.async("string");
    } else {
      drawingPath = `xl/drawings/drawing${drawingNo++}.xml`;
      const relId = new RelIds(sheetRels).take();
      await appendRels(zip, sheetRelsPath, [
        { id: relId, type: REL_DRAWING, target: relativeTarget(sheet.path, drawingPath) },
      ]);
      const sheetXml = await zip.file(sheet.path)!.async("string");
      zip.file(sheet.path, insertDrawingRef(sheetXml, relId));
      newParts.push({ path: drawingPath, type: CT_DRAWING });
    }

    const drawingRelsPath = relsPathOf(drawingPath);
    const drawingRelIds = new RelIds(await readRels(zip, drawingRelsPath));
    let shapeId = drawingXml === null ? 1 : maxShapeId(drawingXml);
    const anchors: ChartAnchor[] = [];
    const chartRels: { id: string; type: string; target: string }[] = [];
    for (const entry of entries) {
      const chartPath = `xl/charts/chart${chartNo++}.xml`;
      zip.file(chartPath, chartSpaceXml(entry.chart, entry.cache, catalog.date1904));
      newParts.push({ path: chartPath, type: CT_CHART });
      const relId = drawingRelIds.take();
      chartRels.push({ id: relId, type: REL_CHART, target: relativeTarget(drawingPath, chartPath) });
      anchors.push({ chart: entry.chart, relId, shapeId: ++shapeId });
    }
    zip.file(drawingPath, drawingXml === null ? newDrawingXml(anchors) : appendAnchors(drawingXml, anchors));
    await appendRels(zip, drawingRelsPath, chartRels);
  }
  await addOverrides(zip, newParts);
  return true;
}
