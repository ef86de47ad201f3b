import { analyseRegister } from "../../../src/analysis/finance/analyse-register";
import { earnedValueFromRegister } from "../../../src/analysis/finance/earned-value";
import { criticalPath } from "../../../src/analysis/schedule/critical-path";
import type { ScheduleItem, ScheduleLink } from "../../../src/analysis/schedule/schedule-inputs";
import { nonFiniteNumbers } from "../finance/register-fixture";
import { generateScheduleBenchInput } from "./schedule-bench-input";

/**
 * Correctness at bench scale. Timings belong to the bench (`generateScheduleBenchInput` feeds it):
 * a shared CI machine makes time limits in unit tests flaky, so none are asserted here.
 */
describe("schedule and finance at scale", () => {
  const input = generateScheduleBenchInput(10_000, 20_000, 1);

  it("schedules 10,000 projects and 20,000 links, and earned value for all, without NaN", () => {
    const cpm = criticalPath(input.items, input.links);
    const ev = earnedValueFromRegister(input.register, "2025-06-30");
    expect(cpm.cycles).toEqual([]);
    expect(Object.keys(cpm.items)).toHaveLength(10_000);
    expect(Object.values(cpm.items).every((i) => i.network !== null && (i.totalFloatDays as number) >= 0)).toBe(true);
    // Every network's finish is the latest early finish of its members, and its chain ends there.
    for (const n of cpm.networks) {
      const last = cpm.items[n.criticalPath[n.criticalPath.length - 1]];
      expect(last.earlyFinish).toBe(n.finish);
      expect(n.members.every((id) => (cpm.items[id].earlyFinish as string) <= n.finish)).toBe(true);
    }
    expect(nonFiniteNumbers(ev)).toEqual([]);
  });

  it("runs the whole analysis on the generated register with no NaN", () => {
    const all = analyseRegister(input.register);
    expect(all.projects).toHaveLength(10_000);
    expect(nonFiniteNumbers(all)).toEqual([]);
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
