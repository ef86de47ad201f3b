import { buildRegisterFromFiles } from "../../../src/pipeline/steps/build";
import { checkSettingsEdits } from "../../../src/pipeline/steps/settings";
import { STEPS, runStep } from "../../../src/pipeline/steps";
import type { WorkbookPort } from "../../../src/workbook/port";
import { sampleInputFiles } from "../../../src/cli/sample-inputs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { xlsxFileHost } from "../../../src/workbook/xlsx/file-host";

// Saaty's textbook matrix (docs/domain.md "AHP"): weights 0.637, 0.258, 0.105 and CR ≈ 0.03.
const MATRIX = [
  [1, 3, 5],
  [1 / 3, 1, 3],
  [1 / 5, 1 / 3, 1],
];

const readSettings = async (wb: WorkbookPort) => (await runStep(wb, STEPS.readSettings, {})).value;
const rankByAhp = async (wb: WorkbookPort) =>
  (await runStep(wb, STEPS.prioritise, { method: "ahp", select: false }, { write: false })).value;

let registerBytes: Uint8Array;
beforeAll(async () => {
  const { files } = await sampleInputFiles({ seed: 2, projects: 16 });
  registerBytes = (await buildRegisterFromFiles(xlsxFileHost, files, { generatedAt: "2026-11-01T00:00:00.000Z" }))
    .bytes;
});

describe("AHP pairwise comparisons saved from the pane", () => {
  test("are stored on PMO Settings, read back, and give the AHP ranking its weights", async () => {
    const wb = await XlsxWorkbook.open(registerBytes, "register.xlsx");
    const before = await readSettings(wb);
    const criteria = before.settings.criteria.map((c) => c.name);
    expect(criteria).toHaveLength(3);
    const none = await rankByAhp(wb);
    expect(none.notes.join(" ")).toMatch(/no AHP pairwise matrix/);

    const saved = await runStep(wb, STEPS.saveSettings, { edits: { ahp: { criteria, matrix: MATRIX } } });
    expect(saved.written).toContain("PMO Settings");
    const read = await readSettings(wb);
    expect(read.problems).toEqual([]);
    expect(read.settings.ahp?.criteria).toEqual(criteria);
    read.settings.ahp!.matrix.forEach((row, i) => row.forEach((a, j) => expect(a).toBeCloseTo(MATRIX[i][j], 9)));
    // The other settings are kept.
    expect(read.settings.criteria.map((c) => c.weight)).toEqual(before.settings.criteria.map((c) => c.weight));

    const ranked = await rankByAhp(wb);
    expect(ranked.ahp?.cr).toBeCloseTo(0.033, 2);
    expect(ranked.criteria.map((c) => Number(c.weight.toFixed(3)))).toEqual([0.637, 0.258, 0.105]);
  });

  test("a table that is not square or holds a non-positive judgement is refused with a message", () => {
    expect(
      checkSettingsEdits({
        ahp: {
          criteria: ["A", "B", "C"],
          matrix: [
            [1, 2],
            [0.5, 1],
          ],
        },
      }),
    ).toEqual(["The AHP comparisons must form a 3 × 3 table, one row and column per criterion."]);
    expect(
      checkSettingsEdits({
        ahp: {
          criteria: ["A", "B"],
          matrix: [
            [1, 0],
            [2, 1],
          ],
        },
      }),
    ).toEqual(["AHP judgements must be positive numbers (1/9 to 9)."]);
  });
});
