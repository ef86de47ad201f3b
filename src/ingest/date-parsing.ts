import { isoFromDate, isoFromExcelSerial, isoFromYmd, type IsoDate } from "../domain/dates";

/**
 * Dates as people type them. Numeric forms (05/02/25) are ambiguous: the order is decided once
 * per column from its unambiguous values (a first part over 12 means day-first), else the
 * `dateOrder` setting. Two-digit years: 00–69 → 20xx, 70–99 → 19xx (docs/conventions.md "Dates").
 */
export type DateOrder = "dmy" | "mdy";

const MONTH_NAMES: Record<string, number> = {
  jan: 1, january: 1, januar: 1, janv: 1,
  feb: 2, february: 2, februar: 2, fev: 2,
  mar: 3, march: 3, mär: 3, märz: 3, maerz: 3, mrz: 3,
  apr: 4, april: 4, avr: 4,
  may: 5, mai: 5,
  jun: 6, june: 6, juni: 6, juin: 6,
  jul: 7, july: 7, juli: 7, juil: 7,
  aug: 8, august: 8, aout: 8,
  sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, okt: 10, oktober: 10,
  nov: 11, november: 11,
  dec: 12, december: 12, dez: 12, dezember: 12,
}; // prettier-ignore

/** Plausible Excel serials for a project register: 1950-01-01 … 2099-12-31. */
export const SERIAL_MIN = 18264;
export const SERIAL_MAX = 73050;

export function expandYear(year: number, digits: number): number {
  if (digits > 2) return year;
  return year < 70 ? 2000 + year : 1900 + year;
}

export function monthNumber(word: string): number | null {
  return MONTH_NAMES[word.toLowerCase().replace(/\.$/, "")] ?? null;
}

const WEEKDAY = /^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)[a-z]*\.?,?\s+/i;
const ISO_LIKE =
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:(?:T|\s+)\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const NUMERIC = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
const DAY_MONTH_YEAR = /^(\d{1,2})(?:st|nd|rd|th)?[\s\-/.]+([\p{L}]{3,9})\.?,?[\s\-/.]+(\d{4}|\d{2})$/u;
const MONTH_DAY_YEAR = /^([\p{L}]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?:\s+\d{1,2}:\d{2}.*)?$/u;
const MONTH_YEAR = /^([\p{L}]{3,9})\.?[\s\-/.']+(\d{4}|\d{2})$/u;
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
const MONTH_SLASH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;

/** The two leading numbers and the year of a numeric date, for deciding a column's order. */
export function numericDateParts(text: string): { a: number; b: number; year: number } | null {
  const m = NUMERIC.exec(text.trim());
  if (!m) return null;
  return { a: Number(m[1]), b: Number(m[2]), year: expandYear(Number(m[3]), m[3].length) };
}

export interface DateOrderDecision {
  order: DateOrder;
  /** How it was decided: from the column's own values, the setting, or a majority when values disagree. */
  basis: "column" | "setting" | "majority";
  /** Values readable either way (05/02/25), decided by `order`. */
  ambiguous: number;
  dayFirstEvidence: number;
  monthFirstEvidence: number;
}

/** Decides day-first or month-first once for a column. */
export function decideDateOrder(texts: Iterable<string>, fallback: DateOrder): DateOrderDecision {
  let dmy = 0;
  let mdy = 0;
  let ambiguous = 0;
  for (const t of texts) {
    const p = numericDateParts(t);
    if (!p) continue;
    if (p.a > 12 && p.b <= 12) dmy++;
    else if (p.b > 12 && p.a <= 12) mdy++;
    else if (p.a <= 12 && p.b <= 12 && p.a !== p.b) ambiguous++;
  }
  if (dmy > 0 && mdy > 0) {
    return {
      order: dmy >= mdy ? "dmy" : "mdy",
      basis: "majority",
      ambiguous,
      dayFirstEvidence: dmy,
      monthFirstEvidence: mdy,
    };
  }
  if (dmy > 0 || mdy > 0) {
    return {
      order: dmy > 0 ? "dmy" : "mdy",
      basis: "column",
      ambiguous,
      dayFirstEvidence: dmy,
      monthFirstEvidence: mdy,
    };
  }
  return { order: fallback, basis: "setting", ambiguous, dayFirstEvidence: 0, monthFirstEvidence: 0 };
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Valid calendar day → ISO (arithmetic, no Date object: this runs once per date cell). */
function ymd(year: number, month: number, day: number): IsoDate | null {
  if (month < 1 || month > 12 || day < 1) return null;
  const leap = month === 2 && year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 1 : 0;
  if (day > MONTH_DAYS[month - 1] + leap) return null;
  return isoFromYmd(year, month, day);
}

/**
 * A text date → ISO, or null. Month-only forms (`Feb-25`, `2025-02`, `Feb 2025`) give the first
 * day of the month: in UK trackers `Feb-25` is Excel's `mmm-yy`, i.e. February 2025.
 */
export function parseTextDate(input: string, order: DateOrder = "dmy"): IsoDate | null {
  const text = input.trim().replace(WEEKDAY, "").replace(/\s+/g, " ");
  if (!text) return null;
  let m = ISO_LIKE.exec(text);
  if (m) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC.exec(text);
  if (m) {
    const year = expandYear(Number(m[3]), m[3].length);
    const [a, b] = [Number(m[1]), Number(m[2])];
    return order === "dmy" ? ymd(year, b, a) : ymd(year, a, b);
  }
  m = DAY_MONTH_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[2]);
    return month ? ymd(expandYear(Number(m[3]), m[3].length), month, Number(m[1])) : null;
  }
  m = MONTH_DAY_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? ymd(Number(m[3]), month, Number(m[2])) : null;
  }
  const month = parseTextMonth(text);
  return month ? `${month}-01` : null;
}

