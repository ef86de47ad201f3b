import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, extname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { SheetRange } from "../../src/workbook/spec";
import { ancestor, findAll, findFirst, parseXml, textOf, type XmlElement } from "./xml-tree";

/**
 * LibreOffice as an independent reader of the workbooks we write: convert an .xlsx to flat ODS (and
 * read back what each chart became) or to PDF (to look at it). Each conversion gets its own
 * throw-away profile and HOME, so parallel runs do not fight over a lock and root can run it.
 */

export type ConvertFormat = "fods" | "pdf";

export function sofficePath(): string {
  return process.env.SOFFICE ?? (existsSync("/usr/bin/soffice") ? "/usr/bin/soffice" : "soffice");
}

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv, timeoutMs: number): Promise<string> {
  return new Promise((resolveRun, reject) => {
    execFile(cmd, args, { env, timeout: timeoutMs, maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      if (err) reject(new Error(`${cmd} ${args.join(" ")} failed: ${err.message}\n${stderr}`));
      else resolveRun(`${stdout}${stderr}`);
    });
  });
}

/** Converts `inputPath` into `outDir`; returns the output file's path and how long it took. */
export async function convertWithLibreOffice(
  inputPath: string,
  format: ConvertFormat,
  outDir: string,
  timeoutMs = 180_000,
): Promise<{ path: string; ms: number }> {
  mkdirSync(outDir, { recursive: true });
  const home = mkdtempSync(join(tmpdir(), "pmo-lo-"));
  const started = Date.now();
  try {
    const args = [
      `-env:UserInstallation=${pathToFileURL(join(home, "profile")).href}`,
      "--headless",
      "--norestore",
      "--nolockcheck",
      "--convert-to",
      format,
      "--outdir",
      resolve(outDir),
      resolve(inputPath),
    ];
    const log = await run(sofficePath(), args, { ...process.env, HOME: home }, timeoutMs);
    const out = join(resolve(outDir), `${basename(inputPath, extname(inputPath))}.${format}`);
    if (!existsSync(out)) throw new Error(`LibreOffice wrote no ${format} for ${inputPath}:\n${log}`);
    return { path: out, ms: Date.now() - started };
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** Renders a PDF's pages to PNG files `<prefix>-N.png` (pdftoppm); returns their paths in page order. */
export async function pdfToPngs(pdfPath: string, outPrefix: string, dpi = 60): Promise<string[]> {
  await run("pdftoppm", ["-r", String(dpi), "-png", pdfPath, outPrefix], process.env, 120_000);
  const dir = resolve(outPrefix, "..");
  const stem = basename(outPrefix);
  return readdirSync(dir)
    .filter((f) => f.startsWith(`${stem}-`) && f.endsWith(".png"))
    .sort((a, b) => Number(/-(\d+)\.png$/.exec(a)?.[1]) - Number(/-(\d+)\.png$/.exec(b)?.[1]))
    .map((f) => join(dir, f));
}

export interface FodsSeries {
  /** chart:class of the series (LibreOffice repeats the chart's class). */
  class: string | null;
  /** Range of the values (`chart:values-cell-range-address`). */
  values: SheetRange | null;
  /** Range of the series name, when it comes from a cell. */
  labelCell: SheetRange | null;
  /** The literal series name (`loext:label-string`, quotes removed), when it is not a cell. */
  labelText: string | null;
  /** X values of a scatter series (`chart:domain`). */
  domain: SheetRange | null;
}

export interface FodsChart {
  /** The sheet the chart's frame sits on. */
  sheet: string;
  /** chart:bar, chart:line, chart:circle, chart:ring, chart:scatter, … */
  class: string;
  /** For chart:bar: true when the bars are horizontal (an Excel bar chart), false for columns. */
  vertical: boolean;
  title: string;
  /** The category range on the x axis (`chart:categories`), if any. */
  categories: SheetRange | null;
  series: FodsSeries[];
  /** The cell the frame's top-left corner is in (1-based), from its position in the table. */
  anchor: { row: number; col: number } | null;
}

/** Splits on `sep` (a ':' or whitespace) where it is not inside a quoted sheet name. */
function splitOutsideQuotes(address: string, sep: RegExp): string[] {
  const parts: string[] = [];
  let quoted = false;
  let current = "";
  for (const ch of address) {
    if (ch === "'") quoted = !quoted;
    if (!quoted && sep.test(ch)) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.filter((p) => p !== "");
}

function parseOdfCell(ref: string, sheetFallback: string | null): { sheet: string; row: number; col: number } {
  let rest = ref.trim().replace(/^\$/, "");
  let sheet = sheetFallback;
  if (rest.startsWith("'")) {
    let i = 1;
    let name = "";
    for (; i < rest.length; i++) {
      if (rest[i] === "'" && rest[i + 1] === "'") {
        name += "'";
        i++;
      } else if (rest[i] === "'") break;
      else name += rest[i];
    }
    sheet = name;
    rest = rest.slice(i + 1);
  } else if (rest.includes(".")) {
    sheet = rest.slice(0, rest.lastIndexOf("."));
    rest = rest.slice(rest.lastIndexOf("."));
  }
  const m = /^\.?\$?([A-Za-z]+)\$?(\d+)$/.exec(rest);
  if (!m || sheet === null) throw new Error(`Not an ODF cell address: ${ref}`);
  let col = 0;
  for (const ch of m[1].toUpperCase()) col = col * 26 + ch.charCodeAt(0) - 64;
  return { sheet, row: Number(m[2]), col };
}

/** `'Pete''s data'.A2:'Pete''s data'.A9` → a SheetRange (first range only when several are listed). */
export function parseOdfRange(address: string): SheetRange {
  const first = splitOutsideQuotes(address.trim(), /\s/)[0] ?? "";
  const [a, b] = splitOutsideQuotes(first, /:/);
  const p = parseOdfCell(a, null);
  const q = b === undefined ? p : parseOdfCell(b, p.sheet);
  return { sheet: p.sheet, top: p.row, left: p.col, bottom: q.row, right: q.col };
}

const rangeAttr = (el: XmlElement | undefined, attr: string) =>
  el?.attrs[attr] ? parseOdfRange(el.attrs[attr]) : null;

/** The 1-based row and column of the table cell holding a drawing frame (repeats counted). */
function anchorOf(frame: XmlElement): { row: number; col: number } | null {
  const cell = ancestor(frame, "table:table-cell");
  const row = cell?.parent;
  const table = ancestor(frame, "table:table");
  if (!cell || !row || !table) return null;
  let col = 1;
  for (const c of row.children) {
    if (c === cell) break;
    if (c.name === "table:table-cell" || c.name === "table:covered-table-cell") {
      col += Number(c.attrs["table:number-columns-repeated"] ?? 1);
    }
  }
  let r = 1;
  // Rows of this table only: each embedded chart carries a little table of its own.
  const rows = findAll(table, "table:table-row").filter((tr) => ancestor(tr, "table:table") === table);
  for (const tr of rows) {
    if (tr === row) break;
    r += Number(tr.attrs["table:number-rows-repeated"] ?? 1);
  }
  return { row: r, col };
}

function chartOf(obj: XmlElement, sheet: string, frame: XmlElement): FodsChart | null {
  const chart = findFirst(obj, "chart:chart");
  if (!chart) return null;
  const styles = new Map(
    findAll(obj, "style:style").map((s) => [s.attrs["style:name"], findFirst(s, "style:chart-properties")]),
  );
  const plot = findFirst(chart, "chart:plot-area");
  const plotStyle = plot ? styles.get(plot.attrs["chart:style-name"]) : undefined;
  const title = findFirst(chart, "chart:title");
  const series = findAll(chart, "chart:series").map((s) => {
    const label = s.attrs["loext:label-string"];
    return {
      class: s.attrs["chart:class"] ?? null,
      values: rangeAttr(s, "chart:values-cell-range-address"),
      labelCell: rangeAttr(s, "chart:label-cell-address"),
      labelText: label === undefined ? null : label.replace(/^"(.*)"$/, "$1"),
      domain: rangeAttr(findFirst(s, "chart:domain"), "table:cell-range-address"),
    };
  });
  return {
    sheet,
    class: chart.attrs["chart:class"] ?? "",
    vertical: plotStyle?.attrs["chart:vertical"] === "true",
    title: title ? textOf(title).trim() : "",
    categories: rangeAttr(findFirst(chart, "chart:categories"), "table:cell-range-address"),
    series,
    anchor: anchorOf(frame),
  };
}

/** Every chart embedded in a flat ODS file, in document order. */
export function readChartsFromFods(fodsPath: string): FodsChart[] {
  const root = parseXml(readFileSync(fodsPath, "utf8"));
  const charts: FodsChart[] = [];
  for (const table of findAll(root, "table:table").filter((t) => !ancestor(t, "draw:object"))) {
    const sheet = table.attrs["table:name"] ?? "";
    for (const frame of findAll(table, "draw:frame")) {
      for (const obj of frame.children.filter((c) => c.name === "draw:object")) {
        const chart = chartOf(obj, sheet, frame);
        if (chart) charts.push(chart);
      }
    }
  }
  return charts;
}
