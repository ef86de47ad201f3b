import { execFile } from "node:child_process";
import { existsSync, promises as fs } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { pathToFileURL } from "node:url";
import JSZip from "jszip";
import { readRels, readSheetCatalog, relsPathOf, resolvePartPath } from "../../../src/workbook/xlsx/sheet-catalog";
import { changedEntries, SHARED_PARTS, zipEntries } from "./user-workbooks";

/**
 * What the surgical-write tests through the CLI check on a written package, shared by
 * surgical-cli.test.ts and test/cli/xlsm-cli.test.ts: LibreOffice opens it, and which sheets (with
 * every part reached from them) a command rewrote. A test that uses `convert` warns when LibreOffice
 * is absent (`haveSoffice`), so a skipped check is never silent.
 */

export const SOFFICE = process.env.SOFFICE ?? "/usr/bin/soffice";
export const haveSoffice = existsSync(SOFFICE);

function soffice(args: string[], home: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      SOFFICE,
      [`-env:UserInstallation=${pathToFileURL(path.join(home, "profile")).href}`, "--headless", "--norestore", ...args],
      { env: { ...process.env, HOME: home }, timeout: 240_000 },
      (err, _stdout, stderr) => (err ? reject(new Error(`soffice failed: ${err.message}\n${stderr}`)) : resolve()),
    );
  });
}

/**
 * Converts files with LibreOffice into `outDir` (one start for all of them: each start costs
 * seconds); returns the files it wrote, and throws naming any input it could not open.
 */
export async function convert(files: string[], format: string, outDir: string): Promise<string[]> {
  const home = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-lo-"));
  try {
    await fs.mkdir(outDir, { recursive: true });
    await soffice(["--convert-to", format, "--outdir", outDir, ...files], home);
    const out = files.map((f) => path.join(outDir, `${path.basename(f, path.extname(f))}.${format}`));
    const missing = files.filter((_, i) => !existsSync(out[i]));
    if (missing.length > 0) throw new Error(`LibreOffice could not open: ${missing.join(", ")}`);
    return out;
  } finally {
    await fs.rm(home, { recursive: true, force: true });
  }
}

/** Each sheet's own entries: its part, its rels and every part reached from them. */
export async function sheetEntries(bytes: Uint8Array): Promise<Map<string, Set<string>>> {
  const zip = await JSZip.loadAsync(bytes);
  const out = new Map<string, Set<string>>();
  for (const sheet of (await readSheetCatalog(zip)).sheets) {
    if (!sheet.path) continue;
    const parts = new Set<string>([sheet.path]);
    const walk = async (part: string) => {
      const relsPath = relsPathOf(part);
      if (zip.file(relsPath)) parts.add(relsPath);
      for (const rel of await readRels(zip, relsPath)) {
        const target = resolvePartPath(part, rel.target);
        if (parts.has(target) || !zip.file(target)) continue;
        parts.add(target);
        await walk(target);
      }
    };
    await walk(sheet.path);
    out.set(sheet.name, parts);
  }
  return out;
}

/** Which sheets of `before` changed in `after`, and the changed entries that belong to no changed sheet. */
export async function sheetsChanged(
  before: Uint8Array,
  after: Uint8Array,
): Promise<{ rewritten: string[]; outside: string[] }> {
  const sheets = await sheetEntries(before);
  const changed = changedEntries(await zipEntries(before), await zipEntries(after), SHARED_PARTS);
  const rewritten = [...sheets].filter(([, parts]) => changed.some((p) => parts.has(p))).map(([n]) => n);
  const owned = new Set(rewritten.flatMap((n) => [...sheets.get(n)!]));
  return { rewritten, outside: changed.filter((p) => !owned.has(p)) };
}
