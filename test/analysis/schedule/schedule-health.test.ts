import { addDays } from "../../../src/domain/dates";
import type { FieldValue } from "../../../src/domain/register";
import {
  scheduleHealth,
  type HealthMetric,
  type HealthMetricId,
  type HealthThresholds,
} from "../../../src/analysis/schedule/schedule-health";
import { registerOf } from "../finance/register-fixture";

type Rows = Record<string, Record<string, FieldValue>[]>;
const metric = (metrics: HealthMetric[], id: HealthMetricId): HealthMetric => metrics.find((m) => m.id === id)!;

/**
 * Hillier & Lieberman, Introduction to Operations Research, "Reliable Construction Co.": 14
 * activities in weeks with the published earliest start times; the project takes 44 weeks, the
 * critical path is A-B-C-E-F-J-L-N and the slack is D, G, H, M = 4 weeks, I = 2, K = 1.
 */
const RELIABLE: [string, number, number, string[]][] = [
  ["A", 0, 2, []],
  ["B", 2, 4, ["A"]],
  ["C", 6, 10, ["B"]],
  ["D", 16, 6, ["C"]],
  ["E", 16, 4, ["C"]],
  ["F", 20, 5, ["E"]],
  ["G", 22, 7, ["D"]],
  ["H", 29, 9, ["E", "G"]],
  ["I", 16, 7, ["C"]],
  ["J", 25, 8, ["F", "I"]],
  ["K", 33, 4, ["J"]],
  ["L", 33, 5, ["J"]],
  ["M", 38, 2, ["H"]],
  ["N", 38, 6, ["K", "L"]],
];
const START = "2025-01-06"; // a Monday: whole weeks are whole working weeks
const week = (w: number) => addDays(START, w * 7);

function reliableRows(baselineWeeks = 44): Rows {
  return {
    Projects: RELIABLE.map(([id, es, weeks]) => ({
      ProjectId: id,
      Status: "Active",
      ForecastStart: week(es),
      ForecastFinish: week(es + weeks),
      BaselineStart: week(es),
      BaselineFinish: id === "N" ? week(baselineWeeks) : week(es + weeks),
    })),
    Milestones: RELIABLE.map(([id, es]) => ({
      MilestoneId: `M-${id}`,
      ProjectId: id,
      Name: "Checkpoint",
      BaselineDate: week(es + 1),
    })),
    Dependencies: RELIABLE.flatMap(([id, , , preds]) =>
      preds.map((p) => ({ DependencyId: `${p}-${id}`, PredecessorId: p, SuccessorId: id, Type: "FS", LagDays: 0 })),
    ),
    Allocations: RELIABLE.map(([id]) => ({ ProjectId: id, Role: "Builder", FTE: 1 })),
  };
}

