import type { AhpMatrix, GeneralKey, GeneralSettings, Settings, SettingsProblem } from "../../domain/settings";
import { GENERAL_DEFS, cloneSettings } from "../../domain/settings";
import { listsSheet, settingsSheet } from "../../report/settings-sheet";
import { OWNED_SHEET } from "../../domain/owned-sheet-names";
import { SettingsError } from "../errors";
import type { WorkbookStep } from "./step";

export interface SettingsEdits {
  general?: Partial<Omit<GeneralSettings, "schemaVersion">>;
  /** New weight per criterion name (criteria not named keep theirs). */
  criteriaWeights?: Record<string, number>;
  /** AHP pairwise comparisons (rows and columns in `criteria` order); null removes them. */
  ahp?: AhpMatrix | null;
}

export interface WorkbookSettings {
  settings: Settings;
  problems: SettingsProblem[];
  notes: string[];
  /** The workbook has a PMO Settings sheet (else the defaults are shown). */
  found: boolean;
}

/** The settings on the workbook's PMO Settings sheet (or the defaults, said so). Reads only that sheet. */
export const readSettingsStep: WorkbookStep<Record<string, never>, WorkbookSettings> = {
  name: "read-settings",
  opens: "workbook",
  reads: { sheets: [OWNED_SHEET.settings] },
  run: (workbook) => ({
    value: {
      settings: workbook.settings,
      problems: workbook.settingsProblems,
      notes: workbook.settingsNotes,
      found: workbook.settingsFound,
    },
  }),
};

/** A message per edit that is not a valid value for its setting (the same checks as reading the sheet). */
export function checkSettingsEdits(edits: SettingsEdits): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(edits.general ?? {})) {
    const def = GENERAL_DEFS[key as GeneralKey];
    if (!def) {
      problems.push(`${key} is not a setting.`);
      continue;
    }
    if (key === "reportingDate") {
      if (value !== null && !(typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)))
        problems.push(`reportingDate must be a date (YYYY-MM-DD) or blank, not "${String(value)}".`);
      continue;
    }
    const parsed = def.schema.safeParse(value);
    if (!parsed.success) problems.push(`${key}: "${String(value)}" is not allowed. ${def.description}`);
  }
  for (const [name, weight] of Object.entries(edits.criteriaWeights ?? {})) {
    if (!Number.isFinite(weight) || weight < 0) problems.push(`Weight of ${name} must be a number of zero or more.`);
  }
  const ahp = edits.ahp;
  if (ahp) {
    const n = ahp.criteria.length;
    const square = ahp.matrix.length === n && ahp.matrix.every((row) => row.length === n);
    if (!square) problems.push(`The AHP comparisons must form a ${n} × ${n} table, one row and column per criterion.`);
    else if (ahp.matrix.some((row) => row.some((a) => !Number.isFinite(a) || a <= 0)))
      problems.push("AHP judgements must be positive numbers (1/9 to 9).");
  }
  return problems;
}

/** The settings with the edits applied (thresholds and profile as given; weights by criterion name). */
export function applySettingsEdits(settings: Settings, edits: SettingsEdits): Settings {
  const next = cloneSettings(settings);
  next.general = { ...next.general, ...edits.general } as GeneralSettings;
  for (const c of next.criteria) {
    const w = edits.criteriaWeights?.[c.name];
    if (w !== undefined) c.weight = w;
  }
  if (edits.ahp !== undefined)
    next.ahp = edits.ahp && { criteria: [...edits.ahp.criteria], matrix: edits.ahp.matrix.map((r) => [...r]) };
  return next;
}

export interface SavedSettings {
  settings: Settings;
  /** Entries that had problems and were replaced by the values in use. */
  replaced: SettingsProblem[];
}

/**
 * Saves edited settings on the PMO Settings sheet (settings travel with the workbook, and the CLI
 * reads the same ones). Rewrites only that sheet (and writes the hidden lists sheet its dropdowns
 * point at when the workbook has no settings yet). Entries that had problems are replaced by the
 * values in use, which `replaced` lists so the pane can say so first. A bad edit is refused with
 * SettingsError and nothing is written.
 */
export const saveSettingsStep: WorkbookStep<{ edits: SettingsEdits }, SavedSettings> = {
  name: "save-settings",
  opens: "workbook",
  reads: { sheets: [OWNED_SHEET.settings] },
  run(workbook, { edits }, { progress }) {
    const bad = checkSettingsEdits(edits);
    if (bad.length > 0) throw new SettingsError(bad.join(" "));
    const settings = applySettingsEdits(workbook.settings, edits);
    const sheets = [settingsSheet(settings, settings.ownedSheets)];
    if (!workbook.settingsFound) sheets.push({ ...listsSheet(settings), hidden: true });
    progress({ stage: "Saving settings", done: 0, total: 1 });
    return { value: { settings, replaced: workbook.settingsProblems }, planned: { sheets } };
  },
};
