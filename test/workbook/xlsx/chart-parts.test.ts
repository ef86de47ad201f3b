import type { WorkbookSpec } from "../../../src/workbook/spec";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { chartGallerySpec, DATA_SHEET, GALLERY_CHARTS, GALLERY_DATA, GALLERY_SHEET } from "../../interop/chart-gallery";
import { findAll, findFirst, parseXml, textOf, type XmlElement } from "../../interop/xml-tree";
import { inspectPackage, outOfOrder, resolveTarget, type PackageView } from "./package-checks";

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

async function writeSpec(spec: WorkbookSpec): Promise<Uint8Array> {
  const book = XlsxWorkbook.create("charts.xlsx");
  await book.write(spec);
  return book.toBytes();
}

/** Sheet name → worksheet part, read the way a consumer must: workbook.xml and its rels. */
function sheetParts(view: PackageView): Map<string, string> {
  const wb = view.xml.get("xl/workbook.xml")!;
  const rels = view.xml.get("xl/_rels/workbook.xml.rels")!.children;
  const out = new Map<string, string>();
  for (const s of findAll(wb, "sheet")) {
    const rel = rels.find((r) => r.attrs.Id === s.attrs["r:id"])!;
    out.set(s.attrs.name, resolveTarget("xl/workbook.xml", rel.attrs.Target));
  }
  return out;
}

function relsOf(view: PackageView, part: string): XmlElement[] {
  const i = part.lastIndexOf("/");
  return view.xml.get(`${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`)?.children ?? [];
}

/** The part a relationship of `part` with this type points at. */
function related(view: PackageView, part: string, type: string): string[] {
  return relsOf(view, part)
    .filter((r) => r.attrs.Type === `${REL}/${type}`)
    .map((r) => resolveTarget(part, r.attrs.Target));
}

/** Charts drawn on a sheet, in anchor order, with the anchor that places each. */
function chartsOnSheet(view: PackageView, sheet: string): { part: string; xml: XmlElement; anchor: XmlElement }[] {
  const sheetPart = sheetParts(view).get(sheet)!;
  const [drawing] = related(view, sheetPart, "drawing");
  if (!drawing) return [];
  const rels = relsOf(view, drawing);
  return findAll(view.xml.get(drawing)!, "xdr:twoCellAnchor").flatMap((anchor) => {
    const ref = findFirst(anchor, "c:chart");
    if (!ref) return [];
    const rel = rels.find((r) => r.attrs.Id === ref.attrs["r:id"])!;
    const part = resolveTarget(drawing, rel.attrs.Target);
    return [{ part, xml: view.xml.get(part)!, anchor }];
  });
}

const valOf = (el: XmlElement | undefined) => el?.attrs.val;
const formulaOf = (ref: XmlElement | undefined) => (ref ? textOf(findFirst(ref, "c:f")!) : undefined);

/** Cache points as a dense array aligned with ptCount (absent points are null). */
function cachePoints(ref: XmlElement): (string | null)[] {
  const cache = findFirst(ref, "c:numCache") ?? findFirst(ref, "c:strCache")!;
  const out: (string | null)[] = new Array(Number(valOf(findFirst(cache, "c:ptCount")))).fill(null);
  for (const pt of findAll(cache, "c:pt")) out[Number(pt.attrs.idx)] = textOf(findFirst(pt, "c:v")!);
  return out;
}

const markerCell = (anchor: XmlElement, which: "xdr:from" | "xdr:to") => {
  const m = findFirst(anchor, which)!;
  return { row: Number(textOf(findFirst(m, "xdr:row")!)), col: Number(textOf(findFirst(m, "xdr:col")!)) };
};

