import { OWNED_SHEET } from "../domain/owned-sheet-names";
import type { AnalyseResult, ProjectAnalysis } from "../analysis/finance/analyse-register";
import { NO_PROGRAMME, type MoneyFigures, type RollupGroup } from "../analysis/finance/rollups";
import type { ColumnSpec, SheetSpec, SpecValue } from "../workbook/spec";
import {
  type AnalysisSheetOptions,
  frozenUnder,
  heading,
  notes,
  num,
  placedTable,
  ragFormats,
  SOURCE,
  TAB,
  tableOr,
  yesNo,
} from "./analysis-sheet-parts";
import { stackBlocks, type UnplacedBlock } from "./layout";
import { moneyFormat } from "./register-sheets";

/**
 * The `Finance` sheet: roll-ups per programme and for the portfolio (frozen at the top), by
 * financial year, earned value per project, computed RAG beside the declared RAG (filled red,
 * amber, green), and the roll-ups by month.
 */

function moneyRow(f: MoneyFigures): SpecValue[] {
  return [num(f.budget), num(f.actual), num(f.forecast), num(f.variance), num(f.variancePct)];
}

/** A period's row: its outturn (actual to date + forecast to go) stands between forecast and variance. */
function periodRow(f: MoneyFigures): SpecValue[] {
  return [num(f.budget), num(f.actual), num(f.forecast), num(f.outturn), num(f.variance), num(f.variancePct)];
}

function periodRows(groups: RollupGroup[], pick: (g: RollupGroup) => RollupGroup["byMonth"]): SpecValue[][] {
  return groups.flatMap((g) =>
    pick(g).map((p) => [g.id, p.period, ...periodRow(p), p.reason ? `Variance %: ${p.reason}` : null]),
  );
}

const EV_COLUMNS: [keyof ProjectAnalysis, string, "money" | "ratio"][] = [
  ["bac", "BAC", "money"],
  ["pv", "PV", "money"],
  ["ev", "EV", "money"],
  ["ac", "AC", "money"],
  ["cv", "CV", "money"],
  ["sv", "SV", "money"],
  ["cpi", "CPI", "ratio"],
  ["spi", "SPI", "ratio"],
  ["eac", "EAC (BAC/CPI)", "money"],
  ["eacAtypical", "EAC (AC+BAC−EV)", "money"],
  ["eacComposite", "EAC (CPI·SPI)", "money"],
  ["etc", "ETC", "money"],
  ["vac", "VAC", "money"],
  ["tcpi", "TCPI", "ratio"],
];

export function financeSheet(a: AnalyseResult, options: AnalysisSheetOptions = {}): SheetSpec {
  const money = moneyFormat(options.currency ?? "£");
  const moneyCols = (headers: string[]): ColumnSpec[] =>
    headers.map((header) => ({ header, type: "money", numberFormat: money, width: 14 }));
  const varianceCols: ColumnSpec[] = [
    ...moneyCols(["Budget", "Actual", "Forecast", "Variance"]),
    { header: "Variance %", type: "percent", numberFormat: "0.0%", width: 11 },
  ];
  const periodCols: ColumnSpec[] = [
    ...moneyCols(["Budget", "Actual", "Forecast", "Outturn", "Variance"]),
    { header: "Variance %", type: "percent", numberFormat: "0.0%", width: 11 },
  ];
  const groups = [...a.rollups.programmes, a.rollups.portfolio];
  // The financial-year and month tables differ only in their period column.
  const periodTable = (name: string, period: ColumnSpec, pick: (g: RollupGroup) => RollupGroup["byMonth"]) =>
    tableOr(
      name,
      [
        { header: "Programme", type: "text", width: 16 },
        period,
        ...periodCols,
        { header: "Notes", type: "longText", width: 30 },
      ],
      periodRows(groups, pick),
      "No monthly lines in Financials.",
    );
  const blocks: UnplacedBlock[] = [
    {
      kind: "title",
      text: "Finance: roll-ups and earned value",
      subtitle: `Status date ${a.statusDate ?? "none"} (${SOURCE[a.statusDateSource]}) · variance = outturn − budget (positive = overspend); a project's outturn is its forecast at completion, a period's is its actual to the status date, else its forecast · financial year starts in month ${a.fyStartMonth}`,
    },
    tableOr(
      "tblFinanceRollup",
      [
        { header: "Programme", type: "text", width: 16 },
        { header: "Name", type: "text", width: 26 },
        { header: "Projects", type: "integer", width: 9 },
        ...varianceCols,
        { header: "Notes", type: "longText", width: 50 },
      ],
      groups.map((g) => {
        const t = g.totals;
        const gaps = [
          t.missingBudget ? `${t.missingBudget} without Budget` : "",
          t.missingActual ? `${t.missingActual} without ActualCost` : "",
          t.missingForecast ? `${t.missingForecast} without ForecastCost` : "",
        ].filter(Boolean);
        return [
          g.id,
          g.name,
          t.projects,
          ...moneyRow(t),
          notes({
            "Variance %": t.reason,
            Projects: gaps.join(", ") || undefined,
            Programme:
              g.id === NO_PROGRAMME && a.rollups.unknownProgrammeIds.length > 0
                ? `includes projects naming a programme the register does not hold (${a.rollups.unknownProgrammeIds.join(", ")})`
                : undefined,
          }),
        ];
      }),
      "No projects.",
    ),
    heading("By financial year (from Financials)"),
    periodTable("tblFinanceByYear", { header: "Financial year", type: "text", width: 12 }, (g) => g.byFinancialYear),
    heading("By month (from Financials)"),
    periodTable("tblFinanceByMonth", { header: "Month", type: "text", width: 9 }, (g) => g.byMonth),
  ];
  const placed = stackBlocks(blocks).blocks;
  return {
    name: OWNED_SHEET.finance,
    tabColor: TAB,
    blocks: placed,
    freeze: frozenUnder(placed, "tblFinanceRollup"),
    print: { landscape: true, fitToWidth: true },
  };
}

