import type { AnalyseResult } from "../../analysis/finance/analyse-register";
import { analyseRegister } from "../../analysis/finance/analyse-register";
import { ragThresholdsFromSettings } from "../../analysis/finance/computed-rag";
import type { IsoDate } from "../../domain/dates";
import type { Register } from "../../domain/register";
import type { Settings } from "../../domain/settings";
import { benefitsSheet, earnedValueSheet, financeSheet, scheduleSheet } from "../../report/schedule-sheets";
import { scheduleHealthSheet, type HealthLocate } from "../../report/schedule-health-sheet";
import type { SheetSpec } from "../../workbook/spec";
import { isRegisterSheet } from "../open-register";
import { reportingDateFor } from "../run-settings";
import type { RegisterStep } from "./step";

export interface AnalyseOptions {
  /** The status date for earned value and overdue milestones (default: the reporting date rule). */
  statusDate?: IsoDate;
  /** The run's date, the rule's last resort. */
  today: IsoDate;
}

export interface AnalyseOutcome {
  result: AnalyseResult;
  statusDate: { date: IsoDate; source: string };
}

export function runAnalysis(register: Register, settings: Settings, statusDate: IsoDate): AnalyseResult {
  const g = settings.general;
  return analyseRegister(register, {
    statusDate,
    thresholds: ragThresholdsFromSettings(g),
    fyStartMonth: g.fyStartMonth,
    upcomingDays: g.upcomingMilestoneDays,
    health: g,
  });
}

/** The Schedule, Schedule health, Finance, Earned Value and Benefits Realisation sheets for one analysis. */
export function analysisSheets(result: AnalyseResult, currency = "£", locate?: HealthLocate): SheetSpec[] {
  return [
    scheduleSheet(result),
    scheduleHealthSheet(result.scheduleHealth, locate),
    financeSheet(result, { currency }),
    earnedValueSheet(result, { currency }),
    benefitsSheet(result, { currency }),
  ];
}

/** Critical path, earned value, computed RAG, roll-ups and benefits, written as Schedule, Schedule health, Finance, Earned Value and Benefits Realisation. */
export const analyseStep: RegisterStep<AnalyseOptions, AnalyseOutcome> = {
  name: "analyse",
  opens: "register",
  reads: { select: isRegisterSheet },
  run(opened, options, { progress }) {
    progress({ stage: "Analysing schedule and finance", done: 0, total: 1 });
    const when = reportingDateFor(opened.register, opened.settings, options.today, options.statusDate);
    const result = runAnalysis(opened.register, opened.settings, when.date);
    progress({ stage: "Analysing schedule and finance", done: 1, total: 1 });
    return {
      value: { result, statusDate: when },
      sheets: analysisSheets(result, opened.settings.general.currency, (e, id, field) => opened.locate(e, id, field)),
    };
  },
};
