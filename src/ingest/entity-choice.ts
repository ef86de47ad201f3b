/**
 * How a user's choice of what a sheet holds is addressed. Kept free of runtime imports so the task
 * pane's review can use it without loading the ingest.
 *
 * - For one import: `IngestOptions.entityOverrides`, keyed by `entityOverrideKey(file, sheet)`.
 * - For next month's import of the same layout: the entity is saved inside the header signature's
 *   saved mapping under `SAVED_ENTITY_KEY`, beside the column choices (a header is never "@entity"),
 *   so the mapping stored on PMO Settings carries the whole confirmation.
 */

/** The key of `IngestOptions.entityOverrides` (and `BuildOptions.entityOverrides`) for one sheet. */
export function entityOverrideKey(file: string, sheet: string): string {
  return `${file}|${sheet}`;
}

/** The saved-mapping entry naming the table's entity (null: the user said it is not register data). */
export const SAVED_ENTITY_KEY = "@entity";
