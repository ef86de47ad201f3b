import { ENTITY_NAMES, SCHEMA, type EntityName } from "../domain/schema";
import type { Settings } from "../domain/settings";
import { entityOverrideKey, SAVED_ENTITY_KEY } from "../ingest/entity-choice";
import { ingestGrids } from "../ingest/ingest";
import type { Layout } from "../ingest/types";
import type { UnitQuestion } from "../ingest/money-units";
import { savedMappingKeys, type MappingHow, type SavedMapping } from "../ingest/header-mapping";
import type { Grid, ReadResult } from "../workbook/grid";
import type { FileHost, ProgressFn, WorkbookPort } from "../workbook/port";
import { fileHostFor, type InputFile } from "./steps/build";
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
  /** Key of `BuildOptions.entityOverrides` for this sheet (`entityOverrideKey(file, sheet)`). */
  sheetKey: string;
  table?: string;
  entity: EntityName | null;
  /** What the headers (or a saved mapping) made of the table before the user chose an entity. */
  proposedEntity: EntityName | null;
  /** Where `entity` comes from: the classifier, an entity saved with this layout's mapping, or the user. */
  entityHow: "classified" | "saved" | "chosen";
  /** 0–1: how clearly the headers point at this entity. */
  confidence: number;
  layout: Layout | null;
  rows: number;
  /**
   * Key of `BuildOptions.mappings`; null for a sheet that was not read, except a table the user
   * marked "not a table": its signature is kept so that choice is saved for next month.
   */
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
  /** Every entity a sheet can be read as, in schema order: the choices of a sheet's entity dropdown. */
  entityChoices: { name: EntityName; noun: string }[];
  /** The saved mappings the preview used (settings sheet, then the caller's), so edits extend rather than replace them. */
  saved: Record<string, SavedMapping>;
  /** The entity choices the preview shows (`BuildOptions.entityOverrides` for the build). */
  entityOverrides: Record<string, EntityName | null>;
  /** How values were read, so one sheet can be re-proposed the same way. */
  readWith: { dateOrder: "dmy" | "mdy"; moneyUnit: number };
  /** Files that could not be read at all, or read with errors, with the reader's message. */
  unread: { file: string; message: string }[];
  /** Money columns whose unit the review should ask for (said nowhere, figures look like millions). */
  unitQuestions?: UnitQuestion[];
}

export interface PreviewOptions {
  dateOrder?: "dmy" | "mdy";
  moneyUnit?: number;
  savedMappings?: Record<string, SavedMapping>;
  /** `entityOverrideKey(file, sheet)` → entity to read the sheet as, or null: not a table. */
  entityOverrides?: Record<string, EntityName | null>;
}

function fieldChoices(entity: EntityName): FieldChoice[] {
  return SCHEMA[entity].fields.map((f) => ({
    name: f.name,
    required: f.required === true,
    description: f.description,
  }));
}

/** Grids → the proposed mapping, per sheet and column. Pure: reads and writes nothing. */
export function previewMapping(grids: Grid[], options: PreviewOptions = {}): MappingPreview {
  return buildPreview(grids, options, proposalsWithout(grids, options));
}

/**
 * For sheets with an entity chosen already, what the headers alone would make of them: the
 * dropdown's "back to the proposal" then means what it says. Only those sheets are read twice.
 */
function proposalsWithout(grids: Grid[], options: PreviewOptions): Map<string, EntityName | null> {
  const chosen = new Set(Object.keys(options.entityOverrides ?? {}));
  const proposals = new Map<string, EntityName | null>();
  if (chosen.size === 0) return proposals;
  const plain = ingestGrids(
    grids.filter((g) => chosen.has(entityOverrideKey(g.file, g.sheet))),
    { dateOrder: options.dateOrder, moneyUnit: options.moneyUnit, savedMappings: options.savedMappings },
  );
  for (const s of plain.sources) {
    const key = entityOverrideKey(s.file, s.sheet);
    if (!proposals.get(key)) proposals.set(key, s.entity);
  }
  return proposals;
}

