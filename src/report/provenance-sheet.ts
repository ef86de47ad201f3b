import { OWNED_SHEET } from "../domain/owned-sheet-names";
import type { FieldValue, Register } from "../domain/register";
import { recordsOf } from "../domain/register";
import { ENTITY_NAMES, SCHEMA, fieldDef } from "../domain/schema";
import type { SheetSpec, SpecValue } from "../workbook/spec";

export const PROVENANCE_SHEET = OWNED_SHEET.provenance;
export const PROVENANCE_TABLE = "tblProvenance";
export const PROVENANCE_HEADERS = [
  "Entity",
  "RecordId",
  "Field",
  "SourceFile",
  "SourceSheet",
  "SourceCell",
  "ImportedValue",
  "SourceText",
] as const;

/** Excel's row limit less the header: provenance beyond it is summarised, not silently cut. */
export const MAX_PROVENANCE_ROWS = 1_048_575;

/**
 * The hidden provenance sheet: for every imported value, where it came from and the value the import
 * wrote. Next month's import compares the register cell with ImportedValue to see what an analyst
 * edited by hand.
 */
export function provenanceSheet(register: Register): { sheet: SheetSpec; truncated: number } {
  const rows: SpecValue[][] = [];
  let truncated = 0;
  for (const entity of ENTITY_NAMES) {
    for (const r of recordsOf(register, entity)) {
      for (const [field, p] of Object.entries(r.provenance)) {
        if (rows.length >= MAX_PROVENANCE_ROWS) {
          truncated++;
          continue;
        }
        const isField = fieldDef(entity, field) !== undefined;
        const value: FieldValue | undefined = isField ? r.values[field] : r.extras[field];
        rows.push([
          entity,
          r.id,
          field,
          p.file,
          p.sheet,
          p.cell,
          importedText(value),
          p.raw === null ? null : typeof p.raw === "boolean" ? String(p.raw) : p.raw,
        ]);
      }
    }
  }
  return {
    truncated,
    sheet: {
      name: PROVENANCE_SHEET,
      hidden: true,
      freeze: { row: 2, col: 1 },
      blocks: [
        {
          kind: "table",
          row: 1,
          col: 1,
          name: PROVENANCE_TABLE,
          style: "TableStyleLight1",
          columns: PROVENANCE_HEADERS.map((h) => ({
            header: h,
            type: "text" as const,
            width: h === "SourceText" || h === "ImportedValue" ? 30 : 16,
          })),
          rows,
        },
      ],
    },
  };
}

/** Sheets the add-in owns in a register workbook, besides analysis outputs. */
export function registerOwnedSheetNames(): string[] {
  return [
    ...ENTITY_NAMES.map((e) => SCHEMA[e].sheet),
    OWNED_SHEET.mapping,
    PROVENANCE_SHEET,
    OWNED_SHEET.settings,
    OWNED_SHEET.lists,
  ];
}

/**
 * The imported value as text, so that it survives any cell format: ISO dates, numbers in full
 * precision. A register cell is compared with it through the same function.
 */
export function importedText(value: FieldValue | undefined): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === "number" ? String(value) : value;
}
