import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { loadSettings } from "../../src/pipeline/settings-io";
import { settingsSheet } from "../../src/report/settings-sheet";
import { specToGrid } from "../settings/spec-to-grid";

describe("loadSettings checks rule ids against the catalogue", () => {
  it("reads the default settings sheet with no problem", () => {
    const loaded = loadSettings([specToGrid(settingsSheet(DEFAULT_SETTINGS, []))]);
    expect(loaded.found).toBe(true);
    expect(loaded.problems).toEqual([]);
  });

  it("reports, with its cell, a well-formed rule id that names no rule", () => {
    const grid = specToGrid(settingsSheet(DEFAULT_SETTINGS, []));
    const r = grid.values.findIndex((row) => row[0] === "timeliness.stale-status");
    // `family.name` in shape, so only the catalogue can tell it is not a rule.
    grid.values[r][0] = "timeliness.no-such-rule";
    const loaded = loadSettings([grid]);
    expect(loaded.problems).toEqual([
      expect.objectContaining({
        group: "rules",
        cell: `A${r + 1}`,
        message: expect.stringMatching(/Unknown rule id "timeliness.no-such-rule"/),
      }),
    ]);
  });
});
