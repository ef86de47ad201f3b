/**
 * Calendar dates in UTC. The register stores dates as ISO strings (`YYYY-MM-DD`) so that
 * they compare, serialise and hash the same everywhere, independent of the machine's time zone.
 */
export type IsoDate = string;

const ISO_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

export function isIsoDate(value: unknown): value is IsoDate {
  if (typeof value !== "string") return false;
  const m = ISO_RE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return isValidYmd(y, mo, d);
}

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
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

/** Days since 1970-01-01 (UTC): convenient for arithmetic on calendar dates. */
export function epochDay(iso: IsoDate): number {
  return Math.round(dateFromIso(iso).getTime() / MS_PER_DAY);
}

export function isoFromEpochDay(day: number): IsoDate {
  return isoFromDate(new Date(day * MS_PER_DAY));
}

/** `later − earlier` in days (not inclusive), per conventions.md. */
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

export function minDate(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

export function maxDate(a: IsoDate | null, b: IsoDate | null): IsoDate | null {
  if (a === null) return b;
  if (b === null) return a;
  return a > b ? a : b;
}
