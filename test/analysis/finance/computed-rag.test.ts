import {
  computeRag,
  costRag,
  DEFAULT_RAG_THRESHOLDS,
  isGreenerThan,
  ragRank,
  ragThresholdsFromSettings,
  scheduleRag,
} from "../../../src/analysis/finance/computed-rag";
import { DEFAULT_SETTINGS } from "../../../src/domain/settings";

describe("computed cost RAG (overspend: > 5 % Amber, > 10 % Red)", () => {
  it.each([
    [1000, 900, "Green", -0.1],
    [1000, 1050, "Green", 0.05], // exactly 5 % is not more than 5 %
    [1000, 1051, "Amber", 0.051],
    [1000, 1100, "Amber", 0.1],
    [1000, 1101, "Red", 0.101],
  ])("budget %d, forecast %d → %s", (budget, forecast, rag, pct) => {
    const r = costRag(budget, forecast);
    expect(r.rag).toBe(rag);
    expect(r.variance).toBe(forecast - budget);
    expect(r.variancePct).toBeCloseTo(pct, 12);
  });

  it("is null with a reason when the budget is 0 or a figure is missing", () => {
    expect(costRag(0, 100)).toMatchObject({
      rag: null,
      variance: 100,
      variancePct: null,
      reason: "Budget is 0, so the variance has no percentage",
    });
    expect(costRag(null, 100)).toMatchObject({ rag: null, reason: "no Budget" });
    expect(costRag(100, null)).toMatchObject({ rag: null, reason: "no ForecastCost" });
  });

  it("reads its thresholds from PMO Settings' keys of the same names", () => {
    expect(ragThresholdsFromSettings(DEFAULT_SETTINGS.general)).toEqual(DEFAULT_RAG_THRESHOLDS);
    expect(ragThresholdsFromSettings({ ...DEFAULT_SETTINGS.general, costRedPct: 0.2 }).costRedPct).toBe(0.2);
  });

  it("takes thresholds as parameters", () => {
    const strict = { ...DEFAULT_RAG_THRESHOLDS, costAmberPct: 0.01, costRedPct: 0.02 };
    expect(costRag(1000, 1015, strict).rag).toBe("Amber");
    expect(costRag(1000, 1030, strict).rag).toBe("Red");
  });
});

describe("computed schedule RAG (slip: > 30 days Amber, > 90 Red)", () => {
  it.each([
    ["2025-06-30", "2025-07-30", "Green", 30],
    ["2025-06-30", "2025-07-31", "Amber", 31],
    ["2025-06-30", "2025-09-28", "Amber", 90],
    ["2025-06-30", "2025-09-29", "Red", 91],
    ["2025-06-30", "2025-05-01", "Green", -60],
  ])("baseline %s, forecast %s → %s", (baseline, forecast, rag, slip) => {
    expect(scheduleRag(baseline, forecast)).toMatchObject({ rag, slipDays: slip });
  });
});

describe("overall computed RAG", () => {
  it("is the worst of cost and schedule", () => {
    const r = computeRag({
      Budget: 1000,
      ForecastCost: 1060,
      BaselineFinish: "2025-01-01",
      ForecastFinish: "2025-06-01",
    });
    expect([r.cost.rag, r.schedule.rag, r.overall.rag]).toEqual(["Amber", "Red", "Red"]);
    expect(r.overall.basis).toEqual(["cost", "schedule"]);
  });

  it("uses what it has, says what it lacks, and is null when it has nothing", () => {
    const costOnly = computeRag({ Budget: 1000, ForecastCost: 1000 });
    expect(costOnly.overall).toEqual({
      rag: "Green",
      basis: ["cost"],
      reason: "from cost only (schedule: no BaselineFinish)",
    });
    const none = computeRag({ Budget: 0, ForecastCost: 5, BaselineFinish: "2025-01-01" });
    expect(none.overall.rag).toBeNull();
    expect(none.overall.reason).toBe(
      "cost: Budget is 0, so the variance has no percentage; schedule: no ForecastFinish",
    );
  });

  it("reads a finished project's actual finish when the forecast is blank", () => {
    expect(computeRag({ BaselineFinish: "2025-01-01", ActualFinish: "2025-03-01" }).schedule).toMatchObject({
      rag: "Amber",
      slipDays: 59,
    });
  });
});

describe("declared greener than computed", () => {
  it("compares on the five-point scale", () => {
    expect(isGreenerThan("Green", "Red")).toBe(true);
    expect(isGreenerThan("Green", "Green")).toBe(false);
    expect(isGreenerThan("Amber", "Red")).toBe(true);
    expect(isGreenerThan("Red", "Amber")).toBe(false);
    expect(isGreenerThan("Amber/Green", "Amber")).toBe(true);
    expect(isGreenerThan("Amber/Red", "Amber")).toBe(false);
    expect(isGreenerThan("Amber/Red", "Red")).toBe(true);
    expect(isGreenerThan("Amber/Green", "Green")).toBe(false);
  });

  it("reads the usual spellings and ignores what it cannot read", () => {
    expect(ragRank("A/G")).toBe(3);
    expect(ragRank(" amber-green ")).toBe(3);
    expect(ragRank("AG")).toBe(3);
    expect(ragRank("g")).toBe(4);
    expect(ragRank("R")).toBe(0);
    expect(ragRank("Blue")).toBeNull();
    expect(isGreenerThan("G", "amber")).toBe(true);
    expect(isGreenerThan("Blue", "Red")).toBe(false);
    expect(isGreenerThan("Green", null)).toBe(false);
  });
});
