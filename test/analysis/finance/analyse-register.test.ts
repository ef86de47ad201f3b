import { analyseRegister, latestStatusDate } from "../../../src/analysis/finance/analyse-register";
import { scheduleInputsFromRegister } from "../../../src/analysis/schedule/schedule-inputs";
import { nonFiniteNumbers, registerOf } from "./register-fixture";

const register = registerOf({
  Programmes: [{ ProgrammeId: "PG1", Name: "Digital" }],
  Projects: [
    {
      ProjectId: "P1",
      Name: "Platform",
      ProgrammeId: "PG1",
      ForecastStart: "2025-01-01",
      ForecastFinish: "2025-04-11",
      BaselineStart: "2025-01-01",
      BaselineFinish: "2025-04-11",
      Budget: 4000,
      ActualCost: 2800,
      ForecastCost: 4480,
      PercentComplete: 0.625,
      RagOverall: "Green",
      StatusDate: "2025-03-17",
    },
    // Baseline dates only: scheduled from them; FS + 5 days after P1; declared A/G against computed Red.
    {
      ProjectId: "P2",
      Name: "Portal",
      ProgrammeId: "PG1",
      BaselineStart: "2025-04-01",
      BaselineFinish: "2025-06-30",
      ForecastFinish: "2025-10-30",
      Budget: 0,
      ForecastCost: 50,
      ActualCost: 0,
      PercentComplete: 0,
      DeliveryConfidence: "Amber/Green",
      StatusDate: "2025-03-01",
    },
    // No dates at all.
    { ProjectId: "P3", Name: "Someday", Budget: 100 },
    // In a cycle with P5.
    { ProjectId: "P4", ForecastStart: "2025-02-01", ForecastFinish: "2025-03-01" },
    { ProjectId: "P5", ForecastStart: "2025-02-01", ForecastFinish: "2025-03-01" },
  ],
  Milestones: [
    { MilestoneId: "M1", ProjectId: "P1", Name: "Go live", BaselineDate: "2025-04-11", ForecastDate: "2025-04-20" },
    { MilestoneId: "M2", ProjectId: "P1", Name: "Unlinked", BaselineDate: "2025-02-01", ForecastDate: "2025-03-01" },
  ],
  Dependencies: [
    { DependencyId: "D1", PredecessorId: "P1", SuccessorId: "P2", Type: "FS", LagDays: 5 },
    { DependencyId: "D2", PredecessorId: "P1", SuccessorId: "M1", Type: "FF" },
    { DependencyId: "D3", PredecessorId: "P4", SuccessorId: "P5" },
    { DependencyId: "D4", PredecessorId: "P5", SuccessorId: "P4", Type: "FS" },
    { DependencyId: "D5", PredecessorId: "P1", SuccessorId: "P3", Type: "Requires" },
    { DependencyId: "D6", PredecessorId: "P1", SuccessorId: "NOPE", Type: "SS" },
  ],
  Financials: [{ ProjectId: "P1", Period: "2025-03-01", Budget: 100, Actual: 90, Forecast: 100 }],
  Benefits: [
    {
      BenefitId: "B1",
      ProgrammeId: "PG1",
      Description: "Savings",
      PlannedValue: 100,
      RealisedValue: 25,
      PlannedDate: "2025-06-01",
    },
  ],
});

describe("schedule inputs from the register", () => {
  const inputs = scheduleInputsFromRegister(register);

  it("makes every project an item, and milestones only when a link names them", () => {
    expect(inputs.items.map((i) => [i.id, i.kind, i.durationDays])).toEqual([
      ["P1", "project", 100],
      ["P2", "project", 212],
      ["P3", "project", null],
      ["P4", "project", 28],
      ["P5", "project", 28],
      ["M1", "milestone", 0],
    ]);
    expect(inputs.items[1].dateSource).toBe("mixed"); // baseline start, forecast finish
    expect(inputs.items[2].reason).toBe("no forecast or baseline start and finish date");
  });

  it("keeps FS/SS/FF/SF links with their lags, treating a blank type as FS, and skips Requires/Excludes", () => {
    expect(inputs.links.map((l) => [l.dependencyId, l.type, l.lagDays])).toEqual([
      ["D1", "FS", 5],
      ["D2", "FF", 0],
      ["D3", "FS", 0],
      ["D4", "FS", 0],
      ["D6", "SS", 0],
    ]);
    expect(inputs.skipped).toEqual([
      { dependencyId: "D5", reason: "Requires is a selection constraint, not a schedule link" },
    ]);
  });
});

