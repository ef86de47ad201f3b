import type { AnalyseResult } from "../analysis/finance/analyse-register";
import { benefitsSheet, earnedValueSheet, financeSheet, scheduleSheet } from "../report/schedule-sheets";
import { scheduleHealthSheet, type HealthLocate } from "../report/schedule-health-sheet";
import type { SheetSpec } from "../workbook/spec";

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
