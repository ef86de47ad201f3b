import { isoFromDate, isoFromExcelSerial } from "../domain/dates";
import { DEFAULT_LISTS, FIVE_POINT_WORDS, LIST_SYNONYMS, type ListName } from "../domain/enums";
import type { FieldValue } from "../domain/register";
import type { FieldDef } from "../domain/schema";
import type { CellValue } from "../workbook/grid";
import { decideDateOrder, parseTextDate, SERIAL_MAX, SERIAL_MIN, type DateOrder } from "./date-parsing";
import { headerMoneyUnit } from "./header-text";
import { isExemptionText, parseLocaleNumber, parseMoneyText, parsePercentText } from "./money-parsing";

/**
 * Turns source cells into register values, one column at a time: everything a column needs to
 * decide once (day-first or month-first, 0–1 or 0–100 percentages, the money unit its header
 * declares) is decided when the coercer is made, so coercing a cell is a few string checks.
 * A value that cannot be coerced is kept as its text and reported — never turned into 0 or blank.
 */

export interface CoercionSettings {
  dateOrder: DateOrder;
  /** Register money unit: values are converted into it (1e6 = the register holds £m). */
  moneyUnit: number;
  date1904: boolean;
  /**
   * The unit this column's figures are in when something other than its header says so (an
   * answer, a units row, a title: see money-units.ts). Overrides the header's own annotation.
   */
  columnMoneyUnit?: { multiplier: number; said: string; text: string };
}

export interface CoerceProblem {
  kind: "uncoercible" | "exempt";
  /** What the field expects, for the message ("a date", "one of Red, Amber, Green"). */
  expected: string;
}

export interface CoerceOutcome {
  value: FieldValue;
  problem?: CoerceProblem;
}

export interface ColumnCoercer {
  coerce(raw: CellValue): CoerceOutcome;
  /** Decisions worth telling the user (ambiguous dates read day-first, 0–100 percentages). */
  notes: string[];
}

type Coerce = (raw: CellValue) => CoerceOutcome;

const ENUM_KEY = (s: string): string =>
  s
    .trim()
    .toLowerCase()
    .replace(/[\s_\-–—/\\]+/g, " ")
    .replace(/[.]+$/, "")
    .trim();

const enumCache = new Map<ListName, Map<string, string>>();

/**
 * Lookup for one allowed-value list: canonical spellings, LIST_SYNONYMS, initials of multi-word
 * values (`ip` → In Progress) and unique prefixes of three letters or more (`compl` → Completed).
 */
function enumLookup(list: ListName): Map<string, string> {
  const cached = enumCache.get(list);
  if (cached) return cached;
  const map = new Map<string, string>();
  const values = DEFAULT_LISTS[list] as readonly string[];
  const prefixOwners = new Map<string, Set<string>>();
  for (const v of values) {
    const key = ENUM_KEY(v);
    for (let n = 3; n < key.length; n++) {
      const p = key.slice(0, n);
      if (!prefixOwners.has(p)) prefixOwners.set(p, new Set());
      prefixOwners.get(p)!.add(v);
    }
  }
  for (const [p, owners] of prefixOwners) if (owners.size === 1) map.set(p, [...owners][0]);
  const initials = new Map<string, string[]>();
  for (const v of values) {
    const words = ENUM_KEY(v).split(" ");
    if (words.length > 1) {
      const i = words.map((w) => w[0]).join("");
      initials.set(i, [...(initials.get(i) ?? []), v]);
    }
  }
  for (const [i, owners] of initials) if (owners.length === 1) map.set(i, owners[0]);
  for (const [syn, canonical] of Object.entries(LIST_SYNONYMS[list] ?? {})) map.set(ENUM_KEY(syn), canonical);
  for (const v of values) map.set(ENUM_KEY(v), v);
  enumCache.set(list, map);
  return map;
}

/** A value of an allowed-value list in its canonical spelling, or null. */
export function coerceEnum(text: string, list: ListName): string | null {
  return enumLookup(list).get(ENUM_KEY(text)) ?? null;
}

const RATING_WORDS = new Map(Object.entries(FIVE_POINT_WORDS).map(([k, v]) => [ENUM_KEY(k), v]));

/** A probability as a fraction → 1–5 by the usual bands (PRINCE2's "75% to 100%" → 5). */
function bandFromFraction(f: number): number {
  if (f < 0.1) return 1;
  if (f < 0.25) return 2;
  if (f < 0.5) return 3;
  if (f < 0.75) return 4;
  return 5;
}

