import type { FieldValue, Register } from "../domain/register";
import { countRecords } from "../domain/register";
import type { EntityName } from "../domain/schema";
import type { Settings } from "../domain/settings";
import type { IngestResult } from "../ingest/ingest";
import { ingestGrids, upsertRegister } from "../ingest/ingest";
import { SAVED_UNIT_PREFIX, unitAnswerText } from "../ingest/money-units";
import { readRegisterGrids, provenanceKey } from "../ingest/read-register";
import type { Grid, ReadResult } from "../workbook/grid";
import { sheetNamesOf } from "../workbook/grid";
import type { ProgressFn, WorkbookPort } from "../workbook/port";
import { readWorkbookBytes } from "../workbook/xlsx/read-workbook-bytes";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { importedText } from "../report/provenance-sheet";
import { checkCancelled } from "./cancellation";
import { loadSettings, isOwnedSheet } from "./settings-io";
import type { ChangeList } from "./register-workbook";
import { registerWorkbookSpec, toMappingReport } from "./register-workbook";

/** One file handed to the pipeline: its name (for messages) and its bytes. */
export interface InputFile {
  name: string;
  bytes: Uint8Array;
}

export interface BuildOptions {
  progress?: ProgressFn;
  signal?: AbortSignal;
  dateOrder?: "dmy" | "mdy";
  /** Saved header mappings from a JSON file (CLI `--mapping`), merged over the settings sheet's. */
  mappings?: Record<string, Record<string, string | null>>;
  /** ISO timestamp shown on generated sheets; the run's time by default. */
  generatedAt?: string;
  /**
   * What the user said sheets hold (the pane's review): `entityOverrideKey(file, sheet)` → the entity
   * to read the sheet as, or null: not register data, skip it. Wins over the classifier and over an
   * entity saved with a mapping. To keep the choice for next month, `mappings` carries it too (see
   * `mappingsFromEdits`).
   */
  entityOverrides?: Record<string, EntityName | null>;
  /**
   * The unit money columns' figures are in, as the user answered (CLI `--money-unit COLUMN=m`):
   * header or field name → multiplier. Saved with the layout's mapping on PMO Settings (`@unit`).
   */
  moneyUnits?: Record<string, number>;
}

export interface WorkbookBuildOptions extends BuildOptions {
  /**
   * Inside Excel: files picked in the pane to add to this import. They are read with the xlsx/CSV
   * readers and ingested with the workbook's own sheets; provenance names each file.
   */
  extraFiles?: InputFile[];
  /**
   * False: work out the register and the change list without writing anything, so the pane can
   * show what an import into an existing register would change before it is written.
   */
  write?: boolean;
}

export interface InputReport {
  file: string;
  status: "read" | "partial" | "failed";
  sheets: { sheet: string; entity: string | null; rows: number }[];
  problems: { severity: string; message: string; sheet?: string; cell?: string }[];
}

export interface BuildOutcome {
  inputs: InputReport[];
  register: Record<EntityName, number>;
  changes?: ChangeList;
  warnings: string[];
  /** The register itself, for callers that go on to analyse it. */
  model: Register;
}

function inputReport(read: ReadResult, ingest: IngestResult): InputReport {
  const sources = ingest.sources.filter((s) => s.file === read.file);
  const problems = [
    ...read.problems.map((p) => ({ severity: p.severity, message: p.message, sheet: p.sheet, cell: p.cell })),
    ...ingest.problems
      .filter((p) => p.file === read.file)
      .map((p) => ({ severity: p.severity, message: p.message, sheet: p.sheet, cell: p.cell })),
  ];
  const failed = read.grids.length === 0 && read.problems.some((p) => p.severity === "error");
  const anyEntity = sources.some((s) => s.entity !== null);
  const status = failed
    ? "failed"
    : !anyEntity || read.problems.some((p) => p.severity === "error")
      ? "partial"
      : "read";
  if (!failed && !anyEntity && sources.length + read.skipped.length > 0) {
    problems.push({
      severity: "error",
      message: `${read.file}: no sheet looked like a register table (no recognisable header row). Check that the file has a header row with names such as "Project", "Start", "Budget".`,
      sheet: undefined,
      cell: undefined,
    });
  }
  return {
    file: read.file,
    status: !failed && !anyEntity ? "failed" : status,
    sheets: sources.map((s) => ({ sheet: s.sheet, entity: s.entity, rows: s.rows })),
    problems,
  };
}

