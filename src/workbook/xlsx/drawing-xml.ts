import type { ChartBlock } from "../spec";
import { escapeXml } from "./chart-xml";
import { xmlAttributes } from "./sheet-catalog";

/**
 * The drawing part that places charts on a sheet (`xdr:wsDr`, ECMA-376 §20.5): one
 * `xdr:twoCellAnchor` per chart, holding a graphic frame whose `c:chart` points at the chart part
 * through the drawing's relationships. A sheet has at most one drawing, so when exceljs already wrote
 * one (for images) the anchors are appended to it, in whatever prefixes that part already uses.
 */

export const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";
const NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main";
const NS_C = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** How the drawing part names its two namespaces ("" = the default namespace). */
interface Prefixes {
  xdr: string;
  a: string;
}

const qualify = (prefix: string, local: string) => (prefix === "" ? local : `${prefix}:${local}`);

/** Where a chart goes and what its frame is called. */
export interface ChartAnchor {
  chart: ChartBlock;
  /** Relationship id (in the drawing's rels) of the chart part. */
  relId: string;
  /** Shape id, unique within the drawing. */
  shapeId: number;
}

/**
 * One anchor. The spec's 1-based row/col become 0-based marker cells; the frame ends at the top-left
 * corner of the cell `widthCols` columns and `heightRows` rows further on, so it covers exactly that
 * many cells, and it moves and resizes with them (no editAs = twoCell).
 */
export function anchorXml(a: ChartAnchor, p: Prefixes = { xdr: "xdr", a: "a" }): string {
  const x = (local: string) => qualify(p.xdr, local);
  const d = (local: string) => qualify(p.a, local);
  const marker = (tag: string, row: number, col: number) =>
    `<${x(tag)}><${x("col")}>${col}</${x("col")}><${x("colOff")}>0</${x("colOff")}>` +
    `<${x("row")}>${row}</${x("row")}><${x("rowOff")}>0</${x("rowOff")}></${x(tag)}>`;
  const { chart } = a;
  const row0 = Math.max(0, chart.row - 1);
  const col0 = Math.max(0, chart.col - 1);
  const name = `Chart ${a.shapeId}`;
  // CT_TwoCellAnchor: from, to, graphicFrame, clientData. The title doubles as alt text (descr).
  return (
    `<${x("twoCellAnchor")}>` +
    marker("from", row0, col0) +
    marker("to", row0 + Math.max(1, chart.heightRows), col0 + Math.max(1, chart.widthCols)) +
    `<${x("graphicFrame")} macro=""><${x("nvGraphicFramePr")}>` +
    `<${x("cNvPr")} id="${a.shapeId}" name="${name}" descr="${escapeXml(chart.title)}"/><${x("cNvGraphicFramePr")}/>` +
    `</${x("nvGraphicFramePr")}><${x("xfrm")}><${d("off")} x="0" y="0"/><${d("ext")} cx="0" cy="0"/></${x("xfrm")}>` +
    `<${d("graphic")}><${d("graphicData")} uri="${NS_C}">` +
    `<c:chart xmlns:c="${NS_C}" xmlns:r="${NS_R}" r:id="${a.relId}"/>` +
    `</${d("graphicData")}></${d("graphic")}></${x("graphicFrame")}><${x("clientData")}/></${x("twoCellAnchor")}>`
  );
}

/** A new drawing part holding the given anchors. */
export function newDrawingXml(anchors: ChartAnchor[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<xdr:wsDr xmlns:xdr="${NS_XDR}" xmlns:a="${NS_A}">${anchors.map((a) => anchorXml(a)).join("")}</xdr:wsDr>`
  );
}

/** The highest shape id already used in a drawing (0 for none). */
export function maxShapeId(drawingXml: string): number {
  let max = 0;
  for (const m of drawingXml.matchAll(/<(?:[\w.-]+:)?cNvPr\b[^>]*>/g)) {
    const id = Number(xmlAttributes(m[0]).id);
    if (Number.isInteger(id) && id > max) max = id;
  }
  return max;
}

/** Prefix bound to `ns` among a start tag's attributes: "" for the default namespace, null if unbound. */
function prefixFor(attrs: Record<string, string>, ns: string): string | null {
  for (const [k, v] of Object.entries(attrs)) {
    if (v !== ns) continue;
    if (k === "xmlns") return "";
    if (k.startsWith("xmlns:")) return k.slice(6);
  }
  return null;
}

/** Appends anchors to an existing drawing part, declaring the DrawingML namespace on its root if needed. */
export function appendAnchors(drawingXml: string, anchors: ChartAnchor[]): string {
  const root = /<([\w.-]+:)?wsDr\b(?:[^>"']|"[^"]*"|'[^']*')*>/.exec(drawingXml);
  if (!root) throw new Error("The sheet's drawing part has no wsDr root; charts cannot be added to it.");
  const selfClosing = root[0].endsWith("/>");
  const attrs = xmlAttributes(root[0]);
  const xdr = prefixFor(attrs, NS_XDR) ?? (root[1] ?? "").replace(/:$/, "");
  let a = prefixFor(attrs, NS_A);
  let openTag = root[0];
  if (a === null) {
    a = "a";
    for (let i = 1; `xmlns:${a}` in attrs; i++) a = `a${i}`;
    openTag = openTag.replace(/\s*\/?>$/, ` xmlns:${a}="${NS_A}"${selfClosing ? "/>" : ">"}`);
  }
  const added = anchors.map((anchor) => anchorXml(anchor, { xdr, a: a! })).join("");
  const rootName = qualify(xdr, "wsDr");
  if (selfClosing) {
    const open = openTag.replace(/\s*\/>$/, ">");
    return drawingXml.replace(root[0], () => `${open}${added}</${rootName}>`);
  }
  const close = drawingXml.lastIndexOf(`</${rootName}>`);
  if (close < 0) throw new Error("The sheet's drawing part is not closed; charts cannot be added to it.");
  const withClose = `${drawingXml.slice(0, close)}${added}${drawingXml.slice(close)}`;
  return withClose.replace(root[0], () => openTag);
}