/** 1–5 ratings: numbers, words (Very Low … Very High), and percentage bands by their midpoint. */
export function coerceRating5(raw: CellValue): number | null {
  if (typeof raw === "number") {
    if (raw >= 1 && raw <= 5) return raw;
    if (raw > 0 && raw < 1) return bandFromFraction(raw);
    return null;
  }
  if (typeof raw !== "string") return null;
  const text = raw.trim();
  const word = RATING_WORDS.get(ENUM_KEY(text));
  if (word !== undefined) return word;
  const band = /^(\d+(?:[.,]\d+)?)\s*%?\s*(?:to|-|–|—)\s*(\d+(?:[.,]\d+)?)\s*%$/i.exec(text);
  if (band) {
    const lo = parseLocaleNumber(band[1]);
    const hi = parseLocaleNumber(band[2]);
    if (lo !== null && hi !== null) return bandFromFraction((lo + hi) / 200);
  }
  const pct = parsePercentText(text);
  if (pct !== null && pct >= 0 && pct <= 1) return bandFromFraction(pct);
  const n = parseLocaleNumber(text);
  return n !== null && n >= 1 && n <= 5 ? n : null;
}

function textOf(raw: CellValue): string {
  // typeof checks first: they are the common case and need no global lookup (hot path).
  if (typeof raw === "string") return raw.trim();
  if (typeof raw === "number") return `${raw}`;
  if (typeof raw === "boolean") return raw ? "Yes" : "No";
  return raw === null ? "" : isoFromDate(raw);
}

/** Text fields and ids: numbers print without a trailing `.0`, dates as ISO. */
function coerceText(raw: CellValue): CoerceOutcome {
  return { value: textOf(raw) };
}

function failed(raw: CellValue, expected: string): CoerceOutcome {
  const text = textOf(raw);
  return { value: text, problem: { kind: isExemptionText(text) ? "exempt" : "uncoercible", expected } };
}

function dateCoercer(field: FieldDef, values: CellValue[], s: CoercionSettings, notes: string[]): Coerce {
  const decision = decideDateOrder(
    values.filter((v): v is string => typeof v === "string"),
    s.dateOrder,
  );
  if (decision.ambiguous > 0 && decision.basis !== "column") {
    notes.push(
      decision.basis === "setting"
        ? `${decision.ambiguous} date(s) such as 05/02/25 could be read either way; read ${decision.order === "dmy" ? "day" : "month"}-first (setting dateOrder).`
        : `dates disagree (${decision.dayFirstEvidence} day-first, ${decision.monthFirstEvidence} month-first); read ${decision.order === "dmy" ? "day" : "month"}-first by majority — check this column.`,
    );
  }
  const monthOnly = field.name === "Period";
  const expected = monthOnly ? "a month (a date)" : "a date";
  const finish = (iso: string): CoerceOutcome => ({ value: monthOnly ? `${iso.slice(0, 7)}-01` : iso });
  return (raw) => {
    if (raw instanceof Date)
      return Number.isNaN(raw.getTime()) ? failed(String(raw), expected) : finish(isoFromDate(raw));
    if (typeof raw === "number") {
      if (raw >= SERIAL_MIN && raw <= SERIAL_MAX) return finish(isoFromExcelSerial(raw, s.date1904));
      return failed(raw, `${expected} (an Excel date serial between 1950 and 2099)`);
    }
    if (typeof raw === "string") {
      const iso = parseTextDate(raw, decision.order);
      if (iso) return finish(iso);
      const n = /^\d{5}(?:\.\d+)?$/.test(raw.trim()) ? Number(raw) : NaN;
      if (n >= SERIAL_MIN && n <= SERIAL_MAX) return finish(isoFromExcelSerial(n, s.date1904));
    }
    return failed(raw, expected);
  };
}

function moneyCoercer(header: string, s: CoercionSettings, notes: string[]): Coerce {
  const declared = s.columnMoneyUnit;
  const columnUnit = declared ? declared.multiplier : headerMoneyUnit(header);
  if (declared && columnUnit !== s.moneyUnit) {
    const who =
      declared.said === "answer" ? `the unit given (${declared.text})` : `the ${declared.said} ("${declared.text}")`;
    notes.push(
      `${who} says its values are in units of ${declared.multiplier.toLocaleString("en-GB")}; converted to the register's unit.`,
    );
  } else if (columnUnit !== null && columnUnit !== s.moneyUnit) {
    notes.push(
      `header says its values are in units of ${columnUnit.toLocaleString("en-GB")}; converted to the register's unit.`,
    );
  }
  // Plain numbers are taken as already in the register's unit unless the header declares one;
  // a suffix (`2.5m`) is an explicit amount and is always converted.
  const plainFactor = columnUnit !== null ? columnUnit / s.moneyUnit : 1;
  const expected = "an amount of money";
  return (raw) => {
    if (typeof raw === "number") return { value: raw * plainFactor };
    if (typeof raw === "string") {
      const m = parseMoneyText(raw);
      if (m) return { value: m.suffix === null ? m.amount * plainFactor : (m.amount * m.suffix) / s.moneyUnit };
    }
    return failed(raw, expected);
  };
}

