import type { IsoDate } from "../domain/dates";
import type { RegisterRecord } from "../domain/register";
import { csvText, enumVariants, monthLabel, moneyText, renderDate } from "./messy-cells";
import type { Picks } from "./random-picks";
import type { CsvSource } from "./raw-sheet";

export const FINANCIAL_COLUMNS: [string, string][] = [
  ["ProjectId", "Project Ref"],
  ["Period", "Month"],
  ["CostType", "Cost Type"],
  ["Budget", "Budget"],
  ["Actual", "Actual"],
  ["Forecast", "Forecast"],
];

/**
 * "Financials.csv" as a finance system exports it: `;`-separated, windows-1252 (the `£` is byte
 * A3), CRLF, one row per project, month and cost type with months as `Sep-25`, budget with `£`
 * and thousands separators (`£12,345.00`), actual and forecast with decimal commas (`12345,67`),
 * cost types spelled `Capital`/`Revenue`/`CAPEX`. Each money spelling is unambiguous on its own:
 * a comma followed by two digits is a decimal comma, grouped figures always carry `.00`.
 */
export function renderFinancialsCsv(financials: RegisterRecord[], picks: Picks): CsvSource {
  const rows: string[][] = [FINANCIAL_COLUMNS.map(([, header]) => header)];
  for (const f of financials) {
    const v = f.values;
    const money = (x: unknown, style: "grouped" | "decimal-comma") =>
      x === null || x === undefined ? "" : moneyText(Number(x), style);
    const costType = picks.chance(0.5) ? String(v.CostType) : picks.pick(enumVariants(String(v.CostType), "CostType"));
    rows.push([
      String(v.ProjectId),
      monthLabel(String(v.Period).slice(0, 7)),
      costType,
      money(v.Budget, "grouped"),
      money(v.Actual, "decimal-comma"),
      money(v.Forecast, "decimal-comma"),
    ]);
  }
  return {
    file: "Financials.csv",
    kind: "csv",
    text: csvText(rows, ";", "\r\n"),
    encoding: "windows-1252",
    delimiter: ";",
  };
}

export const BENEFIT_COLUMNS: [string, string][] = [
  ["BenefitId", "Benefit Ref"],
  ["ProgrammeId", "Programme"],
  ["ProjectId", "Project"],
  ["Description", "Benefit Description"],
  ["Category", "Benefit Type"],
  ["Measure", "KPI"],
  ["Baseline", "Baseline Value"],
  ["Target", "Target Value"],
  ["PlannedValue", "Planned Benefit"],
  ["RealisedValue", "Realised"],
  ["PlannedDate", "Realisation Date"],
  ["Owner", "Benefit Owner"],
  ["Status", "Status"],
];

/**
 * "Benefits.csv": UTF-8 with a byte-order mark, `,`-separated, alias headers, money as quoted
 * `"£250,000"`, day-first text dates, messy enumerations, and a quoted description that runs over
 * two lines and contains doubled quotes.
 */
export function renderBenefitsCsv(benefits: RegisterRecord[], picks: Picks): CsvSource {
  // Day-first text dates; were no day above 12 to settle the order, ISO text stays unambiguous.
  const planned = benefits.map((b) => (b.values.PlannedDate ?? null) as IsoDate | null);
  const style = planned.some((d) => d !== null && Number(d.slice(8)) > 12) ? "dmy4" : "iso-text";
  const rows: string[][] = [BENEFIT_COLUMNS.map(([, h]) => h)];
  benefits.forEach((b) => {
    rows.push(
      BENEFIT_COLUMNS.map(([field]) => {
        const v = b.values[field] ?? null;
        if (v === null) return "";
        if (field === "PlannedValue" || field === "RealisedValue") return moneyText(Number(v), "grouped-whole");
        if (field === "PlannedDate") return style === "dmy4" ? String(renderDate(String(v), "dmy4").value) : String(v);
        if (field === "Category")
          return picks.chance(0.5) ? String(v) : picks.pick(enumVariants(String(v), "BenefitCategory"));
        if (field === "Status")
          return picks.chance(0.6) ? String(v) : picks.pick(enumVariants(String(v), "BenefitStatus"));
        return String(v);
      }),
    );
  });
  return { file: "Benefits.csv", kind: "csv", text: csvText(rows, ",", "\r\n"), encoding: "utf-8-bom", delimiter: "," };
}
