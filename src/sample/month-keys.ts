/**
 * Month-key arithmetic on `YYYY-MM` strings with integers only. The domain's date functions go
 * through Date objects, which is right in general but too slow for the 300,000 monthly lines of
 * the scale estate.
 */
export function monthKeysBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let y = Number(from.slice(0, 4));
  let m = Number(from.slice(5, 7));
  const end = Number(to.slice(0, 4)) * 12 + Number(to.slice(5, 7));
  for (let k = y * 12 + m; k <= end; k++) {
    out.push(`${y}-${m < 10 ? "0" : ""}${m}`);
    m++;
    if (m > 12) {
      m = 1;
      y++;
    }
  }
  return out;
}

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Last day of a month key: `2024-02` → `2024-02-29`. */
export function monthEndIso(key: string): string {
  const y = Number(key.slice(0, 4));
  const m = Number(key.slice(5, 7));
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return `${key}-${m === 2 && leap ? 29 : DAYS[m - 1]}`;
}
