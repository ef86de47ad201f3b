import { DCMA_THRESHOLDS } from "./dcma-thresholds";
import * as z from "zod";
import { OWNED_SHEET } from "./owned-sheet-names";
import { DEFAULT_LISTS, type ListName } from "./enums";
import { isIsoDate, isoFromDate, isoFromExcelSerial, isValidYmd, isoFromYmd } from "./dates";

/**
 * The settings model: types, the general settings' definitions and the defaults.
 * The PMO settings (docs/architecture.md "Settings live in the workbook": they live on the visible `PMO Settings` sheet, so a
 * register travels with its rules). `parseSettings` turns what was read from that sheet into
 * Settings; a bad value never stops a run: it is reported with its cell and the default is used.
 */
export const SETTINGS_SCHEMA_VERSION = 1;
export const SETTINGS_SHEET = OWNED_SHEET.settings;
export const LISTS_SHEET = OWNED_SHEET.lists;

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

export const GENERAL_DEFS = {
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
  narrativeVariancePct: {
    schema: z.preprocess(fraction(1), z.number().min(0)),
    description:
      "Cost, schedule or benefit variance above this fraction needs a variance narrative: cause, impact and corrective action (GMPP: 5 %).",
  },
  benefitCostRatio: {
    schema: z.preprocess(num, z.number().min(0)),
    description:
      "A programme's planned benefits should be at least this multiple of its cost (its business case's benefit-cost ratio).",
  },
  maxSroRoles: {
    schema: z.preprocess(num, z.number().int().min(1)),
    description: "A person named SRO or sponsor of more projects and programmes than this gets a note (GovS 002).",
  },
  dcmaMissingLogicPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Schedule health (DCMA 1): at most this fraction of open items without a predecessor or successor.",
  },
  dcmaLeadsPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Schedule health (DCMA 2): at most this fraction of links with a lead (negative lag).",
  },
  dcmaLagsPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Schedule health (DCMA 3): at most this fraction of links with a lag.",
  },
  dcmaFinishToStartPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Schedule health (DCMA 4): at least this fraction of links are finish-to-start.",
  },
  dcmaHardConstraintsPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Schedule health (DCMA 5): at most this fraction of open items held to a date against their logic.",
  },
  dcmaHighFloatDays: {
    schema: z.preprocess(num, z.number().int().min(0)),
    description: "Schedule health (DCMA 6): total float above this many working days is high.",
  },
  dcmaHighFloatPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Schedule health (DCMA 6): at most this fraction of open items with high float.",
  },
  dcmaNegativeFloatPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Schedule health (DCMA 7): at most this fraction of open items with negative float.",
  },
  dcmaHighDurationDays: {
    schema: z.preprocess(num, z.number().int().min(0)),
    description: "Schedule health (DCMA 8): a duration above this many working days is high.",
  },
  dcmaHighDurationPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description:
      "Schedule health (DCMA 8): at most this fraction of open projects long and not broken down by milestones.",
  },
  dcmaInvalidDatesPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Schedule health (DCMA 9): at most this fraction of items with invalid dates.",
  },
  dcmaResourcesPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Schedule health (DCMA 10): at most this fraction of open projects without an allocation.",
  },
  dcmaMissedPct: {
    schema: z.preprocess(fraction(1), z.number().min(0).max(1)),
    description: "Schedule health (DCMA 11): at most this fraction of items due by their baseline that missed it.",
  },
  dcmaCriticalPathTestDays: {
    schema: z.preprocess(num, z.number().int().min(1)),
    description: "Schedule health (DCMA 12): the delay added to a critical item to test the critical path.",
  },
  dcmaCpliMin: {
    schema: z.preprocess(num, z.number().min(0)),
    description: "Schedule health (DCMA 13): the critical path length index should be at least this.",
  },
  dcmaBeiMin: {
    schema: z.preprocess(num, z.number().min(0)),
    description: "Schedule health (DCMA 14): the baseline execution index should be at least this.",
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

/** One weighted-scoring criterion, as written on the settings sheet and as scoring reads it. */
export interface Criterion {
  /** Display name; the score breakdown is keyed by it. */
  name: string;
  /** A Projects schema field name (`StrategicAlignment`) or an extra column's source header. */
  source: string;
  /** Relative weight; weights that do not sum to 1 are normalised (with a note). */
  weight: number;
  /** `benefit`: more is better; `cost`: less is better. */
  direction: "benefit" | "cost";
  /** Scale bounds; null = taken from the data (smallest / largest value). */
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
    narrativeVariancePct: 0.05,
    benefitCostRatio: 1,
    maxSroRoles: 3,
    ...DCMA_THRESHOLDS,
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

/** Reports a problem with the cell it concerns. */
export type ProblemFn = (group: SettingsGroup, cell: SettingsCell | undefined | null, message: string) => void;

export interface ParsedSettings {
  settings: Settings;
  problems: SettingsProblem[];
  /** Which defaults were used, in words. */
  notes: string[];
}

// ---- cell helpers ------------------------------------------------------------------------------

export const normName = (s: string): string => s.toLowerCase().replace(/[^a-z0-9]/g, "");
export function cellText(c: SettingsCell | undefined): string {
  const v = c?.value;
  if (v === null || v === undefined) return "";
  if (v instanceof Date) return isoFromDate(v);
  return String(v).trim();
}
export function cellNumber(c: SettingsCell | undefined): number | null | "bad" {
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