describe("schedule health on Reliable Construction (Hillier & Lieberman)", () => {
  const health = scheduleHealth(registerOf(reliableRows()), { statusDate: START });
  const m = health.portfolio.metrics;

  it("finds every activity linked, every link finish-to-start without lag, and no date held against logic", () => {
    expect(metric(m, "logic")).toMatchObject({ count: 0, denominator: 14, pass: true });
    expect(metric(m, "leads")).toMatchObject({ count: 0, denominator: 16, pass: true });
    expect(metric(m, "lags")).toMatchObject({ count: 0, denominator: 16, pass: true });
    expect(metric(m, "relationship-types")).toMatchObject({ count: 16, denominator: 16, value: 1, pass: true });
    expect(metric(m, "hard-constraints")).toMatchObject({ count: 0, denominator: 14, pass: true });
  });

  it("reads the published slack as float: 4 weeks (20 working days) is not high at 44, is at 15", () => {
    expect(metric(m, "high-float")).toMatchObject({ count: 0, denominator: 14, pass: true });
    const strict = scheduleHealth(registerOf(reliableRows()), {
      statusDate: START,
      thresholds: { dcmaHighFloatDays: 15 },
    });
    const high = metric(strict.portfolio.metrics, "high-float");
    expect(high.records.map((r) => r.id).sort()).toEqual(["D", "G", "H", "M"]);
    expect(high.records.find((r) => r.id === "D")!.detail).toMatch(/^20 working days of total float \(28 calendar\)/);
    expect(high).toMatchObject({ count: 4, denominator: 14, pass: false });
    // 2 weeks of slack on I is 10 working days: high only below 10.
    const stricter = scheduleHealth(registerOf(reliableRows()), {
      statusDate: START,
      thresholds: { dcmaHighFloatDays: 9 },
    });
    expect(metric(stricter.portfolio.metrics, "high-float").count).toBe(5);
  });

  it("passes the critical path test: 600 days on A moves the 44-week finish by 600 days", () => {
    expect(metric(m, "critical-path-test")).toMatchObject({ count: 0, denominator: 1, pass: true });
  });

  it("gives CPLI 1 with the baseline at 44 weeks, (308 − 28) / 308 with it 4 weeks earlier", () => {
    expect(metric(m, "cpli")).toMatchObject({ value: 1, pass: true });
    const early = scheduleHealth(registerOf(reliableRows(40)), { statusDate: START });
    const cpli = metric(early.portfolio.metrics, "cpli");
    expect(cpli.value).toBeCloseTo(280 / 308, 10);
    expect(cpli).toMatchObject({ count: 1, denominator: 1, pass: false });
    expect(cpli.records[0]).toMatchObject({ entity: "Projects", id: "N", field: "BaselineFinish" });
    // Two weeks early: (308 − 14) / 308 = 0.9545, above 0.95.
    const close = scheduleHealth(registerOf(reliableRows(42)), { statusDate: START });
    expect(metric(close.portfolio.metrics, "cpli")).toMatchObject({ pass: true });
  });

  it("counts the activities long and not broken down only when their milestones are taken away", () => {
    expect(metric(m, "high-duration")).toMatchObject({ count: 0, denominator: 14, pass: true });
    const rows = reliableRows();
    rows.Milestones = [];
    const bare = metric(scheduleHealth(registerOf(rows), { statusDate: START }).portfolio.metrics, "high-duration");
    // More than 44 working days = more than 8.8 weeks: C (10) and H (9).
    expect(bare.records.map((r) => r.id).sort()).toEqual(["C", "H"]);
  });

  it("finds a date held against the logic: J forecast to start in week 24, its predecessors allow week 25", () => {
    const rows = reliableRows();
    Object.assign(
      rows.Projects.find((p) => p.ProjectId === "J")!,
      { ForecastStart: week(24), ForecastFinish: week(32) },
    );
    const hard = metric(scheduleHealth(registerOf(rows), { statusDate: START }).portfolio.metrics, "hard-constraints");
    expect(hard).toMatchObject({ count: 1, denominator: 14, pass: false });
    expect(hard.records[0]).toMatchObject({ id: "J", field: "ForecastStart" });
  });
});

/**
 * A small programme that passes every check at status date 2025-06-30; each case below changes
 * one thing and that check alone must fail.
 */
const SD = "2025-06-30";
function cleanRows(): Rows {
  return {
    Programmes: [{ ProgrammeId: "PG1", Name: "Estates" }],
    Projects: [
      {
        ProjectId: "P1",
        ProgrammeId: "PG1",
        Status: "Completed",
        BaselineStart: "2025-01-06",
        BaselineFinish: "2025-03-28",
        ForecastStart: "2025-01-06",
        ForecastFinish: "2025-03-28",
        ActualStart: "2025-01-06",
        ActualFinish: "2025-03-28",
      },
      {
        ProjectId: "P2",
        ProgrammeId: "PG1",
        Status: "Active",
        BaselineStart: "2025-03-31",
        BaselineFinish: "2025-09-26",
        ForecastStart: "2025-03-31",
        ForecastFinish: "2025-09-26",
        ActualStart: "2025-03-31",
      },
      {
        ProjectId: "P3",
        ProgrammeId: "PG1",
        Status: "Active",
        BaselineStart: "2025-09-29",
        BaselineFinish: "2025-12-19",
        ForecastStart: "2025-09-29",
        ForecastFinish: "2025-12-19",
      },
    ],
    Milestones: [
      { MilestoneId: "M2", ProjectId: "P2", Name: "Design", BaselineDate: "2025-06-27", ActualDate: "2025-06-27" },
      { MilestoneId: "M3", ProjectId: "P3", Name: "Handover", BaselineDate: "2025-11-03", ForecastDate: "2025-11-03" },
    ],
    Dependencies: [
      { DependencyId: "D1", PredecessorId: "P1", SuccessorId: "P2", Type: "FS", LagDays: 0 },
      {
        DependencyId: "D2",
        PredecessorId: "P2",
        SuccessorId: "P3",
        Type: "FS",
        LagDays: 0,
        RequiredBy: "2025-09-30",
      },
    ],
    Allocations: [
      { ProjectId: "P2", Role: "Analyst", FTE: 1 },
      { ProjectId: "P3", Role: "Analyst", FTE: 1 },
    ],
  };
}

const find = (rows: Rows, entity: string, id: string) =>
  rows[entity].find((r) => Object.values(r)[0] === id) as Record<string, FieldValue>;
const change =
  (entity: string, id: string, values: Record<string, FieldValue>) =>
  (rows: Rows): void => {
    Object.assign(find(rows, entity, id), values);
  };

