import type { Settings, SettingsProblem } from "../domain/settings";
import type { RegisterRead } from "../ingest/read-register";
import { readRegisterGrids } from "../ingest/read-register";
import type { Grid, ReadProblem } from "../workbook/grid";
import { sheetNamesOf } from "../workbook/grid";
import type { WorkbookPort } from "../workbook/port";
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

/**
 * Reads the register from a workbook (the open one in Excel, or a file). Every analysis re-reads
 * the current cells, so edits made by hand are always seen.
 */
export async function openRegister(port: WorkbookPort): Promise<OpenRegister> {
  const read = await port.read();
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
