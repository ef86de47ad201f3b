import { DEFAULT_SETTINGS, cloneSettings, parseSettings } from "../../src/domain/settings";
import { readSettingsGrid } from "../../src/ingest/read-settings";
import { listsSheet, settingsSheet } from "../../src/report/settings-sheet";
import { RULE_IDS } from "../../src/standards/catalogue";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

/** The same round trip through the real .xlsx adapter: what a user's saved workbook gives back. */
describe("PMO Settings through an .xlsx workbook", () => {
  test("written with exceljs, saved to bytes, reopened, read and parsed: the same settings", async () => {
    const s = cloneSettings(DEFAULT_SETTINGS);
    s.general.reportingDate = "2025-03-31";
    s.general.profile = "supportive";
    s.rules["validity.whitespace"] = { enabled: false, severity: null };
    s.ahp = {
      criteria: s.criteria.map((c) => c.name),
      matrix: [
        [1, 3, 5],
        [1 / 3, 1, 3],
        [1 / 5, 1 / 3, 1],
      ],
    };
    const wb = XlsxWorkbook.create();
    await wb.write({ sheets: [settingsSheet(s, []), listsSheet(s)] });
    const reopened = await XlsxWorkbook.open(await wb.toBytes(), "register.xlsx");
    const read = await reopened.read();
    const grid = read.grids.find((g) => g.sheet === "PMO Settings")!;
    const parsed = parseSettings(readSettingsGrid(grid), { ruleIds: RULE_IDS });
    expect(parsed.problems).toEqual([]);
    expect(parsed.settings).toEqual(s);
  });
});
