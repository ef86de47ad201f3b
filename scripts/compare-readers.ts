import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { gzipSync } from "node:zlib";
import { generateEstate, renderMessySources, type XlsxSource } from "../src/sample";
import type { Grid, ReadResult } from "../src/workbook/grid";
import { readWithSheetJs } from "../src/workbook/sheetjs/sheetjs-reader";
import { writeRawWorkbook } from "../src/workbook/xlsx/raw-writer";
import { readXlsx } from "../src/workbook/xlsx/xlsx-reader";

/**
 * The measurement behind the reader choice in docs/decisions.md ("Reading every spreadsheet
 * format"): exceljs (the current reader) against SheetJS CE on the corpus's .xlsx files and on a
 * generated 1,000-project messy tracker. Prints speed (median of 5 reads), peak memory (a child
 * process per reader and file: max RSS after the read less max RSS before it), and whether the two
 * readers give the same grids. `tsx scripts/compare-readers.ts [corpus dir]`; a child run is
 * `tsx scripts/compare-readers.ts --memory exceljs|sheetjs FILE`.
 */

async function readWith(reader: string, bytes: Uint8Array, file: string): Promise<ReadResult> {
  return reader === "exceljs" ? readXlsx(bytes, file) : readWithSheetJs(bytes, file, "xlsx");
}

async function memoryChild(reader: string, file: string): Promise<void> {
  const bytes = new Uint8Array(readFileSync(file));
  // Warm the module on a tiny read first so loading the library itself is not charged.
  const before = process.resourceUsage().maxRSS;
  const result = await readWith(reader, bytes, path.basename(file));
  const after = process.resourceUsage().maxRSS;
  process.stdout.write(JSON.stringify({ deltaMB: (after - before) / 1024, grids: result.grids.length }) + "\n");
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a instanceof Date && b instanceof Date) return a.getTime() === b.getTime();
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  return a === b;
}

/** Cells that differ between two reads of one file, as "Sheet!A1: x ≠ y" (first few). */
function gridDifferences(a: Grid[], b: Grid[]): { cells: number; differ: number; examples: string[] } {
  let cells = 0;
  let differ = 0;
  const examples: string[] = [];
  const other = new Map(b.map((g) => [g.sheet, g]));
  for (const g of a) {
    const h = other.get(g.sheet);
    const at = (grid: Grid | undefined, r: number, c: number) => {
      if (!grid) return null;
      const rr = r - grid.origin.row;
      const cc = c - grid.origin.col;
      return grid.values[rr]?.[cc] ?? null;
    };
    for (let r = 0; r < g.values.length; r++) {
      for (let c = 0; c < g.values[r].length; c++) {
        const v = g.values[r][c];
        if (v === null) continue;
        cells++;
        const w = at(h, r + g.origin.row, c + g.origin.col);
        if (!sameValue(v, w)) {
          differ++;
          if (examples.length < 4)
            examples.push(`${g.sheet}!R${r + g.origin.row}C${c + g.origin.col}: ${String(v)} ≠ ${String(w)}`);
        }
      }
    }
  }
  return { cells, differ, examples };
}

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

async function timeReads(reader: string, bytes: Uint8Array, file: string, runs: number): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await readWith(reader, bytes, file);
    times.push(performance.now() - t0);
  }
  return median(times);
}

function childMemory(reader: string, file: string): number {
  const out = execFileSync(process.execPath, [...process.execArgv, __filename, "--memory", reader, file], {
    encoding: "utf8",
    maxBuffer: 1 << 20,
  });
  return (JSON.parse(out.trim().split("\n").pop()!) as { deltaMB: number }).deltaMB;
}

function gzipKB(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length / 1024;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === "--memory") return memoryChild(args[1], args[2]);
  const corpus = args[0] ?? path.resolve(__dirname, "..", "..", "..", "shared", "corpus", "xlsx");
  const dir = mkdtempSync(path.join(tmpdir(), "pmo-readers-"));
  try {
    const files: string[] = existsSync(corpus)
      ? readdirSync(corpus)
          .filter((f) => f.endsWith(".xlsx"))
          .map((f) => path.join(corpus, f))
      : [];
    if (files.length === 0) console.log(`(corpus ${corpus} absent: only the generated workbook is measured)`);
    const estate = generateEstate({ projects: 1000, seed: 1 });
    const tracker = renderMessySources(estate, { seed: 1 }).find(
      (s): s is XlsxSource => s.kind === "xlsx" && s.file === "Portfolio Tracker.xlsx",
    )!;
    const plan = renderMessySources(estate, { seed: 1 }).find(
      (s): s is XlsxSource => s.kind === "xlsx" && s.file === "Resource Plan.xlsx",
    )!;
    const generated = path.join(dir, "generated-1000-projects.xlsx");
    writeFileSync(generated, await writeRawWorkbook([...tracker.sheets, ...plan.sheets]));
    files.push(generated);
    console.log("| file | KB | exceljs ms | SheetJS ms | exceljs peak MB | SheetJS peak MB | cells | differ |");
    console.log("|---|---|---|---|---|---|---|---|");
    for (const file of files) {
      const bytes = new Uint8Array(readFileSync(file));
      const name = path.basename(file);
      await readWith("exceljs", bytes, name);
      await readWith("sheetjs", bytes, name);
      const runs = 5;
      const ex = await timeReads("exceljs", bytes, name, runs);
      const sj = await timeReads("sheetjs", bytes, name, runs);
      const exMem = childMemory("exceljs", file);
      const sjMem = childMemory("sheetjs", file);
      const a = await readWith("exceljs", bytes, name);
      const b = await readWith("sheetjs", bytes, name);
      const d = gridDifferences(a.grids, b.grids);
      const back = gridDifferences(b.grids, a.grids);
      console.log(
        `| ${name} | ${(bytes.length / 1024).toFixed(0)} | ${ex.toFixed(0)} | ${sj.toFixed(0)} | ${exMem.toFixed(0)} | ` +
          `${sjMem.toFixed(0)} | ${d.cells} | ${d.differ}+${back.differ} ${[...d.examples, ...back.examples].slice(0, 3).join("; ")} |`,
      );
    }
    const modules = path.resolve(__dirname, "..", "node_modules");
    console.log(
      `\nminified library, gzip -9: exceljs dist/exceljs.min.js ${gzipKB(path.join(modules, "exceljs/dist/exceljs.min.js")).toFixed(0)} KB; ` +
        `SheetJS dist/xlsx.core.min.js ${gzipKB(path.join(modules, "@e965/xlsx/dist/xlsx.core.min.js")).toFixed(0)} KB, ` +
        `xlsx.mjs ${gzipKB(path.join(modules, "@e965/xlsx/xlsx.mjs")).toFixed(0)} KB (unminified ESM webpack takes)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
