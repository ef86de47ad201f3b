import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { pmo } from "./run-pmo";
import { inspectPackage } from "../workbook/xlsx/package-checks";
import { convert, haveSoffice, sheetsChanged, SOFFICE } from "../workbook/xlsx/surgical-checks";
import { changedEntries, SHARED_PARTS, userWorkbook, zipEntries } from "../workbook/xlsx/user-workbooks";

/**
 * A PMO whose workbook is an .xlsm, through the CLI as a user runs it: the register is built into
 * the macro-enabled workbook and every analysis writes an .xlsm from it; the VBA project and every
 * other entry the product does not own keep their bytes, the package stays macro-enabled, and
 * LibreOffice opens each output. An -o whose extension does not fit the package written (which
 * Excel would refuse, or which would drop the macros) is refused with a sentence and exit 2.
 */

if (!haveSoffice) console.warn(`SKIPPED: LibreOffice (${SOFFICE}) is absent; the LibreOffice checks did not run.`);

const MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";

/** The content type [Content_Types].xml gives xl/workbook.xml, read here independently of the product's check. */
async function workbookContentType(file: string): Promise<string | undefined> {
  const zip = await JSZip.loadAsync(await fs.readFile(file));
  const types = await zip.file("[Content_Types].xml")!.async("string");
  const override = [...types.matchAll(/<Override\b[^>]*>/g)]
    .map((m) => m[0])
    .find((tag) => /PartName="\/xl\/workbook\.xml"/.test(tag));
  return override ? /ContentType="([^"]+)"/.exec(override)?.[1] : undefined;
}

