import type { EntityName, FieldDef } from "../domain/schema";
import type { CellValue, Grid } from "../workbook/grid";
import { columnLetters } from "../workbook/grid";
import { isBlankCell } from "./coercion";
import { cellAt, dataCell, type DetectedRegion } from "./header-detection";
import type { SavedMapping } from "./header-mapping";
import { headerMoneyUnit, headerText, normaliseHeader } from "./header-text";
import { parseLocaleNumber, parseMoneyText } from "./money-parsing";

/**
 * The unit a money column's figures are in (issue 14, item 5), decided once per column, first
 * source that says it wins: the user's answer (`pmo build --money-unit COLUMN=m`, or the saved
 * mapping's `@unit <header>` key: the mapping file and PMO Settings remember it), the header
 * (`Budget (£m)`, `TCV (k)`, `($ M)`, `£000s`), a units row just above the header (`£m` over the
 * column), a title or note above the table ("All figures in £000s"). Said nowhere, a project's
 * budget column whose figures look like millions (GMPP: 471.8 for £471.8m) is not guessed: the
 * ingest asks a UnitQuestion, which the CLI prints and the pane's review can show.
 */

/** Where a column's unit was said. */
export type UnitSource = "answer" | "header" | "units row" | "title";

export interface DeclaredUnit {
  /** What one source figure is worth in currency units (1e6 for £m). */
  multiplier: number;
  said: UnitSource;
  /** The text that said it (the header, the units cell, the title), or the answer as given. */
  text: string;
}

/** A money column whose unit is said nowhere and whose figures look like millions or thousands. */
export interface UnitQuestion {
  file: string;
  sheet: string;
  entity: EntityName;
  field: string;
  header: string;
  /** Column letter in the sheet. */
  column: string;
  /** The layout's header signature: `@unit <header>` under it in a saved mapping answers for next time. */
  headerSignature: string;
  /** Median of the column's figures, and how many figures there are. */
  median: number;
  count: number;
  /** The unit the figures most likely are in (1e6 for millions). */
  suggested: number;
  /** Names the file, sheet and column, and says how to answer. */
  message: string;
}

/** The saved-mapping key that records a column's money unit (beside `@entity`). */
export const SAVED_UNIT_PREFIX = "@unit ";

const ANSWERS: Record<string, number> = {
  "1": 1,
  units: 1,
  k: 1e3,
  "000": 1e3,
  "000s": 1e3,
  thousands: 1e3,
  m: 1e6,
  mn: 1e6,
  millions: 1e6,
  bn: 1e9,
  billions: 1e9,
};

/** `m` → 1e6, `k` → 1e3, `1` → 1 (and the long words); null for anything else. */
export function parseUnitAnswer(text: string): number | null {
  return ANSWERS[text.trim().toLowerCase()] ?? null;
}

/**
 * `--money-unit` values (`wlc_baseline_incl_NCG=m`, repeatable) → header or field → multiplier;
 * undefined for none; a message saying what is wrong for a value that is not COLUMN=m|k|1.
 */
export function parseMoneyUnitFlags(values: string[]): Record<string, number> | undefined | string {
  if (values.length === 0) return undefined;
  const out: Record<string, number> = {};
  for (const v of values) {
    const at = v.lastIndexOf("=");
    const unit = at > 0 ? parseUnitAnswer(v.slice(at + 1)) : null;
    if (at <= 0 || unit === null) return `--money-unit takes COLUMN=m, COLUMN=k or COLUMN=1 (got "${v}").`;
    out[v.slice(0, at).trim()] = unit;
  }
  return out;
}

/** The short name of a multiplier, as an answer is written (`m`, `k`, `1`, `bn`). */
export function unitAnswerText(multiplier: number): string {
  return multiplier === 1e9 ? "bn" : multiplier === 1e6 ? "m" : multiplier === 1e3 ? "k" : "1";
}

/** Words for a unit in a message: "millions", "thousands", "units". */
export function unitWords(multiplier: number): string {
  return multiplier === 1e9 ? "billions" : multiplier === 1e6 ? "millions" : multiplier === 1e3 ? "thousands" : "units";
}

