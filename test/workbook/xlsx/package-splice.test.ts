import JSZip from "jszip";
import {
  dropCalcChainSheets,
  localiseSheetXml,
  mergeDefinedNames,
  sheetsReferenced,
} from "../../../src/workbook/xlsx/package-splice";
import { mergeStyles } from "../../../src/workbook/xlsx/style-merge";
import { elementsNamed, setAttr, withPrefix } from "../../../src/workbook/xlsx/xml-edit";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { inspectPackage } from "./package-checks";
import { changedEntries, SHARED_PARTS, userWorkbook, zipEntries } from "./user-workbooks";

/** The text-level helpers of the splice, each on a worked example with its known answer. */

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";

describe("xml-edit", () => {
  test("setAttr replaces, adds (before the tag's end) and removes one attribute", () => {
    expect(setAttr('<sheet name="A" sheetId="3"/>', "name", 'B & "C"')).toBe(
      '<sheet name="B &amp; &quot;C&quot;" sheetId="3"/>',
    );
    expect(setAttr('<sheet name="A"/>', "state", "hidden")).toBe('<sheet name="A" state="hidden"/>');
    expect(setAttr('<sheet name="A" state="hidden" r:id="rId2"/>', "state", null)).toBe(
      '<sheet name="A" r:id="rId2"/>',
    );
    // `id` must not match inside `r:id` or `sheetId`.
    expect(setAttr('<table id="1" r:id="x"/>', "id", "7")).toBe('<table id="7" r:id="x"/>');
  });

  test("elementsNamed finds empty and full elements, not longer names, within a range", () => {
    const xml = '<a><xf x="1"/><xfId/><xf x="2"><alignment/></xf></a><xf x="3"/>';
    const found = elementsNamed(xml, "xf", 0, xml.indexOf("</a>"));
    expect(found.map((e) => xml.slice(e.start, e.end))).toEqual(['<xf x="1"/>', '<xf x="2"><alignment/></xf>']);
    expect(found[1].inner).toBe("<alignment/>");
  });

  test("withPrefix prefixes SpreadsheetML tags and leaves already-prefixed ones", () => {
    expect(withPrefix('<font><b/><x14:f v="1"/></font>', "x:")).toBe('<x:font><x:b/><x14:f v="1"/></x:font>');
  });
});

describe("mergeStyles", () => {
  const user =
    `<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
    `<fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>` +
    `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;
  const scratch =
    `<styleSheet xmlns="${MAIN}"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts>` +
    `<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>` +
    `<borders count="1"><border/></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>` +
    `<cellXfs count="4"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="165" fontId="1" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="1" fillId="0" borderId="0" xfId="0"><alignment horizontal="right"/></xf></cellXfs>` +
    `<dxfs count="1"><dxf><fill><patternFill><bgColor rgb="FFC6EFCE"/></patternFill></fill></dxf></dxfs></styleSheet>`;

  test("the user's records keep their indices; ours are matched or appended with their ids remapped", () => {
    const merge = mergeStyles(user, scratch);
    expect(merge.xf(0)).toBe(0);
    // #,##0 is new to the user: custom id 165 (164 is the user's 0.0%); a new cell format at index 2.
    expect(merge.xf(1)).toBe(2);
    // 0.0% is the user's 164; bold is a new font (index 1).
    expect(merge.xf(2)).toBe(3);
    expect(merge.xf(3)).toBe(4);
    expect(merge.xf(1)).toBe(2); // asked again: the same index, nothing added twice
    expect(merge.dxf(0)).toBe(0);
    const xml = merge.xml;
    expect(xml).toContain(
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="#,##0"/></numFmts>',
    );
    expect(xml).toContain('<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>');
    expect(xml).toContain(
      '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="164" fontId="1" fillId="0" borderId="0" xfId="0"/><xf numFmtId="14" fontId="1" fillId="0" borderId="0" xfId="0"><alignment horizontal="right"/></xf></cellXfs>',
    );
    expect(xml).toContain('<cellXfs count="5">');
    // The user had no dxfs: the list is added after cellStyles, where the schema puts it.
    expect(xml).toContain('</cellStyles><dxfs count="1"><dxf>');
  });

  test("merging into the merged styles again adds nothing", () => {
    const first = mergeStyles(user, scratch);
    [0, 1, 2, 3].forEach((i) => first.xf(i));
    first.dxf(0);
    const merged = first.xml;
    const second = mergeStyles(merged, scratch);
    expect([0, 1, 2, 3].map((i) => second.xf(i))).toEqual([0, 2, 3, 4]);
    expect(second.dxf(0)).toBe(0);
    expect(second.xml).toBe(merged);
  });

  test("a prefixed styles part (x:) gets prefixed records", () => {
    const prefixed = user.replace(/<(\/?)(?=[a-zA-Z])/g, "<$1x:").replace(`xmlns="${MAIN}"`, `xmlns:x="${MAIN}"`);
    const merge = mergeStyles(prefixed, scratch);
    expect(merge.xf(2)).toBe(2);
    expect(merge.xml).toContain('<x:font><x:b/><x:sz val="11"/></x:font></x:fonts>');
  });
});

