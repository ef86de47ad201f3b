import {
  earnedValue,
  earnedValueFigures,
  earnedValueFromRegister,
  linearPvFraction,
  timePhasedPv,
  type EvInput,
} from "../../../src/analysis/finance/earned-value";
import { nonFiniteNumbers, registerOf } from "./register-fixture";

describe("earned value: the worked check (docs/domain.md 'Earned value')", () => {
  // BAC 4000, PV 3000, EV 2500, AC 2800 → CPI 0.893, SPI 0.833, EAC 4480, VAC −480.
  const { figures, reasons } = earnedValueFigures(4000, 3000, 2500, 2800);

  it("gives the published indices and forecasts", () => {
    expect(figures.cpi).toBeCloseTo(0.893, 3);
    expect(figures.spi).toBeCloseTo(0.833, 3);
    expect(figures.eac).toBeCloseTo(4480, 9);
    expect(figures.vac).toBeCloseTo(-480, 9);
    expect(figures.cv).toBe(-300);
    expect(figures.sv).toBe(-500);
    expect(figures.etc).toBeCloseTo(1680, 9);
    expect(figures.eacAtypical).toBe(4300); // 2800 + (4000 − 2500)
    expect(figures.eacComposite).toBeCloseTo(2800 + 1500 / ((2500 / 2800) * (2500 / 3000)), 9); // 4816
    expect(figures.eacComposite).toBeCloseTo(4816, 9);
    expect(figures.tcpi).toBeCloseTo(1.25, 12); // 1500 / 1200
    expect(reasons).toEqual({});
  });

  it("keeps full precision (rounding is for display)", () => {
    expect(figures.cpi).toBe(2500 / 2800);
    expect(figures.spi).toBe(2500 / 3000);
  });

  it("gets the same answer from a project: linear PV over the baseline", () => {
    // 75 of 100 baseline days elapsed → PV = 3000; 62.5 % complete → EV = 2500.
    const input: EvInput = {
      projectId: "P1",
      bac: 4000,
      percentComplete: 0.625,
      actualCost: 2800,
      baselineStart: "2025-01-01",
      baselineFinish: "2025-04-11",
    };
    const ev = earnedValue(input, "2025-03-17");
    expect(ev.pvMethod).toBe("linear");
    expect(ev.pv).toBe(3000);
    expect(ev.ev).toBe(2500);
    expect(ev.eac).toBeCloseTo(4480, 9);
    expect(ev.vac).toBeCloseTo(-480, 9);
  });
});

describe("planned value", () => {
  it("clamps the linear share to 0–1", () => {
    expect(linearPvFraction("2025-01-01", "2025-01-11", "2024-12-01")).toBe(0);
    expect(linearPvFraction("2025-01-01", "2025-01-11", "2025-01-06")).toBe(0.5);
    expect(linearPvFraction("2025-01-01", "2025-01-11", "2026-01-01")).toBe(1);
    expect(linearPvFraction("2025-01-01", "2025-01-01", "2025-01-01")).toBe(1);
  });

  it("time-phases from monthly budgets: whole months before, plus the current month pro rata by days", () => {
    const months = [
      { month: "2025-01", budget: 100 },
      { month: "2025-02", budget: 200 },
      { month: "2025-03", budget: 310 },
      { month: "2025-04", budget: 999 },
    ];
    // 16 March: January + February + 15/31 of March's 310 = 300 + 150.
    expect(timePhasedPv(months, "2025-03-16")).toBeCloseTo(450, 12);
    expect(timePhasedPv(months, "2025-03-01")).toBe(300);
    expect(timePhasedPv(months, "2024-12-31")).toBe(0);
  });

  it("uses Financials' monthly budgets (summed over cost types) when a project has them", () => {
    const register = registerOf({
      Projects: [
        {
          ProjectId: "P1",
          Budget: 1000,
          PercentComplete: 0.5,
          ActualCost: 400,
          BaselineStart: "2025-01-01",
          BaselineFinish: "2025-12-31",
        },
      ],
      Financials: [
        { ProjectId: "P1", Period: "2025-01-01", CostType: "Capex", Budget: 100 },
        { ProjectId: "P1", Period: "2025-01-01", CostType: "Opex", Budget: 50 },
        { ProjectId: "P1", Period: "2025-02-01", CostType: "Capex", Budget: 280 },
        { ProjectId: "P1", Period: "2025-03-01", CostType: "Capex", Budget: 500 },
      ],
    });
    const [ev] = earnedValueFromRegister(register, "2025-02-15");
    expect(ev.pvMethod).toBe("time-phased");
    expect(ev.pv).toBeCloseTo(150 + (280 * 14) / 28, 12); // 290
    expect(ev.spi).toBeCloseTo(500 / 290, 12);
  });
});

