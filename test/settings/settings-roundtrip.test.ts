import { DEFAULT_SETTINGS, cloneSettings, parseSettings } from "../../src/domain/settings";
import { readSettingsGrid } from "../../src/ingest/read-settings";
import { listRange, listsSheet, settingsSheet } from "../../src/report/settings-sheet";
import { RULE_IDS } from "../../src/standards/catalogue";
import type { CellValue, Grid } from "../../src/workbook/grid";
import { specToGrid } from "./spec-to-grid";

const roundTrip = (grid: Grid) => parseSettings(readSettingsGrid(grid), { ruleIds: RULE_IDS });

describe("PMO Settings round trip", () => {
  test("the default settings written and read back are the defaults, with no problem", () => {
    const grid = specToGrid(settingsSheet(DEFAULT_SETTINGS, []));
    expect(grid.values[0][0]).toBe("1"); // A1: settings schema version
    const parsed = roundTrip(grid);
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
  });

  test("edited settings survive the round trip", () => {
    const s = cloneSettings(DEFAULT_SETTINGS);
    s.general.profile = "directive";
    s.general.reportingDate = "2025-03-31";
    s.general.staleStatusDays = 45;
    s.general.costAmberPct = 0.07;
    s.lists.Rag = ["Red", "Amber", "Green", "Blue"];
    s.stageGates = { ...s.stageGates, Idea: [] };
    s.rules = {
      "timeliness.stale-status": { enabled: false, severity: null },
      "validity.whitespace": { enabled: true, severity: "warning" },
    };
    s.criteria = [
      { name: "StrategicAlignment", source: "StrategicAlignment", weight: 0.5, direction: "benefit", min: 1, max: 5 },
      { name: "RiskScore", source: "RiskScore", weight: 0.5, direction: "cost", min: 1, max: 5 },
    ];
    s.ahp = {
      criteria: ["StrategicAlignment", "RiskScore"],
      matrix: [
        [1, 3],
        [1 / 3, 1],
      ],
    };
    s.mappings = { "project id|name|stage": { "Project ID": "ProjectId", Name: "Name" } };
    const parsed = roundTrip(specToGrid(settingsSheet(s, ["Projects", "Findings"])));
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toEqual({ ...s, ownedSheets: ["PMO Settings", "PMO Lists", "Projects", "Findings"] });
  });

  test("tables found after being moved down and right, with an extra row added by the user", () => {
    const grid = specToGrid(settingsSheet(DEFAULT_SETTINGS, []));
    // Shift every table 3 rows down and 2 columns right (A1 keeps the version), and drop table metadata.
    const width = grid.values[0].length + 2;
    const blankRow = (): CellValue[] => Array<CellValue>(width).fill(null);
    const moved: CellValue[][] = [
      [grid.values[0][0], ...Array<CellValue>(width - 1).fill(null)],
      blankRow(),
      blankRow(),
    ];
    for (const row of grid.values) moved.push([null, null, ...row]);
    const owned = moved.findIndex((r) => r[2] === "Owned sheet");
    moved.splice(owned + 3, 0, [null, null, "Summary", ...Array<CellValue>(width - 3).fill(null)]);
    const parsed = roundTrip({ ...grid, values: moved, tables: undefined });
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings.ownedSheets).toEqual(["PMO Settings", "PMO Lists", "Summary"]);
    expect(parsed.settings.general).toEqual(DEFAULT_SETTINGS.general);
  });

  test("every problem names its cell on the settings sheet", () => {
    const grid = specToGrid(settingsSheet(DEFAULT_SETTINGS, []));
    const set = (header: string, key: string, col: number, value: CellValue) => {
      const r = grid.values.findIndex((row) => row[0] === key && grid.values.some((h) => h[0] === header));
      grid.values[r][col] = value;
      return `${String.fromCharCode(65 + col)}${r + 1}`;
    };
    const staleCell = set("Setting", "staleStatusDays", 1, "thirty");
    const ruleCell = set("Rule id", "timeliness.stale-status", 0, "timeliness.no-such-rule");
    const stageCell = set("Stage", "Closure", 0, "Hibernation");
    const listCell = set("List", "Priority", 0, "Colours");
    const parsed = roundTrip(grid);
    const byCell = Object.fromEntries(parsed.problems.map((p) => [p.cell, p.message]));
    expect(byCell[staleCell]).toMatch(/staleStatusDays "thirty" is not valid.*default 30 used/);
    expect(byCell[ruleCell]).toMatch(/Unknown rule id "timeliness.no-such-rule"/);
    expect(byCell[stageCell]).toMatch(/Unknown stage "Hibernation"/);
    expect(byCell[listCell]).toMatch(/Unknown list "Colours"/);
    expect(parsed.problems.every((p) => p.sheet === "PMO Settings")).toBe(true);
    expect(parsed.settings.general.staleStatusDays).toBe(30);
    expect(parsed.settings.stageGates.Closure).toBeUndefined();
    expect(parsed.settings.lists.Priority).toEqual(DEFAULT_SETTINGS.lists.Priority);
  });

  test("a sheet without the tables gives the defaults and says so", () => {
    const parsed = roundTrip({
      file: "x.xlsx",
      sheet: "PMO Settings",
      origin: { row: 1, col: 1 },
      values: [["hello"]],
      kind: "worksheet",
    });
    expect(parsed.settings).toEqual(DEFAULT_SETTINGS);
    expect(parsed.problems).toHaveLength(1); // "hello" in A1 is not a version number
    expect(parsed.problems[0].cell).toBe("A1");
    expect(parsed.notes.join("\n")).toMatch(/tblSettings.*default/);
    expect(parsed.notes.join("\n")).toMatch(/default stage gates used/);
  });
});

describe("PMO Lists", () => {
  test("one column per list, ranges that point at its values", () => {
    expect(listRange("Status")).toBe("'PMO Lists'!$B$2:$B$6");
    expect(listRange("Stage")).toBe("'PMO Lists'!$A$2:$A$6");
    expect(listRange("YesNo", DEFAULT_SETTINGS, "PMO Lists (2)")).toMatch(
      /^'PMO Lists \(2\)'!\$[A-Z]+\$2:\$[A-Z]+\$3$/,
    );
    const grid = specToGrid(listsSheet(DEFAULT_SETTINGS));
    expect(grid.values[0][1]).toBe("Status");
    expect(grid.values.slice(1, 6).map((r) => r[1])).toEqual([
      "Proposed",
      "Active",
      "On Hold",
      "Completed",
      "Cancelled",
    ]);
    expect(listsSheet(DEFAULT_SETTINGS).hidden).toBe(true);
  });
});

describe("readSettingsGrid", () => {
  test("addresses follow the grid's origin; A1 is read only when the grid starts there", () => {
    const grid: Grid = {
      file: "x.xlsx",
      sheet: "PMO Settings",
      origin: { row: 3, col: 2 },
      values: [
        ["Setting", "Value"],
        ["staleStatusDays", "soon"],
      ],
      kind: "worksheet",
    };
    const input = readSettingsGrid(grid);
    expect(input.schemaVersion).toBeUndefined();
    expect(input.general).toEqual([
      { setting: { value: "staleStatusDays", cell: "B4" }, value: { value: "soon", cell: "C4" } },
    ]);
    expect(parseSettings(input).problems[0].cell).toBe("C4");
  });
});