describe("sheet XML of our sheets", () => {
  test("shared strings become inline strings and style indices are mapped", () => {
    const xml =
      '<worksheet><cols><col min="1" max="1" width="9" style="2"/></cols><sheetData><row r="1" s="1" customFormat="1"><c r="A1" s="2" t="s"><v>1</v></c><c r="B1" s="1"><v>5</v></c><c r="C1" t="s"><v>0</v></c><c r="D1" s="3"/></row></sheetData>' +
      '<conditionalFormatting sqref="A1"><cfRule type="cellIs" dxfId="0" priority="1"><formula>1</formula></cfRule></conditionalFormatting></worksheet>';
    const out = localiseSheetXml(xml, ["<t>plain</t>", '<r><rPr><b/></rPr><t xml:space="preserve">rich </t></r>'], {
      xf: (i) => i + 10,
      dxf: (i) => i + 5,
    });
    expect(out).toBe(
      '<worksheet><cols><col min="1" max="1" width="9" style="12"/></cols><sheetData><row r="1" s="11" customFormat="1"><c r="A1" s="12" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">rich </t></r></is></c><c r="B1" s="11"><v>5</v></c><c r="C1" t="inlineStr"><is><t>plain</t></is></c><c r="D1" s="13"/></row></sheetData>' +
        '<conditionalFormatting sqref="A1"><cfRule type="cellIs" dxfId="5" priority="1"><formula>1</formula></cfRule></conditionalFormatting></worksheet>',
    );
  });

  test("sheetsReferenced reads quoted and plain sheet names", () => {
    expect(sheetsReferenced("'My ''Q1'' sheet'!$A$1,Data!B2:C3")).toEqual(["my 'q1' sheet", "data"]);
    expect(sheetsReferenced("#REF!$A$1")).toEqual([]);
    expect(sheetsReferenced("SUM(1,2)")).toEqual([]);
  });
});

