import type { Command } from "commander";
import type { PrioritisationProblem } from "../../analysis/prioritise/types";
import type { PrioritisationMethod } from "../../pipeline/prioritise-use-case";
import { parseMoneyFlag, parseNumberFlag, today } from "../options";
import { withRegisterFile } from "../register-io";
import { EXIT, Reporter, UsageError, printResult } from "../reporter";

interface PrioritiseFlags {
  method: string;
  select?: boolean;
  objective: string;
  budget?: string;
  overAllocation?: string;
  timeLimit?: string;
  output?: string;
  saveScenario?: string;
  json?: boolean;
  quiet?: boolean;
}

/** One warning per criterion for blank values (a register of 500 projects should not print 500 lines). */
export function groupedProblems(problems: PrioritisationProblem[]): string[] {
  const blanks = new Map<string, PrioritisationProblem[]>();
  const out: string[] = [];
  for (const p of problems) {
    if (p.kind !== "missingValue") {
      out.push(p.message);
      continue;
    }
    const key = `${p.criterion}\u0000${p.column}`;
    blanks.set(key, [...(blanks.get(key) ?? []), p]);
  }
  for (const group of blanks.values()) {
    if (group.length <= 3) {
      out.push(...group.map((p) => p.message));
      continue;
    }
    const ids = group.map((p) => p.projectId).filter(Boolean);
    out.push(
      `${group.length} projects have no value in "${group[0].column}" (criterion "${group[0].criterion}"): ${ids.slice(0, 5).join(", ")}${ids.length > 5 ? ` and ${ids.length - 5} more` : ""}; they score 0 on that criterion.`,
    );
  }
  return out;
}

