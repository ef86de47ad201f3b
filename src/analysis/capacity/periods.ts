import type { IsoDate } from "../../domain/dates";
import { addMonthKey, monthKey, monthRange } from "../../domain/dates";
import type { MonthSpan } from "./working-days";
import { monthSpan } from "./working-days";

/** The capacity horizon: consecutive calendar months (UTC). */
export interface Horizon {
  months: string[];
  spans: MonthSpan[];
  /** Month key → index. */
  index: Map<string, number>;
}

export function horizonOf(months: string[]): Horizon {
  return { months, spans: months.map(monthSpan), index: new Map(months.map((m, i) => [m, i])) };
}

/**
 * Default horizon (docs/conventions.md "Defaults"): the span of the allocations, first to last month, unless a
 * start month and a number of months are given.
 */
export function chooseHorizon(
  allocationSpans: { start: IsoDate; finish: IsoDate }[],
  options: { from?: string; months?: number; fallbackStart?: IsoDate } = {},
): Horizon {
  if (options.from && options.months)
    return horizonOf(monthRange(options.from, addMonthKey(options.from, options.months - 1)));
  let first: string | null = null;
  let last: string | null = null;
  for (const a of allocationSpans) {
    if (a.finish < a.start) continue;
    const s = monthKey(a.start);
    const f = monthKey(a.finish);
    if (first === null || s < first) first = s;
    if (last === null || f > last) last = f;
  }
  const from = options.from ?? first ?? monthKey(options.fallbackStart ?? "2026-01-01");
  if (options.months) return horizonOf(monthRange(from, addMonthKey(from, options.months - 1)));
  const to = last && last >= from ? last : addMonthKey(from, 17);
  return horizonOf(monthRange(from, to));
}
