import { monthKey, isIsoDate } from "../../domain/dates";
import { numberValue, textValue, type Register } from "../../domain/register";
import { NO_PROGRAMME } from "../schedule/milestones";

/**
 * Money roll-ups per programme and for the portfolio (domain.md "Roll-ups"): totals from each
 * project's Budget, ActualCost and ForecastCost (at completion), and by month and financial
 * year from the Financials lines. Variance = forecast − budget (positive = overspend); its
 * percentage is null, with a reason, when the budget is 0. Missing values are counted, not guessed.
 */
export { NO_PROGRAMME };
export const PORTFOLIO = "Portfolio";

export interface MoneyFigures {
  budget: number;
  actual: number;
  forecast: number;
  variance: number;
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

export function moneyFigures(budget: number, actual: number, forecast: number): MoneyFigures {
  const variance = forecast - budget;
  if (budget === 0) return { budget, actual, forecast, variance, variancePct: null, reason: "budget is 0" };
  return { budget, actual, forecast, variance, variancePct: variance / budget };
}

interface Acc {
  budget: number;
  actual: number;
  forecast: number;
}

class GroupAcc {
  projects = 0;
  missingBudget = 0;
  missingActual = 0;
  missingForecast = 0;
  total: Acc = { budget: 0, actual: 0, forecast: 0 };
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
  }

  addMonth(month: string, budget: number | null, actual: number | null, forecast: number | null): void {
    let acc = this.months.get(month);
    if (!acc) this.months.set(month, (acc = { budget: 0, actual: 0, forecast: 0 }));
    acc.budget += budget ?? 0;
    acc.actual += actual ?? 0;
    acc.forecast += forecast ?? 0;
  }

  result(fyStartMonth: number): RollupGroup {
    const months = [...this.months.keys()].sort();
    const years = new Map<string, Acc>();
    for (const m of months) {
      const fy = financialYear(m, fyStartMonth);
      const a = this.months.get(m) as Acc;
      const y = years.get(fy) ?? { budget: 0, actual: 0, forecast: 0 };
      years.set(fy, { budget: y.budget + a.budget, actual: y.actual + a.actual, forecast: y.forecast + a.forecast });
    }
    const figures = (period: string, a: Acc): PeriodFigures => ({
      period,
      ...moneyFigures(a.budget, a.actual, a.forecast),
    });
    return {
      id: this.id,
      name: this.name,
      totals: {
        ...moneyFigures(this.total.budget, this.total.actual, this.total.forecast),
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

export function rollups(register: Register, options: { fyStartMonth?: number } = {}): Rollups {
  const fyStartMonth = options.fyStartMonth ?? 4;
  const groups = new Map<string, GroupAcc>();
  for (const p of register.entities.Programmes) {
    if (!groups.has(p.id)) groups.set(p.id, new GroupAcc(p.id, textValue(p.values.Name)));
  }
  const group = (id: string | null): GroupAcc => {
    const key = id ?? NO_PROGRAMME;
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
    group(projectId === null ? null : (programmeOf.get(projectId) ?? null)).addMonth(month, ...figures);
    portfolio.addMonth(month, ...figures);
  }

  // Registered programmes first (register order), then ids only projects mention, then the rest.
  const registered = new Set(register.entities.Programmes.map((p) => p.id));
  const rank = (g: GroupAcc): number => (g.id === NO_PROGRAMME ? 2 : registered.has(g.id) ? 0 : 1);
  const ordered = [...groups.values()].sort((a, b) => rank(a) - rank(b));
  return {
    fyStartMonth,
    programmes: ordered.map((g) => g.result(fyStartMonth)),
    portfolio: portfolio.result(fyStartMonth),
    skippedFinancials,
  };
}
