import {
  decideDateOrder,
  expandYear,
  parseMonthHeader,
  parseTextDate,
  parseTextMonth,
} from "../../src/ingest/date-parsing";
import { columnCoercer } from "../../src/ingest/coercion";
import { fieldDef } from "../../src/domain/schema";
import { utc } from "./grid-fixture";

const settings = { dateOrder: "dmy" as const, moneyUnit: 1, date1904: false };

describe("text dates", () => {
  it.each([
    ["05/02/2025", "2025-02-05"],
    ["5.2.25", "2025-02-05"],
    ["20.05.2020", "2020-05-20"],
    ["30.06.08", "2008-06-30"],
    ["2025-02-05", "2025-02-05"],
    ["2025-02-05T00:00:00", "2025-02-05"],
    ["2025-02-05 13:45", "2025-02-05"],
    ["5 Feb 2025", "2025-02-05"],
    ["05-Feb-2025", "2025-02-05"],
    ["05-Feb-25", "2025-02-05"],
    ["5th February 2025", "2025-02-05"],
    ["February 5, 2025", "2025-02-05"],
    ["Tue 4 Feb 2025", "2025-02-04"],
    ["Feb-25", "2025-02-01"],
    ["Sept 2018", "2018-09-01"],
    ["12. März 2025", "2025-03-12"],
  ])("%s → %s (day-first)", (text, iso) => {
    expect(parseTextDate(text, "dmy")).toBe(iso);
  });

  it("reads month-first when told to", () => {
    expect(parseTextDate("05/02/25", "mdy")).toBe("2025-05-02");
    expect(parseTextDate("05/02/25", "dmy")).toBe("2025-02-05");
  });

  it("rejects impossible dates and non-dates", () => {
    expect(parseTextDate("31/02/2025")).toBeNull();
    expect(parseTextDate("13/13/2025")).toBeNull();
    expect(parseTextDate("Not provided")).toBeNull();
    expect(parseTextDate("Exempt under Section 43")).toBeNull();
  });

  it("pivots two-digit years at 70: 00–69 → 20xx, 70–99 → 19xx", () => {
    expect(expandYear(0, 2)).toBe(2000);
    expect(expandYear(69, 2)).toBe(2069);
    expect(expandYear(70, 2)).toBe(1970);
    expect(expandYear(99, 2)).toBe(1999);
    expect(parseTextDate("31.12.69")).toBe("2069-12-31");
    expect(parseTextDate("01.01.70")).toBe("1970-01-01");
  });
});

describe("date order per column", () => {
  it("decides day-first from one unambiguous value and applies it to the ambiguous ones", () => {
    const d = decideDateOrder(["05/02/25", "13/02/25", "07/03/25"], "mdy");
    expect(d).toMatchObject({ order: "dmy", basis: "column", ambiguous: 2 });
  });

  it("decides month-first from a second part over 12", () => {
    expect(decideDateOrder(["05/02/25", "02/13/25"], "dmy")).toMatchObject({ order: "mdy", basis: "column" });
  });

  it("falls back to the setting when nothing decides", () => {
    expect(decideDateOrder(["05/02/25", "01/03/25"], "dmy")).toMatchObject({
      order: "dmy",
      basis: "setting",
      ambiguous: 2,
    });
    expect(decideDateOrder(["05/02/25"], "mdy").order).toBe("mdy");
  });

  it("a column coercer reads 05/02/25 month-first when another row says 12/31/25, and notes nothing then", () => {
    const field = fieldDef("Projects", "ForecastFinish")!;
    const c = columnCoercer(field, "Due", ["05/02/25", "12/31/25"], settings);
    expect(c.coerce("05/02/25").value).toBe("2025-05-02");
    expect(c.coerce("12/31/25").value).toBe("2025-12-31");
    expect(c.notes).toEqual([]);
  });

  it("says when ambiguous dates were read by the setting", () => {
    const field = fieldDef("Projects", "ForecastFinish")!;
    const c = columnCoercer(field, "Due", ["05/02/25", "01/03/25"], settings);
    expect(c.coerce("05/02/25").value).toBe("2025-02-05");
    expect(c.notes[0]).toMatch(/day-first \(setting dateOrder\)/);
  });

  it("mixes real dates, Excel serials in General format and text in one column", () => {
    const field = fieldDef("Projects", "ForecastStart")!;
    const c = columnCoercer(field, "Start", [utc(2025, 2, 5), 45693, "05/02/2025"], settings);
    expect(c.coerce(utc(2025, 2, 5)).value).toBe("2025-02-05");
    expect(c.coerce(45693).value).toBe("2025-02-05");
    expect(c.coerce("45693").value).toBe("2025-02-05");
    expect(c.coerce("05/02/2025").value).toBe("2025-02-05");
  });

  it("honours the 1904 date system for serials", () => {
    const field = fieldDef("Projects", "ForecastStart")!;
    const c = columnCoercer(field, "Start", [44231], { ...settings, date1904: true });
    expect(c.coerce(44231).value).toBe("2025-02-05"); // 45693 − 1462
  });

  it("keeps a number that cannot be a date as text, with a problem", () => {
    const field = fieldDef("Projects", "ForecastStart")!;
    const out = columnCoercer(field, "Start", [], settings).coerce(12);
    expect(out.value).toBe("12");
    expect(out.problem).toMatchObject({ kind: "uncoercible" });
  });

  it("stores a Period as the first day of its month", () => {
    const field = fieldDef("Financials", "Period")!;
    expect(columnCoercer(field, "Month", [], settings).coerce("17/03/2025").value).toBe("2025-03-01");
  });
});

describe("month headers", () => {
  it.each([
    ["Sep-18", "2018-09"],
    ["Oct-19", "2019-10"],
    ["2025-01", "2025-01"],
    ["Jan 2025", "2025-01"],
    ["01/2025", "2025-01"],
    ["1 Mar 2025", "2025-03"],
  ])("%s → %s", (text, month) => {
    expect(parseMonthHeader(text)).toBe(month);
  });

  it("reads real dates and date-formatted serials, not plain numbers or words", () => {
    expect(parseMonthHeader(utc(2025, 4, 1))).toBe("2025-04");
    expect(parseMonthHeader(45748, "mmm-yy")).toBe("2025-04");
    expect(parseMonthHeader(45748, null)).toBeNull();
    expect(parseMonthHeader("Project")).toBeNull();
    expect(parseMonthHeader("Team 12")).toBeNull();
    expect(parseTextMonth("Budget 2025")).toBeNull();
  });
});
