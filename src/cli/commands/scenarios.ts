import type { Command } from "commander";
import type { SavedScenario } from "../../domain/scenarios";
import { withRegisterFile } from "../register-io";
import { EXIT, Reporter, UsageError, printResult } from "../reporter";

interface ScenariosFlags {
  compare?: string[];
  json?: boolean;
  quiet?: boolean;
}

const money = (n: number): string => n.toLocaleString("en-GB", { maximumFractionDigits: 0 });
const budgetText = (b: SavedScenario["budget"]): string =>
  typeof b === "number" ? money(b) : b === "envelopes" ? "programme envelopes" : "no budget";

/** `pmo scenarios register.xlsx [--compare A B]`: the saved selections, or two of them side by side. */
export function registerScenariosCommand(program: Command): void {
  program
    .command("scenarios")
    .description("List the portfolio selections saved on the Scenarios sheet, or compare two side by side")
    .argument("<register>", "register workbook (.xlsx) with a Scenarios sheet (pmo prioritise --save-scenario)")
    .option("--compare <names...>", "two scenario names: which projects differ, objective, cost and capacity use")
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress on stderr")
    .action(async (file: string, opts: ScenariosFlags) => {
      if (opts.compare && opts.compare.length !== 2)
        throw new UsageError(`--compare takes two scenario names, not ${opts.compare.length}.`);
      const reporter = new Reporter(opts.quiet);
      const [{ listScenariosStep, compareScenariosStep }, { ScenarioError }] = await Promise.all([
        import("../../pipeline/steps/scenarios"),
        import("../../pipeline/errors"),
      ]);
      const { listed, compared } = await withRegisterFile(file, reporter, undefined, async (run) => {
        const list = (await run(listScenariosStep, {})).value;
        if (!opts.compare) return { listed: list, compared: null };
        try {
          const [a, b] = opts.compare;
          return { listed: list, compared: (await run(compareScenariosStep, { a, b })).value };
        } catch (err) {
          if (err instanceof ScenarioError) throw new UsageError(`${file}: ${err.message}`);
          throw err;
        }
      });
      const { scenarios, problems } = listed;
      for (const p of problems) reporter.warn(`${p.sheet}!${p.cell}: ${p.message}`);
      if (!opts.compare) {
        if (scenarios.length === 0) {
          reporter.note(
            `${file} has no saved scenarios. Save one with pmo prioritise --select --save-scenario NAME -o out.xlsx.`,
          );
          process.exitCode = EXIT.nothing;
        }
        printResult(!!opts.json, { scenarios, problems }, () =>
          scenarios
            .map(
              (s) =>
                `${s.name}: ${s.status}, ${s.selected.length} projects, ${s.objective} ${s.objectiveValue.toFixed(2)}, cost ${money(s.cost)} (${s.method}, ${budgetText(s.budget)}, over-allocation ${Math.round(s.overAllocation * 100)} %, saved ${s.savedOn})`,
            )
            .join("\n"),
        );
        return;
      }
      const c = compared!;
      const a = c.saved.a;
      for (const n of c.notes) reporter.note(`note: ${n}`);
      printResult(!!opts.json, c, () => {
        const lines = [
          `${c.a} → ${c.b} (priced on this register):`,
          `  ${a.objective}: ${c.now.a.objective.toFixed(2)} → ${c.now.b.objective.toFixed(2)} (${c.objectiveDelta >= 0 ? "+" : ""}${c.objectiveDelta.toFixed(2)})`,
          `  cost: ${money(c.now.a.cost)} → ${money(c.now.b.cost)} (${c.costDelta >= 0 ? "+" : ""}${money(c.costDelta)})`,
          `  only in ${c.a}: ${c.onlyInA.join(", ") || "none"}`,
          `  only in ${c.b}: ${c.onlyInB.join(", ") || "none"}`,
          `  in both: ${c.inBoth.length} projects`,
        ];
        for (const r of c.largestChanges)
          lines.push(`  ${r.role}: largest change ${r.delta >= 0 ? "+" : ""}${r.delta.toFixed(1)} FTE in ${r.month}`);
        return lines.join("\n");
      });
    });
}
