import { buildRegisterFromFiles, buildRegisterInWorkbook, type InputFile } from "../../src/pipeline/steps/build";
import { previewWorkbook } from "../../src/pipeline/preview-mapping";
import type { FileHost, FileWorkbook } from "../../src/workbook/port";
import type { ReadResult } from "../../src/workbook/grid";
import { OfficeWorkbook } from "../../src/workbook/office/office-workbook";
import { xlsxFileHost } from "../../src/workbook/xlsx/file-host";
import { createExcelFake } from "../fakes/excel-fake";

/**
 * The pipeline reaches files only through the FileHost it is handed (docs/architecture.md, "The file
 * host"): whatever host a front end passes reads every file and holds the register, and files
 * handed without a host are refused with a message naming them, before anything is written.
 */

const GENERATED_AT = "2026-11-01T00:00:00.000Z";
const TRACKER: InputFile = {
  name: "tracker.csv",
  bytes: new TextEncoder().encode(
    ["Project Ref,Project Name,Budget", "PRJ-001,Customer portal,250000", "PRJ-002,Data centre exit,1200000"].join(
      "\n",
    ),
  ),
};

/** xlsxFileHost, recording what the pipeline asked of it. */
function recordingHost(): { host: FileHost; calls: string[] } {
  const calls: string[] = [];
  const host: FileHost = {
    async readFile(name, bytes, options): Promise<ReadResult> {
      calls.push(`readFile ${name}${options?.sheets ? ` [${options.sheets.join(",")}]` : ""}`);
      return xlsxFileHost.readFile(name, bytes, options);
    },
    async openWorkbook(name, bytes): Promise<FileWorkbook> {
      calls.push(`openWorkbook ${name}`);
      return xlsxFileHost.openWorkbook(name, bytes);
    },
    async newWorkbook(label): Promise<FileWorkbook> {
      calls.push(`newWorkbook ${label}`);
      return xlsxFileHost.newWorkbook(label);
    },
  };
  return { host, calls };
}

describe("the pipeline's FileHost", () => {
  it("buildRegisterFromFiles reads each file and makes the register through the host it is given", async () => {
    const { host, calls } = recordingHost();
    const first = await buildRegisterFromFiles(host, [TRACKER], { generatedAt: GENERATED_AT });
    expect(first.outcome.register.Projects).toBe(2);
    expect(calls).toEqual(["newWorkbook register.xlsx", "readFile tracker.csv"]);

    // Next month, into the register just written: the host opens it rather than starting a new one.
    calls.length = 0;
    const into = { name: "register.xlsx", bytes: first.bytes };
    const next = await buildRegisterFromFiles(host, [TRACKER], { into, generatedAt: GENERATED_AT });
    expect(next.outcome.register.Projects).toBe(2);
    expect(calls).toEqual(["openWorkbook register.xlsx", "readFile tracker.csv"]);
    const reread = await xlsxFileHost.openWorkbook("register.xlsx", next.bytes);
    expect((await reread.read()).grids.map((g) => g.sheet)).toContain("Projects");
  });

  it("files added in Excel without a host are refused by name, and nothing is written to the workbook", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("Tracker", [
      ["Project Ref", "Project Name"],
      ["PRJ-009", "Warehouse move"],
    ]);
    const port = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "this workbook" });
    await expect(buildRegisterInWorkbook(port, { extraFiles: [TRACKER], generatedAt: GENERATED_AT })).rejects.toThrow(
      "1 file(s) (tracker.csv) were given without a file host to read them; the front end must pass one (xlsxFileHost).",
    );
    await expect(previewWorkbook(port, { extraFiles: [TRACKER] })).rejects.toThrow(/tracker\.csv\) were given without/);
    const after = await port.read();
    expect(after.grids.map((g) => g.sheet)).toEqual(["Tracker"]);
  });

  it("a build from the workbook's own sheets needs no host", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("Tracker", [
      ["Project Ref", "Project Name"],
      ["PRJ-009", "Warehouse move"],
    ]);
    const port = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "this workbook" });
    const outcome = await buildRegisterInWorkbook(port, { generatedAt: GENERATED_AT });
    expect(outcome.register.Projects).toBe(1);
  });
});
