import { addDays, daysBetween, epochDay, isIsoDate, monthEnd } from "../../src/domain/dates";

/**
 * Day numbers have one home, src/domain/dates.ts, read without a regex or a Date on the common
 * path (the schedule and earned value call them per date). Checked here against references built
 * the slow, obvious way: a regex and Date.UTC.
 */
const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function referenceEpochDay(iso: string): number {
  const m = ISO.exec(iso);
  if (!m) throw new RangeError(iso);
  const date = new Date(0);
  // setUTCFullYear takes years 0–99 as written (Date.UTC would read them as 1900–1999).
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return Math.round(date.getTime() / 86_400_000);
}

function referenceIsIsoDate(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const m = ISO.exec(value);
  if (!m) return false;
  const date = new Date(0);
  date.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

describe("epochDay (days since 1970-01-01, no Date on the common path)", () => {
  it("agrees with Date.UTC on every day from 1899 to 2101", () => {
    const mismatches: string[] = [];
    for (let iso = "1899-01-01"; iso <= "2101-12-31"; iso = addDays(iso, 1)) {
      if (epochDay(iso) !== referenceEpochDay(iso)) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
    expect(epochDay("1970-01-01")).toBe(0);
    expect(epochDay("2000-03-01")).toBe(11_017);
  });

  it("rolls an overflowing day over as Date.UTC does, and rejects what is not YYYY-MM-DD", () => {
    expect(epochDay("2025-02-30")).toBe(epochDay("2025-03-02"));
    expect(epochDay("0001-01-01")).toBe(referenceEpochDay("0001-01-01"));
    expect(() => epochDay("2025-1-01")).toThrow(RangeError);
    expect(() => epochDay("2025/01/01")).toThrow(RangeError);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2);
    expect(daysBetween("2025-02-28", "2025-03-01")).toBe(1);
  });
});

describe("isIsoDate (no regex, no Date)", () => {
  it("accepts exactly the real calendar days written YYYY-MM-DD", () => {
    const samples: unknown[] = ["2024-02-29", "2025-02-29", "1900-02-29", "2000-02-29", "2025-04-31", "2025-12-31"];
    samples.push("2025-13-01", "2025-00-10", "2025-01-00", "25-01-01", "2025/01/01", "2025-1-1");
    samples.push(" 2025-01-01", "2025-01-01 ", "２０２５-01-01", null, 20250101, undefined, "", "9999-12-31");
    for (let y = 1896; y <= 2104; y += 1)
      for (const md of ["02-28", "02-29", "02-30", "06-30", "06-31"]) samples.push(`${y}-${md}`);
    for (const s of samples) expect([s, isIsoDate(s)]).toEqual([s, referenceIsIsoDate(s)]);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2025-02-29")).toBe(false);
  });
});

describe("monthEnd (one home for the last day of a month)", () => {
  it("gives the day before the next month's first, leap years included", () => {
    expect(monthEnd("2024-02")).toBe("2024-02-29");
    expect(monthEnd("2025-02")).toBe("2025-02-28");
    expect(monthEnd("1900-02")).toBe("1900-02-28");
    expect(monthEnd("2000-02")).toBe("2000-02-29");
    for (let y = 1999; y <= 2030; y++)
      for (let m = 1; m <= 12; m++) {
        const key = `${y}-${String(m).padStart(2, "0")}`;
        const next = m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, "0")}-01`;
        expect([key, monthEnd(key)]).toEqual([key, addDays(next, -1)]);
      }
  });
});
