import * as z from "zod";
import { DEFAULT_LISTS, type ListName } from "./enums";
import { excelSerialFromIso, isIsoDate, isoFromDate, isoFromExcelSerial, isValidYmd, isoFromYmd } from "./dates";
import { SCHEMA } from "./schema";

/**
 * The PMO settings (architecture.md rule 7: they live on the visible `PMO Settings` sheet, so a
 * register travels with its rules). `parseSettings` turns what was read from that sheet into
 * Settings; a bad value never stops a run: it is reported with its cell and the default is used.
 */
export const SETTINGS_SCHEMA_VERSION = 1;
export const SETTINGS_SHEET = "PMO Settings";
export const LISTS_SHEET = "PMO Lists";

export type Profile = "supportive" | "controlling" | "directive";
export const PROFILES: readonly Profile[] = ["supportive", "controlling", "directive"];
export type Severity = "error" | "warning" | "info";
export const SEVERITIES: readonly Severity[] = ["error", "warning", "info"];
export const RULE_FAMILIES = [
  "completeness",
  "validity",
  "consistency",
  "integrity",
  "timeliness",
  "governance",
] as const;

/** A plain cell value as read from a sheet (the same shape as the port's CellValue). */
export type SettingsValue = string | number | boolean | Date | null;
/** A value with the A1 address it came from, so a problem can name the cell to fix. */
export interface SettingsCell {
  value: SettingsValue;
  cell?: string | null;
}

/** What the settings sheet held, table by table; a group left undefined was not found. */
export interface SettingsInput {
  sheet?: string;
  schemaVersion?: SettingsCell;
  general?: { setting: SettingsCell; value: SettingsCell }[];
  stageGates?: { stage: SettingsCell; fields: SettingsCell }[];
  lists?: { list: SettingsCell; values: SettingsCell }[];
  rules?: { rule: SettingsCell; enabled?: SettingsCell; severity?: SettingsCell }[];
  criteria?: {
    name: SettingsCell;
    source?: SettingsCell;
    weight?: SettingsCell;
    direction?: SettingsCell;
    min?: SettingsCell;
    max?: SettingsCell;
  }[];
  ahp?: { columns: SettingsCell[]; rows: { criterion: SettingsCell; values: SettingsCell[] }[] };
  ownedSheets?: SettingsCell[];
  mappings?: { signature: SettingsCell; mapping: SettingsCell }[];
}

export type SettingsGroup =
  "version" | "general" | "stageGates" | "lists" | "rules" | "criteria" | "ahp" | "ownedSheets" | "mappings";

export interface SettingsProblem {
  group: SettingsGroup;
  sheet: string;
  /** A1 address on the settings sheet, or null when the problem is about a missing table. */
  cell: string | null;
  message: string;
}

// ---- general settings: one row each in tblSettings -------------------------------------------

const num = (v: unknown): unknown => {
  if (typeof v !== "string") return v;
  const t = v.trim().replace(/,/g, "");
  if (t === "") return undefined;
  const pct = /^(-?\d+(?:\.\d+)?)\s*%$/.exec(t);
  if (pct) return Number(pct[1]) / 100;
  return /^-?\d+(?:\.\d+)?$/.test(t) ? Number(t) : v;
};
/** Fractions typed as whole percentages (5 for 5 %) are read as 0.05, like percentage columns on input. */
const fraction = (limit: number) => (v: unknown) => {
  const n = num(v);
  return typeof n === "number" && n > limit ? n / 100 : n;
};
const text = (v: unknown): unknown => (typeof v === "string" ? v.trim().toLowerCase() : v);

