import { SETTINGS_SHEET } from "../domain/settings-model";
import type { Settings, SettingsProblem } from "../domain/settings";
import { DEFAULT_SETTINGS, parseSettings } from "../domain/settings";
import { readSettingsGrid } from "../ingest/read-settings";
import { RULE_IDS } from "../standards/catalogue";
import type { Grid } from "../workbook/grid";

export { SETTINGS_SHEET };

/**
 * Settings travel with the workbook: read them from its settings sheet when it has one, else use
 * the documented defaults (and say so).
 */
export function loadSettings(grids: Grid[]): {
  settings: Settings;
  problems: SettingsProblem[];
  notes: string[];
  found: boolean;
} {
  const grid = grids.find((g) => g.sheet.toLowerCase() === SETTINGS_SHEET.toLowerCase());
  if (!grid) return { settings: DEFAULT_SETTINGS, problems: [], notes: [], found: false };
  // With the catalogue's ids, a rule id on the sheet that names no rule is reported with its cell.
  const parsed = parseSettings(readSettingsGrid(grid), { ruleIds: RULE_IDS });
  return { ...parsed, found: true };
}

/** Sheets the add-in writes: those recorded on the settings sheet, and the settings sheet itself. */
export function isOwnedSheet(sheet: string, settings: Settings): boolean {
  const s = sheet.toLowerCase();
  return s === SETTINGS_SHEET.toLowerCase() || settings.ownedSheets.some((o) => o.toLowerCase() === s);
}
