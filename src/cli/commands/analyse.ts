import type { Command } from "commander";
import { parseDateFlag, today } from "../options";
import { runOnRegisterFile } from "../register-io";
import { Reporter, printResult } from "../reporter";

export function registerAnalyseCommand(program: Command): void {
  program
    .command("analyse")
    .alias("analyze")
    .description(
      "Critical path, earned value, computed RAG, roll-ups by month and financial year, milestones and benefits",
    )
    .argument("<register>", "register workbook (.xlsx or .xlsm) written by pmo build")
    .option(
      "--status-date <YYYY-MM-DD>",
      "status date for earned value and overdue milestones (default: reporting date)",
    )
    .option(
      "-o, --output <file>",
      "write a new workbook (.xlsx; .xlsm for a macro-enabled register): the register plus Schedule, Finance and Benefits Realisation sheets",
    )
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress on stderr")
    .action(async (file: string, opts: { statusDate?: string; output?: string; json?: boolean; quiet?: boolean }) => {
      const flag = parseDateFlag("--status-date", opts.statusDate);
      const reporter = new Reporter(opts.quiet);
      const { analyseStep } = await import("../../pipeline/steps/analyse");
      const outcome = await runOnRegisterFile(
        file,
        analyseStep,
        { statusDate: flag, today: today() },
        reporter,
        opts.output,
      );
      const { result, statusDate: when } = outcome.value;
      reporter.note(`Status date ${when.date} (${when.source}).`);
      printResult(
        !!opts.json,
        {
          statusDate: result.statusDate,
          statusDateSource: when.source,
          projects: result.projects,
          networks: result.networks.map((n) => ({
            start: n.start,
            durationDays: n.durationDays,
            criticalPath: n.criticalPath,
          })),
          cycles: result.cycles,
          rag: result.rag,
          rollups: result.rollups,
          milestones: result.milestones,
          benefits: result.benefits,
          scheduleHealth: result.scheduleHealth,
        },
        () => {
          const lines = [`Status date ${result.statusDate ?? "none"}.`];
          const big = [...result.networks].sort((a, b) => b.durationDays - a.durationDays).slice(0, 3);
          for (const n of big)
            lines.push(`Network from ${n.start}: ${n.durationDays} days; critical path ${n.criticalPath.join(" → ")}`);
          if (result.cycles.length)
            lines.push(`Dependency cycles (not scheduled): ${result.cycles.map((c) => c.join(" → ")).join("; ")}`);
          const greener = result.rag.filter((r) => r.declaredGreener.overall);
          lines.push(
            `${greener.length} projects declare a greener RAG than their numbers: ${greener.map((r) => r.id).join(", ")}`,
          );
          const spi = result.projects.filter((p) => p.spi !== null && p.spi < 0.9).length;
          const cpi = result.projects.filter((p) => p.cpi !== null && p.cpi < 0.9).length;
          lines.push(`Earned value: ${cpi} projects with CPI below 0.9, ${spi} with SPI below 0.9.`);
          return lines.join("\n");
        },
      );
    });
}
