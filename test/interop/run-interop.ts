import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ChartBlock, ChartType, SheetRange, WorkbookSpec } from "../../src/workbook/spec";
import { buildRegisterFromFiles } from "../../src/pipeline/steps/build";
import { openRegister } from "../../src/pipeline/open-register";
import { sampleInputFiles } from "../../src/cli/sample-inputs";
import { summaryWorkbookBytes } from "../../src/pipeline/steps/summary";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { chartGallerySpec } from "./chart-gallery";
import { convertWithLibreOffice, readChartsFromFods, type FodsChart } from "./libreoffice";
import { printProblems } from "./print-checks";
import { renderPages } from "./render-pages";
import { xlsxFileHost } from "../../src/workbook/xlsx/file-host";

/**
 * LibreOffice interop (`npm run test:interop`): every workbook in `interopWorkbooks()` is written as
 * .xlsx into test-artifacts/interop/, converted by LibreOffice to flat ODS, and each chart of its spec
 * is looked up by sheet and title: its class, direction, position and every series' ranges must be
 * what the spec asked for. Exits 1 with a list of mismatches. `--render` also writes PNG pages.
 */

export interface InteropWorkbook {
  /** File stem under test-artifacts/interop/. */
  name: string;
  /** Builds the workbook; returns its bytes and the spec whose charts must survive. */
  build(): Promise<{ bytes: Uint8Array; spec: WorkbookSpec }>;
}

async function fromSpec(spec: WorkbookSpec, label: string): Promise<{ bytes: Uint8Array; spec: WorkbookSpec }> {
  const book = XlsxWorkbook.create(label);
  await book.write(spec);
  return { bytes: await book.toBytes(), spec };
}

/**
 * The demo's summary workbook, made the way `npm run demo` makes it: the seeded sample's messy
 * files, built into a register, then the whole summary (with the exact selection, so the frontier
 * chart is there too).
 */
async function demoSummary(): Promise<{ bytes: Uint8Array; spec: WorkbookSpec }> {
  const { files } = await sampleInputFiles({ seed: 1 });
  const built = await buildRegisterFromFiles(xlsxFileHost, files, { generatedAt: "2026-11-01T00:00:00.000Z" });
  const opened = await openRegister(await XlsxWorkbook.open(built.bytes, "register.xlsx"));
  const { bytes, run } = await summaryWorkbookBytes(xlsxFileHost, opened, {
    today: "2026-11-23",
    generatedAt: "2026-11-23T00:00:00.000Z",
    select: true,
    timeLimitSeconds: 30,
  });
  // The pack must carry all six charts: five on the dashboard and the frontier on Selection.
  const charts = run.spec.sheets.flatMap((sh) => sh.blocks.filter((b) => b.kind === "chart"));
  if (charts.length < 6 || run.inputs.selection?.status !== "optimal") {
    throw new Error(
      `The demo summary has ${charts.length} charts and selection status ${run.inputs.selection?.status}; expected 6 charts and an optimal selection.`,
    );
  }
  return { bytes, spec: run.spec };
}

/** The workbooks the interop run checks: every chart of each spec must come back from LibreOffice. */
export function interopWorkbooks(): InteropWorkbook[] {
  return [
    { name: "chart-gallery", build: () => fromSpec(chartGallerySpec(), "chart-gallery.xlsx") },
    { name: "demo-summary", build: demoSummary },
  ];
}

const EXPECTED_CLASS: Record<ChartType, string> = {
  column: "chart:bar",
  bar: "chart:bar",
  line: "chart:line",
  pie: "chart:circle",
  doughnut: "chart:ring",
  scatter: "chart:scatter",
};

const show = (r: SheetRange | null) => (r ? `'${r.sheet}'!R${r.top}C${r.left}:R${r.bottom}C${r.right}` : "none");
const sameRange = (a: SheetRange | null, b: SheetRange) =>
  a !== null &&
  a.sheet === b.sheet &&
  a.top === b.top &&
  a.left === b.left &&
  a.bottom === b.bottom &&
  a.right === b.right;

