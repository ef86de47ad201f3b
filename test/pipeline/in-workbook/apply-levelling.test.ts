import { buildRegisterFromFiles } from "../../../src/pipeline/build-register";
import { applyLevellingInWorkbook, levellingChanges } from "../../../src/pipeline/in-workbook/apply-levelling";
import { capacityInWorkbook } from "../../../src/pipeline/in-workbook/capacity-in-workbook";
import { openRegister } from "../../../src/pipeline/open-register";
import { sampleInputFiles } from "../../../src/pipeline/sample-inputs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";

let registerBytes: Uint8Array;

beforeAll(async () => {
  const { files } = await sampleInputFiles({ seed: 2, projects: 16 });
  const built = await buildRegisterFromFiles(files, { generatedAt: "2026-11-01T00:00:00.000Z" });
  registerBytes = built.bytes;
});

const open = () => XlsxWorkbook.open(registerBytes, "register.xlsx");

describe("applying a levelling proposal to the register", () => {
  test("applying the shifts then planning again gives the proposal's remaining overload", async () => {
    const wb = await open();
    const first = await capacityInWorkbook(wb, { level: true, write: false });
    const levelling = first.run.levelling!;
    expect(levelling.shifts.length).toBeGreaterThan(0);
    expect(levelling.overloadAfter).toBeLessThan(levelling.overloadBefore);
    const before = await openRegister(wb);

    const preview = await applyLevellingInWorkbook(wb, levelling.shifts, { write: false });
    expect(preview.written).toEqual([]);
    expect(preview.skipped).toEqual([]);
    const applied = await applyLevellingInWorkbook(wb, levelling.shifts);
    expect(applied.changes).toEqual(preview.changes);
    expect(applied.written).toEqual(expect.arrayContaining(["Projects", "Allocations"]));

    const after = await openRegister(wb);
    for (const shift of levelling.shifts) {
      const p = after.register.entities.Projects.find((r) => r.id === shift.projectId)!;
      const old = before.register.entities.Projects.find((r) => r.id === shift.projectId)!;
      expect(p.values.ForecastStart).toBe(shift.newStart);
      expect(p.values.ForecastFinish).toBe(shift.newFinish);
      // Baselines are never moved: the slip stays visible.
      expect(p.values.BaselineStart).toBe(old.values.BaselineStart);
      expect(p.values.BaselineFinish).toBe(old.values.BaselineFinish);
    }
    const allocChanges = applied.changes.filter((c) => c.entity === "Allocations");
    expect(allocChanges.length).toBeGreaterThan(0);
    for (const c of allocChanges) expect(after.register.entities.Allocations[c.index].values[c.field]).toBe(c.to);

    // Re-plan over the horizon levelling looked at (the plan's months plus the longest shift allowed).
    const maxShift = first.opened.settings.general.levellingMaxShiftMonths;
    const again = await capacityInWorkbook(wb, {
      from: first.run.plan.months[0],
      months: first.run.plan.months.length + maxShift,
      write: false,
    });
    expect(again.run.plan.totalOverload).toBeLessThan(first.run.plan.totalOverload);
    expect(again.run.plan.totalOverload).toBeCloseTo(levelling.overloadAfter, 6);
  });

  test("applying the same proposal twice moves nothing the second time", async () => {
    const wb = await open();
    const { run } = await capacityInWorkbook(wb, { level: true, write: false });
    const shifts = run.levelling!.shifts;
    await applyLevellingInWorkbook(wb, shifts);
    const second = await applyLevellingInWorkbook(wb, shifts);
    expect(second.changes).toEqual([]);
    expect(second.written).toEqual([]);
    expect(second.skipped.map((s) => s.projectId)).toEqual(shifts.map((s) => s.projectId));
  });

  test("a project no longer in the register is listed, not guessed", async () => {
    const opened = await openRegister(await open());
    const out = levellingChanges(opened.register, [
      { projectId: "NOPE-1", name: null, months: 2, newStart: null, newFinish: null, overloadRemoved: 1 },
    ]);
    expect(out.changes).toEqual([]);
    expect(out.skipped).toEqual([{ projectId: "NOPE-1", reason: "NOPE-1 is no longer in the register." }]);
  });
});
