import type { Command } from "commander";
import * as path from "path";
import type { PrioritisationMethod } from "../../pipeline/prioritise-use-case";
import type { SummaryOutcome, SummaryStepOptions } from "../../pipeline/steps/summary";
import { parseDateFlag, parseMoneyFlag, parseNumberFlag, parseProfile, today } from "../options";
import { runOnRegisterFile } from "../register-io";
import { EXIT, Reporter, UsageError, printResult } from "../reporter";
import { buildJson, buildText } from "./build";

interface SummaryFlags {
  output: string;
  reportingDate?: string;
  profile?: string;
  method: string;
  select: boolean;
  budget?: string;
  timeLimit?: string;
  json?: boolean;
  quiet?: boolean;
}

function withSummaryOptions(command: Command): Command {
  return command
    .option(
      "--reporting-date <YYYY-MM-DD>",
      "the date the pack is as at (default: PMO Settings, else latest status date)",
    )
    .option("--profile <profile>", "supportive | controlling | directive (overrides PMO Settings for this run)")
    .option("--method <method>", "prioritisation: weighted | ahp | wsjf", "weighted")
    .option("--no-select", "skip the exact portfolio selection (and the efficient-frontier chart)")
    .option(
      "--budget <amount>",
      "selection budget, e.g. 40m, £40m or 40,000,000 (default: the programmes' budget envelopes, else none)",
    )
    .option("--time-limit <seconds>", "solver time limit per solve (default from PMO Settings)")
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress on stderr");
}

function summaryOptions(opts: SummaryFlags, reporter: Reporter): Omit<SummaryStepOptions, "beside" | "standalone"> {
  if (!["weighted", "ahp", "wsjf"].includes(opts.method))
    throw new UsageError(`--method must be weighted, ahp or wsjf, not "${opts.method}".`);
  return {
    today: today(),
    reportingDate: parseDateFlag("--reporting-date", opts.reportingDate),
    profile: parseProfile(opts.profile),
    method: opts.method as PrioritisationMethod,
    select: opts.select,
    budget: parseMoneyFlag("--budget", opts.budget),
    timeLimitSeconds: parseNumberFlag("--time-limit", opts.timeLimit, (n) => n > 0, "a positive number of seconds"),
    solver: {
      onProgress: (p) =>
        reporter.progress({ stage: `Selection: ${p.phase}`, done: p.done, total: p.total, message: p.message }),
    },
  };
}

function summaryJson({ pack: run }: SummaryOutcome, files: Record<string, string>) {
  const v = run.figures;
  const s = run.figures.selection;
  return {
    ...files,
    reportingDate: v.reportingDate,
    profile: v.profile,
    score: v.score,
    compliant: v.compliant,
    counts: v.counts,
    sheets: run.spec.sheets.map((x) => x.name),
    charts: run.spec.sheets.reduce((n, x) => n + x.blocks.filter((b) => b.kind === "chart").length, 0),
    portfolio: v.portfolio,
    ...(s ? { selection: { status: s.status, objective: s.objective, cost: s.cost, selected: s.selected } } : {}),
    notes: run.notes,
  };
}

function summaryText({ pack: run }: SummaryOutcome, written: string[]): string {
  const v = run.figures;
  const charts = run.spec.sheets.reduce((n, x) => n + x.blocks.filter((b) => b.kind === "chart").length, 0);
  const s = run.figures.selection;
  return [
    `Summary as at ${v.reportingDate}: ${run.spec.sheets.length} sheets, ${charts} charts.`,
    `Data quality ${(v.score * 100).toFixed(1)} % (${v.counts.error} errors, ${v.counts.warning} warnings; profile ${v.profile})${v.stamp ? " NOT COMPLIANT" : ""}.`,
    ...(s ? [`Selection: ${s.status}, ${s.selected.length} projects.`] : []),
    ...written.map((w) => `Wrote ${w}`),
  ].join("\n");
}

