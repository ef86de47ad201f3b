import { dayDiff, dayNumber, isIsoDay } from "../../../src/analysis/schedule/day-number";
import { addDays, daysBetween, epochDay, isIsoDate } from "../../../src/domain/dates";

describe("dayNumber (epochDay without a Date)", () => {
  it("agrees with epochDay on every day from 1899 to 2101", () => {
    const mismatches: string[] = [];
    for (let iso = "1899-01-01"; iso <= "2101-12-31"; iso = addDays(iso, 1)) {
      if (dayNumber(iso) !== epochDay(iso)) mismatches.push(iso);
    }
    expect(mismatches).toEqual([]);
  });

  it("agrees with epochDay on overflowing days and rejects what epochDay rejects", () => {
    expect(dayNumber("2025-02-30")).toBe(epochDay("2025-02-30")); // rolls into March, as Date.UTC does
    expect(() => dayNumber("2025-1-01")).toThrow(RangeError);
    expect(dayDiff("2024-02-28", "2024-03-01")).toBe(daysBetween("2024-02-28", "2024-03-01"));
  });

  it("validates dates exactly as isIsoDate does", () => {
    const samples: unknown[] = [
      "2024-02-29",
      "2025-02-29",
      "1900-02-29",
      "2000-02-29",
      "2025-04-31",
      "2025-12-31",
      "2025-13-01",
    ];
    samples.push(
      "2025-00-10",
      "2025-01-00",
      "25-01-01",
      "2025/01/01",
      "2025-1-1",
      " 2025-01-01",
      "2025-01-01 ",
      "２０２５-01-01",
    );
    samples.push(null, 20250101, undefined, "", "0000-01-01", "9999-12-31");
    for (let y = 1896; y <= 2104; y += 1)
      for (const md of ["02-28", "02-29", "02-30", "06-30", "06-31"]) samples.push(`${y}-${md}`);
    for (const s of samples) expect([s, isIsoDay(s)]).toEqual([s, isIsoDate(s)]);
  });
});
