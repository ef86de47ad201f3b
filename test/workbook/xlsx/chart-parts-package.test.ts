import JSZip from "jszip";
import type { ChartBlock, WorkbookSpec } from "../../../src/workbook/spec";
import { addChartParts, type ChartEntry } from "../../../src/workbook/xlsx/chart-parts";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { findAll, findFirst, textOf, type XmlElement } from "../../interop/xml-tree";
import { inspectPackage, resolveTarget, type PackageView } from "./package-checks";
import { buildXlsx } from "./xlsx-fixtures";

/**
 * addChartParts on packages that are not a fresh gallery: a sheet that already has a drawing (an
 * image), sheet parts whose file numbers do not follow the tabs, chart and drawing numbers already
 * taken, sheets without relationships, empty charts, caches from formulas and dates, and many charts.
 */

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

function columnChart(sheet: string, title = "Budget by project", row = 6): ChartBlock {
  return {
    kind: "chart",
    row,
    col: 1,
    widthCols: 6,
    heightRows: 10,
    type: "column",
    title,
    series: [
      {
        name: `Budget & "forecast" <£k>`,
        categories: { sheet, top: 2, left: 1, bottom: 4, right: 1 },
        values: { sheet, top: 2, left: 2, bottom: 4, right: 2 },
      },
    ],
  };
}

const entry = (sheet: string, chart: ChartBlock): ChartEntry => ({
  sheet,
  chart,
  cache: chart.series.map(() => ({ categories: ["P1", "P2", "P3"], values: [10, 20, 30] })),
});

function fill(ws: { getCell(a: string): { value: unknown } }): void {
  ws.getCell("A1").value = "Project";
  ws.getCell("B1").value = "Budget";
  ["P1", "P2", "P3"].forEach((p, i) => {
    ws.getCell(`A${i + 2}`).value = p;
    ws.getCell(`B${i + 2}`).value = (i + 1) * 10;
  });
}

function relsOf(view: PackageView, part: string): XmlElement[] {
  const i = part.lastIndexOf("/");
  return view.xml.get(`${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`)?.children ?? [];
}

