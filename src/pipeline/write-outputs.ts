import type { Settings } from "../domain/settings";
import { settingsSheet } from "../report/settings-sheet";
import { renameSheetReferences } from "../report/sheet-references";
import type { SheetSpec } from "../workbook/spec";
import type { WorkbookPort, WriteOptions } from "../workbook/port";
import { planOwnedSheets } from "./owned-sheets";

/**
 * Writes analysis sheets (Findings, Capacity, …) beside the register. Sheets are owned: a user's
 * sheet with the same name is left alone and ours takes a free variant; the settings sheet records
 * what the add-in owns so the next run replaces the same sheets in place.
 */
export async function writeOwnedSheets(
  port: WorkbookPort,
  existingSheets: string[],
  settings: Settings,
  sheets: SheetSpec[],
  options: WriteOptions & { settingsHaveProblems?: boolean } = {},
): Promise<{ written: string[]; warnings: string[] }> {
  const plan = planOwnedSheets(
    sheets.map((s) => s.name),
    existingSheets,
    settings.ownedSheets,
  );
  // Charts and links follow a sheet that had to take another name (a user's sheet already had it).
  const renames = new Map([...plan.names].filter(([from, to]) => from !== to));
  const renamed = sheets.map((s) => ({
    ...renameSheetReferences(s, renames),
    name: plan.names.get(s.name) ?? s.name,
  }));
  const owned = [...new Set([...settings.ownedSheets, ...renamed.map((s) => s.name)])];
  const warnings = plan.clashes.map(
    (c) =>
      `The workbook already has a sheet named "${c}" that PMO Register did not create; it was left alone and the output went to "${plan.names.get(c)}".`,
  );
  // A settings sheet with problems is the user's to fix: rewriting it would replace their entries
  // with defaults, so it is left as it is (and the new sheets are not yet recorded as owned).
  const newlyOwned = renamed.some((s) => !settings.ownedSheets.includes(s.name));
  if (options.settingsHaveProblems && newlyOwned) {
    warnings.push(
      "PMO Settings has problems, so it was not rewritten; fix them and run again to record the new sheets as the add-in's.",
    );
  }
  const withSettings =
    options.settingsHaveProblems || !newlyOwned
      ? renamed
      : [...renamed, settingsSheet({ ...settings, ownedSheets: owned }, owned)];
  await port.write({ sheets: withSettings }, options);
  return { written: renamed.map((s) => s.name), warnings };
}
