import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { writeFileAtomic } from "./input-files";
import { UsageError } from "./reporter";

/**
 * The guards every CLI write goes through, so the user's files are never lost:
 * - an output that is one of the inputs (same device and inode, so symlinks and hard links count,
 *   and a name differing only in case on a case-insensitive folder) is refused;
 * - a file about to be replaced must be as it was when this run read it (size, mtime and content
 *   hash), so a file saved by a user or another run in the meantime is never silently overwritten;
 * - while writing, an exclusive lock file beside the target keeps a second run out.
 * Refusals are `UsageError`s (exit 2: nothing was written and the user must act; docs/decisions.md).
 */

/** What a file was when this run read it, or `null` when it did not exist then. */
export interface Fingerprint {
  size: number;
  mtimeMs: number;
  sha256: string;
}

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

/** The fingerprint of bytes just read from `file`, with the file's size and mtime. */
export async function fingerprintOf(file: string, bytes: Uint8Array): Promise<Fingerprint> {
  const stat = await fs.stat(file);
  return { size: stat.size, mtimeMs: stat.mtimeMs, sha256: sha256(bytes) };
}

/** The file's fingerprint now, or null when there is no file. */
export async function currentFingerprint(file: string): Promise<Fingerprint | null> {
  try {
    const bytes = await fs.readFile(file);
    return await fingerprintOf(file, bytes);
  } catch (err) {
    // No file (or no folder for it yet): the write will create it, or say why it cannot.
    const code = (err as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return null;
    throw err;
  }
}

export function sameFingerprint(a: Fingerprint | null, b: Fingerprint | null): boolean {
  if (a === null || b === null) return a === b;
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.sha256 === b.sha256;
}

/**
 * Whether the folder's file system ignores case, found by probing: the case-swapped name of an
 * entry that exists is looked up and compared by inode. Folders with no cased names answer false.
 */
export async function folderIgnoresCase(dir: string): Promise<boolean> {
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return false;
  }
  const probe = names.find((n) => n.toLowerCase() !== n.toUpperCase());
  if (!probe) return false;
  const swapped = [...probe].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");
  if (names.includes(swapped)) return false;
  try {
    const [a, b] = await Promise.all([fs.stat(path.join(dir, probe)), fs.stat(path.join(dir, swapped))]);
    return a.dev === b.dev && a.ino === b.ino;
  } catch {
    return false;
  }
}

async function realParentAndName(file: string): Promise<{ dir: string; name: string } | null> {
  try {
    return { dir: await fs.realpath(path.dirname(path.resolve(file))), name: path.basename(file) };
  } catch {
    return null;
  }
}

/**
 * Whether writing `output` would replace `input`: both exist and are one file (device and inode),
 * or `output` does not exist yet but names the input's real folder and name (ignoring case where
 * that folder's file system does).
 */
export async function isSameFile(output: string, input: string): Promise<boolean> {
  const [o, i] = await Promise.all([fs.stat(output).catch(() => null), fs.stat(input).catch(() => null)]);
  if (o && i) return o.dev === i.dev && o.ino === i.ino;
  if (o || !i) return false;
  const real = await fs.realpath(input).catch(() => null);
  const out = await realParentAndName(output);
  if (!real || !out) return false;
  if (out.dir !== path.dirname(real)) return false;
  if (out.name === path.basename(real)) return true;
  return out.name.toLowerCase() === path.basename(real).toLowerCase() && (await folderIgnoresCase(out.dir));
}

/** Refuses (exit 2) an output that would replace one of the inputs, naming both. */
export async function refuseOutputOverInput(
  output: string,
  inputs: readonly string[],
  what = "the output",
): Promise<void> {
  for (const input of inputs) {
    if (await isSameFile(output, input))
      throw new UsageError(
        `${what} ${output} is the same file as the input ${input}; pmo never writes over what it reads. Choose another output file name.`,
      );
  }
}

/**
 * A workbook pmo wrote (a register, which holds PMO Settings, or a pack, whose creator is PMO
 * Register), so a run may replace it; anything else is the user's.
 */
export async function isPmoWrittenWorkbook(file: string): Promise<boolean> {
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return false;
  }
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b) return false;
  try {
    const { default: JSZip } = await import("jszip");
    const zip = await JSZip.loadAsync(bytes);
    const workbook = (await zip.file("xl/workbook.xml")?.async("string")) ?? "";
    if (/<sheet\b[^>]*\bname="PMO Settings"/.test(workbook)) return true;
    const core = (await zip.file("docProps/core.xml")?.async("string")) ?? "";
    return /<dc:creator>PMO Register<\/dc:creator>/.test(core);
  } catch {
    return false;
  }
}

/**
 * An output that already stands inside an input folder is left out of the inputs by name; it may
 * be replaced only when pmo wrote it. A user's tracker at that path is refused, never overwritten.
 */
