import type { ReadResult } from "./grid";
import type { WorkbookSpec } from "./spec";

/** Progress of long work: the stage in words, and counts where they are known. */
export interface ProgressEvent {
  stage: string;
  done: number;
  total: number;
  message?: string;
}
export type ProgressFn = (event: ProgressEvent) => void;

/** A sheet as listed before its cells are read: its name and the names of its Excel Tables. */
export interface SheetListing {
  name: string;
  tables: string[];
}

/** Why a sheet left out by `ReadOptions.select` is listed in `ReadResult.skipped`. */
export const NOT_SELECTED = "not read: this step does not need it";

export interface ReadOptions {
  /** Read only these sheets (default: all). */
  sheets?: string[];
  /**
   * Read only the sheets this accepts (default: all). The others are listed in `skipped` with
   * the reason NOT_SELECTED, so their names are still known; in Excel their cells are never
   * fetched, which is what makes a step on a workbook with large source sheets quick.
   */
  select?: (sheet: SheetListing) => boolean;
  progress?: ProgressFn;
  signal?: AbortSignal;
}

export interface WriteOptions {
  progress?: ProgressFn;
  signal?: AbortSignal;
}

export interface WriteReport {
  sheetsWritten: string[];
  cellsWritten: number;
}

/**
 * The port between the engine and a host. The Office adapter works on the open workbook;
 * the xlsx adapter on a workbook held in memory (bytes in, bytes out).
 *
 * `write` replaces each sheet of the spec in place (same position when it already exists,
 * added at the end otherwise) and touches no other sheet. Deciding which sheets the add-in
 * owns is the pipeline's job, not the adapter's.
 */
export interface WorkbookPort {
  readonly label: string;
  read(options?: ReadOptions): Promise<ReadResult>;
  write(spec: WorkbookSpec, options?: WriteOptions): Promise<WriteReport>;
}

/** What a use case may ask of a file it reads: only some sheets (to read one sheet again in a review). */
export interface FileReadOptions {
  sheets?: string[];
}

/** A workbook a file host holds in memory: the port, and its bytes after writing. */
export interface FileWorkbook extends WorkbookPort {
  toBytes(): Promise<Uint8Array>;
}

/**
 * What a use case needs from a file host (the xlsx host's `xlsxFileHost`): read a file a user handed
 * over (any spreadsheet or CSV; a file that cannot be read comes back with its problems, not thrown),
 * open a register file to update, and start a new workbook (a register, a standalone summary). The
 * pipeline takes one as a parameter so it never imports a host; the front ends pass it.
 */
export interface FileHost {
  readFile(name: string, bytes: Uint8Array, options?: FileReadOptions): Promise<ReadResult>;
  openWorkbook(name: string, bytes: Uint8Array): Promise<FileWorkbook>;
  newWorkbook(label: string): Promise<FileWorkbook>;
}
