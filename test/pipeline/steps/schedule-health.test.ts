import { STEPS, runStep } from "../../../src/pipeline/steps";
import { buildRegisterFromFiles } from "../../../src/pipeline/steps/build";
import { xlsxFileHost } from "../../../src/workbook/xlsx/file-host";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { projectTrackerXlsx } from "../../e2e/fixtures";

/**
 * The schedule-health step on a register with no status date anywhere (a tracker without a
 * StatusDate column, no reporting date on PMO Settings): the run's date stands in and the step says
 * so; a date given for the run is used instead, and checking alone writes nothing.
 */
describe("schedule-health step without a status date", () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    const tracker = await projectTrackerXlsx();
    const built = await buildRegisterFromFiles(
      xlsxFileHost,
      [{ name: tracker.name, bytes: new Uint8Array(tracker.buffer) }],
      {
        generatedAt: "2025-03-01T00:00:00.000Z",
      },
    );
    bytes = built.bytes;
  });

  test("the run's date stands in, flagged noStatusDate; nothing written when only checking", async () => {
    const port = await XlsxWorkbook.open(bytes, "register.xlsx");
    const outcome = await runStep(port, STEPS.scheduleHealth, { today: "2025-03-01" }, { write: false });
    expect(outcome.value.noStatusDate).toBe(true);
    expect(outcome.value.statusDate).toBe("2025-03-01");
    expect(outcome.value.statusDateSource).toBe("the run's date");
    expect(outcome.value.portfolio.metrics).toHaveLength(14);
    // Three projects, no dependencies: every open project lacks logic.
    const logic = outcome.value.portfolio.metrics.find((m) => m.id === "logic")!;
    expect([logic.count, logic.denominator, logic.pass]).toEqual([3, 3, false]);
    expect(logic.records.map((r) => r.at?.sheet)).toEqual(["Projects", "Projects", "Projects"]);
    expect(outcome.written).toEqual([]);
  });

  test("a status date given for the run is used and the flag is off", async () => {
    const port = await XlsxWorkbook.open(bytes, "register.xlsx");
    const outcome = await runStep(port, STEPS.scheduleHealth, { today: "2025-03-01", statusDate: "2025-02-14" });
    expect(outcome.value.noStatusDate).toBe(false);
    expect(outcome.value.statusDate).toBe("2025-02-14");
    expect(outcome.written).toEqual(["Schedule health"]);
  });
});