describe("workbook-level edits", () => {
  const wb = (names: string) =>
    `<workbook xmlns="${MAIN}" xmlns:r="r"><sheets><sheet name="User" sheetId="1" r:id="rId1"/><sheet name="Summary" sheetId="2" r:id="rId2"/></sheets>${names}<calcPr/></workbook>`;

  test("names on replaced sheets go, the user's stay as written, ours are added with their scope moved", () => {
    const user = wb(
      `<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">Summary!$A$1:$B$2</definedName><definedName name="Mine">User!$A$1</definedName><definedName name="Total">Summary!$B$3</definedName><definedName name="Both">User!$A$1,Summary!$A$1</definedName></definedNames>`,
    );
    const scratch = `<workbook><sheets><sheet name="Summary" sheetId="1"/></sheets><definedNames><definedName name="Total">Summary!$B$4</definedName><definedName name="_xlnm.Print_Titles" localSheetId="0">Summary!$1:$1</definedName></definedNames></workbook>`;
    const out = mergeDefinedNames(user, "", scratch, ["summary"], new Set(["summary"]), new Map([["summary", 1]]));
    expect(out).toBe(
      wb(
        `<definedNames><definedName name="Mine">User!$A$1</definedName><definedName name="Both">User!$A$1,Summary!$A$1</definedName><definedName name="Total">Summary!$B$4</definedName><definedName name="_xlnm.Print_Titles" localSheetId="1">Summary!$1:$1</definedName></definedNames>`,
      ),
    );
  });

  test("a workbook without names gets the list after <sheets>; nothing to do leaves the part as it was", () => {
    const scratch = `<workbook><definedNames><definedName name="Total">Summary!$B$4</definedName></definedNames></workbook>`;
    expect(mergeDefinedNames(wb(""), "", scratch, ["summary"], new Set(["summary"]), new Map([["summary", 1]]))).toBe(
      wb(`<definedNames><definedName name="Total">Summary!$B$4</definedName></definedNames>`),
    );
    expect(mergeDefinedNames(wb(""), "", "<workbook/>", [], new Set(["summary"]), new Map())).toBe(wb(""));
  });

  test("calcChain: a replaced sheet's entries go, including those that inherit its id", () => {
    const chain = '<calcChain><c r="A1" i="1"/><c r="A2"/><c r="B1" i="2"/><c r="B2"/><c r="C1" i="1"/></calcChain>';
    expect(dropCalcChainSheets(chain, new Set([2]))).toEqual({
      xml: '<calcChain><c r="A1" i="1"/><c r="A2"/><c r="C1" i="1"/></calcChain>',
      entries: 3,
    });
    expect(dropCalcChainSheets(chain, new Set([1, 2])).entries).toBe(0);
  });
});

describe("calcChain in a package", () => {
  test("replacing a sheet Excel had calculated drops its chain entries; the chain goes when empty", async () => {
    const book = await XlsxWorkbook.open(await userWorkbook(), "tracker.xlsx");
    await book.write({ sheets: [{ name: "Summary", blocks: [{ kind: "text", row: 1, col: 1, lines: ["v1"] }] }] });
    // Excel saved the file once: a calc chain naming a formula on the user's sheet (id 1) and on ours (id 6).
    const zip = await JSZip.loadAsync(await book.toBytes());
    zip.file(
      "xl/calcChain.xml",
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<calcChain xmlns="${MAIN}"><c r="B7" i="1"/><c r="C7"/><c r="A1" i="6"/></calcChain>`,
    );
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        '<Relationship Id="rId99" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain" Target="calcChain.xml"/></Relationships>',
      ),
    );
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file(
      "[Content_Types].xml",
      types.replace(
        "</Types>",
        '<Override PartName="/xl/calcChain.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.calcChain+xml"/></Types>',
      ),
    );
    const saved = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const again = await XlsxWorkbook.open(saved, "tracker.xlsx");
    await again.write({ sheets: [{ name: "Summary", blocks: [{ kind: "text", row: 1, col: 1, lines: ["v2"] }] }] });
    const out = await again.toBytes();
    const after = await zipEntries(out);
    expect(after.get("xl/calcChain.xml")!.toString()).toContain(
      '<calcChain xmlns="' + MAIN + '"><c r="B7" i="1"/><c r="C7"/></calcChain>',
    );
    expect(
      changedEntries(await zipEntries(saved), after, new Set([...SHARED_PARTS, "xl/worksheets/sheet4.xml"])),
    ).toEqual([]);
    expect((await inspectPackage(out)).problems).toEqual([]);
  });
});
