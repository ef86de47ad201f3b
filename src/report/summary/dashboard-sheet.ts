import { OWNED_SHEET } from "../../domain/owned-sheet-names";
import type { CapacityPlan, Hotspot } from "../../analysis/capacity/capacity-plan";
import type { Block, ChartBlock, ColumnSpec, KeyFigure, SheetSpec, SpecValue, TableBlock } from "../../workbook/spec";
import { tableExtent } from "../../workbook/spec";
import { cellText } from "../analysis-sheet-parts";
import { blockHeight } from "../layout";
import { projectsNeedingAttention } from "./attention";
import { portfolioCommentary } from "./commentary";
import { SIGNED_PCT, finite, moneyAxis, moneyFormat, moneyWords } from "./figures";
import { packPrint, SUMMARY_TAB, uniqueName, type SummaryStyle } from "./programme-sheet";
import type { ProgrammeSummary, SummaryInputs } from "./summary-model";

export const DASHBOARD_SHEET = OWNED_SHEET.dashboard;

/** Rows of the "Needs attention" table on page one; the rest are counted and left to the programme pages. */
const ATTENTION_ROWS = 10;

const RAG_COLOURS: Record<string, string> = {
  Red: "C00000",
  Amber: "FFC000",
  Green: "00B050",
  "Amber/Red": "E26B0A",
  "Amber/Green": "92D050",
  "Not rated": "A6A6A6",
};

/** The overload that most needs attention: largest overload, then highest utilisation. */
export function worstHotspot(plan: CapacityPlan): Hotspot | null {
  return overloads(plan)[0] ?? null;
}

/** Red and no-capacity cells, worst first: largest overload, then highest utilisation, then role and month. */
function overloads(plan: CapacityPlan): Hotspot[] {
  return plan.hotspots
    .filter((h) => h.band === "red" || h.band === "no capacity")
    .sort(
      (a, b) =>
        b.overload - a.overload ||
        (b.utilisation ?? Infinity) - (a.utilisation ?? Infinity) ||
        (a.role + a.month < b.role + b.month ? -1 : 1),
    );
}

function column(header: string, type: ColumnSpec["type"], numberFormat?: string): ColumnSpec {
  return { header, type, ...(numberFormat ? { numberFormat } : {}) };
}

function seriesRange(table: TableBlock, sheet: string, columnIndex: number) {
  const e = tableExtent(table);
  return { sheet, top: e.top + 1, bottom: e.bottom, left: table.col + columnIndex, right: table.col + columnIndex };
}

interface ChartData {
  table: TableBlock;
  chart: Omit<ChartBlock, "row" | "col" | "widthCols" | "heightRows">;
}

/**
 * The portfolio dashboard: key figures and commentary at the top, five native charts in a grid,
 * and under a "Chart data" heading the tables the charts read (so every plotted number can be
 * checked and printed).
 */
