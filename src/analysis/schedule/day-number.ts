import { epochDay, type IsoDate } from "../../domain/dates";

/**
 * `epochDay` without building a Date: the schedule and earned-value passes turn tens of
 * thousands of ISO dates into day numbers, and a regex plus a Date per call was most of their
 * time. Same answers as `epochDay` (tested); anything not shaped `YYYY-MM-DD` goes to it.
 * Days from civil date: Howard Hinnant's algorithm (proleptic Gregorian).
 */
export function dayNumber(iso: IsoDate): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) return epochDay(iso);
  const y0 = digits(iso, 0, 4);
  const m = digits(iso, 5, 7);
  const d = digits(iso, 8, 10);
  if (y0 < 0 || m < 1 || m > 12 || d < 1 || d > 31) return epochDay(iso);
  const y = m <= 2 ? y0 - 1 : y0;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** `isIsoDate` without a regex or a Date (same answers, tested): a real calendar day as `YYYY-MM-DD`. */
export function isIsoDay(value: unknown): value is IsoDate {
  if (typeof value !== "string" || value.length !== 10) return false;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return false;
  const y = digits(value, 0, 4);
  const m = digits(value, 5, 7);
  const d = digits(value, 8, 10);
  if (y < 0 || m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 ? (leap ? 29 : 28) : m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31);
}

/** `later − earlier` in days, as `daysBetween`. */
export function dayDiff(earlier: IsoDate, later: IsoDate): number {
  return dayNumber(later) - dayNumber(earlier);
}

function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = s.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}
