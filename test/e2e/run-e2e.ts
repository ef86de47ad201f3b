/**
 * Browser tests of the task pane (`npm run test:e2e`): builds the pane for production into a temp
 * folder (or uses PMO_E2E_DIST when set), serves it on 127.0.0.1, and drives Debian's Chromium
 * with playwright-core. office.js is never fetched: its CDN URL is routed to a stand-in, and Excel
 * mode uses the strict Excel fake installed by an init script. Screenshots go to test-artifacts/.
 * Prints "N passed, N failed" and exits 1 on any failure.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { CASES, type Env } from "./pane-cases";
import { FLOW_CASES } from "./flow-cases";
import { MAPPING_CASES } from "./mapping-cases";
import { STEP_CASES } from "./step-cases";
import { PRIORITISE_CAPACITY_CASES } from "./prioritise-capacity-cases";
import { IMPORT_CASES } from "./import-cases";
import { SCHEDULE_HEALTH_CASES } from "./schedule-health-cases";
import { serveDirectory } from "./static-server";

const repo = path.resolve(__dirname, "..", "..");
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
  "--disable-quic",
  "--disable-sync",
];

function findChromium(): string | null {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"];
  return candidates.find((c): c is string => Boolean(c) && existsSync(c as string)) ?? null;
}

/** Production build into a temp folder, so a developer's dist/ is left alone. */
function buildPane(): { dist: string; cleanup: () => void } {
  const given = process.env.PMO_E2E_DIST;
  if (given) return { dist: path.resolve(given), cleanup: () => undefined };
  const dist = mkdtempSync(path.join(tmpdir(), "pmo-e2e-dist-"));
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [repo] });
  const started = Date.now();
  const result = spawnSync(process.execPath, [cli, "--mode", "production", "--output-path", dist], {
    cwd: repo,
    encoding: "utf8",
  });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error("webpack build failed");
  }
  process.stdout.write(`built the pane in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return { dist, cleanup: () => rmSync(dist, { recursive: true, force: true }) };
}

async function bundleExcelFake(): Promise<string> {
  const out = await build({
    entryPoints: [path.join(__dirname, "excel-fake-entry.ts")],
    bundle: true,
    format: "iife",
    platform: "browser",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return out.outputFiles[0].text;
}

async function main(): Promise<number> {
  const started = Date.now();
  const executablePath = findChromium();
  if (!executablePath) {
    process.stderr.write(
      "Chromium not found. Install it with: apt-get install -y --no-install-recommends chromium (or set CHROMIUM_PATH).\n",
    );
    return 2;
  }
  const artifacts = path.join(repo, "test-artifacts");
  mkdirSync(artifacts, { recursive: true });
  const { dist, cleanup } = buildPane();
  const server = await serveDirectory(dist);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const env: Env = {
    browser,
    origin: server.origin,
    artifacts,
    excelFakeScript: await bundleExcelFake(),
    axeScript: readFileSync(require.resolve("axe-core/axe.min.js", { paths: [repo] }), "utf8"),
  };
  let passed = 0;
  let failed = 0;
  try {
    const only = process.env.PMO_E2E_ONLY;
    for (const testCase of [
      ...CASES,
      ...FLOW_CASES,
      ...STEP_CASES,
      ...PRIORITISE_CAPACITY_CASES,
      ...MAPPING_CASES,
      ...IMPORT_CASES,
      ...SCHEDULE_HEALTH_CASES,
    ].filter((c) => !only || c.name.includes(only))) {
      const t0 = Date.now();
      try {
        await testCase.run(env);
        passed++;
        process.stdout.write(`✓ ${testCase.name} (${((Date.now() - t0) / 1000).toFixed(1)} s)\n`);
      } catch (error) {
        failed++;
        const message = error instanceof Error ? error.message : String(error);
        process.stdout.write(`✗ ${testCase.name}\n    ${message.replace(/\n/g, "\n    ")}\n`);
      }
    }
  } finally {
    await browser.close();
    await server.close();
    cleanup();
  }
  process.stdout.write(
    `screenshots in ${path.relative(repo, artifacts)}/; ${((Date.now() - started) / 1000).toFixed(1)} s in all\n`,
  );
  process.stdout.write(`${passed} passed, ${failed} failed\n`);
  return failed > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.stdout.write("0 passed, 1 failed\n");
    process.exit(1);
  },
);
