import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import JSZip from "jszip";
import * as os from "os";
import * as path from "path";
import { lockPathOf } from "../../src/cli/file-guards";
import { pmo } from "./run-pmo";

/**
 * The user's files are never lost to a pmo write (issue 15, items 3, 4 and 6), driven through the
 * command line as a user would: an output naming an input (by path, symlink or hard link) is refused
 * with exit 2 and the input is byte-identical afterwards; a lock held by another run makes a write
 * wait and then fail saying why; `pmo sample` will not write into a folder of the user's own files;
 * an unreadable input is reported by name while the others are read; file errors are sentences.
 */
describe("pmo never overwrites what it reads", () => {
  let dir: string;
  let inputs: string;
  let register: string;
  let tracker: string;
  let trackerBytes: Buffer;
  let registerBytes: Buffer;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-sacred-"));
    inputs = path.join(dir, "in");
    register = path.join(dir, "register.xlsx");
    expect((await pmo("sample", inputs, "--seed", "3", "--projects", "12", "-q")).code).toBe(0);
    expect((await pmo("build", inputs, "-o", register, "-q")).code).toBe(0);
    tracker = path.join(inputs, "Portfolio Tracker.xlsx");
    trackerBytes = await fs.readFile(tracker);
    registerBytes = await fs.readFile(register);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  afterEach(async () => {
    // Every case leaves the user's tracker and the register exactly as they were.
    expect((await fs.readFile(tracker)).equals(trackerBytes)).toBe(true);
    expect((await fs.readFile(register)).equals(registerBytes)).toBe(true);
  });

  it("build tracker.xlsx -o tracker.xlsx is refused with exit 2, naming both paths", async () => {
    const r = await pmo("build", tracker, "-o", tracker, "-q");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --output ${tracker} is the same file as the input ${tracker}; pmo never writes over what it reads. Choose another output file name.\n`,
    );
  });

  it("build folder -o folder/<the user's tracker> is refused: an output inside the input folder is replaced only when pmo wrote it", async () => {
    const r = await pmo("build", inputs, "-o", tracker, "-q");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(
      `error: --output ${tracker} is one of the files in the input folder and pmo did not write it; writing there would replace it. Choose another output name or folder.\n`,
    );
    // pmo's own earlier register in the folder is left out of the inputs and replaced, as before.
    const own = path.join(inputs, "register.xlsx");
    await fs.copyFile(register, own);
    try {
      expect((await pmo("build", inputs, "-o", own, "-q")).code).toBe(0);
      const run = await pmo("run", inputs, "-o", inputs, "-q", "--no-select");
      expect(run.code).toBeLessThanOrEqual(1);
      expect((await pmo("run", inputs, "-o", inputs, "-q", "--no-select")).code).toBeLessThanOrEqual(1);
    } finally {
      await fs.rm(own, { force: true });
      await fs.rm(path.join(inputs, "summary.xlsx"), { force: true });
    }
  });

  it("build into a symlink or a hard link to one of the folder's inputs is refused", async () => {
    const link = path.join(dir, "link.xlsx");
    const hard = path.join(dir, "hard.xlsx");
    await fs.symlink(tracker, link);
    await fs.link(tracker, hard);
    try {
      for (const out of [link, hard]) {
        const r = await pmo("build", inputs, "-o", out, "-q");
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(`--output ${out} is the same file as the input ${tracker}`);
      }
    } finally {
      await fs.rm(link);
      await fs.rm(hard);
    }
  });

  it("every analysis -o that resolves to the register is refused, symlinks and hard links included", async () => {
    const link = path.join(dir, "register-link.xlsx");
    const hard = path.join(dir, "register-hard.xlsx");
    await fs.symlink(register, link);
    await fs.link(register, hard);
    try {
      const commands = [
        ["validate", register, "-o", link],
        ["analyse", register, "-o", hard],
        ["capacity", register, "-o", link],
        ["prioritise", register, "-o", hard],
        ["summary", register, "-o", link, "--no-select"],
      ];
      for (const args of commands) {
        const r = await pmo(...args, "-q");
        expect([args[0], r.code]).toEqual([args[0], 2]);
        expect(r.stderr).toContain(`-o ${args[3]} is the same file as the input ${register}`);
      }
    } finally {
      await fs.rm(link);
      await fs.rm(hard);
    }
  });

  it("run -o into the input folder never makes register.xlsx out of an input that is a link to the tracker", async () => {
    const out = path.join(dir, "run-out");
    await fs.mkdir(out);
    await fs.symlink(tracker, path.join(out, "register.xlsx"));
    const r = await pmo("run", inputs, "-o", out, "--no-select", "-q");
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`is the same file as the input ${tracker}`);
  });

  it("--into X -o X merges when X is unchanged; a lock held by another run makes it wait, then fail saying why", async () => {
    const copy = path.join(dir, "into.xlsx");
    await fs.copyFile(register, copy);
    const lock = lockPathOf(copy);
    await fs.writeFile(lock, JSON.stringify({ pid: process.pid, host: os.hostname(), since: "2026-12-04T10:00:00Z" }));
    process.env.PMO_LOCK_WAIT_SECONDS = "0.5";
    try {
      const before = await fs.readFile(copy);
      const refused = await pmo("build", inputs, "--into", copy, "-o", copy, "--json");
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        `${copy} is being written by another pmo run (pid ${process.pid} on ${os.hostname()}, since 2026-12-04T10:00:00Z); waiting up to 0.5 s…`,
      );
      expect(refused.stderr).toContain(
        `error: ${copy} is being written by another pmo run (pid ${process.pid} on ${os.hostname()}, since 2026-12-04T10:00:00Z); nothing was written. Run again when it has finished; if no pmo is running, delete ${lock}.`,
      );
      expect((await fs.readFile(copy)).equals(before)).toBe(true);
      await fs.rm(lock);
      const merged = await pmo("build", inputs, "--into", copy, "-o", copy, "--json", "-q");
      expect(merged.code).toBe(0);
      expect(JSON.parse(merged.stdout).register.Projects).toBe(12);
      await expect(fs.stat(lock)).rejects.toThrow();
    } finally {
      delete process.env.PMO_LOCK_WAIT_SECONDS;
      await fs.rm(lock, { force: true });
    }
  });

  it("pmo sample refuses a folder of the user's own files unless --force, and re-runs into its own folder", async () => {
    const folder = path.join(dir, "mine");
    await fs.mkdir(folder);
    const own = path.join(folder, "Portfolio Tracker.xlsx");
    const csv = path.join(folder, "Financials.csv");
    await fs.writeFile(own, "my real tracker");
    await fs.writeFile(csv, "my,real,financials\n");
    const refused = await pmo("sample", folder, "-q");
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `error: ${folder} holds files pmo sample did not write (Financials.csv, Portfolio Tracker.xlsx), which it could overwrite. Choose a new or empty folder, or add --force.\n`,
    );
    expect(await fs.readFile(own, "utf8")).toBe("my real tracker");
    expect(await fs.readFile(csv, "utf8")).toBe("my,real,financials\n");

    // Its own folder, written again (same or another seed), is fine; an edit to one of its files is not.
    const demo = path.join(dir, "demo");
    expect((await pmo("sample", demo, "--projects", "6", "-q")).code).toBe(0);
    expect((await pmo("sample", demo, "--projects", "6", "--seed", "9", "-q")).code).toBe(0);
    const manifest = JSON.parse(await fs.readFile(path.join(demo, ".pmo-sample.json"), "utf8"));
    expect(Object.keys(manifest.written).sort()).toEqual(
      (await fs.readdir(demo)).filter((f) => !f.startsWith(".")).sort(),
    );
    await fs.appendFile(path.join(demo, "Benefits.csv"), "BEN-999,my own row\n");
    const edited = await pmo("sample", demo, "--projects", "6", "-q");
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain("holds files pmo sample did not write (Benefits.csv)");

    const forced = await pmo("sample", folder, "--force", "--json", "-q");
    expect(forced.code).toBe(0);
    expect(JSON.parse(forced.stdout).files).toContain(own);
    expect(await fs.readFile(own, "utf8")).not.toBe("my real tracker");
  });

  it("an unreadable input in a folder is named with what to do, the others are read, and the run exits 1", async () => {
    const out = path.join(dir, "partial.xlsx");
    const real = jest.requireActual<typeof import("fs")>("fs").promises.readFile;
    const denied = path.join(inputs, "Financials.csv");
    const spy = jest.spyOn(jest.requireActual<typeof import("fs")>("fs").promises, "readFile").mockImplementation(((
      file: Parameters<typeof real>[0],
      ...rest: unknown[]
    ) => {
      if (String(file) === denied)
        return Promise.reject(
          Object.assign(new Error(`EACCES: permission denied, open '${denied}'`), { code: "EACCES", path: denied }),
        );
      return (real as (...a: unknown[]) => Promise<unknown>)(file, ...rest);
    }) as typeof real);
    try {
      const r = await pmo("build", inputs, "-o", out, "--json", "-q");
      expect(r.code).toBe(1);
      const json = JSON.parse(r.stdout);
      const failed = json.inputs.find((i: { file: string }) => i.file === denied);
      expect(failed.problems[0].message).toBe(
        `${denied}: permission denied when reading it. Give your user access to it (or its folder) and run again.`,
      );
      expect(json.inputs.filter((i: { status: string }) => i.status === "read")).toHaveLength(7);
      expect(json.register.Projects).toBe(12);
      expect(r.stdout + r.stderr).not.toContain("EACCES");
    } finally {
      spy.mockRestore();
    }
  });

  it("messages: a JSON string as --mapping is refused; a write into a path through a file names the file, not a temp path", async () => {
    const mapping = await pmo("build", inputs, "-o", path.join(dir, "m.xlsx"), "--mapping", '{"a":"b"}', "-q");
    expect(mapping.code).toBe(2);
    expect(mapping.stderr).toBe(
      `error: --mapping takes the path of a JSON file, not JSON text: save {"a":"b"} in a file (e.g. mapping.json) and pass --mapping mapping.json.\n`,
    );
    const blocked = path.join(dir, "not-a-folder");
    await fs.writeFile(blocked, "a file");
    const target = path.join(blocked, "register.xlsx");
    const r = await pmo("build", inputs, "-o", target, "-q");
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(
      `error: ${blocked} is a file where a folder is needed. Check the path, or choose another folder.\n`,
    );
    expect(r.stderr).not.toMatch(/ENOTDIR|EEXIST|\.tmp/);
  });

  it("a sheet name longer than 31 characters says so, for an input and for a register", async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("Programmes").addRows([
      ["Programme ID", "Programme Name"],
      ["PGM-01", "Transformation"],
    ]);
    const zip = await JSZip.loadAsync(await wb.xlsx.writeBuffer());
    const long = "Programme List for the Transformation Portfolio 2026";
    const xml = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", xml.replace('name="Programmes"', `name="${long}"`));
    const file = path.join(dir, "long-names.xlsx");
    await fs.writeFile(file, await zip.generateAsync({ type: "nodebuffer" }));
    const expected = `long-names.xlsx: the sheet "${long}" has a name of 52 characters, and Excel allows at most 31. Rename it in Excel (31 characters or fewer), save, and retry.`;

    const built = await pmo("build", file, "-o", path.join(dir, "long-out.xlsx"), "--json", "-q");
    expect(built.code).toBe(3);
    expect(JSON.parse(built.stdout).inputs[0].problems[0].message).toBe(expected);
    const validated = await pmo("validate", file, "-q");
    expect(validated.stderr).toBe(`error: ${expected}\n`);
    expect(built.stdout + built.stderr + validated.stderr).not.toContain("already exists");
  });
});
