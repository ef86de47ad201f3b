import type { IsoDate } from "../domain/dates";
import { isoFromExcelSerial, isoFromYmd, isValidYmd } from "../domain/dates";

/**
 * Suggests the date a value left as text (or a bare number) in a date field probably means, for the
 * "date" fix. `safe` only when there is one reading: 05/02/25 is ambiguous and is read with the
 * settings' dateOrder but never applied without the user looking.
 */
const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

function year(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}
function month(name: string): number {
  return MONTHS.indexOf(name.slice(0, 3).toLowerCase()) + 1;
}
const ok = (y: number, m: number, d: number): IsoDate | null => (isValidYmd(y, m, d) ? isoFromYmd(y, m, d) : null);

export function suggestDate(
  value: string | number,
  dateOrder: "dmy" | "mdy",
): { value: IsoDate; safe: boolean } | null {
  if (typeof value === "number") {
    // An Excel serial in a General-format cell; only plausible years (1950–2100) are offered.
    if (!Number.isFinite(value) || value < 18264 || value > 73051) return null;
    return { value: isoFromExcelSerial(value), safe: true };
  }
  const t = value.trim().replace(/\s+/g, " ");
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) {
    const d = ok(Number(m[1]), Number(m[2]), Number(m[3]));
    return d ? { value: d, safe: true } : null;
  }
  m = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})$/.exec(t);
  if (m) {
    const [a, b, y] = [Number(m[1]), Number(m[2]), year(m[3])];
    const dmy = ok(y, b, a);
    const mdy = ok(y, a, b);
    if (dmy && mdy) return { value: dateOrder === "dmy" ? dmy : mdy, safe: a === b };
    const d = dmy ?? mdy;
    return d ? { value: d, safe: true } : null;
  }
  m = /^(\d{1,2})(?:st|nd|rd|th)?[ -]([A-Za-z]{3,9})[ ,-]+(\d{2}|\d{4})$/.exec(t);
  if (m && month(m[2]) > 0) {
    const d = ok(year(m[3]), month(m[2]), Number(m[1]));
    return d ? { value: d, safe: true } : null;
  }
  m = /^([A-Za-z]{3,9})[ -](\d{1,2})(?:st|nd|rd|th)?,? (\d{4})$/.exec(t);
  if (m && month(m[1]) > 0) {
    const d = ok(Number(m[3]), month(m[1]), Number(m[2]));
    return d ? { value: d, safe: true } : null;
  }
  return null;
}
