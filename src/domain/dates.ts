/**
 * Calendar dates in UTC. The register stores dates as ISO strings (`YYYY-MM-DD`) so that
 * they compare, serialise and hash the same everywhere, independent of the machine's time zone.
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * A real calendar day written `YYYY-MM-DD`. No regex and no Date: the schedule and earned-value
 * passes check tens of thousands of dates, and a regex per call was most of their time.
 */
export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value.charCodeAt(4) !== DASH || value.charCodeAt(7) !== DASH) return false;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  return y >= 0 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

const DASH = 45;

/** The decimal number in s[from, to), or −1 if any of it is not an ASCII digit. */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Days in a month (1–12); arithmetic, not a Date, since capacity and schedules call it per allocation. */
export function daysInMonth(year: number, month: number): number {
  if (month < 1 || month > 12) {
    const shifted = year * 12 + (month - 1);
    return daysInMonth(Math.floor(shifted / 12), (((shifted % 12) + 12) % 12) + 1);
  }
  return month === 2 && isLeapYear(year) ? 29 : MONTH_DAYS[month - 1];
}

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's days_from_civil). Pure
 * arithmetic: no Date object, and years 0–99 are not taken for 1900–1999 as Date.UTC takes them.
 */
export function epochDayFromYmd(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function isoFromYmd(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** A JS Date's UTC calendar day (exceljs yields dates at UTC midnight). */
export function isoFromDate(date: Date): IsoDate {
  return isoFromYmd(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function dateFromIso(iso: IsoDate): Date {
  const m = ISO_RE.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
}

/**
 * Days since 1970-01-01 (UTC): convenient for arithmetic on calendar dates. A day past its month's
 * end rolls over (2025-02-30 is 2025-03-02), as Date.UTC does; a string not shaped `YYYY-MM-DD` is
 * a RangeError. The common shape is read without a regex (the schedule calls this per date).
 */
export function epochDay(iso: IsoDate): number {
  if (iso.length === 10 && iso.charCodeAt(4) === DASH && iso.charCodeAt(7) === DASH) {
    const y = digits(iso, 0, 4);
    const mo = digits(iso, 5, 7);
    const d = digits(iso, 8, 10);
    if (y >= 0 && mo >= 1 && mo <= 12 && d >= 1 && d <= 31) return epochDayFromYmd(y, mo, d);
  }
  const m = ISO_RE.exec(iso);
  if (!m) throw new RangeError(`Not an ISO date: ${iso}`);
  return epochDayFromYmd(Number(m[1]), Number(m[2]), Number(m[3]));
}

export function isoFromEpochDay(day: number): IsoDate {
  return isoFromDate(new Date(day * MS_PER_DAY));
}

/** `later − earlier` in days (not inclusive), per docs/conventions.md "Dates". */
export function daysBetween(earlier: IsoDate, later: IsoDate): number {
  return epochDay(later) - epochDay(earlier);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  return isoFromEpochDay(epochDay(iso) + days);
}

/** Adds whole months, clamping the day to the target month's length (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const d = dateFromIso(iso);
  const total = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  return isoFromYmd(year, month, Math.min(d.getUTCDate(), daysInMonth(year, month)));
}

/** `YYYY-MM` of a date. */
export function monthKey(iso: IsoDate): string {
  return iso.slice(0, 7);
}

/** Last day of a `YYYY-MM` month: `2024-02` → `2024-02-29` (integers only: the scale estate calls it per line). */
export function monthEnd(key: string): IsoDate {
  const day = daysInMonth(Number(key.slice(0, 4)), Number(key.slice(5, 7)));
  return `${key.slice(0, 7)}-${String(day).padStart(2, "0")}`;
}

export function monthStart(key: string): IsoDate {
  return `${key}-01`;
}

export function addMonthKey(key: string, months: number): string {
  return monthKey(addMonths(monthStart(key), months));
}

/** Inclusive list of month keys from `from` to `to`. */
export function monthRange(from: string, to: string): string[] {
  const out: string[] = [];
  for (let k = from; k <= to; k = addMonthKey(k, 1)) out.push(k);
  return out;
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(iso: IsoDate): number {
  return dateFromIso(iso).getUTCDay();
}

/** Excel serial day number → ISO date (1900 system by default, honouring the 1900 leap-year bug). */
export function isoFromExcelSerial(serial: number, date1904 = false): IsoDate {
  const whole = Math.floor(serial);
  if (date1904) return isoFromEpochDay(whole + epochDay("1904-01-01"));
  // Serial 60 is the fictitious 1900-02-29; serials after it are shifted by one.
  const base = epochDay("1899-12-31");
  return isoFromEpochDay(base + (whole >= 60 ? whole - 1 : whole));
}

export function excelSerialFromIso(iso: IsoDate): number {
  const days = epochDay(iso) - epochDay("1899-12-31");
  return days >= 60 ? days + 1 : days;
}
