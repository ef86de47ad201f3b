import type { Settings, SettingsProblem } from "../domain/settings";
import type { RegisterRead } from "../ingest/read-register";
import { readRegisterGrids } from "../ingest/read-register";
import type { Grid, ReadProblem } from "../workbook/grid";
import { sheetNamesOf } from "../workbook/grid";
import type { SheetListing, WorkbookPort } from "../workbook/port";
import { ENTITY_NAMES, SCHEMA } from "../domain/schema";
import { SETTINGS_SHEET } from "../domain/settings";
import { SCENARIO_PROJECTS_TABLE, SCENARIOS_SHEET, SCENARIOS_TABLE } from "../domain/scenarios";
import { loadSettings } from "./settings-io";

/** A register read for analysis: its records, where each value sits, and its settings. */
export interface OpenRegister extends RegisterRead {
  label: string;
  grids: Grid[];
  /** Every sheet of the workbook, empty ones included: the names a step must not take. */
  sheetNames: string[];
  settings: Settings;
  settingsProblems: SettingsProblem[];
  settingsNotes: string[];
  readProblems: ReadProblem[];
}

export class NotARegisterError extends Error {}

const REGISTER_TABLES = new Set(
  [...ENTITY_NAMES.map((e) => SCHEMA[e].table), SCENARIOS_TABLE, SCENARIO_PROJECTS_TABLE].map((t) => t.toLowerCase()),
);
/** Sheets a step reads besides the register tables: the settings, saved scenarios, and Findings for the status. */
const STEP_SHEETS = [...ENTITY_NAMES.map((e) => SCHEMA[e].sheet), SETTINGS_SHEET, SCENARIOS_SHEET, "Findings"].map(
  (n) => n.toLowerCase(),
);

/**
 * The sheets an analysis step needs: those holding a register table, and the register's, settings',
 * Scenarios and Findings sheets by name (or as the free variant "Findings (PMO)" an owned sheet takes beside
 * a user's). Not read: a user's source trackers, often the largest sheets, and PMO Provenance (one
 * row per value, the largest sheet the add-in writes), which only a rebuild needs: an analysis's
 * findings point at register cells, not at the sources. A rebuild reads the whole workbook.
 */
export function isRegisterSheet(sheet: SheetListing): boolean {
  if (sheet.tables.some((t) => REGISTER_TABLES.has(t.toLowerCase()))) return true;
  const name = sheet.name.trim().toLowerCase();
  return STEP_SHEETS.some((n) => name === n || name.startsWith(`${n} (pmo`));
}

/**
 * Reads the register from a workbook (the open one in Excel, or a file). Every analysis re-reads
 * the current cells, so edits made by hand are always seen; only the sheets it needs are read
 * (isRegisterSheet), and every sheet's name is kept so nothing of the user's is written over.
 */
export async function openRegister(port: WorkbookPort): Promise<OpenRegister> {
  const read = await port.read({ select: isRegisterSheet });
  const fatal = read.problems.find((p) => p.severity === "error");
  if (read.grids.length === 0 && fatal) throw new NotARegisterError(fatal.message);
  const loaded = loadSettings(read.grids);
  const reg = readRegisterGrids(read.grids, port.label);
  if (reg.found.length === 0) {
    throw new NotARegisterError(
      `${port.label} holds no PMO register (no Projects, Risks or other register table). Build one first: pmo build <files> -o register.xlsx.`,
    );
  }
  return {
    ...reg,
    label: port.label,
    grids: read.grids,
    sheetNames: sheetNamesOf(read),
    settings: loaded.settings,
    settingsProblems: loaded.problems,
    settingsNotes: loaded.notes,
    readProblems: read.problems,
  };
}
