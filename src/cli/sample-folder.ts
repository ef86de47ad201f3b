import { createHash } from "crypto";
import { promises as fs } from "fs";
import * as path from "path";
import { writeFileAtomic } from "./input-files";

/**
 * `pmo sample` writes demo files into a folder; it must never write over a user's own
 * `Portfolio Tracker.xlsx`. It keeps a manifest of what it wrote (names and SHA-256), so running it
 * again into its own folder is fine, and any other file there (or one of its files since edited)
 * makes it refuse unless `--force`.
 */
export const SAMPLE_MANIFEST = ".pmo-sample.json";

interface Manifest {
  written: Record<string, string>;
}

/** Files every OS leaves in folders; they are nobody's work. */
const IGNORED = new Set([".DS_Store", "Thumbs.db", "desktop.ini", SAMPLE_MANIFEST]);

const sha256 = (bytes: Uint8Array): string => createHash("sha256").update(bytes).digest("hex");

async function readManifest(folder: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await fs.readFile(path.join(folder, SAMPLE_MANIFEST), "utf8")) as Manifest;
    return { written: typeof parsed.written === "object" && parsed.written !== null ? parsed.written : {} };
  } catch {
    return { written: {} };
  }
}

async function filesIn(folder: string, prefix = ""): Promise<string[]> {
  const entries = await fs.readdir(path.join(folder, prefix), { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const e of entries) {
    const rel = prefix ? `${prefix}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await filesIn(folder, rel)));
    else if (!IGNORED.has(e.name) && !e.name.endsWith(".pmo-lock")) out.push(rel);
  }
  return out.sort();
}

/** Files in `folder` that this command did not write, or that were changed since it wrote them. */
export async function filesSampleDidNotWrite(folder: string): Promise<string[]> {
  const manifest = await readManifest(folder);
  const foreign: string[] = [];
  for (const rel of await filesIn(folder)) {
    const hash = manifest.written[rel];
    if (!hash) {
      foreign.push(rel);
      continue;
    }
    const bytes = await fs.readFile(path.join(folder, rel)).catch(() => null);
    if (!bytes || sha256(bytes) !== hash) foreign.push(rel);
  }
  return foreign;
}

/** Writes the sample files, then the manifest naming them (entries of earlier runs are kept). */
export async function writeSampleFiles(
  folder: string,
  files: { name: string; bytes: Uint8Array }[],
): Promise<string[]> {
  const manifest = await readManifest(folder);
  const written: string[] = [];
  for (const f of files) {
    const p = path.join(folder, f.name);
    await writeFileAtomic(p, f.bytes);
    manifest.written[f.name] = sha256(f.bytes);
    written.push(p);
  }
  const body = JSON.stringify(
    { note: "Files pmo sample wrote here, so it can write them again.", ...manifest },
    null,
    2,
  );
  await writeFileAtomic(path.join(folder, SAMPLE_MANIFEST), new TextEncoder().encode(body + "\n"));
  return written;
}