async function readAll(files: InputFile[], progress?: ProgressFn, signal?: AbortSignal): Promise<ReadResult[]> {
  const reads: ReadResult[] = [];
  for (const [i, f] of files.entries()) {
    checkCancelled(signal);
    progress?.({ stage: "Reading files", done: i, total: files.length, message: f.name });
    reads.push(await readWorkbookBytes(f.bytes, f.name));
  }
  progress?.({ stage: "Reading files", done: files.length, total: files.length });
  return reads;
}

function ingestAll(grids: Grid[], settings: Settings, options: BuildOptions): IngestResult {
  return ingestGrids(grids, {
    dateOrder: options.dateOrder ?? settings.general.dateOrder,
    moneyUnit: settings.general.moneyUnit,
    savedMappings: {
      ...(settings.mappings as Record<string, Record<string, string | null>>),
      ...(options.mappings ?? {}),
    },
    entityOverrides: options.entityOverrides,
    moneyUnits: options.moneyUnits,
    hoursPerDay: settings.general.hoursPerDay,
  });
}

/**
 * The mappings to save: the confirmed ones, plus each unit the user answered for a layout
 * (`@unit <header>`), so next month's file with the same columns is read in the same unit.
 */
export function withAnsweredUnits(
  settings: Settings,
  confirmed: BuildOptions["mappings"],
  ingest: IngestResult,
  answers: BuildOptions["moneyUnits"],
): BuildOptions["mappings"] {
  if (!answers || Object.keys(answers).length === 0) return confirmed;
  const out: Record<string, Record<string, string | null>> = { ...(confirmed ?? {}) };
  for (const source of ingest.sources) {
    if (!source.headerSignature) continue;
    for (const c of source.columns) {
      if (c.moneyUnit?.said !== "answer") continue;
      const sig = source.headerSignature;
      const before = out[sig] ?? (settings.mappings[sig] as Record<string, string | null> | undefined) ?? {};
      out[sig] = { ...before, [`${SAVED_UNIT_PREFIX}${c.header}`]: unitAnswerText(c.moneyUnit.multiplier) };
    }
  }
  return out;
}

/** Unit questions as warnings (the CLI prints them; the pane has them in the ingest result). */
function unitQuestionWarnings(ingest: IngestResult): string[] {
  return (ingest.unitQuestions ?? []).map((q) => q.message);
}

/**
 * The settings to write back: the header mappings the user confirmed for this import (a mapping
 * file, or edits made in the pane's review) are saved over the sheet's, so next month's import of
 * the same layout maps the same way without asking again.
 */
export function withConfirmedMappings(settings: Settings, confirmed: BuildOptions["mappings"]): Settings {
  if (!confirmed || Object.keys(confirmed).length === 0) return settings;
  return { ...settings, mappings: { ...settings.mappings, ...confirmed } };
}

/**
 * Merges the import into what the register already holds: hand edits are kept (and the incoming
 * value listed as a conflict), untouched fields take the new value, new records are added, and
 * records absent from the new files are kept and listed.
 */
function mergeIntoExisting(
  existingGrids: Grid[],
  incoming: Register,
): { register: Register; changes: ChangeList } | null {
  const existing = readRegisterGrids(existingGrids);
  if (existing.found.length === 0) return null;
  // Keyed by occurrence too: the two records of a duplicated id each have their own cells.
  const current = new Map<string, FieldValue>();
  for (const entity of existing.found) {
    const occurrences = new Map<string, number>();
    for (const r of existing.register.entities[entity]) {
      const k = occurrences.get(r.id) ?? 0;
      occurrences.set(r.id, k + 1);
      for (const [field, v] of Object.entries({ ...r.extras, ...r.values }))
        current.set(`${provenanceKey(entity, r.id, field)}\u0000${k}`, v);
    }
  }
  // The provenance sheet keeps imported values as text; a cell still showing that text is untouched.
  const result = upsertRegister(existing.register, incoming, (entity, id, field, occurrence) => {
    const imported = existing.importedAt(entity, id, field, occurrence);
    if (imported === undefined) return undefined;
    const now = current.get(`${provenanceKey(entity, id, field)}\u0000${occurrence}`);
    return now !== undefined && importedText(now) === imported ? now : imported;
  });
  return { register: result.register, changes: result.changes };
}

