import type { FieldValue, Register } from "../domain/register";
import type { EntityName } from "../domain/schema";
import type { DateOrder } from "./date-parsing";
import type { MappingHow, SavedMapping } from "./header-mapping";
import type { UnitQuestion } from "./money-units";

/** The shapes the ingest hands back to the pipeline, the Mapping sheet and the CLI's `build --json`. */

export interface IngestOptions {
  /** Order for numeric dates no column value decides (05/02/25). Default "dmy". */
  dateOrder?: DateOrder;
  /** The register's money unit: values are converted into it (1e6 = £m). Default 1. */
  moneyUnit?: number;
  /** Saved header mappings keyed by `headerSignature(headers)`: header (or `header#2`) → field or null. */
  savedMappings?: Record<string, SavedMapping>;
  /** `"file|sheet"` → entity to read the sheet as, or null to skip it. */
  entityOverrides?: Record<string, EntityName | null>;
  /**
   * The unit money columns' figures are in, as the user answered it (`--money-unit COLUMN=m`):
   * header or field name → multiplier (1e6 for millions). Beats whatever the file says.
   */
  moneyUnits?: Record<string, number>;
  /** Working hours in one FTE day (PMO Settings): effort given in days is read into Hours at this rate. Default 7. */
  hoursPerDay?: number;
}

export type Layout = "table" | "keyValue" | "monthsAcross";

export interface SourceColumnReport {
  header: string;
  /** Column letter in the sheet (`C`); for a key/value form, the label's cell (`A4`). */
  column: string;
  field: string | null;
  confidence: number;
  how: MappingHow;
  note?: string;
  /** A money column's unit, where one was said (answer, header, units row, title), for the Mapping sheet. */
  moneyUnit?: { multiplier: number; said: string; text: string; note: string };
}

export interface SourceReport {
  file: string;
  sheet: string;
  /** Excel Table name when the source was one. */
  table?: string;
  entity: EntityName | null;
  /** 0–1: how clearly the headers point at this entity rather than the runner-up. */
  confidence: number;
  layout: Layout | null;
  /** 1-based sheet row of the header (the lower row of a two-row header). */
  headerRow: number | null;
  firstCol: string | null;
  /** Records produced. */
  rows: number;
  headerSignature: string | null;
  columns: SourceColumnReport[];
  /** Why the sheet or table was not read. */
  skipped?: string;
  /** Decisions worth showing (ambiguous dates read day-first, units, default measures). */
  notes: string[];
}

export type ProblemKind =
  | "uncoercible" // a value that is not what its field expects (kept as text)
  | "exempt" // an FOI exemption sentence in place of a value (kept as text)
  | "skipped-sheet"
  | "skipped-row"
  | "duplicate-id"
  | "derived-id"
  | "merge-conflict"
  | "mapping";

export interface IngestProblem {
  severity: "error" | "warning" | "info";
  kind: ProblemKind;
  file: string;
  sheet: string;
  cell?: string;
  entity?: EntityName;
  id?: string;
  field?: string;
  raw?: string | number | boolean | null;
  /** Names the file, sheet and cell, and says what to do. */
  message: string;
}

export interface ConflictSide {
  value: FieldValue;
  file: string;
  sheet: string;
  cell: string;
}

export interface MergeConflict {
  entity: EntityName;
  id: string;
  field: string;
  /** True when the field is an extra (unmapped) column. */
  extra?: boolean;
  /** The value the register keeps, and where it came from. */
  kept: ConflictSide;
  /** The value it did not keep, and where it came from. */
  other: ConflictSide;
  rule: "latest StatusDate" | "first file";
  message: string;
}

export interface DerivedIdNote {
  entity: EntityName;
  id: string;
  file: string;
  sheet: string;
  /** 1-based sheet row the record came from. */
  row: number;
}

export interface IngestResult {
  register: Register;
  sources: SourceReport[];
  problems: IngestProblem[];
  conflicts: MergeConflict[];
  derivedIds: DerivedIdNote[];
  /** Money columns whose unit is said nowhere though their figures look like millions: the review asks. */
  unitQuestions?: UnitQuestion[];
}
