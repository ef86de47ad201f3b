/**
 * The CLI's file handling around a step, and nothing else: load the register file, run the step
 * on it (runStep), and with `-o` write a new workbook atomically (under a lock, refused if the file changed meanwhile), never over the input. The engine
 * and exceljs are loaded here on first use, so `pmo --help` does not load them.
 */
import * as path from "path";
import type { RunStepOptions, Step, StepOutcome } from "../pipeline/steps";
import type { WorkbookPort } from "../workbook/port";
import type { Reporter } from "./reporter";
import { UsageError } from "./reporter";

/**
 * `-o FILE` for an analysis command: an .xlsx (or an .xlsm, checked against the register once it is
 * read: outputExtensionProblem) that is not the input register, by identity (device and inode, so a
 * symlink or hard link to the input is refused too), not by name.
 */
export async function checkOutputPath(output: string | undefined, input: string): Promise<void> {
  if (output === undefined) return;
  const { refuseOutputOverInput } = await import("./file-guards");
  await refuseOutputOverInput(output, [input], "-o");
  if (!/\.xls[xm]$/i.test(output))
    throw new UsageError(`-o must name an .xlsx file, or an .xlsm for a macro-enabled register (got "${output}").`);
}

/** `out.xlsx` → `out.xlsm`: the name to suggest when only the extension is wrong. */
function withExtension(file: string, extension: ".xlsx" | ".xlsm"): string {
  return file.slice(0, file.length - path.extname(file).length) + extension;
}

/**
 * Why `output` cannot be the name of a package written into `source` (null when it is fine). The
 * written package keeps the source's workbook content type, and Excel opens a file only when its
 * extension agrees with it: an .xlsm must be macro-enabled, an .xlsx must not. So a macro-enabled
 * source takes an .xlsm (an .xlsx would lose its VBA project, or not open at all) and any other
 * source an .xlsx. `macroEnabled` is what the package says (isMacroEnabledPackage), whatever its name.
 */
export function outputExtensionProblem(
  output: string,
  option: string,
  source: { file: string; macroEnabled: boolean },
): string | null {
  const extension = path.extname(output).toLowerCase();
  const wanted = source.macroEnabled ? ".xlsm" : ".xlsx";
  if (extension === wanted) return null;
  const suggestion = withExtension(output, wanted);
  if (source.macroEnabled)
    return (
      `${option} ${output} would drop the macros of ${source.file}: it is a macro-enabled workbook, and an ` +
      `${extension || "output"} cannot hold its VBA project. Name the output ${suggestion} to keep them.`
    );
  const misnamed = /\.xlsm$/i.test(source.file)
    ? ` (its name ends .xlsm, but its package is an ordinary workbook's)`
    : "";
  return (
    `${option} ${output}: ${source.file} is not a macro-enabled workbook${misnamed}, and Excel opens an .xlsm only ` +
    `if it is. Name the output ${suggestion}.`
  );
}

/** Loads a register file as a workbook in memory; a missing file is a usage error. With `output`,
 * refuses (before anything is parsed) an `-o` whose extension does not fit the register's package. */
export async function openRegisterWorkbook(
  file: string,
  reporter: Reporter,
  output?: string,
): Promise<{ toBytes(): Promise<Uint8Array> } & WorkbookPort> {
  const { loadFile } = await import("./input-files");
  const loaded = await loadFile(file).catch(() => {
    throw new UsageError(`${file}: no such file. Give the register workbook that pmo build wrote.`);
  });
  if (output !== undefined) {
    const { isMacroEnabledPackage } = await import("../workbook/xlsx/file-sniff");
    const problem = outputExtensionProblem(output, "-o", {
      file,
      macroEnabled: await isMacroEnabledPackage(loaded.bytes),
    });
    if (problem) throw new UsageError(problem);
  }
  reporter.progress({ stage: "Reading register", done: 0, total: 1, message: loaded.name });
  const { XlsxWorkbook } = await import("../workbook/xlsx/xlsx-workbook");
  return XlsxWorkbook.open(loaded.bytes, loaded.name);
}

/** Runs one step on the register file held in memory; its sheets are written there when the command has `-o`. */
export type RunOnRegister = <O, R>(
  step: Step<O, R>,
  options: O,
  /** `write: false` computes only, even with `-o` (an input to another step). */
  run?: Omit<RunStepOptions, "progress">,
) => Promise<StepOutcome<R>>;

/**
 * Runs steps on a register file. A file that holds no register is a usage error (exit 2). With
 * `output`, the steps' sheets are written into the register held in memory and that workbook is
 * saved as `output` (a temporary file renamed into place) once `work` is done; the input file is
 * never touched.
 */
export async function withRegisterFile<T>(
  file: string,
  reporter: Reporter,
  output: string | undefined,
  work: (run: RunOnRegister) => Promise<T>,
): Promise<T> {
  await checkOutputPath(output, file);
  // Fingerprinted now, so a file that appears or changes at -o while this runs is not overwritten.
  const guard = output ? await (await import("./file-guards")).GuardedOutput.capture(output) : null;
  const workbook = await openRegisterWorkbook(file, reporter, output);
  const [{ runStep }, { NotARegisterError }] = await Promise.all([
    import("../pipeline/steps/run-step"),
    import("../pipeline/errors"),
  ]);
  let first = true;
  const run: RunOnRegister = async (step, options, extra = {}) => {
    let outcome;
    try {
      const write = extra.write !== false && !!output;
      outcome = await runStep(workbook, step, options, { ...extra, progress: reporter.progress, write });
    } catch (err) {
      if (err instanceof NotARegisterError) throw new UsageError(err.message);
      throw err;
    }
    reporter.stop();
    if (first)
      for (const p of outcome.workbook.settingsProblems) reporter.warn(`${p.sheet}!${p.cell ?? ""}: ${p.message}`);
    first = false;
    for (const w of outcome.warnings) reporter.warn(w);
    return outcome;
  };
  const result = await work(run);
  if (output && guard) {
    await guard.write(await workbook.toBytes(), { note: (m) => reporter.note(m) });
    reporter.stop();
    reporter.note(`Wrote ${path.resolve(output)}`);
  }
  return result;
}

/** One step on a register file (see withRegisterFile). */
export function runOnRegisterFile<O, R>(
  file: string,
  step: Step<O, R>,
  options: O,
  reporter: Reporter,
  output?: string,
): Promise<StepOutcome<R>> {
  return withRegisterFile(file, reporter, output, (run) => run(step, options));
}