export function registerSummaryCommands(program: Command): void {
  withSummaryOptions(
    program
      .command("summary")
      .description(
        "Write the summary workbook (cover, dashboard with charts, a sheet per programme, analyses) for a register",
      )
      .argument("<register>", "register workbook (.xlsx or .xlsm) written by pmo build")
      .requiredOption("-o, --output <file>", "summary workbook to write (.xlsx)"),
  ).action(async (file: string, opts: SummaryFlags) => {
    // The summary is always a new workbook, with no VBA project: Excel refuses an .xlsm that is not macro-enabled.
    if (/\.xlsm$/i.test(opts.output))
      throw new UsageError(
        `-o ${opts.output}: the summary is a new workbook with no macros, and Excel opens an .xlsm only if it is macro-enabled. ` +
          `Name it ${opts.output.replace(/\.xlsm$/i, ".xlsx")}.`,
      );
    if (!/\.xlsx$/i.test(opts.output)) throw new UsageError(`-o must name an .xlsx file (got "${opts.output}").`);
    await (await import("../file-guards")).refuseOutputOverInput(opts.output, [file], "-o");
    const reporter = new Reporter(opts.quiet);
    const options = summaryOptions(opts, reporter);
    const [{ summaryStep }, { GuardedOutput }, { xlsxFileHost }] = await Promise.all([
      import("../../pipeline/steps/summary"),
      import("../file-guards"),
      import("../../workbook/xlsx/file-host"),
    ]);
    const guard = await GuardedOutput.capture(opts.output);
    const { value } = await runOnRegisterFile(
      file,
      summaryStep,
      { ...options, beside: "none", standalone: xlsxFileHost },
      reporter,
    );
    await guard.write(value.bytes!, { note: (m) => reporter.note(m) });
    reporter.stop();
    for (const n of value.pack.notes) reporter.note(`note: ${n}`);
    if (value.pack.figures.selection?.unavailable) process.exitCode = EXIT.findingsOrPartial;
    const out = path.resolve(opts.output);
    printResult(!!opts.json, summaryJson(value, { summary: out }), () => summaryText(value, [out]));
  });

  withSummaryOptions(
    program
      .command("run")
      .description(
        "The whole job: build the register from files, validate, prioritise, plan capacity, analyse, and write register.xlsx and summary.xlsx",
      )
      .argument("<inputs...>", "files (.xlsx, .csv) or folders to read")
      .requiredOption("-o, --output <folder>", "folder for register.xlsx and summary.xlsx"),
  ).action(async (inputs: string[], opts: SummaryFlags) => {
    const reporter = new Reporter(opts.quiet);
    const options = summaryOptions(opts, reporter);
    const registerPath = path.join(opts.output, "register.xlsx");
    const summaryPath = path.join(opts.output, "summary.xlsx");
    const [{ gatherInputs, loadReadable }, { buildRegisterFromFiles }, { summaryStep }, { runStep }, guard] =
      await Promise.all([
        import("../input-files"),
        import("../../pipeline/steps/build"),
        import("../../pipeline/steps/summary"),
        import("../../pipeline/steps/run-step"),
        import("../file-guards"),
      ]);
    const { xlsxFileHost } = await import("../../workbook/xlsx/file-host");
    const { GuardedOutput, refuseOutputOverFolderInput, refuseOutputOverInput } = guard;
    const { NotARegisterError } = await import("../../pipeline/errors");
    const { files, missing, excludedFound } = await gatherInputs(inputs, [registerPath, summaryPath]);
    for (const out of [registerPath, summaryPath]) await refuseOutputOverInput(out, files, "-o");
    await refuseOutputOverFolderInput(excludedFound, "-o");
    const guards = await Promise.all([GuardedOutput.capture(registerPath), GuardedOutput.capture(summaryPath)]);
    const loaded = await loadReadable(files, missing);
    for (const m of missing) reporter.warn(m.message);
    if (loaded.length === 0) {
      process.exitCode = EXIT.nothing;
      printResult(!!opts.json, { inputs: missing, register: {} }, () => "Nothing was read; nothing written.");
      return;
    }
    const built = await buildRegisterFromFiles(xlsxFileHost, loaded, { progress: reporter.progress });
    reporter.stop();
    if (!built.outcome.inputs.some((i) => i.status !== "failed")) {
      process.exitCode = EXIT.nothing;
      printResult(!!opts.json, buildJson(built.outcome, missing), () =>
        buildText(built.outcome, missing, "(not written)"),
      );
      return;
    }
    // The register file gets the analysis sheets too, so analysts can work from one workbook.
    const workbook = await xlsxFileHost.openWorkbook("register.xlsx", built.bytes);
    let summary;
    try {
      summary = await runStep(
        workbook,
        summaryStep,
        { ...options, beside: "analyses", standalone: xlsxFileHost },
        { progress: reporter.progress },
      );
    } catch (err) {
      if (err instanceof NotARegisterError) {
        process.exitCode = EXIT.nothing;
        printResult(!!opts.json, buildJson(built.outcome, missing), () =>
          [buildText(built.outcome, missing, "(not written)"), err.message].join("\n"),
        );
        return;
      }
      throw err;
    }
    const registerBytes = await workbook.toBytes();
    await guards[0].write(registerBytes, { note: (m) => reporter.note(m) });
    await guards[1].write(summary.value.bytes!, { note: (m) => reporter.note(m) });
    reporter.stop();
    for (const w of [...built.outcome.warnings, ...summary.warnings]) reporter.warn(w);
    for (const n of summary.value.pack.notes) reporter.note(`note: ${n}`);
    if (
      missing.length > 0 ||
      built.outcome.inputs.some((i) => i.status !== "read") ||
      summary.value.pack.figures.selection?.unavailable
    )
      process.exitCode = EXIT.findingsOrPartial;
    const written = [path.resolve(registerPath), path.resolve(summaryPath)];
    printResult(
      !!opts.json,
      {
        build: buildJson(built.outcome, missing),
        ...summaryJson(summary.value, { register: written[0], summary: written[1] }),
      },
      () => [buildText(built.outcome, missing, written[0]), summaryText(summary.value, [written[1]])].join("\n"),
    );
  });
}
