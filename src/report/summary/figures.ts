/**
 * How numbers read in sentences. Commentary must not invent facts, so every figure a sentence
 * quotes is rounded the same way the sheet's number format shows it (see formats below).
 */
export function moneyText(value: number, currency: string): string {
  // A figure no register can hold (1e308, Infinity) is flagged, never printed as "£Infinitybn".
  if (!Number.isFinite(value) || Math.abs(value) >= 1e15) return "(figure out of range)";
  const sign = value < 0 ? "−" : "";
  const v = Math.abs(value);
  if (v >= 1e9) return `${sign}${currency}${(v / 1e9).toFixed(1)}bn`;
  if (v >= 1e6) return `${sign}${currency}${(v / 1e6).toFixed(1)}m`;
  if (v >= 1e3) return `${sign}${currency}${Math.round(v / 1e3)}k`;
  return `${sign}${currency}${Math.round(v)}`;
}

export function signedMoneyText(value: number, currency: string): string {
  return value > 0 ? `+${moneyText(value, currency)}` : moneyText(value, currency);
}

/** A fraction as a signed percentage with one decimal place (matches the `+0.0%` format). */
export function signedPctText(fraction: number): string {
  const p = (fraction * 100).toFixed(1);
  return `${fraction > 0 ? "+" : fraction < 0 ? "" : ""}${p.replace("-", "−")} %`;
}

export function pctText(fraction: number): string {
  return `${(fraction * 100).toFixed(1)} %`;
}

/**
 * The money number format for the register's unit (settings `moneyUnit`: 1, 1,000 or 1,000,000):
 * GMPP-style registers hold £m, so 4.2 shows as £4.2m.
 */
export function moneyFormat(currency: string, unit = 1): string {
  const c = currency.replace(/"/g, "");
  const [body, suffix] = unit >= 1e6 ? ["#,##0.0", '"m"'] : unit >= 1e3 ? ["#,##0", '"k"'] : ["#,##0", ""];
  return `"${c}"${body}${suffix};[Red]-"${c}"${body}${suffix}`;
}

/** Sentence money for values stored in the register's unit. */
export function moneyWords(
  currency: string,
  unit = 1,
): { money: (v: number) => string; signedMoney: (v: number) => string } {
  return {
    money: (v) => moneyText(v * unit, currency),
    signedMoney: (v) => signedMoneyText(v * unit, currency),
  };
}
export const SIGNED_PCT = "+0.0%;-0.0%;0.0%";

/** Finite number or null: no NaN or Infinity ever reaches a cell. */
export function finite(v: number | null | undefined): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/**
 * A money axis a board reads: the scale (£k, £m, £bn) from the largest figure plotted, as the axis
 * title's unit and a number format that divides by it ("£20.0m", not 20000000). Figures stored in
 * thousands or millions (settings `moneyUnit`) are scaled from their unit.
 */
export function moneyAxis(maxAbs: number, currency: string, unit = 1): { title: string; numberFormat: string } {
  const c = currency.replace(/"/g, "");
  const pounds = Math.abs(maxAbs) * unit;
  // Each trailing comma in an Excel number format divides by 1,000.
  const scaleSteps = (wanted: number) => Math.max(0, Math.round(Math.log10(wanted / unit) / 3));
  const axis = (suffix: string, wanted: number, body: string) => {
    const commas = ",".repeat(scaleSteps(wanted));
    return { title: `${c}${suffix}`, numberFormat: `"${c}"${body}${commas}${suffix ? `"${suffix}"` : ""}` };
  };
  if (pounds >= 1e9) return axis("bn", 1e9, "#,##0.0");
  if (pounds >= 1e6) return axis("m", 1e6, "#,##0.0");
  if (pounds >= 1e4) return axis("k", 1e3, "#,##0");
  return axis("", unit, "#,##0");
}
