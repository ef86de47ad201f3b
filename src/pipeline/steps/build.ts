import type { FieldValue, Register } from "../../domain/register";
import { countRecords } from "../../domain/register";
import type { EntityName } from "../../domain/schema";
import type { Settings } from "../../domain/settings";
import type { IngestResult } from "../../ingest/ingest";
import { ingestGrids, upsertRegister } from "../../ingest/ingest";
import { SAVED_UNIT_PREFIX, unitAnswerText } from "../../ingest/money-units";
import { readRegisterGrids, provenanceKey } from "../../ingest/read-register";
import type { Grid, ReadResult } from "../../workbook/grid";
import type { FileHost, ProgressFn, WorkbookPort } from "../../workbook/port";
import { importedText } from "../../report/provenance-sheet";
import { checkCancelled } from "../cancellation";
import { isOwnedSheet } from "../settings-io";
import type { WorkbookRead } from "../open-register";
import { runStep, type RunStepOptions } from "./run-step";
import type { WorkbookStep } from "./step";
import type { ChangeList } from "../register-workbook";
import { registerWorkbookSpec, toMappingReport } from "../register-workbook";

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
   * Inside Excel: files picked in the pane to add to this import. They are read by `host` and
   * ingested with the workbook's own sheets; provenance names each file.
   */
  extraFiles?: InputFile[];
  /** Reads `extraFiles` (the front end passes `xlsxFileHost`); needed only when there are any. */
  host?: FileHost;
  /**
   * False: work out the register and the change list without writing anything, so the pane can
   * show what an import into an existing register would change before it is written.
   */
  write?: boolean;
}

export interface BuildStepOptions extends Omit<BuildOptions, "progress" | "signal"> {
  /** Files to read (the CLI's inputs, the pane's picked files). */
  files: InputFile[];
  /** Reads `files`; needed only when there are any (a build from the workbook's own sheets has none). */
  host?: FileHost;
  /**
   * Inside Excel the workbook's own sheets (those the add-in does not own) are sources too, and its
   * owned register is what the import merges into. On a file (the CLI, file mode) the files are
   * the only sources and the workbook's register, if any, is what they merge into.
   */
  workbookSheetsAreSources: boolean;
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

/**
 * The host that reads `files`. A caller handing files without one is a wiring mistake in a front
 * end, said plainly rather than failing on `undefined` inside the read.
 */
export function fileHostFor(host: FileHost | undefined, files: InputFile[]): FileHost {
  if (host) return host;
  throw new TypeError(
    `${files.length} file(s) (${files.map((f) => f.name).join(", ")}) were given without a file host to read them; ` +
      `the front end must pass one (xlsxFileHost).`,
  );
}

async function readAll(
  host: FileHost,
  files: InputFile[],
  progress?: ProgressFn,
  signal?: AbortSignal,
): Promise<ReadResult[]> {
  const reads: ReadResult[] = [];
  for (const [i, f] of files.entries()) {
    checkCancelled(signal);
    progress?.({ stage: "Reading files", done: i, total: files.length, message: f.name });
    // The host loads its readers (exceljs, Papa Parse) with the first file: a build from the
    // workbook's own sheets in Excel, and every other step registered beside this one, never loads them.
    reads.push(await host.readFile(f.name, f.bytes));
  }
  progress?.({ stage: "Reading files", done: files.length, total: files.length });
  return reads;
}

function ingestAll(
  grids: Grid[],
  settings: Settings,
  options: Omit<BuildOptions, "progress" | "signal">,
): IngestResult {
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

/**
 * Builds the register: reads the files (and, inside Excel, the workbook's own sheets), maps them to
 * the canonical register, merges it into the register the workbook already holds (hand edits kept,
 * conflicts listed), and returns the register workbook's sheets, names already planned around the
 * user's sheets. Reads the whole workbook: the user's source sheets are its input.
 */
export const buildStep: WorkbookStep<BuildStepOptions, BuildOutcome> = {
  name: "build",
  opens: "workbook",
  async run(workbook: WorkbookRead, options, { progress, signal }) {
    const all = workbook.grids;
    const sources = options.workbookSheetsAreSources
      ? all.filter((g) => !isOwnedSheet(g.sheet, workbook.settings))
      : [];
    const existing = options.workbookSheetsAreSources
      ? all.filter((g) => isOwnedSheet(g.sheet, workbook.settings))
      : all;
    const reads = options.files.length
      ? await readAll(fileHostFor(options.host, options.files), options.files, progress, signal)
      : [];
    checkCancelled(signal);
    progress({ stage: "Mapping columns", done: 0, total: 1 });
    const ingest = ingestAll([...sources, ...reads.flatMap((r) => r.grids)], workbook.settings, options);
    const merged = existing.length ? mergeIntoExisting(existing, ingest.register) : null;
    const register = merged?.register ?? ingest.register;
    progress({ stage: "Mapping columns", done: 1, total: 1 });
    checkCancelled(signal);
    const answered = withAnsweredUnits(workbook.settings, options.mappings, ingest, options.moneyUnits);
    const settings = withConfirmedMappings(workbook.settings, answered);
    const spec = registerWorkbookSpec(register, toMappingReport(ingest, merged?.changes), settings, {
      existingSheets: workbook.sheetNames,
      generatedAt: options.generatedAt ?? new Date().toISOString(),
    });
    const ownSheets = options.workbookSheetsAreSources
      ? [inputReport({ ...workbook.read, grids: sources }, ingest)]
      : [];
    progress({ stage: "Writing register", done: 0, total: spec.spec.sheets.length });
    return {
      value: {
        inputs: [...ownSheets, ...reads.map((r) => inputReport(r, ingest))],
        register: countRecords(register),
        changes: merged?.changes,
        warnings: [...workbook.settingsNotes, ...spec.warnings, ...unitQuestionWarnings(ingest)],
        model: register,
      },
      planned: spec.spec,
    };
  },
};

/**
 * The CLI and file mode: the build step on a new register workbook (or, with `into`, on the
 * register file being updated), and the workbook's bytes afterwards. `host` reads the files and
 * holds the register workbook (the front ends pass `xlsxFileHost`).
 */
export async function buildRegisterFromFiles(
  host: FileHost,
  files: InputFile[],
  options: BuildOptions & { into?: InputFile } = {},
): Promise<{ outcome: BuildOutcome; bytes: Uint8Array }> {
  const { progress, signal, into, ...rest } = options;
  const target = into ? await host.openWorkbook(into.name, into.bytes) : await host.newWorkbook("register.xlsx");
  const done = await runStep(
    target,
    buildStep,
    { ...rest, files, host, workbookSheetsAreSources: false },
    { progress, signal },
  );
  return { outcome: done.value, bytes: await target.toBytes() };
}

/** Inside Excel: the build step on the open workbook, its own sheets and any files the user added. */
export async function buildRegisterInWorkbook(
  port: WorkbookPort,
  options: WorkbookBuildOptions = {},
): Promise<BuildOutcome> {
  const { progress, signal, write, extraFiles, ...rest } = options;
  const run: RunStepOptions = { progress, signal, write };
  const done = await runStep(
    port,
    buildStep,
    { ...rest, files: extraFiles ?? [], workbookSheetsAreSources: true },
    run,
  );
  return done.value;
}
