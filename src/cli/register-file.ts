import * as path from "path";
import type { OpenRegister } from "../pipeline/open-register";
import { NotARegisterError, openRegister } from "../pipeline/open-register";
import { writeOwnedSheets } from "../pipeline/write-outputs";
import type { SheetSpec } from "../workbook/spec";
import { XlsxWorkbook } from "../workbook/xlsx/xlsx-workbook";
import { GuardedOutput, refuseOutputOverInput } from "./file-guards";
import { loadFile } from "./input-files";
import type { Reporter } from "./reporter";
import { UsageError } from "./reporter";

/** Opens a register file for an analysis command; a missing or unreadable file is a usage error. */
export async function openRegisterFile(
  file: string,
  reporter: Reporter,
): Promise<{ workbook: XlsxWorkbook; register: OpenRegister }> {
  const loaded = await loadFile(file).catch(() => {
    throw new UsageError(`${file}: no such file. Give the register workbook that pmo build wrote.`);
  });
  reporter.progress({ stage: "Reading register", done: 0, total: 1, message: loaded.name });
  const workbook = await XlsxWorkbook.open(loaded.bytes, loaded.name);
  try {
    const register = await openRegister(workbook);
    reporter.progress({ stage: "Reading register", done: 1, total: 1, message: loaded.name });
    reporter.stop();
    for (const p of register.settingsProblems) reporter.warn(`${p.sheet}!${p.cell ?? ""}: ${p.message}`);
    return { workbook, register };
  } catch (err) {
    if (err instanceof NotARegisterError) throw new UsageError(err.message);
    throw err;
  }
}

/** `-o FILE`: a new workbook holding the register plus this command's sheets; the input is never rewritten. */
export async function writeOutputWorkbook(
  workbook: XlsxWorkbook,
  register: OpenRegister,
  sheets: SheetSpec[],
  output: string,
  input: string,
  reporter: Reporter,
): Promise<void> {
  await refuseOutputOverInput(output, [input], "-o");
  const guard = await GuardedOutput.capture(output);
  if (!/\.xlsx$/i.test(output)) throw new UsageError(`-o must name an .xlsx file (got "${output}").`);
  const { warnings } = await writeOwnedSheets(workbook, register.sheetNames, register.settings, sheets, {
    progress: reporter.progress,
    settingsHaveProblems: register.settingsProblems.length > 0,
  });
  for (const w of warnings) reporter.warn(w);
  await guard.write(await workbook.toBytes(), { note: (m) => reporter.note(m) });
  reporter.stop();
  reporter.note(`Wrote ${path.resolve(output)}`);
}
