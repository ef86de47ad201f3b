import { workbookStatus } from "../../../src/pipeline/steps/status";
import type { CellValue, Grid } from "../../../src/workbook/grid";

function grid(sheet: string, values: CellValue[][], table?: { name: string; top: number }): Grid {
  const width = Math.max(...values.map((r) => r.length));
  const rows = values.map((r) => [...r, ...Array(width - r.length).fill(null)]);
  return {
    file: "this workbook",
    sheet,
    origin: { row: 1, col: 1 },
    values: rows,
    kind: "worksheet",
    tables: table
      ? [{ name: table.name, range: { top: table.top, left: 0, bottom: rows.length - 1, right: width - 1 } }]
      : [],
  };
}

/** A settings sheet recording which sheets the add-in owns (the general table alone is enough here). */
function settings(owned: string[]): Grid {
  return grid("PMO Settings", [[1], ["Owned sheets"], ["Owned sheet"], ...owned.map((o) => [o])], {
    name: "tblOwnedSheets",
    top: 2,
  });
}

describe("workbookStatus", () => {
  test("an empty workbook: nothing built, nothing checked", () => {
    const s = workbookStatus([grid("Sheet1", [[null]])]);
    expect(s).toMatchObject({ registerBuilt: false, findings: null, selectionSaved: false, settingsFound: false });
  });

  test("counts register records and findings by severity on the sheets the add-in owns", () => {
    const grids = [
      settings(["Projects", "Findings", "Selection", "PMO Settings"]),
      grid(
        "Projects",
        [
          ["ProjectId", "Name"],
          ["P-1", "A"],
          ["P-2", "B"],
          [null, null],
        ],
        { name: "tblProjects", top: 0 },
      ),
      grid(
        "Findings",
        [
          ["Findings"],
          ["Profile controlling"],
          ["Severity", "Rule", "Message"],
          ["error", "r1", "m"],
          ["warning", "r2", "m"],
          ["warning", "r3", "m"],
          ["info", "r4", "m"],
        ],
        { name: "tblFindings", top: 2 },
      ),
      grid("Selection", [["ProjectId"], ["P-1"]], { name: "tblSelection", top: 0 }),
    ];
    const s = workbookStatus(grids);
    expect(s.records).toEqual({ Projects: 2 });
    expect(s.registerBuilt).toBe(true);
    expect(s.findings).toEqual({ error: 1, warning: 2, info: 1 });
    expect(s.selectionSaved).toBe(true);
    expect(s.capacityPlanned).toBe(false);
  });

  test("a user's own sheet named like an output is not mistaken for the add-in's", () => {
    const grids = [
      settings(["PMO Settings"]),
      grid("Projects", [["ProjectId"], ["P-1"]]),
      grid("Findings", [["Severity"], ["error"]]),
    ];
    const s = workbookStatus(grids);
    expect(s.registerBuilt).toBe(false);
    expect(s.findings).toBeNull();
  });
});
