import {
  addMonths,
  daysInMonth,
  epochDay,
  epochDayFromYmd,
  isoFromEpochDay,
  daysBetween,
  excelSerialFromIso,
  isIsoDate,
  isoFromExcelSerial,
  monthRange,
  weekday,
} from "../../src/domain/dates";

describe("calendar dates (UTC)", () => {
  it("counts days as later − earlier, not inclusive", () => {
    expect(daysBetween("2025-01-01", "2025-01-31")).toBe(30);
    expect(daysBetween("2024-02-28", "2024-03-01")).toBe(2); // leap year
  });

  it("rejects impossible dates", () => {
    expect(isIsoDate("2025-02-29")).toBe(false);
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2024-13-01")).toBe(false);
  });

  it("converts Excel serials in both date systems, honouring the 1900 leap-year bug", () => {
    expect(isoFromExcelSerial(1)).toBe("1900-01-01");
    expect(isoFromExcelSerial(59)).toBe("1900-02-28");
    expect(isoFromExcelSerial(61)).toBe("1900-03-01");
    expect(isoFromExcelSerial(45658)).toBe("2025-01-01");
    expect(isoFromExcelSerial(0, true)).toBe("1904-01-01");
    expect(isoFromExcelSerial(45658 - 1462, true)).toBe("2025-01-01");
    expect(excelSerialFromIso("2025-01-01")).toBe(45658);
  });

  it("adds months clamping to the month's end and lists month ranges", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2025-11-15", 3)).toBe("2026-02-15");
    expect(monthRange("2025-11", "2026-02")).toEqual(["2025-11", "2025-12", "2026-01", "2026-02"]);
  });

  it("knows the day of the week", () => {
    expect(weekday("2025-01-04")).toBe(6); // Saturday
  });
});

describe("calendar arithmetic without Date objects", () => {
  it("matches Date.UTC for every day from 1899 to 2101 and knows leap years", () => {
    for (let day = Date.UTC(1899, 0, 1) / 86_400_000; day <= Date.UTC(2101, 11, 31) / 86_400_000; day++) {
      const d = new Date(day * 86_400_000);
      expect(epochDayFromYmd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())).toBe(day);
    }
    expect([daysInMonth(2024, 2), daysInMonth(2025, 2), daysInMonth(1900, 2), daysInMonth(2000, 2)]).toEqual([
      29, 28, 28, 29,
    ]);
    expect([daysInMonth(2025, 13), daysInMonth(2025, 0)]).toEqual([31, 31]);
  });

  it("reads years before 100 as written (Date.UTC would add 1900)", () => {
    expect(epochDay("0001-01-01")).toBe(-719162);
    expect(isoFromEpochDay(epochDay("2024-02-29") + 1)).toBe("2024-03-01");
  });
});
