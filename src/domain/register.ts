import type { EntityName, FieldOf } from "./schema";
import { ENTITY_NAMES } from "./schema";

/**
 * A value in the register. Dates are ISO strings (`YYYY-MM-DD`), percentages fractions, money
 * numbers in the register's currency unit, booleans "Yes"/"No", enumerations their canonical
 * spelling. A value that could not be coerced stays as its original text (and is reported).
 */
export type FieldValue = string | number | null;

/** Where a value came from: the cell a user would open to check or fix it. */
export interface Provenance {
  file: string;
  sheet: string;
  /** A1 address of the source cell (`C12`). */
  cell: string;
  /** The value as it stood in the source cell, before coercion. */
  raw: string | number | boolean | null;
}

/** A record of any entity: code that walks an entity's fields by name indexes `values` by string. */
export interface RegisterRecord {
  /** The record's id (its id field's value, or a derived id). */
  id: string;
  /** Canonical fields (by schema field name). */
  values: Record<string, FieldValue>;
  /** Source columns that mapped to no field, kept under their source header. */
  extras: Record<string, FieldValue>;
  /** Provenance per field (canonical or extra) where the value came from a source cell. */
  provenance: Record<string, Provenance>;
  /** True when the id was derived (the source had none). */
  derivedId?: boolean;
}

/**
 * A record of one entity: `values` is keyed by that entity's schema field names, so a misspelt
 * `values.Budgett` does not compile. It is a `RegisterRecord` too (any entity's code accepts it).
 */
export type EntityRecord<E extends EntityName> = Omit<RegisterRecord, "values"> & {
  values: Record<FieldOf<E>, FieldValue>;
};

export type RegisterData = { [E in EntityName]: EntityRecord<E>[] };

export interface Register {
  entities: RegisterData;
}

/**
 * One entity's records, the live array, as `RegisterRecord`s: for code that walks fields by name
 * (a schema `FieldDef`, a fix, a mapped column) and so indexes `values` by string. Records it adds
 * must hold that entity's fields, as ingest's coercion does.
 */
export function recordsOf(register: Register, entity: EntityName): RegisterRecord[] {
  return register.entities[entity];
}

/** A value by a field name known only at run time (a setting, a mapped column, a fix). */
export function valueAt(record: RegisterRecord, field: string): FieldValue | undefined {
  return record.values[field];
}

export function emptyRegister(): Register {
  const entities = {} as RegisterData;
  for (const name of ENTITY_NAMES) entities[name] = [];
  return { entities };
}

export function countRecords(register: Register): Record<EntityName, number> {
  const out = {} as Record<EntityName, number>;
  for (const name of ENTITY_NAMES) out[name] = register.entities[name].length;
  return out;
}

export function textValue(value: FieldValue | undefined): string | null {
  if (value === null || value === undefined) return null;
  const s = String(value).trim();
  return s === "" ? null : s;
}

export function numberValue(value: FieldValue | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

export function isBlank(value: FieldValue | undefined): boolean {
  return value === null || value === undefined || (typeof value === "string" && value.trim() === "");
}
