import { analyseRegister } from "../../src/analysis/finance/analyse-register";
import { earnedValueFromRegister } from "../../src/analysis/finance/earned-value";
import { criticalPath } from "../../src/analysis/schedule/critical-path";
import { generateScheduleBenchInput } from "../analysis/schedule/schedule-bench-input";
import type { BenchArea, BenchRow } from "./bench-report";
import { limitVerdict } from "./bench-report";
import { median, timeOnce, timeRepeated } from "./measurement";

/**
 * Issue 8: critical path for 10,000 projects with 20,000 dependencies and earned value for all of
 * them (goal: under 200 ms). The same at 20,000 / 40,000 shows the growth is near linear (linear
 * doubles the time, quadratic work would quadruple it; the bench's limit is 3×). Inputs from the
 * schedule tests' seeded generator; `analyseRegister` (all of `pmo analyse`) is timed once as
 * information.
 */

const AREA = "schedule";
const STATUS_DATE = "2025-06-30";

async function cpmAndEv(n: number, runs: number) {
  const input = generateScheduleBenchInput(n, 2 * n, 1);
  criticalPath(input.items, input.links); // warm-up: JIT, not charged
  earnedValueFromRegister(input.register, STATUS_DATE);
  const cpm: number[] = [];
  const ev: number[] = [];
  const total: number[] = [];
  let networks = 0;
  for (let i = 0; i < runs; i++) {
    const t = await timeOnce(() => {
      const t0 = performance.now();
      const schedule = criticalPath(input.items, input.links);
      const t1 = performance.now();
      earnedValueFromRegister(input.register, STATUS_DATE);
      return { cpmMs: t1 - t0, evMs: performance.now() - t1, networks: schedule.networks.length };
    });
    cpm.push(t.result.cpmMs);
    ev.push(t.result.evMs);
    total.push(t.ms);
    networks = t.result.networks;
  }
  return { input, cpm: median(cpm), ev: median(ev), total: median(total), runs: total, networks };
}

export const area: BenchArea = {
  name: AREA,
  title: "critical path + earned value for 10,000 and 20,000 projects",
  async run(ctx) {
    ctx.log("schedule: 10,000 projects");
    const ten = await cpmAndEv(10_000, ctx.runs);
    ctx.log("schedule: 20,000 projects");
    const twenty = await cpmAndEv(20_000, ctx.runs);
    const growth = twenty.total / ten.total;
    const detail = (r: typeof ten) =>
      `CPM ${r.cpm.toFixed(0)} ms + EV ${r.ev.toFixed(0)} ms, ${r.networks} networks; median of ${r.runs.length} ` +
      `(${r.runs.map((v) => v.toFixed(0)).join("/")} ms) after one warm-up.`;
    const rows: BenchRow[] = [
      {
        area: AREA,
        name: "CPM + EV, 10k projects / 20k deps",
        measured: { value: ten.total, unit: "ms" },
        goal: "< 200 ms",
        issue: 8,
        verdict: limitVerdict(ten.total, 200),
        note: detail(ten),
      },
      {
        area: AREA,
        name: "CPM + EV, 20k projects / 40k deps",
        measured: { value: twenty.total, unit: "ms" },
        baseline: { label: "10k", figure: { value: ten.total, unit: "ms" } },
        ratio: growth,
        goal: "≤ 3× (linear 2×)",
        verdict: limitVerdict(growth, 3),
        note:
          `${detail(twenty)} CPM alone grows ${(twenty.cpm / ten.cpm).toFixed(2)}×, EV ${(twenty.ev / ten.ev).toFixed(2)}×. ` +
          `The 3× limit is the bench's own (the issue asks for the 10k figure only): linear work doubles, quadratic ` +
          `quadruples, and on a loaded 2-core machine runs of a few hundred ms vary by ±30 %.`,
      },
    ];
    ctx.log("schedule: analyseRegister on 10,000 projects");
    const whole = await timeRepeated(() => analyseRegister(ten.input.register, { statusDate: STATUS_DATE }), 1);
    rows.push({
      area: AREA,
      name: "analyseRegister, 10k projects (all of pmo analyse)",
      measured: { value: whole.ms, unit: "ms" },
      verdict: "info",
      note: "Schedule inputs from the register, CPM, milestones, earned value, computed RAG, roll-ups, benefits; one run.",
    });
    return rows;
  },
};
