import JSZip from "jszip";
import { isMacroEnabledPackage } from "../../../src/workbook/xlsx/file-sniff";
import { userWorkbook } from "./user-workbooks";

/** Whether a package is macro-enabled is what its content types say of xl/workbook.xml. */
describe("isMacroEnabledPackage", () => {
  async function withTypes(types: string): Promise<Uint8Array> {
    const zip = new JSZip();
    zip.file("[Content_Types].xml", types);
    zip.file("xl/workbook.xml", "<workbook/>");
    return zip.generateAsync({ type: "uint8array" });
  }
  const HEAD = `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">`;

  test("the .xlsm the fixture builder makes is; its .xlsx twin is not", async () => {
    expect(await isMacroEnabledPackage(await userWorkbook({ macros: true }))).toBe(true);
    expect(await isMacroEnabledPackage(await userWorkbook())).toBe(false);
  });

  test("the Override for /xl/workbook.xml decides, its part name compared case-insensitively, attributes in any order", async () => {
    const override = (part: string, type: string) =>
      withTypes(`${HEAD}<Override ContentType='${type}' PartName='${part}'/></Types>`);
    expect(
      await isMacroEnabledPackage(
        await override("/XL/Workbook.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
      ),
    ).toBe(true);
    expect(
      await isMacroEnabledPackage(
        await override("/xl/workbook.xml", "application/vnd.ms-excel.template.macroEnabled.main+xml"),
      ),
    ).toBe(true);
    expect(
      await isMacroEnabledPackage(
        await override(
          "/xl/workbook.xml",
          "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        ),
      ),
    ).toBe(false);
    // Another part's macro-enabled type says nothing about the workbook.
    expect(
      await isMacroEnabledPackage(
        await override("/xl/other.xml", "application/vnd.ms-excel.sheet.macroEnabled.main+xml"),
      ),
    ).toBe(false);
  });

  test("without an Override, the Default for .xml decides", async () => {
    const bytes = await withTypes(
      `${HEAD}<Default Extension="xml" ContentType="application/vnd.ms-excel.sheet.macroEnabled.main+xml"/></Types>`,
    );
    expect(await isMacroEnabledPackage(bytes)).toBe(true);
  });

  test("bytes that are not a package, or a package without content types, are not macro-enabled", async () => {
    expect(await isMacroEnabledPackage(new TextEncoder().encode("Month,Cost\n1,2\n"))).toBe(false);
    const zip = new JSZip();
    zip.file("xl/workbook.xml", "<workbook/>");
    expect(await isMacroEnabledPackage(await zip.generateAsync({ type: "uint8array" }))).toBe(false);
  });
});