describe("earned value with missing or zero data: null with a reason, never NaN", () => {
  const base: EvInput = {
    projectId: "P",
    bac: 1000,
    percentComplete: 0.2,
    actualCost: 300,
    baselineStart: "2025-01-01",
    baselineFinish: "2025-12-31",
  };

  it("0 % complete: CPI is 0, so EAC, ETC and VAC cannot be had", () => {
    const ev = earnedValue({ ...base, percentComplete: 0 }, "2025-07-01");
    expect(ev.ev).toBe(0);
    expect(ev.cpi).toBe(0);
    expect(ev.eac).toBeNull();
    expect(ev.reasons.eac).toBe("CPI is 0 (no value earned for the cost so far)");
    expect(ev.reasons.etc).toBe("needs EAC (CPI is 0 (no value earned for the cost so far))");
    expect(ev.reasons.vac).toMatch(/^needs EAC/);
    expect(ev.eacComposite).toBeNull();
    expect(ev.reasons.eacComposite).toBe("CPI × SPI is 0");
    expect(ev.eacAtypical).toBe(1300);
  });

  it("no spend yet: CPI null because AC is 0", () => {
    const ev = earnedValue({ ...base, actualCost: 0, percentComplete: 0 }, "2024-06-01");
    expect(ev.cpi).toBeNull();
    expect(ev.reasons.cpi).toBe("no actual cost yet (AC is 0)");
    expect(ev.pv).toBe(0);
    expect(ev.spi).toBeNull();
    expect(ev.reasons.spi).toBe("nothing planned yet (PV is 0)");
  });

  it("zero budget: nothing can be earned, so no EAC, and a spent budget gives no TCPI", () => {
    const ev = earnedValue({ ...base, bac: 0, actualCost: 10 }, "2025-07-01");
    expect(ev.ev).toBe(0);
    expect(ev.pv).toBe(0);
    expect(ev.eac).toBeNull();
    expect(ev.reasons.spi).toBe("nothing planned yet (PV is 0)");
    expect(ev.tcpi).toBeNull();
    expect(ev.reasons.tcpi).toMatch(/budget is already spent/);
  });

  it("missing budget, percent complete, dates, status date", () => {
    const noBudget = earnedValue({ ...base, bac: null }, "2025-07-01");
    expect(noBudget.reasons.bac).toBe("no Budget");
    expect(noBudget.reasons.pv).toBe("no Budget and no monthly budget in Financials");
    expect(noBudget.reasons.eac).toBe("needs BAC and CPI (no Budget)");
    const noPct = earnedValue({ ...base, percentComplete: null }, "2025-07-01");
    expect(noPct.reasons.ev).toBe("no PercentComplete");
    expect(noPct.reasons.cpi).toBe("needs EV (no PercentComplete)");
    expect(noPct.pv).not.toBeNull();
    const noDates = earnedValue({ ...base, baselineStart: null }, "2025-07-01");
    expect(noDates.pv).toBeNull();
    expect(noDates.reasons.pv).toMatch(/no BaselineStart\/BaselineFinish/);
    const noStatus = earnedValue(base, null);
    expect(noStatus.reasons.pv).toBe("no status date");
    expect(noStatus.cpi).toBeCloseTo(200 / 300, 12);
  });

  it("never yields a non-finite number, whatever the inputs", () => {
    const values = [null, 0, 1, 250, 1000, -5];
    const pcts = [null, 0, 0.5, 1];
    const all = [];
    for (const bac of values)
      for (const ac of values)
        for (const percentComplete of pcts)
          for (const status of ["2024-01-01", "2025-06-30", "2027-01-01"]) {
            all.push(earnedValue({ ...base, bac, actualCost: ac, percentComplete }, status));
          }
    expect(nonFiniteNumbers(all)).toEqual([]);
    for (const ev of all) {
      for (const [k, v] of Object.entries(ev)) {
        if (v === null && k !== "pvMethod" && k !== "statusDate") expect(ev.reasons).toHaveProperty(k);
      }
    }
  });
});
