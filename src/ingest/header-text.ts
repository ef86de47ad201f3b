import { stableHash } from "../domain/ids";

/**
 * Header text as the matcher sees it. Real headers differ from the schema's aliases in case,
 * separators (`project_name`, `Project-Name`), punctuation (`Response(s)`, `Owner:`) and unit
 * annotations (`Budget (£m)`); all of that is removed so one alias covers every spelling.
 */

/** Unit annotations that say a money column is in thousands, millions or billions. */
const UNIT_PATTERNS: { re: RegExp; multiplier: number }[] = [
  { re: /\(?\s*[£$€]?\s*(?:bn|billions?)\s*\)?$/i, multiplier: 1e9 },
  { re: /\(?\s*[£$€]\s*m(?:n|illions?)?\s*\)?|\(\s*m(?:n|illions?)?\s*\)|\bin millions\b/i, multiplier: 1e6 },
  { re: /\(?\s*[£$€]\s*(?:k|000s?|'000s?|thousands?)\s*\)?|\(\s*(?:k|000s?|'000s?|thousands?)\s*\)/i, multiplier: 1e3 },
];

/** The money multiplier a header declares (`Budget (£m)` → 1e6), or null when it declares none. */
export function headerMoneyUnit(header: string): number | null {
  for (const { re, multiplier } of UNIT_PATTERNS) if (re.test(header)) return multiplier;
  return null;
}

/** Splits `ProjectId` → `Project Id` so schema field names match like aliases. */
export function splitCamel(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2");
}

/**
 * Lower case, unit annotations dropped, separators to single spaces, `(s)` plural markers
 * folded into the word, trailing colons dropped. `%` and `#` survive: `% complete` is a word.
 */
export function normaliseHeader(header: string): string {
  // One camel-case token (`ProjectId`, `BaselineFinish`: the register's own headers) splits into words.
  const camel = /^[A-Za-z0-9]+$/.test(header.trim()) ? splitCamel(header.trim()) : header;
  let s = camel.normalize("NFKC").toLowerCase();
  s = s.replace(/\(\s*[£$€]?\s*(?:m|mn|k|bn|000s?|'000s?|millions?|thousands?|billions?)\s*\)/g, " ");
  s = s.replace(/[£$€]\s*(?:m|mn|k|bn)\b/g, " ");
  s = s.replace(/\(s\)/g, "s");
  s = s.replace(/&/g, " and ");
  s = s.replace(/[^\p{L}\p{N}%#]+/gu, " ");
  return s.trim().replace(/\s+/g, " ");
}

/** The header's words in sorted order: `Date Raised` and `Raised Date` give the same key. */
export function tokenKey(normalised: string): string {
  return normalised.split(" ").filter(Boolean).sort().join(" ");
}

/**
 * A stable signature of a header row, independent of the file's name, so a saved mapping
 * applies to next month's file with the same columns.
 */
export function headerSignature(headers: string[]): string {
  return `hdr-${stableHash(headers.map((h) => normaliseHeader(h)).join("|"))}`;
}

/** Display text of any header cell value. */
export function headerText(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value).replace(/\s+/g, " ").trim();
}
