/**
 * Offline manifest check (`npm run validate:offline`).
 *
 * `office-addin-manifest validate` posts the manifest to a Microsoft web service and fails without
 * internet, so CI checks the XML against the published schemas with xmllint instead. Checks
 * manifest.xml and, when a build has produced it, dist/manifest.xml (whose URLs were rewritten).
 * Also checks that every icon the manifest names exists in assets/, because a missing ribbon icon
 * only shows up as a blank button in Excel.
 *
 * Exit codes: 0 valid, 1 invalid, 2 xmllint or the schemas are missing.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";

const repo = path.resolve(__dirname, "..");
const schemaDir = path.resolve(repo, "../shared/manifest-schema");
const schema = path.join(schemaDir, "OfficeAppManifestV1_1.xsd");

function fail(code: number, message: string): never {
  process.stderr.write(message + "\n");
  process.exit(code);
}

function hasXmllint(): boolean {
  const probe = spawnSync("xmllint", ["--version"], { encoding: "utf8" });
  return !probe.error && probe.status === 0;
}

/** Runs xmllint against the schema; returns null when valid, otherwise xmllint's own message. */
function schemaErrors(manifest: string): string | null {
  const run = spawnSync("xmllint", ["--nonet", "--noout", "--schema", schema, manifest], { encoding: "utf8" });
  if (run.status === 0) return null;
  return (run.stderr || run.stdout || `xmllint exited with ${run.status}`).trim();
}

/** Icons referenced as <host>/assets/<file>.png must exist in the repo's assets/ folder. */
function missingIcons(manifest: string): string[] {
  const xml = readFileSync(manifest, "utf8");
  const names = new Set<string>();
  for (const match of xml.matchAll(/\/assets\/([\w.-]+\.png)"/g)) names.add(match[1]);
  return [...names].filter((name) => !existsSync(path.join(repo, "assets", name)));
}

function main(): void {
  if (!hasXmllint()) {
    fail(
      2,
      "xmllint is not installed. Install it with: apt-get install -y --no-install-recommends libxml2-utils " +
        "(Debian/Ubuntu), or brew install libxml2 (macOS).",
    );
  }
  if (!existsSync(schema)) fail(2, `Manifest schemas not found at ${schemaDir} (expected OfficeAppManifestV1_1.xsd).`);

  const targets = [path.join(repo, "manifest.xml"), path.join(repo, "dist", "manifest.xml")].filter((file) =>
    existsSync(file),
  );
  if (targets.length === 0) fail(1, "manifest.xml not found in the repository root.");

  let failures = 0;
  for (const target of targets) {
    const label = path.relative(repo, target);
    const errors = schemaErrors(target);
    const missing = missingIcons(target);
    if (errors) {
      failures++;
      process.stderr.write(`✗ ${label} does not match the Office add-in manifest schema:\n${errors}\n`);
    } else if (missing.length > 0) {
      failures++;
      process.stderr.write(`✗ ${label} names icons that are not in assets/: ${missing.join(", ")}\n`);
    } else {
      process.stdout.write(`✓ ${label} is valid (schema OfficeAppManifestV1_1, icons present)\n`);
    }
  }
  if (failures > 0) process.exit(1);
}

main();
