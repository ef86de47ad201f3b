import type { FieldValue } from "../../src/domain/register";
import { DEFAULT_SETTINGS, cloneSettings } from "../../src/domain/settings";
import { RULE_IDS } from "../../src/standards/catalogue";
import type { ComputedRag, ValidationContext } from "../../src/standards/types";
import { validateRegister } from "../../src/standards/validate";
import { evidenceForValidation } from "../../src/pipeline/steps/validate";
import { buildRegister, cleanRows, type Rows } from "./register-builder";

const settings = cloneSettings(DEFAULT_SETTINGS);
settings.general.reportingDate = "2025-03-31";
const green: ComputedRag = { overall: "Green", cost: "Green", schedule: "Green" };
const baseContext = (): ValidationContext => ({
  computedRag: new Map([
    ["P1", green],
    ["P2", green],
  ]),
});

type Mutate = (rows: Rows, ctx: ValidationContext) => void;
const set =
  (entity: keyof Rows, index: number, values: Record<string, FieldValue>): Mutate =>
  (rows) =>
    Object.assign(rows[entity]![index], values);
const none: Mutate = () => undefined;

/** For every rule: a change to the clean portfolio that breaks it, and one under which it applies and passes. */
const CASES: { rule: string; bad: Mutate; good?: Mutate; field?: string }[] = [
  { rule: "completeness.required", bad: set("Projects", 0, { Name: null }), field: "Name" },
  { rule: "completeness.stage-gate", bad: set("Projects", 0, { Sponsor: null }), field: "Sponsor" },
  { rule: "completeness.allocation-demand", bad: set("Allocations", 0, { FTE: null }) },
  { rule: "completeness.allocation-who", bad: set("Allocations", 0, { Role: null }) },
  { rule: "completeness.risk-scoring", bad: set("Risks", 0, { Probability: null }), field: "Probability" },
  { rule: "completeness.financial-figures", bad: set("Financials", 0, { Budget: null, Actual: null, Forecast: null }) },
  { rule: "completeness.milestone-date", bad: set("Milestones", 0, { BaselineDate: null, ForecastDate: null }) },
  { rule: "completeness.parent", bad: set("Issues", 0, { ProjectId: null }) },
  { rule: "validity.allowed-value", bad: set("Projects", 0, { RagOverall: "Gren" }), field: "RagOverall" },
  { rule: "validity.type-date", bad: set("Projects", 0, { BaselineStart: "31/12/2023" }), field: "BaselineStart" },
  { rule: "validity.type-money", bad: set("Projects", 0, { Budget: "Exempt under Section 43" }), field: "Budget" },
  { rule: "validity.type-number", bad: set("Risks", 0, { Probability: "likely" }), field: "Probability" },
  { rule: "validity.rating-range", bad: set("Risks", 0, { Impact: 7 }), field: "Impact" },
  { rule: "validity.percent-range", bad: set("Projects", 0, { PercentComplete: 1.4 }) },
  { rule: "validity.negative-money", bad: set("Financials", 0, { Actual: -5 }), field: "Actual" },
  { rule: "validity.fte-range", bad: set("Allocations", 0, { FTE: -1 }), field: "FTE" },
  { rule: "validity.whitespace", bad: set("Projects", 0, { Sponsor: " Jane  Doe " }), field: "Sponsor" },
  { rule: "validity.date-plausible", bad: set("Projects", 0, { BaselineStart: "1899-12-31" }) },
  { rule: "validity.wsjf-scale", bad: set("Projects", 0, { JobSize: 4 }), field: "JobSize" },
  { rule: "validity.criteria-scale", bad: set("Projects", 0, { StrategicAlignment: 7 }), field: "StrategicAlignment" },
  {
    rule: "consistency.start-after-finish",
    bad: set("Projects", 0, { ForecastStart: "2026-06-01" }),
    field: "ForecastFinish",
  },
  {
    rule: "consistency.actual-finish-without-start",
    bad: set("Projects", 0, { ActualStart: null, ActualFinish: "2025-03-01" }),
    good: set("Projects", 0, { ActualFinish: "2025-03-01" }),
  },
  {
    rule: "consistency.completed-not-100",
    bad: set("Projects", 0, { Status: "Completed", PercentComplete: 0.9, ActualFinish: "2025-03-01" }),
    good: set("Projects", 0, { Status: "Completed", PercentComplete: 1, ActualFinish: "2025-03-01" }),
  },
  {
    rule: "consistency.completed-no-finish",
    bad: set("Projects", 0, { Status: "Completed", PercentComplete: 1 }),
    good: set("Projects", 0, { Status: "Completed", PercentComplete: 1, ActualFinish: "2025-03-01" }),
  },
  { rule: "consistency.milestone-outside-project", bad: set("Milestones", 0, { ForecastDate: "2027-01-01" }) },
  { rule: "consistency.forecast-below-actual", bad: set("Projects", 0, { ForecastCost: 300 }) },
  { rule: "consistency.allocation-dates", bad: set("Allocations", 0, { Finish: "2024-01-01" }) },
  { rule: "consistency.allocation-outside-project", bad: set("Allocations", 0, { Finish: "2026-06-30" }) },
  { rule: "consistency.risk-exposure", bad: set("Risks", 0, { Exposure: 12 }) },
  { rule: "consistency.actual-in-future", bad: set("Projects", 0, { ActualStart: "2025-06-01" }) },
  { rule: "integrity.duplicate-id", bad: (rows) => rows.Projects!.push({ ...rows.Projects![1], ProjectId: "P1" }) },
  { rule: "integrity.unknown-reference", bad: set("Milestones", 0, { ProjectId: "P9" }), field: "ProjectId" },
  { rule: "integrity.unknown-role", bad: set("Allocations", 0, { Role: "Architect" }) },
  {
    rule: "integrity.unknown-resource",
    bad: set("Allocations", 0, { ResourceName: "Robin" }),
    good: set("Allocations", 0, { ResourceName: "pat" }),
  },
  {
    rule: "integrity.dependency-cycle",
    bad: (rows) => rows.Dependencies!.push({ DependencyId: "D2", PredecessorId: "P2", SuccessorId: "P1", Type: "FS" }),
  },
  { rule: "integrity.fs-order", bad: set("Projects", 1, { ForecastStart: "2025-06-01" }) },
  { rule: "timeliness.stale-status", bad: set("Projects", 0, { StatusDate: "2025-01-01" }) },
  { rule: "timeliness.milestone-overdue", bad: set("Milestones", 0, { ForecastDate: "2025-03-01" }) },
  { rule: "timeliness.risk-review-overdue", bad: set("Risks", 0, { ReviewDate: "2025-03-01" }) },
  { rule: "timeliness.issue-overdue", bad: set("Issues", 0, { TargetDate: "2025-03-01" }) },
  { rule: "timeliness.finish-passed", bad: set("Projects", 0, { ForecastFinish: "2025-03-01" }) },
  {
    rule: "governance.rag-greener",
    bad: (_rows, ctx) => ctx.computedRag!.set("P1", { overall: "Red", cost: "Red", schedule: "Green" }),
    field: "RagCost",
  },
  {
    rule: "governance.variance-commentary",
    bad: set("Projects", 0, { ForecastCost: 1200, StatusCommentary: null }),
    good: set("Projects", 0, { ForecastCost: 1200 }),
  },
  {
    rule: "governance.red-commentary",
    bad: set("Projects", 0, { RagOverall: "Red", StatusCommentary: null }),
    good: set("Projects", 0, { RagOverall: "Red" }),
  },
  { rule: "governance.risk-exposure-owner", bad: set("Risks", 0, { Owner: null }), field: "Owner" },
  { rule: "governance.business-case", bad: set("Projects", 0, { BusinessCaseApproved: "No" }) },
  {
    rule: "governance.variance-narrative",
    bad: set("Projects", 0, { ForecastCost: 1200, StatusCommentary: "Over budget." }),
    good: set("Projects", 0, {
      ForecastCost: 1200,
      VarianceCause: "Steel prices",
      VarianceImpact: "£200 over budget",
      CorrectiveAction: "Value engineering on the cladding",
    }),
    field: "VarianceCause",
  },
  { rule: "governance.benefit-owner-measure", bad: set("Benefits", 0, { Owner: null }), field: "Owner" },
  { rule: "completeness.benefit-profile", bad: set("Benefits", 0, { BaselineDate: null }), field: "BaselineDate" },
  {
    rule: "consistency.dis-benefit",
    bad: set("Benefits", 0, { PlannedValue: -100 }),
    good: set("Benefits", 0, { PlannedValue: -100, DisBenefit: "Yes" }),
    field: "DisBenefit",
  },
  { rule: "governance.benefits-cover-case", bad: set("Benefits", 0, { PlannedValue: 1000 }), field: "ProgrammeId" },
  {
    rule: "governance.project-roles",
    bad: set("Projects", 1, { Stage: "Idea", ProjectManager: null }),
    good: set("Projects", 1, { Stage: "Idea" }),
    field: "ProjectManager",
  },
  {
    rule: "governance.programme-roles",
    bad: set("Programmes", 0, { ProgrammeManager: null }),
    field: "ProgrammeManager",
  },
  {
    rule: "governance.programme-business-case",
    bad: set("Programmes", 0, { BusinessCase: null }),
    field: "BusinessCase",
  },
  {
    rule: "governance.sro-load",
    bad: (rows) => rows.Projects!.push({ ...rows.Projects![1], ProjectId: "P3", Sponsor: "jane  doe" }),
    field: "SRO",
  },
  {
    rule: "governance.declared-against-evidence",
    bad: set("Projects", 0, { DeliveryConfidence: "Amber" }),
    field: "RagOverall",
  },
];

