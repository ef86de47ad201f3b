import { SCHEMA, type EntityName } from "../domain/schema";
import type { CellValue } from "../workbook/grid";
import { aliasWeight, fieldOrder, matchHeader, type HeaderMatch } from "./alias-index";
import { compatibleShare, type CoercionSettings } from "./coercion";

/**
 * Maps one table's headers to one entity's fields. Each column gets its best field, each field at
 * most one column (the better match wins; on a tie the earlier column takes the earlier field, so
 * GMPP 2023's two `colour_rating` columns become DeliveryConfidence then RagOverall). Fuzzy matches
 * must agree with the column's values (a `budget_comment` full of sentences is not Budget). Columns
 * that map to nothing stay as extras under their header. Under a two-row header the child label is
 * scored alone as well as with its group label (see `columnMatches`).
 */

export type MappingHow = "alias" | "fuzzy" | "saved" | "unmapped";

export interface ColumnInput {
  header: string;
  /** Position in the table (0-based), used for tie-breaks and duplicate-header keys. */
  index: number;
  /**
   * The column's own label when `header` is it prefixed by a group label (a two-row header:
   * `header` "Response Mitigation", `child` "Mitigation"). Omitted for one-row headers.
   */
  child?: string;
  /** Up to ~50 non-blank cells of the column. */
  sample: CellValue[];
}

export interface ColumnMapping {
  header: string;
  index: number;
  field: string | null;
  confidence: number;
  how: MappingHow;
  /** The alias that matched (weights sheet classification). */
  alias?: string;
  note?: string;
}

/** Saved mapping for one header signature: header → field (or null = keep as extra). */
export type SavedMapping = Record<string, string | null>;

export interface MappingResult {
  columns: ColumnMapping[];
  /** Classification evidence: Σ confidence × distinctiveness of the alias. */
  score: number;
  notes: string[];
}

/**
 * The key a saved mapping uses for a column: its header, with `#2`, `#3` … for repeats of the same
 * header (`colour_rating` and `colour_rating#2`).
 */
export function savedMappingKeys(headers: string[]): string[] {
  const seen = new Map<string, number>();
  return headers.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return n === 1 ? h : `${h}#${n}`;
  });
}

const COMPATIBLE_SHARE_MIN = 0.5;
const DATE_WORDS = /\b(?:date|deadline)\b/i;
/**
 * A child label matched without its group label scores this fraction of its match. It keeps an
 * exact or reordered alias of the combined label ahead (≥ 0.95: "Finish" + "Forecast" is
 * ForecastFinish, "Response" + "Category" is ResponseType), while a child alias (0.97 × 0.96 ≈ 0.93)
 * still beats any fuzzy match of the combined label (< 0.9: "Response Actionee" only *contains*
 * the alias "response"; "Actionee" alone is the field's name).
 */
const CHILD_ALONE_FACTOR = 0.96;

/**
 * What a column's header could mean, at most one entry per field: the combined header's matches,
 * and under a two-row header the child label's own matches (scaled by CHILD_ALONE_FACTOR), the
 * better of the two kept for each field. `viaChild` marks matches that came from the child alone.
 */
function columnMatches(entity: EntityName, column: ColumnInput): (HeaderMatch & { viaChild: boolean })[] {
  const best = new Map<string, HeaderMatch & { viaChild: boolean }>();
  for (const m of matchHeader(entity, column.header)) best.set(m.field, { ...m, viaChild: false });
  if (column.child && column.child !== column.header) {
    for (const m of matchHeader(entity, column.child)) {
      const score = m.score * CHILD_ALONE_FACTOR;
      const prev = best.get(m.field);
      if (!prev || score > prev.score) best.set(m.field, { ...m, score, viaChild: true });
    }
  }
  return [...best.values()];
}