const GENERAL_DEFS = {
  reportingDate: {
    schema: z.string().nullable(),
    description: "Date the status is reported at (blank: the latest StatusDate in the register, else today).",
  },
  profile: {
    schema: z.preprocess(text, z.enum(["supportive", "controlling", "directive"])),
    description: "PMO profile: supportive (advises), controlling (enforces standards) or directive (runs delivery).",
  },
  currency: { schema: z.string().trim().min(1).max(5), description: "Currency symbol of the register's money." },
  moneyUnit: {
    schema: z.preprocess(num, z.number().positive()),
    description: "Unit of money values (1; 1000; 1000000 for £m).",
  },
  dateOrder: {
    schema: z.preprocess(text, z.enum(["dmy", "mdy"])),
    description: "How ambiguous text dates like 05/02/25 are read: dmy (day first) or mdy.",
  },
  hoursPerDay: {
    schema: z.preprocess(num, z.number().positive().max(24)),
    description: "Working hours in one FTE day.",
  },
  fyStartMonth: {
    schema: z.preprocess(num, z.number().int().min(1).max(12)),
    description: "First month of the financial year (4 = April).",
  },
  staleStatusDays: {
    schema: z.preprocess(num, z.number().int().min(0)),
    description: "A status older than this many days is stale.",
  },
  costAmberPct: {
    schema: z.preprocess(fraction(1), z.number().min(0)),
    description: "Overspend above this fraction of budget is amber.",
  },
  costRedPct: {
    schema: z.preprocess(fraction(1), z.number().min(0)),
    description: "Overspend above this fraction of budget is red.",
  },
  scheduleAmberDays: {
    schema: z.preprocess(num, z.number().int().min(0)),
    description: "Finish slip above this many days is amber.",
  },
  scheduleRedDays: {
    schema: z.preprocess(num, z.number().int().min(0)),
    description: "Finish slip above this many days is red.",
  },
  exposureThreshold: {
    schema: z.preprocess(num, z.number().min(1).max(25)),
    description: "Risks with exposure (probability × impact) at or above this need an owner and a response.",
  },
  varianceCommentaryPct: {
    schema: z.preprocess(fraction(1), z.number().min(0)),
    description: "Cost variance above this fraction of budget needs status commentary.",
  },
  utilisationAmber: {
    schema: z.preprocess(fraction(5), z.number().positive()),
    description: "Utilisation above this is amber.",
  },
  utilisationRed: {
    schema: z.preprocess(fraction(5), z.number().positive()),
    description: "Utilisation above this is red.",
  },
  levellingMaxShiftMonths: {
    schema: z.preprocess(num, z.number().int().min(0).max(60)),
    description: "Levelling moves a project's start by at most this many months.",
  },
  overAllocationPct: {
    schema: z.preprocess(fraction(1), z.number().min(0)),
    description: "Selection may over-allocate roles by this fraction.",
  },
  selectionTimeLimitSeconds: {
    schema: z.preprocess(num, z.number().positive()),
    description: "Time limit for the portfolio optimiser.",
  },
  selectionGap: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Relative optimality gap accepted by the optimiser.",
  },
  capacityHorizonMonths: {
    schema: z.preprocess(num, z.number().int().min(1).max(120)),
    description: "Longest capacity horizon, in months.",
  },
  upcomingMilestoneDays: {
    schema: z.preprocess(num, z.number().int().min(0)),
    description: "Milestones due within this many days are upcoming.",
  },
} as const;

export type GeneralKey = keyof typeof GENERAL_DEFS;
export const GENERAL_KEYS = Object.keys(GENERAL_DEFS) as GeneralKey[];
export type GeneralSettings = { schemaVersion: number } & {
  [K in GeneralKey]: z.infer<(typeof GENERAL_DEFS)[K]["schema"]>;
};

export function generalDescription(key: GeneralKey): string {
  return GENERAL_DEFS[key].description;
}

export interface Criterion {
  name: string;
  /** Projects field (or extra column) holding the criterion's value. */
  source: string;
  weight: number;
  direction: "benefit" | "cost";
  /** Scale bounds; null = taken from the data. */
  min: number | null;
  max: number | null;
}

export interface AhpMatrix {
  criteria: string[];
  /** Reciprocal pairwise matrix, rows and columns in `criteria` order. */
  matrix: number[][];
}

export interface RuleOverride {
  enabled: boolean;
  /** Replaces the profile's default severity for every profile; null keeps the defaults. */
  severity: Severity | null;
}

export interface Settings {
  general: GeneralSettings;
  /** Stage → Projects fields required in that stage. */
  stageGates: Record<string, string[]>;
  lists: Record<ListName, string[]>;
  /** Only rules that differ from their defaults are listed. */
  rules: Record<string, RuleOverride>;
  criteria: Criterion[];
  ahp: AhpMatrix | null;
  ownedSheets: string[];
  /** Saved header mappings keyed by the source's header signature. */
  mappings: Record<string, unknown>;
}

