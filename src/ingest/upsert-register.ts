import type { FieldValue, Register, RegisterRecord } from "../domain/register";
import { emptyRegister } from "../domain/register";
import { ENTITY_NAMES, type EntityName } from "../domain/schema";
import { sameValue } from "./merge-sources";

/**
 * Next month's import keeps the analysts' work. For each incoming record:
 * - a new id is added;
 * - for an existing id, each incoming value replaces the current one only when the current cell
 *   still holds what was imported last time (`asImported`, read from the provenance sheet) or is
 *   blank; a cell edited by hand since (current ≠ value recorded as imported, or a value where
 *   nothing was imported) keeps the analyst's value and the incoming one is listed as a conflict;
 * - records absent from the new files are kept, and listed.
 * Existing records keep their order; added ones follow. Linear in records.
 */

export type AsImported = (entity: EntityName, id: string, field: string) => FieldValue | undefined;

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
    const out = register.entities[entity];
    const index = new Map<string, RegisterRecord>();
    for (const r of existing.entities[entity] ?? []) {
      const c = copy(r);
      out.push(c);
      if (!index.has(c.id)) index.set(c.id, c);
    }
    const seen = new Set<string>();
    for (const inc of incoming.entities[entity] ?? []) {
      seen.add(inc.id);
      const cur = index.get(inc.id);
      if (!cur) {
        const c = copy(inc);
        out.push(c);
        index.set(c.id, c);
        changes.added.push({ entity, id: inc.id });
        continue;
      }
      const apply = (bag: "values" | "extras") => {
        for (const [field, value] of Object.entries(inc[bag])) {
          const current = cur[bag][field];
          if (sameValue(current, value) && !(blank(current) !== blank(value))) continue;
          const imported = asImported(entity, inc.id, field);
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
    for (const r of existing.entities[entity] ?? []) if (!seen.has(r.id)) changes.kept.push({ entity, id: r.id });
  }
  return { register, changes };
}
