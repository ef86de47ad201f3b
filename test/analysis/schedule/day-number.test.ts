import { dayDiff, dayNumber } from "../../../src/analysis/schedule/day-number";
import { addDays, daysBetween, epochDay } from "../../../src/domain/dates";

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
});
