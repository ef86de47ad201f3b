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

/**
 * A money flag as people write amounts: `40m`, `£40m`, `40,000,000`, `40k`, `1.5bn`, `250000`
 * (a currency sign and thousands separators are allowed; k, m and bn scale). The result is in
 * pounds (the register's currency unit of 1).
 */
export function parseMoneyFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const m = /^\s*[£$€]?\s*(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(k|m|mn|bn)?\s*$/i.exec(value);
  const scale: Record<string, number> = { k: 1e3, m: 1e6, mn: 1e6, bn: 1e9 };
  // A plain number (250000, 5e15) is taken as it is; otherwise the forms above.
  const plain = value.trim() !== "" && /^[\d.eE+]+$/.test(value.trim()) ? Number(value) : NaN;
  const n = Number.isFinite(plain)
    ? plain
    : m
      ? Number(`${m[1].replace(/,/g, "")}${m[2] ?? ""}`) * (m[3] ? scale[m[3].toLowerCase()] : 1)
      : NaN;
  if (!Number.isFinite(n) || n < 0)
    throw new UsageError(
      `${name} must be an amount of zero or more, such as 40m, £40m, 40,000,000 or 40k, not "${value}".`,
    );
  return n;
}
