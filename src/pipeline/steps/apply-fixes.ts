import { recordsOf } from "../../domain/register";
import type { FieldValue } from "../../domain/register";
import type { EntityName } from "../../domain/schema";
import type { FixChange } from "../../standards/safe-fixes";
import { isRegisterSheet } from "../open-register";
import { registerTableSheets } from "./register-tables";
import type { RegisterStep } from "./step";

export interface ApplyFixesOutcome {
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
export const applyFixesStep: RegisterStep<{ changes: readonly FixChange[] }, ApplyFixesOutcome> = {
  name: "apply-fixes",
  opens: "register",
  reads: { select: isRegisterSheet },
  run(opened, { changes }) {
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
    return { value: { applied, skipped }, sheets: registerTableSheets(opened, touched) };
  },
};
