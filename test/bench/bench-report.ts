import type { Register } from "../../src/domain/register";

/**
 * What each bench area returns and how the orchestrator prints it: one compact table (name,
 * measured, baseline, ratio, goal, result) with the details as numbered notes below, or one JSON
 * document with `--json`. A goal comes from the issue that asked for the figure (its number is in
 * `issue`); rows without a goal are information.
 */

export type Unit = "ms" | "MB" | "KB" | "records/s" | "value";

export interface Figure {
  value: number;
  unit: Unit;
}

/** pass/over for limits, FAIL for a correctness goal, info without a goal, skipped when not run. */
export type Verdict = "pass" | "over" | "FAIL" | "info" | "skipped";

export interface BenchRow {
  area: string;
  name: string;
  measured: Figure | null;
  /** Shown in place of the bare figure when more needs saying ("3800 in 368 ms"). */
  measuredText?: string;
  baseline?: { label: string; figure: Figure | null; text?: string };
  /** measured / baseline, both from this run. */
  ratio?: number;
  goal?: string;
  issue?: number;
  verdict: Verdict;
  note?: string;
}

export interface BenchContext {
  /** Runs for cheap measurements (their median is the figure). */
  runs: number;
  /** Rounds for the expensive ones (whole-file reads). */
  heavyRuns: number;
  /** Rounds for the slowest (the summary workbook, ~25 s a round on 2 cores). */
  slowRuns: number;
  /** Progress on stderr (stdout carries the result). */
  log(message: string): void;
  /** The 10,000-project estate (SCALE_ESTATE_OPTIONS, seed 1), generated once and shared. */
  scaleEstate(): Register;
  /** Drops the shared estate when no later area needs it. */
  releaseScaleEstate(): void;
}

export interface BenchArea {
  name: string;
  /** What the area measures, for `--only` help and the JSON document. */
  title: string;
  run(ctx: BenchContext): Promise<BenchRow[]>;
}

/** A row with an upper limit on a figure (time, size, ratio): pass or over. */
export function limitVerdict(value: number, limit: number): Verdict {
  return Number.isFinite(value) && value <= limit ? "pass" : "over";
}

export function skippedRow(area: string, name: string, reason: string, goal?: string, issue?: number): BenchRow {
  return { area, name, measured: null, measuredText: "not run", goal, issue, verdict: "skipped", note: reason };
}

const grouped = (n: number, digits: number): string =>
  n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

export function formatFigure(f: Figure | null): string {
  if (!f) return "—";
  switch (f.unit) {
    case "ms":
      return f.value >= 10_000 ? `${grouped(f.value / 1000, 1)} s` : `${grouped(f.value, f.value < 10 ? 1 : 0)} ms`;
    case "MB":
      return `${grouped(f.value, 0)} MB`;
    case "KB":
      return `${grouped(f.value, 1)} KB`;
    case "records/s":
      return `${grouped(f.value / 1000, 0)}k rec/s`;
    case "value":
      return grouped(f.value, Number.isInteger(f.value) ? 0 : 2);
  }
}

function cells(row: BenchRow): string[] {
  const baseline = row.baseline ? (row.baseline.text ?? formatFigure(row.baseline.figure)) : "—";
  return [
    row.name,
    row.measuredText ?? formatFigure(row.measured),
    baseline,
    row.ratio === undefined || !Number.isFinite(row.ratio) ? "—" : `${row.ratio.toFixed(2)}×`,
    row.goal ? `${row.goal}${row.issue ? ` (#${row.issue})` : ""}` : "—",
    row.verdict,
  ];
}

/** The table with notes: plain text, fixed-width columns, one row per figure, grouped by area. */
export function formatTable(rows: BenchRow[], header: string): string {
  const head = ["name", "measured", "baseline", "ratio", "goal", "result"];
  const notes: string[] = [];
  const lines: (string[] | string)[] = [];
  let area = "";
  for (const row of rows) {
    if (row.area !== area) {
      area = row.area;
      lines.push(`${area}:`);
    }
    const c = cells(row);
    if (row.note) {
      notes.push(row.note);
      c[0] = `${c[0]} [${notes.length}]`;
    }
    c[0] = `  ${c[0]}`;
    lines.push(c);
  }
  const body = lines.filter((l): l is string[] => Array.isArray(l));
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((c) => c[i].length)));
  const line = (c: string[]) =>
    c
      .map((v, i) => (i === 0 || i === 4 ? v.padEnd(widths[i]) : v.padStart(widths[i])))
      .join("  ")
      .trimEnd();
  const out = [header, "", line(head), widths.map((w) => "-".repeat(w)).join("  ")];
  for (const l of lines) out.push(typeof l === "string" ? l : line(l));
  const counts = ["pass", "over", "FAIL", "skipped"].map((v) => `${rows.filter((r) => r.verdict === v).length} ${v}`);
  out.push("", `goals: ${counts.join(", ")}`);
  if (notes.length) out.push("", "notes:", ...notes.map((n, i) => `[${i + 1}] ${n}`));
  return out.join("\n");
}

export function jsonDocument(rows: BenchRow[], meta: Record<string, unknown>): string {
  return JSON.stringify({ ...meta, rows }, null, 2);
}
