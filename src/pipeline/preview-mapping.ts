import { SCHEMA, type EntityName } from "../domain/schema";
import type { Settings } from "../domain/settings";
import { ingestGrids } from "../ingest/ingest";
import type { Layout } from "../ingest/types";
import { savedMappingKeys, type MappingHow, type SavedMapping } from "../ingest/header-mapping";
import type { Grid } from "../workbook/grid";
import type { ProgressFn, WorkbookPort } from "../workbook/port";
import { readWorkbookBytes } from "../workbook/xlsx/read-workbook-bytes";
import type { InputFile } from "./build-register";
import { checkCancelled } from "./cancellation";
import type { MappingEdits } from "./mapping-edits";
import { isOwnedSheet, loadSettings } from "./settings-io";

/**
 * The task pane's "Review mapping" step: runs the same ingest the build runs, writes nothing, and
 * returns what the user needs to check and correct the header mapping before the register is
 * written. The user's corrections go back to the build as `BuildOptions.mappings` (see
 * `mappingsFromEdits`), the same saved-mapping shape as the CLI's `--mapping` file.
 */

export interface PreviewColumn {
  header: string;
  /** Column letter (`C`), or the label's cell for a key/value form. */
  column: string;
  /** The key a saved mapping uses for this column: the header, `#2` for its second occurrence. */
  key: string;
  field: string | null;
  confidence: number;
  how: MappingHow;
  /** False for month columns of a months-across grid: they are unpivoted, not mapped to a field. */
  editable: boolean;
}

export interface PreviewSource {
  file: string;
  sheet: string;
  table?: string;
  entity: EntityName | null;
  /** 0–1: how clearly the headers point at this entity. */
  confidence: number;
  layout: Layout | null;
  rows: number;
  /** Key of `BuildOptions.mappings`; null for a sheet that was not read. */
  headerSignature: string | null;
  columns: PreviewColumn[];
  /** Why the sheet was not read. */
  skipped?: string;
}

export interface FieldChoice {
  name: string;
  required: boolean;
  description: string;
}

export interface MappingPreview {
  sources: PreviewSource[];
  /** The schema's fields for each entity found, in schema order: the choices of a column's dropdown. */
  fields: Partial<Record<EntityName, FieldChoice[]>>;
  /** The saved mappings the preview used (settings sheet, then the caller's), so edits extend rather than replace them. */
  saved: Record<string, SavedMapping>;
  /** Files that could not be read at all, or read with errors, with the reader's message. */
  unread: { file: string; message: string }[];
}

export interface PreviewOptions {
  dateOrder?: "dmy" | "mdy";
  moneyUnit?: number;
  savedMappings?: Record<string, SavedMapping>;
}

/** Grids → the proposed mapping, per sheet and column. Pure: reads and writes nothing. */
export function previewMapping(grids: Grid[], options: PreviewOptions = {}): MappingPreview {
  const ingest = ingestGrids(grids, {
    dateOrder: options.dateOrder,
    moneyUnit: options.moneyUnit,
    savedMappings: options.savedMappings,
  });
  const fields: MappingPreview["fields"] = {};
  const sources = ingest.sources.map((s): PreviewSource => {
    if (s.entity && !fields[s.entity]) {
      fields[s.entity] = SCHEMA[s.entity].fields.map((f) => ({
        name: f.name,
        required: f.required === true,
        description: f.description,
      }));
    }
    // Month columns are unpivoted; the saved-mapping keys count only the other columns, as the ingest does.
    const editable = s.columns.map((c) => !(s.layout === "monthsAcross" && c.note?.startsWith("month ")));
    const keys = savedMappingKeys(s.columns.filter((_, i) => editable[i]).map((c) => c.header));
    let k = 0;
    return {
      file: s.file,
      sheet: s.sheet,
      table: s.table,
      entity: s.entity,
      confidence: s.confidence,
      layout: s.layout,
      rows: s.rows,
      headerSignature: s.entity ? s.headerSignature : null,
      skipped: s.skipped,
      columns: s.columns.map((c, i) => ({
        header: c.header,
        column: c.column,
        key: editable[i] ? keys[k++] : c.header,
        field: c.field,
        confidence: c.confidence,
        how: c.how,
        editable: editable[i],
      })),
    };
  });
  return { sources, fields, saved: options.savedMappings ?? {}, unread: [] };
}

/** Settings read from a workbook's PMO Settings sheet decide the date order, unit and saved mappings. */
function previewOptions(settings: Settings, options: { dateOrder?: "dmy" | "mdy"; mappings?: MappingEdits }) {
  return {
    dateOrder: options.dateOrder ?? settings.general.dateOrder,
    moneyUnit: settings.general.moneyUnit,
    // Merged as the build merges them, so the preview shows what the build will do.
    savedMappings: { ...(settings.mappings as Record<string, SavedMapping>), ...(options.mappings ?? {}) },
  };
}

export interface PreviewRequest {
  dateOrder?: "dmy" | "mdy";
  mappings?: MappingEdits;
  progress?: ProgressFn;
  signal?: AbortSignal;
}

/** File mode: read the picked files and preview them as `buildRegisterFromFiles` (without `into`) would map them. */
export async function previewFiles(files: InputFile[], request: PreviewRequest = {}): Promise<MappingPreview> {
  const grids: Grid[] = [];
  const unread: MappingPreview["unread"] = [];
  for (const [i, f] of files.entries()) {
    checkCancelled(request.signal);
    request.progress?.({ stage: "Reading files", done: i, total: files.length, message: f.name });
    const read = await readWorkbookBytes(f.bytes, f.name);
    for (const g of read.grids) grids.push(g);
    for (const p of read.problems) if (p.severity === "error") unread.push({ file: f.name, message: p.message });
  }
  request.progress?.({ stage: "Mapping columns", done: 0, total: 1 });
  checkCancelled(request.signal);
  const { settings } = loadSettings([]);
  const preview = previewMapping(grids, previewOptions(settings, request));
  request.progress?.({ stage: "Mapping columns", done: 1, total: 1 });
  return { ...preview, unread };
}

/** Inside Excel: the workbook's own sheets (not the add-in's) as `buildRegisterInWorkbook` would map them. */
export async function previewWorkbook(port: WorkbookPort, request: PreviewRequest = {}): Promise<MappingPreview> {
  request.progress?.({ stage: "Reading workbook", done: 0, total: 1 });
  const read = await port.read({ progress: request.progress, signal: request.signal });
  const { settings } = loadSettings(read.grids);
  checkCancelled(request.signal);
  const sources = read.grids.filter((g) => !isOwnedSheet(g.sheet, settings));
  const preview = previewMapping(sources, previewOptions(settings, request));
  const unread = read.problems.filter((p) => p.severity === "error").map((p) => ({ file: p.file, message: p.message }));
  return { ...preview, unread };
}
