import { OWNED_SHEET } from "../domain/owned-sheet-names";
import type { ColumnSpec, SheetSpec, SpecValue } from "../workbook/spec";
import type { UnplacedBlock } from "./layout";
import { stackBlocks } from "./layout";

/**
 * The `Mapping` sheet: what each source sheet became, how every column was mapped (with a
 * confidence), every value that could not be coerced (with its source cell), merge conflicts,
 * derived ids and, for an import into an existing register, the change list.
 */
export interface MappingReport {
  sources: {
    file: string;
    sheet: string;
    entity: string | null;
    confidence: number | null;
    headerRow: number | null;
    firstColumn: string | null;
    rows: number;
    note: string;
  }[];
  columns: {
    file: string;
    sheet: string;
    column: string;
    header: string;
    field: string | null;
    confidence: number | null;
    how: string;
  }[];
  problems: {
    severity: string;
    file: string;
    sheet: string;
    cell: string;
    entity: string;
    id: string;
    field: string;
    value: string;
    message: string;
  }[];
  conflicts: { entity: string; id: string; field: string; kept: string; other: string; rule: string }[];
  derivedIds: { entity: string; id: string; file: string; sheet: string; row: number | null }[];
  changes?: { change: string; entity: string; id: string; field: string; before: string; after: string }[];
}

const text = (header: string, width = 16): ColumnSpec => ({ header, type: "text", width });
const pct = (header: string): ColumnSpec => ({ header, type: "percent", width: 11, numberFormat: "0%" });
const int = (header: string): ColumnSpec => ({ header, type: "integer", width: 9 });

function section(
  heading: string,
  name: string,
  columns: ColumnSpec[],
  rows: SpecValue[][],
  empty: string,
): UnplacedBlock[] {
  const head: UnplacedBlock = { kind: "text", lines: [`${heading} (${rows.length})`], style: "heading" };
  if (rows.length === 0) return [head, { kind: "text", lines: [empty], style: "note" }];
  return [head, { kind: "table", name, columns, rows, style: "TableStyleLight9" }];
}

export function mappingSheet(report: MappingReport, generatedAt: string): SheetSpec {
  const blocks: UnplacedBlock[] = [
    { kind: "title", text: "Import mapping", subtitle: `How the source files became the register · ${generatedAt}` },
    ...section(
      "Sources",
      "tblMappingSources",
      [
        text("File", 28),
        text("Sheet", 20),
        text("Entity"),
        pct("Confidence"),
        int("Header row"),
        text("First column", 8),
        int("Rows"),
        text("Note", 40),
      ],
      report.sources.map((s) => [s.file, s.sheet, s.entity, s.confidence, s.headerRow, s.firstColumn, s.rows, s.note]),
      "No source sheets were read.",
    ),
    ...section(
      "Columns",
      "tblMappingColumns",
      [
        text("File", 28),
        text("Sheet", 20),
        text("Column", 8),
        text("Source header", 28),
        text("Field", 20),
        pct("Confidence"),
        text("How", 10),
      ],
      report.columns.map((c) => [
        c.file,
        c.sheet,
        c.column,
        c.header,
        c.field ?? "(kept as extra column)",
        c.confidence,
        c.how,
      ]),
      "No columns.",
    ),
    ...(report.changes
      ? section(
          "Changes to the existing register",
          "tblMappingChanges",
          [text("Change", 12), text("Entity"), text("Id"), text("Field"), text("Before", 24), text("After", 24)],
          report.changes.map((c) => [c.change, c.entity, c.id, c.field, c.before, c.after]),
          "Nothing changed.",
        )
      : []),
    ...section(
      "Values that could not be read",
      "tblMappingProblems",
      [
        text("Severity", 9),
        text("File", 28),
        text("Sheet", 20),
        text("Cell", 8),
        text("Entity"),
        text("Id"),
        text("Field"),
        text("Value", 24),
        text("What to do", 60),
      ],
      report.problems.map((p) => [p.severity, p.file, p.sheet, p.cell, p.entity, p.id, p.field, p.value, p.message]),
      "Every value was read.",
    ),
    ...section(
      "Conflicts between sources",
      "tblMappingConflicts",
      [text("Entity"), text("Id"), text("Field"), text("Kept", 28), text("Other value", 28), text("Rule", 40)],
      report.conflicts.map((c) => [c.entity, c.id, c.field, c.kept, c.other, c.rule]),
      "No two sources disagreed.",
    ),
    ...section(
      "Derived ids",
      "tblMappingDerivedIds",
      [text("Entity"), text("Id"), text("File", 28), text("Sheet", 20), int("Row")],
      report.derivedIds.map((d) => [d.entity, d.id, d.file, d.sheet, d.row]),
      "Every record had an id in its source.",
    ),
  ];
  return { name: OWNED_SHEET.mapping, tabColor: "7F7F7F", blocks: stackBlocks(blocks).blocks };
}
