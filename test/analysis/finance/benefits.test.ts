import { benefitsRealisation, realisation } from "../../../src/analysis/finance/benefits";
import { nonFiniteNumbers, registerOf } from "./register-fixture";

describe("benefits realisation", () => {
  const register = registerOf({
    Programmes: [{ ProgrammeId: "PG1", Name: "Digital" }],
    Projects: [{ ProjectId: "P1", ProgrammeId: "PG1" }],
    Benefits: [
      {
        BenefitId: "B1",
        ProgrammeId: "PG1",
        Description: "Fewer calls",
        PlannedValue: 1000,
        RealisedValue: 600,
        PlannedDate: "2026-03-31",
      },
      // Programme through its project.
      {
        BenefitId: "B2",
        ProjectId: "P1",
        Description: "Less paper",
        PlannedValue: 500,
        RealisedValue: 500,
        PlannedDate: "2026-04-01",
      },
      {
        BenefitId: "B3",
        ProjectId: "P1",
        Description: "Happier staff",
        Category: "Qualitative",
        PlannedDate: "2026-05-01",
      },
      { BenefitId: "B4", Description: "Orphan", PlannedValue: 0, RealisedValue: 10 },
    ],
  });
  const r = benefitsRealisation(register);

  it("compares planned and realised per programme and financial year", () => {
    const pg1 = r.programmes[0];
    expect(pg1.id).toBe("PG1");
    expect(pg1.totals).toMatchObject({ planned: 1500, realised: 1100, benefits: 3, missingPlanned: 1 });
    expect(pg1.totals.realisationPct).toBeCloseTo(1100 / 1500, 12);
    expect(pg1.byPeriod.map((p) => [p.period, p.planned, p.realised, p.realisationPct])).toEqual([
      ["FY2025/26", 1000, 600, 0.6],
      ["FY2026/27", 500, 500, 1],
    ]);
  });

  it("gives null realisation with a reason when nothing is planned", () => {
    const lines = Object.fromEntries(r.benefits.map((b) => [b.id, b]));
    expect(lines.B2.programmeId).toBe("PG1");
    expect(lines.B3).toMatchObject({ realisationPct: null, reason: "no PlannedValue" });
    expect(lines.B4).toMatchObject({ realisationPct: null, reason: "planned value is 0", period: "(no date)" });
    const orphan = r.programmes[1];
    expect(orphan.id).toBe("(no programme)");
    expect(orphan.totals).toMatchObject({
      planned: 0,
      realised: 10,
      realisationPct: null,
      reason: "nothing planned (planned value is 0)",
    });
    expect(realisation(100, null)).toEqual({ pct: null, reason: "no RealisedValue" });
  });

  it("totals the portfolio and produces no NaN", () => {
    expect(r.portfolio.totals).toMatchObject({ planned: 1500, realised: 1110, benefits: 4 });
    expect(nonFiniteNumbers(r)).toEqual([]);
  });
});
