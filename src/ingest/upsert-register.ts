import type { FieldValue, Register, RegisterRecord } from "../domain/register";
import { emptyRegister, recordsOf } from "../domain/register";
import { ENTITY_NAMES, type EntityName } from "../domain/schema";
import { sameValue } from "./merge-sources";

/**
 * Next month's import keeps the analysts' work. For each incoming record:
 * - a new id is added;
 * - a duplicated id (the same id on several rows) is matched by occurrence: the k-th incoming
 *   record with the id updates the k-th existing one, in order; an extra occurrence is added;
 * - for an existing id, each incoming value replaces the current one only when the current cell
 *   still holds what was imported last time (`asImported`, read from the provenance sheet) or is
 *   blank; a cell edited by hand since (current ≠ value recorded as imported, or a value where
 *   nothing was imported) keeps the analyst's value and the incoming one is listed as a conflict;
 * - records absent from the new files (including surplus occurrences of a duplicated id) are kept,
 *   and listed.
 * Existing records keep their order; added ones follow. Linear in records.
 */

/**
 * The value recorded as imported last time for a field of the `occurrence`-th (0-based) record
 * with that id in the existing register (0 unless the id is duplicated).
 */
export type AsImported = (entity: EntityName, id: string, field: string, occurrence: number) => FieldValue | undefined;

export interface UpsertConflict {
  entity: EntityName;
  id: string;
  field: string;
  /** The analyst's value, kept. */
  current: FieldValue;
  /** The value the new import brought, not applied. */
  incoming: FieldValue;
  /** What was imported last time (undefined: the field was never imported). */
  imported: FieldValue | undefined;
}

export interface UpsertChanges {
  added: { entity: EntityName; id: string }[];
  /** One entry per field that took the incoming value. */
  updated: { entity: EntityName; id: string; field: string; before: FieldValue; after: FieldValue }[];
  kept: { entity: EntityName; id: string }[];
  conflicts: UpsertConflict[];
}

const blank = (v: FieldValue | undefined): boolean =>
  v === null || v === undefined || (typeof v === "string" && v.trim() === "");

function copy(r: RegisterRecord): RegisterRecord {
  return { ...r, values: { ...r.values }, extras: { ...r.extras }, provenance: { ...r.provenance } };
}

export function upsertRegister(
  existing: Register,
  incoming: Register,
  asImported: AsImported,
): { register: Register; changes: UpsertChanges } {
  const register = emptyRegister();
  const changes: UpsertChanges = { added: [], updated: [], kept: [], conflicts: [] };
  for (const entity of ENTITY_NAMES) {
    const out = recordsOf(register, entity);
    // Every record of an id, in register order: a duplicated id (two rows RSK-0007) is two records.
    const index = new Map<string, RegisterRecord[]>();
    const existingCopies: RegisterRecord[] = [];
    for (const r of existing.entities[entity] ?? []) {
      const c = copy(r);
      out.push(c);
      existingCopies.push(c);
      push(index, c.id, c);
    }
    // The k-th incoming record of an id updates the k-th existing one (stable, by order); one
    // beyond the existing count is added. So re-importing the same files adds and changes nothing.
    const occurrences = new Map<string, number>();
    const matched = new Set<RegisterRecord>();
    for (const inc of incoming.entities[entity] ?? []) {
      const k = occurrences.get(inc.id) ?? 0;
      occurrences.set(inc.id, k + 1);
      const cur = index.get(inc.id)?.[k];
      if (!cur) {
        out.push(copy(inc));
        changes.added.push({ entity, id: inc.id });
        continue;
      }
      matched.add(cur);
      const apply = (bag: "values" | "extras") => {
        for (const [field, value] of Object.entries(inc[bag])) {
          const current = cur[bag][field];
          if (sameValue(current, value) && !(blank(current) !== blank(value))) continue;
          const imported = asImported(entity, inc.id, field, k);
          const untouched = blank(current) || (imported !== undefined && sameValue(current, imported));
          if (!untouched) {
            if (!blank(value))
              changes.conflicts.push({
                entity,
                id: inc.id,
                field,
                current: current ?? null,
                incoming: value,
                imported,
              });
            continue;
          }
          if (blank(value) && blank(current)) continue;
          changes.updated.push({ entity, id: inc.id, field, before: current ?? null, after: value });
          cur[bag][field] = value;
          if (inc.provenance[field]) cur.provenance[field] = inc.provenance[field];
        }
      };
      apply("values");
      apply("extras");
    }
    for (const r of existingCopies) if (!matched.has(r)) changes.kept.push({ entity, id: r.id });
  }
  return { register, changes };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
