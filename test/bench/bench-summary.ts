import ExcelJS from "exceljs";
import { DEFAULT_SETTINGS, cloneSettings } from "../../src/domain/settings";
import { ENTITY_NAMES } from "../../src/domain/schema";
import type { OpenRegister } from "../../src/pipeline/open-register";
import { summaryWorkbookBytes, type SummaryOptions } from "../../src/pipeline/steps/summary";
import { generateEstate } from "../../src/sample";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import type { BenchArea, BenchRow } from "./bench-report";
import { limitVerdict } from "./bench-report";
import { median, timeOnce } from "./measurement";
import { xlsxFileHost } from "../../src/workbook/xlsx/file-host";

/**
 * Issue 6: the summary workbook for 60 programmes / 2,000 projects, as a ratio to exceljs writing
 * the same cells without charts (goal ≤ 1.3×). "The same cells" are read back from the summary
 * workbook itself (every sheet, every value, formulas with their cached results), then written by
 * plain exceljs with no styles, tables or charts. The goal is on writing: the render of the finished
 * spec (tables, formats, names, native charts) against exceljs writing the same cells. The whole
 * `summaryWorkbookBytes` (every analysis, then the render), as `pmo summary` runs it, is shown
 * beneath it with its stages, so the analyses' share (mostly the exact selection) is visible.
 */

const AREA = "summary";
const OPTIONS: SummaryOptions = {
  today: "2026-11-01",
  reportingDate: "2026-10-31",
  generatedAt: "2026-11-01T00:00:00.000Z",
};

/** The register as `openRegister` would hand it over, without the detour through a register file. */
function openedEstate(programmes: number, projects: number): OpenRegister {
  const register = generateEstate({ seed: 1, programmes, projects });
  return {
    register,
    found: [...ENTITY_NAMES],
    asImported: new Map(),
    importedAt: () => undefined,
    locate: () => undefined,
    problems: [],
    label: "register.xlsx",
    grids: [],
    sheetNames: [],
    settings: cloneSettings(DEFAULT_SETTINGS),
    settingsProblems: [],
    settingsFound: false,
    read: { file: "estate.xlsx", grids: [], skipped: [], problems: [] },
    settingsNotes: [],
    readProblems: [],
  };
}

/** summaryWorkbookBytes with the time at which each stage began (from its own progress reports). */
async function timedSummary(opened: OpenRegister) {
  const marks: { stage: string; at: number }[] = [];
  const t0 = performance.now();
  const out = await summaryWorkbookBytes(xlsxFileHost, opened, OPTIONS, {
    progress: (p) => {
      if (marks[marks.length - 1]?.stage !== p.stage) marks.push({ stage: p.stage, at: performance.now() - t0 });
    },
  });
  const total = performance.now() - t0;
  const stages = marks.map((m, i) => `${m.stage} ${(((marks[i + 1]?.at ?? total) - m.at) / 1000).toFixed(1)} s`);
  return { ...out, stages };
}

type SheetCells = { name: string; rows: ExcelJS.CellValue[][] };

async function cellsOf(bytes: Uint8Array): Promise<SheetCells[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as Parameters<ExcelJS.Xlsx["load"]>[0]);
  return wb.worksheets.map((ws) => {
    const rows: ExcelJS.CellValue[][] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      const values: ExcelJS.CellValue[] = [];
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        values[c - 1] = cell.value;
      });
      rows[r - 1] = values;
    });
    return { name: ws.name, rows };
  });
}

/** The baseline: exceljs writing those values in place, nothing else. */
async function plainWrite(sheets: SheetCells[]): Promise<number> {
  const wb = new ExcelJS.Workbook();
  for (const sheet of sheets) {
    const ws = wb.addWorksheet(sheet.name);
    sheet.rows.forEach((values, r) => {
      if (!values) return;
      const row = ws.getRow(r + 1);
      values.forEach((v, c) => {
        if (v !== undefined && v !== null) row.getCell(c + 1).value = v;
      });
    });
  }
  const buffer = await wb.xlsx.writeBuffer();
  return buffer.byteLength;
}

async function renderSpec(spec: Awaited<ReturnType<typeof summaryWorkbookBytes>>["run"]["spec"]) {
  const workbook = XlsxWorkbook.create("summary.xlsx");
  await workbook.write(spec);
  return workbook.toBytes();
}

export const area: BenchArea = {
  name: AREA,
  title: "summary workbook (60 programmes / 2,000 projects) vs exceljs writing the same cells",
  async run(ctx) {
    ctx.log("summary: warm-up on a small estate");
    const warm = await summaryWorkbookBytes(xlsxFileHost, openedEstate(3, 40), OPTIONS);
    await plainWrite(await cellsOf(warm.bytes));
    const opened = openedEstate(60, 2_000);
    const whole: number[] = [];
    const render: number[] = [];
    const plain: number[] = [];
    let last: Awaited<ReturnType<typeof timedSummary>> | null = null;
    let cells: SheetCells[] = [];
    for (let round = 0; round < ctx.slowRuns; round++) {
      ctx.log(`summary: round ${round + 1} of ${ctx.slowRuns}`);
      const w = await timeOnce(() => timedSummary(opened));
      whole.push(w.ms);
      last = w.result;
      if (round === 0) cells = await cellsOf(last.bytes);
      const spec = last.run.spec;
      render.push((await timeOnce(() => renderSpec(spec))).ms);
      plain.push((await timeOnce(() => plainWrite(cells))).ms);
    }
    if (!last) throw new Error("no summary round ran");
    const cellCount = cells.reduce(
      (n, s) => n + s.rows.reduce((m, r) => m + (r ? r.filter((v) => v != null).length : 0), 0),
      0,
    );
    const charts = last.run.spec.sheets.reduce((n, s) => n + s.blocks.filter((b) => b.kind === "chart").length, 0);
    const baseline = { label: "exceljs, same cells", figure: { value: median(plain), unit: "ms" as const } };
    const ratio = median(render) / median(plain);
    const selection = last.run.inputs.selection;
    const rows: BenchRow[] = [
      {
        area: AREA,
        name: "summary 60 programmes / 2,000 projects: write vs exceljs",
        measured: { value: median(render), unit: "ms" },
        baseline,
        ratio,
        goal: "≤ 1.3×",
        issue: 6,
        verdict: limitVerdict(ratio, 1.3),
        note:
          `The render of the summary spec to .xlsx bytes: ${last.run.spec.sheets.length} sheets, ${charts} native charts, ` +
          `${cellCount.toLocaleString("en-GB")} cells, ${(last.bytes.length / 1e6).toFixed(1)} MB, against plain exceljs writing ` +
          `the same cell values. Median of ${ctx.slowRuns} round(s) after a warm-up on a small estate ` +
          `(${render.map((v) => v.toFixed(0)).join("/")} ms vs ${plain.map((v) => v.toFixed(0)).join("/")} ms).`,
      },
      {
        area: AREA,
        name: "  whole pmo summary (analyses + write)",
        measured: { value: median(whole), unit: "ms" },
        baseline,
        ratio: median(whole) / median(plain),
        verdict: "info",
        note:
          `summaryWorkbookBytes: validation, analysis, prioritisation${selection ? ` with selection (${selection.status}, frontier and hire re-solves)` : ""}, ` +
          `capacity, then the render. Stages: ${last.stages.join(", ")}.`,
      },
    ];
    return rows;
  },
};