describe("addChartParts on existing packages", () => {
  test("a sheet that already has a drawing (an image) gets its chart in that drawing", async () => {
    const input = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Pics");
      fill(ws);
      ws.addImage(wb.addImage({ buffer: PNG, extension: "png" } as never), "E2:F4");
    });
    const view = await inspectPackage(await addChartParts(input, [entry("Pics", columnChart("Pics"))]));
    expect(view.problems).toEqual([]);
    expect(Object.keys(view.zip.files).filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toEqual([
      "xl/drawings/drawing1.xml",
    ]);
    const sheet = view.xml.get("xl/worksheets/sheet1.xml")!;
    expect(sheet.children.filter((c) => c.local === "drawing")).toHaveLength(1);
    const drawing = view.xml.get("xl/drawings/drawing1.xml")!;
    const anchors = findAll(drawing, "xdr:twoCellAnchor");
    expect(anchors.map((a) => a.children[2].local)).toEqual(["pic", "graphicFrame"]);
    const ids = findAll(drawing, "xdr:cNvPr").map((c) => c.attrs.id);
    expect(new Set(ids).size).toBe(2);
    // The image keeps rId1; the chart got a new id in the drawing's rels.
    const rels = relsOf(view, "xl/drawings/drawing1.xml");
    expect(rels.map((r) => [r.attrs.Id, r.attrs.Type.split("/").pop()])).toEqual([
      ["rId1", "image"],
      ["rId2", "chart"],
    ]);
    expect(findFirst(drawing, "c:chart")!.attrs["r:id"]).toBe("rId2");
  });

  test("sheet parts are found through the workbook's relationships, not the tab position", async () => {
    const plain = await buildXlsx((wb) => {
      fill(wb.addWorksheet("First"));
      fill(wb.addWorksheet("Second"));
    });
    // Point the first tab at sheet2.xml and the second at sheet1.xml.
    const zip = await JSZip.loadAsync(plain);
    const relsPath = "xl/_rels/workbook.xml.rels";
    const rels = await zip.file(relsPath)!.async("string");
    zip.file(
      relsPath,
      rels
        .replace("worksheets/sheet1.xml", "X")
        .replace("worksheets/sheet2.xml", "worksheets/sheet1.xml")
        .replace("X", "worksheets/sheet2.xml"),
    );
    const swapped = await zip.generateAsync({ type: "uint8array" });
    const view = await inspectPackage(await addChartParts(swapped, [entry("First", columnChart("First"))]));
    expect(view.problems).toEqual([]);
    expect(view.xml.get("xl/worksheets/sheet2.xml")!.children.map((c) => c.local)).toContain("drawing");
    expect(view.xml.get("xl/worksheets/sheet1.xml")!.children.map((c) => c.local)).not.toContain("drawing");
  });

  test("chart and drawing numbers already in the package are not reused", async () => {
    const plain = await buildXlsx((wb) => fill(wb.addWorksheet("Data")));
    const zip = await JSZip.loadAsync(plain);
    zip.file("xl/charts/chart1.xml", "<keep/>");
    zip.file("xl/drawings/drawing3.xml", "<keep/>");
    const taken = await zip.generateAsync({ type: "uint8array" });
    const out = await JSZip.loadAsync(await addChartParts(taken, [entry("Data", columnChart("Data"))]));
    expect(await out.file("xl/charts/chart1.xml")!.async("string")).toBe("<keep/>");
    expect(await out.file("xl/drawings/drawing3.xml")!.async("string")).toBe("<keep/>");
    expect(out.file("xl/charts/chart2.xml")).not.toBeNull();
    expect(out.file("xl/drawings/drawing4.xml")).not.toBeNull();
  });

  test("a sheet without relationships gets a rels part; names and titles are escaped", async () => {
    const plain = await buildXlsx((wb) => fill(wb.addWorksheet("Data")));
    expect((await JSZip.loadAsync(plain)).file("xl/worksheets/_rels/sheet1.xml.rels")).toBeNull();
    const view = await inspectPackage(
      await addChartParts(plain, [entry("Data", columnChart("Data", "R&D <costs> 'Q1' \"draft\""))]),
    );
    expect(view.problems).toEqual([]);
    expect(relsOf(view, "xl/worksheets/sheet1.xml").map((r) => r.attrs.Type)).toEqual([`${REL}/drawing`]);
    const chart = view.xml.get("xl/charts/chart1.xml")!;
    expect(textOf(findFirst(chart, "c:title")!)).toBe("R&D <costs> 'Q1' \"draft\"");
    expect(textOf(findFirst(findFirst(chart, "c:ser")!, "c:tx")!)).toBe('Budget & "forecast" <£k>');
  });

  test("charts without series are skipped; with nothing to draw the bytes come back unchanged", async () => {
    const plain = await buildXlsx((wb) => fill(wb.addWorksheet("Data")));
    const empty = { ...columnChart("Data"), series: [] };
    expect(await addChartParts(plain, [{ sheet: "Data", chart: empty, cache: [] }])).toBe(plain);
    const view = await inspectPackage(
      await addChartParts(plain, [{ sheet: "Data", chart: empty, cache: [] }, entry("Data", columnChart("Data"))]),
    );
    expect(view.problems).toEqual([]);
    expect(Object.keys(view.zip.files).filter((p) => /^xl\/charts\/.+/.test(p))).toEqual(["xl/charts/chart1.xml"]);
    expect(findAll(view.xml.get("xl/drawings/drawing1.xml")!, "xdr:twoCellAnchor")).toHaveLength(1);
  });

  test("a chart on a sheet the package does not have is an error that names the sheet", async () => {
    const plain = await buildXlsx((wb) => fill(wb.addWorksheet("Data")));
    await expect(addChartParts(plain, [entry("Nowhere", columnChart("Data"))])).rejects.toThrow(/"Nowhere"/);
  });
});

describe("charts next to notes (a legacy VML drawing)", () => {
  test("<drawing> goes before <legacyDrawing> and both drawings keep their own parts", async () => {
    const book = XlsxWorkbook.create();
    await book.write({
      sheets: [
        {
          name: "Data",
          blocks: [
            {
              kind: "table",
              row: 1,
              col: 1,
              name: "tblData",
              columns: [
                { header: "Project", type: "text" },
                { header: "Budget", type: "money" },
              ],
              rows: [
                [{ value: "P1", note: "Re-baselined" }, 10],
                ["P2", 20],
                ["P3", 30],
              ],
            },
            columnChart("Data"),
          ],
        },
      ],
    });
    const view = await inspectPackage(await book.toBytes());
    expect(view.problems).toEqual([]);
    const names = view.xml.get("xl/worksheets/sheet1.xml")!.children.map((c) => c.local);
    expect(names.slice(names.indexOf("drawing"))).toEqual(["drawing", "legacyDrawing", "tableParts"]);
    const types = relsOf(view, "xl/worksheets/sheet1.xml").map((r) => r.attrs.Type.split("/").pop());
    expect(types.sort()).toEqual(["comments", "drawing", "table", "vmlDrawing"]);
  });
});

