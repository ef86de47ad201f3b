import type { Command } from "commander";
import * as path from "path";
import { promises as fs } from "fs";
import type { BuildOutcome } from "../../pipeline/steps/build";
import { EXIT, Reporter, UsageError, printResult } from "../reporter";
import { outputExtensionProblem } from "../register-io";

export function buildJson(outcome: BuildOutcome, missing: { path: string; message: string }[]) {
  return {
    inputs: [
      ...missing.map((m) => ({
        file: m.path,
        status: "failed" as const,
        sheets: [],
        problems: [{ severity: "error", message: m.message }],
      })),
      ...outcome.inputs,
    ],
    register: outcome.register,
    ...(outcome.changes ? { changes: outcome.changes } : {}),
    warnings: outcome.warnings,
  };
}

export function buildText(outcome: BuildOutcome, missing: { path: string; message: string }[], output: string): string {
  const lines: string[] = [];
  for (const m of missing) lines.push(`✗ ${m.message}`);
  for (const i of outcome.inputs) {
    const mark = i.status === "read" ? "✓" : i.status === "partial" ? "~" : "✗";
    const sheets = i.sheets
      .map((s) => `${s.sheet} → ${s.entity ?? "skipped"}${s.entity ? ` (${s.rows})` : ""}`)
      .join("; ");
    lines.push(`${mark} ${i.file}: ${sheets || "nothing read"}`);
    const errors = i.problems.filter((p) => p.severity === "error");
    for (const p of errors.slice(0, 5)) lines.push(`    ${p.message}`);
    if (errors.length > 5) lines.push(`    … and ${errors.length - 5} more (see the Mapping sheet)`);
    // File-level warnings (encoding, an unclosed quote that swallowed rows) are printed, not only counted.
    for (const p of i.problems.filter((p) => p.severity === "warning" && !p.cell && !p.sheet).slice(0, 5))
      lines.push(`    ⚠ ${p.message}`);
    const warnings = i.problems.length - errors.length;
    if (warnings > 0) lines.push(`    ${warnings} value(s) kept as text or noted: see the Mapping sheet`);
  }
  const counts = Object.entries(outcome.register)
    .filter(([, n]) => n > 0)
    .map(([e, n]) => `${n} ${e}`)
    .join(", ");
  lines.push(`Register: ${counts || "empty"} → ${output}`);
  if (outcome.changes) {
    const c = outcome.changes;
    lines.push(
      `Changes: ${c.added.length} added, ${c.updated.length} updated, ${c.conflicts.length} hand edits kept, ${c.kept.length} not in the new files (kept)`,
    );
  }
  return lines.join("\n");
}

