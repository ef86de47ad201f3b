import { monthKey, isIsoDate } from "../../domain/dates";
import { numberValue, textValue, type Register } from "../../domain/register";
import { NO_PROGRAMME } from "../schedule/milestones";

/**
 * Money roll-ups per programme and for the portfolio (docs/domain.md "Roll-ups"): totals from each
 * project's Budget, ActualCost and ForecastCost (at completion), and by month and financial
 * year from the Financials lines. Outturn is what the money will have been: for a project, its
 * forecast at completion; for a period, the actual where the period is on or before the status
 * date and an actual is recorded, else the forecast ("actual to date + forecast to go"), so a
 * past year is not read as unspent. Variance = outturn − budget (positive = overspend); its
 * percentage is null, with a reason, when the budget is 0 or nothing was forecast. Missing values
 * are counted, not guessed. Projects whose programme is missing or not in the register fall in
 * one "no programme" group, so every group's rows add up to the portfolio.
 */
export { NO_PROGRAMME };
export const PORTFOLIO = "Portfolio";

export interface MoneyFigures {
  budget: number;
  actual: number;
  forecast: number;
  /** Actual to date + forecast to go (for a project total: its forecast at completion). */
  outturn: number;
  /** Outturn − budget; null when nothing was forecast (then there is no outturn to compare). */
  variance: number | null;
  variancePct: number | null;
  reason?: string;
}

export interface PeriodFigures extends MoneyFigures {
  /** `YYYY-MM` for months, `FY2025/26` for financial years. */
  period: string;
}

export interface RollupGroup {
  /** Programme id, NO_PROGRAMME, or PORTFOLIO. */
  id: string;
  name: string | null;
  totals: MoneyFigures & { projects: number; missingBudget: number; missingActual: number; missingForecast: number };
  byMonth: PeriodFigures[];
  byFinancialYear: PeriodFigures[];
}

export interface Rollups {
  fyStartMonth: number;
  programmes: RollupGroup[];
  portfolio: RollupGroup;
  /** Financials lines left out of the periods (no valid Period), by id. */
  skippedFinancials: string[];
  /** Programme ids projects name that the register has no programme for (counted under NO_PROGRAMME). */
  unknownProgrammeIds: string[];
}

/**
 * The financial year a month (or date) falls in. With the April default, March 2026 is
 * "FY2025/26" and April 2026 "FY2026/27"; a January start gives plain calendar years ("FY2026").
 */
export function financialYear(monthOrDate: string, startMonth = 4): string {
  const year = Number(monthOrDate.slice(0, 4));
  const month = Number(monthOrDate.slice(5, 7));
  if (startMonth === 1) return `FY${year}`;
  const first = month >= startMonth ? year : year - 1;
  return `FY${first}/${String((first + 1) % 100).padStart(2, "0")}`;
}

/**
 * Figures from sums. `outturn` defaults to the forecast (a project's forecast is at completion);
 * `hasOutturn` false means no value behind the outturn was recorded, so there is no variance.
 */
export function moneyFigures(
  budget: number,
  actual: number,
  forecast: number,
  outturn = forecast,
  hasOutturn = true,
): MoneyFigures {
  if (!hasOutturn)
    return { budget, actual, forecast, outturn, variance: null, variancePct: null, reason: "no forecast recorded" };
  const variance = outturn - budget;
  if (budget === 0) return { budget, actual, forecast, outturn, variance, variancePct: null, reason: "budget is 0" };
  return { budget, actual, forecast, outturn, variance, variancePct: variance / budget };
}

interface Acc {
  budget: number;
  actual: number;
  forecast: number;
  outturn: number;
  /** Lines or projects with a value behind the outturn. */
  withOutturn: number;
}

const emptyAcc = (): Acc => ({ budget: 0, actual: 0, forecast: 0, outturn: 0, withOutturn: 0 });

class GroupAcc {
  projects = 0;
  missingBudget = 0;
  missingActual = 0;
  missingForecast = 0;
  total: Acc = emptyAcc();
  months = new Map<string, Acc>();

  constructor(
    readonly id: string,
    readonly name: string | null,
  ) {}

  addProject(budget: number | null, actual: number | null, forecast: number | null): void {
    this.projects++;
    if (budget === null) this.missingBudget++;
    if (actual === null) this.missingActual++;
    if (forecast === null) this.missingForecast++;
    this.total.budget += budget ?? 0;
    this.total.actual += actual ?? 0;
    this.total.forecast += forecast ?? 0;
    this.total.outturn += forecast ?? 0;
    if (forecast !== null) this.total.withOutturn++;
  }

