import * as CFB from "cfb";
import JSZip from "jszip";
import { encrypt } from "officecrypto-tool";
import type { ReadResult } from "../../../src/workbook/grid";
import { cfbKind, sniffXlsx } from "../../../src/workbook/xlsx/file-sniff";
import { readWorkbookBytes } from "../../../src/workbook/xlsx/read-workbook-bytes";
import { readXlsx } from "../../../src/workbook/xlsx/xlsx-reader";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { buildXlsx } from "./xlsx-fixtures";

/** Every refusal: no grids, exactly one error naming the file. */
function expectRefused(res: ReadResult, file: string, pattern: RegExp): void {
  expect(res.grids).toEqual([]);
  expect(res.problems).toHaveLength(1);
  expect(res.problems[0].severity).toBe("error");
  expect(res.problems[0].file).toBe(file);
  expect(res.problems[0].message).toContain(file);
  expect(res.problems[0].message).toMatch(pattern);
}

async function smallWorkbook(): Promise<Uint8Array> {
  return buildXlsx((wb) => {
    const ws = wb.addWorksheet("Projects");
    ws.addRow(["ProjectId", "Name"]);
    for (let i = 0; i < 200; i++) ws.addRow([`P-${i}`, `Project number ${i}`]);
  });
}

/** A real compound file holding one stream, as Excel 97–2003 writes a workbook stream. */
function legacyXls(): Uint8Array {
  const cfb = CFB.utils.cfb_new();
  CFB.utils.cfb_add(cfb, "Workbook", new Uint8Array(4096).fill(7));
  return new Uint8Array(CFB.write(cfb, { type: "array" }) as number[]);
}

describe("bad input is refused before parsing, with what to do", () => {
  test("zero bytes", async () => {
    expectRefused(await readXlsx(new Uint8Array(0), "empty.xlsx"), "empty.xlsx", /empty \(0 bytes\)/);
  });

  test("random bytes", async () => {
    let seed = 42;
    const junk = new Uint8Array(5000).map(() => (seed = (seed * 1103515245 + 12345) % 2 ** 31) & 0xff);
    expectRefused(await readXlsx(junk, "junk.xlsx"), "junk.xlsx", /not an Excel workbook.*save as \.xlsx/);
  });

  test("a truncated (corrupt) zip", async () => {
    const good = await smallWorkbook();
    const cut = good.slice(0, Math.floor(good.length * 0.6));
    expectRefused(await readXlsx(cut, "cut.xlsx"), "cut.xlsx", /damaged or incomplete/);
  });

  test("a zip that is not a workbook", async () => {
    const zip = new JSZip();
    zip.file("readme.txt", "hello");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expectRefused(await readXlsx(bytes, "notes.xlsx"), "notes.xlsx", /holds no Excel workbook/);
  });

  test("a Word document renamed .xlsx", async () => {
    const zip = new JSZip();
    zip.file("word/document.xml", "<w:document/>");
    const bytes = await zip.generateAsync({ type: "uint8array" });
    expectRefused(await readXlsx(bytes, "memo.xlsx"), "memo.xlsx", /Word document/);
  });

  test("a workbook part that lists no sheets is a warning, not a crash", async () => {
    const zip = new JSZip();
    zip.file(
      "xl/workbook.xml",
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    );
    const res = await readXlsx(await zip.generateAsync({ type: "uint8array" }), "hollow.xlsx");
    expect(res).toEqual({
      file: "hollow.xlsx",
      grids: [],
      skipped: [],
      problems: [{ file: "hollow.xlsx", severity: "warning", message: "hollow.xlsx holds no sheets." }],
    });
  });

  test("a zip bomb: declared uncompressed size over the limit", async () => {
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    zip.file("xl/worksheets/sheet1.xml", new Uint8Array(8 * 1024 * 1024)); // 8 MB of zeros → a few KB
    const bytes = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    expect(bytes.length).toBeLessThan(100_000);
    const res = await readXlsx(bytes, "bomb.xlsx", { maxUncompressedBytes: 4 * 1024 * 1024 });
    expectRefused(res, "bomb.xlsx", /would expand to 8 MB.*over the 4 MB limit/);
  });

  test("a file over the size limit", async () => {
    const good = await smallWorkbook();
    const res = await readXlsx(good, "big.xlsx", { maxFileBytes: 1000 });
    expectRefused(res, "big.xlsx", /is \d+ KB, over the 1 KB limit/);
  });

  test("a password-protected workbook (encrypted OOXML in a compound file)", async () => {
    const encrypted = new Uint8Array(await encrypt(Buffer.from(await smallWorkbook()), { password: "x" }));
    expect(encrypted.slice(0, 4)).toEqual(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]));
    expect(cfbKind(encrypted)).toBe("encrypted-ooxml");
    const res = await readXlsx(encrypted, "secret.xlsx");
    expectRefused(res, "secret.xlsx", /password-protected.*File › Info › Protect Workbook.*save again/);
  });

  test("a legacy .xls workbook", async () => {
    const xls = legacyXls();
    expect(cfbKind(xls)).toBe("legacy-xls");
    expectRefused(await readXlsx(xls, "old.xls"), "old.xls", /legacy Excel 97–2003.*save as \.xlsx/);
    // The file reader hands .xls to SheetJS (see test/workbook/sheetjs); this stub holds no BIFF records.
    expectRefused(
      await readWorkbookBytes(xls, "old.xls"),
      "old.xls",
      /old\.xls could not be read as an Excel 97–2003 workbook \(\.xls\)/,
    );
  });

  test("an .xls name on bytes that are not a workbook (an HTML export) reads its table, saying so", async () => {
    const html = new TextEncoder().encode("<html><table><tr><td>Risk ID</td></tr><tr><td>R-1</td></tr></table></html>");
    const res = await readWorkbookBytes(html, "export.xls");
    expect(res.grids.map((g) => g.values)).toEqual([[["Risk ID"], ["R-1"]]]);
    expect(res.problems).toEqual([
      expect.objectContaining({
        severity: "warning",
        message: expect.stringMatching(/export\.xls has an \.xls name but is a web page/),
      }),
    ]);
  });

  test("an .xls name on bytes that are neither a workbook nor a table is refused", async () => {
    const text = new TextEncoder().encode("\u0000\u0001 not a spreadsheet");
    expectRefused(await readWorkbookBytes(text, "export.xls"), "export.xls", /not an Excel 97–2003 workbook/);
  });

  test("the sniff hands back the opened zip for a good workbook", async () => {
    const res = await sniffXlsx(await smallWorkbook(), "ok.xlsx");
    expect(res.ok).toBe(true);
    if (res.ok) expect(res.zip.file("xl/workbook.xml")).not.toBeNull();
  });

  test("XlsxWorkbook.open throws the same explanation", async () => {
    await expect(XlsxWorkbook.open(new Uint8Array(0), "empty.xlsx")).rejects.toThrow(/empty.xlsx is empty/);
    await expect(XlsxWorkbook.open(legacyXls(), "old.xls")).rejects.toThrow(/save as \.xlsx/);
  });
});
