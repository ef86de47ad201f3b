import { insertDrawingRef } from "../../../src/workbook/xlsx/worksheet-drawing";
import { parseXml } from "../../interop/xml-tree";
import { outOfOrder } from "./package-checks";

/** Where `<drawing>` lands among a worksheet's children (CT_Worksheet's sequence). */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const sheet = (body: string, rootAttrs = ` xmlns:r="${REL}"`) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="${MAIN}"${rootAttrs}>${body}</worksheet>`;
const children = (xml: string) => parseXml(xml).children.map((c) => c.local);

describe("insertDrawingRef", () => {
  test("after pageSetup, headerFooter and breaks; before legacyDrawing, tableParts and extLst", () => {
    const xml = sheet(
      '<sheetData><row r="1"><c r="A1"><v>1</v></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
        '<pageSetup orientation="landscape"/><headerFooter><oddHeader>&amp;C a &gt; b</oddHeader></headerFooter><rowBreaks count="0"/>' +
        '<legacyDrawing r:id="rId1"/><tableParts count="1"><tablePart r:id="rId2"/></tableParts><extLst><ext uri="{x}"><drawing/></ext></extLst>',
    );
    const out = insertDrawingRef(xml, "rId3");
    expect(children(out)).toEqual([
      "sheetData",
      "pageMargins",
      "pageSetup",
      "headerFooter",
      "rowBreaks",
      "drawing",
      "legacyDrawing",
      "tableParts",
      "extLst",
    ]);
    expect(outOfOrder(parseXml(out))).toEqual([]);
    expect(out).toContain('<drawing r:id="rId3"/><legacyDrawing');
  });

  test("at the end when nothing follows it, skipping look-alikes inside the cells", () => {
    const xml = sheet(
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>tableParts</t></is></c></row></sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>',
    );
    expect(children(insertDrawingRef(xml, "rId1"))).toEqual(["sheetData", "pageMargins", "drawing"]);
  });

  test("an attribute value holding '>' does not confuse the search", () => {
    const xml = sheet(
      '<sheetData/><hyperlinks><hyperlink ref="A1" display="<tableParts> a > b"/></hyperlinks><tableParts count="0"/>',
    );
    expect(children(insertDrawingRef(xml.replace("<tableParts> a", "&lt;tableParts> a"), "rId1"))).toEqual([
      "sheetData",
      "hyperlinks",
      "drawing",
      "tableParts",
    ]);
  });

  test("declares the relationships namespace when the sheet lacks it", () => {
    const out = insertDrawingRef(sheet("<sheetData/>", ""), "rId1");
    const root = parseXml(out);
    expect(root.attrs["xmlns:r"]).toBe(REL);
    expect(root.children[1].attrs["r:id"]).toBe("rId1");
  });

  test("works with a prefixed SpreadsheetML namespace", () => {
    const xml = `<x:worksheet xmlns:x="${MAIN}" xmlns:rel="${REL}"><x:sheetData/><x:tableParts count="0"/></x:worksheet>`;
    const out = insertDrawingRef(xml, "rId7");
    expect(out).toContain('<x:sheetData/><x:drawing rel:id="rId7"/><x:tableParts');
    expect(parseXml(out).children.map((c) => c.local)).toEqual(["sheetData", "drawing", "tableParts"]);
  });

  test("refuses a sheet that already has a drawing", () => {
    expect(() => insertDrawingRef(sheet('<sheetData/><drawing r:id="rId1"/>'), "rId2")).toThrow(
      /already has a drawing/,
    );
  });
});
