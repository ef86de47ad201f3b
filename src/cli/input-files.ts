import { promises as fs } from "fs";
import * as path from "path";
import { FileAccessError, fileErrorMessage } from "./file-errors";

/** A file the CLI read from disk, by the name a user will recognise in messages. */
export interface LoadedFile {
  name: string;
  path: string;
  bytes: Uint8Array;
}

export interface MissingInput {
  path: string;
  message: string;
}

const SPREADSHEET = /\.(xlsx|xlsm|csv|tsv|txt|xls|xlsb|ods)$/i;

/**
 * Expands files and folders (one level of folders, recursively) into spreadsheet files, sorted so
 * runs are repeatable. Office's lock files (~$Book.xlsx) and the CLI's own outputs are passed over.
 */
export async function gatherInputs(
  args: string[],
  exclude: string[] = [],
): Promise<{ files: string[]; missing: MissingInput[]; excludedFound: string[] }> {
  const files: string[] = [];
  const missing: MissingInput[] = [];
  const excluded = new Set(exclude.map((e) => path.resolve(e)));
  // Outputs found inside an input folder: left out of the inputs, and the caller checks that each
  // is the product's own earlier output before writing over it (never a user's tracker).
  const excludedFound: string[] = [];
  for (const arg of args) {
    let stat;
    try {
      stat = await fs.stat(arg);
    } catch {
      missing.push({ path: arg, message: `${arg}: no such file or folder. Check the path and try again.` });
      continue;
    }
    if (stat.isDirectory()) {
      const found = await walk(arg, missing);
      for (const f of found) if (excluded.has(path.resolve(f))) excludedFound.push(f);
      const usable = found.filter(
        (f) => SPREADSHEET.test(f) && !path.basename(f).startsWith("~$") && !excluded.has(path.resolve(f)),
      );
      if (usable.length === 0)
        missing.push({
          path: arg,
          message: `${arg}: the folder holds no spreadsheet files (.xlsx, .xlsm, .xls, .xlsb, .ods, .csv, .tsv, .txt).`,
        });
      files.push(...usable.sort());
    } else {
      files.push(arg);
    }
  }
  return { files: [...new Set(files)], missing, excludedFound };
}

async function walk(dir: string, missing: MissingInput[]): Promise<string[]> {
  const out: string[] = [];
  // A folder that cannot be listed is reported; the rest of the inputs are still read.
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((err: unknown) => {
    missing.push({ path: dir, message: fileErrorMessage(err, dir, "listing the folder") });
    return [];
  });
  for (const entry of entries) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(p, missing)));
    else if (entry.isFile()) out.push(p);
  }
  return out;
}

export async function loadFile(p: string): Promise<LoadedFile> {
  const buf = await fs.readFile(p).catch((err: unknown) => {
    throw new FileAccessError(fileErrorMessage(err, p, "reading it"), p, (err as NodeJS.ErrnoException).code);
  });
  return { name: path.basename(p), path: p, bytes: new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength) };
}

/**
 * Reads each input; one that cannot be read (EACCES, a file locked by another program) is added to
 * `missing` with its name and what to do, and the others are still read (the run then exits 1).
 */
export async function loadReadable(files: string[], missing: MissingInput[]): Promise<LoadedFile[]> {
  const loaded: LoadedFile[] = [];
  for (const f of files) {
    try {
      loaded.push(await loadFile(f));
    } catch (err) {
      if (!(err instanceof FileAccessError)) throw err;
      missing.push({ path: f, message: err.message });
    }
  }
  return loaded;
}

/**
 * Writes a file so that nothing half-written is left behind: write a temporary file beside it,
 * then rename over the target in one step.
 */
export async function writeFileAtomic(target: string, bytes: Uint8Array): Promise<void> {
  await fs.mkdir(path.dirname(path.resolve(target)), { recursive: true }).catch((err: unknown) => {
    throw new FileAccessError(fileErrorMessage(err, path.dirname(target), "creating the folder"), target);
  });
  const tmp = path.join(path.dirname(path.resolve(target)), `.${path.basename(target)}.${process.pid}.tmp`);
  try {
    await fs.writeFile(tmp, bytes);
    await fs.rename(tmp, target);
  } catch (err) {
    await fs.rm(tmp, { force: true });
    // The temporary file is ours; the message names the file the user asked for.
    throw new FileAccessError(fileErrorMessage(err, target, "writing it"), target, (err as NodeJS.ErrnoException).code);
  }
}