export const LIST_NAMES = Object.keys(DEFAULT_LISTS) as ListName[];

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  general: {
    schemaVersion: SETTINGS_SCHEMA_VERSION,
    reportingDate: null,
    profile: "controlling",
    currency: "£",
    moneyUnit: 1,
    dateOrder: "dmy",
    hoursPerDay: 7,
    fyStartMonth: 4,
    staleStatusDays: 30,
    costAmberPct: 0.05,
    costRedPct: 0.1,
    scheduleAmberDays: 30,
    scheduleRedDays: 90,
    exposureThreshold: 15,
    varianceCommentaryPct: 0.05,
    utilisationAmber: 0.85,
    utilisationRed: 1.0,
    levellingMaxShiftMonths: 6,
    overAllocationPct: 0,
    selectionTimeLimitSeconds: 30,
    selectionGap: 0,
    capacityHorizonMonths: 18,
    upcomingMilestoneDays: 30,
  },
  stageGates: {
    Idea: ["Description", "Sponsor"],
    "Business Case": ["Description", "Sponsor", "Budget"],
    Planning: ["Sponsor", "ProjectManager", "BaselineStart", "BaselineFinish", "Budget"],
    Delivery: [
      "Sponsor",
      "ProjectManager",
      "BaselineStart",
      "BaselineFinish",
      "ForecastFinish",
      "Budget",
      "BusinessCaseApproved",
      "RagOverall",
      "StatusDate",
    ],
    Closure: ["Sponsor", "ProjectManager", "BaselineFinish", "ActualFinish", "Budget", "ActualCost"],
  },
  lists: Object.fromEntries(LIST_NAMES.map((n) => [n, [...DEFAULT_LISTS[n]]])) as Record<ListName, string[]>,
  rules: {},
  criteria: [
    { name: "StrategicAlignment", source: "StrategicAlignment", weight: 0.4, direction: "benefit", min: 1, max: 5 },
    { name: "FinancialValue", source: "FinancialValue", weight: 0.35, direction: "benefit", min: null, max: null },
    { name: "RiskScore", source: "RiskScore", weight: 0.25, direction: "cost", min: 1, max: 5 },
  ],
  ahp: null,
  ownedSheets: [SETTINGS_SHEET, LISTS_SHEET],
  mappings: {},
} satisfies Settings) as Settings;

/** A deep copy, so callers can change a run's settings (command-line flags) without touching the defaults. */
export function cloneSettings(settings: Settings): Settings {
  return structuredClone(settings);
}

export interface ParseSettingsOptions {
  /** The rule catalogue's ids (from src/standards); without it, ids are checked for the `family.name` shape only. */
  ruleIds?: readonly string[];
}

export interface ParsedSettings {
  settings: Settings;
  problems: SettingsProblem[];
  /** Which defaults were used, in words. */
  notes: string[];
}

// ---- cell helpers ------------------------------------------------------------------------------

const norm = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");
function cellText(c: SettingsCell | undefined): string {
  const v = c?.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return isoFromDate(v);
  return String(v).trim();
}
function cellNumber(c: SettingsCell | undefined): number | null | "bad" {
  const v = num(c?.value ?? null);
  if (v === undefined || v === null || v === "") return null;
  return typeof v === "number" && Number.isFinite(v) ? v : "bad";
}