export function registerBuildCommand(program: Command): void {
  program
    .command("build")
    .description("Read trackers, status workbooks and CSVs and write the canonical PMO register")
    .argument("<inputs...>", "files (.xlsx, .xlsm, .csv…) or folders to read")
    .requiredOption(
      "-o, --output <file>",
      "register workbook to write (.xlsx; .xlsm with --into a macro-enabled workbook)",
    )
    .option("--into <existing>", "merge into an existing register, keeping analysts' edits (upsert by id)")
    .option(
      "--date-order <order>",
      "how to read ambiguous text dates: dmy or mdy (default: from each column, else dmy)",
    )
    .option("--mapping <file>", "saved header mappings (JSON: { <header signature>: { <header>: <field|null> } })")
    .option(
      "--money-unit <column=unit>",
      "the unit a money column's figures are in: m, k or 1 (repeatable; COLUMN is its header or field name)",
      (value: string, previous: string[] = []) => [...previous, value],
    )
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress on stderr")
    .action(
      async (
        inputs: string[],
        opts: { output: string; into?: string; dateOrder?: string; mapping?: string; json?: boolean; quiet?: boolean },
      ) => {
        const reporter = new Reporter(opts.quiet);
        if (opts.dateOrder && opts.dateOrder !== "dmy" && opts.dateOrder !== "mdy") {
          throw new UsageError(`--date-order must be dmy or mdy, not "${opts.dateOrder}".`);
        }
        if (!/\.xls[xm]$/i.test(opts.output))
          throw new UsageError(
            `--output must name an .xlsx file, or an .xlsm with --into a macro-enabled workbook (got "${opts.output}").`,
          );
        // A new register holds no VBA project: Excel refuses an .xlsm that is not macro-enabled.
        if (!opts.into && /\.xlsm$/i.test(opts.output))
          throw new UsageError(
            `--output ${opts.output}: a new register has no macros, and Excel opens an .xlsm only if it is macro-enabled. ` +
              `Name it ${opts.output.replace(/\.xlsm$/i, ".xlsx")}, or add --into with your macro-enabled workbook to write the register into it.`,
          );
        let mappings: Record<string, Record<string, string | null>> | undefined;
        if (opts.mapping && /^\s*[[{]/.test(opts.mapping))
          throw new UsageError(
            `--mapping takes the path of a JSON file, not JSON text: save ${opts.mapping.trim().slice(0, 40)} in a file (e.g. mapping.json) and pass --mapping mapping.json.`,
          );
        if (opts.mapping) {
          try {
            mappings = JSON.parse(await fs.readFile(opts.mapping, "utf8"));
          } catch (err) {
            throw new UsageError(
              `${opts.mapping}: could not read the mapping file (${(err as Error).message}). It must be JSON.`,
            );
          }
        }
        const [{ gatherInputs, loadFile, loadReadable }, { buildRegisterFromFiles }, guards, { xlsxFileHost }] =
          await Promise.all([
            import("../input-files"),
            import("../../pipeline/steps/build"),
            import("../file-guards"),
            import("../../workbook/xlsx/file-host"),
          ]);
        const { GuardedOutput, isSameFile, refuseOutputOverFolderInput, refuseOutputOverInput } = guards;
        const moneyUnits = (await import("../../ingest/money-units")).parseMoneyUnitFlags(
          (opts as { moneyUnit?: string[] }).moneyUnit ?? [],
        );
        if (typeof moneyUnits === "string") throw new UsageError(moneyUnits);
        const { files, missing, excludedFound } = await gatherInputs(inputs, [opts.output]);
        await refuseOutputOverInput(opts.output, files, "--output");
        await refuseOutputOverFolderInput(excludedFound, "--output");
        const loaded = await loadReadable(files, missing);
        const into = opts.into ? await loadFile(opts.into).catch(() => null) : undefined;
        if (opts.into && !into) throw new UsageError(`${opts.into}: no such register file, or it cannot be read.`);
        // The register is spliced into --into's package and keeps its workbook content type (and VBA).
        if (into) {
          const { isMacroEnabledPackage } = await import("../../workbook/xlsx/file-sniff");
          const problem = outputExtensionProblem(opts.output, "--output", {
            file: opts.into!,
            macroEnabled: await isMacroEnabledPackage(into.bytes),
          });
          if (problem) throw new UsageError(problem);
        }
        // --into X -o X replaces X only if it is still what was read; any other -o only if unchanged since now.
        const output =
          into && (await isSameFile(opts.output, into.path))
            ? await GuardedOutput.ofRead(opts.output, into.bytes)
            : await GuardedOutput.capture(opts.output);
        if (loaded.length === 0) {
          for (const m of missing) reporter.warn(m.message);
          process.exitCode = EXIT.nothing;
          printResult(
            !!opts.json,
            {
              inputs: missing.map((m) => ({
                file: m.path,
                status: "failed",
                sheets: [],
                problems: [{ severity: "error", message: m.message }],
              })),
              register: {},
            },
            () => "Nothing was read; no register written.",
          );
          return;
        }
        const { outcome, bytes } = await buildRegisterFromFiles(xlsxFileHost, loaded, {
          progress: reporter.progress,
          dateOrder: opts.dateOrder as "dmy" | "mdy" | undefined,
          mappings,
          into: into ?? undefined,
          moneyUnits,
        });
        reporter.stop();
        const anyRead = outcome.inputs.some((i) => i.status !== "failed");
        if (!anyRead) {
          process.exitCode = EXIT.nothing;
          printResult(!!opts.json, buildJson(outcome, missing), () => buildText(outcome, missing, "(not written)"));
          return;
        }
        await output.write(bytes, { note: (m) => reporter.note(m) });
        for (const w of outcome.warnings) reporter.warn(w);
        if (missing.length > 0 || outcome.inputs.some((i) => i.status !== "read"))
          process.exitCode = EXIT.findingsOrPartial;
        printResult(!!opts.json, buildJson(outcome, missing), () =>
          buildText(outcome, missing, path.resolve(opts.output)),
        );
      },
    );
}
