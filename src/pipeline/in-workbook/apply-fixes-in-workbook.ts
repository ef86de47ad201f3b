import type { FieldValue } from "../../domain/register";
import { recordsOf } from "../../domain/register";
import type { EntityName } from "../../domain/schema";
import { entitySheet } from "../../report/register-sheets";
import { listRange } from "../../report/settings-sheet";
import type { FixChange } from "../../standards/safe-fixes";
import type { WorkbookPort } from "../../workbook/port";
import { checkCancelled } from "../cancellation";
import { writeOwnedSheets } from "../write-outputs";
import type { StepOptions, StepWrite } from "./step-options";
import { openForStep } from "./step-options";

export interface ApplyFixesOutcome extends StepWrite {
  applied: FixChange[];
  /** Changes not made, and why (the cell was edited since the findings were listed, or the record moved). */
  skipped: { change: FixChange; reason: string }[];
}

const same = (a: FieldValue | undefined, b: FieldValue | undefined): boolean => (a ?? null) === (b ?? null);

/**
 * "Apply safe fixes": writes the previewed changes into the register tables only (the entity sheets
 * the add-in owns), after re-reading them. A cell whose value is no longer the one the preview
 * showed has been edited by hand since: it is left alone and listed, never overwritten.
 */
export async function applySafeFixesInWorkbook(
  port: WorkbookPort,
  changes: readonly FixChange[],
  options: StepOptions = {},
): Promise<ApplyFixesOutcome> {
  const opened = await openForStep(port, options);
  const applied: FixChange[] = [];
  const skipped: { change: FixChange; reason: string }[] = [];
  const touched = new Set<EntityName>();
  for (const change of changes) {
    const record = recordsOf(opened.register, change.entity)[change.index];
    if (!record || record.id !== change.id) {
      skipped.push({ change, reason: `${change.entity} ${change.id} is no longer where it was; validate again.` });
    } else if (!same(record.values[change.field], change.from)) {
      skipped.push({
        change,
        reason: `${change.entity} ${change.id} ${change.field} was edited since the check; it was left as it is.`,
      });
    } else {
      record.values[change.field] = change.to;
      touched.add(change.entity);
      applied.push(change);
    }
  }
  checkCancelled(options.signal);
  if (applied.length === 0 || options.write === false) return { applied, skipped, written: [], warnings: [] };
  const settings = opened.settings;
  const listsSheet = settings.ownedSheets.find((s) => /^PMO Lists/i.test(s)) ?? "PMO Lists";
  const sheets = [...touched].map((entity) =>
    entitySheet(opened.register, entity, {
      currency: settings.general.currency,
      listRange: (list) => listRange(list, settings, listsSheet),
    }),
  );
  const write = await writeOwnedSheets(port, opened.sheetNames, settings, sheets, {
    progress: options.progress,
    signal: options.signal,
    settingsHaveProblems: opened.settingsProblems.length > 0,
  });
  return { ...write, applied, skipped };
}
