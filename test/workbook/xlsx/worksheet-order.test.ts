import JSZip from "jszip";
import { fixWorksheetOrder, sortWorksheetTail } from "../../../src/workbook/xlsx/worksheet-order";
import { parseXml } from "../../interop/xml-tree";
import { outOfOrder } from "./package-checks";
import { buildXlsx } from "./xlsx-fixtures";

/** exceljs writes <legacyDrawing> (notes) after <tableParts>; Excel rejects that sheet (exceljs #1369). */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const sheet = (body: string) => `<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${body}</worksheet>`;

describe("sortWorksheetTail", () => {
  test("moves legacyDrawing before tableParts and keeps every element as written", () => {
    const xml = sheet(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        '<tableParts count="1"><tablePart r:id="rId1"/></tableParts><legacyDrawing r:id="rId2"/>',
    );
    const out = sortWorksheetTail(xml);
    expect(parseXml(out).children.map((c) => c.local)).toEqual([
      "sheetData",
      "pageMargins",
      "legacyDrawing",
      "tableParts",
    ]);
    expect(outOfOrder(parseXml(out))).toEqual([]);
    expect(out.length).toBe(xml.length);
    expect(out).toContain('<legacyDrawing r:id="rId2"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts>');
  });

  test("a sheet already in order is returned as the same string", () => {
    const xml = sheet('<sheetData/><drawing r:id="rId1"/><legacyDrawing r:id="rId2"/><tableParts count="0"/>');
    expect(sortWorksheetTail(xml)).toBe(xml);
  });

  test("whitespace between children travels with the child after it", () => {
    const xml = sheet('<sheetData/>\n  <extLst><ext uri="{x}"/></extLst>\n  <tableParts count="0"/>');
    expect(sortWorksheetTail(xml)).toBe(
      sheet('<sheetData/>\n  <tableParts count="0"/>\n  <extLst><ext uri="{x}"/></extLst>'),
    );
  });
});

describe("fixWorksheetOrder", () => {
  test("repairs exceljs's note-in-a-table sheet, and leaves a sound package's bytes alone", async () => {
    const broken = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Notes");
      ws.addTable({ name: "tblA", ref: "A1", columns: [{ name: "a" }], rows: [[1], [2]] });
      ws.getCell("A2").note = "Checked";
    });
    const before = await (await JSZip.loadAsync(broken)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(outOfOrder(parseXml(before))).toEqual(["<worksheet>: <legacyDrawing> is out of schema order"]);
    const fixed = await fixWorksheetOrder(broken);
    const after = await (await JSZip.loadAsync(fixed)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(outOfOrder(parseXml(after))).toEqual([]);
    expect(await fixWorksheetOrder(fixed)).toBe(fixed);
  });
});
