import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import * as XLSX from "@e965/xlsx";
import JSZip from "jszip";
import { ingestGrids } from "../../../src/ingest/ingest";
import { buildRegisterFromFiles } from "../../../src/pipeline/steps/build";
import type { Grid } from "../../../src/workbook/grid";
import { spreadsheetFormat } from "../../../src/workbook/xlsx/file-sniff";
import { readWorkbookBytes } from "../../../src/workbook/xlsx/read-workbook-bytes";
import { buildXlsx, loadWithExcelJs } from "../xlsx/xlsx-fixtures";
import { xlsxFileHost } from "../../../src/workbook/xlsx/file-host";

/**
 * Every spreadsheet format a PMO keeps reads into the same Grids: a risk log the test writes as
 * .xlsx, converted by LibreOffice to .xls (BIFF8) and .ods, each read back through
 * readWorkbookBytes and compared cell for cell with the .xlsx read, then ingested to the same Risks.
 * LibreOffice (7.4 here) only imports .xlsb (its "Calc MS Excel 2007 Binary" filter has no EXPORT
 * flag), so the .xlsb copy is written by SheetJS's own xlsb writer and LibreOffice re-reads it to
 * .xlsx as the independent check that it is a real .xlsb. No such file ships with the repository. When LibreOffice is absent the conversions cannot run:
 * the suite says so loudly (and the sniffing and filter-button checks still run).
 */

const SOFFICE = process.env.SOFFICE ?? "/usr/bin/soffice";
const haveSoffice = existsSync(SOFFICE);

const ROWS: [string, string, string, number, number, Date, string][] = [
  ["R-001", "Supplier insolvency", "Mitigate", 4, 5, new Date(Date.UTC(2025, 1, 3)), "Open"],
  ["R-002", "Planning consent delayed", "Accept", 3, 3, new Date(Date.UTC(2025, 2, 14)), "Closed"],
  ["R-003", "Key engineer leaves — £ cost", "Transfer", 2, 4, new Date(Date.UTC(2024, 11, 31)), "Open"],
];

async function riskLog(): Promise<Uint8Array> {
  return buildXlsx((wb) => {
    const ws = wb.addWorksheet("Risk Log");
    ws.getCell("A1").value = "Programme Risk Log";
    ws.mergeCells("A1:D1");
    ws.getRow(3).values = ["Risk ID", "Title", "Response", "Probability", "Impact", "Date Raised", "Status"];
    ROWS.forEach((r, i) => {
      ws.getRow(4 + i).values = [...r];
      ws.getCell(4 + i, 6).numFmt = "dd/mm/yyyy";
    });
    wb.addWorksheet("Notes").getCell("B2").value = "Scores are 1–5.";
  });
}

