import type { Command } from "commander";
import { parseDateFlag, parseProfile, today } from "../options";
import { runOnRegisterFile } from "../register-io";
import { EXIT, Reporter, UsageError, printResult } from "../reporter";

const RANK = { info: 0, warning: 1, error: 2 } as const;

export function registerValidateCommands(program: Command): void {
  program
    .command("rules")
    .description("List the standards' rule catalogue with each rule's severity per PMO profile")
    .option("--json", "print one JSON document")
    .action(async (opts: { json?: boolean }) => {
      const { listRules } = await import("../../standards/catalogue");
      const { rules } = listRules();
      printResult(!!opts.json, { rules }, () =>
        rules
          .map(
            (r) =>
              `${r.id.padEnd(36)} ${r.family.padEnd(12)} ${r.severity.supportive}/${r.severity.controlling}/${r.severity.directive}  [${r.source}] ${r.description}`,
          )
          .join("\n"),
      );
    });

  program
    .command("validate")
    .description("Check the register against the PMO's standards (PMO Settings) and list findings with the cell to fix")
    .argument("<register>", "register workbook (.xlsx or .xlsm) written by pmo build")
    .option("--profile <profile>", "supportive | controlling | directive (overrides PMO Settings for this run)")
    .option("--reporting-date <YYYY-MM-DD>", "date that staleness and overdue checks use")
    .option("--fail-on <severity>", "exit 1 when a finding at or above this severity remains: error | warning")
    .option(
      "-o, --output <file>",
      "write a new workbook (.xlsx; .xlsm for a macro-enabled register): the register plus a Findings sheet",
    )
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress on stderr")
    .action(
      async (
        file: string,
        opts: {
          profile?: string;
          reportingDate?: string;
          failOn?: string;
          output?: string;
          json?: boolean;
          quiet?: boolean;
        },
      ) => {
        const profile = parseProfile(opts.profile);
        const reportingDate = parseDateFlag("--reporting-date", opts.reportingDate);
        if (opts.failOn !== undefined && opts.failOn !== "error" && opts.failOn !== "warning") {
          throw new UsageError(`--fail-on must be error or warning, not "${opts.failOn}".`);
        }
        const reporter = new Reporter(opts.quiet);
        const { validateStep } = await import("../../pipeline/steps/validate");
        const outcome = await runOnRegisterFile(
          file,
          validateStep,
          { profile, reportingDate, today: today() },
          reporter,
          opts.output,
        );
        const { result } = outcome.value;
        for (const n of result.notApplicable) reporter.note(`note: ${n.rule} not applied: ${n.reason}`);
        const failing = opts.failOn
          ? result.findings.some((f) => RANK[f.severity] >= RANK[opts.failOn as "error" | "warning"])
          : false;
        if (failing) process.exitCode = EXIT.findingsOrPartial;
        printResult(
          !!opts.json,
          {
            profile: result.profile,
            reportingDate: result.reportingDate,
            reportingDateSource: result.reportingDateSource,
            score: result.score.portfolio,
            scores: result.score,
            compliant: result.compliant,
            counts: result.counts,
            findings: result.findings.map((f) => ({
              rule: f.rule,
              severity: f.severity,
              entity: f.entity,
              id: f.id,
              field: f.field,
              sheet: f.sheet,
              cell: f.cell,
              ...(f.file ? { file: f.file } : {}),
              message: f.message,
              ...(f.fix ? { fix: f.fix } : {}),
            })),
            notApplicable: result.notApplicable,
          },
          () => {
            const c = result.counts;
            const lines = [
              `Profile ${result.profile}, reporting date ${result.reportingDate ?? "none"} (${result.reportingDateSource}). Data-quality score ${(result.score.portfolio * 100).toFixed(1)} %.`,
              `${c.error} errors, ${c.warning} warnings, ${c.info} notes.${result.stamp ? " NOT COMPLIANT (directive profile)." : ""}`,
            ];
            for (const f of result.findings.slice(0, 40))
              lines.push(`${f.severity.padEnd(7)} ${f.sheet}!${f.cell ?? ""}  ${f.message}`);
            if (result.findings.length > 40)
              lines.push(`… ${result.findings.length - 40} more (use --json, or -o to write the Findings sheet)`);
            return lines.join("\n");
          },
        );
      },
    );
}
