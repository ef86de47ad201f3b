import type { Command } from "commander";
import { withRegisterFile } from "../register-io";
import { Reporter, UsageError, printResult } from "../reporter";

const pct = (u: number | null) => (u === null ? "  n/a" : `${Math.round(u * 100)}%`.padStart(5));

export function registerCapacityCommand(program: Command): void {
  program
    .command("capacity")
    .description("Demand against supply by role and month (FTE-months), hot cells, and a levelling proposal")
    .argument("<register>", "register workbook (.xlsx or .xlsm) written by pmo build")
    .option("--from <YYYY-MM>", "first month of the horizon (default: first month of the allocations)")
    .option("--months <n>", "number of months (default: to the last month of the allocations)")
    .option("--scenario <scenario>", "all | selected (only the projects the portfolio selection picks)", "all")
    .option("--level", "propose start shifts for lower-priority projects so demand fits supply")
    .option(
      "-o, --output <file>",
      "write a new workbook (.xlsx; .xlsm for a macro-enabled register): the register plus Capacity (and Levelling) sheets",
    )
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress on stderr")
    .action(
      async (
        file: string,
        opts: {
          from?: string;
          months?: string;
          scenario: string;
          level?: boolean;
          output?: string;
          json?: boolean;
          quiet?: boolean;
        },
      ) => {
        if (opts.from && !/^\d{4}-(0[1-9]|1[0-2])$/.test(opts.from))
          throw new UsageError(`--from must be a month as YYYY-MM, not "${opts.from}".`);
        const months = opts.months === undefined ? undefined : Number(opts.months);
        if (months !== undefined && (!Number.isInteger(months) || months < 1 || months > 120))
          throw new UsageError(`--months must be a whole number from 1 to 120, not "${opts.months}".`);
        if (opts.scenario !== "all" && opts.scenario !== "selected")
          throw new UsageError(`--scenario must be all or selected, not "${opts.scenario}".`);
        const reporter = new Reporter(opts.quiet);
        const [{ capacityStep, capacityJson }, { prioritiseStep }] = await Promise.all([
          import("../../pipeline/steps/capacity"),
          import("../../pipeline/steps/prioritise"),
        ]);
        const run = await withRegisterFile(file, reporter, opts.output, async (runHere) => {
          // --scenario selected and --level: the portfolio the exact selection picks and its ranking
          // (the levelling order), from the same register; computed only, never written.
          let wanted: { ids: Set<string>; priority: string[] } | undefined;
          if (opts.scenario === "selected" || opts.level) {
            const ranked = await runHere(prioritiseStep, { method: "weighted", select: true }, { write: false });
            const s = ranked.value.selection;
            if (s && s.status !== "optimal" && s.status !== "feasible")
              reporter.warn(`The portfolio selection is ${s.status}; the selected scenario holds no projects.`);
            wanted = { ids: new Set(s?.selected ?? []), priority: ranked.value.ranking.ranking.map((r) => r.id) };
          }
          const outcome = await runHere(capacityStep, {
            from: opts.from,
            months,
            selected: opts.scenario === "selected" ? wanted?.ids : undefined,
            level: opts.level,
            priority: wanted?.priority,
          });
          return outcome.value;
        });
        printResult(!!opts.json, capacityJson(run), () => {
          const lines = [
            `Capacity (${run.scenario}), ${run.plan.months[0]} to ${run.plan.months[run.plan.months.length - 1]}: utilisation by role`,
          ];
          lines.push(`${"Role".padEnd(20)} ${run.plan.months.map((m) => m.slice(2)).join(" ")}`);
          for (const [role, rc] of Object.entries(run.plan.roles))
            lines.push(`${role.slice(0, 20).padEnd(20)} ${rc.utilisation.map(pct).join(" ")}`);
          lines.push(
            `${run.plan.hotspots.filter((h) => h.band === "red" || h.band === "no capacity").length} over-allocated cells; total overload ${run.plan.totalOverload.toFixed(2)} FTE-months.`,
          );
          for (const h of run.plan.hotspots.slice(0, 5)) {
            lines.push(
              `  ${h.role} ${h.month}: ${h.demand.toFixed(2)} demand vs ${h.supply.toFixed(2)} supply — ${h.topProjects.map((p) => p.id).join(", ")}`,
            );
          }
          if (run.levelling) {
            lines.push(
              `Levelling: ${run.levelling.shifts.length} shifts, overload ${run.levelling.overloadBefore.toFixed(2)} → ${run.levelling.overloadAfter.toFixed(2)} FTE-months.`,
            );
            for (const s of run.levelling.shifts)
              lines.push(
                `  ${s.projectId} +${s.months} month(s) → starts ${s.newStart}, removes ${s.overloadRemoved.toFixed(2)}`,
              );
          }
          for (const p of run.plan.problems.slice(0, 5)) lines.push(`note: ${p.message}`);
          return lines.join("\n");
        });
      },
    );
}