export async function refuseOutputOverFolderInput(outputsFound: readonly string[], what = "the output"): Promise<void> {
  for (const file of outputsFound) {
    if (!(await isPmoWrittenWorkbook(file)))
      throw new UsageError(
        `${what} ${file} is one of the files in the input folder and pmo did not write it; writing there would replace it. Choose another output name or folder.`,
      );
  }
}

/** Every file in the folders and files given (one level of folders is enough for the inputs pmo reads). */
export async function filesUnder(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const stat = await fs.stat(p).catch(() => null);
    if (!stat) return;
    if (!stat.isDirectory()) {
      out.push(p);
      return;
    }
    const entries = await fs.readdir(p).catch(() => [] as string[]);
    for (const e of entries) await walk(path.join(p, e));
  };
  for (const p of paths) await walk(p);
  return out;
}

/** How long a run waits for another run's lock before giving up (PMO_LOCK_WAIT_SECONDS, default 10 s). */
export function lockWaitMs(): number {
  const s = Number(process.env.PMO_LOCK_WAIT_SECONDS);
  return Number.isFinite(s) && s >= 0 ? s * 1000 : 10_000;
}

/** The lock file beside a target: `.Name.xlsx.pmo-lock` (hidden, and skipped when inputs are gathered). */
export function lockPathOf(target: string): string {
  return path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.pmo-lock`);
}

interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}

async function readOwner(lock: string): Promise<LockOwner | null> {
  try {
    const owner = JSON.parse(await fs.readFile(lock, "utf8")) as LockOwner;
    return typeof owner.pid === "number" ? owner : null;
  } catch {
    return null;
  }
}

export interface LockOptions {
  waitMs?: number;
  /** Said once when this run starts waiting, and when it takes over a stale lock. */
  note?: (message: string) => void;
}

/**
 * Holds an exclusive lock file beside `target` while `body` runs: created with `wx` (fails if it
 * exists) holding this run's pid, host and start time. A lock left by a process on this host that
 * no longer runs is taken over, with a note; a live one is waited for (polling) up to `waitMs`,
 * then the run fails saying who holds it.
 */
export async function withFileLock<T>(target: string, body: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const lock = lockPathOf(target);
  const waitMs = options.waitMs ?? lockWaitMs();
  const started = Date.now();
  let waiting = false;
  await fs.mkdir(path.dirname(lock), { recursive: true });
  for (;;) {
    try {
      const handle = await fs.open(lock, "wx");
      const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
      await handle.writeFile(JSON.stringify(owner));
      await handle.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    const owner = await readOwner(lock);
    if (owner && owner.host === os.hostname() && !processIsAlive(owner.pid)) {
      options.note?.(
        `note: ${lock} was left by a pmo run (pid ${owner.pid}, ${owner.since}) that is no longer running; taking it over.`,
      );
      await fs.rm(lock, { force: true });
      continue;
    }
    const holder = owner
      ? `another pmo run (pid ${owner.pid} on ${owner.host}, since ${owner.since})`
      : "another program";
    if (Date.now() - started >= waitMs) {
      throw new UsageError(
        `${target} is being written by ${holder}; nothing was written. Run again when it has finished; if no pmo is running, delete ${lock}.`,
      );
    }
    if (!waiting) {
      waiting = true;
      options.note?.(
        `${target} is being written by ${holder}; waiting up to ${Number((waitMs / 1000).toPrecision(2))} s…`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  try {
    return await body();
  } finally {
    await fs.rm(lock, { force: true });
  }
}

/**
 * A file this run will write: what it was when the run began (or when its bytes were read), so the
 * write can refuse if it changed since. `write` takes the lock, checks, then replaces the file
 * atomically.
 */
export class GuardedOutput {
  private constructor(
    readonly file: string,
    private readonly expected: Fingerprint | null,
  ) {}

  /** Remembers the file as it is now (absent is remembered too: a file that appears meanwhile is not overwritten). */
  static async capture(file: string): Promise<GuardedOutput> {
    return new GuardedOutput(file, await currentFingerprint(file));
  }

  /** For a file whose bytes this run has read (e.g. `--into X`): the fingerprint of exactly those bytes. */
  static async ofRead(file: string, bytes: Uint8Array): Promise<GuardedOutput> {
    return new GuardedOutput(file, await fingerprintOf(file, bytes));
  }

  async write(bytes: Uint8Array, options: LockOptions = {}): Promise<void> {
    // Through a symlink, the file it points to is the one written (and locked), as a shell's `>` would.
    const real = await fs.realpath(this.file).catch(() => this.file);
    await withFileLock(
      real,
      async () => {
        const now = await currentFingerprint(this.file);
        if (!sameFingerprint(now, this.expected)) {
          throw new UsageError(
            this.expected === null
              ? `${this.file} was created by someone else while this run was working; nothing was written. Check it, then run again (or choose another output file).`
              : `${this.file} changed since this run read it (another run or a user saved it); nothing was written. Run the command again so it starts from the file as it is now.`,
          );
        }
        await writeFileAtomic(real, bytes);
      },
      options,
    );
  }
}