describe("caches read from the cells by XlsxWorkbook", () => {
  test("formulas give their results, dates their serials with the cell format, empty cells no point", async () => {
    const source = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Calc");
      ws.getCell("A1").value = "Month";
      ws.getCell("B1").value = "Cost";
      [Date.UTC(2025, 0, 1), Date.UTC(2025, 1, 1), Date.UTC(2025, 2, 1)].forEach((t, i) => {
        ws.getCell(`A${i + 2}`).value = new Date(t);
        ws.getCell(`A${i + 2}`).numFmt = "yyyy-mm-dd";
      });
      ws.getCell("B2").value = { formula: "1+1", result: 2 } as never;
      ws.getCell("B4").value = { formula: "B2*3", result: 6 } as never;
    });
    const book = await XlsxWorkbook.open(source, "calc.xlsx");
    const sheet = "Calc";
    const spec: WorkbookSpec = {
      sheets: [
        {
          name: "Charts",
          blocks: [
            {
              kind: "chart",
              row: 1,
              col: 1,
              widthCols: 8,
              heightRows: 12,
              type: "line",
              title: "Cost by month",
              series: [
                {
                  name: "Cost",
                  categories: { sheet, top: 2, left: 1, bottom: 4, right: 1 },
                  values: { sheet, top: 2, left: 2, bottom: 4, right: 2 },
                },
              ],
            },
          ],
        },
      ],
    };
    await book.write(spec);
    const view = await inspectPackage(await book.toBytes());
    expect(view.problems).toEqual([]);
    const chartPart = Object.keys(view.zip.files).find((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))!;
    const chart = view.xml.get(chartPart)!;
    const cat = findFirst(findFirst(chart, "c:cat")!, "c:numRef")!;
    expect(textOf(findFirst(cat, "c:formatCode")!)).toBe("yyyy-mm-dd");
    // 2025-01-01 is serial 45658 in the 1900 date system.
    expect(findAll(cat, "c:pt").map((p) => textOf(p))).toEqual(["45658", "45689", "45717"]);
    const val = findFirst(findFirst(chart, "c:val")!, "c:numCache")!;
    expect(findFirst(val, "c:ptCount")!.attrs.val).toBe("3");
    expect(findAll(val, "c:pt").map((p) => [p.attrs.idx, textOf(p)])).toEqual([
      ["0", "2"],
      ["2", "6"],
    ]);
  });

  test("a chart pointing at a sheet that is not in the workbook fails toBytes with a clear message", async () => {
    const book = XlsxWorkbook.create();
    await book.write({ sheets: [{ name: "Charts", blocks: [columnChart("Missing data")] }] });
    await expect(book.toBytes()).rejects.toThrow(/points at sheet "Missing data"/);
  });
});

describe("many charts", () => {
  test("50 charts on 5 sheets make a sound package with 50 chart parts and 5 drawings", async () => {
    const sheets = ["S1", "S 2", "S'3", "S&4", "S5"];
    const spec: WorkbookSpec = {
      sheets: sheets.map((name) => ({
        name,
        blocks: [
          {
            kind: "table" as const,
            row: 1,
            col: 1,
            name: `tbl${sheets.indexOf(name)}`,
            columns: [
              { header: "Project", type: "text" as const },
              { header: "Budget", type: "money" as const },
            ],
            rows: [
              ["P1", 10],
              ["P2", 20],
              ["P3", 30],
            ],
          },
          ...Array.from({ length: 10 }, (_, i) => columnChart(name, `${name} chart ${i + 1}`, 6 + i * 12)),
        ],
      })),
    };
    const book = XlsxWorkbook.create();
    await book.write(spec);
    const view = await inspectPackage(await book.toBytes());
    expect(view.problems).toEqual([]);
    const files = Object.keys(view.zip.files);
    expect(files.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(50);
    expect(files.filter((p) => /^xl\/drawings\/drawing\d+\.xml$/.test(p))).toHaveLength(5);
    const formulas = findAll(view.xml.get("xl/charts/chart21.xml")!, "c:f").map(textOf);
    expect(formulas).toEqual(["'S''3'!$A$2:$A$4", "'S''3'!$B$2:$B$4"]);
    expect(resolveTarget("xl/drawings/drawing1.xml", "../charts/chart1.xml")).toBe("xl/charts/chart1.xml");
  });
});
