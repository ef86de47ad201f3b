import { buildRegisterFromFiles } from "../../../src/pipeline/steps/build";
import { levellingChanges } from "../../../src/pipeline/steps/apply-levelling";
import { STEPS, runStep } from "../../../src/pipeline/steps";
import { openRegister } from "../../../src/pipeline/open-register";
import { sampleInputFiles } from "../../../src/cli/sample-inputs";
import { XlsxWorkbook } from "../../../src/workbook/xlsx/xlsx-workbook";
import { valueAt } from "../../../src/domain/register";
import { xlsxFileHost } from "../../../src/workbook/xlsx/file-host";

let registerBytes: Uint8Array;

beforeAll(async () => {
  const { files } = await sampleInputFiles({ seed: 2, projects: 16 });
  const built = await buildRegisterFromFiles(xlsxFileHost, files, { generatedAt: "2026-11-01T00:00:00.000Z" });
  registerBytes = built.bytes;
});

const open = () => XlsxWorkbook.open(registerBytes, "register.xlsx");

describe("applying a levelling proposal to the register", () => {
  test("applying the shifts then planning again gives the proposal's remaining overload", async () => {
    const wb = await open();
    const first = await runStep(wb, STEPS.capacity, { level: true }, { write: false });
    const levelling = first.value.levelling!;
    expect(levelling.shifts.length).toBeGreaterThan(0);
    expect(levelling.overloadAfter).toBeLessThan(levelling.overloadBefore);
    const before = await openRegister(wb);

    const preview = await runStep(wb, STEPS.applyLevelling, { shifts: levelling.shifts }, { write: false });
    expect(preview.written).toEqual([]);
    expect(preview.value.skipped).toEqual([]);
    const applied = await runStep(wb, STEPS.applyLevelling, { shifts: levelling.shifts });
    expect(applied.value.changes).toEqual(preview.value.changes);
    expect(applied.written).toEqual(expect.arrayContaining(["Projects", "Allocations"]));
    const milestoneChanges = applied.value.changes.filter((c) => c.entity === "Milestones");
    expect(milestoneChanges.length).toBeGreaterThan(0);
    expect(applied.written).toContain("Milestones");

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
    const allocChanges = applied.value.changes.filter((c) => c.entity === "Allocations");
    expect(allocChanges.length).toBeGreaterThan(0);
    for (const c of allocChanges) expect(valueAt(after.register.entities.Allocations[c.index], c.field)).toBe(c.to);
    for (const c of milestoneChanges) expect(valueAt(after.register.entities.Milestones[c.index], c.field)).toBe(c.to);

    // Re-plan over the horizon levelling looked at (the plan's months plus the longest shift allowed).
    const maxShift = first.workbook.settings.general.levellingMaxShiftMonths;
    const again = await runStep(
      wb,
      STEPS.capacity,
      { from: first.value.plan.months[0], months: first.value.plan.months.length + maxShift },
      { write: false },
    );
    expect(again.value.plan.totalOverload).toBeLessThan(first.value.plan.totalOverload);
    expect(again.value.plan.totalOverload).toBeCloseTo(levelling.overloadAfter, 6);
  });

  test("applying the same proposal twice moves nothing the second time", async () => {
    const wb = await open();
    const { value: run } = await runStep(wb, STEPS.capacity, { level: true }, { write: false });
    const shifts = run.levelling!.shifts;
    await runStep(wb, STEPS.applyLevelling, { shifts });
    const second = await runStep(wb, STEPS.applyLevelling, { shifts });
    expect(second.value.changes).toEqual([]);
    expect(second.written).toEqual([]);
    expect(second.value.skipped.map((s) => s.projectId)).toEqual(shifts.map((s) => s.projectId));
  });

  test("milestones still to come move with their project; achieved, cancelled and actual ones stay", async () => {
    const opened = await openRegister(await open());
    const { Projects, Milestones } = opened.register.entities;
    const project = Projects.find((p) => Milestones.filter((m) => m.values.ProjectId === p.id).length >= 4)!;
    expect(project).toBeDefined();
    const own = Milestones.filter((m) => m.values.ProjectId === project.id);
    // Four cases, typed as an analyst would: a forecast, only a baseline, achieved, an actual date.
    Object.assign(own[0].values, { Status: "On Track", ForecastDate: "2027-01-15", ActualDate: null });
    Object.assign(own[1].values, {
      Status: "Not Started",
      ForecastDate: null,
      BaselineDate: "2027-03-31",
      ActualDate: null,
    });
    Object.assign(own[2].values, { Status: " achieved ", ForecastDate: "2026-12-01", ActualDate: null });
    Object.assign(own[3].values, { Status: "Late", ForecastDate: "2026-12-10", ActualDate: "2026-12-12" });
    Object.assign(project.values, { ForecastStart: "2026-12-01", ForecastFinish: "2027-06-30" });
    const out = levellingChanges(opened.register, [
      {
        projectId: project.id,
        name: null,
        months: 2,
        newStart: "2027-02-01",
        newFinish: "2027-08-30",
        overloadRemoved: 1,
      },
    ]);
    expect(out.skipped).toEqual([]);
    const moved = out.changes.filter((c) => c.entity === "Milestones");
    expect(moved).toEqual([
      expect.objectContaining({ id: own[0].id, field: "ForecastDate", from: "2027-01-15", to: "2027-03-15" }),
      expect.objectContaining({ id: own[1].id, field: "ForecastDate", from: null, to: "2027-05-31" }),
    ]);
    expect(moved.every((c) => c.projectId === project.id)).toBe(true);
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
