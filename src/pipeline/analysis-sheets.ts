import type { AnalyseResult } from "../analysis/finance/analyse-register";
import { benefitsSheet, earnedValueSheet, financeSheet, scheduleSheet } from "../report/schedule-sheets";
import type { SheetSpec } from "../workbook/spec";

/** The Schedule, Finance and Benefits Realisation sheets for one analysis. */
export function analysisSheets(result: AnalyseResult, currency = "£"): SheetSpec[] {
  return [
    scheduleSheet(result),
    financeSheet(result, { currency }),
    earnedValueSheet(result, { currency }),
    benefitsSheet(result, { currency }),
  ];
}
