import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { OUTSIDE_OFFICE } from "../e2e/office-stubs";
import { routeOutside } from "../e2e/page-guard";
import { serveDirectory } from "../e2e/static-server";
import type { BenchArea, BenchRow } from "./bench-report";
import { limitVerdict, skippedRow } from "./bench-report";
import { median } from "./measurement";

/**
 * Issue 7: the first screen's JavaScript at most 300 KB gzipped, and the time to first render in
 * headless Chromium. Measured on the existing production build in dist/ (the bench does not
 * build: `npm run build` first). Initial = the same-origin scripts and stylesheets taskpane.html
 * loads itself; office.js comes from Microsoft's CDN and is not ours. Lazy chunks are listed.
 */

const AREA = "bundle";
const repo = path.resolve(__dirname, "..", "..");
/** The production build to measure: dist/, or PMO_BENCH_DIST (e.g. the e2e script's temp build). */
const DIST = process.env.PMO_BENCH_DIST ? path.resolve(process.env.PMO_BENCH_DIST) : path.join(repo, "dist");
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--no-first-run",
  "--disable-background-networking",
];
const chromiumPath = (): string | null =>
  [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].find(
    (c): c is string => Boolean(c) && existsSync(c as string),
  ) ?? null;
const gzipKB = (bytes: Buffer): number => gzipSync(bytes, { level: 9 }).length / 1024;

/** Same-origin `<script src>` and stylesheet/preload `<link href>` of the pane's HTML. */
export function initialAssets(html: string): string[] {
  const refs = [
    ...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"' >]+)/gi),
    ...html.matchAll(/<link\b[^>]*\brel=["']?(?:stylesheet|modulepreload|preload)["']?[^>]*\bhref=["']?([^"' >]+)/gi),
  ].map((m) => m[1]);
  return [...new Set(refs.filter((r) => !/^(?:[a-z]+:)?\/\//i.test(r) && !r.startsWith("data:")))];
}

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : statSync(full).mtimeMs);
  }
  return newest;
}

async function firstRender(
  executablePath: string,
  runs: number,
): Promise<{ ms: number; runs: number[]; fcp: number[] }> {
  const server = await serveDirectory(DIST);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  const times: number[] = [];
  const fcp: number[] = [];
  try {
    for (let i = 0; i < runs + 1; i++) {
      // A fresh context each time: nothing cached (the server also says no-store).
      const context = await browser.newContext({ viewport: { width: 350, height: 900 } });
      await routeOutside(context, OUTSIDE_OFFICE, server.origin);
      // Records when the pane's heading first exists, on the page's own clock (from navigation start).
      await context.addInitScript({
        content: `new MutationObserver((_, observer) => {
          const h = [...document.querySelectorAll("h1,h2,[role=heading]")].find((e) => /PMO Register/.test(e.textContent || ""));
          if (h) { window.__pmoFirstRender = performance.now(); observer.disconnect(); }
        }).observe(document, { childList: true, subtree: true });`,
      });
      const page = await context.newPage();
      await page.goto(`${server.origin}/taskpane.html`);
      await page.getByRole("heading", { name: "PMO Register" }).waitFor({ timeout: 30_000 });
      const m = await page.evaluate(() => ({
        rendered: (window as unknown as { __pmoFirstRender?: number }).__pmoFirstRender ?? NaN,
        fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN,
      }));
      await context.close();
      if (i === 0) continue; // the first load warms Chromium's own caches and code, not the pane's
      times.push(m.rendered);
      fcp.push(m.fcp);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  return { ms: median(times), runs: times, fcp };
}

export const area: BenchArea = {
  name: AREA,
  title: "initial bundle size (gzip) and first render of the task pane in headless Chromium",
  async run(ctx) {
    const html = path.join(DIST, "taskpane.html");
    if (!existsSync(html)) {
      const why = `${html.startsWith(repo) ? path.relative(repo, html) : html} is absent: run npm run build first.`;
      return [
        skippedRow(AREA, "initial JS+CSS, gzip", why, "≤ 300 KB", 7),
        skippedRow(AREA, "first render (heading shown)", why),
      ];
    }
    const assets = initialAssets(readFileSync(html, "utf8"));
    const sizes = assets.map((a) => {
      const bytes = readFileSync(path.join(DIST, a.replace(/^\.?\//, "")));
      return { asset: a, raw: bytes.length / 1024, gz: gzipKB(bytes) };
    });
    const total = sizes.reduce((s, x) => s + x.gz, 0);
    const chunksDir = path.join(DIST, "chunks");
    const lazy = existsSync(chunksDir)
      ? readdirSync(chunksDir)
          .filter((f) => /\.(js|wasm)$/.test(f))
          .map((f) => `${f} ${gzipKB(readFileSync(path.join(chunksDir, f))).toFixed(0)} KB`)
      : [];
    const builtAt = statSync(html).mtimeMs;
    const stale = newestSource(path.join(repo, "src")) > builtAt;
    const rows: BenchRow[] = [
      {
        area: AREA,
        name: "initial JS+CSS, gzip -9",
        measured: { value: total, unit: "KB" },
        goal: "≤ 300 KB",
        issue: 7,
        verdict: limitVerdict(total, 300),
        note:
          `${sizes.map((s) => `${s.asset} ${s.raw.toFixed(0)} KB → ${s.gz.toFixed(1)} KB`).join("; ")}. ` +
          `Lazy chunks (gzip): ${lazy.join(", ") || "none"}. dist/ built ${new Date(builtAt).toISOString().slice(0, 16)}Z` +
          (stale ? "; src/ has changed since: run npm run build for current figures." : "."),
      },
    ];
    const executablePath = chromiumPath();
    if (!executablePath) {
      rows.push(
        skippedRow(
          AREA,
          "first render (heading shown)",
          "Chromium not found (apt-get install chromium, or set CHROMIUM_PATH).",
        ),
      );
      return rows;
    }
    ctx.log("bundle: first render in headless Chromium");
    const render = await firstRender(executablePath, ctx.runs);
    rows.push({
      area: AREA,
      name: "first render (heading shown)",
      measured: { value: render.ms, unit: "ms" },
      issue: 7,
      verdict: "info",
      note:
        `From navigation start to the "PMO Register" heading in the DOM, file mode (office.js stand-in), 350 px wide, ` +
        `fresh context each load, median of ${render.runs.length} after one warm-up load ` +
        `(${render.runs.map((v) => v.toFixed(0)).join("/")} ms; first contentful paint ${render.fcp.map((v) => v.toFixed(0)).join("/")} ms).`,
    });
    return rows;
  },
};
