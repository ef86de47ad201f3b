import { emptyRegister, type FieldValue, type Register } from "../../../src/domain/register";
import { SCHEMA, type EntityName } from "../../../src/domain/schema";

/** A register built from plain rows, ids taken from each entity's id field (or made up in order). */
export function registerOf(rows: Partial<Record<EntityName, Record<string, FieldValue>[]>>): Register {
  const register = emptyRegister();
  for (const [entity, list] of Object.entries(rows) as [EntityName, Record<string, FieldValue>[]][]) {
    const idField = SCHEMA[entity].idField;
    register.entities[entity] = list.map((values, i) => ({
      id: String(values[idField] ?? `${SCHEMA[entity].idPrefix}-${i + 1}`),
      values,
      extras: {},
      provenance: {},
    }));
  }
  return register;
}

/** Every number anywhere in a value (deeply): the "no NaN, no Infinity" scan. */
export function nonFiniteNumbers(value: unknown, path = "$"): string[] {
  if (typeof value === "number") return Number.isFinite(value) ? [] : [path];
  if (value === null || typeof value !== "object") return [];
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? [path] : [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(value)) out.push(...nonFiniteNumbers(v, `${path}.${k}`));
  return out;
}