export function registerPrioritiseCommand(program: Command): void {
  program
    .command("prioritise")
    .alias("prioritize")
    .description(
      "Rank projects (weighted scoring, AHP or WSJF) and optionally select the best portfolio exactly (HiGHS MILP)",
    )
    .argument("<register>", "register workbook (.xlsx or .xlsm) written by pmo build")
    .option("--method <method>", "weighted | ahp | wsjf", "weighted")
    .option("--select", "choose the portfolio that maximises the objective under budget, capacity and dependencies")
    .option("--objective <column>", "score, or a numeric Projects column such as FinancialValue", "score")
    .option(
      "--budget <amount>",
      "total budget, e.g. 40m, £40m or 40,000,000 (default: the programmes' budget envelopes, else none)",
    )
    .option(
      "--save-scenario <name>",
      "with --select and -o: save the selection under this name on the Scenarios sheet (compare with pmo scenarios)",
    )
    .option("--over-allocation <pct>", "allowed capacity over-allocation in percent (default from PMO Settings, 0)")
    .option("--time-limit <seconds>", "solver time limit per solve (default from PMO Settings)")
    .option(
      "-o, --output <file>",
      "write a new workbook (.xlsx; .xlsm for a macro-enabled register): the register plus Prioritisation (and Selection) sheets",
    )
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress on stderr")
    .action(async (file: string, opts: PrioritiseFlags) => {
      if (!["weighted", "ahp", "wsjf"].includes(opts.method))
        throw new UsageError(`--method must be weighted, ahp or wsjf, not "${opts.method}".`);
      const budget = parseMoneyFlag("--budget", opts.budget);
      const over = parseNumberFlag(
        "--over-allocation",
        opts.overAllocation,
        (n) => n >= 0 && n <= 500,
        "a percentage from 0 to 500",
      );
      const timeLimit = parseNumberFlag("--time-limit", opts.timeLimit, (n) => n > 0, "a positive number of seconds");
      if (opts.saveScenario !== undefined) {
        if (!opts.select) throw new UsageError("--save-scenario saves a selection: add --select.");
        if (!opts.output)
          throw new UsageError(
            "--save-scenario writes the Scenarios sheet into a new workbook: add -o out.xlsx (the input register is never rewritten).",
          );
        const { scenarioNameProblem } = await import("../../domain/scenarios");
        const problem = scenarioNameProblem(opts.saveScenario);
        if (problem) throw new UsageError(`--save-scenario: ${problem}`);
      }
      const reporter = new Reporter(opts.quiet);
      const [{ bestSoFarMessage }, { selectionWorthSaving }, { prioritiseStep }, { saveScenarioStep }] =
        await Promise.all([
          import("../../analysis/prioritise/selection-result"),
          import("../../domain/scenarios"),
          import("../../pipeline/steps/prioritise"),
          import("../../pipeline/steps/scenarios"),
        ]);
      const overAllocation = over === undefined ? undefined : over / 100;
      const run = await withRegisterFile(file, reporter, opts.output, async (runHere) => {
        const ranked = await runHere(prioritiseStep, {
          method: opts.method as PrioritisationMethod,
          select: opts.select,
          objective: opts.objective,
          budget,
          overAllocation,
          timeLimitSeconds: timeLimit,
          solver: {
            onProgress: (p) =>
              reporter.progress({ stage: `Selection: ${p.phase}`, done: p.done, total: p.total, message: p.message }),
            // A long solve shows what it has so far (the bar redraws from inside HiGHS's callback).
            onIncumbent: (best) => {
              if (best.status === undefined)
                reporter.progress({
                  stage: "Selection: solve",
                  done: 0,
                  total: 1,
                  message: bestSoFarMessage(best, opts.objective ?? "score"),
                });
            },
          },
        });
        const result = ranked.value;
        for (const n of result.notes) reporter.note(`note: ${n}`);
        for (const message of groupedProblems(result.ranking.problems)) reporter.warn(message);
        const nothingToSave = result.selection && !selectionWorthSaving(result.selection);
        if (opts.saveScenario !== undefined && nothingToSave)
          reporter.warn(
            `Scenario "${opts.saveScenario}" not saved: the selection is ${result.selection!.status} and chooses no project.`,
          );
        else if (opts.saveScenario !== undefined && result.selection) {
          const saved = await runHere(saveScenarioStep, {
            name: opts.saveScenario,
            selection: result.selection,
            ranWith: { method: result.method, objective: opts.objective, budget, overAllocation },
            today: today(),
          });
          for (const p of saved.value.problems) reporter.warn(`${p.sheet}!${p.cell}: ${p.message}`);
          reporter.note(
            `Scenario "${saved.value.scenario.name}" ${saved.value.replaced ? "replaced" : "saved"} on the Scenarios sheet.`,
          );
        }
        return result;
      });
      const s = run.selection;
      if (s?.status === "infeasible" || s?.unavailable) process.exitCode = EXIT.findingsOrPartial;
      const selectionJson = s
        ? {
            status: s.status,
            ...(s.unavailable ? { unavailable: s.unavailable } : {}),
            objective: s.objective,
            cost: s.cost,
            budget: s.budget,
            selected: s.selected,
            binding: s.binding,
            frontier: s.frontier,
            hire: s.hire,
            ...(s.conflicts ? { conflicts: s.conflicts } : {}),
            gap: s.gap,
            solveSeconds: s.solveSeconds,
            notes: s.notes,
            problems: s.problems,
          }
        : undefined;
      printResult(
        !!opts.json,
        {
          method: run.method,
          ...(run.ahp
            ? {
                ahp: {
                  weights: run.ahp.weights,
                  lambdaMax: run.ahp.lambdaMax,
                  ci: run.ahp.ci,
                  cr: run.ahp.cr,
                  consistent: run.ahp.consistent,
                },
              }
            : {}),
          ranking: run.ranking.ranking.map((r) => ({
            id: r.id,
            name: run.names[r.id] || null,
            score: r.score,
            rank: r.rank,
            rankRange: r.rankRange,
            breakdown: r.breakdown,
          })),
          problems: run.ranking.problems,
          notes: run.notes,
          ...(selectionJson
            ? { selection: selectionJson, status: s!.status, objective: s!.objective, selected: s!.selected }
            : {}),
        },
        () => {
          const lines = [`Ranking (${run.method}):`];
          // People know projects by name: "Payroll upgrade (PRJ-0012)"; ids alone stay in --json.
          const label = (id: string) => (run.names[id] ? `${run.names[id]} (${id})` : id);
          const shown = run.ranking.ranking.slice(0, 25);
          const width = Math.min(60, Math.max(12, ...shown.map((r) => label(r.id).length)));
          for (const r of shown) {
            lines.push(
              `${String(r.rank).padStart(4)}. ${label(r.id).padEnd(width)} ${r.score.toFixed(1).padStart(6)}  (rank range ${r.rankRange[0]}–${r.rankRange[1]})`,
            );
          }
          if (run.ranking.ranking.length > 25)
            lines.push(`… ${run.ranking.ranking.length - 25} more (use --json or -o)`);
          if (s) {
            lines.push(
              `Selection: ${s.status}; ${s.selected.length} projects, ${s.objectiveName} ${s.objective.toFixed(2)}, cost ${s.cost.toLocaleString("en-GB")}${s.budget !== null ? ` of ${s.budget.toLocaleString("en-GB")}` : ""}.`,
            );
            if (s.binding.length) lines.push(`Binding: ${s.binding.map((b) => b.constraint).join(", ")}`);
            for (const b of s.binding.filter((x) => x.blocks.length > 0))
              lines.push(`  ${b.constraint} keeps out ${b.blocks.map(label).join(", ")}`);
            if (s.conflicts) lines.push(`Conflicting choices: ${JSON.stringify(s.conflicts)}`);
            for (const h of s.hire) lines.push(`One more ${h.role} FTE would add ${h.gain.toFixed(2)}`);
          }
          return lines.join("\n");
        },
      );
    });
}
