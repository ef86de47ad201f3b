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

/**
 * Longest header text the matcher looks at. Real headers are a few words; a cell of pasted prose
 * (160,000 characters in one real tracker) is cut here, so matching costs the same for any cell.
 * The ingest notes each header it cut (see ingest.ts).
 */
export const MAX_HEADER_MATCH_CHARS = 256;

/** The part of a header the matcher sees: at most MAX_HEADER_MATCH_CHARS characters. */
export function headerForMatching(header: string): string {
  return header.length > MAX_HEADER_MATCH_CHARS ? header.slice(0, MAX_HEADER_MATCH_CHARS) : header;
}

/** The money multiplier a header declares (`Budget (£m)` → 1e6), or null when it declares none. */
export function headerMoneyUnit(header: string): number | null {
  const text = headerForMatching(header);
  for (const { re, multiplier } of UNIT_PATTERNS) if (re.test(text)) return multiplier;
  return null;
}

const isUpper = (code: number): boolean => code >= 65 && code <= 90;
const isLower = (code: number): boolean => code >= 97 && code <= 122;
const isDigit = (code: number): boolean => code >= 48 && code <= 57;

/**
 * Splits `ProjectId` → `Project Id` (and `HTMLParser` → `HTML Parser`) so schema field names match
 * like aliases. One pass over the characters: the two regular expressions this replaces
 * backtracked over long runs of capitals (a 160,000-character cell took 22 s).
 */
export function splitCamel(name: string): string {
  let out = "";
  let from = 0;
  for (let i = 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    if (!isUpper(c)) continue;
    const p = name.charCodeAt(i - 1);
    const afterWord = isLower(p) || isDigit(p);
    const endsCapitalRun = isUpper(p) && i + 1 < name.length && isLower(name.charCodeAt(i + 1));
    if (afterWord || endsCapitalRun) {
      out += name.slice(from, i) + " ";
      from = i;
    }
  }
  return out + name.slice(from);
}

/**
 * Lower case, unit annotations dropped, separators to single spaces, `(s)` plural markers
 * folded into the word, trailing colons dropped. `%` and `#` survive: `% complete` is a word.
 */
export function normaliseHeader(fullHeader: string): string {
  const header = headerForMatching(fullHeader);
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
