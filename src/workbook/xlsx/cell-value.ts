import type { CellValue } from "../grid";

/**
 * exceljs cell values come in many shapes (formula objects, rich text, hyperlinks, errors, shared
 * formulas). The port promises plain values only, the same an Office.js `range.values` read gives.
 */

interface RichTextRun {
  text?: unknown;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !(v instanceof Date);
}

function richTextToString(runs: unknown): string {
  return Array.isArray(runs) ? runs.map((r: RichTextRun) => (typeof r?.text === "string" ? r.text : "")).join("") : "";
}

/** Plain value of a finite number, or null for NaN and ±Infinity (never valid in a cell). */
export function finiteOrNull(n: number): number | null {
  return Number.isFinite(n) ? n : null;
}

export interface PlainValueResult {
  value: CellValue;
  /** The cell holds a formula that was saved without a result. */
  missingResult?: boolean;
}

/** Converts anything exceljs may put in `cell.value` into a plain value. */
export function plainCellValue(raw: unknown): PlainValueResult {
  if (raw === null || raw === undefined) return { value: null };
  if (typeof raw === "string") return { value: raw === "" ? null : raw };
  if (typeof raw === "number") return { value: finiteOrNull(raw) };
  if (typeof raw === "boolean") return { value: raw };
  if (raw instanceof Date) return { value: Number.isNaN(raw.getTime()) ? null : raw };
  if (!isObject(raw)) return { value: String(raw) };
  if ("formula" in raw || "sharedFormula" in raw) {
    if (!("result" in raw) || raw.result === undefined) return { value: null, missingResult: true };
    return plainCellValue(raw.result);
  }
  if ("richText" in raw) {
    const s = richTextToString(raw.richText);
    return { value: s === "" ? null : s };
  }
  if ("hyperlink" in raw || "text" in raw) {
    // A hyperlink's text may itself be rich text.
    const t = raw.text;
    if (typeof t === "string") return { value: t === "" ? null : t };
    if (isObject(t) && "richText" in t) return plainCellValue(t);
    return { value: typeof raw.hyperlink === "string" ? raw.hyperlink : null };
  }
  if ("error" in raw) return { value: typeof raw.error === "string" ? raw.error : "#VALUE!" };
  return { value: null };
}
