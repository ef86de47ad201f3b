import type { EvidenceItem } from "../analysis/finance/declared-evidence";
import type { IsoDate } from "../domain/dates";
import type { FieldValue, Register, RegisterRecord } from "../domain/register";
import { numberValue, textValue } from "../domain/register";
import type { EntityName } from "../domain/schema";
import { ENTITY_NAMES, SCHEMA } from "../domain/schema";
import type { Profile, Settings } from "../domain/settings";
import type { ComputedRag, Family, FindingFix, Severity } from "./types";

/**
 * What a rule sees (the register indexed once, the settings, the reporting date) and how it reports:
 * every `pass` or `fail` is one applicable check on one record, which is what the data-quality score counts.
 */
export interface RuleContext {
  register: Register;
  settings: Settings;
  reportingDate: IsoDate | null;
  computedRag?: Map<string, ComputedRag>;
  evidence?: Map<string, EvidenceItem[]>;
  /** Position of the first record with each id, per entity. */
  ids: Record<EntityName, Map<string, number>>;
  /** Ids held by more than one record, with every position, per entity. */
  duplicates: Record<EntityName, Map<string, number[]>>;
}

export interface Emit {
  pass(entity: EntityName, index: number): void;
  fail(
    entity: EntityName,
    index: number,
    field: string,
    message: string,
    extra?: { value?: FieldValue; fix?: FindingFix },
  ): void;
}

export type Needs = "reportingDate" | "computedRag" | "evidence";

export interface RuleDef {
  id: string;
  family: Family;
  entities: EntityName[];
  fields: string[];
  description: string;
  /** Per-profile severities where the rule differs from its family's default. */
  severity?: Partial<Record<Profile, Severity>>;
  needs?: Needs[];
  /** The PMO Settings entries the rule reads (general keys, or a settings table). */
  parameters?: string[];
  /** The standard the rule applies; the register's own data standard when not given. */
  source?: string;
  run(ctx: RuleContext, emit: Emit): void;
}

/**
 * Default severity by family and profile (docs/domain.md "Severity by profile"): supportive mostly warns; controlling and
 * directive make completeness, integrity and governance errors. Directive differs from controlling
 * only by the "not compliant" stamp.
 */
export const FAMILY_SEVERITY: Record<Family, Record<Profile, Severity>> = {
  completeness: { supportive: "warning", controlling: "error", directive: "error" },
  validity: { supportive: "warning", controlling: "warning", directive: "warning" },
  consistency: { supportive: "warning", controlling: "warning", directive: "warning" },
  integrity: { supportive: "warning", controlling: "error", directive: "error" },
  timeliness: { supportive: "info", controlling: "warning", directive: "warning" },
  governance: { supportive: "warning", controlling: "error", directive: "error" },
};

export function ruleSeverity(rule: RuleDef): Record<Profile, Severity> {
  return { ...FAMILY_SEVERITY[rule.family], ...rule.severity };
}

/** Indexes ids once: a Map of first positions, and the (rare) duplicates on the side. */
export function buildIds(register: Register): Pick<RuleContext, "ids" | "duplicates"> {
  const ids = {} as RuleContext["ids"];
  const duplicates = {} as RuleContext["duplicates"];
  for (const entity of ENTITY_NAMES) {
    const first = new Map<string, number>();
    const dups = new Map<string, number[]>();
    const records = register.entities[entity];
    for (let i = 0; i < records.length; i++) {
      const id = records[i].id;
      const at = first.get(id);
      if (at === undefined) first.set(id, i);
      else {
        const list = dups.get(id);
        if (list) list.push(i);
        else dups.set(id, [at, i]);
      }
    }
    ids[entity] = first;
    duplicates[entity] = dups;
  }
  return { ids, duplicates };
}

// ---- value access ------------------------------------------------------------------------------

export const txt = (r: RegisterRecord, field: string): string | null => textValue(r.values[field]);
export const num = (r: RegisterRecord, field: string): number | null => numberValue(r.values[field]);
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const digit = (s: string, i: number): number => {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : NaN;
};
/**
 * `YYYY-MM-DD` naming a real calendar day. The same test as the domain's isIsoDate, without regex or
 * Date allocation: it runs millions of times on a 10,000-project register.
 */
export function isIso(v: unknown): v is IsoDate {
  if (typeof v !== "string" || v.length !== 10 || v.charCodeAt(4) !== 45 || v.charCodeAt(7) !== 45) return false;
  const y = digit(v, 0) * 1000 + digit(v, 1) * 100 + digit(v, 2) * 10 + digit(v, 3);
  const m = digit(v, 5) * 10 + digit(v, 6);
  const d = digit(v, 8) * 10 + digit(v, 9);
  if (!(m >= 1 && m <= 12 && d >= 1)) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= DAYS[m - 1] + (leap ? 1 : 0);
}

/** A field's date, or null when blank or not (yet) a date. */
export const date = (r: RegisterRecord, field: string): IsoDate | null => {
  const v = r.values[field];
  return isIso(v) ? v : null;
};
export const firstDate = (r: RegisterRecord, fields: readonly string[]): IsoDate | null => {
  for (const f of fields) {
    const d = date(r, f);
    if (d) return d;
  }
  return null;
};
export const eq = (a: string | null, b: string): boolean => a !== null && a.toLowerCase() === b.toLowerCase();

/** "Project P-001" — how messages name a record. */
export function label(entity: EntityName, r: RegisterRecord): string {
  const noun = SCHEMA[entity].noun;
  return `${noun.charAt(0).toUpperCase()}${noun.slice(1)} ${r.id}`;
}

/** Lifecycle statuses that end a project's reporting duty. */
export const isClosedStatus = (s: string | null): boolean => eq(s, "Completed") || eq(s, "Cancelled");

/** A project's window: actual dates first, then forecast, then baseline. */
const STARTS = ["ActualStart", "ForecastStart", "BaselineStart"] as const;
const FINISHES = ["ActualFinish", "ForecastFinish", "BaselineFinish"] as const;
export const MILESTONE_DATES = ["ActualDate", "ForecastDate", "BaselineDate"] as const;
export function projectWindow(p: RegisterRecord): { start: IsoDate | null; finish: IsoDate | null } {
  return { start: firstDate(p, STARTS), finish: firstDate(p, FINISHES) };
}

export function fieldsOfType(entity: EntityName, types: string[]): string[] {
  return SCHEMA[entity].fields.filter((f) => types.includes(f.type)).map((f) => f.name);
}

/** Iterates every entity's records that have one of the field types, with the matching fields. */
export function eachTyped(
  ctx: RuleContext,
  types: string[],
  fn: (entity: EntityName, r: RegisterRecord, i: number, field: string) => void,
): void {
  for (const entity of ENTITY_NAMES) {
    const fields = fieldsOfType(entity, types);
    if (fields.length === 0) continue;
    ctx.register.entities[entity].forEach((r, i) => {
      for (const f of fields) fn(entity, r, i, f);
    });
  }
}

/** Money for messages, in the register's currency and unit: £1,967,000.34 (no locale: the same on every machine). */
export function money(settings: Settings, n: number): string {
  const sign = n < 0 ? "-" : "";
  const [whole, frac] = Math.abs(n).toFixed(2).split(".");
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  const unit = settings.general.moneyUnit === 1e6 ? "m" : settings.general.moneyUnit === 1e3 ? "k" : "";
  return `${sign}${settings.general.currency}${grouped}${frac === "00" ? "" : `.${frac}`}${unit}`;
}

export function fmt(v: FieldValue | undefined): string {
  return v === null || v === undefined ? "blank" : typeof v === "string" ? `"${v}"` : String(v);
}
