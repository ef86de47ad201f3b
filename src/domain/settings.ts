import { excelSerialFromIso, isoFromDate } from "./dates";
import { SCHEMA } from "./schema";
import { parseAhp, parseCriteria } from "./settings-criteria";
import {
  DEFAULT_SETTINGS,
  GENERAL_DEFS,
  GENERAL_KEYS,
  LIST_NAMES,
  LISTS_SHEET,
  RULE_FAMILIES,
  SETTINGS_SCHEMA_VERSION,
  SETTINGS_SHEET,
  SEVERITIES,
  cellNumber,
  cellText,
  cloneSettings,
  normName as norm,
  settingsDate,
  type GeneralKey,
  type ParsedSettings,
  type ParseSettingsOptions,
  type ProblemFn,
  type Settings,
  type SettingsCell,
  type SettingsGroup,
  type SettingsInput,
  type SettingsProblem,
  type Severity,
} from "./settings-model";
import type { ListName } from "./enums";

export * from "./settings-model";

/**
 * `parseSettings` turns what was read from the PMO Settings sheet into Settings. A bad value never
 * stops a run: it is reported with its cell and the default is used.
 */
// ---- the parser ----------------------------------------------------------------------------------

export function parseSettings(input: SettingsInput, options: ParseSettingsOptions = {}): ParsedSettings {
  const settings = cloneSettings(DEFAULT_SETTINGS);
  const problems: SettingsProblem[] = [];
  const notes: string[] = [];
  const sheet = input.sheet ?? SETTINGS_SHEET;
  const problem = (group: SettingsGroup, cell: SettingsCell | undefined | null, message: string) =>
    problems.push({ group, sheet, cell: cell?.cell ?? null, message });

  parseVersion(input, problem, notes);
  parseGeneral(input, settings, problem, notes);
  parseLists(input, settings, problem, notes);
  parseStageGates(input, settings, problem, notes);
  parseRules(input, settings, problem, notes, options.ruleIds);
  parseCriteria(input, settings, problem, notes);
  parseAhp(input, settings, problem, notes);
  if (input.ownedSheets === undefined) notes.push("No owned-sheets table: only PMO Settings and PMO Lists are owned.");
  else {
    const seen = new Set<string>();
    settings.ownedSheets = [];
    for (const c of [...input.ownedSheets, { value: SETTINGS_SHEET }, { value: LISTS_SHEET }]) {
      const name = cellText(c);
      if (name !== "" && !seen.has(name.toLowerCase())) {
        seen.add(name.toLowerCase());
        settings.ownedSheets.push(name);
      }
    }
  }
  for (const row of input.mappings ?? []) {
    const signature = cellText(row.signature);
    if (signature === "") continue;
    try {
      settings.mappings[signature] = JSON.parse(cellText(row.mapping));
    } catch {
      problem(
        "mappings",
        row.mapping,
        `The saved mapping for "${signature}" is not valid JSON; it is ignored (map the file again and save).`,
      );
    }
  }
  return { settings, problems, notes };
}

function parseVersion(input: SettingsInput, problem: ProblemFn, notes: string[]): void {
  const v = cellNumber(input.schemaVersion);
  if (v === null) notes.push(`Settings schema version not found in A1: read as version ${SETTINGS_SCHEMA_VERSION}.`);
  else if (v === "bad" || !Number.isInteger(v) || v < 1)
    problem(
      "version",
      input.schemaVersion,
      `A1 should hold the settings schema version (${SETTINGS_SCHEMA_VERSION}); read as version ${SETTINGS_SCHEMA_VERSION}.`,
    );
  else if (v > SETTINGS_SCHEMA_VERSION)
    problem(
      "version",
      input.schemaVersion,
      `These settings were written by a newer version (schema ${v}); settings this version does not know are ignored.`,
    );
}

function parseGeneral(input: SettingsInput, settings: Settings, problem: ProblemFn, notes: string[]): void {
  if (input.general === undefined) {
    notes.push("No general settings table (tblSettings): every general setting uses its default.");
    return;
  }
  const byKey = new Map<string, GeneralKey>(GENERAL_KEYS.map((k) => [norm(k), k]));
  const rows = new Map<GeneralKey, SettingsCell>();
  for (const row of input.general) {
    const name = cellText(row.setting);
    if (name === "") continue;
    const key = byKey.get(norm(name));
    if (!key)
      problem(
        "general",
        row.setting,
        `Unknown setting "${name}"; it is ignored. Known settings: ${GENERAL_KEYS.join(", ")}.`,
      );
    else rows.set(key, row.value);
  }
  const g = settings.general as Record<string, unknown>;
  // dateOrder first: the reporting date's text is read with it.
  for (const key of ["dateOrder", ...GENERAL_KEYS.filter((k) => k !== "dateOrder")] as GeneralKey[]) {
    const cell = rows.get(key);
    const fallback = (DEFAULT_SETTINGS.general as Record<string, unknown>)[key];
    if (!cell) {
      notes.push(`Setting ${key} not found: default ${JSON.stringify(fallback)} used.`);
      continue;
    }
    if (key === "reportingDate") {
      const d = settingsDate(cell.value, settings.general.dateOrder);
      if (d === "bad")
        problem(
          "general",
          cell,
          `reportingDate "${cellText(cell)}" is not a date; enter it as YYYY-MM-DD (left blank meanwhile).`,
        );
      else g.reportingDate = d;
      continue;
    }
    const raw = cell.value instanceof Date ? excelSerialFromIso(isoFromDate(cell.value)) : cell.value;
    if (raw === null || (typeof raw === "string" && raw.trim() === "")) {
      notes.push(`Setting ${key} is blank: default ${JSON.stringify(fallback)} used.`);
      continue;
    }
    const parsed = GENERAL_DEFS[key].schema.safeParse(typeof raw === "boolean" ? String(raw) : raw);
    if (parsed.success) g[key] = parsed.data;
    else
      problem(
        "general",
        cell,
        `${key} "${cellText(cell)}" is not valid (${parsed.error.issues[0]?.message ?? "invalid"}); default ${JSON.stringify(fallback)} used.`,
      );
  }
  const pairs: [GeneralKey, GeneralKey][] = [
    ["costAmberPct", "costRedPct"],
    ["scheduleAmberDays", "scheduleRedDays"],
    ["utilisationAmber", "utilisationRed"],
  ];
  for (const [amber, red] of pairs) {
    if ((g[amber] as number) > (g[red] as number)) {
      problem("general", rows.get(red), `${red} (${g[red]}) is below ${amber} (${g[amber]}); both use their defaults.`);
      g[amber] = (DEFAULT_SETTINGS.general as Record<string, unknown>)[amber];
      g[red] = (DEFAULT_SETTINGS.general as Record<string, unknown>)[red];
    }
  }
}

