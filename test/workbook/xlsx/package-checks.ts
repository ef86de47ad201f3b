import JSZip from "jszip";
import { parseXml, type XmlElement } from "../../interop/xml-tree";

/**
 * Structural checks of an .xlsx package, the ones Excel enforces and LibreOffice forgives: every XML
 * part well-formed with its prefixes bound, relationship ids unique per rels part, every internal
 * target present, every `r:` reference resolvable, a content type for every part, and the children of
 * worksheet and chart elements in the order the schema's sequences give them.
 */

const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_CHART = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const NS_XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing";

export interface PackageView {
  zip: JSZip;
  /** Every .xml / .rels part, parsed. */
  xml: Map<string, XmlElement>;
  problems: string[];
}

function ownerOf(relsPath: string): string {
  return relsPath === "_rels/.rels" ? "" : relsPath.replace(/_rels\/([^/]+)\.rels$/, "$1");
}

export function resolveTarget(owner: string, target: string): string {
  const parts = target.startsWith("/") ? [] : owner.split("/").slice(0, -1);
  for (const seg of target.replace(/^\//, "").split("/")) {
    if (seg === "..") parts.pop();
    else if (seg !== ".") parts.push(seg);
  }
  return parts.join("/");
}

/** Attributes in the relationships namespace anywhere in a part (`r:id`, `r:embed`, …). */
function relReferences(root: XmlElement): string[] {
  const out: string[] = [];
  const walk = (el: XmlElement) => {
    for (const [k, v] of Object.entries(el.attrs)) {
      const prefix = k.includes(":") ? k.slice(0, k.indexOf(":")) : null;
      if (prefix && prefix !== "xmlns" && namespaceOf(el, prefix) === NS_REL) out.push(v);
    }
    el.children.forEach(walk);
  };
  walk(root);
  return out;
}

function namespaceOf(el: XmlElement, prefix: string): string | undefined {
  for (let e: XmlElement | null = el; e; e = e.parent) {
    const ns = e.attrs[`xmlns:${prefix}`];
    if (ns !== undefined) return ns;
  }
  return undefined;
}

/** Loads a package and runs every check; `problems` is empty for a sound package. */
export async function inspectPackage(bytes: Uint8Array): Promise<PackageView> {
  const zip = await JSZip.loadAsync(bytes);
  const problems: string[] = [];
  const xml = new Map<string, XmlElement>();
  const parts = Object.keys(zip.files).filter((p) => !zip.files[p].dir);
  for (const p of parts.filter((q) => /\.(xml|rels)$/.test(q))) {
    try {
      xml.set(p, parseXml(await zip.file(p)!.async("string")));
    } catch (e) {
      problems.push(`${p}: not well-formed XML (${e instanceof Error ? e.message : String(e)})`);
    }
  }
  for (const relsPath of parts.filter((p) => p.endsWith(".rels"))) {
    const owner = ownerOf(relsPath);
    const rels = (xml.get(relsPath)?.children ?? []).filter((c) => c.local === "Relationship");
    const ids = rels.map((r) => r.attrs.Id);
    const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
    if (dup.length) problems.push(`${relsPath}: duplicate ids ${dup.join(", ")}`);
    for (const r of rels) {
      if (r.attrs.TargetMode === "External") continue;
      const target = resolveTarget(owner, r.attrs.Target);
      if (!zip.file(target)) problems.push(`${relsPath}: ${r.attrs.Id} → ${r.attrs.Target} (missing ${target})`);
    }
    const ownerXml = xml.get(owner);
    if (ownerXml) {
      for (const ref of relReferences(ownerXml)) {
        if (!ids.includes(ref)) problems.push(`${owner}: reference ${ref} not in ${relsPath}`);
      }
    }
  }
  for (const [p, root] of xml) {
    if (p.endsWith(".rels") || xml.has(`${p.replace(/([^/]+)$/, "_rels/$1")}.rels`)) continue;
    if (relReferences(root).length) problems.push(`${p}: has r: references but no rels part`);
  }
  const types = xml.get("[Content_Types].xml");
  const overrides = new Set(
    (types?.children ?? []).filter((c) => c.local === "Override").map((c) => c.attrs.PartName.slice(1)),
  );
  const defaults = new Set(
    (types?.children ?? []).filter((c) => c.local === "Default").map((c) => c.attrs.Extension.toLowerCase()),
  );
  for (const p of parts.filter((q) => q !== "[Content_Types].xml")) {
    const ext = p.slice(p.lastIndexOf(".") + 1).toLowerCase();
    if (!overrides.has(p) && !defaults.has(ext)) problems.push(`${p}: no content type`);
  }
  for (const o of overrides) if (!zip.file(o)) problems.push(`[Content_Types].xml: override for missing ${o}`);
  for (const [p, root] of xml) problems.push(...outOfOrder(root).map((m) => `${p}: ${m}`));
  return { zip, xml, problems };
}

/** Schema sequences (ECMA-376 part 1, transitional), as ranks of child local names. */
const seq = (...names: string[]) => new Map(names.flatMap((n, i) => n.split("|").map((m) => [m, i] as const)));

const CHART_GROUPS =
  "areaChart|area3DChart|lineChart|line3DChart|stockChart|radarChart|scatterChart|pieChart|pie3DChart|doughnutChart|barChart|bar3DChart|ofPieChart|surfaceChart|surface3DChart|bubbleChart";
const AX_COMMON = [
  "axId",
  "scaling",
  "delete",
  "axPos",
  "majorGridlines",
  "minorGridlines",
  "title",
  "numFmt",
  "majorTickMark",
  "minorTickMark",
  "tickLblPos",
  "spPr",
  "txPr",
  "crossAx",
  "crosses|crossesAt",
];

const CHART_SEQUENCES: Record<string, Map<string, number>> = {
  chartSpace: seq(
    "date1904",
    "lang",
    "roundedCorners",
    "style",
    "clrMapOvr",
    "pivotSource",
    "protection",
    "chart",
    "spPr",
    "txPr",
    "externalData",
    "printSettings",
    "userShapes",
    "extLst",
  ),
  chart: seq(
    "title",
    "autoTitleDeleted",
    "pivotFmts",
    "view3D",
    "floor",
    "sideWall",
    "backWall",
    "plotArea",
    "legend",
    "plotVisOnly",
    "dispBlanksAs",
    "showDLblsOverMax",
    "extLst",
  ),
  title: seq("tx", "layout", "overlay", "spPr", "txPr", "extLst"),
  plotArea: seq("layout", CHART_GROUPS, "valAx|catAx|dateAx|serAx", "dTable", "spPr", "extLst"),
  barChart: seq(
    "barDir",
    "grouping",
    "varyColors",
    "ser",
    "dLbls",
    "gapWidth",
    "overlap",
    "serLines",
    "axId",
    "extLst",
  ),
  "barChart/ser": seq(
    "idx",
    "order",
    "tx",
    "spPr",
    "invertIfNegative",
    "pictureOptions",
    "dPt",
    "dLbls",
    "trendline",
    "errBars",
    "cat",
    "val",
    "shape",
    "extLst",
  ),
  lineChart: seq(
    "grouping",
    "varyColors",
    "ser",
    "dLbls",
    "dropLines",
    "hiLowLines",
    "upDownBars",
    "marker",
    "smooth",
    "axId",
    "extLst",
  ),
  "lineChart/ser": seq(
    "idx",
    "order",
    "tx",
    "spPr",
    "marker",
    "dPt",
    "dLbls",
    "trendline",
    "errBars",
    "cat",
    "val",
    "smooth",
    "extLst",
  ),
  pieChart: seq("varyColors", "ser", "dLbls", "firstSliceAng", "extLst"),
  doughnutChart: seq("varyColors", "ser", "dLbls", "firstSliceAng", "holeSize", "extLst"),
  "pieChart/ser": seq("idx", "order", "tx", "spPr", "explosion", "dPt", "dLbls", "cat", "val", "extLst"),
  "doughnutChart/ser": seq("idx", "order", "tx", "spPr", "explosion", "dPt", "dLbls", "cat", "val", "extLst"),
  scatterChart: seq("scatterStyle", "varyColors", "ser", "dLbls", "axId", "extLst"),
  "scatterChart/ser": seq(
    "idx",
    "order",
    "tx",
    "spPr",
    "marker",
    "dPt",
    "dLbls",
    "trendline",
    "errBars",
    "xVal",
    "yVal",
    "smooth",
    "extLst",
  ),
  catAx: seq(...AX_COMMON, "auto", "lblAlgn", "lblOffset", "tickLblSkip", "tickMarkSkip", "noMultiLvlLbl", "extLst"),
  valAx: seq(...AX_COMMON, "crossBetween", "majorUnit", "minorUnit", "dispUnits", "extLst"),
  scaling: seq("logBase", "orientation", "max", "min", "extLst"),
  legend: seq("legendPos", "legendEntry", "layout", "overlay", "spPr", "txPr", "extLst"),
  dPt: seq("idx", "invertIfNegative", "marker", "bubble3D", "explosion", "spPr", "pictureOptions", "extLst"),
  marker: seq("symbol", "size", "spPr", "extLst"),
  numRef: seq("f", "numCache", "extLst"),
  strRef: seq("f", "strCache", "extLst"),
  numCache: seq("formatCode", "ptCount", "pt", "extLst"),
  strCache: seq("ptCount", "pt", "extLst"),
};

const WORKSHEET = seq(
  "sheetPr",
  "dimension",
  "sheetViews",
  "sheetFormatPr",
  "cols",
  "sheetData",
  "sheetCalcPr",
  "sheetProtection",
  "protectedRanges",
  "scenarios",
  "autoFilter",
  "sortState",
  "dataConsolidate",
  "customSheetViews",
  "mergeCells",
  "phoneticPr",
  "conditionalFormatting",
  "dataValidations",
  "hyperlinks",
  "printOptions",
  "pageMargins",
  "pageSetup",
  "headerFooter",
  "rowBreaks",
  "colBreaks",
  "customProperties",
  "cellWatches",
  "ignoredErrors",
  "smartTags",
  "drawing",
  "legacyDrawing",
  "legacyDrawingHF",
  "drawingHF",
  "picture",
  "oleObjects",
  "controls",
  "webPublishItems",
  "tableParts",
  "extLst",
);

const DRAWING_SEQUENCES: Record<string, Map<string, number>> = {
  twoCellAnchor: seq("from", "to", "sp|grpSp|graphicFrame|cxnSp|pic|contentPart", "clientData"),
  graphicFrame: seq("nvGraphicFramePr", "xfrm", "graphic"),
  from: seq("col", "colOff", "row", "rowOff"),
  to: seq("col", "colOff", "row", "rowOff"),
};

function sequenceFor(el: XmlElement): Map<string, number> | undefined {
  if (el.uri === NS_MAIN && el.local === "worksheet") return WORKSHEET;
  if (el.uri === NS_XDR) return DRAWING_SEQUENCES[el.local];
  if (el.uri !== NS_CHART) return undefined;
  const key = el.local === "ser" && el.parent ? `${el.parent.local}/ser` : el.local;
  return CHART_SEQUENCES[key];
}

/** Children out of schema order, or unknown to it (same-namespace children only). */
export function outOfOrder(root: XmlElement): string[] {
  const problems: string[] = [];
  const walk = (el: XmlElement) => {
    const order = sequenceFor(el);
    if (order) {
      let last = -1;
      for (const c of el.children.filter((k) => k.uri === el.uri)) {
        const rank = order.get(c.local);
        if (rank === undefined) problems.push(`<${el.name}> has unexpected child <${c.name}>`);
        else if (rank < last) problems.push(`<${el.name}>: <${c.name}> is out of schema order`);
        else last = rank;
      }
    }
    el.children.forEach(walk);
  };
  walk(root);
  return problems;
}