describe("native charts in a workbook written through XlsxWorkbook (the chart gallery)", () => {
  let view: PackageView;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writeSpec(chartGallerySpec());
    view = await inspectPackage(bytes);
  });

  test("the package is sound: well-formed parts, unique ids, live targets, content types, schema order", () => {
    expect(view.problems).toEqual([]);
  });

  test("one chart part per chart, one drawing per sheet with charts, each with a content-type override", async () => {
    const types = view.xml.get("[Content_Types].xml")!.children.filter((c) => c.local === "Override");
    const typeOf = (p: string) => types.find((t) => t.attrs.PartName === `/${p}`)?.attrs.ContentType;
    const charts = Object.keys(view.zip.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
    const drawings = Object.keys(view.zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p));
    expect(charts).toHaveLength(6);
    expect(drawings).toHaveLength(2);
    for (const c of charts) expect(typeOf(c)).toBe("application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
    for (const d of drawings) expect(typeOf(d)).toBe("application/vnd.openxmlformats-officedocument.drawing+xml");
    expect(chartsOnSheet(view, DATA_SHEET)).toHaveLength(1);
    expect(chartsOnSheet(view, GALLERY_SHEET)).toHaveLength(5);
  });

  test("each sheet's <drawing> comes after the page setup and before <tableParts>, and its id is new", () => {
    for (const [, part] of sheetParts(view)) {
      const root = view.xml.get(part)!;
      const names = root.children.map((c) => c.local);
      const drawingAt = names.indexOf("drawing");
      expect(drawingAt).toBeGreaterThan(names.indexOf("pageSetup"));
      expect(drawingAt).toBeLessThan(names.indexOf("tableParts"));
      const drawingRel = relsOf(view, part).find((r) => r.attrs.Id === root.children[drawingAt].attrs["r:id"])!;
      expect(drawingRel.attrs.Type).toBe(`${REL}/drawing`);
      // The tables (and the external hyperlink on Gallery) kept their ids; the drawing got max + 1.
      const others = relsOf(view, part).filter((r) => r !== drawingRel);
      const max = Math.max(...others.map((r) => Number(r.attrs.Id.slice(3))));
      expect(drawingRel.attrs.Id).toBe(`rId${max + 1}`);
    }
  });

  test("hyperlinks survive next to the charts: the internal one as a location, the web one as a relationship", () => {
    const gallery = view.xml.get(sheetParts(view).get(GALLERY_SHEET)!)!;
    const links = findAll(gallery, "hyperlink");
    expect(links.map((l) => l.attrs.location ?? null)).toEqual(["'Pete''s data'!A1", null]);
    const web = relsOf(view, sheetParts(view).get(GALLERY_SHEET)!).find((r) => r.attrs.Id === links[1].attrs["r:id"]);
    expect(web?.attrs.Target).toBe("https://example.com/pmo?a=1&b=2");
  });

  test("every chart type becomes its DrawingML chart element", () => {
    const byTitle = new Map(
      [...chartsOnSheet(view, GALLERY_SHEET), ...chartsOnSheet(view, DATA_SHEET)].map((c) => [
        textOf(findFirst(findFirst(c.xml, "c:title")!, "c:rich")!),
        c.xml,
      ]),
    );
    const plot = (title: string) => findFirst(byTitle.get(title)!, "c:plotArea")!.children.map((c) => c.local);
    const column = findFirst(byTitle.get(GALLERY_CHARTS.column.title)!, "c:barChart")!;
    expect([valOf(findFirst(column, "c:barDir")), valOf(findFirst(column, "c:grouping"))]).toEqual([
      "col",
      "clustered",
    ]);
    const bar = findFirst(byTitle.get(GALLERY_CHARTS.bar.title)!, "c:barChart")!;
    expect(valOf(findFirst(bar, "c:barDir"))).toBe("bar");
    expect(plot(GALLERY_CHARTS.line.title)).toEqual(["layout", "lineChart", "catAx", "valAx"]);
    expect(plot(GALLERY_CHARTS.pie.title)).toEqual(["layout", "pieChart"]);
    expect(plot(GALLERY_CHARTS.doughnut.title)).toEqual(["layout", "doughnutChart"]);
    expect(valOf(findFirst(byTitle.get(GALLERY_CHARTS.doughnut.title)!, "c:holeSize"))).toBe("50");
    expect(plot(GALLERY_CHARTS.scatter.title)).toEqual(["layout", "scatterChart", "valAx", "valAx"]);
    const scatterSer = findFirst(byTitle.get(GALLERY_CHARTS.scatter.title)!, "c:ser")!;
    expect(scatterSer.children.map((c) => c.local)).toEqual([
      "idx",
      "order",
      "tx",
      "spPr",
      "marker",
      "xVal",
      "yVal",
      "smooth",
    ]);
    // Axes cross each other by id.
    const axes = ["c:catAx", "c:valAx"].map((n) => findFirst(byTitle.get(GALLERY_CHARTS.column.title)!, n)!);
    expect(valOf(findFirst(axes[0], "c:crossAx"))).toBe(valOf(findFirst(axes[1], "c:axId")));
    expect(findAll(column, "c:axId").map(valOf)).toEqual(axes.map((a) => valOf(findFirst(a, "c:axId"))));
  });

  test("titles are literal text, escaped, never formulas; axis titles go on their axes", () => {
    const all = [...chartsOnSheet(view, GALLERY_SHEET), ...chartsOnSheet(view, DATA_SHEET)];
    const titles = all.map((c) => textOf(findFirst(findFirst(c.xml, "c:chart")!.children[0], "c:rich")!));
    expect(titles.sort()).toEqual(
      Object.values(GALLERY_CHARTS)
        .map((c) => c.title)
        .sort(),
    );
    const pie = all.find((c) => findFirst(c.xml, "c:pieChart"))!;
    expect(findAll(findFirst(pie.xml, "c:title")!, "c:f")).toHaveLength(0);
    const column = all.find((c) => valOf(findFirst(c.xml, "c:barDir")) === "col")!;
    expect(textOf(findFirst(findFirst(column.xml, "c:catAx")!, "c:title")!)).toBe("Month");
    expect(textOf(findFirst(findFirst(column.xml, "c:valAx")!, "c:title")!)).toBe("FTE");
  });

  test("series point at quoted ranges and carry caches equal to the cells", () => {
    const column = chartsOnSheet(view, GALLERY_SHEET)[0].xml;
    const series = findAll(column, "c:ser");
    expect(series.map((s) => textOf(findFirst(s, "c:tx")!))).toEqual(["Pete's demand", "Supply"]);
    expect(series.map((s) => formulaOf(findFirst(s, "c:cat")))).toEqual([
      "'Pete''s data'!$A$2:$A$7",
      "'Pete''s data'!$A$2:$A$7",
    ]);
    expect(series.map((s) => formulaOf(findFirst(s, "c:val")))).toEqual([
      "'Pete''s data'!$B$2:$B$7",
      "'Pete''s data'!$C$2:$C$7",
    ]);
    expect(findFirst(findFirst(series[0], "c:cat")!, "c:strRef")).toBeDefined();
    expect(cachePoints(findFirst(series[0], "c:cat")!)).toEqual(GALLERY_DATA.months);
    expect(cachePoints(findFirst(series[0], "c:val")!).map(Number)).toEqual(GALLERY_DATA.demand);
    expect(cachePoints(findFirst(series[1], "c:val")!).map(Number)).toEqual(GALLERY_DATA.supply);
    // Colours as given, "#ff7f0e" normalised.
    expect(series.map((s) => findFirst(findFirst(s, "c:spPr")!, "a:srgbClr")!.attrs.val)).toEqual(["1F77B4", "FF7F0E"]);

    const scatter = chartsOnSheet(view, GALLERY_SHEET).find((c) => findFirst(c.xml, "c:scatterChart"))!.xml;
    const x = findFirst(scatter, "c:xVal")!;
    const y = findFirst(scatter, "c:yVal")!;
    expect([formulaOf(x), formulaOf(y)]).toEqual(["'Pete''s data'!$I$2:$I$9", "'Pete''s data'!$J$2:$J$9"]);
    expect(findFirst(x, "c:numRef")).toBeDefined();
    expect(cachePoints(x).map(Number)).toEqual(GALLERY_DATA.costValue.map((r) => r[0]));
    expect(cachePoints(y).map(Number)).toEqual(GALLERY_DATA.costValue.map((r) => r[1]));
  });

  test("pie and doughnut points take the given colours", () => {
    const round = chartsOnSheet(view, GALLERY_SHEET).filter((k) => findFirst(k.xml, "c:varyColors")?.attrs.val === "1");
    expect(round).toHaveLength(2);
    for (const c of round) {
      const points = findAll(c.xml, "c:dPt");
      expect(points.map((p) => valOf(findFirst(p, "c:idx")))).toEqual(["0", "1", "2"]);
      expect(points.map((p) => findFirst(p, "a:srgbClr")!.attrs.val)).toEqual(["C00000", "FFC000", "00B050"]);
      expect(cachePoints(findFirst(c.xml, "c:cat")!)).toEqual(GALLERY_DATA.rag.map((r) => r[0]));
    }
  });

  test("anchors cover the block's cells (0-based markers) and shape ids are unique per drawing", () => {
    const gallery = chartsOnSheet(view, GALLERY_SHEET);
    const specs = [
      GALLERY_CHARTS.column,
      GALLERY_CHARTS.bar,
      GALLERY_CHARTS.pie,
      GALLERY_CHARTS.doughnut,
      GALLERY_CHARTS.scatter,
    ];
    gallery.forEach((c, i) => {
      const s = specs[i];
      expect(markerCell(c.anchor, "xdr:from")).toEqual({ row: s.row - 1, col: s.col - 1 });
      expect(markerCell(c.anchor, "xdr:to")).toEqual({ row: s.row - 1 + s.heightRows, col: s.col - 1 + s.widthCols });
    });
    const ids = gallery.map((c) => findFirst(c.anchor, "xdr:cNvPr")!.attrs.id);
    expect(new Set(ids).size).toBe(5);
    expect(findFirst(gallery[0].anchor, "xdr:cNvPr")!.attrs.descr).toBe(GALLERY_CHARTS.column.title);
  });

  test("XlsxWorkbook.open reads the cells of the charted workbook back", async () => {
    const reopened = await XlsxWorkbook.open(bytes, "charts.xlsx");
    const read = await reopened.read();
    const data = read.grids.find((g) => g.sheet === DATA_SHEET)!;
    expect(data.values[0].slice(0, 3)).toEqual(["Month", "Demand", "Supply"]);
    expect(data.values.slice(1, 7).map((r) => r[1])).toEqual(GALLERY_DATA.demand);
    expect(read.grids.map((g) => g.sheet)).toContain(GALLERY_SHEET);
  });
});

describe("the package checks themselves", () => {
  test("a chart part with gapWidth before its series is reported out of order", () => {
    const bad = parseXml(
      `<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart><c:plotArea><c:barChart>` +
        `<c:barDir val="col"/><c:gapWidth val="150"/><c:ser><c:idx val="0"/><c:order val="0"/></c:ser></c:barChart></c:plotArea></c:chart></c:chartSpace>`,
    );
    expect(outOfOrder(bad)).toEqual(["<c:barChart>: <c:ser> is out of schema order"]);
  });

  test("an undeclared prefix is not well-formed", () => {
    expect(() => parseXml("<c:chartSpace/>")).toThrow();
  });
});
