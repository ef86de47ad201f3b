import type { Command } from "commander";
import { parseDateFlag, today } from "../options";
import { withRegisterFile } from "../register-io";
import { EXIT, Reporter, UsageError, printResult } from "../reporter";

const resultText = (pass: boolean | null): string => (pass === null ? "n/a" : pass ? "pass" : "FAIL");

export function registerScheduleHealthCommand(program: Command): void {
  program
    .command("schedule-health")
    .description(
      "The DCMA 14-point schedule assessment for the portfolio or one programme: each check's count, value against its threshold, pass or fail",
    )
    .argument("<register>", "register workbook (.xlsx) written by pmo build")
    .option("--programme <id>", "one programme's checks instead of the portfolio's")
    .option("--status-date <YYYY-MM-DD>", "status date for the date checks (default: reporting date)")
    .option("--fail-on <result>", "exit 1 when a check in the scope fails: fail")
    .option("-o, --output <file>", "write a new workbook: the register plus the Schedule health sheet")
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress on stderr")
    .action(
      async (
        file: string,
        opts: {
          programme?: string;
          statusDate?: string;
          failOn?: string;
          output?: string;
          json?: boolean;
          quiet?: boolean;
        },
      ) => {
        const flag = parseDateFlag("--status-date", opts.statusDate);
        if (opts.failOn !== undefined && opts.failOn !== "fail")
          throw new UsageError(`--fail-on must be fail, not "${opts.failOn}".`);
        if (opts.programme !== undefined && opts.programme.trim() === "")
          throw new UsageError("--programme needs a programme id (as in the Programmes sheet's Id column).");
        const reporter = new Reporter(opts.quiet);
        const { scheduleHealthStep } = await import("../../pipeline/steps/schedule-health");
        const { run, view } = await withRegisterFile(file, reporter, opts.output, async (runHere) => {
          const outcome = await runHere(scheduleHealthStep, { statusDate: flag, today: today() });
          const run = outcome.value;
          const wanted = opts.programme?.trim();
          const view = wanted === undefined ? run.portfolio : run.byProgramme.find((v) => v.scope === wanted);
          // Thrown before -o is written: a mistyped programme leaves no file behind.
          if (!view)
            throw new UsageError(
              `${file}: no programme "${wanted}" has projects or milestones. Programmes with a schedule: ${
                run.byProgramme.map((v) => v.scope).join(", ") || "none"
              }.`,
            );
          return { run, view };
        });
        if (run.noStatusDate)
          reporter.warn(
            `${file}: no status date (no --status-date, no ReportingDate on PMO Settings, no StatusDate in the register); the date checks use today, ${run.statusDate}.`,
          );
        else reporter.note(`Status date ${run.statusDate} (${run.statusDateSource}).`);
        printResult(
          !!opts.json,
          {
            scope: view.scope,
            statusDate: run.statusDate,
            statusDateSource: run.statusDateSource,
            noStatusDate: run.noStatusDate,
            passed: view.passed,
            failed: view.failed,
            metrics: view.metrics,
          },
          () => {
            const lines = [
              `Schedule health, ${view.scope === "Portfolio" ? "portfolio" : `programme ${view.scope}`}, status date ${run.statusDate}: ${view.passed} passed, ${view.failed} failed, ${view.metrics.length - view.passed - view.failed} not applicable.`,
            ];
            for (const m of view.metrics) {
              const measured = `${m.count} of ${m.denominator}`;
              lines.push(
                `${String(m.number).padStart(2)}. ${m.name.padEnd(34)} ${measured.padEnd(12)} ${m.valueText.padStart(7)} vs ${m.thresholdText.padEnd(13)} ${resultText(m.pass)}${m.note ? ` (${m.note})` : ""}`,
              );
            }
            const failing = view.metrics.filter((m) => m.pass === false);
            if (failing.length)
              lines.push(
                `Records behind the failing checks: --json lists them; -o writes them with links to their cells on the Schedule health sheet.`,
              );
            return lines.join("\n");
          },
        );
        if (opts.failOn === "fail" && view.failed > 0) process.exitCode = EXIT.findingsOrPartial;
      },
    );
}
