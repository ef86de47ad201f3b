import { distance } from "fastest-levenshtein";
import { ENTITY_NAMES, SCHEMA, type EntityName, type FieldDef } from "../domain/schema";
import { normaliseHeader, splitCamel, tokenKey } from "./header-text";

/**
 * The schema's aliases compiled once into lookup tables: exact (normalised) spelling, the same
 * words in another order, and a list for edit-distance matching. Built lazily on first use and
 * shared by every sheet, so matching a header costs a map lookup plus a short fuzzy scan.
 */

export type MatchHow = "alias" | "fuzzy";

export interface HeaderMatch {
  field: string;
  /** 0–1: 1 = the field's own name, 0.97 = an alias, lower = fuzzy. */
  score: number;
  how: MatchHow;
  /** The normalised alias that matched (for the weighting of sheet classification). */
  alias: string;
}

interface AliasEntry {
  field: string;
  alias: string;
  /** Position of the field in the schema (earlier fields win exact ties). */
  order: number;
  isFieldName: boolean;
}

interface EntityIndex {
  exact: Map<string, AliasEntry[]>;
  tokens: Map<string, AliasEntry[]>;
  all: AliasEntry[];
}

export const FUZZY_MIN_SIMILARITY = 0.8;
/** Share of an alias's words a longer header must contain (`inherent probability` ⊃ `probability`). */
const CONTAINMENT_MIN_COVERAGE = 0.5;
/**
 * Words that change what a figure means, so a header holding them is not its alias "plus a
 * qualifier": `yearly_forecast` is an in-year figure, not ForecastCost; `budget_comment` is prose.
 */
const MEANING_CHANGING_WORDS = new Set([
  "yearly", "annual", "monthly", "quarterly", "weekly", "year", "month", "ytd", "previous", "prior", "last", "next",
  "comment", "comments", "commentary", "notes", "narrative", "reason", "explanation", "variance", "change",
]); // prettier-ignore

let cache: { perEntity: Map<EntityName, EntityIndex>; weight: Map<string, number> } | null = null;

function build(): NonNullable<typeof cache> {
  const perEntity = new Map<EntityName, EntityIndex>();
  const entitiesPerAlias = new Map<string, Set<EntityName>>();
  for (const entity of ENTITY_NAMES) {
    const idx: EntityIndex = { exact: new Map(), tokens: new Map(), all: [] };
    SCHEMA[entity].fields.forEach((f: FieldDef, order) => {
      const names = [normaliseHeader(splitCamel(f.name)), ...(f.aliases ?? []).map(normaliseHeader)];
      names.forEach((alias, i) => {
        if (!alias) return;
        const entry: AliasEntry = { field: f.name, alias, order, isFieldName: i === 0 };
        push(idx.exact, alias, entry);
        push(idx.tokens, tokenKey(alias), entry);
        idx.all.push(entry);
        if (!entitiesPerAlias.has(alias)) entitiesPerAlias.set(alias, new Set());
        entitiesPerAlias.get(alias)!.add(entity);
      });
    });
    perEntity.set(entity, idx);
  }
  const weight = new Map<string, number>();
  for (const [alias, set] of entitiesPerAlias) weight.set(alias, 1 / set.size);
  return { perEntity, weight };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function index(): NonNullable<typeof cache> {
  if (!cache) cache = build();
  return cache;
}

/**
 * How distinctive an alias is: 1 when only one entity uses it (`probability`), 1/8 when eight
 * entities share it (`status`). Sheet classification sums matches weighted by this.
 */
export function aliasWeight(alias: string): number {
  return index().weight.get(alias) ?? 0;
}

/** True when the normalised text is an alias (or field name) of some entity. */
export function isKnownHeader(normalised: string): boolean {
  return index().weight.has(normalised);
}

function similarity(a: string, b: string): number {
  const max = Math.max(a.length, b.length);
  return max === 0 ? 0 : 1 - distance(a, b) / max;
}

/**
 * Every field of `entity` the header could mean, best first, at most one entry per field.
 * Exact alias → 0.97 (the field's own name → 1); same words reordered → 0.95; edit distance ≥ 0.8
 * → 0.9 × similarity; a header containing every word of an alias and at least half its own
 * words from it → 0.6 + 0.3 × coverage (checked against the column's values by the caller).
 */
export function matchHeader(entity: EntityName, header: string): HeaderMatch[] {
  const idx = index().perEntity.get(entity)!;
  const norm = normaliseHeader(header);
  if (!norm) return [];
  const best = new Map<string, HeaderMatch & { order: number }>();
  const offer = (e: AliasEntry, score: number, how: MatchHow): void => {
    const prev = best.get(e.field);
    if (!prev || score > prev.score) best.set(e.field, { field: e.field, score, how, alias: e.alias, order: e.order });
  };
  for (const e of idx.exact.get(norm) ?? []) offer(e, e.isFieldName ? 1 : 0.97, "alias");
  for (const e of idx.tokens.get(tokenKey(norm)) ?? []) offer(e, 0.95, "alias");
  const words = norm.split(" ");
  for (const e of idx.all) {
    if (e.alias === norm) continue;
    // Very short aliases (`p`, `i`, `id`) only ever match exactly: one letter off is another word.
    if (e.alias.length >= 4 && norm.length >= 4) {
      const sim = similarity(norm, e.alias);
      if (sim >= FUZZY_MIN_SIMILARITY) offer(e, 0.9 * sim, "fuzzy");
    }
    const aliasWords = e.alias.split(" ");
    if (
      aliasWords.length < words.length &&
      e.alias.length >= 3 &&
      aliasWords.every((w) => words.includes(w)) &&
      !words.some((w) => MEANING_CHANGING_WORDS.has(w) && !aliasWords.includes(w))
    ) {
      const coverage = aliasWords.length / words.length;
      if (coverage >= CONTAINMENT_MIN_COVERAGE) offer(e, 0.6 + 0.3 * coverage, "fuzzy");
    }
  }
  return [...best.values()].sort((a, b) => b.score - a.score || a.order - b.order).map(({ order: _o, ...m }) => m);
}

/** Schema order of a field (ties between equally good matches go to the earlier field). */
export function fieldOrder(entity: EntityName, field: string): number {
  return SCHEMA[entity].fields.findIndex((f) => f.name === field);
}