const CASES: {
  metric: HealthMetricId;
  bad: (rows: Rows) => void;
  record: string;
  thresholds?: Partial<HealthThresholds>;
}[] = [
  {
    metric: "logic",
    bad: (rows) => {
      rows.Projects.push({ ProjectId: "P4", ProgrammeId: "PG1", Status: "Active", ForecastStart: "2025-07-01" });
      rows.Allocations.push({ ProjectId: "P4", Role: "Analyst", FTE: 1 });
    },
    record: "P4",
  },
  { metric: "leads", bad: change("Dependencies", "D2", { LagDays: -2 }), record: "D2" },
  { metric: "lags", bad: change("Dependencies", "D2", { LagDays: 3 }), record: "D2" },
  { metric: "relationship-types", bad: change("Dependencies", "D2", { Type: "SS" }), record: "D2" },
  { metric: "hard-constraints", bad: change("Projects", "P3", { ForecastStart: "2025-09-01" }), record: "P3" },
  {
    metric: "high-float",
    bad: (rows) => {
      rows.Projects.push({
        ProjectId: "P4",
        ProgrammeId: "PG1",
        Status: "Active",
        ForecastStart: "2025-07-01",
        ForecastFinish: "2025-07-31",
      });
      rows.Milestones.push({ MilestoneId: "M4", ProjectId: "P4", Name: "Done", ForecastDate: "2025-07-31" });
      rows.Dependencies.push({ DependencyId: "D3", PredecessorId: "P1", SuccessorId: "P4", Type: "FS" });
      rows.Allocations.push({ ProjectId: "P4", Role: "Analyst", FTE: 1 });
    },
    record: "P4",
  },
  { metric: "negative-float", bad: change("Dependencies", "D2", { RequiredBy: "2025-09-01" }), record: "P2" },
  { metric: "high-duration", bad: (rows) => void rows.Milestones.pop(), record: "P3" },
  { metric: "invalid-dates", bad: change("Projects", "P2", { ActualStart: null }), record: "P2" },
  { metric: "resources", bad: (rows) => void rows.Allocations.pop(), record: "P3" },
  { metric: "missed", bad: change("Milestones", "M2", { ActualDate: null }), record: "M2" },
  {
    metric: "critical-path-test",
    // P2 → P3 start-to-start with 150 days lag: P3 finishes the network 52 days after P2, so 600
    // days on P2 (the first open critical item) move the finish by 548.
    bad: (rows) => {
      change("Dependencies", "D2", { Type: "SS", LagDays: 150 })(rows);
    },
    record: "P2",
    thresholds: { dcmaFinishToStartPct: 0, dcmaLagsPct: 1 },
  },
  { metric: "cpli", bad: change("Projects", "P3", { BaselineFinish: "2025-11-01" }), record: "P3" },
  { metric: "bei", bad: change("Milestones", "M2", { ActualDate: null }), record: "M2" },
];