describe("macro-enabled registers (.xlsm) through the CLI", () => {
  let dir: string;
  let inputs: string;
  let macroFile: string;
  let user: Map<string, Buffer>;
  let plainRegister: string;
  /** The register built into the .xlsm (step 1's output), once the chain has run. */
  let macroRegister: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-xlsm-"));
    inputs = path.join(dir, "in");
    expect((await pmo("sample", inputs, "--seed", "7", "--projects", "20", "--json", "-q")).code).toBe(0);
    macroFile = path.join(dir, "Portfolio.xlsm");
    const bytes = await userWorkbook({ macros: true });
    await fs.writeFile(macroFile, bytes);
    user = await zipEntries(bytes);
    plainRegister = path.join(dir, "plain.xlsx");
    expect((await pmo("build", inputs, "-o", plainRegister, "-q")).code).toBe(0);
  }, 300_000);

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("build --into X.xlsm, then validate, analyse, capacity and prioritise -o .xlsm: macros and the user's entries kept", async () => {
    expect(user.has("xl/vbaProject.bin")).toBe(true);
    expect(await workbookContentType(macroFile)).toBe(MACRO_WORKBOOK);
    const steps: { label: string; args: (input: string, output: string) => string[] }[] = [
      { label: "build --into", args: (input, output) => ["build", inputs, "--into", input, "-o", output] },
      { label: "validate -o", args: (input, output) => ["validate", input, "-o", output] },
      { label: "analyse -o", args: (input, output) => ["analyse", input, "-o", output] },
      { label: "capacity -o", args: (input, output) => ["capacity", input, "-o", output] },
      { label: "prioritise --select -o", args: (input, output) => ["prioritise", input, "--select", "-o", output] },
    ];
    let input = macroFile;
    const outputs: string[] = [];
    for (const [i, step] of steps.entries()) {
      const output = path.join(dir, `step${i + 1}.xlsm`);
      const r = await pmo(...step.args(input, output), "--json", "-q");
      expect({ step: step.label, stderr: r.stderr }).toEqual({
        step: step.label,
        stderr: expect.not.stringMatching(/error:|TypeError|reading '/),
      });
      expect([0, 1]).toContain(r.code); // 1: validate found errors in the sample (by design)
      const bytes = new Uint8Array(await fs.readFile(output));
      const after = await zipEntries(bytes);
      // Every entry the product does not own, against the file the user made: the VBA project included.
      expect({ step: step.label, changed: changedEntries(user, after, SHARED_PARTS) }).toEqual({
        step: step.label,
        changed: [],
      });
      expect(after.get("xl/vbaProject.bin")!.equals(user.get("xl/vbaProject.bin")!)).toBe(true);
      // Against this step's input, nothing outside the sheets it wrote changed.
      const diff = await sheetsChanged(await fs.readFile(input), bytes);
      expect({ step: step.label, outside: diff.outside }).toEqual({ step: step.label, outside: [] });
      expect({ step: step.label, type: await workbookContentType(output) }).toEqual({
        step: step.label,
        type: MACRO_WORKBOOK,
      });
      expect({ step: step.label, problems: (await inspectPackage(bytes)).problems }).toEqual({
        step: step.label,
        problems: [],
      });
      outputs.push(output);
      input = output;
    }
    macroRegister = outputs[0];
    // The product's sheets are there: the register from the build, Findings, the analyses, the frontier chart.
    const last = await JSZip.loadAsync(await fs.readFile(outputs.at(-1)!));
    const workbookXml = await last.file("xl/workbook.xml")!.async("string");
    for (const sheet of ["Projects", "Findings", "Schedule", "Capacity", "Prioritisation", "Selection"])
      expect(workbookXml).toContain(`name="${sheet}"`);
    if (haveSoffice) {
      const csv = await convert(outputs, "csv", path.join(dir, "csv"));
      // LibreOffice's CSV is the first sheet: the user's "My Analysis" with its figures.
      for (const file of csv) expect(await fs.readFile(file, "utf8")).toMatch(/^Month,Cost,Benefit,Approved/);
    }
  }, 600_000);

  test("build --into reg.xlsm -o reg.xlsm replaces the workbook with itself plus the register, macros kept", async () => {
    const register = path.join(dir, "reg.xlsm");
    await fs.copyFile(macroFile, register);
    const r = await pmo("build", inputs, "--into", register, "-o", register, "--json", "-q");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
    expect(JSON.parse(r.stdout).register.Projects).toBe(20);
    const after = await zipEntries(new Uint8Array(await fs.readFile(register)));
    expect(changedEntries(user, after, SHARED_PARTS)).toEqual([]);
    expect(after.get("xl/vbaProject.bin")!.equals(user.get("xl/vbaProject.bin")!)).toBe(true);
    expect(await workbookContentType(register)).toBe(MACRO_WORKBOOK);
  }, 300_000);

  /** Runs a command that must be refused: exit 2, exactly `message` on stderr, and no file at `output`. */
  async function refused(args: string[], output: string, message: string): Promise<void> {
    const r = await pmo(...args, "-q");
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 2, stderr: `error: ${message}\n` });
    expect(existsSync(output)).toBe(false);
  }

  test("a new register is never an .xlsm", async () => {
    const output = path.join(dir, "new.xlsm");
    await refused(
      ["build", inputs, "-o", output],
      output,
      `--output ${output}: a new register has no macros, and Excel opens an .xlsm only if it is macro-enabled. ` +
        `Name it ${path.join(dir, "new.xlsx")}, or add --into with your macro-enabled workbook to write the register into it.`,
    );
  });

  test("build --into an .xlsx cannot write an .xlsm; build --into an .xlsm cannot write an .xlsx", async () => {
    const xlsm = path.join(dir, "into-plain.xlsm");
    await refused(
      ["build", inputs, "--into", plainRegister, "-o", xlsm],
      xlsm,
      `--output ${xlsm}: ${plainRegister} is not a macro-enabled workbook, and Excel opens an .xlsm only if it is. ` +
        `Name the output ${path.join(dir, "into-plain.xlsx")}.`,
    );
    const xlsx = path.join(dir, "into-macro.xlsx");
    await refused(
      ["build", inputs, "--into", macroFile, "-o", xlsx],
      xlsx,
      `--output ${xlsx} would drop the macros of ${macroFile}: it is a macro-enabled workbook, and an .xlsx cannot ` +
        `hold its VBA project. Name the output ${path.join(dir, "into-macro.xlsm")} to keep them.`,
    );
  });

  test("an analysis -o takes the extension of the register's package", async () => {
    const xlsm = path.join(dir, "validated.xlsm");
    await refused(
      ["validate", plainRegister, "-o", xlsm],
      xlsm,
      `-o ${xlsm}: ${plainRegister} is not a macro-enabled workbook, and Excel opens an .xlsm only if it is. ` +
        `Name the output ${path.join(dir, "validated.xlsx")}.`,
    );
    // From the .xlsm register (or the user's .xlsm itself, if the chain above did not run).
    const source = macroRegister ?? macroFile;
    for (const command of [["analyse"], ["capacity"], ["prioritise", "--select"], ["validate"]]) {
      const xlsx = path.join(dir, `${command[0]}.xlsx`);
      await refused(
        [command[0], source, ...command.slice(1), "-o", xlsx],
        xlsx,
        `-o ${xlsx} would drop the macros of ${source}: it is a macro-enabled workbook, and an .xlsx cannot hold ` +
          `its VBA project. Name the output ${path.join(dir, `${command[0]}.xlsm`)} to keep them.`,
      );
    }
    const csv = path.join(dir, "out.csv");
    await refused(
      ["analyse", source, "-o", csv],
      csv,
      `-o must name an .xlsx file, or an .xlsm for a macro-enabled register (got "${csv}").`,
    );
  });

  test("the package decides, not the name: an .xlsx renamed .xlsm is an ordinary workbook", async () => {
    const renamed = path.join(dir, "renamed.xlsm");
    await fs.copyFile(plainRegister, renamed);
    const xlsm = path.join(dir, "renamed-out.xlsm");
    await refused(
      ["validate", renamed, "-o", xlsm],
      xlsm,
      `-o ${xlsm}: ${renamed} is not a macro-enabled workbook (its name ends .xlsm, but its package is an ordinary ` +
        `workbook's), and Excel opens an .xlsm only if it is. Name the output ${path.join(dir, "renamed-out.xlsx")}.`,
    );
    // Read as the register it is, and written as an .xlsx.
    const xlsx = path.join(dir, "renamed-out.xlsx");
    expect([0, 1]).toContain((await pmo("validate", renamed, "-o", xlsx, "-q")).code);
    expect(await workbookContentType(xlsx)).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    );
  });

  test("an .xlsm tracker in an input folder is read like the .xlsx it was", async () => {
    // The sample's tracker made macro-enabled (its workbook content type), and named .xlsm.
    const folder = path.join(dir, "in-xlsm");
    await fs.cp(inputs, folder, { recursive: true });
    const tracker = path.join(folder, "Portfolio Tracker.xlsx");
    const zip = await JSZip.loadAsync(await fs.readFile(tracker));
    const types = await zip.file("[Content_Types].xml")!.async("string");
    const macroTypes = types.replace(/(PartName="\/xl\/workbook\.xml" ContentType=")[^"]+"/, `$1${MACRO_WORKBOOK}"`);
    expect(macroTypes).not.toBe(types);
    zip.file("[Content_Types].xml", macroTypes);
    await fs.writeFile(path.join(folder, "Portfolio Tracker.xlsm"), await zip.generateAsync({ type: "uint8array" }));
    await fs.rm(tracker);
    expect(await workbookContentType(path.join(folder, "Portfolio Tracker.xlsm"))).toBe(MACRO_WORKBOOK);
    const fromXlsx = await pmo("build", inputs, "-o", path.join(dir, "from-xlsx.xlsx"), "--json", "-q");
    const fromXlsm = await pmo("build", folder, "-o", path.join(dir, "from-xlsm.xlsx"), "--json", "-q");
    expect(fromXlsm.code).toBe(fromXlsx.code);
    const a = JSON.parse(fromXlsx.stdout);
    const b = JSON.parse(fromXlsm.stdout);
    const trackerInput = b.inputs.find((i: { file: string }) => i.file === "Portfolio Tracker.xlsm");
    expect(trackerInput).toMatchObject({ status: "read" });
    expect(trackerInput.sheets).toEqual(
      a.inputs.find((i: { file: string }) => i.file === "Portfolio Tracker.xlsx").sheets,
    );
    expect(b.register).toEqual(a.register);
    expect(b.register.Projects).toBe(20);
  }, 300_000);

  test("summary -o is a new workbook: .xlsx from an .xlsm register, never .xlsm", async () => {
    const source = macroRegister ?? macroFile;
    const xlsm = path.join(dir, "summary.xlsm");
    await refused(
      ["summary", source, "-o", xlsm, "--no-select"],
      xlsm,
      `-o ${xlsm}: the summary is a new workbook with no macros, and Excel opens an .xlsm only if it is macro-enabled. ` +
        `Name it ${path.join(dir, "summary.xlsx")}.`,
    );
    if (!macroRegister) throw new Error("the build --into test above did not leave a register");
    const xlsx = path.join(dir, "summary.xlsx");
    const r = await pmo("summary", macroRegister, "-o", xlsx, "--no-select", "-q");
    expect(r.code).toBe(0);
    expect(await workbookContentType(xlsx)).toBe(
      "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    );
  }, 300_000);
});
