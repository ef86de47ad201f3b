import type { CellValue, Grid, GridTable } from "../../../src/workbook/grid";

/**
 * An independent check of a written summary workbook: it reads cells (the grids a reader gives
 * back from the file), not the report model, and lists every total that does not add up.
 * - Dashboard: the programme money table sums to the headline Budget, Actual and Forecast.
 * - Finance: the programme rows of the roll-up sum to the Portfolio row; each financial year's
 *   programme rows sum to its Portfolio row; every period's variance is outturn − budget; the
 *   Portfolio roll-up matches the dashboard headline.
 * - Each programme page: its Budget, Actual and Forecast key figures are its Projects table's sums.
 */
export function packProblems(grids: Grid[]): string[] {
  const problems: string[] = [];
  const sheet = (name: string) => grids.find((g) => g.sheet === name);
  const dashboard = sheet("Dashboard");
  if (!dashboard) return ["no Dashboard sheet"];
  const headline = {
    Budget: keyFigure(dashboard, "Budget"),
    Actual: keyFigure(dashboard, "Actual to date"),
    Forecast: keyFigure(dashboard, "Forecast"),
  };
  const money = tableRows(dashboard, (t) => t.name.startsWith("tblDashboard_Money"));
  if (money) {
    for (const col of ["Budget", "Actual", "Forecast"] as const) {
      const sum = total(money, col);
      if (!close(sum, headline[col]))
        problems.push(`Dashboard: programme ${col} sums to ${sum}, the headline says ${headline[col]}`);
    }
  }

  const finance = sheet("Finance");
  if (finance) {
    const rollup = tableRows(finance, (t) => t.name.startsWith("tblFinanceRollup"));
    if (!rollup) problems.push("Finance: no roll-up table");
    else {
      const portfolio = rollup.find((r) => r.Programme === "Portfolio");
      const groups = rollup.filter((r) => r.Programme !== "Portfolio");
      if (!portfolio) problems.push("Finance: no Portfolio row");
      else {
        for (const col of ["Budget", "Actual", "Forecast"]) {
          if (!close(total(groups, col), num(portfolio[col])))
            problems.push(`Finance: programme ${col} sums to ${total(groups, col)}, Portfolio says ${portfolio[col]}`);
        }
        if (!close(num(portfolio.Budget), headline.Budget))
          problems.push(`Finance: Portfolio budget ${portfolio.Budget} is not the dashboard's ${headline.Budget}`);
      }
    }
    const years = tableRows(finance, (t) => t.name.startsWith("tblFinanceByYear"));
    for (const fy of new Set((years ?? []).map((r) => r["Financial year"]))) {
      const rows = (years ?? []).filter((r) => r["Financial year"] === fy);
      const portfolio = rows.find((r) => r.Programme === "Portfolio");
      const groups = rows.filter((r) => r.Programme !== "Portfolio");
      for (const col of ["Budget", "Actual", "Forecast", "Outturn"]) {
        if (portfolio && !close(total(groups, col), num(portfolio[col])))
          problems.push(
            `Finance ${String(fy)}: programme ${col} sums to ${total(groups, col)}, Portfolio says ${portfolio[col]}`,
          );
      }
      for (const r of rows) {
        if (r.Variance === null || r.Variance === undefined) continue;
        if (!close(num(r.Variance), num(r.Outturn) - num(r.Budget)))
          problems.push(`Finance ${String(fy)} ${String(r.Programme)}: variance ${r.Variance} is not outturn − budget`);
      }
    }
  }

  for (const g of grids) {
    const projects = tableRows(g, (t) => /^tblPrg_.*_Projects/.test(t.name));
    if (!projects) continue;
    for (const [label, col] of [
      ["Budget", "Budget"],
      ["Actual to date", "Actual"],
      ["Forecast", "Forecast"],
    ]) {
      const figure = keyFigure(g, label);
      if (!close(total(projects, col), figure))
        problems.push(`${g.sheet}: ${label} says ${figure}, its projects sum to ${total(projects, col)}`);
    }
  }
  return problems;
}

type Row = Record<string, CellValue>;

function num(v: CellValue | undefined): number {
  return typeof v === "number" ? v : 0;
}

function total(rows: Row[], col: string): number {
  return rows.reduce((s, r) => s + num(r[col]), 0);
}

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));
}

/** The number right of the first cell whose text is `label` (key figures are label, value pairs). */
export function keyFigure(grid: Grid, label: string): number {
  for (const row of grid.values) {
    const i = row.findIndex((c) => c === label);
    if (i >= 0) return num(row[i + 1]);
  }
  return Number.NaN;
}

/** A table's body rows keyed by header, read from the grid's cells. */
export function tableRows(grid: Grid, pick: (t: GridTable) => boolean): Row[] | null {
  const t = (grid.tables ?? []).find(pick);
  if (!t) return null;
  const { top, left, bottom, right } = t.range;
  const headers = grid.values[top].slice(left, right + 1).map(String);
  const rows: Row[] = [];
  for (let r = top + 1; r <= bottom; r++) {
    const row: Row = {};
    headers.forEach((h, i) => (row[h] = grid.values[r]?.[left + i] ?? null));
    rows.push(row);
  }
  return rows;
}
