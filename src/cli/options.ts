import { isIsoDate, isoFromDate } from "../domain/dates";
import type { Profile } from "../domain/settings";
import { UsageError } from "./reporter";

/** The run's date as a UTC calendar date: the last resort for the reporting date. */
export function today(): string {
  return isoFromDate(new Date());
}

export function parseDateFlag(name: string, value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isIsoDate(value)) throw new UsageError(`${name} must be a calendar date as YYYY-MM-DD, not "${value}".`);
  return value;
}

export function parseProfile(value: string | undefined): Profile | undefined {
  if (value === undefined) return undefined;
  if (value !== "supportive" && value !== "controlling" && value !== "directive") {
    throw new UsageError(`--profile must be supportive, controlling or directive, not "${value}".`);
  }
  return value;
}

export function parseNumberFlag(
  name: string,
  value: string | undefined,
  check: (n: number) => boolean,
  expected: string,
): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === "" || !Number.isFinite(n) || !check(n))
    throw new UsageError(`${name} must be ${expected}, not "${value}".`);
  return n;
}
