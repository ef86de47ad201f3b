import type { FieldValue } from "../domain/register";
import type { EntityName } from "../domain/schema";
import type { Finding, FindingFix } from "./types";

export interface FixChange {
  entity: EntityName;
  id: string;
  /** Position of the record in `register.entities[entity]`. */
  index: number;
  field: string;
  from: FieldValue;
  to: FieldValue;
  kind: FindingFix["kind"];
  rule: string;
}

/**
 * The changes "apply safe fixes" would write: trims, re-casing, unambiguous nearest allowed values and
 * unambiguous date normalisation. Two different safe fixes for the same cell cancel out (the user
 * decides). Pure: it changes nothing itself.
 */
export function safeFixes(findings: readonly Finding[]): FixChange[] {
  const byCell = new Map<string, FixChange | null>();
  for (const f of findings) {
    if (!f.fix?.safe) continue;
    const key = `${f.entity}\u0000${f.index}\u0000${f.field}`;
    const change: FixChange = {
      entity: f.entity,
      id: f.id,
      index: f.index,
      field: f.field,
      from: f.value ?? null,
      to: f.fix.value,
      kind: f.fix.kind,
      rule: f.rule,
    };
    const seen = byCell.get(key);
    if (seen === undefined) byCell.set(key, change);
    else if (seen !== null && seen.to !== change.to) byCell.set(key, null);
  }
  return [...byCell.values()].filter((c): c is FixChange => c !== null && c.from !== c.to);
}
