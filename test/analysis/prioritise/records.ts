import type { FieldValue, RegisterRecord } from "../../../src/domain/register";

/** A Projects record for tests: schema fields in `values`, anything else as an extra column. */
export function project(
  id: string,
  values: Record<string, FieldValue>,
  extras: Record<string, FieldValue> = {},
): RegisterRecord {
  return { id, values: { ProjectId: id, ...values }, extras, provenance: {} };
}
