import { financialYear, moneyFigures, rollups } from "../../../src/analysis/finance/rollups";
import { nonFiniteNumbers, registerOf } from "./register-fixture";

describe("financial years", () => {
  it("starts in April by default: March 2026 is FY2025/26, April 2026 is FY2026/27", () => {
    expect(financialYear("2026-03")).toBe("FY2025/26");
    expect(financialYear("2026-04")).toBe("FY2026/27");
    expect(financialYear("2026-03-31")).toBe("FY2025/26");
    expect(financialYear("2026-04-01")).toBe("FY2026/27");
    expect(financialYear("1999-12")).toBe("FY1999/00");
  });

  it("takes the start month as a parameter", () => {
    expect(financialYear("2026-06", 7)).toBe("FY2025/26"); // July start (Australia)
    expect(financialYear("2026-07", 7)).toBe("FY2026/27");
    expect(financialYear("2026-03", 1)).toBe("FY2026"); // calendar year
  });
});

describe("roll-ups per programme and portfolio", () => {
  const register = registerOf({
    Programmes: [
      { ProgrammeId: "PG1", Name: "Digital" },
      { ProgrammeId: "PG2", Name: "Estates" },
    ],
    Projects: [
      { ProjectId: "P1", ProgrammeId: "PG1", Budget: 1000, ActualCost: 400, ForecastCost: 1100 },
      { ProjectId: "P2", ProgrammeId: "PG1", Budget: 500, ActualCost: 100, ForecastCost: 450 },
      { ProjectId: "P3", ProgrammeId: "PG2", Budget: 0, ActualCost: 20, ForecastCost: 30 },
      { ProjectId: "P4", Budget: 200, ForecastCost: 200 },
    ],
    Financials: [
      { ProjectId: "P1", Period: "2026-03-01", Budget: 100, Actual: 90, Forecast: 95 },
      { ProjectId: "P1", Period: "2026-04-01", Budget: 100, Actual: 110, Forecast: 120 },
      { ProjectId: "P2", Period: "2026-03-01", Budget: 50, Actual: 40, Forecast: 50 },
      { ProjectId: "P4", Period: "nonsense", Budget: 50 },
    ],
  });
  const r = rollups(register);
  const pg = Object.fromEntries(r.programmes.map((g) => [g.id, g]));

  it("totals budget, actual and forecast with variance and variance %", () => {
    expect(pg.PG1.name).toBe("Digital");
    expect(pg.PG1.totals).toMatchObject({ budget: 1500, actual: 500, forecast: 1550, variance: 50, projects: 2 });
    expect(pg.PG1.totals.variancePct).toBeCloseTo(50 / 1500, 12);
    expect(r.portfolio.totals).toMatchObject({
      budget: 1700,
      actual: 520,
      forecast: 1780,
      variance: 80,
      missingActual: 1,
    });
  });

  it("gives a null variance % with a reason when the budget is 0", () => {
    expect(pg.PG2.totals).toMatchObject({ budget: 0, variance: 30, variancePct: null, reason: "budget is 0" });
  });

  it("rolls Financials up by month and by financial year across the April boundary", () => {
    expect(pg.PG1.byMonth.map((m) => [m.period, m.budget, m.actual, m.forecast])).toEqual([
      ["2026-03", 150, 130, 145],
      ["2026-04", 100, 110, 120],
    ]);
    expect(pg.PG1.byFinancialYear.map((m) => [m.period, m.budget, m.variance])).toEqual([
      ["FY2025/26", 150, -5],
      ["FY2026/27", 100, 20],
    ]);
    expect(r.skippedFinancials).toEqual(["FIN-4"]);
  });

  it("puts projects without a programme last, and produces no NaN", () => {
    expect(r.programmes.map((g) => g.id)).toEqual(["PG1", "PG2", "(no programme)"]);
    expect(nonFiniteNumbers(r)).toEqual([]);
    expect(moneyFigures(0, 0, 0).variancePct).toBeNull();
  });
});

