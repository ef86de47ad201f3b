import { analyseRegister } from "../../../src/analysis/finance/analyse-register";
import { earnedValueFromRegister } from "../../../src/analysis/finance/earned-value";
import { criticalPath } from "../../../src/analysis/schedule/critical-path";
import type { ScheduleItem, ScheduleLink } from "../../../src/analysis/schedule/schedule-inputs";
import { nonFiniteNumbers } from "../finance/register-fixture";
import { generateScheduleBenchInput } from "./schedule-bench-input";

/** The engine must be linear: 10,000 projects and 20,000 links in well under 200 ms (measured in the bench). */
function timed<T>(f: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = f();
  return { value, ms: performance.now() - t0 };
}

describe("schedule and finance at scale", () => {
  const input = generateScheduleBenchInput(10_000, 20_000, 1);

  it("schedules 10,000 projects and 20,000 links, and earned value for all, quickly and without NaN", () => {
    criticalPath(input.items, input.links); // warm up the JIT
    const cpm = timed(() => criticalPath(input.items, input.links));
    const ev = timed(() => earnedValueFromRegister(input.register, "2025-06-30"));
    expect(cpm.value.cycles).toEqual([]);
    expect(Object.keys(cpm.value.items)).toHaveLength(10_000);
    expect(Object.values(cpm.value.items).every((i) => i.network !== null && (i.totalFloatDays as number) >= 0)).toBe(
      true,
    );
    expect(nonFiniteNumbers(ev.value)).toEqual([]);
    // Generous bounds so a loaded CI machine does not fail the suite; the bench reports the real figures.
    expect(cpm.ms).toBeLessThan(1000);
    expect(ev.ms).toBeLessThan(1000);
  });

  it("runs the whole analysis on the generated register with no NaN", () => {
    const all = timed(() => analyseRegister(input.register));
    expect(all.value.projects).toHaveLength(10_000);
    expect(nonFiniteNumbers(all.value)).toEqual([]);
    expect(all.ms).toBeLessThan(5000);
  });

  it("handles a 10,000-long chain and a 10,000-long cycle without recursion", () => {
    const n = 10_000;
    const items: ScheduleItem[] = Array.from({ length: n }, (_, i) => ({
      id: `C${i}`,
      kind: "project",
      start: "2025-01-01",
      durationDays: 1,
    }));
    const chain: ScheduleLink[] = items
      .slice(1)
      .map((it, i) => ({ predecessorId: items[i].id, successorId: it.id, type: "FS", lagDays: 0 }));
    const r = criticalPath(items, chain);
    expect(r.networks[0].durationDays).toBe(n);
    expect(r.networks[0].criticalPath).toHaveLength(n);
    const loop = criticalPath(items, [
      ...chain,
      { predecessorId: `C${n - 1}`, successorId: "C0", type: "FS", lagDays: 0 },
    ]);
    expect(loop.cycles).toHaveLength(1);
    expect(loop.cycles[0]).toHaveLength(n);
    expect(loop.networks).toEqual([]);
  });
});
