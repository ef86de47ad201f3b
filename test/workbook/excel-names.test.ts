import {
  looksLikeCellReference,
  quoteSheet,
  safeSheetName,
  safeTableName,
  sheetNameProblem,
  splitSheetReference,
  tableNameProblem,
} from "../../src/workbook/excel-names";

describe("Excel sheet-name rules (one module for the report and both hosts)", () => {
  it("finds a forbidden character on every call, not only the first (no /g regex carrying lastIndex)", () => {
    // With a global regex, the first call leaves lastIndex at 2 and the second starts past the "/".
    expect(sheetNameProblem("a/b")).toBe("it contains one of [ ] : * ? / \\");
    expect(sheetNameProblem("c/d")).toBe("it contains one of [ ] : * ? / \\");
    expect(sheetNameProblem("x:y")).toBe("it contains one of [ ] : * ? / \\");
    expect(sheetNameProblem("x:y")).toBe("it contains one of [ ] : * ? / \\");
  });

  it("repairs every forbidden character, call after call", () => {
    expect(safeSheetName("Q1/Q2 [draft]")).toBe("Q1 Q2 draft");
    expect(safeSheetName("Q3/Q4 [draft]")).toBe("Q3 Q4 draft");
    for (const name of ["a*b", "c?d", "e\\f", "g:h"]) expect(sheetNameProblem(safeSheetName(name))).toBeNull();
  });

  it("states each of Excel's rules", () => {
    expect(sheetNameProblem("")).toBe("it is empty");
    expect(sheetNameProblem("x".repeat(31))).toBeNull();
    expect(sheetNameProblem("x".repeat(32))).toBe("it is longer than 31 characters");
    expect(sheetNameProblem("tab\there")).toBe("it contains a control character");
    expect(sheetNameProblem("'quoted")).toBe("it starts or ends with an apostrophe");
    expect(sheetNameProblem("History")).toBe('"History" is reserved by Excel');
    expect(sheetNameProblem("history")).toBe('"History" is reserved by Excel');
    expect(sheetNameProblem("Risk log (2)")).toBeNull();
  });

  it("makes a free, valid variant of a taken or invalid name", () => {
    expect(safeSheetName("Projects", ["projects"])).toBe("Projects (2)");
    expect(safeSheetName("Projects", ["Projects", "Projects (2)"])).toBe("Projects (3)");
    expect(safeSheetName("'Quoted'")).toBe("Quoted");
    expect(safeSheetName("")).toBe("Sheet");
    expect(safeSheetName("History")).toBe("History (PMO)");
    const long = "A programme name that is far too long for a tab";
    expect(safeSheetName(long)).toBe(long.slice(0, 31).trim());
    const taken = safeSheetName(long, [long.slice(0, 31)]);
    expect(taken.length).toBeLessThanOrEqual(31);
    expect(taken.endsWith(" (2)")).toBe(true);
  });

  it("checks and makes Table and defined names", () => {
    expect(tableNameProblem("tblProjects")).toBeNull();
    expect(tableNameProblem("A1")).toBe("it looks like a cell reference");
    expect(tableNameProblem("R1C1")).toBe("it looks like a cell reference");
    expect(tableNameProblem("2025 plan")).toBe("it may hold only letters, digits, _ and . and start with a letter");
    expect(tableNameProblem("")).toBe("it must be 1 to 255 characters long");
    expect(looksLikeCellReference("XFD1048576")).toBe(true);
    expect(looksLikeCellReference("C")).toBe(true);
    expect(looksLikeCellReference("Cost")).toBe(false);
    expect(safeTableName("Risk register (2025)")).toBe("Risk_register_2025_");
    expect(safeTableName("A1")).toBe("t_A1");
    expect(safeTableName("tblProjects", ["TBLPROJECTS"])).toBe("tblProjects_2");
  });

  it("quotes sheet names in references and reads them back", () => {
    expect(quoteSheet("My 'Sheet'")).toBe("'My ''Sheet'''");
    expect(splitSheetReference(`${quoteSheet("My 'Sheet'")}!$A$1`)).toEqual({ sheet: "My 'Sheet'", rest: "!$A$1" });
    expect(splitSheetReference("Sheet1!B3:F20")).toEqual({ sheet: "Sheet1", rest: "!B3:F20" });
    expect(splitSheetReference("B3:F20")).toEqual({ sheet: null, rest: "B3:F20" });
    // A sheet name may itself hold "!": the reference splits at the last one.
    expect(splitSheetReference("'Wow!'!A1")).toEqual({ sheet: "Wow!", rest: "!A1" });
  });
});
