import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { mknapToSelectionInput, parseMknap } from "../analysis/prioritise/mknap";
import { sameObjective, selectPortfolio } from "../../src/analysis/prioritise/selection";
import { generatedPortfolio } from "../analysis/prioritise/generated-portfolio";
import type { BenchArea, BenchRow } from "./bench-report";
import { skippedRow } from "./bench-report";
import { timeOnce } from "./measurement";

/**
 * Issue 4: solve times for the seven OR-Library mknap1 instances (each must reach its published
 * optimum exactly) and for generated 100/200/500-project portfolios (4 roles × 12 months of
 * capacity, a budget, 40 dependencies, 10 committed); the 500-project one must be proven optimal.
 * Main solve only (no frontier, no hire analysis), as `pmo prioritise --select` without them.
 */

const AREA = "prioritise";
const MKNAP = path.resolve(__dirname, "../../../shared/corpus/mknap/mknap1.txt");
const PUBLISHED = [3800, 8706.1, 4015, 6120, 12400, 10618, 16537];
const SIZES = [100, 200, 500];

export const area: BenchArea = {
  name: AREA,
  title: "HiGHS selection: mknap1 optima, 100/200/500-project portfolios",
  async run(ctx) {
    const rows: BenchRow[] = [];
    // Load the WebAssembly solver once outside the timings (every later call reuses it).
    await selectPortfolio(generatedPortfolio(10, { deps: 2 }), { frontier: false, hire: false });
    if (!existsSync(MKNAP)) {
      rows.push(
        skippedRow(AREA, "mknap1 instances", `${MKNAP} is absent (the shared corpus is missing).`, "= published", 4),
      );
    } else {
      ctx.log("prioritise: mknap1");
      const instances = parseMknap(readFileSync(MKNAP, "utf8"));
      for (const [k, instance] of instances.entries()) {
        const t = await timeOnce(() =>
          selectPortfolio(mknapToSelectionInput(instance), { frontier: false, hire: false }),
        );
        const published = PUBLISHED[k] ?? instance.optimum;
        const exact = t.result.status === "optimal" && sameObjective(t.result.objective, published);
        rows.push({
          area: AREA,
          name: `mknap1 #${k + 1} (${instance.n} items × ${instance.m})`,
          measured: { value: t.ms, unit: "ms" },
          measuredText: `${t.result.objective} in ${t.ms.toFixed(0)} ms`,
          baseline: { label: "published optimum", figure: { value: published, unit: "value" } },
          goal: "= published",
          issue: 4,
          verdict: exact ? "pass" : "FAIL",
          note: exact ? undefined : `status ${t.result.status}, objective ${t.result.objective}, gap ${t.result.gap}.`,
        });
      }
    }
    for (const n of SIZES) {
      ctx.log(`prioritise: ${n}-project portfolio`);
      const input = generatedPortfolio(n, { committed: 10 });
      const t = await timeOnce(() => selectPortfolio(input, { frontier: false, hire: false }));
      const r = t.result;
      const proven = r.status === "optimal" && (r.gap ?? 0) <= 1e-9;
      rows.push({
        area: AREA,
        name: `select ${n} projects (4 roles × 12 months)`,
        measured: { value: t.ms, unit: "ms" },
        measuredText: `${t.ms.toFixed(0)} ms, ${r.status}`,
        goal: n === 500 ? "proven optimal" : undefined,
        issue: 4,
        verdict: n === 500 ? (proven ? "pass" : "FAIL") : "info",
        note:
          `${r.selected.length} selected, objective ${r.objective.toFixed(2)}, cost ${r.cost.toLocaleString("en-GB")} of budget ` +
          `${(input.budget ?? 0).toLocaleString("en-GB")}, gap ${r.gap}, ${r.binding.length} binding constraints; HiGHS time ${r.solveSeconds.toFixed(2)} s.`,
      });
    }
    return rows;
  },
};