/**
 * The `Earned Value` sheet: earned value per project and the computed RAG beside the declared RAG
 * (filled red, amber, green). Apart from Finance so each prints legibly on its own pages.
 */
export function earnedValueSheet(a: AnalyseResult, options: AnalysisSheetOptions = {}): SheetSpec {
  const money = moneyFormat(options.currency ?? "£");
  const rag = new Map(a.rag.map((r) => [r.id, r]));
  const blocks: UnplacedBlock[] = [
    {
      kind: "title",
      text: `Earned value at ${a.statusDate ?? "(no status date)"}, and computed RAG`,
      subtitle: `Status date ${a.statusDate ?? "none"} (${SOURCE[a.statusDateSource]}) · PV from the baseline dates (or the project's monthly budget lines), EV = percent complete × BAC`,
    },
    tableOr(
      "tblEarnedValue",
      [
        { header: "Project", type: "text", width: 12 },
        { header: "Name", type: "text", width: 26 },
        { header: "Programme", type: "text", width: 12 },
        { header: "PV method", type: "text", width: 11 },
        ...EV_COLUMNS.map(([, header, kind]): ColumnSpec =>
          kind === "money"
            ? { header, type: "money", numberFormat: money, width: 13 }
            : { header, type: "number", numberFormat: "0.000", width: 8 },
        ),
        { header: "Notes", type: "longText", width: 60 },
      ],
      a.projects.map((p) => [
        p.id,
        p.name,
        p.programmeId,
        p.pvMethod,
        ...EV_COLUMNS.map(([key]) => num(p[key] as number | null)),
        notes(
          Object.fromEntries(
            EV_COLUMNS.filter(([key]) => p[key] === null).map(([key, header]) => [header, p.reasons?.[key]]),
          ),
        ),
      ]),
      "No projects.",
    ),
    heading("Computed RAG beside the declared RAG"),
    tableOr(
      "tblComputedRag",
      [
        { header: "Project", type: "text", width: 12 },
        { header: "Declared overall", type: "text", width: 12 },
        { header: "Computed overall", type: "text", width: 12 },
        { header: "Declared greener", type: "bool", width: 10 },
        { header: "Cost variance %", type: "percent", numberFormat: "0.0%", width: 11 },
        { header: "Computed cost", type: "text", width: 11 },
        { header: "Declared cost", type: "text", width: 11 },
        { header: "Finish slip (days)", type: "integer", width: 10 },
        { header: "Computed schedule", type: "text", width: 11 },
        { header: "Declared schedule", type: "text", width: 11 },
        { header: "Notes", type: "longText", width: 50 },
      ],
      a.projects.map((p) => {
        const r = rag.get(p.id);
        if (!r) return [p.id, null, null, null, null, null, null, null, null, null, null];
        const c = r.computed;
        return [
          p.id,
          r.declared.overall ?? r.declared.deliveryConfidence,
          c.overall.rag,
          yesNo(r.declaredGreener.overall),
          num(c.cost.variancePct),
          c.cost.rag,
          r.declared.cost,
          num(c.schedule.slipDays),
          c.schedule.rag,
          r.declared.schedule,
          notes({ Cost: c.cost.reason, Schedule: c.schedule.reason }),
        ];
      }),
      "No projects.",
    ),
  ];
  const placed = stackBlocks(blocks).blocks;
  return {
    name: OWNED_SHEET.earnedValue,
    tabColor: TAB,
    blocks: placed,
    freeze: frozenUnder(placed, "tblEarnedValue"),
    print: { landscape: true, fitToWidth: true },
    conditionalFormats: ragFormats(placedTable(placed, "tblComputedRag"), [
      "Declared overall",
      "Computed overall",
      "Computed cost",
      "Declared cost",
      "Computed schedule",
      "Declared schedule",
    ]),
  };
}
