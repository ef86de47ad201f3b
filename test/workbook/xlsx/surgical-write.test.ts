import JSZip from "jszip";
import type { SheetSpec } from "../../../src/workbook/spec";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { readXlsx } from "../../../src/workbook/xlsx/xlsx-reader";
import { inspectPackage } from "./package-checks";
import { loadWithExcelJs } from "./xlsx-fixtures";
import { changedEntries, MSIP_LABEL, SHARED_PARTS, userWorkbook, USER_SHEETS, zipEntries } from "./user-workbooks";

/**
 * Writing owned sheets into a user's workbook: the user's parts come back byte for byte, the shared
 * parts are edited at the element level, and our sheets carry their tables, dropdowns, links,
 * notes, charts and conditional formats.
 */

function ownedSheets(rows: number): SheetSpec[] {
  const data = Array.from({ length: rows }, (_, i) => [`P${i + 1}`, `Project ${i + 1}`, (i + 1) * 1000, "Active"]);
  return [
    {
      name: "Projects",
      blocks: [
        {
          kind: "table",
          name: "tblProjects",
          row: 1,
          col: 1,
          columns: [
            { header: "ID", type: "text" },
            { header: "Name", type: "text" },
            { header: "Budget", type: "money" },
            { header: "Status", type: "text", validationList: '"Active,Closed"' },
          ],
          rows: data.map((r, i) =>
            i === 0 ? [r[0], { value: r[1], note: "Sponsor to confirm" }, r[2], r[3]] : r,
          ) as never,
        },
      ],
      conditionalFormats: [
        {
          range: { top: 2, left: 4, bottom: rows + 1, right: 4 },
          rule: { type: "textEquals", text: "Closed", fill: "C6EFCE" },
        },
        {
          range: { top: 2, left: 3, bottom: rows + 1, right: 3 },
          rule: { type: "greaterThan", value: 5000, fill: "FFC7CE" },
        },
      ],
    },
    {
      name: "Findings",
      blocks: [
        { kind: "title", row: 1, col: 1, text: "Findings" },
        {
          kind: "keyFigures",
          row: 3,
          col: 1,
          items: [{ label: "Projects", value: rows, definedName: "ProjectCount" }],
        },
        {
          kind: "table",
          name: "tblFindings",
          row: 5,
          col: 1,
          columns: [
            { header: "Rule", type: "text" },
            { header: "Cell", type: "text" },
          ],
          rows: [
            ["R1", { value: "Projects!B2", link: "'Projects'!B2" }],
            ["R2", { value: "Projects!C3", link: "'Projects'!C3" }],
          ] as never,
        },
        {
          kind: "chart",
          type: "bar",
          title: "Budget by project",
          row: 10,
          col: 1,
          widthCols: 6,
          heightRows: 12,
          series: [
            {
              name: "Budget",
              categories: { sheet: "Projects", top: 2, left: 2, bottom: rows + 1, right: 2 },
              values: { sheet: "Projects", top: 2, left: 3, bottom: rows + 1, right: 3 },
            },
          ],
        },
      ],
    },
  ];
}

async function text(bytes: Uint8Array, path: string): Promise<string> {
  return (await JSZip.loadAsync(bytes)).file(path)!.async("string");
}

