import type { IsoDate } from "../../domain/dates";
import type { Profile } from "../../domain/settings";
import type { FixChange } from "../../standards/safe-fixes";
import { safeFixes } from "../../standards/safe-fixes";
import type { ValidationResult } from "../../standards/types";
import type { WorkbookPort } from "../../workbook/port";
import { checkCancelled } from "../cancellation";
import type { OpenRegister } from "../open-register";
import { runValidation, withOverrides } from "../validate-use-case";
import { writeOwnedSheets } from "../write-outputs";
import type { StepOptions, StepWrite } from "./step-options";
import { openForStep } from "./step-options";

export interface ValidateInWorkbookOptions extends StepOptions {
  /** Overrides PMO Settings for this run only. */
  profile?: Profile;
  reportingDate?: IsoDate;
  /** The run's date (the engine never reads the clock). */
  today: IsoDate;
}

export interface ValidateInWorkbookOutcome extends StepWrite {
  result: ValidationResult;
  /** The changes "apply safe fixes" would make, for a preview. */
  fixes: FixChange[];
  opened: OpenRegister;
}

/**
 * Validates the register held in a workbook (the open one, or a file's) against the standards on
 * its settings sheet and writes the Findings sheet beside it. The same composition as `pmo validate`.
 */
export async function validateInWorkbook(
  port: WorkbookPort,
  options: ValidateInWorkbookOptions,
): Promise<ValidateInWorkbookOutcome> {
  const opened = await openForStep(port, options);
  options.progress?.({ stage: "Checking the standards", done: 0, total: 1 });
  const settings = withOverrides(opened.settings, { profile: options.profile, reportingDate: options.reportingDate });
  const { result, sheets } = runValidation(opened.register, settings, {
    locate: opened.locate,
    today: options.today,
    reportingDate: options.reportingDate,
  });
  options.progress?.({
    stage: "Checking the standards",
    done: 1,
    total: 1,
    message: `${result.findings.length} findings`,
  });
  checkCancelled(options.signal);
  const write =
    options.write === false
      ? { written: [], warnings: [] }
      : await writeOwnedSheets(port, opened.sheetNames, opened.settings, sheets, {
          progress: options.progress,
          signal: options.signal,
          settingsHaveProblems: opened.settingsProblems.length > 0,
        });
  return { ...write, result, fixes: safeFixes(result.findings), opened };
}
