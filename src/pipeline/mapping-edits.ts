import { SAVED_ENTITY_KEY } from "../ingest/entity-choice";
import type { SavedMapping } from "../ingest/header-mapping";
import type { MappingPreview, PreviewColumn, PreviewSource } from "./preview-mapping";

/**
 * The user's corrections to a mapping preview, kept apart from preview-mapping.ts so the task pane
 * can use them without loading the ingest (types, and entity-choice.ts, which imports nothing).
 */

/** Below this a column's mapping is shown as a guess to check. */
export const LOW_CONFIDENCE = 0.8;

/** The user's choices: header signature → column key → field (null = keep as an extra column). */
export type MappingEdits = Record<string, Record<string, string | null>>;

/**
 * The `mappings` to hand to the build: for each header signature the user changed, the saved
 * mapping the preview used plus the changed columns (a build replaces a signature's saved mapping
 * whole, so the earlier entries are carried over). Unchanged columns are left to the automatic mapping.
 */
export function mappingsFromEdits(preview: MappingPreview, edits: MappingEdits): Record<string, SavedMapping> {
  const out: Record<string, SavedMapping> = {};
  for (const [signature, columns] of Object.entries(edits)) {
    if (Object.keys(columns).length === 0) continue;
    out[signature] = { ...(preview.saved[signature] ?? {}), ...columns };
  }
  // A sheet's chosen entity is saved with its layout's mapping (under "@entity"), so next month's
  // import of the same layout is read as the same entity without asking again. Only when every
  // sheet of that layout was given the same entity: the build reads a saved entity for all of them,
  // and the review showed the others as proposed.
  const agreed = agreedEntities(preview);
  for (const source of preview.sources) {
    const signature = source.headerSignature;
    if (!signature || !agreed.has(signature)) continue;
    const entity = preview.entityOverrides[source.sheetKey];
    const mapping = out[signature] ?? { ...(preview.saved[signature] ?? {}), ...(edits[signature] ?? {}) };
    // Saved columns naming another entity's fields would come back as "not a field" notes: dropped.
    const fields = entity ? new Set((preview.fields[entity] ?? []).map((f) => f.name)) : null;
    const kept = Object.entries(mapping).filter(
      ([key, field]) => key !== SAVED_ENTITY_KEY && (field === null || fields === null || fields.has(field)),
    );
    out[signature] = { ...Object.fromEntries(kept), [SAVED_ENTITY_KEY]: entity };
  }
  return out;
}

/** Header signatures whose every sheet in the review has the same chosen entity. */
function agreedEntities(preview: MappingPreview): Set<string> {
  const chosen = new Map<string, string[]>();
  for (const s of preview.sources) {
    if (!s.headerSignature) continue;
    const entity = s.sheetKey in preview.entityOverrides ? String(preview.entityOverrides[s.sheetKey]) : "";
    chosen.set(s.headerSignature, [...(chosen.get(s.headerSignature) ?? []), entity]);
  }
  return new Set([...chosen].filter(([, list]) => list.every((e) => e !== "" && e === list[0])).map(([sig]) => sig));
}

/**
 * The column edits that still apply after a sheet's entity changed: those made for that sheet's
 * tables were choices among the old entity's fields, so they go (the columns are proposed afresh).
 */
export function editsWithoutSheet(preview: MappingPreview, edits: MappingEdits, sheetKey: string): MappingEdits {
  const signatures = new Set(
    preview.sources.filter((s) => s.sheetKey === sheetKey && s.headerSignature).map((s) => s.headerSignature),
  );
  return Object.fromEntries(Object.entries(edits).filter(([signature]) => !signatures.has(signature)));
}

/**
 * Sets one column's field and keeps the sheet truthful: a field belongs to one column, so any other
 * column of the same source showing that field is set to "not used" (the build would otherwise move
 * it elsewhere on its own). Returns the new edits and the headers that lost the field.
 */
export function chooseField(
  source: PreviewSource,
  current: (column: PreviewColumn) => string | null,
  edits: MappingEdits,
  key: string,
  field: string | null,
): { edits: MappingEdits; cleared: string[] } {
  const signature = source.headerSignature;
  if (!signature) return { edits, cleared: [] };
  const mine = { ...(edits[signature] ?? {}) };
  const cleared: string[] = [];
  const setTo = (column: PreviewColumn, value: string | null): void => {
    if (value === column.field) delete mine[column.key];
    else mine[column.key] = value;
  };
  for (const column of source.columns) {
    if (!column.editable) continue;
    if (column.key === key) setTo(column, field);
    else if (field !== null && current(column) === field) {
      setTo(column, null);
      cleared.push(column.header);
    }
  }
  return { edits: { ...edits, [signature]: mine }, cleared };
}
