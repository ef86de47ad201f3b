import { epochDay, isoFromYmd, daysInMonth } from "../../domain/dates";

/**
 * Working days (Monday to Friday) in O(1): capacity arithmetic runs over 100,000s of allocations,
 * so counting is by formula, not by walking days.
 */

/** Weekday of an epoch day: 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
function dow(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** Working days in [from, to], both epoch days, inclusive. 0 when to < from. */
export function workingDaysBetween(from: number, to: number): number {
  if (to < from) return 0;
  const total = to - from + 1;
  const weeks = Math.floor(total / 7);
  let count = weeks * 5;
  const rest = total - weeks * 7;
  const start = dow(from);
  for (let i = 0; i < rest; i++) {
    const d = (start + i) % 7;
    if (d !== 0 && d !== 6) count++;
  }
  return count;
}

export interface MonthSpan {
  key: string;
  first: number;
  last: number;
  workingDays: number;
}

/** A month's first and last epoch day and its working days, for `YYYY-MM`. */
export function monthSpan(key: string): MonthSpan {
  const year = Number(key.slice(0, 4));
  const month = Number(key.slice(5, 7));
  const first = epochDay(isoFromYmd(year, month, 1));
  const last = epochDay(isoFromYmd(year, month, daysInMonth(year, month)));
  return { key, first, last, workingDays: workingDaysBetween(first, last) };
}
