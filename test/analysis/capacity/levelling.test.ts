import fc from "fast-check";
import { levelCapacity, planCapacity } from "../../../src/analysis/capacity";
import { addMonths, epochDay, isoFromYmd } from "../../../src/domain/dates";
import type { FieldValue, Register } from "../../../src/domain/register";
import { emptyRegister } from "../../../src/domain/register";

const rec = (id: string, values: Record<string, FieldValue>) => ({ id, values, extras: {}, provenance: {} });

function portfolio(
  projects: { start: number; months: number; fte: number; stage: string }[],
  deps: [number, number][],
  supply: number,
): Register {
  const r = emptyRegister();
  projects.forEach((p, i) => {
    const id = `P${String(i + 1).padStart(2, "0")}`;
    const start = isoFromYmd(2025, 1 + p.start, 1);
    const finishExclusive = addMonths(start, p.months);
    const finish = isoFromYmd(Number(finishExclusive.slice(0, 4)), Number(finishExclusive.slice(5, 7)), 1);
    const last = new Date(Date.UTC(Number(finish.slice(0, 4)), Number(finish.slice(5, 7)) - 1, 0))
      .toISOString()
      .slice(0, 10);
    r.entities.Projects.push(
      rec(id, { ProjectId: id, Name: id, Stage: p.stage, ForecastStart: start, ForecastFinish: last }),
    );
    r.entities.Allocations.push(
      rec(`A${i}`, { ProjectId: id, Role: "Developer", Start: start, Finish: last, FTE: p.fte }),
    );
  });
  deps.forEach(([a, b], k) => {
    if (a === b || a >= projects.length || b >= projects.length) return;
    r.entities.Dependencies.push(
      rec(`D${k}`, {
        PredecessorId: `P${String(a + 1).padStart(2, "0")}`,
        SuccessorId: `P${String(b + 1).padStart(2, "0")}`,
        Type: "FS",
        LagDays: 0,
      }),
    );
  });
  r.entities.Resources.push(rec("R1", { Name: "Team", Role: "Developer", FTE: supply }));
  return r;
}

describe("levelling", () => {
  it("moves the lower-priority project a whole month so two one-month projects fit one developer", () => {
    const r = portfolio(
      [
        { start: 0, months: 1, fte: 1, stage: "Planning" },
        { start: 0, months: 1, fte: 1, stage: "Planning" },
      ],
      [],
      1,
    );
    const months = planCapacity(r).months;
    const result = levelCapacity(r, { months, priority: ["P01", "P02"] });
    expect(result.shifts).toHaveLength(1);
    expect(result.shifts[0]).toMatchObject({
      projectId: "P02",
      months: 1,
      newStart: "2025-02-01",
      newFinish: "2025-02-28",
    });
    expect(result.overloadBefore).toBeCloseTo(1, 9);
    expect(result.overloadAfter).toBeCloseTo(0, 9);
  });

  it("holds a committed project and one whose move would delay a successor", () => {
    const r = portfolio(
      [
        { start: 0, months: 1, fte: 1, stage: "Delivery" },
        { start: 0, months: 1, fte: 1, stage: "Planning" },
        { start: 1, months: 1, fte: 0.2, stage: "Planning" },
      ],
      [[1, 2]],
      1,
    );
    const result = levelCapacity(r, { months: planCapacity(r).months, priority: ["P03", "P01", "P02"] });
    expect(result.shifts).toHaveLength(0);
    expect(result.held.map((h) => h.projectId).sort()).toEqual(["P01", "P02"]);
    expect(result.held.find((h) => h.projectId === "P02")?.reason).toMatch(/successor P03/);
  });

  it("property: never breaks a satisfied FS dependency, never moves a committed project, never increases overload", () => {
    const project = fc.record({
      start: fc.integer({ min: 0, max: 5 }),
      months: fc.integer({ min: 1, max: 4 }),
      fte: fc.constantFrom(0.25, 0.5, 1, 1.5),
      stage: fc.constantFrom("Idea", "Planning", "Delivery"),
    });
    fc.assert(
      fc.property(
        fc.array(project, { minLength: 1, maxLength: 8 }),
        fc.array(fc.tuple(fc.nat(7), fc.nat(7)), { maxLength: 6 }),
        fc.constantFrom(1, 1.5, 2),
        (projects, deps, supply) => {
          const r = portfolio(projects, deps, supply);
          const plan = planCapacity(r);
          const result = levelCapacity(r, { months: plan.months, maxShiftMonths: 3 });
          expect(result.overloadAfter).toBeLessThanOrEqual(result.overloadBefore + 1e-9);
          const moved = new Map(result.shifts.map((s) => [s.projectId, s]));
          for (const p of r.entities.Projects) {
            if (p.values.Stage === "Delivery") expect(moved.has(p.id)).toBe(false);
          }
          const start = (id: string) =>
            epochDay(
              (moved.get(id)?.newStart ?? r.entities.Projects.find((p) => p.id === id)!.values.ForecastStart) as string,
            );
          const finish = (id: string) =>
            epochDay(
              (moved.get(id)?.newFinish ??
                r.entities.Projects.find((p) => p.id === id)!.values.ForecastFinish) as string,
            );
          const origStart = (id: string) =>
            epochDay(r.entities.Projects.find((p) => p.id === id)!.values.ForecastStart as string);
          const origFinish = (id: string) =>
            epochDay(r.entities.Projects.find((p) => p.id === id)!.values.ForecastFinish as string);
          for (const d of r.entities.Dependencies) {
            const a = d.values.PredecessorId as string;
            const b = d.values.SuccessorId as string;
            if (origStart(b) >= origFinish(a)) expect(start(b)).toBeGreaterThanOrEqual(finish(a));
          }
        },
      ),
      { seed: 1, numRuns: 150 },
    );
  });
});