function run(mutate: Mutate) {
  const rows = cleanRows();
  const ctx = baseContext();
  mutate(rows, ctx);
  const register = buildRegister(rows);
  return validateRegister(register, settings, { evidence: evidenceForValidation(register, settings), ...ctx });
}

describe("rule catalogue coverage", () => {
  test("every rule has a breaking and a passing case", () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual([...RULE_IDS].sort());
  });

  test("the clean portfolio raises no finding at all", () => {
    const result = run(none);
    expect(result.findings).toEqual([]);
    expect(result.notApplicable).toEqual([]);
    expect(result.score.portfolio).toBe(1);
  });
});

describe.each(CASES)("$rule", ({ rule, bad, good, field }) => {
  test("a record that breaks it gets a finding that says how to fix it", () => {
    const result = run(bad);
    const found = result.findings.filter((f) => f.rule === rule);
    expect(found.length).toBeGreaterThan(0);
    if (field) expect(found.map((f) => f.field)).toContain(field);
    for (const f of found) expect(f.message).toMatch(/: .+|\. .+/);
    expect(result.byRule[rule].passed).toBeLessThan(result.byRule[rule].applicable);
  });

  test("a record that keeps it passes an applicable check", () => {
    const result = run(good ?? none);
    expect(result.findings.filter((f) => f.rule === rule)).toEqual([]);
    expect(result.byRule[rule].applicable).toBeGreaterThan(0);
    expect(result.byRule[rule].passed).toBe(result.byRule[rule].applicable);
  });
});
