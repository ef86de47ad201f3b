import { derivedId } from "../domain/ids";
import type { FieldValue, RegisterRecord } from "../domain/register";
import type { EntityName } from "../domain/schema";
import { SCHEMA } from "../domain/schema";

/**
 * Entities whose rows carry no id in real sources (a month of FTE, a budget line, a leave
 * adjustment): their ids are derived from the identity fields exactly as `derivedId` does, so an
 * ingest that derives ids the same way gets the same ids back.
 */
export const DERIVED_ID_ENTITIES: readonly EntityName[] = ["Allocations", "Financials", "CapacityAdjustments"];

/** A record holding every schema field of its entity (null where empty), no extras, no provenance. */
export function makeRecord(entity: EntityName, id: string, values: Record<string, FieldValue>): RegisterRecord {
  const def = SCHEMA[entity];
  const full: Record<string, FieldValue> = {};
  for (const field of def.fields) full[field.name] = values[field.name] ?? null;
  full[def.idField] = id;
  return { id, values: full, extras: {}, provenance: {} };
}

/** A record of an entity without natural ids: the id field stays empty and the id is derived. */
export function makeDerivedRecord(entity: EntityName, values: Record<string, FieldValue>): RegisterRecord {
  const def = SCHEMA[entity];
  const full: Record<string, FieldValue> = {};
  for (const field of def.fields) full[field.name] = values[field.name] ?? null;
  full[def.idField] = null;
  const id = derivedId(
    def.idPrefix,
    def.identityFields.map((f) => full[f]),
  );
  return { id, values: full, extras: {}, provenance: {}, derivedId: true };
}

/**
 * Derived ids are 24-bit hashes, so a few thousand lines can collide (about one estate in ten at
 * 1,800 lines). Later duplicates get `-2`, `-3`… in record order, the rule an ingest must share
 * to reproduce the same ids.
 */
export function disambiguateDerivedIds(records: RegisterRecord[]): void {
  const seen = new Map<string, number>();
  for (const r of records) {
    const n = (seen.get(r.id) ?? 0) + 1;
    seen.set(r.id, n);
    if (n > 1) r.id = `${r.id}-${n}`;
  }
}
