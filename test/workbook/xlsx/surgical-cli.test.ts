import { promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import JSZip from "jszip";
import { pmo } from "../../cli/run-pmo";
import { readRels, readSheetCatalog, relsPathOf, resolvePartPath } from "../../../src/workbook/xlsx/sheet-catalog";
import { inspectPackage } from "./package-checks";
import { convert, haveSoffice, sheetEntries, sheetsChanged, SOFFICE } from "./surgical-checks";
import { changedEntries, SHARED_PARTS, userWorkbook, USER_DROPDOWNS, USER_SHEETS, zipEntries } from "./user-workbooks";

/**
 * The commands that write into an existing workbook, run in-process as a user would, one after the
 * other on a workbook the user made (and on a register LibreOffice re-saved): after each, every zip
 * entry the product does not own is byte-identical to the user's file (uncompressed bytes), the owned
 * sheets a command did not rewrite are byte-identical to its input, the product's own charts, links
 * and dropdowns are all there, and LibreOffice opens the output.
 */

if (!haveSoffice) console.warn(`SKIPPED: LibreOffice (${SOFFICE}) is absent; the LibreOffice checks did not run.`);

async function sheetXml(bytes: Uint8Array, name: string): Promise<string> {
  const zip = await JSZip.loadAsync(bytes);
  const sheet = (await readSheetCatalog(zip)).sheets.find((s) => s.name === name);
  if (!sheet?.path) throw new Error(`no sheet ${name}`);
  return zip.file(sheet.path)!.async("string");
}

interface Cells {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

function colNumber(letters: string): number {
  return [...letters].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

function area(ref: string): Cells {
  const [a, b = a] = ref.split(":");
  const p = /^([A-Z]+)(\d+)$/.exec(a.replace(/\$/g, ""))!;
  const q = /^([A-Z]+)(\d+)$/.exec(b.replace(/\$/g, ""))!;
  return { top: Number(p[2]), left: colNumber(p[1]), bottom: Number(q[2]), right: colNumber(q[1]) };
}

/** Pairs of data-validation areas that overlap on one sheet (Excel refuses the sheet's validations). */
function overlappingValidations(xml: string): string[] {
  const areas = [...xml.matchAll(/<dataValidation\b[^>]*\bsqref="([^"]+)"/g)].flatMap((m) => m[1].split(/\s+/));
  const out: string[] = [];
  areas.forEach((a, i) =>
    areas.slice(i + 1).forEach((b) => {
      const x = area(a);
      const y = area(b);
      if (x.left <= y.right && y.left <= x.right && x.top <= y.bottom && y.top <= x.bottom) out.push(`${a}~${b}`);
    }),
  );
  return out;
}

/** What the product itself put in a register, counted from the package. */
async function productContent(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const catalog = await readSheetCatalog(zip);
  const result = {
    findingsLinks: 0,
    dropdowns: 0,
    selectionCharts: 0,
    overlaps: [] as string[],
    duplicatePriorities: [] as string[],
  };
  for (const sheet of catalog.sheets) {
    if (!sheet.path || USER_SHEETS.includes(sheet.name)) continue;
    const xml = await zip.file(sheet.path)!.async("string");
    result.dropdowns += (xml.match(/<dataValidation\b/g) ?? []).length;
    if (sheet.name === "Findings") result.findingsLinks = (xml.match(/<hyperlink\b[^>]*\blocation=/g) ?? []).length;
    result.overlaps.push(...overlappingValidations(xml).map((o) => `${sheet.name}: ${o}`));
    const priorities = [...xml.matchAll(/<cfRule\b[^>]*\bpriority="(\d+)"/g)].map((m) => m[1]);
    if (new Set(priorities).size !== priorities.length) result.duplicatePriorities.push(sheet.name);
    if (sheet.name === "Selection") {
      for (const rel of await readRels(zip, relsPathOf(sheet.path))) {
        if (!rel.type.endsWith("/drawing")) continue;
        const drawing = resolvePartPath(sheet.path, rel.target);
        result.selectionCharts = (await readRels(zip, relsPathOf(drawing))).filter((r) =>
          r.type.endsWith("/chart"),
        ).length;
      }
    }
  }
  return result;
}

describe("surgical writes through the CLI", () => {
  let dir: string;
  let inputs: string;
  let userFile: string;
  let user: Map<string, Buffer>;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-surgical-"));
    inputs = path.join(dir, "in");
    const sample = await pmo("sample", inputs, "--seed", "7", "--projects", "20", "--json", "-q");
    expect(sample.code).toBe(0);
    userFile = path.join(dir, "tracker.xlsx");
    const bytes = await userWorkbook();
    await fs.writeFile(userFile, bytes);
    user = await zipEntries(bytes);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  test("build --into then every -o command, twice round: the user's entries never change", async () => {
    const steps: { label: string; args: (input: string, output: string) => string[]; rewrites?: string[] }[] = [
      { label: "build --into", args: (input, output) => ["build", inputs, "--into", input, "-o", output] },
      { label: "validate -o", args: (input, output) => ["validate", input, "-o", output] },
      { label: "analyse -o", args: (input, output) => ["analyse", input, "-o", output] },
      { label: "capacity -o", args: (input, output) => ["capacity", input, "-o", output] },
      { label: "prioritise -o", args: (input, output) => ["prioritise", input, "--select", "-o", output] },
      { label: "validate -o (again)", args: (input, output) => ["validate", input, "-o", output] },
      { label: "analyse -o (again)", args: (input, output) => ["analyse", input, "-o", output] },
      { label: "capacity -o (again)", args: (input, output) => ["capacity", input, "-o", output] },
      { label: "prioritise -o (again)", args: (input, output) => ["prioritise", input, "--select", "-o", output] },
    ];
    let input = userFile;
    let previous = await fs.readFile(userFile);
    const outputs: string[] = [];
    const content: Awaited<ReturnType<typeof productContent>>[] = [];
    for (const [i, step] of steps.entries()) {
      const output = path.join(dir, `step${i + 1}.xlsx`);
      const r = await pmo(...step.args(input, output), "--json", "-q");
      expect({ step: step.label, code: r.code, stderr: r.stderr }).toEqual({
        step: step.label,
        code: expect.any(Number),
        stderr: expect.not.stringMatching(/TypeError|reading '/),
      });
      expect([0, 1]).toContain(r.code); // 1: validate found errors in the sample (by design)
      const bytes = new Uint8Array(await fs.readFile(output));
      const after = await zipEntries(bytes);
      // 1. The user's own entries, against the file the user made.
      expect({ step: step.label, changed: changedEntries(user, after, SHARED_PARTS) }).toEqual({
        step: step.label,
        changed: [],
      });
      // 2. Against this step's input: only the sheets the step wrote (and the shared parts) changed.
      const diff = await sheetsChanged(previous, bytes);
      expect(diff.rewritten.filter((n) => USER_SHEETS.includes(n))).toEqual([]);
      expect({ step: step.label, outside: diff.outside }).toEqual({ step: step.label, outside: [] });
      expect({ step: step.label, problems: (await inspectPackage(bytes)).problems }).toEqual({
        step: step.label,
        problems: [],
      });
      const c = await productContent(bytes);
      expect({ step: step.label, overlaps: c.overlaps, duplicatePriorities: c.duplicatePriorities }).toEqual({
        step: step.label,
        overlaps: [],
        duplicatePriorities: [],
      });
      // The user's dropdowns, both forms, are still on their sheet.
      const analysis = await sheetXml(bytes, "My Analysis");
      expect((analysis.match(/<dataValidation\b/g) ?? []).length).toBe(USER_DROPDOWNS.classic);
      expect((analysis.match(/<x14:dataValidation\b/g) ?? []).length).toBe(USER_DROPDOWNS.x14);
      content.push(c);
      outputs.push(output);
      previous = Buffer.from(bytes);
      input = output;
    }
    // The product's own content: dropdowns from the first build on, Findings links from the first
    // validate on (kept by analyse, capacity and prioritise, which do not rewrite Findings), the
    // frontier chart from the first prioritise on (kept by the second validate, analyse, capacity).
    expect(content.every((c) => c.dropdowns > 0)).toBe(true);
    const links = content.slice(1).map((c) => c.findingsLinks);
    expect(links[0]).toBeGreaterThan(0);
    expect(new Set(links).size).toBe(1);
    expect(content.slice(4).map((c) => c.selectionCharts)).toEqual([1, 1, 1, 1, 1]);

    // summary -o writes a new workbook and leaves the register alone.
    const last = outputs.at(-1)!;
    const registerBefore = await fs.readFile(last);
    const summaryPath = path.join(dir, "summary.xlsx");
    const summary = await pmo("summary", last, "-o", summaryPath, "--no-select", "--json", "-q");
    expect(summary.code).toBe(0);
    expect((await fs.readFile(last)).equals(registerBefore)).toBe(true);
    outputs.push(summaryPath);

    if (haveSoffice) {
      const csv = await convert(outputs, "csv", path.join(dir, "csv"));
      // LibreOffice's CSV is the first sheet: in the registers, the user's "My Analysis" with its figures.
      for (const file of csv.slice(0, -1))
        expect(await fs.readFile(file, "utf8")).toMatch(/^Month,Cost,Benefit,Approved/);
    }
  }, 600_000);

  (haveSoffice ? test : test.skip)(
    "a register LibreOffice re-saved (tables without tableStyleInfo) takes build --into and -o",
    async () => {
      const register = path.join(dir, "lo-register.xlsx");
      expect((await pmo("build", inputs, "-o", register, "-q")).code).toBe(0);
      const [resaved] = await convert([register], "xlsx", path.join(dir, "lo"));
      const tables = (await JSZip.loadAsync(await fs.readFile(resaved))).file(/^xl\/tables\/.+\.xml$/);
      expect(tables.length).toBeGreaterThan(0);
      expect(tables.every((t) => t.name.length > 0)).toBe(true);
      const tableXml = await Promise.all(tables.map((t) => t.async("string")));
      expect(tableXml.filter((x) => x.includes("<tableStyleInfo")).length).toBe(0); // the shape that crashed
      // validate -o on the re-saved register itself: before the splice, exceljs re-saved its tables
      // and failed with "Cannot read properties of null (reading 'theme')".
      const direct = path.join(dir, "lo-direct.xlsx");
      const v = await pmo("validate", resaved, "-o", direct, "-q");
      expect([0, 1]).toContain(v.code);
      expect(v.stderr).not.toMatch(/theme|TypeError|reading '/);
      const diff = await sheetsChanged(await fs.readFile(resaved), await fs.readFile(direct));
      expect(diff).toEqual({
        rewritten: ["PMO Settings", "Findings"].filter((n) => diff.rewritten.includes(n)),
        outside: [],
      });
      expect((await sheetEntries(await fs.readFile(direct))).has("Findings")).toBe(true);
      const built = path.join(dir, "lo-built.xlsx");
      const r = await pmo("build", inputs, "--into", resaved, "-o", built, "--json", "-q");
      expect(r.code).toBe(0);
      expect(r.stderr).not.toMatch(/theme|TypeError|reading '/);
      const validated = path.join(dir, "lo-validated.xlsx");
      expect([0, 1]).toContain((await pmo("validate", built, "-o", validated, "-q")).code);
      // Everything LibreOffice wrote that is not ours is kept as it wrote it.
      const lo = await zipEntries(new Uint8Array(await fs.readFile(resaved)));
      const out = await zipEntries(new Uint8Array(await fs.readFile(validated)));
      const loSheets = await sheetEntries(new Uint8Array(await fs.readFile(resaved)));
      const ours = new Set([...loSheets.values()].flatMap((s) => [...s]));
      expect(changedEntries(lo, out, new Set([...SHARED_PARTS, ...ours]))).toEqual([]);
      expect((await inspectPackage(new Uint8Array(await fs.readFile(validated)))).problems).toEqual([]);
      await expect(convert([direct, built, validated], "csv", path.join(dir, "lo-csv"))).resolves.toHaveLength(3);
    },
    600_000,
  );
});