/** Reads a date cell: a Date, an Excel serial, ISO text or day/month/year text in the given order. */
export function settingsDate(value: SettingsValue, dateOrder: "dmy" | "mdy"): string | null | "bad" {
  if (value === null || value === undefined || value === "") return null;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? "bad" : isoFromDate(value);
  if (typeof value === "number") return value > 0 && value < 2958466 ? isoFromExcelSerial(value) : "bad";
  const t = String(value).trim();
  if (t === "") return null;
  if (isIsoDate(t)) return t;
  const m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(t);
  if (!m) return "bad";
  let [a, b, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (m[3].length === 2) y += y < 70 ? 2000 : 1900;
  if (dateOrder === "mdy") [a, b] = [b, a];
  return isValidYmd(y, b, a) ? isoFromYmd(y, b, a) : "bad";
}

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

type ProblemFn = (group: SettingsGroup, cell: SettingsCell | undefined | null, message: string) => void;

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

function parseCriteria(input: SettingsInput, settings: Settings, problem: ProblemFn, notes: string[]): void {
  if (input.criteria === undefined || input.criteria.every((r) => cellText(r.name) === "")) {
    notes.push("No prioritisation criteria on the settings sheet: the default criteria are used.");
    return;
  }
  const defaults = new Map(DEFAULT_SETTINGS.criteria.map((c) => [c.name.toLowerCase(), c]));
  const out: Criterion[] = [];
  for (const row of input.criteria) {
    const name = cellText(row.name);
    if (name === "") continue;
    const d = defaults.get(name.toLowerCase());
    const weight = cellNumber(row.weight);
    const dir = cellText(row.direction).toLowerCase();
    const c: Criterion = {
      name,
      source: cellText(row.source) || name,
      weight: typeof weight === "number" && weight >= 0 ? weight : (d?.weight ?? 0),
      direction: dir === "benefit" || dir === "cost" ? dir : (d?.direction ?? "benefit"),
      min: null,
      max: null,
    };
    if (typeof weight !== "number" || weight < 0)
      problem(
        "criteria",
        row.weight,
        `Weight of ${name} should be a number ≥ 0, not "${cellText(row.weight)}"; ${c.weight} used.`,
      );
    if (dir !== "benefit" && dir !== "cost")
      problem(
        "criteria",
        row.direction,
        `Direction of ${name} should be benefit or cost, not "${cellText(row.direction)}"; ${c.direction} used.`,
      );
    for (const bound of ["min", "max"] as const) {
      const v = cellNumber(row[bound]);
      if (v === "bad")
        problem("criteria", row[bound], `Scale ${bound} of ${name} is not a number; it is taken from the data.`);
      else c[bound] = v;
    }
    if (c.min !== null && c.max !== null && c.min >= c.max) {
      problem(
        "criteria",
        row.max,
        `Scale of ${name} has min ${c.min} ≥ max ${c.max}; the scale is taken from the data.`,
      );
      c.min = c.max = null;
    }
    out.push(c);
  }
  const total = out.reduce((s, c) => s + c.weight, 0);
  if (total <= 0) {
    problem("criteria", input.criteria[0]?.weight, "The criteria weights sum to 0; the default criteria are used.");
    return;
  }
  if (Math.abs(total - 1) > 1e-9) notes.push(`Criteria weights sum to ${total}; prioritisation normalises them to 1.`);
  settings.criteria = out;
}

function parseFraction(c: SettingsCell): number | null | "bad" {
  const t = cellText(c);
  const m = /^(\d+(?:\.\d+)?)\s*\/\s*(\d+(?:\.\d+)?)$/.exec(t);
  if (m) return Number(m[2]) === 0 ? "bad" : Number(m[1]) / Number(m[2]);
  const n = cellNumber(c);
  return typeof n === "number" && n <= 0 ? "bad" : n;
}

function parseAhp(input: SettingsInput, settings: Settings, problem: ProblemFn, notes: string[]): void {
  const t = input.ahp;
  if (t === undefined || t.rows.every((r) => r.values.every((v) => cellText(v) === ""))) {
    notes.push("No AHP pairwise comparisons: criteria weights are used as entered.");
    return;
  }
  const names = settings.criteria.map((c) => c.name.toLowerCase());
  const cols = t.columns.map((c) => cellText(c).toLowerCase());
  const rows = t.rows.filter((r) => cellText(r.criterion) !== "");
  const fail = (cell: SettingsCell | undefined, message: string) =>
    problem("ahp", cell, `${message} The AHP matrix is ignored.`);
  const badName = [...cols, ...rows.map((r) => cellText(r.criterion).toLowerCase())].find((n) => !names.includes(n));
  if (badName !== undefined || cols.length !== names.length || rows.length !== names.length)
    return fail(
      t.columns[0],
      `The AHP table must compare exactly the criteria ${settings.criteria.map((c) => c.name).join(", ")}${badName ? ` (unknown "${badName}")` : ""}.`,
    );
  const n = names.length;
  const m: (number | null)[][] = names.map(() => names.map(() => null));
  const cells: (SettingsCell | undefined)[][] = names.map(() => names.map(() => undefined));
  for (const r of rows) {
    const i = names.indexOf(cellText(r.criterion).toLowerCase());
    r.values.forEach((c, k) => {
      const j = names.indexOf(cols[k]);
      if (j < 0) return;
      const v = parseFraction(c);
      cells[i][j] = c;
      if (v === "bad") problem("ahp", c, `"${cellText(c)}" is not a positive number or fraction like 1/3.`);
      else m[i][j] = v;
    });
  }
  for (let i = 0; i < n; i++) {
    m[i][i] = 1;
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      const a = m[i][j];
      const b = m[j][i];
      if (a === null && b === null)
        return fail(cells[i][j], `${settings.criteria[i].name} vs ${settings.criteria[j].name} is blank.`);
      if (a === null) m[i][j] = 1 / (b as number);
      else if (b !== null && Math.abs(a * b - 1) > 1e-3)
        return fail(
          cells[i][j],
          `${settings.criteria[i].name} vs ${settings.criteria[j].name} (${a}) is not the reciprocal of ${b}.`,
        );
    }
  }
  settings.ahp = { criteria: settings.criteria.map((c) => c.name), matrix: m as number[][] };
}