describe("surgical writes into a user's workbook", () => {
  test("every part the product does not own is byte-identical; the package is sound", async () => {
    const source = await userWorkbook();
    const book = await XlsxWorkbook.open(source, "tracker.xlsx");
    await book.write({ sheets: ownedSheets(6) });
    const out = await book.toBytes();
    const before = await zipEntries(source);
    const after = await zipEntries(out);
    expect(changedEntries(before, after, SHARED_PARTS)).toEqual([]);
    const view = await inspectPackage(out);
    expect(view.problems).toEqual([]);
    // The user's sheets keep their places; ours come after them.
    const workbookXml = await text(out, "xl/workbook.xml");
    expect([...workbookXml.matchAll(/<sheet name="([^"]+)" sheetId="(\d+)"/g)].map((m) => [m[1], m[2]])).toEqual([
      ["My Analysis", "1"],
      ["Pivot", "4"],
      ["Locked", "5"],
      ["Projects", "6"],
      ["Findings", "7"],
    ]);
    // The user's defined names are kept as written; ours is added.
    expect(workbookXml).toContain(
      `<definedName name="_xlnm.Print_Area" localSheetId="2">Locked!$A$1:$A$3</definedName><definedName name="ApprovalList">Locked!$A$2:$A$3</definedName><definedName name="MyTotal">'My Analysis'!$B$7</definedName>`,
    );
    expect(workbookXml).toMatch(/<definedName name="ProjectCount">'?Findings'?!\$B\$3<\/definedName>/);
    expect(workbookXml).toContain('<pivotCaches><pivotCache cacheId="4" r:id="rId7"/></pivotCaches>');
    // Custom properties with the sensitivity label, customXml, the pivot cache: untouched entries.
    expect(after.get("docProps/custom.xml")!.toString()).toContain(`${MSIP_LABEL}_Enabled`);
    expect(after.has("customXml/item1.xml")).toBe(true);
    expect(after.has("xl/pivotCache/pivotCacheRecords1.xml")).toBe(true);
  });

  test("the user's style and shared-string indices are unchanged: ours are appended, our cells use inline strings", async () => {
    const source = await userWorkbook();
    const book = await XlsxWorkbook.open(source, "tracker.xlsx");
    await book.write({ sheets: ownedSheets(4) });
    const out = await book.toBytes();
    const before = await text(source, "xl/styles.xml");
    const after = await text(out, "xl/styles.xml");
    // Every user record is still at its index: the merged lists start with the user's lists.
    for (const list of ["fonts", "fills", "borders", "cellXfs", "dxfs", "numFmts"]) {
      const inner = (xml: string) => new RegExp(`<${list}[^>]*>([\\s\\S]*?)</${list}>`).exec(xml)![1];
      expect(inner(after).startsWith(inner(before))).toBe(true);
    }
    expect(Number(/<cellXfs count="(\d+)"/.exec(after)![1])).toBeGreaterThan(3);
    expect(await text(out, "xl/sharedStrings.xml")).toBe(await text(source, "xl/sharedStrings.xml"));
    const sheets = [...(await JSZip.loadAsync(out)).file(/^xl\/worksheets\/sheet[45]\.xml$/)];
    for (const sheet of sheets) {
      const xml = await sheet.async("string");
      expect(xml).not.toMatch(/\bt="s"/);
      expect(xml).toContain('t="inlineStr"');
    }
    // The values read back through an independent reader (exceljs) and our own.
    const wb = await loadWithExcelJs(out);
    expect(wb.getWorksheet("Projects")!.getCell("B3").value).toBe("Project 2");
    expect(wb.getWorksheet("Projects")!.getCell("C3").numFmt).toBe(wb.getWorksheet("Projects")!.getCell("C2").numFmt);
    expect(wb.getWorksheet("My Analysis")!.getCell("B2").numFmt).toBe('"£"#,##0');
    const read = await readXlsx(out, "out.xlsx");
    const projects = read.grids.find((g) => g.sheet === "Projects")!;
    expect(projects.values[1]).toEqual(["P1", "Project 1", 1000, "Active"]);
  });

  test("a second write replaces our sheets in place and adds no styles; nothing of the user's moves", async () => {
    const source = await userWorkbook();
    const first = await XlsxWorkbook.open(source, "tracker.xlsx");
    await first.write({ sheets: ownedSheets(6) });
    const once = await first.toBytes();
    const second = await XlsxWorkbook.open(once, "tracker.xlsx");
    await second.write({ sheets: ownedSheets(3) });
    const twice = await second.toBytes();
    expect(changedEntries(await zipEntries(source), await zipEntries(twice), SHARED_PARTS)).toEqual([]);
    expect(await text(twice, "xl/styles.xml")).toBe(await text(once, "xl/styles.xml"));
    expect((await inspectPackage(twice)).problems).toEqual([]);
    const wbXml = await text(twice, "xl/workbook.xml");
    expect([...wbXml.matchAll(/<sheet name="([^"]+)" sheetId="(\d+)" r:id="(\w+)"/g)].map((m) => m.slice(1))).toEqual(
      [...(await text(once, "xl/workbook.xml")).matchAll(/<sheet name="([^"]+)" sheetId="(\d+)" r:id="(\w+)"/g)].map(
        (m) => m.slice(1),
      ),
    );
    expect(wbXml.match(/name="ProjectCount"/g)).toHaveLength(1);
    // The old tables, notes and chart went with the old sheets: one of each per sheet, ids unique.
    const files = Object.keys((await JSZip.loadAsync(twice)).files);
    expect(files.filter((f) => /^xl\/tables\/table\d+\.xml$/.test(f))).toHaveLength(2);
    expect(files.filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f))).toHaveLength(2); // the user's and ours
    const read = await readXlsx(twice, "out.xlsx");
    expect(read.grids.find((g) => g.sheet === "Projects")!.values).toHaveLength(4);
  });

  test("our dropdowns, links, notes, chart and conditional formats are in the written sheets", async () => {
    const book = await XlsxWorkbook.open(await userWorkbook(), "tracker.xlsx");
    await book.write({ sheets: ownedSheets(5) });
    const out = await book.toBytes();
    const zip = await JSZip.loadAsync(out);
    const projects = await zip.file("xl/worksheets/sheet4.xml")!.async("string");
    expect(projects).toMatch(/<dataValidation [^>]*sqref="D2:D6"/);
    expect(projects.match(/<cfRule [^>]*priority="(\d+)"/g)!.map((r) => /priority="(\d+)"/.exec(r)![1])).toEqual([
      "1",
      "2",
    ]);
    const findings = await zip.file("xl/worksheets/sheet5.xml")!.async("string");
    expect(findings.match(/<hyperlink [^>]*location="[^"]+"/g)).toHaveLength(2);
    expect(findings).toContain("<drawing ");
    const chartParts = Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f));
    expect(chartParts).toEqual(["xl/charts/chart1.xml", "xl/charts/chart2.xml"]);
    expect(await zip.file("xl/charts/chart2.xml")!.async("string")).toContain("Budget by project");
    expect(Object.keys(zip.files).filter((f) => /^xl\/comments\d+\.xml$/.test(f))).toEqual([
      "xl/comments1.xml",
      "xl/comments2.xml",
    ]);
    // Table ids are unique in the package.
    const ids = await Promise.all(
      zip
        .file(/^xl\/tables\/table\d+\.xml$/)
        .map(async (f) => /<table [^>]*\bid="(\d+)"/.exec(await f.async("string"))![1]),
    );
    expect(new Set(ids).size).toBe(ids.length);
  });

  test("an .xlsm keeps its VBA project and its macro-enabled content type", async () => {
    const source = await userWorkbook({ macros: true });
    const book = await XlsxWorkbook.open(source, "tracker.xlsm");
    await book.write({ sheets: ownedSheets(3) });
    const out = await book.toBytes();
    const after = await zipEntries(out);
    expect(changedEntries(await zipEntries(source), after, SHARED_PARTS)).toEqual([]);
    expect(after.get("xl/vbaProject.bin")!.subarray(0, 4)).toEqual(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]));
    const types = after.get("[Content_Types].xml")!.toString();
    expect(types).toContain(
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/>',
    );
    expect(types).toContain('<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/>');
    expect((await inspectPackage(out)).problems).toEqual([]);
  });

  test("reading after a write reads the spliced package; an unwritten workbook gives its own bytes back", async () => {
    const source = await userWorkbook();
    const untouched = await XlsxWorkbook.open(source, "tracker.xlsx");
    await untouched.read();
    expect(await untouched.toBytes()).toBe(source);
    const book = await XlsxWorkbook.open(source, "tracker.xlsx");
    await book.write({ sheets: ownedSheets(2) });
    const read = await book.read();
    expect(read.grids.map((g) => g.sheet)).toEqual(expect.arrayContaining(["My Analysis", "Projects", "Findings"]));
    expect(read.skipped.map((s) => s.sheet)).toContain("Pivot");
    expect(
      USER_SHEETS.every((n) => read.grids.some((g) => g.sheet === n) || read.skipped.some((s) => s.sheet === n)),
    ).toBe(true);
  });
});