export function dashboardSheet(inputs: SummaryInputs, programmes: ProgrammeSummary[], style: SummaryStyle): SheetSpec {
  const sheet = DASHBOARD_SHEET;
  const money = moneyFormat(style.currency, style.moneyUnit);
  const words = moneyWords(style.currency, style.moneyUnit);
  const projects = programmes.flatMap((p) => p.projects);
  const portfolio = inputs.analysis.rollups.portfolio.totals;
  const v = inputs.validation;
  const sel =
    inputs.selection && (inputs.selection.status === "optimal" || inputs.selection.status === "feasible")
      ? inputs.selection
      : null;
  const hotspot = worstHotspot(inputs.capacity);
  const ragCount = (rag: string | null, field: "computed" | "declared") =>
    projects.filter((p) => (p[field] ?? null) === rag).length;

  const figures: KeyFigure[] = [
    { label: "Programmes", value: inputs.register.entities.Programmes.length, numberFormat: "0" },
    { label: "Projects", value: projects.length, numberFormat: "0", definedName: uniqueName("ProjectCount", style) },
    {
      label: "Budget",
      value: portfolio.budget,
      numberFormat: money,
      definedName: uniqueName("PortfolioBudget", style),
    },
    {
      label: "Actual to date",
      value: portfolio.actual,
      numberFormat: money,
      definedName: uniqueName("PortfolioActual", style),
    },
    {
      label: "Forecast",
      value: portfolio.forecast,
      numberFormat: money,
      definedName: uniqueName("PortfolioForecast", style),
    },
    {
      label: "Variance (forecast − budget)",
      value: portfolio.variance,
      numberFormat: money,
      definedName: uniqueName("PortfolioVariance", style),
    },
    {
      label: "Variance %",
      value: finite(portfolio.variancePct),
      numberFormat: SIGNED_PCT,
      definedName: uniqueName("PortfolioVariancePct", style),
    },
    {
      label: "Computed Red",
      value: ragCount("Red", "computed"),
      numberFormat: "0",
      definedName: uniqueName("ComputedRed", style),
    },
    { label: "Computed Amber", value: ragCount("Amber", "computed"), numberFormat: "0" },
    { label: "Computed Green", value: ragCount("Green", "computed"), numberFormat: "0" },
    {
      label: "Data-quality score",
      value: finite(v.score.portfolio),
      numberFormat: "0.0%",
      definedName: uniqueName("DataQualityScore", style),
    },
    { label: "Errors to fix", value: v.counts.error, numberFormat: "0", definedName: uniqueName("OpenErrors", style) },
    { label: "Warnings", value: v.counts.warning, numberFormat: "0" },
  ];
  if (sel) {
    figures.push(
      { label: "Selected projects", value: sel.selected.length, numberFormat: "0" },
      { label: "Cost of the selection", value: sel.cost, numberFormat: money },
    );
  }
  const commentary = portfolioCommentary(
    {
      projects,
      programmes: figures[0].value as number,
      money: portfolio,
      programmeVariances: programmes.map((p) => ({ id: p.id, name: p.name, variance: p.money.variance })),
      hotspot,
      selection: sel
        ? {
            status: sel.status,
            count: sel.selected.length,
            objective: sel.objective,
            objectiveName: sel.objectiveName,
            cost: sel.cost,
          }
        : null,
      score: v.score.portfolio,
      errors: v.counts.error,
      warnings: v.counts.warning,
      stamp: v.stamp,
    },
    words,
  );

  // --- chart data tables (placed below the charts) ---
  const data: ChartData[] = [];
  const t = (suffix: string) => uniqueName(`tblDashboard_${suffix}`, style);
  // Declared is the SRO's RAG, else the delivery confidence (DCA), whose five-point scale adds
  // Amber/Red and Amber/Green; those rows appear only when some project declares them.
  const declaredOf = (p: (typeof projects)[number]) => p.declared ?? p.confidence;
  const declaredCount = (rag: string) => projects.filter((p) => declaredOf(p) === rag).length;
  const scale = ["Red", "Amber/Red", "Amber", "Amber/Green", "Green"].filter(
    (r) => !r.includes("/") || declaredCount(r) > 0,
  );
  const ragRows: SpecValue[][] = scale.map((r) => [r, declaredCount(r), ragCount(r, "computed")]);
  ragRows.push([
    "Not rated",
    projects.filter((p) => !scale.includes(declaredOf(p) ?? "")).length,
    ragCount(null, "computed"),
  ]);
  const ragTable = table(
    t("Rag"),
    [column("RAG", "text"), column("Declared", "integer"), column("Computed", "integer")],
    ragRows,
  );
  // When no RAG could be computed (no budgets and forecasts, no dates), the declared ratings are
  // plotted, and the title says so, rather than a doughnut that is all "Not rated".
  const plotDeclared = !projects.some((p) => p.computed !== null) && projects.some((p) => declaredOf(p) !== null);
  data.push({
    table: ragTable,
    chart: {
      kind: "chart",
      type: "doughnut",
      title: plotDeclared ? "Projects by declared RAG (none could be computed)" : "Projects by computed RAG",
      series: [],
      pointColors: ragRows.map((r) => RAG_COLOURS[r[0] as string]),
    },
  });
  const withProjects = programmes.filter((p) => p.projects.length > 0);
  const moneyTable = table(
    t("Money"),
    [
      column("Programme", "text"),
      column("Budget", "money", money),
      column("Actual", "money", money),
      column("Forecast", "money", money),
      column("Variance", "money", money),
      column("Variance %", "percent", SIGNED_PCT),
    ],
    withProjects.map((p) => [
      cellText(p.name),
      p.money.budget,
      p.money.actual,
      p.money.forecast,
      p.money.variance,
      finite(p.money.variancePct),
    ]),
  );
  const moneyScale = moneyAxis(
    Math.max(
      0,
      ...withProjects.flatMap((p) => [p.money.budget, p.money.actual, p.money.forecast].map((v) => Math.abs(v))),
    ),
    style.currency,
    style.moneyUnit,
  );
  data.push({
    table: moneyTable,
    chart: {
      kind: "chart",
      type: "column",
      title: "Budget, actual and forecast by programme",
      series: [],
      yTitle: `Money (${moneyScale.title})`,
      yNumberFormat: moneyScale.numberFormat,
    },
  });
  const costed = projects.filter((p) => p.score !== null && (p.forecast ?? p.budget) !== null);
  const costAxis = moneyAxis(
    Math.max(0, ...costed.map((p) => Math.abs(p.forecast ?? p.budget ?? 0))),
    style.currency,
    style.moneyUnit,
  );
  const valueTable = table(
    t("Value"),
    [column("Project", "text"), column("Cost (forecast)", "money", money), column("Value (score)", "number", "0.0")],
    costed.map((p) => [p.id, p.forecast ?? p.budget, finite(p.score)]),
  );
  data.push({
    table: valueTable,
    chart: {
      kind: "chart",
      type: "scatter",
      title: "Value against cost",
      series: [],
      xTitle: `Cost (${costAxis.title})`,
      xNumberFormat: costAxis.numberFormat,
      yTitle: "Score",
    },
  });
  const months = inputs.capacity.months;
  const roles = Object.values(inputs.capacity.roles);
  const sum = (pick: (r: (typeof roles)[number]) => number[], i: number) =>
    roles.reduce((s, r) => s + (pick(r)[i] ?? 0), 0);
  const capacityTable = table(
    t("Capacity"),
    [column("Month", "text"), column("Demand (FTE)", "number", "0.0"), column("Supply (FTE)", "number", "0.0")],
    months.map((m, i) => [m, round1(sum((r) => r.demand, i)), round1(sum((r) => r.supply, i))]),
  );
  data.push({
    table: capacityTable,
    chart: {
      kind: "chart",
      type: "line",
      title: "Capacity: demand against supply (all roles)",
      series: [],
      yTitle: "FTE",
    },
  });
  const frontier = (inputs.selection?.frontier ?? []).filter((f) => f.objective !== null);
  const frontierTable = table(
    t("Frontier"),
    [column("Budget", "money", money), column("Best value", "number", "0.0"), column("Projects", "integer")],
    frontier.map((f) => [f.budget, finite(f.objective), f.selectedCount]),
  );
  data.push({
    table: frontierTable,
    chart: {
      kind: "chart",
      type: "line",
      title: "Efficient frontier: best value for each budget",
      series: [],
      xTitle: "Budget",
      yTitle: "Value",
    },
  });

  // --- layout: what needs the board first, then the portfolio figures, then the charts ---
  const attention = projectsNeedingAttention(inputs, programmes, inputs.capacity);
  const shown = attention.slice(0, ATTENTION_ROWS);
  const blocks: Block[] = [
    {
      kind: "title",
      row: 1,
      col: 1,
      text: "Portfolio dashboard",
      subtitle: `Reporting date ${style.reportingDate} · profile ${v.profile} · ${inputs.registerLabel}`,
    },
    { kind: "text", row: 4, col: 1, lines: [`Needs attention (${attention.length})`], style: "heading" },
  ];
  let top = 5;
  if (shown.length === 0) {
    blocks.push({
      kind: "text",
      row: top,
      col: 1,
      lines: [
        "No project needs the board's attention: none is computed Red, declared greener than its numbers, past its cost or schedule tolerance, behind an overload, stale or asking for a decision.",
      ],
      style: "note",
    });
    top += 2;
  } else {
    blocks.push(
      table(
        t("Attention"),
        [
          column("Project", "text"),
          column("Programme", "text"),
          column("Project manager", "text"),
          column("SRO", "text"),
          column("Declared / computed", "text"),
          column("Why it needs attention", "longText"),
          column("Decision asked of the board", "longText"),
        ],
        shown.map((a) => [
          cellText(a.label),
          cellText(a.programme),
          cellText(a.manager),
          cellText(a.sro),
          `${a.declared ?? "none"} / ${a.computed ?? "not computed"}`,
          cellText(a.reasons.join("; ")),
          cellText(a.decision),
        ]),
        top,
      ),
    );
    top += shown.length + 1;
    if (attention.length > shown.length) {
      blocks.push({
        kind: "text",
        row: top,
        col: 1,
        lines: [`${attention.length - shown.length} more on the programme pages.`],
        style: "note",
      });
      top += 1;
    }
    top += 1;
  }
  blocks.push(
    { kind: "keyFigures", row: top, col: 1, items: figures },
    { kind: "text", row: top, col: 4, lines: ["Commentary"], style: "heading" },
    { kind: "text", row: top + 1, col: 4, lines: commentary },
  );
  let row = top + Math.max(figures.length, commentary.length + 1) + 1;
  if (v.stamp) {
    blocks.push({
      kind: "text",
      row: 3,
      col: 4,
      lines: [`NOT COMPLIANT: ${v.counts.error} errors remain under the directive profile.`],
      style: "stamp",
    });
  }
  const CHART_H = 16;
  const chartsTop = row;
  const drawn = data.filter((x) => x.table.rows.length > 0);
  const dataTop = chartsTop + Math.ceil(drawn.length / 2) * (CHART_H + 1) + 1;
  blocks.push({ kind: "text", row: dataTop, col: 1, lines: ["Chart data"], style: "heading" });
  row = dataTop + 2;
  const placedTables: TableBlock[] = [];
  for (const x of data) {
    const placed = { ...x.table, row, col: 1 };
    if (x.table.rows.length === 0) {
      blocks.push({ kind: "text", row, col: 1, lines: [`${x.chart.title}: no data, so no chart.`], style: "note" });
      row += 2;
      continue;
    }
    placedTables.push(placed);
    blocks.push(placed);
    row += blockHeight(placed) + 2;
  }
  drawn.forEach((x, i) => {
    const tableBlock = placedTables[i];
    blocks.push({
      ...x.chart,
      row: chartsTop + Math.floor(i / 2) * (CHART_H + 1),
      col: i % 2 === 0 ? 1 : 5,
      widthCols: 3,
      heightRows: CHART_H,
      series: chartSeries(x, tableBlock, sheet),
    });
  });
  if (hotspot) {
    const rows: SpecValue[][] = overloads(inputs.capacity)
      .slice(0, 10)
      .map((h) => [
        h.role,
        h.month,
        round1(h.demand),
        round1(h.supply),
        finite(h.utilisation),
        cellText(h.topProjects.map((p) => `${p.id} (${p.fte.toFixed(1)} FTE)`).join(", ")),
      ]);
    blocks.push({ kind: "text", row, col: 1, lines: ["Capacity hotspots"], style: "heading" });
    blocks.push(
      table(
        t("Hotspots"),
        [
          column("Role", "text"),
          column("Month", "text"),
          column("Demand (FTE)", "number", "0.0"),
          column("Supply (FTE)", "number", "0.0"),
          column("Utilisation", "percent", "0%"),
          column("Driven by", "text"),
        ],
        rows,
        row + 1,
      ),
    );
  }
  return {
    name: sheet,
    tabColor: SUMMARY_TAB,
    blocks,
    columnWidths: { 1: 30, 2: 18, 3: 16, 4: 16, 5: 16, 6: 48, 7: 40, 8: 14, 9: 14, 10: 14 },
    // Page one is the attention list, the figures and the charts; the chart data below them does not print.
    print: packPrint(style, { onePage: true, area: { top: 1, left: 1, bottom: dataTop - 1, right: 8 } }),
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

function table(name: string, columns: ColumnSpec[], rows: SpecValue[][], row = 0): TableBlock {
  return { kind: "table", row, col: 1, name, columns, rows, style: "TableStyleMedium2" };
}

function chartSeries(x: ChartData, placed: TableBlock, sheet: string): ChartBlock["series"] {
  const categories = seriesRange(placed, sheet, 0);
  switch (x.chart.type) {
    case "doughnut":
      return x.chart.title.startsWith("Projects by declared")
        ? [{ name: "Declared", categories, values: seriesRange(placed, sheet, 1) }]
        : [{ name: "Computed", categories, values: seriesRange(placed, sheet, 2) }];
    case "column":
      return [
        { name: "Budget", categories, values: seriesRange(placed, sheet, 1), color: "4472C4" },
        { name: "Actual", categories, values: seriesRange(placed, sheet, 2), color: "A5A5A5" },
        { name: "Forecast", categories, values: seriesRange(placed, sheet, 3), color: "ED7D31" },
      ];
    case "scatter":
      return [{ name: "Projects", categories: seriesRange(placed, sheet, 1), values: seriesRange(placed, sheet, 2) }];
    case "line":
      return placed.columns[0].header === "Month"
        ? [
            { name: "Demand", categories, values: seriesRange(placed, sheet, 1), color: "ED7D31" },
            { name: "Supply", categories, values: seriesRange(placed, sheet, 2), color: "4472C4" },
          ]
        : [{ name: "Best value", categories, values: seriesRange(placed, sheet, 1), color: "70AD47" }];
    default:
      return [];
  }
}
