import { computeRag, ragThresholdsFromSettings } from "../../analysis/finance/computed-rag";
import { evidenceByProject, type EvidenceItem } from "../../analysis/finance/declared-evidence";
import { criticalPath } from "../../analysis/schedule/critical-path";
import { scheduleInputsFromRegister } from "../../analysis/schedule/schedule-inputs";
import type { IsoDate } from "../../domain/dates";
import { recordsOf, type Register } from "../../domain/register";
import type { Profile, Settings } from "../../domain/settings";
import { findingsSheet } from "../../report/findings-sheet";
import type { FixChange } from "../../standards/safe-fixes";
import { safeFixes } from "../../standards/safe-fixes";
import type { ComputedRag, RegisterLocation, ValidationResult } from "../../standards/types";
import { validateRegister } from "../../standards/validate";
import type { SheetSpec } from "../../workbook/spec";
import { isRegisterSheet } from "../open-register";
import { withOverrides } from "../run-settings";
import type { RegisterStep } from "./step";

export interface ValidateOptions {
  /** Overrides PMO Settings for this run only. */
  profile?: Profile;
  reportingDate?: IsoDate;
  /** The run's date (the engine never reads the clock). */
  today: IsoDate;
}

export interface ValidateOutcome {
  result: ValidationResult;
  /** The changes "apply safe fixes" would make, for a preview. */
  fixes: FixChange[];
  /** Per finding (same order), the project it concerns: its own id for a project, the record's ProjectId otherwise. */
  projects: (string | null)[];
}

export function computedRagByProject(register: Register, settings: Settings): Map<string, ComputedRag> {
  const thresholds = ragThresholdsFromSettings(settings.general);
  return new Map(
    register.entities.Projects.map((p) => {
      const rag = computeRag(p.values, thresholds);
      return [p.id, { overall: rag.overall.rag, cost: rag.cost.rag, schedule: rag.schedule.rag }];
    }),
  );
}

/** Each project's evidence for declared-against-evidence: the same function the analysis uses for "declared greener". */
export function evidenceForValidation(register: Register, settings: Settings): Map<string, EvidenceItem[]> {
  const inputs = scheduleInputsFromRegister(register);
  const cpm = criticalPath(inputs.items, inputs.links);
  return evidenceByProject(register, { thresholds: ragThresholdsFromSettings(settings.general), cpm });
}

/** Validates the register against the standards on its settings sheet, with computed RAG from the finance module. */
export function runValidation(
  register: Register,
  settings: Settings,
  options: { locate?: RegisterLocation; today: IsoDate; reportingDate?: IsoDate },
): { result: ValidationResult; sheets: SheetSpec[] } {
  const result = validateRegister(register, settings, {
    computedRag: computedRagByProject(register, settings),
    evidence: evidenceForValidation(register, settings),
    registerLocation: options.locate,
    today: options.today,
    reportingDate: options.reportingDate,
  });
  return { result, sheets: [findingsSheet(result)] };
}

/** Checks the register against the PMO's standards and writes the Findings sheet beside it. */
export const validateStep: RegisterStep<ValidateOptions, ValidateOutcome> = {
  name: "validate",
  opens: "register",
  reads: { select: isRegisterSheet },
  run(opened, options, { progress }) {
    progress({ stage: "Checking the standards", done: 0, total: 1 });
    const settings = withOverrides(opened.settings, { profile: options.profile, reportingDate: options.reportingDate });
    const { result, sheets } = runValidation(opened.register, settings, {
      locate: opened.locate,
      today: options.today,
      reportingDate: options.reportingDate,
    });
    progress({ stage: "Checking the standards", done: 1, total: 1, message: `${result.findings.length} findings` });
    const entities = opened.register.entities;
    const projects = result.findings.map((f) => {
      const own = recordsOf({ entities }, f.entity)[f.index]?.values.ProjectId;
      return f.entity === "Projects" ? f.id : typeof own === "string" && own !== "" ? own : null;
    });
    return { value: { result, fixes: safeFixes(result.findings), projects }, sheets };
  },
};
