import type { CellValue } from "../workbook/grid";

/**
 * What a generated source file holds, cell by cell: the shape the raw writer turns into .xlsx or
 * CSV bytes. Kept in the sample folder (not the port) because only generated fixtures need to say
 * "put exactly this value with exactly this format in exactly this cell".
 */
export interface RawCell {
  /** 1-based sheet row. */
  row: number;
  /** 1-based sheet column. */
  col: number;
  value: CellValue;
  /** Excel number format; absent = General. */
  numberFormat?: string;
}

/** A 1-based inclusive rectangle of sheet cells. */
export interface RawRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface RawTable extends RawRange {
  /** Excel Table name (`tblProjects`, `Table1`); its first row is the header row. */
  name: string;
}

export interface RawSheet {
  name: string;
  cells: RawCell[];
  merges?: RawRange[];
  tables?: RawTable[];
  hidden?: boolean;
}

export type CsvEncoding = "utf-8" | "utf-8-bom" | "windows-1252";

export type MessySource =
  | { file: string; kind: "xlsx"; sheets: RawSheet[] }
  | { file: string; kind: "csv"; text: string; encoding: CsvEncoding; delimiter: string };

export type CsvSource = Extract<MessySource, { kind: "csv" }>;
export type XlsxSource = Extract<MessySource, { kind: "xlsx" }>;