function buildPreview(
  grids: Grid[],
  options: PreviewOptions,
  proposals: Map<string, EntityName | null>,
): MappingPreview {
  const overrides = options.entityOverrides ?? {};
  const saved = options.savedMappings ?? {};
  const ingest = ingestGrids(grids, {
    dateOrder: options.dateOrder,
    moneyUnit: options.moneyUnit,
    savedMappings: options.savedMappings,
    entityOverrides: overrides,
  });
  const fields: MappingPreview["fields"] = {};
  const sources = ingest.sources.map((s): PreviewSource => {
    if (s.entity && !fields[s.entity]) fields[s.entity] = fieldChoices(s.entity);
    const sheetKey = entityOverrideKey(s.file, s.sheet);
    const chosen = sheetKey in overrides;
    const savedEntity = s.headerSignature !== null && SAVED_ENTITY_KEY in (saved[s.headerSignature] ?? {});
    // Month columns are unpivoted; the saved-mapping keys count only the other columns, as the ingest does.
    const editable = s.columns.map((c) => !(s.layout === "monthsAcross" && c.note?.startsWith("month ")));
    const keys = savedMappingKeys(s.columns.filter((_, i) => editable[i]).map((c) => c.header));
    let k = 0;
    return {
      file: s.file,
      sheet: s.sheet,
      sheetKey,
      table: s.table,
      entity: s.entity,
      proposedEntity: proposals.has(sheetKey) ? (proposals.get(sheetKey) ?? null) : s.entity,
      entityHow: chosen ? "chosen" : savedEntity ? "saved" : "classified",
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
  return {
    sources,
    fields,
    entityChoices: ENTITY_NAMES.map((name) => ({ name, noun: SCHEMA[name].noun })),
    saved,
    entityOverrides: { ...overrides },
    readWith: { dateOrder: options.dateOrder ?? "dmy", moneyUnit: options.moneyUnit ?? 1 },
    unread: [],
    unitQuestions: ingest.unitQuestions ?? [],
  };
}

/** Settings read from a workbook's PMO Settings sheet decide the date order, unit and saved mappings. */
function previewOptions(settings: Settings, options: PreviewRequest): PreviewOptions {
  return {
    dateOrder: options.dateOrder ?? settings.general.dateOrder,
    moneyUnit: settings.general.moneyUnit,
    // Merged as the build merges them, so the preview shows what the build will do.
    savedMappings: { ...(settings.mappings as Record<string, SavedMapping>), ...(options.mappings ?? {}) },
    entityOverrides: options.entityOverrides,
  };
}

export interface PreviewRequest {
  dateOrder?: "dmy" | "mdy";
  mappings?: MappingEdits;
  /** The sheets' entities the user chose (`BuildOptions.entityOverrides`). */
  entityOverrides?: Record<string, EntityName | null>;
  /** Inside Excel: files picked to add to this import, previewed with the workbook's own sheets. */
  extraFiles?: InputFile[];
  /** Reads `extraFiles` (the front end passes `xlsxFileHost`); needed only when there are any. */
  host?: FileHost;
  progress?: ProgressFn;
  signal?: AbortSignal;
}

/** Reads picked files with the host's readers, as the build does; a file that fails is listed, not thrown. */
async function readFiles(
  host: FileHost | undefined,
  files: InputFile[],
  request: PreviewRequest,
): Promise<{ grids: Grid[]; unread: MappingPreview["unread"] }> {
  const grids: Grid[] = [];
  const unread: MappingPreview["unread"] = [];
  for (const [i, f] of files.entries()) {
    checkCancelled(request.signal);
    request.progress?.({ stage: "Reading files", done: i, total: files.length, message: f.name });
    const read = await fileHostFor(host, files).readFile(f.name, f.bytes);
    for (const g of read.grids) grids.push(g);
    for (const p of read.problems) if (p.severity === "error") unread.push({ file: f.name, message: p.message });
  }
  return { grids, unread };
}

/** File mode: read the picked files and preview them as `buildRegisterFromFiles` (without `into`) would map them. */
export async function previewFiles(
  host: FileHost,
  files: InputFile[],
  request: PreviewRequest = {},
): Promise<MappingPreview> {
  const { grids, unread } = await readFiles(host, files, request);
  request.progress?.({ stage: "Mapping columns", done: 0, total: 1 });
  checkCancelled(request.signal);
  const { settings } = loadSettings([]);
  const preview = previewMapping(grids, previewOptions(settings, request));
  request.progress?.({ stage: "Mapping columns", done: 1, total: 1 });
  return { ...preview, unread };
}

/**
 * Inside Excel: the workbook's own sheets (not the add-in's), plus any files added to the import, as
 * `buildRegisterInWorkbook` would map them.
 */
export async function previewWorkbook(port: WorkbookPort, request: PreviewRequest = {}): Promise<MappingPreview> {
  request.progress?.({ stage: "Reading workbook", done: 0, total: 1 });
  const read = await port.read({ progress: request.progress, signal: request.signal });
  const { settings } = loadSettings(read.grids);
  checkCancelled(request.signal);
  const sources = read.grids.filter((g) => !isOwnedSheet(g.sheet, settings));
  const extra = await readFiles(request.host, request.extraFiles ?? [], request);
  checkCancelled(request.signal);
  const preview = previewMapping([...sources, ...extra.grids], previewOptions(settings, request));
  const unread = read.problems.filter((p) => p.severity === "error").map((p) => ({ file: p.file, message: p.message }));
  return { ...preview, unread: [...unread, ...extra.unread] };
}

// ---- changing a sheet's entity in the review ------------------------------------------------------

/** The user's entity for one sheet: one of the schema's, or null for "not a table / skip". */
export interface EntityChange {
  sheetKey: string;
  entity: EntityName | null;
}

/** Where the sheets of a review came from, to read one of them again. */
export interface ReviewInputs {
  /** The open workbook (Excel mode); its sheets' file is the port's label. */
  port?: WorkbookPort;
  /** Picked files, by name. */
  files?: InputFile[];
  /** Reads `files` again (the front end passes `xlsxFileHost`); needed only when there are any. */
  host?: FileHost;
}

/**
 * Choosing the entity the headers proposed goes back to the proposal (no override is kept); "not a
 * table" needs no reading; any other entity re-maps the sheet's columns for that entity.
 */
function plan(preview: MappingPreview, change: EntityChange): { back: boolean; read: boolean } {
  const before = preview.sources.find((s) => s.sheetKey === change.sheetKey);
  if (!before) throw new RangeError(`The review has no sheet ${change.sheetKey}; review again.`);
  const back = change.entity === before.proposedEntity;
  return { back, read: back || change.entity !== null };
}

/**
 * One sheet's entity changed: its columns are proposed again for the new entity from the sheet's own
 * grid(s) (only that sheet's; pass the others or not), exactly as the build will map them with the
 * override, and every other sheet's proposal is kept. Pure.
 */
export function reproposeSheet(preview: MappingPreview, grids: Grid[], change: EntityChange): MappingPreview {
  const { back } = plan(preview, change);
  const { sheetKey, entity } = change;
  const before = preview.sources.filter((s) => s.sheetKey === sheetKey);
  const entityOverrides = { ...preview.entityOverrides };
  if (back) delete entityOverrides[sheetKey];
  else entityOverrides[sheetKey] = entity;
  let after: PreviewSource[];
  let fields = preview.fields;
  if (entity === null && !back) {
    after = before.map((s) => ({
      ...s,
      entity: null,
      entityHow: "chosen",
      confidence: 0,
      layout: null,
      rows: 0,
      columns: [],
      skipped: "you chose “Not a table / skip”",
    }));
  } else {
    const mine = grids.filter((g) => entityOverrideKey(g.file, g.sheet) === sheetKey);
    if (mine.length === 0) throw new RangeError(`No grid for ${sheetKey} was given to re-propose its columns.`);
    const proposals = new Map(back ? [] : [[sheetKey, before[0].proposedEntity]]);
    const again = buildPreview(
      mine,
      { ...preview.readWith, savedMappings: preview.saved, entityOverrides: back ? {} : { [sheetKey]: entity } },
      proposals,
    );
    after = again.sources;
    fields = { ...preview.fields, ...again.fields };
  }
  const at = preview.sources.findIndex((s) => s.sheetKey === sheetKey);
  const others = preview.sources.filter((s) => s.sheetKey !== sheetKey);
  return { ...preview, sources: [...others.slice(0, at), ...after, ...others.slice(at)], fields, entityOverrides };
}

/** Reads one sheet again: from its picked file, else from the open workbook. */
async function readSheet(file: string, sheet: string, inputs: ReviewInputs, request: PreviewRequest): Promise<Grid[]> {
  const picked = inputs.files?.find((f) => f.name === file);
  let read: ReadResult;
  if (picked) read = await fileHostFor(inputs.host, [picked]).readFile(picked.name, picked.bytes, { sheets: [sheet] });
  else if (inputs.port && inputs.port.label === file)
    read = await inputs.port.read({ sheets: [sheet], progress: request.progress, signal: request.signal });
  else throw new Error(`${file} is no longer among the files of this import. Review the mapping again.`);
  const grids = read.grids.filter((g) => g.sheet === sheet);
  if (grids.length === 0) {
    throw new Error(
      `Sheet "${sheet}" of ${file} could not be read again (renamed or deleted?). Review the mapping again.`,
    );
  }
  return grids;
}

/** The pane's entity dropdown: reads that one sheet again (nothing else) and re-proposes it. */
export async function previewEntityChange(
  preview: MappingPreview,
  change: EntityChange,
  inputs: ReviewInputs,
  request: PreviewRequest = {},
): Promise<MappingPreview> {
  const source = preview.sources.find((s) => s.sheetKey === change.sheetKey);
  if (!source) throw new RangeError(`The review has no sheet ${change.sheetKey}; review again.`);
  let grids: Grid[] = [];
  if (plan(preview, change).read) {
    request.progress?.({ stage: "Reading sheet", done: 0, total: 1, message: `${source.file} › ${source.sheet}` });
    grids = await readSheet(source.file, source.sheet, inputs, request);
  }
  checkCancelled(request.signal);
  request.progress?.({ stage: "Mapping columns", done: 0, total: 1 });
  const next = reproposeSheet(preview, grids, change);
  request.progress?.({ stage: "Mapping columns", done: 1, total: 1 });
  return next;
}