describe("outturn: actual to date + forecast to go", () => {
  // A worked example: status date 15 April 2026, an April start to the financial year.
  // FY2025/26 (Feb, Mar 2026) is past: its outturn is what was spent, not the forecast written months ago.
  // FY2026/27: April is the status month (actual recorded, so actual), May has no actual yet (forecast).
  const register = registerOf({
    Programmes: [{ ProgrammeId: "PG1", Name: "Digital" }],
    Projects: [{ ProjectId: "P1", ProgrammeId: "PG1", Budget: 1000, ActualCost: 330, ForecastCost: 1100 }],
    Financials: [
      { ProjectId: "P1", Period: "2026-02-01", Budget: 100, Actual: 120 },
      { ProjectId: "P1", Period: "2026-03-01", Budget: 100, Actual: 90, Forecast: 100 },
      { ProjectId: "P1", Period: "2026-04-01", Budget: 100, Actual: 120, Forecast: 100 },
      { ProjectId: "P1", Period: "2026-05-01", Budget: 100, Forecast: 130 },
    ],
  });
  const r = rollups(register, { statusDate: "2026-04-15" });
  const years = Object.fromEntries(r.portfolio.byFinancialYear.map((y) => [y.period, y]));

  it("reads a past year from its actuals, so it is not −100 % for want of a forecast", () => {
    expect(years["FY2025/26"]).toMatchObject({ budget: 200, actual: 210, forecast: 100, outturn: 210, variance: 10 });
    expect(years["FY2025/26"].variancePct).toBeCloseTo(0.05, 12);
  });

  it("takes the actual for the status month and the forecast for months to come", () => {
    expect(years["FY2026/27"]).toMatchObject({ budget: 200, actual: 120, forecast: 230, outturn: 250, variance: 50 });
  });

  it("without a status date every period's outturn is its forecast, and no forecast means no variance", () => {
    const plain = rollups(register);
    const y = Object.fromEntries(plain.portfolio.byMonth.map((m) => [m.period, m]));
    expect(y["2026-03"]).toMatchObject({ outturn: 100, variance: 0 });
    expect(y["2026-02"]).toMatchObject({
      outturn: 0,
      variance: null,
      variancePct: null,
      reason: "no forecast recorded",
    });
  });

  it("a project total's outturn is its forecast at completion", () => {
    expect(r.portfolio.totals).toMatchObject({ budget: 1000, forecast: 1100, outturn: 1100, variance: 100 });
  });
});

describe("projects whose programme the register does not hold", () => {
  const register = registerOf({
    Programmes: [{ ProgrammeId: "PG1", Name: "Digital" }],
    Projects: [
      { ProjectId: "P1", ProgrammeId: "PG1", Budget: 1000, ForecastCost: 1000 },
      { ProjectId: "P2", ProgrammeId: "PGM-00", Budget: 94, ForecastCost: 94 },
      { ProjectId: "P3", Budget: 6, ForecastCost: 6 },
    ],
    Financials: [{ ProjectId: "P2", Period: "2026-03-01", Budget: 10, Forecast: 10 }],
  });
  const r = rollups(register);

  it("count under the one no-programme group, so the groups add up to the portfolio", () => {
    expect(r.programmes.map((g) => [g.id, g.totals.projects, g.totals.budget])).toEqual([
      ["PG1", 1, 1000],
      ["(no programme)", 2, 100],
    ]);
    const sum = r.programmes.reduce((s, g) => s + g.totals.budget, 0);
    expect(sum).toBe(r.portfolio.totals.budget);
    expect(r.programmes[1].byMonth.map((m) => [m.period, m.budget])).toEqual([["2026-03", 10]]);
  });

  it("are named so the reader can fix the id", () => {
    expect(r.unknownProgrammeIds).toEqual(["PGM-00"]);
  });
});
