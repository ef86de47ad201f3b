import {
  dateFromSerial,
  daySerial,
  excelCell,
  isDateFormat,
  layoutBlock,
  parseRangeAddress,
  rectAddress,
  serialFromDate,
  sheetRectAddress,
} from "../../../src/workbook/office";

/** The pure rules under the Office adapter: addresses, date serials, date formats, text safety. */
describe("addresses", () => {
  it("parses what Range.address returns, quoted sheet names included", () => {
    expect(parseRangeAddress("Sheet1!B3:F20")).toEqual({
      sheet: "Sheet1",
      rect: { top: 3, left: 2, bottom: 20, right: 6 },
    });
    expect(parseRangeAddress("'It''s here'!$AA$7")).toEqual({
      sheet: "It's here",
      rect: { top: 7, left: 27, bottom: 7, right: 27 },
    });
    expect(() => parseRangeAddress("Sheet1!A:C")).toThrow(RangeError);
  });

  it("writes single cells and rectangles, with the sheet quoted for references", () => {
    expect(rectAddress({ top: 2, left: 3, bottom: 2, right: 3 })).toBe("C2");
    expect(rectAddress({ top: 1, left: 1, bottom: 10, right: 28 })).toBe("A1:AB10");
    expect(sheetRectAddress("PMO Lists", { top: 2, left: 2, bottom: 6, right: 2 }, true)).toBe("'PMO Lists'!$B$2:$B$6");
  });
});

describe("dates", () => {
  it("converts calendar days to Excel serials (1900 system with its fictitious 29 Feb, and 1904)", () => {
    // Published values: =DATE(2025,1,31) is 45688; =DATE(1900,3,1) is 61; in the 1904 system 2025-01-31 is 44226.
    expect(daySerial("2025-01-31")).toBe(45688);
    expect(daySerial("1900-03-01")).toBe(61);
    expect(daySerial("1900-02-28")).toBe(59);
    expect(daySerial("2025-01-31", true)).toBe(44226);
    expect(serialFromDate(new Date("2025-01-31T12:00:00Z"))).toBe(45688.5);
  });

  it("reads serials back as UTC dates, in both date systems", () => {
    expect(dateFromSerial(45688)).toEqual(new Date("2025-01-31T00:00:00Z"));
    expect(dateFromSerial(45688.25)).toEqual(new Date("2025-01-31T06:00:00Z"));
    expect(dateFromSerial(61)).toEqual(new Date("1900-03-01T00:00:00Z"));
    expect(dateFromSerial(44226, true)).toEqual(new Date("2025-01-31T00:00:00Z"));
  });

  it("recognises date formats the way exceljs does (outside quotes and brackets)", () => {
    for (const f of ["yyyy-mm-dd", "dd/mm/yyyy", "mmm-yy", "d-mmm", "[$-809]dd mmmm yyyy", "hh:mm"]) {
      expect([f, isDateFormat(f)]).toEqual([f, true]);
    }
    for (const f of [null, "General", "0.0%", "#,##0", '#,##0 "days"', "[Red]0.00", "@"]) {
      expect([f, isDateFormat(f)]).toEqual([f, false]);
    }
  });
});

describe("text safety and cell formats", () => {
  const opts = { date1904: false };
  it('puts every string in a "@" cell and keeps numbers and booleans out of "@" cells', () => {
    expect(excelCell("=SUM(A1)", "#,##0", opts)).toEqual({ value: "=SUM(A1)", format: "@" });
    expect(excelCell("+44 20", null, opts)).toEqual({ value: "+44 20", format: "@" });
    expect(excelCell(12, "@", opts)).toEqual({ value: 12, format: "General" });
    expect(excelCell(true, "@", opts)).toEqual({ value: true, format: "General" });
    expect(excelCell(0.225, "0.0%", opts)).toEqual({ value: 0.225, format: "0.0%" });
  });

  it('writes empty for null, NaN and infinities ("" empties a cell; null would leave it as it was)', () => {
    expect(excelCell(null, "0", opts)).toEqual({ value: "", format: "0" });
    expect(excelCell(Number.NaN, "0", opts)).toEqual({ value: "", format: "0" });
    expect(excelCell(Number.POSITIVE_INFINITY, null, opts)).toEqual({ value: "", format: "General" });
  });

  it("writes dates and ISO days in date columns as serials with a date format", () => {
    const date = { date1904: false, dateColumn: true };
    expect(excelCell("2025-01-31", "yyyy-mm-dd", date)).toEqual({ value: 45688, format: "yyyy-mm-dd" });
    expect(excelCell(new Date("2025-01-31T18:00:00Z"), "dd/mm/yyyy", date)).toEqual({
      value: 45688,
      format: "dd/mm/yyyy",
    });
    expect(excelCell(new Date("2025-01-31T00:00:00Z"), "#,##0", opts)).toEqual({ value: 45688, format: "yyyy-mm-dd" });
    expect(excelCell("2025-01-31", null, opts)).toEqual({ value: "2025-01-31", format: "@" });
  });

  it("lays out a title with its subtitle below, and key figures as label/value pairs with names", () => {
    const title = layoutBlock({ kind: "title", row: 2, col: 3, text: "T", subtitle: "S" }, false);
    expect(title.rects).toEqual([{ top: 2, left: 3, values: [["T"], ["S"]], formats: [["@"], ["@"]] }]);
    const figures = layoutBlock(
      {
        kind: "keyFigures",
        row: 5,
        col: 1,
        items: [{ label: "Budget", value: 10, numberFormat: "#,##0", definedName: "Budget" }],
      },
      false,
    );
    expect(figures.rects).toEqual([{ top: 5, left: 1, values: [["Budget", 10]], formats: [["@", "#,##0"]] }]);
    expect(figures.names).toEqual([{ name: "Budget", row: 5, col: 2 }]);
  });
});
