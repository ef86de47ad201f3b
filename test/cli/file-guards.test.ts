import { spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import {
  GuardedOutput,
  folderIgnoresCase,
  isSameFile,
  lockPathOf,
  refuseOutputOverInput,
  withFileLock,
} from "../../src/cli/file-guards";
import { UsageError } from "../../src/cli/reporter";

/** The file guards on a real folder: inode identity, unchanged-since-read and the lock file. */
describe("file guards", () => {
  let dir: string;
  let input: string;

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-guards-"));
    input = path.join(dir, "tracker.xlsx");
    await fs.writeFile(input, "the user's tracker");
  });

  afterEach(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("a path, a symlink and a hard link to the input are the input; another file is not", async () => {
    const link = path.join(dir, "link.xlsx");
    const hard = path.join(dir, "hard.xlsx");
    const other = path.join(dir, "other.xlsx");
    await fs.symlink(input, link);
    await fs.link(input, hard);
    await fs.writeFile(other, "the user's tracker");
    await expect(isSameFile(input, input)).resolves.toBe(true);
    await expect(isSameFile(path.join(dir, ".", "tracker.xlsx"), input)).resolves.toBe(true);
    await expect(isSameFile(link, input)).resolves.toBe(true);
    await expect(isSameFile(hard, input)).resolves.toBe(true);
    await expect(isSameFile(input, link)).resolves.toBe(true);
    await expect(isSameFile(other, input)).resolves.toBe(false);
    await expect(isSameFile(path.join(dir, "new.xlsx"), input)).resolves.toBe(false);
  });

  it("a folder reached through a symlinked parent is the same folder", async () => {
    const alias = path.join(os.tmpdir(), `pmo-guards-alias-${process.pid}`);
    await fs.rm(alias, { force: true });
    await fs.symlink(dir, alias);
    try {
      await expect(isSameFile(path.join(alias, "tracker.xlsx"), input)).resolves.toBe(true);
    } finally {
      await fs.rm(alias, { force: true });
    }
  });

  it("case-insensitivity is probed, not assumed: this folder tells TRACKER.xlsx from tracker.xlsx", async () => {
    const ignores = await folderIgnoresCase(dir);
    // Linux's usual file systems are case-sensitive; on one that is not, the probe must say so.
    const swappedExists = await fs
      .stat(path.join(dir, "TRACKER.XLSX"))
      .then(() => true)
      .catch(() => false);
    expect(ignores).toBe(swappedExists);
    await expect(isSameFile(path.join(dir, "TRACKER.xlsx"), input)).resolves.toBe(swappedExists);
  });

  it("refuses an output that is an input with a sentence naming both", async () => {
    const link = path.join(dir, "link.xlsx");
    await fs.symlink(input, link);
    const refusal = refuseOutputOverInput(link, [path.join(dir, "a.csv"), input], "--output");
    await expect(refusal).rejects.toThrow(UsageError);
    await expect(refuseOutputOverInput(link, [input], "--output")).rejects.toThrow(
      `--output ${link} is the same file as the input ${input}; pmo never writes over what it reads. Choose another output file name.`,
    );
    await expect(refuseOutputOverInput(path.join(dir, "register.xlsx"), [input])).resolves.toBeUndefined();
  });

  it("writes a file that is as it was read, and refuses one changed since, leaving it as the other writer left it", async () => {
    const bytes = await fs.readFile(input);
    const guard = await GuardedOutput.ofRead(input, bytes);
    await guard.write(new TextEncoder().encode("merged"));
    expect(await fs.readFile(input, "utf8")).toBe("merged");

    const stale = await GuardedOutput.ofRead(input, await fs.readFile(input));
    await fs.writeFile(input, "saved by the user meanwhile");
    await expect(stale.write(new TextEncoder().encode("lost update"))).rejects.toThrow(
      `${input} changed since this run read it (another run or a user saved it); nothing was written.`,
    );
    expect(await fs.readFile(input, "utf8")).toBe("saved by the user meanwhile");
    await expect(fs.stat(lockPathOf(input))).rejects.toThrow();
  });

  it("the same size and content with a new mtime still counts as a change; a file that appeared meanwhile is not overwritten", async () => {
    const guard = await GuardedOutput.ofRead(input, await fs.readFile(input));
    const later = new Date(Date.now() + 5000);
    await fs.utimes(input, later, later);
    await expect(guard.write(new TextEncoder().encode("x"))).rejects.toThrow("changed since this run read it");

    const fresh = path.join(dir, "out.xlsx");
    const absent = await GuardedOutput.capture(fresh);
    await fs.writeFile(fresh, "another run's output");
    await expect(absent.write(new TextEncoder().encode("mine"))).rejects.toThrow(
      "was created by someone else while this run was working; nothing was written",
    );
    expect(await fs.readFile(fresh, "utf8")).toBe("another run's output");
  });

  it("writing through a symlink replaces the file it points to and keeps the link", async () => {
    const link = path.join(dir, "register-link.xlsx");
    await fs.symlink(input, link);
    const guard = await GuardedOutput.ofRead(link, await fs.readFile(link));
    await guard.write(new TextEncoder().encode("written through the link"));
    expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(input, "utf8")).toBe("written through the link");
  });

  it("a live lock makes a second writer wait, then fail naming the holder; the lock goes when the holder ends", async () => {
    const notes: string[] = [];
    let release!: () => void;
    const held = withFileLock(input, () => new Promise<void>((resolve) => (release = resolve)));
    await new Promise((r) => setTimeout(r, 50));
    const owner = JSON.parse(await fs.readFile(lockPathOf(input), "utf8"));
    expect(owner).toEqual(expect.objectContaining({ pid: process.pid, host: os.hostname() }));
    const started = Date.now();
    await expect(withFileLock(input, async () => "never", { waitMs: 300, note: (m) => notes.push(m) })).rejects.toThrow(
      `${input} is being written by another pmo run (pid ${process.pid} on ${os.hostname()}`,
    );
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(notes).toEqual([expect.stringContaining("waiting up to 0.3 s…")]);
    // A writer that waits long enough gets the lock once the holder lets go.
    const second = withFileLock(input, async () => "second wrote", { waitMs: 5000 });
    await new Promise((r) => setTimeout(r, 150));
    release();
    await held;
    await expect(second).resolves.toBe("second wrote");
    await expect(fs.stat(lockPathOf(input))).rejects.toThrow();
  });

  it("a lock left by a process that no longer runs is taken over with a note", async () => {
    const child = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]);
    const deadPid = Number(child.stdout.toString());
    await fs.writeFile(
      lockPathOf(input),
      JSON.stringify({ pid: deadPid, host: os.hostname(), since: "2026-01-01T00:00:00.000Z" }),
    );
    const notes: string[] = [];
    await expect(withFileLock(input, async () => "taken", { waitMs: 0, note: (m) => notes.push(m) })).resolves.toBe(
      "taken",
    );
    expect(notes).toEqual([
      `note: ${lockPathOf(input)} was left by a pmo run (pid ${deadPid}, 2026-01-01T00:00:00.000Z) that is no longer running; taking it over.`,
    ]);
  });
});