function splitList(s: string): string[] {
  const parts = /[;\n]/.test(s) ? s.split(/[;\n]/) : s.split(",");
  return parts.map((p) => p.trim()).filter((p) => p !== "");
}

function parseLists(input: SettingsInput, settings: Settings, problem: ProblemFn, notes: string[]): void {
  if (input.lists === undefined) {
    notes.push("No allowed-values table (tblLists): default lists used.");
    return;
  }
  const byName = new Map<string, ListName>(LIST_NAMES.map((n) => [norm(n), n]));
  const seen = new Set<ListName>();
  for (const row of input.lists) {
    const name = cellText(row.list);
    if (name === "") continue;
    const list = byName.get(norm(name));
    if (!list) {
      problem("lists", row.list, `Unknown list "${name}"; it is ignored. Known lists: ${LIST_NAMES.join(", ")}.`);
      continue;
    }
    const values = [...new Set(splitList(cellText(row.values)))];
    if (values.length === 0) problem("lists", row.values, `List ${list} is empty; its default values are used.`);
    else settings.lists[list] = values;
    seen.add(list);
  }
  const missing = LIST_NAMES.filter((n) => !seen.has(n));
  if (missing.length > 0) notes.push(`Lists not on the settings sheet use their defaults: ${missing.join(", ")}.`);
}

function parseStageGates(input: SettingsInput, settings: Settings, problem: ProblemFn, notes: string[]): void {
  if (input.stageGates === undefined) {
    notes.push("No stage-gate table (tblStageGates): default stage gates used.");
    return;
  }
  const stages = new Map(settings.lists.Stage.map((s) => [s.toLowerCase(), s]));
  const fields = new Map(SCHEMA.Projects.fields.map((f) => [norm(f.name), f.name]));
  const gates: Record<string, string[]> = {};
  for (const row of input.stageGates) {
    const name = cellText(row.stage);
    if (name === "") continue;
    const stage = stages.get(name.toLowerCase());
    if (!stage) {
      problem(
        "stageGates",
        row.stage,
        `Unknown stage "${name}"; its row is ignored. Stages: ${settings.lists.Stage.join(", ")}.`,
      );
      continue;
    }
    gates[stage] = [];
    for (const f of splitList(cellText(row.fields))) {
      const field = fields.get(norm(f));
      if (field) gates[stage].push(field);
      else
        problem(
          "stageGates",
          row.fields,
          `Stage ${stage} requires "${f}", which is not a Projects field; it is ignored.`,
        );
    }
  }
  settings.stageGates = gates;
}

function parseRules(
  input: SettingsInput,
  settings: Settings,
  problem: ProblemFn,
  notes: string[],
  ruleIds?: readonly string[],
): void {
  if (input.rules === undefined) {
    notes.push("No rules table (tblRules): every rule is on with its profile's severity.");
    return;
  }
  const known = ruleIds ? new Map(ruleIds.map((id) => [id.toLowerCase(), id])) : null;
  const shape = new RegExp(`^(${RULE_FAMILIES.join("|")})\\.[a-z0-9-]+$`);
  for (const row of input.rules) {
    const name = cellText(row.rule);
    if (name === "") continue;
    const id = known ? known.get(name.toLowerCase()) : shape.test(name) ? name : undefined;
    if (!id) {
      problem(
        "rules",
        row.rule,
        `Unknown rule id "${name}"; its row is ignored. Run \`pmo rules\` for the list of rule ids.`,
      );
      continue;
    }
    const enabledText = cellText(row.enabled).toLowerCase();
    let enabled = true;
    if (["no", "n", "false", "off", "0"].includes(enabledText)) enabled = false;
    else if (!["", "yes", "y", "true", "on", "1"].includes(enabledText))
      problem(
        "rules",
        row.enabled,
        `Enabled for ${id} should be Yes or No, not "${cellText(row.enabled)}"; the rule stays on.`,
      );
    const sevText = cellText(row.severity).toLowerCase();
    let severity: Severity | null = null;
    if ((SEVERITIES as readonly string[]).includes(sevText)) severity = sevText as Severity;
    else if (sevText !== "")
      problem(
        "rules",
        row.severity,
        `Severity for ${id} should be error, warning or info (or blank), not "${cellText(row.severity)}"; the profile's severity is used.`,
      );
    if (!enabled || severity !== null) settings.rules[id] = { enabled, severity };
  }
}