export function mapHeaders(
  entity: EntityName,
  columns: ColumnInput[],
  settings: CoercionSettings,
  saved?: SavedMapping,
): MappingResult {
  const def = SCHEMA[entity];
  const fieldsByName = new Map(def.fields.map((f) => [f.name, f]));
  const notes: string[] = [];
  const out: ColumnMapping[] = columns.map((c) => ({
    header: c.header,
    index: c.index,
    field: null,
    confidence: 0,
    how: "unmapped",
  }));
  const taken = new Set<string>();
  const fixed = new Set<number>();

  if (saved) {
    const keys = savedMappingKeys(columns.map((c) => c.header));
    keys.forEach((key, i) => {
      if (!(key in saved)) return;
      const target = saved[key];
      fixed.add(i);
      if (target === null) {
        out[i] = { ...out[i], how: "saved", confidence: 1 };
      } else if (fieldsByName.has(target) && !taken.has(target)) {
        out[i] = { ...out[i], field: target, how: "saved", confidence: 1 };
        taken.add(target);
      } else {
        fixed.delete(i);
        notes.push(
          `saved mapping sends "${key}" to ${target}, which is not a free ${def.noun} field; mapped automatically instead.`,
        );
      }
    });
  }

  interface Candidate {
    col: number;
    field: string;
    score: number;
    how: "alias" | "fuzzy";
    alias: string;
    viaChild: boolean;
  }
  const candidates: Candidate[] = [];
  columns.forEach((c, i) => {
    if (fixed.has(i)) return;
    for (const m of columnMatches(entity, c)) {
      // A header about a date ("Mitigation Date") matches loosely only a date field, not Response.
      if (m.how === "fuzzy" && DATE_WORDS.test(c.header) && fieldsByName.get(m.field)!.type !== "date") continue;
      // A number field's alias needs numbers below it: a HIGH/MEDIUM/LOW "Risk Rating" is a Rating, not Exposure.
      if (m.how === "alias" && fieldsByName.get(m.field)!.type === "number") {
        if (compatibleShare(fieldsByName.get(m.field)!, c.sample, settings) < COMPATIBLE_SHARE_MIN) continue;
      }
      if (m.how === "fuzzy") {
        const f = fieldsByName.get(m.field)!;
        if (compatibleShare(f, c.sample, settings) < COMPATIBLE_SHARE_MIN) continue;
      }
      candidates.push({ col: i, field: m.field, score: m.score, how: m.how, alias: m.alias, viaChild: m.viaChild });
    }
  });
  candidates.sort(
    (a, b) => b.score - a.score || a.col - b.col || fieldOrder(entity, a.field) - fieldOrder(entity, b.field),
  );
  const used = new Set<number>(fixed);
  for (const c of candidates) {
    if (used.has(c.col) || taken.has(c.field)) continue;
    used.add(c.col);
    taken.add(c.field);
    out[c.col] = { ...out[c.col], field: c.field, confidence: round(c.score), how: c.how, alias: c.alias };
    if (c.viaChild) out[c.col].note = `matched by its own label "${columns[c.col].child}", without the group label`;
  }

  if (entity === "Projects") applySinglePairRule(out, notes);

  let score = 0;
  for (const m of out) {
    if (!m.field) continue;
    score += m.how === "saved" ? 1 : m.confidence * aliasWeight(m.alias ?? "");
  }
  return { columns: out, score, notes };
}

const STARTS = ["BaselineStart", "ForecastStart", "ActualStart"];
const FINISHES = ["BaselineFinish", "ForecastFinish", "ActualFinish"];

/**
 * docs/domain.md "Header mapping": a sheet with a single pair of start/end dates maps them to ForecastStart/
 * ForecastFinish — one pair of dates is the current plan, whatever its header calls it
 * (an "actual" pair alone stays actual: those dates really happened).
 */
function applySinglePairRule(out: ColumnMapping[], notes: string[]): void {
  const starts = out.filter((m) => m.field && STARTS.includes(m.field));
  const finishes = out.filter((m) => m.field && FINISHES.includes(m.field));
  if (starts.length !== 1 || finishes.length !== 1) return;
  const [s, f] = [starts[0], finishes[0]];
  if (s.how === "saved" || f.how === "saved" || s.field === "ActualStart" || f.field === "ActualFinish") return;
  if (s.field === "ForecastStart" && f.field === "ForecastFinish") return;
  notes.push(`the only start/end pair ("${s.header}", "${f.header}") is read as ForecastStart/ForecastFinish.`);
  s.field = "ForecastStart";
  f.field = "ForecastFinish";
  s.note = f.note = "single start/end pair → forecast dates";
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
