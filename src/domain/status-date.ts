import type { IsoDate } from "./dates";
import { isIsoDate } from "./dates";
import type { Register } from "./register";

/**
 * The latest StatusDate among the register's projects, or null when none has one: the reporting
 * date's fallback after a run's flag and PMO Settings (validation, analysis and the summary all
 * use this one rule).
 */
export function latestStatusDate(register: Register): IsoDate | null {
  let latest: IsoDate | null = null;
  for (const p of register.entities.Projects) {
    const d = p.values.StatusDate;
    if (isIsoDate(d) && (latest === null || d > latest)) latest = d;
  }
  return latest;
}
