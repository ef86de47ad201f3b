import JSZip from "jszip";
import type { Grid } from "../../../src/workbook/grid";
import { readXlsx } from "../../../src/workbook/xlsx/xlsx-reader";
import {
  buildXlsx,
  loadWithExcelJs,
  withChartSheet,
  withPivotAndDataModel,
  withPrefixedParts,
  withUnprefixedDrawing,
} from "./xlsx-fixtures";

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function only(grids: Grid[], sheet: string): Grid {
  const g = grids.find((x) => x.sheet === sheet);
  if (!g) throw new Error(`no grid for ${sheet}: ${grids.map((x) => x.sheet).join(", ")}`);
  return g;
}

describe("readXlsx", () => {
  test("header at row 11 under title rows: origin is the first used cell, values rectangular", async () => {
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Tracker");
      ws.getCell("A1").value = "Acme PMO tracker";
      ws.getCell("A2").value = "Document control: v3";
      ws.getRow(11).values = ["ProjectId", "Name", "Budget"];
      ws.getRow(12).values = ["P-001", "Alpha", 1000];
      ws.getRow(13).values = ["P-002", "Beta", 2500.5];
    });
    const res = await readXlsx(bytes, "tracker.xlsx");
    expect(res.problems).toEqual([]);
    const g = only(res.grids, "Tracker");
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.values).toHaveLength(13);
    expect(g.values.every((r) => r.length === 3)).toBe(true);
    expect(g.values[0]).toEqual(["Acme PMO tracker", null, null]);
    expect(g.values[10]).toEqual(["ProjectId", "Name", "Budget"]);
    expect(g.values[12]).toEqual(["P-002", "Beta", 2500.5]);
    expect(g.kind).toBe("worksheet");
    expect(g.hidden).toBe(false);
    expect(g.date1904).toBe(false);
    expect(g.file).toBe("tracker.xlsx");
  });

  test("a table starting at B3 has origin row 3, column 2", async () => {
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Risks");
      ws.getCell("B3").value = "RiskId";
      ws.getCell("C3").value = "Score";
      ws.getCell("B4").value = "R1";
      ws.getCell("C4").value = 12;
    });
    const g = only((await readXlsx(bytes, "r.xlsx")).grids, "Risks");
    expect(g.origin).toEqual({ row: 3, col: 2 });
    expect(g.values).toEqual([
      ["RiskId", "Score"],
      ["R1", 12],
    ]);
  });

  test("merged two-row headers: merges relative to the grid, covered cells empty", async () => {
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Costs");
      ws.mergeCells("B2:B3");
      ws.getCell("B2").value = "Project";
      ws.mergeCells("C2:D2");
      ws.getCell("C2").value = "Cost";
      ws.getCell("C3").value = "Budget";
      ws.getCell("D3").value = "Actual";
      ws.getRow(4).values = [undefined, "P-1", 10, 12];
    });
    const g = only((await readXlsx(bytes, "c.xlsx")).grids, "Costs");
    expect(g.origin).toEqual({ row: 2, col: 2 });
    expect(g.values).toEqual([
      ["Project", "Cost", null],
      [null, "Budget", "Actual"],
      ["P-1", 10, 12],
    ]);
    expect(g.merges).toEqual([
      { top: 0, left: 0, bottom: 1, right: 0 },
      { top: 0, left: 1, bottom: 0, right: 2 },
    ]);
  });

  test("an Excel Table comes back with its name and relative range", async () => {
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Projects");
      ws.getCell("A1").value = "Register";
      ws.addTable({
        name: "tblProjects",
        ref: "B3",
        headerRow: true,
        columns: [{ name: "ProjectId" }, { name: "Budget" }],
        rows: [
          ["P-1", 100],
          ["P-2", 200],
          ["P-3", 300],
        ],
      });
    });
    const g = only((await readXlsx(bytes, "p.xlsx")).grids, "Projects");
    expect(g.origin).toEqual({ row: 1, col: 1 });
    expect(g.tables).toEqual([{ name: "tblProjects", range: { top: 2, left: 1, bottom: 5, right: 2 } }]);
    expect(g.values[5]).toEqual([null, "P-3", 300]);
  });

  test("dates: real dates → UTC-midnight Dates, serials in General stay numbers, text stays text", async () => {
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Dates");
      ws.getRow(1).values = ["real", "serial", "text"];
      ws.getCell("A2").value = utc(2025, 2, 5);
      ws.getCell("A2").numFmt = "dd/mm/yyyy";
      ws.getCell("B2").value = 45693; // 2025-02-05 as a serial in General
      ws.getCell("C2").value = "05/02/25";
    });
    const g = only((await readXlsx(bytes, "d.xlsx")).grids, "Dates");
    const [real, serial, text] = g.values[1];
    expect(real).toBeInstanceOf(Date);
    expect((real as Date).toISOString()).toBe("2025-02-05T00:00:00.000Z");
    expect(serial).toBe(45693);
    expect(text).toBe("05/02/25");
    expect(g.numberFormats?.[1]).toEqual(["dd/mm/yyyy", null, null]);
    expect(g.numberFormats?.[0]).toEqual([null, null, null]);
  });

  test("formula cells give their cached result; rich text, hyperlinks and errors become plain", async () => {
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("F");
      ws.getCell("A1").value = { formula: "1+2", result: 3 };
      ws.getCell("B1").value = { formula: 'CONCAT("a","b")', result: "ab" };
      ws.getCell("C1").value = { richText: [{ text: "Amber" }, { font: { bold: true }, text: "/Green" }] };
      ws.getCell("D1").value = { text: "Plan", hyperlink: "https://example.org/plan" };
      ws.getCell("E1").value = { error: "#N/A" };
      ws.getCell("F1").value = { formula: "NA()", result: { error: "#N/A" } };
      ws.getCell("G1").value = { formula: "TODAY()", result: utc(2025, 3, 31) };
      ws.getCell("G1").numFmt = "yyyy-mm-dd";
      ws.getCell("H1").value = { formula: "1=1", result: true };
      ws.getCell("I1").value = "=not a formula";
    });
    const g = only((await readXlsx(bytes, "f.xlsx")).grids, "F");
    expect(g.values[0]).toEqual([
      3,
      "ab",
      "Amber/Green",
      "Plan",
      "#N/A",
      "#N/A",
      utc(2025, 3, 31),
      true,
      "=not a formula",
    ]);
  });

  test("a formula saved without a result reads as empty with a warning naming the sheet", async () => {
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Calc");
      ws.getCell("A1").value = "x";
      ws.getCell("A2").value = { formula: "A1&A1" } as never;
    });
    const res = await readXlsx(bytes, "calc.xlsx");
    expect(only(res.grids, "Calc").values).toEqual([["x"]]);
    expect(res.problems).toHaveLength(1);
    expect(res.problems[0]).toMatchObject({ file: "calc.xlsx", sheet: "Calc", severity: "warning" });
    expect(res.problems[0].message).toMatch(/1 formula cell/);
  });

  test("a formula whose saved result is empty text (<v/>, as Excel writes it) is not reported", async () => {
    const built = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Calc");
      ws.getCell("A1").value = "x";
      ws.getCell("B1").value = { formula: 'IF(A1="y","z","")', result: "PLACEHOLDER" };
    });
    const zip = await JSZip.loadAsync(built);
    const xml = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toMatch(/<c r="B1"[^>]*t="str"[^>]*><f>[^<]*<\/f><v>PLACEHOLDER<\/v><\/c>/);
    zip.file("xl/worksheets/sheet1.xml", xml.replace("<v>PLACEHOLDER</v>", "<v/>"));
    const res = await readXlsx(await zip.generateAsync({ type: "uint8array" }), "calc.xlsx");
    expect(res.problems).toEqual([]);
    expect(only(res.grids, "Calc").values).toEqual([["x"]]);
  });

  test("a 1904 workbook: dates right, grid flagged, General serials left as numbers", async () => {
    const bytes = await buildXlsx((wb) => {
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet("Mac");
      ws.getCell("A1").value = utc(2024, 12, 31);
      ws.getCell("A1").numFmt = "d mmm yyyy";
      ws.getCell("B1").value = 44000;
    });
    const g = only((await readXlsx(bytes, "mac.xlsx")).grids, "Mac");
    expect(g.date1904).toBe(true);
    expect(g.values[0]).toEqual([utc(2024, 12, 31), 44000]);
  });

  test("hidden sheets are read and flagged; empty sheets and chart sheets are skipped with a reason", async () => {
    let bytes = await buildXlsx((wb) => {
      wb.addWorksheet("Visible").getCell("A1").value = 1;
      const h = wb.addWorksheet("Lists", { state: "hidden" });
      h.getCell("A1").value = "Red";
      wb.addWorksheet("Blank").getCell("C3").style = { font: { bold: true } };
    });
    bytes = await withChartSheet(bytes, "RAG Chart");
    const res = await readXlsx(bytes, "h.xlsx");
    expect(res.grids.map((g) => [g.sheet, g.hidden])).toEqual([
      ["Visible", false],
      ["Lists", true],
    ]);
    expect(res.skipped).toEqual([
      { sheet: "Blank", reason: "empty" },
      { sheet: "RAG Chart", reason: "chart sheet (holds a chart, no cells)" },
    ]);
    expect(res.problems).toEqual([]);
  });

  test("pivot caches, a data model, defined names, validations and images do not stop the read", async () => {
    let bytes = await buildXlsx((wb) => {
      const data = wb.addWorksheet("Data");
      data.addRows([
        ["Dept", "Cost"],
        ["A", 1],
        ["B", 2],
        ["A", 3],
      ]);
      data.getCell("C2").dataValidation = { type: "list", allowBlank: true, formulae: ['"x,y"'] };
      data.getCell("D1").dataValidation = { type: "whole", operator: "between", formulae: [1, 5] };
      wb.definedNames.add("Data!$B$2:$B$4", "Costs");
      const png = Buffer.from(
        "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
          "1f15c4890000000d49444154789c6300010000050001" +
          "0d0a2db40000000049454e44ae426082",
        "hex",
      );
      data.addImage(wb.addImage({ buffer: png as never, extension: "png" }), "F2:G4");
      const pivot = wb.addWorksheet("Pivot");
      pivot.getCell("A1").value = "Dept";
      pivot.getCell("B1").value = "(All)";
      pivot.addRows([[], ["Row Labels", "Sum of Cost"], ["A", 4], ["B", 2], ["Grand Total", 6]]);
      const mixed = wb.addWorksheet("Mixed");
      mixed.getCell("A1").value = "Notes beside a pivot";
      mixed.getCell("D5").value = "Row Labels";
    });
    bytes = await withPivotAndDataModel(bytes, "xl/worksheets/sheet2.xml", "A3:B6", "Data", "A1:B4");
    const res = await readXlsx(bytes, "pivots.xlsx");
    expect(res.problems).toEqual([]);
    expect(only(res.grids, "Data").values).toEqual([
      ["Dept", "Cost"],
      ["A", 1],
      ["B", 2],
      ["A", 3],
    ]);
    expect(res.skipped).toEqual([
      { sheet: "Pivot", reason: "pivot table only (a summary of other data, not a source table)" },
    ]);
    expect(only(res.grids, "Mixed").values[0][0]).toBe("Notes beside a pivot");
  });

  test("a file exceljs alone cannot load (prefixed parts, an unmodellable drawing) is still read", async () => {
    const plain = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Data");
      ws.addRows([
        ["Id", "Name"],
        ["P-1", "Alpha"],
      ]);
      ws.getCell("C2").value = utc(2025, 1, 31);
    });
    for (const bytes of [await withPrefixedParts(plain), await withUnprefixedDrawing(plain)]) {
      await expect(loadWithExcelJs(bytes)).rejects.toThrow();
      const res = await readXlsx(bytes, "sdk.xlsx");
      expect(res.problems).toEqual([]);
      expect(only(res.grids, "Data").values).toEqual([
        ["Id", "Name", null],
        ["P-1", "Alpha", utc(2025, 1, 31)],
      ]);
    }
  });

  test("a stray cell far from the data does not make a billion-cell grid: that sheet is refused", async () => {
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Stray");
      ws.getCell("A1").value = "Id";
      ws.getCell("XFD1048576").value = "oops";
      wb.addWorksheet("Fine").getCell("A1").value = 1;
    });
    const res = await readXlsx(bytes, "stray.xlsx");
    expect(res.grids.map((g) => g.sheet)).toEqual(["Fine"]);
    expect(res.skipped).toEqual([{ sheet: "Stray", reason: "used range A1:XFD1048576 too large" }]);
    expect(res.problems).toHaveLength(1);
    expect(res.problems[0]).toMatchObject({ file: "stray.xlsx", sheet: "Stray", severity: "error" });
    expect(res.problems[0].message).toMatch(/1,048,576 rows × 16,384 columns.*Delete stray cells/);
  });

  test("options.sheets limits the read and warns about a missing name", async () => {
    const bytes = await buildXlsx((wb) => {
      wb.addWorksheet("A").getCell("A1").value = 1;
      wb.addWorksheet("B").getCell("A1").value = 2;
    });
    const res = await readXlsx(bytes, "ab.xlsx", { sheets: ["B", "Zed"] });
    expect(res.grids.map((g) => g.sheet)).toEqual(["B"]);
    expect(res.problems).toEqual([
      { file: "ab.xlsx", sheet: "Zed", severity: "warning", message: 'ab.xlsx has no sheet named "Zed".' },
    ]);
  });

  test("progress per sheet; an aborted signal rejects", async () => {
    const bytes = await buildXlsx((wb) => {
      wb.addWorksheet("A").getCell("A1").value = 1;
      wb.addWorksheet("B").getCell("A1").value = 2;
    });
    const seen: string[] = [];
    await readXlsx(bytes, "ab.xlsx", { progress: (e) => seen.push(`${e.done}/${e.total} ${e.message}`) });
    expect(seen).toEqual(["0/2 A", "1/2 B"]);
    const controller = new AbortController();
    controller.abort(new Error("stopped by user"));
    await expect(readXlsx(bytes, "ab.xlsx", { signal: controller.signal })).rejects.toThrow("stopped by user");
  });

  test("accepts an ArrayBuffer as well as a Uint8Array", async () => {
    const bytes = await buildXlsx((wb) => {
      wb.addWorksheet("S").getCell("A1").value = "ok";
    });
    const ab = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
    expect(only((await readXlsx(ab, "s.xlsx")).grids, "S").values).toEqual([["ok"]]);
  });

  test("10,000 rows read in linear time", async () => {
    const rows = 10_000;
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Big");
      ws.addRow(["Id", "Name", "Budget", "Start", "Status", "Owner"]);
      for (let i = 0; i < rows; i++) {
        ws.addRow([`P-${i}`, `Project ${i}`, i * 10, utc(2025, 1 + (i % 12), 1 + (i % 28)), "Open", `Owner ${i % 50}`]);
      }
    });
    const t0 = performance.now();
    const g = only((await readXlsx(bytes, "big.xlsx")).grids, "Big");
    const ms = performance.now() - t0;
    expect(g.values).toHaveLength(rows + 1);
    expect(g.values[rows]).toEqual([
      `P-${rows - 1}`,
      `Project ${rows - 1}`,
      (rows - 1) * 10,
      utc(2025, 4, 4),
      "Open",
      "Owner 49",
    ]);
    // Generous bound: a quadratic build takes minutes at this size.
    expect(ms).toBeLessThan(15_000);
  });
});