describe("schedule health: each metric fails on a record that breaks it and passes on one that keeps it", () => {
  const clean = scheduleHealth(registerOf(cleanRows()), { statusDate: SD });

  test("the clean programme passes all 14 checks, portfolio and programme alike", () => {
    const failed = clean.portfolio.metrics.filter((x) => x.pass !== true).map((x) => `${x.id}: ${x.note ?? x.count}`);
    expect(failed).toEqual([]);
    expect(clean.portfolio.metrics.map((x) => x.number)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
    expect(clean.byProgramme.map((v) => v.scope)).toEqual(["PG1"]);
    expect(clean.byProgramme[0].metrics.map((x) => [x.count, x.denominator])).toEqual(
      clean.portfolio.metrics.map((x) => [x.count, x.denominator]),
    );
  });

  test("every metric is measured on something in the clean programme", () => {
    for (const x of clean.portfolio.metrics) expect([x.id, x.denominator > 0]).toEqual([x.id, true]);
  });

  test.each(CASES)("$metric", ({ metric: id, bad, record, thresholds }) => {
    const rows = cleanRows();
    bad(rows);
    const health = scheduleHealth(registerOf(rows), { statusDate: SD, thresholds });
    const x = metric(health.portfolio.metrics, id);
    expect(x.pass).toBe(false);
    expect(x.records.map((r) => r.id)).toContain(record);
    const cleanAgain = metric(
      scheduleHealth(registerOf(cleanRows()), { statusDate: SD, thresholds }).portfolio.metrics,
      id,
    );
    expect(cleanAgain.pass).toBe(true);
  });

  test("without a status date the date checks are not applicable and say so", () => {
    const h = scheduleHealth(registerOf(cleanRows()), { statusDate: null });
    for (const id of ["invalid-dates", "missed", "cpli", "bei"] as const)
      expect(metric(h.portfolio.metrics, id)).toMatchObject({ pass: null, note: "no status date" });
  });
});

/**
 * A generated portfolio whose counts are known by construction: `chains` chains of `length`
 * projects, four weeks each, linked finish-to-start; link k (numbered across the portfolio) has a
 * 2-day lag when k % 7 = 3, a 1-day lead when k % 11 = 5 (and not a lag), and is start-to-start
 * when k % 13 = 4; `loose` projects stand alone; every 9th project has no allocation; every 4th
 * project has no milestone. Two programmes split the chains odd/even.
 */
function generated(chains: number, length: number, loose: number) {
  const rows: Rows = { Programmes: [], Projects: [], Milestones: [], Dependencies: [], Allocations: [] };
  const expected = { links: 0, lags: 0, leads: 0, nonFs: 0, unallocated: 0, unlinked: loose, projects: 0 };
  let n = 0;
  let k = 0;
  const add = (id: string, programme: string, start: string) => {
    rows.Projects.push({
      ProjectId: id,
      ProgrammeId: programme,
      Status: "Active",
      ForecastStart: start,
      ForecastFinish: addDays(start, 28),
      BaselineStart: start,
      BaselineFinish: addDays(start, 28),
    });
    if (n % 4 !== 0) rows.Milestones.push({ MilestoneId: `M${n}`, ProjectId: id, Name: "m", ForecastDate: start });
    if (n % 9 === 0) expected.unallocated++;
    else rows.Allocations.push({ ProjectId: id, Role: "Analyst", FTE: 1 });
    n++;
    expected.projects++;
  };
  for (let c = 0; c < chains; c++) {
    const programme = c % 2 === 0 ? "PG-EVEN" : "PG-ODD";
    for (let j = 0; j < length; j++) {
      add(`C${c}-${j}`, programme, addDays("2026-01-05", j * 35));
      if (j === 0) continue;
      const lag = k % 7 === 3 ? 2 : k % 11 === 5 ? -1 : 0;
      const type = k % 13 === 4 ? "SS" : "FS";
      rows.Dependencies.push({
        DependencyId: `L${k}`,
        PredecessorId: `C${c}-${j - 1}`,
        SuccessorId: `C${c}-${j}`,
        Type: type,
        LagDays: lag,
      });
      expected.links++;
      if (lag > 0) expected.lags++;
      if (lag < 0) expected.leads++;
      if (type !== "FS") expected.nonFs++;
      k++;
    }
  }
  for (let u = 0; u < loose; u++) add(`U${u}`, "PG-EVEN", "2026-02-02");
  return { rows, expected };
}

describe("schedule health on a generated portfolio with counts known by construction", () => {
  const { rows, expected } = generated(12, 6, 5);
  const h = scheduleHealth(registerOf(rows), { statusDate: "2025-12-01" });
  const m = h.portfolio.metrics;

  it("counts the links' lags, leads and types exactly", () => {
    expect(expected).toMatchObject({ links: 60, projects: 77 });
    expect(metric(m, "lags")).toMatchObject({ count: expected.lags, denominator: 60 });
    expect(metric(m, "leads")).toMatchObject({ count: expected.leads, denominator: 60, pass: expected.leads === 0 });
    expect(metric(m, "relationship-types")).toMatchObject({ count: 60 - expected.nonFs, denominator: 60 });
    expect(expected.lags).toBe(9);
    expect(expected.leads).toBeGreaterThan(0);
  });

  it("counts the stand-alone projects as missing logic and the unallocated ones under resources", () => {
    expect(metric(m, "logic")).toMatchObject({ count: 5, denominator: 77, pass: false });
    expect(metric(m, "logic").records.map((r) => r.id)).toEqual(["U0", "U1", "U2", "U3", "U4"]);
    expect(metric(m, "resources")).toMatchObject({ count: expected.unallocated, denominator: 77 });
  });

  it("splits the same counts between the two programmes", () => {
    const byScope = Object.fromEntries(h.byProgramme.map((v) => [v.scope, v.metrics]));
    expect(Object.keys(byScope).sort()).toEqual(["PG-EVEN", "PG-ODD"]);
    for (const id of ["lags", "leads", "logic", "resources", "relationship-types"] as const) {
      const sum = metric(byScope["PG-EVEN"], id).count + metric(byScope["PG-ODD"], id).count;
      expect([id, sum]).toEqual([id, metric(m, id).count]);
    }
    expect(metric(byScope["PG-ODD"], "logic").count).toBe(0);
    expect(metric(byScope["PG-EVEN"], "logic").denominator).toBe(6 * 6 + 5);
  });

  it("has nothing due by the baseline before the status date, so missed and BEI are not applicable", () => {
    expect(metric(m, "missed")).toMatchObject({ denominator: 0, pass: null });
    expect(metric(m, "bei")).toMatchObject({ denominator: 0, pass: null });
  });
});