/** `Sep-18`, `Sept 2018`, `2025-01`, `01/2025` → `YYYY-MM`; null for anything else. */
export function parseTextMonth(input: string): string | null {
  const text = input.trim().replace(/\s+/g, " ");
  let m = MONTH_YEAR.exec(text);
  if (m) {
    const month = monthNumber(m[1]);
    return month ? isoFromYmd(expandYear(Number(m[2]), m[2].length), month, 1).slice(0, 7) : null;
  }
  m = YEAR_MONTH.exec(text);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return isoFromYmd(Number(m[1]), Number(m[2]), 1).slice(0, 7);
  m = MONTH_SLASH_YEAR.exec(text);
  if (m && Number(m[1]) >= 1 && Number(m[1]) <= 12) return isoFromYmd(Number(m[2]), Number(m[1]), 1).slice(0, 7);
  return null;
}

/** Whether a number format is a date format (`dd/mm/yyyy`, `mmm-yy`), ignoring quoted text and colours. */
export function isDateFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  const bare = format.replace(/"[^"]*"/g, "").replace(/\[[^\]]*\]/g, "");
  return /[dy]/i.test(bare) || /m{3,}/i.test(bare);
}

/**
 * A month-column header → `YYYY-MM`: a real date, a serial in a date-formatted cell, or text such
 * as `Sep-18`, `Jan 2025`, `2025-01`, `01/2025`, or a full date (its month).
 */
export function parseMonthHeader(value: unknown, numberFormat?: string | null, date1904 = false): string | null {
  if (value instanceof Date) return isoFromDate(value).slice(0, 7);
  if (typeof value === "number") {
    if (isDateFormat(numberFormat) && value >= SERIAL_MIN && value <= SERIAL_MAX) {
      return isoFromExcelSerial(value, date1904).slice(0, 7);
    }
    return null;
  }
  if (typeof value !== "string") return null;
  const text = value.trim();
  if (text.length > 24) return null;
  const month = parseTextMonth(text);
  if (month) return month;
  const full = parseTextDate(text, "dmy");
  return full ? full.slice(0, 7) : null;
}
