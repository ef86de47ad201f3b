import { buildRegisterFromFiles } from "../../../src/pipeline/steps/build";
import { STEPS, runStep } from "../../../src/pipeline/steps";
import { sampleInputFiles } from "../../../src/cli/sample-inputs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { xlsxFileHost } from "../../../src/workbook/xlsx/file-host";

/**
 * A sheet of the user's that is empty is still the user's: a step that wants its name writes a
 * free variant instead (an empty sheet is not a grid, so it must be counted from the read's
 * skipped list too).
 */
describe("an empty sheet of the user's", () => {
  it("a build into a workbook with an empty 'Projects' sheet writes the register beside it", async () => {
    const { files } = await sampleInputFiles({ seed: 2, projects: 8 });
    const host = XlsxWorkbook.create("mine.xlsx");
    await host.write({ sheets: [{ name: "Projects", blocks: [] }] });
    const built = await buildRegisterFromFiles(xlsxFileHost, files, {
      into: { name: "mine.xlsx", bytes: await host.toBytes() },
      generatedAt: "2026-11-01T00:00:00.000Z",
    });
    const wb = await XlsxWorkbook.open(built.bytes, "mine.xlsx");
    const read = await wb.read();
    expect(read.skipped.map((s) => s.sheet)).toContain("Projects");
    expect(read.grids.map((g) => g.sheet)).toContain("Projects (PMO)");
  });

  it("keeps its name; the step writes beside it", async () => {
    const { files } = await sampleInputFiles({ seed: 2, projects: 8 });
    const built = await buildRegisterFromFiles(xlsxFileHost, files, { generatedAt: "2026-11-01T00:00:00.000Z" });
    const wb = await XlsxWorkbook.open(built.bytes, "register.xlsx");
    await wb.write({ sheets: [{ name: "Findings", blocks: [] }] });
    const before = await wb.read();
    expect(before.skipped.map((s) => s.sheet)).toContain("Findings");
    const v = await runStep(wb, STEPS.validate, { today: "2026-11-01" });
    expect(v.written).toContain("Findings (PMO)");
    expect(v.written).not.toContain("Findings");
    const after = await wb.read();
    expect(after.skipped.map((s) => s.sheet)).toContain("Findings");
  });
});
