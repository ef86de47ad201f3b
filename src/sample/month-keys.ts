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