describe("analyseRegister: what `pmo analyse --json` prints", () => {
  const result = analyseRegister(register);
  const byId = Object.fromEntries(result.projects.map((p) => [p.id, p]));

  it("uses the latest StatusDate in the register unless told otherwise", () => {
    expect(latestStatusDate(register)).toBe("2025-03-17");
    expect([result.statusDate, result.statusDateSource]).toEqual(["2025-03-17", "register"]);
    expect(analyseRegister(register, { statusDate: "2025-12-31" }).statusDateSource).toBe("option");
  });

  it("has the fixed fields of docs/conventions.md 'JSON shapes'", () => {
    const fixed = ["id", "earlyStart", "earlyFinish", "lateStart", "lateFinish", "totalFloatDays", "critical"];
    const money = ["pv", "ev", "ac", "cpi", "spi", "eac", "etc", "vac", "tcpi"];
    for (const p of result.projects) for (const k of [...fixed, ...money]) expect(p).toHaveProperty(k);
    for (const n of result.networks)
      expect(Object.keys(n)).toEqual(expect.arrayContaining(["start", "durationDays", "criticalPath"]));
    expect(Object.keys(result)).toEqual(
      expect.arrayContaining([
        "statusDate",
        "projects",
        "networks",
        "cycles",
        "rag",
        "rollups",
        "milestones",
        "benefits",
      ]),
    );
  });

  it("schedules the network and reports the cycle and the undated project", () => {
    expect(byId.P1).toMatchObject({
      earlyStart: "2025-01-01",
      earlyFinish: "2025-04-11",
      critical: true,
      totalFloatDays: 0,
    });
    expect(byId.P2).toMatchObject({ earlyStart: "2025-04-16", earlyFinish: "2025-11-14", critical: true });
    expect(result.networks.map((n) => [n.start, n.durationDays, n.criticalPath])).toEqual([
      ["2025-01-01", 317, ["P1", "P2"]],
    ]);
    expect(result.cycles).toEqual([["P4", "P5"]]);
    expect(byId.P4.critical).toBeNull();
    expect(byId.P4.reasons?.earlyStart).toBe("in a dependency cycle (P4, P5)");
    expect(byId.P3.reasons?.totalFloatDays).toBe("no forecast or baseline start and finish date");
    expect(result.schedule.milestones[0]).toMatchObject({ id: "M1", earlyStart: "2025-04-11", totalFloatDays: 217 });
    expect(result.schedule.ignoredLinks).toEqual([
      {
        predecessorId: "P1",
        successorId: "NOPE",
        dependencyId: "D6",
        reason: "NOPE is not a scheduled project or milestone",
      },
    ]);
  });

  it("computes earned value at the status date (the docs/domain.md 'Earned value' check)", () => {
    expect(byId.P1.pv).toBe((100 * 16) / 31); // time-phased: Financials budget only March, 16 of 31 days gone
    expect(byId.P1.pvMethod).toBe("time-phased");
    expect(byId.P1.ev).toBe(2500);
    expect(byId.P1.eac).toBeCloseTo(4480, 9);
    expect(byId.P1.vac).toBeCloseTo(-480, 9);
    expect(byId.P2.cpi).toBeNull();
    expect(byId.P2.reasons?.cpi).toBe("no actual cost yet (AC is 0)");
  });

  it("puts computed RAG beside the declared one", () => {
    const rag = Object.fromEntries(result.rag.map((r) => [r.id, r]));
    expect(rag.P1.computed.overall.rag).toBe("Red"); // 12 % over budget
    expect(rag.P1.declaredGreener.overall).toBe(true);
    expect(rag.P2.computed.schedule).toMatchObject({ rag: "Red", slipDays: 122 });
    expect(rag.P2.computed.cost.reason).toBe("Budget is 0, so the variance has no percentage");
    expect(rag.P2.declared.deliveryConfidence).toBe("Amber/Green");
    expect(rag.P2.declaredGreener.overall).toBe(true);
  });

  it("includes roll-ups, milestones and benefits", () => {
    expect(result.rollups.programmes[0].totals.budget).toBe(4000);
    expect(result.milestones.slipped).toEqual(["M1", "M2"]);
    expect(result.milestones.upcoming).toEqual([]);
    expect(result.benefits.portfolio.totals.realisationPct).toBe(0.25);
  });

  it("never contains NaN or Infinity, and survives JSON", () => {
    expect(nonFiniteNumbers(result)).toEqual([]);
    // JSON turns NaN/Infinity into null, so a round trip equals the original only when there are none.
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    for (const p of result.projects) {
      for (const [k, v] of Object.entries(p)) {
        if (v === null && k !== "name" && k !== "programmeId" && k !== "pvMethod") expect(p.reasons).toHaveProperty(k);
      }
    }
  });
});