  /** `toDate`: the month is on or before the status date, so a recorded actual is the outturn. */
  addMonth(
    month: string,
    budget: number | null,
    actual: number | null,
    forecast: number | null,
    toDate: boolean,
  ): void {
    let acc = this.months.get(month);
    if (!acc) this.months.set(month, (acc = emptyAcc()));
    acc.budget += budget ?? 0;
    acc.actual += actual ?? 0;
    acc.forecast += forecast ?? 0;
    const outturn = toDate && actual !== null ? actual : forecast;
    acc.outturn += outturn ?? 0;
    if (outturn !== null) acc.withOutturn++;
  }

  result(fyStartMonth: number): RollupGroup {
    const months = [...this.months.keys()].sort();
    const years = new Map<string, Acc>();
    for (const m of months) {
      const fy = financialYear(m, fyStartMonth);
      const a = this.months.get(m) as Acc;
      const y = years.get(fy) ?? emptyAcc();
      years.set(fy, {
        budget: y.budget + a.budget,
        actual: y.actual + a.actual,
        forecast: y.forecast + a.forecast,
        outturn: y.outturn + a.outturn,
        withOutturn: y.withOutturn + a.withOutturn,
      });
    }
    const figures = (period: string, a: Acc): PeriodFigures => ({
      period,
      ...moneyFigures(a.budget, a.actual, a.forecast, a.outturn, a.withOutturn > 0),
    });
    const t = this.total;
    return {
      id: this.id,
      name: this.name,
      totals: {
        ...moneyFigures(t.budget, t.actual, t.forecast, t.outturn, t.withOutturn > 0),
        projects: this.projects,
        missingBudget: this.missingBudget,
        missingActual: this.missingActual,
        missingForecast: this.missingForecast,
      },
      byMonth: months.map((m) => figures(m, this.months.get(m) as Acc)),
      byFinancialYear: [...years].map(([fy, a]) => figures(fy, a)),
    };
  }
}

export function rollups(
  register: Register,
  options: { fyStartMonth?: number; statusDate?: string | null } = {},
): Rollups {
  const fyStartMonth = options.fyStartMonth ?? 4;
  // Without a status date nothing is "to date": every period's outturn is its forecast.
  const statusMonth = options.statusDate && isIsoDate(options.statusDate) ? monthKey(options.statusDate) : null;
  const groups = new Map<string, GroupAcc>();
  for (const p of register.entities.Programmes) {
    if (!groups.has(p.id)) groups.set(p.id, new GroupAcc(p.id, textValue(p.values.Name)));
  }
  const unknown = new Set<string>();
  const group = (id: string | null): GroupAcc => {
    if (id !== null && !groups.has(id)) unknown.add(id);
    const key = id !== null && groups.has(id) ? id : NO_PROGRAMME;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = new GroupAcc(key, null)));
    return g;
  };
  const portfolio = new GroupAcc(PORTFOLIO, null);

  const programmeOf = new Map<string, string | null>();
  for (const p of register.entities.Projects) {
    if (programmeOf.has(p.id)) continue;
    const programmeId = textValue(p.values.ProgrammeId);
    programmeOf.set(p.id, programmeId);
    const figures = [
      numberValue(p.values.Budget),
      numberValue(p.values.ActualCost),
      numberValue(p.values.ForecastCost),
    ] as const;
    group(programmeId).addProject(...figures);
    portfolio.addProject(...figures);
  }

  const skippedFinancials: string[] = [];
  for (const f of register.entities.Financials) {
    const period = f.values.Period;
    if (!isIsoDate(period)) {
      skippedFinancials.push(f.id);
      continue;
    }
    const projectId = textValue(f.values.ProjectId);
    const figures = [
      numberValue(f.values.Budget),
      numberValue(f.values.Actual),
      numberValue(f.values.Forecast),
    ] as const;
    const month = monthKey(period);
    const toDate = statusMonth !== null && month <= statusMonth;
    group(projectId === null ? null : (programmeOf.get(projectId) ?? null)).addMonth(month, ...figures, toDate);
    portfolio.addMonth(month, ...figures, toDate);
  }

  // Registered programmes in register order, then the projects without a (known) programme.
  const ordered = [...groups.values()].sort((a, b) => Number(a.id === NO_PROGRAMME) - Number(b.id === NO_PROGRAMME));
  return {
    fyStartMonth,
    programmes: ordered.map((g) => g.result(fyStartMonth)),
    portfolio: portfolio.result(fyStartMonth),
    skippedFinancials,
    unknownProgrammeIds: [...unknown].sort(),
  };
}
