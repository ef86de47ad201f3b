import type { WorkbookStatus } from "./pane-steps";
import type { SectionId } from "./session";

export interface NextStep {
  section: SectionId;
  /** The button's words. */
  label: string;
  /** Why this is next, in one sentence. */
  why: string;
}

/**
 * The monthly flow's next step from where the workbook stands: build → validate (and fix errors)
 * → prioritise and select → capacity → summary. Null when everything is up to date.
 */
export function nextStep(
  status: WorkbookStatus | null,
  options: { summaryAvailable: boolean; summaryCurrent: boolean },
): NextStep | null {
  if (!status || !status.registerBuilt)
    return { section: "register", label: "Build the register", why: "There is no register in this workbook yet." };
  if (!status.findings)
    return { section: "validate", label: "Check against standards", why: "The register has not been checked yet." };
  if (status.findings.error > 0)
    return {
      section: "validate",
      label: "Fix errors and check again",
      why: `${status.findings.error} error${status.findings.error === 1 ? "" : "s"} open from the last check.`,
    };
  if (!status.selectionSaved)
    return { section: "prioritise", label: "Prioritise and select", why: "No portfolio selection is saved." };
  if (!status.capacityPlanned)
    return { section: "capacity", label: "Plan capacity", why: "Capacity has not been planned." };
  if (options.summaryAvailable && !options.summaryCurrent)
    return { section: "summary", label: "Write the summary", why: "The summary does not reflect the latest results." };
  return null;
}
