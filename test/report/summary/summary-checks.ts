import { moneyText, pctText, signedMoneyText, signedPctText } from "../../../src/report/summary/figures";
import type { CellValue } from "../../../src/workbook/grid";
import type { SheetSpec } from "../../../src/workbook/spec";
import { plainValue } from "../../../src/workbook/spec";

/** Every value a sheet spec puts in a cell (key figures, table cells, text lines). */
export function sheetCells(sheet: SheetSpec, except: string[] = []): CellValue[] {
  const out: CellValue[] = [];
  for (const b of sheet.blocks) {
    if (b.kind === "keyFigures") for (const i of b.items) out.push(i.label, i.value);
    if (b.kind === "table") {
      out.push(...b.columns.map((c) => c.header));
      for (const r of b.rows) out.push(...r.map(plainValue));
    }
    if (b.kind === "text") out.push(...b.lines.filter((l) => !except.includes(l)));
    if (b.kind === "title") out.push(b.text, b.subtitle ?? null);
  }
  return out;
}

/** The ways a number on the sheet may be quoted in a sentence (each rounding the sheet's own way). */
function renderings(v: number, unit: number, currency: string): string[] {
  const out = [
    String(v),
    v.toFixed(1),
    String(Math.round(v)),
    moneyText(v * unit, currency),
    signedMoneyText(v * unit, currency),
    pctText(v),
    signedPctText(v),
  ];
  return out.map((s) => s.replace(/−/g, "-"));
}

const ID = /\b[A-Z]{2,}[A-Z0-9]*-\d+(?:-\d+)*\b/g;
const DATE = /\b\d{4}-\d{2}(?:-\d{2})?\b/g;

/**
 * The numbers a commentary sentence quotes that stand nowhere on the sheet. Ids (PRJ-0012) and
 * names are not figures; dates must appear as cells; money, percentages, counts and days must
 * equal some cell's value rounded the way the sentence rounds it.
 */
export function unsupportedFigures(
  sentences: string[],
  sheet: SheetSpec,
  options: { unit: number; currency: string; names: string[] },
): string[] {
  const cells = sheetCells(sheet, sentences);
  const known = new Set<string>();
  const texts: string[] = [];
  for (const c of cells) {
    if (typeof c === "number") for (const r of renderings(c, options.unit, options.currency)) known.add(r);
    else if (c instanceof Date) known.add(c.toISOString().slice(0, 10));
    else if (typeof c === "string") {
      texts.push(c);
      // A figure written inside a text cell ("PRJ-0042 (2.1 FTE)") stands on the sheet too.
      for (const t of c.replace(ID, " ").match(/\d+(?:\.\d+)?/g) ?? []) known.add(t);
    }
  }
  const problems: string[] = [];
  for (const raw of sentences) {
    let s = raw.replace(/−/g, "-");
    for (const n of options.names) if (n) s = s.split(n.replace(/−/g, "-")).join(" ");
    for (const d of s.match(DATE) ?? []) {
      if (!known.has(d) && !texts.some((t) => t.includes(d))) problems.push(`${d} in "${raw}"`);
    }
    s = s.replace(DATE, " ").replace(ID, " ");
    const money = new RegExp(`[+-]?${escape(options.currency)}[\\d.,]+(?:bn|m|k)?`, "g");
    for (const m of s.match(money) ?? []) if (!known.has(m)) problems.push(`${m} in "${raw}"`);
    s = s.replace(money, " ");
    const pct = /[+-]?\d+(?:\.\d+)? %/g;
    for (const p of s.match(pct) ?? []) if (!known.has(p)) problems.push(`${p} in "${raw}"`);
    s = s.replace(pct, " ");
    for (const n of s.match(/\d+(?:\.\d+)?/g) ?? []) if (!known.has(n)) problems.push(`${n} in "${raw}"`);
  }
  return problems;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Anything that would show as NaN, Infinity or a broken formula. */
export function badCells(sheet: SheetSpec): string[] {
  return sheetCells(sheet)
    .filter(
      (c) =>
        (typeof c === "number" && !Number.isFinite(c)) || (typeof c === "string" && /NaN|Infinity|undefined/.test(c)),
    )
    .map((c) => `${sheet.name}: ${String(c)}`);
}
