import type { Shift } from "../../analysis/capacity/levelling";
import type { IsoDate } from "../../domain/dates";
import { addMonths, isIsoDate } from "../../domain/dates";
import type { Register, RegisterRecord } from "../../domain/register";
import { recordsOf, textValue } from "../../domain/register";
import type { EntityName } from "../../domain/schema";
import { isRegisterSheet } from "../open-register";
import { registerTableSheets } from "./register-tables";
import type { RegisterStep } from "./step";

/**
 * "Apply shifts" for a levelling proposal. What applying means (docs/domain.md "Levelling", capacity issue): the
 * proposal is a plan, so it moves the project's *forecast* window (ForecastStart/ForecastFinish)
 * and the dates of its Allocations (Start/Finish, which the capacity plan reads) by the proposed
 * whole months, and the forecast of each milestone still to come (not Achieved or Cancelled, no
 * ActualDate) with it, so milestones do not fall outside their project's new window. Baseline
 * dates are never changed, so the slip stays visible against the baseline.
 * Only the register tables (entity sheets the add-in owns) are rewritten; the user's sheets are not.
 */
export interface LevellingChange {
  entity: "Projects" | "Allocations" | "Milestones";
  /** Row index of the record in its entity (0-based). */
  index: number;
  id: string;
  projectId: string;
  field: "ForecastStart" | "ForecastFinish" | "Start" | "Finish" | "ForecastDate";
  from: IsoDate | null;
  to: IsoDate;
}

export interface LevellingSkip {
  projectId: string;
  reason: string;
}

export interface LevellingChanges {
  changes: LevellingChange[];
  skipped: LevellingSkip[];
}

/**
 * The cell changes that apply the shifts to a register (pure). A project whose start no longer
 * gives the proposal's new start (edited, or the shift was already applied) is skipped and listed,
 * so applying twice never moves a project twice.
 */
export function levellingChanges(register: Register, shifts: readonly Shift[]): LevellingChanges {
  const changes: LevellingChange[] = [];
  const skipped: LevellingSkip[] = [];
  const projects = register.entities.Projects;
  for (const shift of shifts) {
    const index = projects.findIndex((p) => p.id === shift.projectId);
    if (index < 0 || !Number.isInteger(shift.months) || shift.months <= 0) {
      skipped.push({ projectId: shift.projectId, reason: `${shift.projectId} is no longer in the register.` });
      continue;
    }
    const p = projects[index];
    const start = p.values.ForecastStart ?? p.values.BaselineStart;
    const finish = p.values.ForecastFinish ?? p.values.BaselineFinish;
    const newStart = isIsoDate(start) ? addMonths(start, shift.months) : null;
    const newFinish = isIsoDate(finish) ? addMonths(finish, shift.months) : null;
    if (newStart !== shift.newStart || newFinish !== shift.newFinish) {
      skipped.push({
        projectId: shift.projectId,
        reason: `${shift.projectId}'s dates changed since the proposal (or it was already applied); plan capacity again.`,
      });
      continue;
    }
    const own = (field: "ForecastStart" | "ForecastFinish", to: IsoDate | null) => {
      if (to === null) return;
      const from = p.values[field];
      changes.push({
        entity: "Projects",
        index,
        id: p.id,
        projectId: p.id,
        field,
        from: isIsoDate(from) ? from : null,
        to,
      });
    };
    own("ForecastStart", newStart);
    own("ForecastFinish", newFinish);
    register.entities.Allocations.forEach((a, i) => {
      if (textValue(a.values.ProjectId) !== p.id) return;
      for (const field of ["Start", "Finish"] as const) {
        const from = a.values[field];
        if (isIsoDate(from))
          changes.push({
            entity: "Allocations",
            index: i,
            id: a.id,
            projectId: p.id,
            field,
            from,
            to: addMonths(from, shift.months),
          });
      }
    });
    register.entities.Milestones.forEach((m, i) => {
      if (textValue(m.values.ProjectId) !== p.id || !milestoneToCome(m)) return;
      const forecast = m.values.ForecastDate;
      const from = isIsoDate(forecast) ? forecast : m.values.BaselineDate;
      if (!isIsoDate(from)) return;
      changes.push({
        entity: "Milestones",
        index: i,
        id: m.id,
        projectId: p.id,
        field: "ForecastDate",
        from: isIsoDate(forecast) ? forecast : null,
        to: addMonths(from, shift.months),
      });
    });
  }
  return { changes, skipped };
}

/** A milestone still to come moves with its project; one achieved, cancelled or with an actual date stays. */
function milestoneToCome(m: RegisterRecord): boolean {
  const status = textValue(m.values.Status)?.trim().toLowerCase();
  return status !== "achieved" && status !== "cancelled" && !isIsoDate(m.values.ActualDate);
}

/**
 * Re-reads the register, works out the changes for the proposal's shifts and returns the touched
 * register tables (a preview, `write: false`, lists the changes and writes nothing).
 */
export const applyLevellingStep: RegisterStep<{ shifts: readonly Shift[] }, LevellingChanges> = {
  name: "apply-levelling",
  opens: "register",
  reads: { select: isRegisterSheet },
  run(opened, { shifts }, { progress }) {
    const { changes, skipped } = levellingChanges(opened.register, shifts);
    const touched = new Set<EntityName>();
    for (const c of changes) {
      recordsOf(opened.register, c.entity)[c.index].values[c.field] = c.to;
      touched.add(c.entity);
    }
    if (changes.length) progress({ stage: "Writing the shifted dates", done: 0, total: 1 });
    return { value: { changes, skipped }, sheets: registerTableSheets(opened, touched) };
  },
};
