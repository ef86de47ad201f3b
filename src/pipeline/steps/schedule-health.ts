import {
  metricThresholdText,
  metricValueText,
  scheduleHealth,
  type HealthMetric,
  type HealthRecord,
  type HealthThresholds,
  type ScheduleHealthView,
} from "../../analysis/schedule/schedule-health";
import type { IsoDate } from "../../domain/dates";
import { latestStatusDate } from "../../domain/status-date";
import { scheduleHealthSheet } from "../../report/schedule-health-sheet";
import { isRegisterSheet } from "../open-register";
import { reportingDateFor } from "../run-settings";
import type { RegisterStep } from "./step";

export interface ScheduleHealthOptions {
  /** The status date the date checks are measured at (default: the reporting date rule, as analyse). */
  statusDate?: IsoDate;
  /** The run's date, the rule's last resort. */
  today: IsoDate;
}

/** A record behind a metric with the register cell it points at (null when the value has no cell, e.g. a missing row). */
export interface LocatedHealthRecord extends HealthRecord {
  at: { sheet: string; cell: string } | null;
}

export type LocatedHealthMetric = Omit<HealthMetric, "records"> & {
  records: LocatedHealthRecord[];
  /** The value and threshold as the sheet prints them ("3.2 %", "≤ 5 %"). */
  valueText: string;
  thresholdText: string;
};
export type LocatedHealthView = Omit<ScheduleHealthView, "metrics"> & { metrics: LocatedHealthMetric[] };

export interface ScheduleHealthRun {
  statusDate: IsoDate;
  /** Where the status date came from (reportingDateFor's words). */
  statusDateSource: string;
  /**
   * True when neither the run, PMO Settings nor the register gave a status date and the run's date
   * stood in: the invalid-dates, missed, CPLI and BEI checks are then measured at today.
   */
  noStatusDate: boolean;
  thresholds: HealthThresholds;
  portfolio: LocatedHealthView;
  byProgramme: LocatedHealthView[];
}

/**
 * The DCMA 14-point schedule health for the portfolio and each programme, written as the Schedule
 * health sheet. Only the schedule health is computed (its own critical path run), not the whole
 * analysis; the status date follows the same rule as the analyse step, so both write the same sheet.
 */
export const scheduleHealthStep: RegisterStep<ScheduleHealthOptions, ScheduleHealthRun> = {
  name: "schedule-health",
  opens: "register",
  reads: { select: isRegisterSheet },
  run(opened, options, { progress }) {
    progress({ stage: "Checking schedule health", done: 0, total: 1 });
    const when = reportingDateFor(opened.register, opened.settings, options.today, options.statusDate);
    const health = scheduleHealth(opened.register, { statusDate: when.date, thresholds: opened.settings.general });
    const locate = (r: HealthRecord) => opened.locate(r.entity, r.id, r.field) ?? null;
    const located = (view: ScheduleHealthView): LocatedHealthView => ({
      ...view,
      metrics: view.metrics.map((m) => ({
        ...m,
        records: m.records.map((r) => ({ ...r, at: locate(r) })),
        valueText: metricValueText(m),
        thresholdText: metricThresholdText(m),
      })),
    });
    const p = health.portfolio;
    progress({
      stage: "Checking schedule health",
      done: 1,
      total: 1,
      message: `${p.passed} passed, ${p.failed} failed`,
    });
    return {
      value: {
        statusDate: when.date,
        statusDateSource: when.source,
        noStatusDate:
          !options.statusDate && !opened.settings.general.reportingDate && latestStatusDate(opened.register) === null,
        thresholds: health.thresholds,
        portfolio: located(health.portfolio),
        byProgramme: health.byProgramme.map(located),
      },
      sheets: [scheduleHealthSheet(health, (e, id, field) => opened.locate(e, id, field))],
    };
  },
};