function percentCoercer(values: CellValue[], notes: string[]): Coerce {
  // A column whose plain numbers exceed 1 anywhere is on a 0–100 scale (docs/conventions.md "Numbers, percentages and money").
  let scale100 = false;
  for (const v of values) {
    const n = typeof v === "number" ? v : typeof v === "string" && !v.includes("%") ? parseLocaleNumber(v) : null;
    if (n !== null && n > 1) {
      scale100 = true;
      break;
    }
  }
  if (scale100) notes.push("values exceed 1, so the column is read as 0–100 and stored as fractions.");
  const expected = "a percentage";
  return (raw) => {
    if (typeof raw === "number") return { value: scale100 ? raw / 100 : raw };
    if (typeof raw === "string") {
      const p = parsePercentText(raw);
      if (p !== null) return { value: p };
      const n = parseLocaleNumber(raw);
      if (n !== null) return { value: scale100 ? n / 100 : n };
    }
    return failed(raw, expected);
  };
}

function numberCoercer(integer: boolean): Coerce {
  const expected = integer ? "a whole number" : "a number";
  return (raw) => {
    let n: number | null = null;
    if (typeof raw === "number") n = raw;
    else if (typeof raw === "string")
      n = parsePercentText(raw) ?? parseLocaleNumber(raw) ?? parseMoneyText(raw)?.amount ?? null;
    if (n === null || (integer && !Number.isInteger(n))) return failed(raw, expected);
    return { value: n };
  };
}

/** Distinct texts a column remembers the outcome of (list columns hold a handful: Red, Amber…). */
const MEMO_LIMIT = 256;

/**
 * A coercer that remembers its outcome for each text it has seen: a list or rating column repeats
 * a few words down 10,000 rows, and each would otherwise be normalised by regexes again. Outcomes
 * are shared between cells (nothing changes them after coercion).
 */
function memoText(coerce: Coerce): Coerce {
  const memo = new Map<string, CoerceOutcome>();
  return (raw) => {
    if (typeof raw !== "string") return coerce(raw);
    let out = memo.get(raw);
    if (out === undefined) {
      out = coerce(raw);
      if (memo.size < MEMO_LIMIT) memo.set(raw, out);
    }
    return out;
  };
}

function enumCoercer(list: ListName): Coerce {
  const expected = `one of ${(DEFAULT_LISTS[list] as readonly string[]).join(", ")}`;
  return memoText((raw) => {
    const hit = typeof raw === "string" ? coerceEnum(raw, list) : null;
    return hit ? { value: hit } : failed(raw, expected);
  });
}

function boolCoercer(): Coerce {
  const expected = "Yes or No";
  return memoText((raw) => {
    if (typeof raw === "boolean") return { value: raw ? "Yes" : "No" };
    if (raw === 1 || raw === 0) return { value: raw === 1 ? "Yes" : "No" };
    const hit = typeof raw === "string" ? coerceEnum(raw, "YesNo") : null;
    return hit ? { value: hit } : failed(raw, expected);
  });
}

function ratingCoercer(): Coerce {
  const expected = "a rating 1–5 (or Very Low…Very High, or a band such as 75% to 100%)";
  return memoText((raw) => {
    const n = coerceRating5(raw);
    return n === null ? failed(raw, expected) : { value: n };
  });
}

/**
 * A coercer for one column of one field. `values` are the column's cells (all of them: deciding
 * the date order and the percent scale reads each once); only date and percent fields read them.
 */
export function columnCoercer(
  field: FieldDef,
  header: string,
  values: CellValue[],
  settings: CoercionSettings,
): ColumnCoercer {
  const notes: string[] = [];
  let coerce: Coerce;
  switch (field.type) {
    case "date":
      coerce = dateCoercer(field, values, settings, notes);
      break;
    case "money":
      coerce = moneyCoercer(header, settings, notes);
      break;
    case "percent":
      coerce = percentCoercer(values, notes);
      break;
    case "number":
    case "integer":
      coerce = numberCoercer(field.type === "integer");
      break;
    case "rating5":
      coerce = ratingCoercer();
      break;
    case "enum":
      coerce = field.list ? enumCoercer(field.list) : coerceText;
      break;
    case "bool":
      coerce = boolCoercer();
      break;
    default:
      coerce = coerceText;
  }
  return { coerce, notes };
}

/** Unmapped columns keep their value with light tidying: dates as ISO, booleans Yes/No, text trimmed. */
export function extraValue(raw: CellValue): FieldValue {
  if (raw === null) return null;
  if (typeof raw === "number") return raw;
  return textOf(raw);
}

/** Whether a cell counts as empty (null, or only whitespace). */
export function isBlankCell(raw: CellValue | undefined): boolean {
  return raw === null || raw === undefined || (typeof raw === "string" && raw.trim() === "");
}

/** The value recorded in provenance: the cell as it stood (dates as ISO text). */
export function provenanceRaw(raw: CellValue): string | number | boolean | null {
  return typeof raw === "object" && raw !== null ? isoFromDate(raw) : raw;
}

/** Share of a sample that coerces cleanly to the field (used to confirm fuzzy header matches). */
export function compatibleShare(field: FieldDef, sample: CellValue[], settings: CoercionSettings): number {
  const present = sample.filter((v) => !isBlankCell(v));
  if (present.length === 0) return 1;
  const { coerce } = columnCoercer(field, "", present, settings);
  let ok = 0;
  for (const v of present) if (!coerce(v).problem) ok++;
  return ok / present.length;
}
