import type { FieldValue, RegisterRecord } from "../../domain/register";
import { fieldDef } from "../../domain/schema";

/**
 * Reading a criterion's column from project records: a Projects schema field, or an extra
 * column kept under its source header (matched ignoring case and spaces, since a header typed
 * on the settings sheet rarely matches the source's spelling exactly).
 */
const squash = (s: string): string => s.toLowerCase().replace(/\s+/g, " ").trim();

/** Where a column lives: a schema field, an extra column's exact key, or nowhere. */
export type ColumnLocation = { kind: "field"; name: string } | { kind: "extra"; key: string } | { kind: "missing" };

export function locateColumn(projects: RegisterRecord[], column: string): ColumnLocation {
  const field = fieldDef("Projects", column);
  if (field) return { kind: "field", name: field.name };
  const wanted = squash(column);
  for (const p of projects) {
    if (Object.prototype.hasOwnProperty.call(p.extras, column)) return { kind: "extra", key: column };
  }
  for (const p of projects) {
    const key = Object.keys(p.extras).find((k) => squash(k) === wanted);
    if (key !== undefined) return { kind: "extra", key };
  }
  return { kind: "missing" };
}

export function valueAt(record: RegisterRecord, where: ColumnLocation): FieldValue | undefined {
  if (where.kind === "field") return record.values[where.name];
  if (where.kind === "extra") return record.extras[where.key];
  return undefined;
}

const NUMERIC_TEXT = /^[-+]?[£$€]?\s*\d[\d,]*(\.\d+)?\s*(%)?$/;

/**
 * A number from a register value. Extra columns are not coerced by ingest, so numeric text
 * (`"1,200"`, `"45%"`) is read here; percentages become fractions as everywhere in the register.
 */
export type NumericReading = { kind: "number"; value: number } | { kind: "blank" } | { kind: "text"; text: string };

export function readNumber(value: FieldValue | undefined): NumericReading {
  if (value === null || value === undefined) return { kind: "blank" };
  if (typeof value === "number")
    return Number.isFinite(value) ? { kind: "number", value } : { kind: "text", text: String(value) };
  const text = value.trim();
  if (text === "") return { kind: "blank" };
  const m = NUMERIC_TEXT.exec(text);
  if (!m) return { kind: "text", text };
  const n = Number(text.replace(/[£$€,%\s]/g, ""));
  if (!Number.isFinite(n)) return { kind: "text", text };
  return { kind: "number", value: m[2] ? n / 100 : n };
}