/** Mismatches between one spec chart and what LibreOffice read (empty = all good). */
export function compareChart(sheet: string, spec: ChartBlock, found: FodsChart): string[] {
  const where = `${sheet} / "${spec.title}"`;
  const problems: string[] = [];
  if (found.class !== EXPECTED_CLASS[spec.type]) {
    problems.push(`${where}: class ${found.class}, expected ${EXPECTED_CLASS[spec.type]}`);
  }
  if ((spec.type === "bar" || spec.type === "column") && found.vertical !== (spec.type === "bar")) {
    problems.push(`${where}: chart:vertical=${found.vertical} for a ${spec.type} chart`);
  }
  if (!found.anchor || found.anchor.row !== spec.row || found.anchor.col !== spec.col) {
    problems.push(`${where}: anchored at ${JSON.stringify(found.anchor)}, expected row ${spec.row} col ${spec.col}`);
  }
  if (found.series.length !== spec.series.length) {
    problems.push(`${where}: ${found.series.length} series, expected ${spec.series.length}`);
  }
  spec.series.forEach((s, i) => {
    const f = found.series[i];
    if (!f) return;
    if (!sameRange(f.values, s.values))
      problems.push(`${where} series ${i}: values ${show(f.values)}, expected ${show(s.values)}`);
    if (f.labelText !== s.name)
      problems.push(`${where} series ${i}: name ${JSON.stringify(f.labelText)}, expected ${JSON.stringify(s.name)}`);
    if (spec.type === "scatter" && !sameRange(f.domain, s.categories)) {
      problems.push(`${where} series ${i}: x values ${show(f.domain)}, expected ${show(s.categories)}`);
    }
  });
  if (spec.type !== "scatter" && spec.series.length > 0 && !sameRange(found.categories, spec.series[0].categories)) {
    problems.push(`${where}: categories ${show(found.categories)}, expected ${show(spec.series[0].categories)}`);
  }
  return problems;
}

/** Every chart of the spec against the charts LibreOffice found; extra or missing charts are mismatches. */
export function compareWorkbook(spec: WorkbookSpec, found: FodsChart[]): string[] {
  const problems: string[] = [];
  const unmatched = [...found];
  for (const sheet of spec.sheets) {
    for (const block of sheet.blocks) {
      if (block.kind !== "chart" || block.series.length === 0) continue;
      const i = unmatched.findIndex((c) => c.sheet === sheet.name && c.title === block.title);
      if (i < 0) {
        problems.push(`${sheet.name} / "${block.title}": no such chart after conversion`);
        continue;
      }
      problems.push(...compareChart(sheet.name, block, unmatched[i]));
      unmatched.splice(i, 1);
    }
  }
  for (const c of unmatched) problems.push(`${c.sheet} / "${c.title}": a chart the spec does not have`);
  return problems;
}

async function main(): Promise<void> {
  const render = process.argv.includes("--render");
  const outDir = join("test-artifacts", "interop");
  mkdirSync(outDir, { recursive: true });
  let failures = 0;
  for (const wb of interopWorkbooks()) {
    const { bytes, spec } = await wb.build();
    const xlsxPath = join(outDir, `${wb.name}.xlsx`);
    writeFileSync(xlsxPath, bytes);
    const { path: fods, ms } = await convertWithLibreOffice(xlsxPath, "fods", outDir);
    const charts = readChartsFromFods(fods);
    const problems = compareWorkbook(spec, charts);
    process.stdout.write(`${wb.name}: ${charts.length} charts read back by LibreOffice in ${ms} ms\n`);
    for (const p of problems) process.stderr.write(`  MISMATCH ${p}\n`);
    if (wb.name === "demo-summary") {
      // The pack as a manager prints it: A4, headers and footers, no "###", the dashboard on one page.
      const { path: pdf } = await convertWithLibreOffice(xlsxPath, "pdf", outDir);
      const printed = printProblems(pdf, spec);
      process.stdout.write(`${wb.name}: printed to PDF, ${printed.length} print problem(s)\n`);
      for (const p of printed) process.stderr.write(`  PRINT ${p}\n`);
      problems.push(...printed);
    }
    if (problems.length) failures++;
    if (render) {
      const pages = await renderPages(xlsxPath, outDir);
      process.stdout.write(`  pages: ${pages.join(", ")}\n`);
    }
  }
  if (failures) {
    process.stderr.write(`Interop FAILED: ${failures} workbook(s) did not survive LibreOffice as specified.\n`);
    process.exit(1);
  }
  process.stdout.write(
    "Interop OK: every chart's type, position and ranges survived LibreOffice, and the pack prints.\n",
  );
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`Interop could not run: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  });
}
