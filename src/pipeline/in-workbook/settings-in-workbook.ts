import type { AhpMatrix, GeneralKey, GeneralSettings, Settings, SettingsProblem } from "../../domain/settings";
import { GENERAL_DEFS, cloneSettings } from "../../domain/settings";
import { listsSheet, settingsSheet } from "../../report/settings-sheet";
import type { WorkbookPort } from "../../workbook/port";
import { checkCancelled } from "../cancellation";
import { SETTINGS_SHEET, loadSettings } from "../settings-io";
import type { StepOptions, StepWrite } from "./step-options";

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
export async function readWorkbookSettings(port: WorkbookPort, options: StepOptions = {}): Promise<WorkbookSettings> {
  const read = await port.read({ sheets: [SETTINGS_SHEET], signal: options.signal });
  return loadSettings(read.grids);
}

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

/**
 * Saves edited settings on the PMO Settings sheet (architecture rule 7: settings travel with the
 * workbook, and the CLI reads the same ones). Rewrites only that sheet (and writes the hidden lists
 * sheet its dropdowns point at when the workbook has no settings yet). Entries that had problems
 * are replaced by the values in use, which `replaced` lists so the pane can say so first.
 */
export async function saveSettingsInWorkbook(
  port: WorkbookPort,
  edits: SettingsEdits,
  options: StepOptions = {},
): Promise<StepWrite & { settings: Settings; replaced: SettingsProblem[] }> {
  const bad = checkSettingsEdits(edits);
  if (bad.length > 0) throw new RangeError(bad.join(" "));
  options.progress?.({ stage: "Reading settings", done: 0, total: 1 });
  const current = await readWorkbookSettings(port, options);
  checkCancelled(options.signal);
  const settings = applySettingsEdits(current.settings, edits);
  const sheets = [settingsSheet(settings, settings.ownedSheets)];
  if (!current.found) sheets.push({ ...listsSheet(settings), hidden: true });
  options.progress?.({ stage: "Saving settings", done: 0, total: 1 });
  await port.write({ sheets }, { progress: options.progress, signal: options.signal });
  options.progress?.({ stage: "Saving settings", done: 1, total: 1 });
  return { written: sheets.map((s) => s.name), warnings: [], settings, replaced: current.problems };
}