/** A cell that is nothing but a unit (`£m`, `(£000s)`, `$ M`, `k`, `£'000`): a units-row cell. */
const UNIT_TOKEN =
  /^\(?\s*[£$€]?\s*(?:m|mn|millions?|k|000s?|'000s?|thousands?|bn|billions?)\s*\)?$|^\(?\s*[£$€]\s*\)?$/i;

/** A sentence above a table that says its figures' unit ("All figures in £m", "£ thousands"). */
const TITLE_UNIT =
  /\b(?:in|figures|amounts|values|costs|money)\b[^.]{0,40}?(?:[£$€]\s*)?(millions?|thousands?|bn|m|k|000s?|'000s?)\b/i;

function tokenMultiplier(text: string): number | null {
  const t = text
    .replace(/[()\s]/g, "")
    .replace(/^[£$€]/, "")
    .toLowerCase();
  if (t === "") return null;
  if (/^(?:m|mn|millions?)$/.test(t)) return 1e6;
  if (/^(?:k|000s?|'000s?|thousands?)$/.test(t)) return 1e3;
  if (/^(?:bn|billions?)$/.test(t)) return 1e9;
  return null;
}

function titleMultiplier(text: string): number | null {
  const fromHeaderWords = headerMoneyUnit(text);
  if (fromHeaderWords !== null) return fromHeaderWords;
  const m = TITLE_UNIT.exec(text);
  return m ? tokenMultiplier(m[1]) : null;
}

/** How far above the header a title or units row may sit. */
const ROWS_ABOVE = 12;

/**
 * Units said above a table: per column, a units row (the nearest row above the header whose
 * cells over the table are unit tokens), and for the whole table a title or note cell.
 */
export function unitsAboveTable(
  grid: Grid,
  region: DetectedRegion,
): { byColumn: Map<number, DeclaredUnit>; table: DeclaredUnit | null } {
  const byColumn = new Map<number, DeclaredUnit>();
  let table: DeclaredUnit | null = null;
  if (region.kind !== "table") return { byColumn, table };
  const top = region.headerRow - (region.headerRows - 1);
  const cols = region.columns.map((c) => c.index);
  for (let r = top - 1; r >= Math.max(0, top - ROWS_ABOVE) && byColumn.size === 0; r--) {
    // The nearest row above the header with unit cells over the table's columns is its units row.
    for (const c of cols) {
      const text = headerText(cellAt(grid, r, c));
      if (text === "" || text.length > 12 || !UNIT_TOKEN.test(text)) continue;
      const multiplier = tokenMultiplier(text);
      if (multiplier !== null) byColumn.set(c, { multiplier, said: "units row", text });
    }
  }
  const width = grid.values[0]?.length ?? 0;
  for (let r = Math.max(0, top - ROWS_ABOVE); r < top && !table; r++) {
    for (let c = 0; c < width && !table; c++) {
      const text = headerText(cellAt(grid, r, c));
      if (text === "" || text.length > 120 || UNIT_TOKEN.test(text)) continue;
      const multiplier = titleMultiplier(text);
      if (multiplier !== null) table = { multiplier, said: "title", text };
    }
  }
  return { byColumn, table };
}

/** The user's answer for a column: `answers` keyed by header or field name, then the saved mapping. */
export function answeredUnit(
  header: string,
  field: FieldDef,
  answers: Record<string, number> | undefined,
  saved: SavedMapping | undefined,
): DeclaredUnit | null {
  const wanted = normaliseHeader(header);
  for (const [key, multiplier] of Object.entries(answers ?? {})) {
    if (key === field.name || key === header || normaliseHeader(key) === wanted) {
      return { multiplier, said: "answer", text: `${key}=${unitAnswerText(multiplier)}` };
    }
  }
  const savedAnswer = saved?.[`${SAVED_UNIT_PREFIX}${header}`];
  const multiplier = typeof savedAnswer === "string" ? parseUnitAnswer(savedAnswer) : null;
  return multiplier === null
    ? null
    : { multiplier, said: "answer", text: `saved mapping: ${unitAnswerText(multiplier)}` };
}

/** Entities whose money fields hold whole budgets and costs (a project's budget is not £471). */
const BUDGET_ENTITIES = new Set<EntityName>(["Projects", "Programmes"]);
/** A project budget below this many currency units is implausible: the figures are in a larger unit. */
const PLAUSIBLE_BUDGET_MIN = 10_000;
const MIN_FIGURES = 5;

function figure(v: CellValue): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v !== "string") return null;
  const m = parseMoneyText(v);
  if (m) return m.suffix === null ? m.amount : null;
  return parseLocaleNumber(v);
}

/**
 * The question to ask when a budget column's unit is said nowhere and its figures, read as the
 * register's unit, would make a typical project cost less than £10,000. Null when nothing to ask.
 */
export function unitQuestionFor(
  grid: Grid,
  region: DetectedRegion,
  entity: EntityName,
  field: FieldDef,
  columnIndex: number,
  header: string,
  registerUnit: number,
  signature: string,
): UnitQuestion | null {
  if (field.type !== "money" || !BUDGET_ENTITIES.has(entity) || region.kind !== "table") return null;
  const figures: number[] = [];
  for (const r of region.dataRows) {
    const v = dataCell(grid, r, columnIndex);
    if (isBlankCell(v)) continue;
    const n = figure(v);
    if (n !== null && n > 0) figures.push(n);
  }
  if (figures.length < MIN_FIGURES) return null;
  figures.sort((a, b) => a - b);
  const median = figures[Math.floor(figures.length / 2)];
  if (median * registerUnit >= PLAUSIBLE_BUDGET_MIN) return null;
  // Below 1,000 a budget is most likely in millions (GMPP: 471.8); from 1,000 up, thousands.
  const suggested = median * registerUnit < 1_000 ? 1e6 : 1e3;
  const column = columnLetters(grid.origin.col + columnIndex);
  const mid = median.toLocaleString("en-GB", { maximumFractionDigits: 2 });
  return {
    file: grid.file,
    sheet: grid.sheet,
    entity,
    field: field.name,
    header,
    column,
    headerSignature: signature,
    median,
    count: figures.length,
    suggested,
    message:
      `${grid.file}, sheet "${grid.sheet}", column ${column} ("${header}", ${field.name}): no unit is given and the ` +
      `figures look like ${unitWords(suggested)} (median ${mid} over ${figures.length} rows); they were read as they ` +
      `stand. Say the unit: pmo build --money-unit "${header}=${unitAnswerText(suggested)}" (or =${suggested === 1e6 ? "k" : "m"}, =1), or put ` +
      `"${SAVED_UNIT_PREFIX}${header}": "${unitAnswerText(suggested)}" under ${signature} in the mapping file.`,
  };
}
