import { DEFAULT_SETTINGS, cloneSettings, type Profile } from "../../src/domain/settings";
import { findingsSheet } from "../../src/report/findings-sheet";
import { validateRegister } from "../../src/standards/validate";
import type { TableBlock, TextBlock } from "../../src/workbook/spec";
import { buildRegister, cleanRows } from "./register-builder";

function result(profile: Profile) {
  const s = cloneSettings(DEFAULT_SETTINGS);
  s.general.profile = profile;
  s.general.reportingDate = "2025-03-31";
  const rows = cleanRows();
  rows.Projects![0].Sponsor = null;
  rows.Projects![0].RagOverall = "gren";
  return validateRegister(buildRegister(rows), s, {
    registerLocation: (entity, _id, field, index) =>
      entity === "Projects" ? { sheet: "Projects", cell: `${field === "Sponsor" ? "G" : "V"}${index + 2}` } : undefined,
  });
}

describe("Findings sheet", () => {
  test("an Excel Table whose cells link to the register cell to fix, errors first", () => {
    const sheet = findingsSheet(result("controlling"));
    const table = sheet.blocks.find((b): b is TableBlock => b.kind === "table")!;
    expect(table.name).toBe("tblFindings");
    expect(table.columns.map((c) => c.header)).toEqual([
      "Severity",
      "Rule",
      "Entity",
      "Id",
      "Field",
      "Cell",
      "Message",
      "Suggested fix",
      "Safe fix",
    ]);
    expect(table.rows[0].slice(0, 6)).toEqual([
      "error",
      "completeness.stage-gate",
      "Projects",
      "P1",
      "Sponsor",
      { value: "Projects!G2", link: "'Projects'!G2" },
    ]);
    expect(table.rows[1].slice(0, 6)).toEqual([
      "warning",
      "validity.allowed-value",
      "Projects",
      "P1",
      "RagOverall",
      { value: "Projects!V2", link: "'Projects'!V2" },
    ]);
    expect(table.rows[1].slice(7)).toEqual(["Green", "Yes"]);
    expect(sheet.freeze).toEqual({ row: table.row + 1, col: 1 });
    expect(sheet.conditionalFormats?.map((c) => c.rule.type === "textEquals" && c.rule.text)).toEqual([
      "error",
      "warning",
      "info",
    ]);
    expect(sheet.conditionalFormats?.[0].range).toEqual({
      top: table.row + 1,
      left: 1,
      bottom: table.row + 2,
      right: 1,
    });
    expect(sheet.blocks.some((b) => b.kind === "text" && b.style === "stamp")).toBe(false);
  });

  test("directive with errors carries the not-compliant stamp above the table", () => {
    const sheet = findingsSheet(result("directive"));
    const stamp = sheet.blocks.find((b): b is TextBlock => b.kind === "text" && b.style === "stamp");
    expect(stamp?.lines[0]).toMatch(/^NOT COMPLIANT: 1 error remains under/);
    const table = sheet.blocks.find((b): b is TableBlock => b.kind === "table")!;
    expect(table.row).toBeGreaterThan(stamp!.row);
  });

  test("a finding located in a source file names the file and is not linked", () => {
    const r = result("controlling");
    r.findings = [{ ...r.findings[0], sheet: "Tracker", cell: "C9", file: "pm.xlsx" }];
    const table = findingsSheet(r).blocks.find((b): b is TableBlock => b.kind === "table")!;
    expect(table.rows[0][5]).toBe("pm.xlsx › Tracker!C9");
  });
});