/** File mode and the CLI: read the files, build the register, return the register workbook's bytes. */
export async function buildRegisterFromFiles(
  files: InputFile[],
  options: BuildOptions & { into?: InputFile } = {},
): Promise<{ outcome: BuildOutcome; bytes: Uint8Array }> {
  const { progress, signal } = options;
  const reads = await readAll(files, progress, signal);
  let target: XlsxWorkbook;
  let existingGrids: Grid[] = [];
  let existingSheets: string[] = [];
  if (options.into) {
    target = await XlsxWorkbook.open(options.into.bytes, options.into.name);
    const existing = await target.read();
    existingGrids = existing.grids;
    existingSheets = sheetNamesOf(existing);
  } else {
    target = XlsxWorkbook.create("register.xlsx");
  }
  const loaded = loadSettings(existingGrids);
  checkCancelled(signal);
  progress?.({ stage: "Mapping columns", done: 0, total: 1 });
  const ingest = ingestAll(
    reads.flatMap((r) => r.grids),
    loaded.settings,
    options,
  );
  const merged = options.into ? mergeIntoExisting(existingGrids, ingest.register) : null;
  const register = merged?.register ?? ingest.register;
  progress?.({ stage: "Mapping columns", done: 1, total: 1 });
  checkCancelled(signal);
  const answered = withAnsweredUnits(loaded.settings, options.mappings, ingest, options.moneyUnits);
  const settings = withConfirmedMappings(loaded.settings, answered);
  const spec = registerWorkbookSpec(register, toMappingReport(ingest, merged?.changes), settings, {
    existingSheets,
    generatedAt: options.generatedAt ?? new Date().toISOString(),
  });
  progress?.({ stage: "Writing register", done: 0, total: spec.spec.sheets.length });
  await target.write(spec.spec, { progress, signal });
  const bytes = await target.toBytes();
  progress?.({ stage: "Writing register", done: spec.spec.sheets.length, total: spec.spec.sheets.length });
  return {
    bytes,
    outcome: {
      inputs: reads.map((r) => inputReport(r, ingest)),
      register: countRecords(register),
      changes: merged?.changes,
      warnings: [...loaded.notes, ...spec.warnings, ...unitQuestionWarnings(ingest)],
      model: register,
    },
  };
}

/**
 * Inside Excel: the open workbook's own sheets (those the add-in does not own), plus any files the
 * user added, are the sources; the register is written into owned sheets of the same workbook.
 */
export async function buildRegisterInWorkbook(
  port: WorkbookPort,
  options: WorkbookBuildOptions = {},
): Promise<BuildOutcome> {
  const { progress, signal } = options;
  progress?.({ stage: "Reading workbook", done: 0, total: 1 });
  const read = await port.read({ progress, signal });
  const loaded = loadSettings(read.grids);
  const sources = read.grids.filter((g) => !isOwnedSheet(g.sheet, loaded.settings));
  const owned = read.grids.filter((g) => isOwnedSheet(g.sheet, loaded.settings));
  checkCancelled(signal);
  const extra = options.extraFiles?.length ? await readAll(options.extraFiles, progress, signal) : [];
  checkCancelled(signal);
  const ingest = ingestAll([...sources, ...extra.flatMap((r) => r.grids)], loaded.settings, options);
  const merged = mergeIntoExisting(owned, ingest.register);
  const register = merged?.register ?? ingest.register;
  const answered = withAnsweredUnits(loaded.settings, options.mappings, ingest, options.moneyUnits);
  const settings = withConfirmedMappings(loaded.settings, answered);
  const spec = registerWorkbookSpec(register, toMappingReport(ingest, merged?.changes), settings, {
    existingSheets: sheetNamesOf(read),
    generatedAt: options.generatedAt ?? new Date().toISOString(),
  });
  checkCancelled(signal);
  if (options.write !== false) await port.write(spec.spec, { progress, signal });
  return {
    inputs: [inputReport({ ...read, grids: sources }, ingest), ...extra.map((r) => inputReport(r, ingest))],
    register: countRecords(register),
    changes: merged?.changes,
    warnings: [...loaded.notes, ...spec.warnings, ...unitQuestionWarnings(ingest)],
    model: register,
  };
}
