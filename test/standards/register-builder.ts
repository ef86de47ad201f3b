import type { FieldValue, Provenance, Register } from "../../src/domain/register";
import { emptyRegister, recordsOf } from "../../src/domain/register";
import { ENTITY_NAMES, SCHEMA, type EntityName } from "../../src/domain/schema";

export type Rows = Partial<Record<EntityName, Record<string, FieldValue>[]>>;

/** A register from plain rows: each record's id is its id field (or a numbered one), with optional provenance. */
export function buildRegister(
  rows: Rows,
  provenance?: (entity: EntityName, i: number) => Record<string, Provenance>,
): Register {
  const reg = emptyRegister();
  for (const entity of ENTITY_NAMES) {
    const def = SCHEMA[entity];
    recordsOf(reg, entity).push(
      ...(rows[entity] ?? []).map((values, i) => {
        const idValue = values[def.idField];
        return {
          id: typeof idValue === "string" && idValue.trim() !== "" ? idValue.trim() : `${def.idPrefix}-${i + 1}`,
          values: { ...values },
          extras: {},
          provenance: provenance?.(entity, i) ?? {},
          derivedId: idValue === undefined || idValue === null,
        };
      }),
    );
  }
  return reg;
}

/** A small portfolio that breaks no rule at reporting date 2025-03-31. */
export function cleanRows(): Rows {
  return {
    Programmes: [
      {
        ProgrammeId: "PG1",
        Name: "Estates",
        Start: "2024-01-01",
        Finish: "2027-12-31",
        Status: "Active",
        SRO: "Jane Doe",
        ProgrammeManager: "Kim Park",
        BusinessCase: "https://intranet.example/estates/obc",
      },
    ],
    Projects: [
      {
        ProjectId: "P1",
        Name: "New HQ",
        ProgrammeId: "PG1",
        Stage: "Delivery",
        Status: "Active",
        Sponsor: "Jane Doe",
        ProjectManager: "Sam Lee",
        BaselineStart: "2024-01-01",
        BaselineFinish: "2025-12-31",
        ForecastStart: "2024-01-01",
        ForecastFinish: "2025-12-31",
        ActualStart: "2024-01-15",
        Budget: 1000,
        ActualCost: 400,
        ForecastCost: 1020,
        PercentComplete: 0.4,
        BusinessCaseApproved: "Yes",
        RagOverall: "Green",
        RagCost: "Green",
        RagSchedule: "Green",
        StatusDate: "2025-03-14",
        StatusCommentary: "On track.",
        StrategicAlignment: 4,
        RiskScore: 2,
        BusinessValue: 8,
        TimeCriticality: 5,
        RiskReduction: 3,
        JobSize: 5,
      },
      {
        ProjectId: "P2",
        Name: "Fit-out",
        ProgrammeId: "PG1",
        Stage: "Planning",
        Status: "Proposed",
        Sponsor: "Jane Doe",
        ProjectManager: "Ali Khan",
        BaselineStart: "2026-01-05",
        BaselineFinish: "2026-12-31",
        ForecastStart: "2026-01-05",
        ForecastFinish: "2026-12-31",
        Budget: 500,
        StatusDate: "2025-03-14",
      },
    ],
    Milestones: [
      {
        MilestoneId: "M1",
        ProjectId: "P1",
        Name: "Shell complete",
        BaselineDate: "2025-06-30",
        ForecastDate: "2025-06-30",
        Status: "On Track",
      },
    ],
    Dependencies: [{ DependencyId: "D1", PredecessorId: "P1", SuccessorId: "P2", Type: "FS", LagDays: 5 }],
    Resources: [{ ResourceId: "R1", Name: "Pat", Role: "Analyst", FTE: 1, Start: "2024-01-01", Finish: "2027-12-31" }],
    CapacityAdjustments: [{ Role: "Analyst", Period: "2025-01-01", DeltaFTE: -0.5, Reason: "Leave" }],
    Allocations: [
      { ProjectId: "P1", Role: "Analyst", Start: "2024-02-01", Finish: "2025-06-30", FTE: 0.5, Type: "Committed" },
    ],
    Financials: [{ ProjectId: "P1", Period: "2025-01-01", CostType: "Capex", Budget: 100, Actual: 90, Forecast: 100 }],
    Risks: [
      {
        RiskId: "RK1",
        ProjectId: "P1",
        Title: "Steel prices",
        Probability: 4,
        Impact: 4,
        Exposure: 16,
        Owner: "Sam Lee",
        ResponseType: "Reduce",
        Response: "Fix prices early",
        Status: "Open",
        ReviewDate: "2025-04-30",
      },
    ],
    Issues: [
      {
        IssueId: "I1",
        ProjectId: "P1",
        Title: "Planning condition",
        Priority: "High",
        Status: "Open",
        TargetDate: "2025-05-01",
      },
    ],
    Benefits: [
      {
        BenefitId: "B1",
        ProgrammeId: "PG1",
        Description: "Lower rent",
        Category: "Cash-releasing",
        PlannedValue: 2000,
        Status: "Planned",
        Owner: "Jane Doe",
        Measure: "Annual rent paid",
        Baseline: 900,
        BaselineDate: "2024-04-01",
        Target: 400,
        RealisationStart: "2026-04-01",
        RealisationFinish: "2031-03-31",
      },
    ],
  };
}
