import type { Settings, SettingsProblem } from "../domain/settings";
import type { RegisterRead } from "../ingest/read-register";
import { readRegisterGrids } from "../ingest/read-register";
import type { Grid, ReadProblem, ReadResult } from "../workbook/grid";
import { sheetNamesOf } from "../workbook/grid";
import type { SheetListing, WorkbookPort } from "../workbook/port";
import { ENTITY_NAMES, SCHEMA } from "../domain/schema";
import { OWNED_SHEET, isNameOrFreeVariant } from "../domain/owned-sheet-names";
import { SCENARIO_PROJECTS_TABLE, SCENARIOS_TABLE } from "../domain/scenarios";
import { NotARegisterError } from "./errors";
import { loadSettings } from "./settings-io";

export { NotARegisterError };

/** A workbook as a step reads it: its grids, every sheet's name, and its settings. */
export interface WorkbookRead {
  label: string;
  read: ReadResult;
  grids: Grid[];
  /** Every sheet of the workbook, empty ones included: the names a step must not take. */
  sheetNames: string[];
  settings: Settings;
  settingsProblems: SettingsProblem[];
  settingsNotes: string[];
  /** The workbook has a PMO Settings sheet (else the settings are the defaults). */
  settingsFound: boolean;
  readProblems: ReadProblem[];
}

/** A register read for analysis: its records, where each value sits, and its settings. */
export interface OpenRegister extends RegisterRead, WorkbookRead {}

const REGISTER_TABLES = new Set(
  [...ENTITY_NAMES.map((e) => SCHEMA[e].table), SCENARIOS_TABLE, SCENARIO_PROJECTS_TABLE].map((t) => t.toLowerCase()),
);
/** Sheets a step reads besides the register tables: the settings, saved scenarios, and Findings for the status. */
const STEP_SHEETS = [
  ...ENTITY_NAMES.map((e) => SCHEMA[e].sheet),
  OWNED_SHEET.settings,
  OWNED_SHEET.scenarios,
  OWNED_SHEET.findings,
];

/**
 * The sheets an analysis step needs: those holding a register table, and the register's, settings',
 * Scenarios and Findings sheets by name (or as the free variant "Findings (PMO)" an owned sheet takes beside
 * a user's). Not read: a user's source trackers, often the largest sheets, and PMO Provenance (one
 * row per value, the largest sheet the add-in writes), which only a rebuild needs: an analysis's
 * findings point at register cells, not at the sources. A rebuild reads the whole workbook.
 */
export function isRegisterSheet(sheet: SheetListing): boolean {
  if (sheet.tables.some((t) => REGISTER_TABLES.has(t.toLowerCase()))) return true;
  return STEP_SHEETS.some((n) => isNameOrFreeVariant(sheet.name, n));
}

/** What a read gave, with the workbook's settings loaded from it. */
export function workbookRead(read: ReadResult, label: string): WorkbookRead {
  const loaded = loadSettings(read.grids);
  return {
    label,
    read,
    grids: read.grids,
    sheetNames: sheetNamesOf(read),
    settings: loaded.settings,
    settingsProblems: loaded.problems,
    settingsNotes: loaded.notes,
    settingsFound: loaded.found,
    readProblems: read.problems,
  };
}

/** The register in what was read; NotARegisterError when there is none, saying what to do. */
export function registerIn(workbook: WorkbookRead): OpenRegister {
  const fatal = workbook.readProblems.find((p) => p.severity === "error");
  if (workbook.grids.length === 0 && fatal) throw new NotARegisterError(fatal.message);
  const reg = readRegisterGrids(workbook.grids, workbook.label);
  if (reg.found.length === 0) {
    throw new NotARegisterError(
      `${workbook.label} holds no PMO register (no Projects, Risks or other register table). Build one first: pmo build <files> -o register.xlsx.`,
    );
  }
  return { ...workbook, ...reg };
}

/**
 * Reads the register from a workbook (the open one in Excel, or a file). Every analysis re-reads
 * the current cells, so edits made by hand are always seen; only the sheets it needs are read
 * (isRegisterSheet), and every sheet's name is kept so nothing of the user's is written over.
 */
export async function openRegister(port: WorkbookPort): Promise<OpenRegister> {
  const read = await port.read({ select: isRegisterSheet });
  return registerIn(workbookRead(read, port.label));
}
