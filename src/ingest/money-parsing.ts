/**
 * Numbers and money as people type them: currency symbols and codes, thousands separators,
 * decimal commas (`1.234,56`), `k`/`m`/`bn` suffixes, parentheses and trailing-minus negatives.
 */

const SUFFIXES: Record<string, number> = {
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  mio: 1e6,
  million: 1e6,
  millions: 1e6,
  bn: 1e9,
  b: 1e9,
  billion: 1e9,
  billions: 1e9,
};

const CURRENCY = /[£$€¥]|\b(?:gbp|usd|eur|chf)\b/gi;
const SPACES = /[\s\u00a0\u202f']/g;

/** FOI exemption sentences published in place of a figure ("Exempt under Section 43 …"). */
export function isExemptionText(text: string): boolean {
  return /^\s*exempt(?:ed)?\b/i.test(text) || /freedom of information act/i.test(text);
}

/**
 * A number in text with its decimal separator worked out: both `,` and `.` → the last one is the
 * decimal point; only `,` → thousands when it groups exactly three digits (`1,234`), else a
 * decimal comma (`12,5`); only `.` → thousands when it groups three digits more than once
 * (`1.234.567`), else a decimal point.
 */
export function parseLocaleNumber(input: string): number | null {
  let s = input.trim().replace(SPACES, "");
  if (!s) return null;
  let sign = 1;
  if (/^\(.*\)$/.test(s)) {
    sign = -1;
    s = s.slice(1, -1);
  }
  if (s.endsWith("-") && !s.startsWith("-")) {
    sign = -sign;
    s = s.slice(0, -1);
  }
  if (s.startsWith("-") || s.startsWith("−")) {
    sign = -sign;
    s = s.slice(1);
  } else if (s.startsWith("+")) s = s.slice(1);
  if (!/^[\d.,]+$/.test(s) || !/\d/.test(s)) return null;
  const lastComma = s.lastIndexOf(",");
  const lastDot = s.lastIndexOf(".");
  let normalised: string;
  if (lastComma >= 0 && lastDot >= 0) {
    normalised = lastComma > lastDot ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  } else if (lastComma >= 0) {
    normalised = /^\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, "") : s.replace(",", ".");
  } else if (lastDot >= 0) {
    normalised = /^\d{1,3}(\.\d{3}){2,}$/.test(s) ? s.replace(/\./g, "") : s;
  } else normalised = s;
  if (!/^\d*\.?\d+$|^\d+\.$/.test(normalised)) return null;
  const n = Number(normalised);
  return Number.isFinite(n) ? sign * n : null;
}

export interface ParsedMoney {
  /** The number as written, before any suffix. */
  amount: number;
  /** The suffix's multiplier (`2.5m` → 1e6), or null when the text has no suffix. */
  suffix: number | null;
}

/** `£2.5m`, `(1,234)`, `€1.234,56`, `12bn`, `USD 3.2 million` → amount and suffix; null when not money. */
export function parseMoneyText(input: string): ParsedMoney | null {
  let s = input.trim().replace(CURRENCY, "").trim();
  let negative = false;
  if (/^\(.*\)$/.test(s)) {
    negative = true;
    s = s.slice(1, -1).trim();
  }
  if (/^[-−]/.test(s)) {
    negative = !negative;
    s = s.slice(1).trim().replace(CURRENCY, "").trim();
  }
  let suffix: number | null = null;
  const m = /^(.*?\d)\s*([a-z]+)\.?$/i.exec(s);
  if (m) {
    const mult = SUFFIXES[m[2].toLowerCase()];
    if (mult === undefined) return null;
    suffix = mult;
    s = m[1];
  }
  const n = parseLocaleNumber(s);
  if (n === null) return null;
  return { amount: negative ? -n : n, suffix };
}

/** A percentage in text (`45%`, `45 %`, `0,5%`) as a fraction; null without a `%` sign. */
export function parsePercentText(input: string): number | null {
  const m = /^\s*(.+?)\s*%\s*$/.exec(input);
  if (!m) return null;
  const n = parseLocaleNumber(m[1]);
  return n === null ? null : n / 100;
}