function convert(input: string, target: string, outDir: string, stem = "risk-log"): string {
  const profile = mkdtempSync(join(tmpdir(), "pmo-lo-profile-"));
  try {
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        "--headless",
        "--norestore",
        "--nolockcheck",
        "--convert-to",
        target,
        "--outdir",
        outDir,
        input,
      ],
      { env: { ...process.env, HOME: profile }, timeout: 120_000, stdio: "pipe" },
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  const ext = target.split(":")[0];
  const out = join(outDir, `${stem}.${ext}`);
  if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${ext} for ${input}`);
  return out;
}

const cells = (g: Grid) =>
  g.values.map((row) => row.map((v) => (v instanceof Date ? v.toISOString().slice(0, 10) : v)));

describe("file sniffing recognises each format by its bytes", () => {
  it("tells .xlsx, .xls (compound file), .ods, .xlsb and non-workbooks apart", async () => {
    const xlsx = await riskLog();
    expect(spreadsheetFormat(xlsx)).toBe("xlsx");
    expect(spreadsheetFormat(new TextEncoder().encode("a,b\n1,2\n"))).toBe("not-a-workbook");
    const ods = new JSZip();
    ods.file("mimetype", "application/vnd.oasis.opendocument.spreadsheet", { compression: "STORE" });
    ods.file("content.xml", "<x/>");
    expect(spreadsheetFormat(await ods.generateAsync({ type: "uint8array" }))).toBe("ods");
    const xlsb = new JSZip();
    xlsb.file("[Content_Types].xml", "<Types/>");
    xlsb.file("xl/workbook.bin", new Uint8Array([0x83, 0x01, 0x00]));
    expect(spreadsheetFormat(await xlsb.generateAsync({ type: "uint8array" }))).toBe("xlsb");
  });
});

if (!haveSoffice) {
  describe(".xls, .xlsb and .ods through LibreOffice copies", () => {
    it("cannot run: LibreOffice (soffice) is absent", () => {
      console.warn(
        `\n*** ${SOFFICE} NOT FOUND: the .xls/.xlsb/.ods read checks did not run. Install libreoffice. ***\n`,
      );
      expect(haveSoffice).toBe(false);
    });
  });
} else {
  describe(".xls, .xlsb and .ods through LibreOffice copies", () => {
    let dir = "";
    let xlsxPath = "";
    let reference: Grid[] = [];
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), "pmo-formats-"));
      xlsxPath = join(dir, "risk-log.xlsx");
      writeFileSync(xlsxPath, await riskLog());
      reference = (await readWorkbookBytes(readFileSync(xlsxPath), "risk-log.xlsx")).grids;
    });
    afterAll(() => rmSync(dir, { recursive: true, force: true }));

    /** An .xlsb of the same workbook, checked by LibreOffice reading it back to the same cells. */
    async function xlsbCopy(): Promise<string> {
      const book = XLSX.read(readFileSync(xlsxPath), { type: "buffer", cellNF: true });
      const file = join(dir, "risk-log.xlsb");
      writeFileSync(file, XLSX.write(book, { bookType: "xlsb", type: "buffer" }) as Buffer);
      const back = convert(file, "xlsx", join(dir, "back"));
      const again = (await readWorkbookBytes(readFileSync(back), "risk-log.xlsx")).grids;
      expect(cells(again[0])).toEqual(cells(reference[0]));
      return file;
    }

    it.each([
      ["xls", "xls:MS Excel 97"],
      ["xlsb", null],
      ["ods", "ods"],
    ])("reads the .%s copy into the same grids as the .xlsx", async (ext, target) => {
      const file = target === null ? await xlsbCopy() : convert(xlsxPath, target, dir);
      const bytes = new Uint8Array(readFileSync(file));
      expect(spreadsheetFormat(bytes)).toBe(ext);
      const read = await readWorkbookBytes(bytes, `risk-log.${ext}`);
      expect(read.problems.filter((p) => p.severity === "error")).toEqual([]);
      expect(read.grids.map((g) => g.sheet)).toEqual(["Risk Log", "Notes"]);
      const [log] = read.grids;
      expect(log.origin).toEqual(reference[0].origin);
      expect(cells(log)).toEqual(cells(reference[0]));
      expect(log.values[3][5]).toEqual(new Date(Date.UTC(2025, 1, 3)));
      expect(log.merges).toEqual([{ top: 0, left: 0, bottom: 0, right: 3 }]);
      const risks = ingestGrids(read.grids).register.entities.Risks;
      expect(risks.map((r) => r.id)).toEqual(["R-001", "R-002", "R-003"]);
      expect(risks[2].values.Title).toBe("Key engineer leaves — £ cost");
    });

    it("builds a register from the .ods and .xls copies through the pipeline (the Risks sheet holds each risk once)", async () => {
      const files = ["ods", "xls"].map((ext) => ({
        name: `risk-log.${ext}`,
        bytes: new Uint8Array(readFileSync(join(dir, `risk-log.${ext}`))),
      }));
      const { outcome, bytes } = await buildRegisterFromFiles(xlsxFileHost, files);
      expect(outcome.inputs.map((i) => [i.file, i.status, i.sheets.find((s) => s.entity)?.entity])).toEqual([
        ["risk-log.ods", "read", "Risks"],
        ["risk-log.xls", "read", "Risks"],
      ]);
      const register = await readWorkbookBytes(bytes, "register.xlsx");
      const risks = register.grids.find((g) => g.sheet === "Risks")!;
      expect(risks.values.slice(1).map((r) => r[0])).toEqual(["R-001", "R-002", "R-003"]);
    });
  });
}

describe("an Excel-written table with hidden filter buttons (exceljs issue #1240)", () => {
  /** Excel keeps a filterColumn per hidden button; one beyond the table's columns trips exceljs. */
  async function hiddenButtons(): Promise<Uint8Array> {
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Risks");
      ws.addTable({
        name: "tblRisks",
        ref: "A1",
        headerRow: true,
        columns: [{ name: "Risk ID" }, { name: "Title" }, { name: "Probability" }, { name: "Impact" }],
        rows: ROWS.map((r) => [r[0], r[1], r[3], r[4]]),
      });
    });
    const zip = await JSZip.loadAsync(bytes);
    const part = Object.keys(zip.files).find((p) => /^xl\/tables\/[^/]+\.xml$/.test(p))!;
    const xml = await zip.file(part)!.async("string");
    const buttons = [0, 1, 2, 3, 4].map((i) => `<filterColumn colId="${i}" hiddenButton="1"/>`).join("");
    zip.file(
      part,
      xml.replace(/<autoFilter ref="([^"]+)">[\s\S]*?<\/autoFilter>/, `<autoFilter ref="$1">${buttons}</autoFilter>`),
    );
    return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
  }

  it("fails in exceljs itself, and reads here with its table", async () => {
    const bytes = await hiddenButtons();
    await expect(loadWithExcelJs(bytes)).rejects.toThrow(/filterButton/);
    const read = await readWorkbookBytes(bytes, "Risk Register.xlsx");
    expect(read.problems).toEqual([]);
    expect(read.grids).toHaveLength(1);
    expect(read.grids[0].tables).toEqual([{ name: "tblRisks", range: { top: 0, left: 0, bottom: 3, right: 3 } }]);
    const risks = ingestGrids(read.grids).register.entities.Risks;
    expect(risks.map((r) => [r.id, r.values.Probability, r.values.Impact])).toEqual([
      ["R-001", 4, 5],
      ["R-002", 3, 3],
      ["R-003", 2, 4],
    ]);
  });
});

describe("dropdowns Excel saved under x14:dataValidations", () => {
  it("read as plain cells (the extension list is not needed to read values)", async () => {
    const bytes = await buildXlsx((wb) => {
      const ws = wb.addWorksheet("Risks");
      ws.getRow(1).values = ["Risk ID", "Title", "Status"];
      ws.getRow(2).values = ["R-1", "Late supplier", "Open"];
      wb.addWorksheet("Lists").getColumn(1).values = ["Open", "Closed", "Escalated"];
    });
    const zip = await JSZip.loadAsync(bytes);
    const x14 =
      '<extLst><ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
      '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">' +
      "<x14:formula1><xm:f>Lists!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>C2:C1048576</xm:sqref>" +
      "</x14:dataValidation></x14:dataValidations></ext></extLst>";
    const sheet = await zip.file("xl/worksheets/sheet1.xml")!.async("string");
    expect(sheet).toContain("</worksheet>");
    zip.file("xl/worksheets/sheet1.xml", sheet.replace("</worksheet>", `${x14}</worksheet>`));
    const withDropdowns = await zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
    const read = await readWorkbookBytes(withDropdowns, "RAID.xlsx");
    expect(read.problems).toEqual([]);
    expect(read.grids[0].values).toEqual([
      ["Risk ID", "Title", "Status"],
      ["R-1", "Late supplier", "Open"],
    ]);
    const risks = ingestGrids(read.grids).register.entities.Risks;
    expect(risks.map((r) => [r.id, r.values.Status])).toEqual([["R-1", "Open"]]);
  });
});
