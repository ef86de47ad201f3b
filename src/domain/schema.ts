import type { ListName } from "./enums";

/**
 * The canonical register schema, written once. Header matching, coercion, the written tables,
 * dropdown lists, validation rules and the docs all derive from it.
 */
export type FieldType =
  | "id" // the entity's own identifier (text)
  | "ref" // an identifier of another entity (text)
  | "text"
  | "longText"
  | "date"
  | "money"
  | "number"
  | "integer"
  | "percent" // stored as a fraction (0.225)
  | "rating5" // 1–5 scale (probability, impact); words and percentage bands accepted
  | "enum"
  | "bool"; // stored as "Yes" / "No" text so it round-trips through Excel dropdowns

export interface FieldDef {
  name: string;
  type: FieldType;
  /** Required in every stage. Stage-dependent requirements live in the standards' stage-gate table. */
  required?: boolean;
  list?: ListName;
  /** For `ref`: the entity (or entities) the id points at. */
  refs?: readonly EntityName[];
  /** Source header spellings that mean this field on this entity (normalised when compared). */
  aliases?: readonly string[];
  description: string;
  min?: number;
  max?: number;
}

export const ENTITY_NAMES = [
  "Programmes",
  "Projects",
  "Milestones",
  "Dependencies",
  "Resources",
  "CapacityAdjustments",
  "Allocations",
  "Financials",
  "Risks",
  "Issues",
  "Benefits",
] as const;
export type EntityName = (typeof ENTITY_NAMES)[number];

export interface EntityDef {
  name: EntityName;
  /** Singular noun for messages ("project P-001"). */
  noun: string;
  /** The field holding the record's identity; entities without a natural id get a derived one. */
  idField: string;
  /** Prefix for derived ids (`PRJ-1a2b3c`). */
  idPrefix: string;
  /** The fields whose values derive an id when the source has none. */
  identityFields: readonly string[];
  sheet: string;
  table: string;
  fields: readonly FieldDef[];
}

// Generic in the name, so the field keeps its literal name in `FieldOf`.
const money = <Name extends string>(name: Name, description: string, aliases: readonly string[] = []) => ({
  name,
  type: "money" as const,
  description,
  aliases,
});

// Declared `as const` so each field keeps its literal name (see `FieldOf`); `satisfies` still checks
// every entry against EntityDef. Everything else reads it through `SCHEMA` below.
const SCHEMA_LITERAL = {
  Programmes: {
    name: "Programmes",
    noun: "programme",
    idField: "ProgrammeId",
    idPrefix: "PGM",
    identityFields: ["Name"],
    sheet: "Programmes",
    table: "tblProgrammes",
    fields: [
      {
        name: "ProgrammeId",
        type: "id",
        required: true,
        description: "Unique programme id.",
        aliases: ["programme id", "program id", "programme ref", "programme code", "id"],
      },
      {
        name: "Name",
        type: "text",
        required: true,
        description: "Programme name.",
        aliases: ["programme", "programme name", "program", "program name", "title"],
      },
      {
        name: "Portfolio",
        type: "text",
        description: "Portfolio the programme belongs to.",
        aliases: ["portfolio name"],
      },
      {
        name: "SRO",
        type: "text",
        description: "Senior responsible owner.",
        aliases: ["senior responsible owner", "executive", "sponsor"],
      },
      {
        name: "ProgrammeManager",
        type: "text",
        description: "Programme manager.",
        aliases: ["programme manager", "program manager", "pgm"],
      },
      {
        name: "StrategicObjective",
        type: "text",
        description: "Strategic objective served.",
        aliases: ["objective", "strategic objective", "strategic theme", "theme"],
      },
      money("BudgetEnvelope", "Funding envelope for the programme.", [
        "budget envelope",
        "envelope",
        "budget",
        "funding",
      ]),
      { name: "Start", type: "date", description: "Programme start.", aliases: ["start date", "start"] },
      {
        name: "Finish",
        type: "date",
        description: "Programme finish.",
        aliases: ["end date", "end", "finish date", "finish"],
      },
      { name: "Status", type: "enum", list: "Status", description: "Lifecycle status.", aliases: ["programme status"] },
      {
        name: "BusinessCase",
        type: "text",
        description:
          "Link to (or reference of) the programme's business case (GovS 002: programmes are governed by one).",
        aliases: ["business case", "business case link", "business case ref", "business case reference", "bc link"],
      },
    ],
  },
  Projects: {
    name: "Projects",
    noun: "project",
    idField: "ProjectId",
    idPrefix: "PRJ",
    identityFields: ["Name"],
    sheet: "Projects",
    table: "tblProjects",
    fields: [
      {
        name: "ProjectId",
        type: "id",
        required: true,
        description: "Unique project id.",
        aliases: [
          "project id",
          "project number",
          "project no",
          "project ref",
          "project code",
          "ref",
          "id",
          "project #",
        ],
      },
      {
        name: "Name",
        type: "text",
        required: true,
        description: "Project name.",
        aliases: ["project name", "project", "title", "initiative", "project title", "initiative name"],
      },
      {
        name: "Description",
        type: "longText",
        description: "What the project delivers.",
        aliases: ["description", "description aims", "aims", "scope", "summary"],
      },
      {
        name: "ProgrammeId",
        type: "ref",
        refs: ["Programmes"],
        description: "Programme the project belongs to.",
        aliases: ["programme", "program", "programme id", "program id", "programme ref"],
      },
      {
        name: "Department",
        type: "text",
        description: "Owning department or business unit.",
        aliases: ["department", "dept", "business unit", "directorate", "division"],
      },
      {
        name: "Category",
        type: "text",
        description: "Category or type of project.",
        aliases: ["category", "report category", "project type", "type", "portfolio category"],
      },
      {
        name: "Sponsor",
        type: "text",
        description: "Project sponsor (SRO).",
        aliases: ["sponsor", "sro", "executive", "senior responsible owner", "project sponsor"],
      },
      {
        name: "ProjectManager",
        type: "text",
        description: "Project manager.",
        aliases: ["project manager", "pm", "manager", "project lead", "lead"],
      },
      {
        name: "Stage",
        type: "enum",
        list: "Stage",
        description: "Lifecycle stage.",
        aliases: ["stage", "phase", "lifecycle stage", "gate"],
      },
      {
        name: "Status",
        type: "enum",
        list: "Status",
        description: "Lifecycle status.",
        aliases: ["status", "project status", "state"],
      },
      {
        name: "BaselineStart",
        type: "date",
        description: "Baseline (approved) start.",
        aliases: ["baseline start", "planned start", "original start", "baseline start date"],
      },
      {
        name: "BaselineFinish",
        type: "date",
        description: "Baseline (approved) finish.",
        aliases: [
          "baseline finish",
          "baseline end",
          "planned finish",
          "planned end",
          "original end date",
          "baseline end date",
        ],
      },
      {
        name: "ForecastStart",
        type: "date",
        description: "Forecast start.",
        aliases: ["forecast start", "start", "start date", "expected start"],
      },
      {
        name: "ForecastFinish",
        type: "date",
        description: "Forecast finish.",
        aliases: [
          "forecast finish",
          "forecast end",
          "end",
          "end date",
          "due",
          "due date",
          "target completion",
          "target completion date",
          "expected finish",
          "finish",
          "finish date",
        ],
      },
      {
        name: "ActualStart",
        type: "date",
        description: "Actual start.",
        aliases: ["actual start", "actual start date"],
      },
      {
        name: "ActualFinish",
        type: "date",
        description: "Actual finish.",
        aliases: ["actual finish", "actual end", "actual end date", "completed on", "actual finish date"],
      },
      money("Budget", "Budget at completion (BAC).", [
        "budget",
        "bac",
        "approved budget",
        "wlc baseline incl ncg",
        "whole life cost",
        "wlc",
        "total budget",
        "budget at completion",
      ]),
      money("ActualCost", "Actual cost to date.", [
        "actual cost",
        "actuals",
        "spend to date",
        "actual",
        "actual to date",
        "ac",
      ]),
      money("ForecastCost", "Forecast cost at completion.", [
        "forecast cost",
        "forecast",
        "eac",
        "forecast at completion",
        "estimate at completion",
        "forecast outturn",
        "outturn",
      ]),
      {
        name: "PercentComplete",
        type: "percent",
        description: "Work complete, as a fraction.",
        aliases: ["percent complete", "% complete", "pct complete", "complete", "progress", "% done"],
        min: 0,
        max: 1,
      },
      {
        name: "DeliveryConfidence",
        type: "enum",
        list: "Confidence",
        description: "Independent delivery-confidence assessment (five-point).",
        aliases: [
          "delivery confidence",
          "dca",
          "delivery confidence assessment",
          "ipa rating",
          "confidence",
          "colour rating",
          "color rating",
        ],
      },
      {
        name: "RagOverall",
        type: "enum",
        list: "Rag",
        description: "Overall RAG declared by the project.",
        aliases: [
          "rag",
          "overall rag",
          "rag status",
          "rag overall",
          "overall status",
          "sro rating",
          "health",
          "colour rating",
          "color rating",
        ],
      }, // a second `colour_rating` column (GMPP 2023: the SRO's own rating) lands here; the first goes to DeliveryConfidence
      {
        name: "RagSchedule",
        type: "enum",
        list: "Rag",
        description: "Declared schedule RAG.",
        aliases: ["schedule rag", "time rag", "rag schedule"],
      },
      {
        name: "RagCost",
        type: "enum",
        list: "Rag",
        description: "Declared cost RAG.",
        aliases: ["cost rag", "budget rag", "rag cost", "finance rag"],
      },
      {
        name: "RagScope",
        type: "enum",
        list: "Rag",
        description: "Declared scope RAG.",
        aliases: ["scope rag", "rag scope", "quality rag"],
      },
      {
        name: "RagResources",
        type: "enum",
        list: "Rag",
        description: "Declared resources RAG.",
        aliases: ["resource rag", "resources rag", "rag resources", "people rag"],
      },
      {
        name: "StatusDate",
        type: "date",
        description: "Date the status was last reported.",
        aliases: ["status date", "last updated", "report date", "as at", "as of", "updated", "reporting date"],
      },
      {
        name: "StatusCommentary",
        type: "longText",
        description: "Commentary on the status.",
        aliases: [
          "status commentary",
          "commentary",
          "comments",
          "rating comment",
          "status comment",
          "narrative",
          "notes",
        ],
      },
      {
        name: "DecisionRequired",
        type: "longText",
        description: "The decision or support the project asks of the board.",
        aliases: [
          "decision required",
          "decisions required",
          "decision needed",
          "support needed",
          "support required",
          "ask",
          "asks",
          "board ask",
          "ask of the board",
          "help needed",
        ],
      },
      {
        name: "BusinessCaseApproved",
        type: "bool",
        list: "YesNo",
        description: "Whether the business case is approved.",
        aliases: ["business case approved", "bc approved", "business case", "approved"],
      },
      {
        name: "Selection",
        type: "enum",
        list: "Selection",
        description: "Portfolio selection override.",
        aliases: ["selection", "force", "forced"],
      },
      {
        name: "StrategicAlignment",
        type: "number",
        description: "Prioritisation criterion: strategic alignment (1–5).",
        aliases: ["strategic alignment", "strategy", "alignment", "strategic fit"],
      },
      {
        name: "FinancialValue",
        type: "money",
        description: "Prioritisation criterion: financial value (e.g. NPV).",
        aliases: ["financial value", "npv", "net present value", "value"],
      },
      {
        name: "RiskScore",
        type: "number",
        description: "Prioritisation criterion: delivery risk (1–5; higher is riskier).",
        aliases: ["risk score", "delivery risk", "risk level"],
      },
      {
        name: "BusinessValue",
        type: "number",
        description: "WSJF: user/business value (1,2,3,5,8,13,20).",
        aliases: ["business value", "user business value", "ubv"],
      },
      {
        name: "TimeCriticality",
        type: "number",
        description: "WSJF: time criticality (1,2,3,5,8,13,20).",
        aliases: ["time criticality", "urgency"],
      },
      {
        name: "RiskReduction",
        type: "number",
        description: "WSJF: risk reduction / opportunity enablement (1,2,3,5,8,13,20).",
        aliases: ["risk reduction", "rr oe", "opportunity enablement"],
      },
      {
        name: "JobSize",
        type: "number",
        description: "WSJF: job size (1,2,3,5,8,13,20).",
        aliases: ["job size", "size", "effort"],
      },
      {
        name: "VarianceCause",
        type: "longText",
        description: "Variance narrative: the cause of the cost, schedule or benefit variance (GMPP).",
        aliases: ["cause", "variance cause", "cause of variance", "root cause", "reason for variance"],
      },
      {
        name: "VarianceImpact",
        type: "longText",
        description: "Variance narrative: the variance's impact on the project.",
        aliases: ["impact", "variance impact", "impact of variance"],
      },
      {
        name: "CorrectiveAction",
        type: "longText",
        description: "Variance narrative: the corrective action taken or planned.",
        aliases: ["corrective action", "corrective actions", "recovery action", "recovery actions", "recovery plan"],
      },
    ],
  },
  Milestones: {
    name: "Milestones",
    noun: "milestone",
    idField: "MilestoneId",
    idPrefix: "MS",
    identityFields: ["ProjectId", "Name"],
    sheet: "Milestones",
    table: "tblMilestones",
    fields: [
      {
        name: "MilestoneId",
        type: "id",
        description: "Unique milestone id.",
        aliases: ["milestone id", "milestone ref", "id", "ref"],
      },
      {
        name: "ProjectId",
        type: "ref",
        refs: ["Projects"],
        required: true,
        description: "Project the milestone belongs to.",
        aliases: ["project id", "project", "project ref"],
      },
      {
        name: "Name",
        type: "text",
        required: true,
        description: "Milestone name.",
        aliases: ["milestone", "milestone name", "name", "title", "description"],
      },
      {
        name: "BaselineDate",
        type: "date",
        description: "Baseline date.",
        aliases: ["baseline date", "baseline", "planned date", "original date"],
      },
      {
        name: "ForecastDate",
        type: "date",
        description: "Forecast date.",
        aliases: ["forecast date", "forecast", "due date", "target date", "expected date"],
      },
      {
        name: "ActualDate",
        type: "date",
        description: "Actual date achieved.",
        aliases: ["actual date", "actual", "achieved", "completed date", "date achieved"],
      },
      {
        name: "Status",
        type: "enum",
        list: "MilestoneStatus",
        description: "Milestone status.",
        aliases: ["status", "milestone status"],
      },
      {
        name: "IsGate",
        type: "bool",
        list: "YesNo",
        description: "Whether the milestone is a stage gate.",
        aliases: ["gate", "is gate", "stage gate"],
      },
    ],
  },
  Dependencies: {
    name: "Dependencies",
    noun: "dependency",
    idField: "DependencyId",
    idPrefix: "DEP",
    identityFields: ["PredecessorId", "SuccessorId", "Type"],
    sheet: "Dependencies",
    table: "tblDependencies",
    fields: [
      {
        name: "DependencyId",
        type: "id",
        description: "Unique dependency id.",
        aliases: ["dependency id", "dep id", "id", "ref"],
      },
      {
        name: "PredecessorId",
        type: "ref",
        refs: ["Projects", "Milestones"],
        required: true,
        description: "Predecessor project or milestone.",
        aliases: ["predecessor", "predecessor id", "from", "depends on", "from project"],
      },
      {
        name: "SuccessorId",
        type: "ref",
        refs: ["Projects", "Milestones"],
        required: true,
        description: "Successor project or milestone.",
        aliases: ["successor", "successor id", "to", "dependent", "to project"],
      },
      {
        name: "Type",
        type: "enum",
        list: "DependencyType",
        description: "FS, SS, FF, SF, Requires or Excludes.",
        aliases: ["type", "dependency type", "relationship"],
      },
      { name: "LagDays", type: "number", description: "Lag in days.", aliases: ["lag", "lag days", "lag (days)"] },
      {
        name: "Status",
        type: "enum",
        list: "DependencyStatus",
        description: "Dependency status.",
        aliases: ["status"],
      },
      {
        name: "RequiredBy",
        type: "date",
        description: "Date the successor needs it by.",
        aliases: ["required by", "need date", "needed by"],
      },
      { name: "Owner", type: "text", description: "Owner.", aliases: ["owner"] },
      {
        name: "Description",
        type: "longText",
        description: "What the dependency is.",
        aliases: ["description", "details"],
      },
    ],
  },
  Resources: {
    name: "Resources",
    noun: "resource",
    idField: "ResourceId",
    idPrefix: "RES",
    identityFields: ["Name", "Role"],
    sheet: "Resources",
    table: "tblResources",
    fields: [
      {
        name: "ResourceId",
        type: "id",
        description: "Unique resource id.",
        aliases: ["resource id", "person id", "employee id", "staff id", "id"],
      },
      {
        name: "Name",
        type: "text",
        description: "Person or team name.",
        aliases: ["name", "resource", "resource name", "person", "employee"],
      },
      {
        name: "Role",
        type: "text",
        required: true,
        description: "Role (skill) supplied.",
        aliases: ["role", "skill", "job role", "discipline"],
      },
      { name: "Team", type: "text", description: "Team.", aliases: ["team", "department", "group"] },
      {
        name: "FTE",
        type: "number",
        description: "Full-time equivalent (0–1+).",
        aliases: ["fte", "capacity", "availability", "capacity fte"],
        min: 0,
      },
      {
        name: "Start",
        type: "date",
        description: "Available from.",
        aliases: ["start", "start date", "available from", "from"],
      },
      {
        name: "Finish",
        type: "date",
        description: "Available until.",
        aliases: ["finish", "end", "end date", "available to", "to", "until"],
      },
    ],
  },
  CapacityAdjustments: {
    name: "CapacityAdjustments",
    noun: "capacity adjustment",
    idField: "AdjustmentId",
    idPrefix: "ADJ",
    identityFields: ["Role", "Period"],
    sheet: "CapacityAdjustments",
    table: "tblCapacityAdjustments",
    fields: [
      { name: "AdjustmentId", type: "id", description: "Unique adjustment id.", aliases: ["adjustment id", "id"] },
      { name: "Role", type: "text", required: true, description: "Role adjusted.", aliases: ["role", "skill"] },
      {
        name: "Period",
        type: "date",
        required: true,
        description: "Month adjusted (first day of the month).",
        aliases: ["period", "month"],
      },
      {
        name: "DeltaFTE",
        type: "number",
        description: "Change in FTE (negative for leave).",
        aliases: ["delta fte", "fte change", "adjustment", "change"],
      },
      { name: "Reason", type: "text", description: "Leave, hiring, secondment…", aliases: ["reason", "comment"] },
    ],
  },
  Allocations: {
    name: "Allocations",
    noun: "allocation",
    idField: "AllocationId",
    idPrefix: "ALC",
    identityFields: ["ProjectId", "Role", "ResourceName", "Start", "Finish"],
    sheet: "Allocations",
    table: "tblAllocations",
    fields: [
      { name: "AllocationId", type: "id", description: "Unique allocation id.", aliases: ["allocation id", "id"] },
      {
        name: "ProjectId",
        type: "ref",
        refs: ["Projects"],
        required: true,
        description: "Project the demand is for.",
        aliases: ["project id", "project", "project ref", "projekt"],
      },
      {
        name: "Role",
        type: "text",
        description: "Role demanded (or give ResourceName).",
        aliases: ["role", "skill", "job role", "rolle"],
      },
      {
        name: "ResourceName",
        type: "text",
        description: "Named resource (optional).",
        aliases: ["resource", "resource name", "person", "name", "employee", "mitarbeiter"],
      },
      {
        name: "Start",
        type: "date",
        required: true,
        description: "First day of the allocation.",
        aliases: ["start", "start date", "from", "date", "datum"],
      },
      {
        name: "Finish",
        type: "date",
        required: true,
        description: "Last day of the allocation (inclusive).",
        aliases: ["finish", "end", "end date", "to", "until", "bis"],
      },
      {
        name: "FTE",
        type: "number",
        description: "FTE on each working day.",
        aliases: ["fte", "allocation", "allocation fte", "% allocation"],
        min: 0,
      },
      {
        name: "Hours",
        type: "number",
        description: "Total hours over the allocation.",
        aliases: ["hours", "hrs", "effort hours", "stunden"],
        min: 0,
      },
      {
        name: "Type",
        type: "enum",
        list: "AllocationType",
        description: "Committed or Proposed.",
        aliases: ["type", "allocation type", "status"],
      },
    ],
  },
  Financials: {
    name: "Financials",
    noun: "financial line",
    idField: "FinancialId",
    idPrefix: "FIN",
    identityFields: ["ProjectId", "Period", "CostType"],
    sheet: "Financials",
    table: "tblFinancials",
    fields: [
      { name: "FinancialId", type: "id", description: "Unique line id.", aliases: ["financial id", "line id", "id"] },
      {
        name: "ProjectId",
        type: "ref",
        refs: ["Projects"],
        required: true,
        description: "Project.",
        aliases: ["project id", "project", "project ref"],
      },
      {
        name: "Period",
        type: "date",
        required: true,
        description: "Month (first day of the month).",
        aliases: ["period", "month", "date"],
      },
      {
        name: "CostType",
        type: "enum",
        list: "CostType",
        description: "Capex or Opex.",
        aliases: ["cost type", "type", "capex opex", "category"],
      },
      money("Budget", "Budget for the month.", ["budget", "plan", "planned", "baseline"]),
      money("Actual", "Actual spend in the month.", ["actual", "actuals", "spend", "actual cost"]),
      money("Forecast", "Forecast for the month.", ["forecast", "fcst", "outlook"]),
    ],
  },
  Risks: {
    name: "Risks",
    noun: "risk",
    idField: "RiskId",
    idPrefix: "RSK",
    identityFields: ["Title", "ProjectId"],
    sheet: "Risks",
    table: "tblRisks",
    fields: [
      {
        name: "RiskId",
        type: "id",
        required: true,
        description: "Unique risk id.",
        aliases: ["risk id", "risk identifier", "risk ref", "risk no", "id", "ref", "risk number"],
      },
      {
        name: "ProjectId",
        type: "ref",
        refs: ["Projects"],
        description: "Project the risk belongs to.",
        aliases: ["project id", "project", "project ref"],
      },
      {
        name: "ProgrammeId",
        type: "ref",
        refs: ["Programmes"],
        description: "Programme the risk belongs to.",
        aliases: ["programme id", "programme", "program"],
      },
      {
        name: "Title",
        type: "text",
        required: true,
        description: "Short risk title.",
        aliases: ["title", "risk title", "risk", "risk description", "description", "risk name", "event"],
      },
      {
        name: "Category",
        type: "text",
        description: "Risk category.",
        aliases: ["category", "risk category", "risk type", "type"],
      },
      { name: "Cause", type: "longText", description: "Cause (PRINCE2).", aliases: ["cause", "risk cause"] },
      {
        name: "Effect",
        type: "longText",
        description: "Effect (PRINCE2).",
        aliases: ["effect", "risk effect", "consequence"],
      },
      {
        name: "Probability",
        type: "rating5",
        description: "Probability 1–5.",
        aliases: ["probability", "likelihood", "prob", "p"],
        min: 1,
        max: 5,
      },
      {
        name: "Impact",
        type: "rating5",
        description: "Impact 1–5.",
        aliases: ["impact", "severity", "consequence rating", "i"],
        min: 1,
        max: 5,
      },
      {
        name: "Exposure",
        type: "number",
        description: "Probability × impact.",
        aliases: ["exposure", "risk score", "score", "rating", "p x i", "risk rating"],
      },
      money("ImpactValue", "Monetary impact if it occurs.", [
        "impact value",
        "monetary impact",
        "cost impact",
        "financial impact",
      ]),
      { name: "Proximity", type: "text", description: "When the risk may occur.", aliases: ["proximity", "timing"] },
      {
        name: "ResponseType",
        type: "enum",
        list: "ResponseType",
        description: "Avoid, Reduce, Transfer, Accept, Share…",
        aliases: ["response type", "response category", "strategy", "risk response"],
      },
      {
        name: "Response",
        type: "longText",
        description: "Response actions.",
        aliases: ["response", "mitigation", "mitigation plan", "actions", "response actions", "mitigation actions"],
      },
      { name: "Owner", type: "text", description: "Risk owner.", aliases: ["owner", "risk owner"] },
      {
        name: "Actionee",
        type: "text",
        description: "Who carries out the response.",
        aliases: ["actionee", "action owner"],
      },
      {
        name: "Status",
        type: "enum",
        list: "RiskStatus",
        description: "Open, Closed or Escalated.",
        aliases: ["status", "risk status"],
      },
      {
        name: "RaisedDate",
        type: "date",
        description: "Date raised.",
        aliases: ["raised date", "date raised", "date registered", "identified", "date identified", "raised"],
      },
      {
        name: "ReviewDate",
        type: "date",
        description: "Next review date.",
        aliases: ["review date", "next review", "last review", "review"],
      },
      {
        name: "Rating",
        type: "enum",
        list: "Priority",
        description: "The risk's rating in words (High, Medium, Low…) where the source gives one instead of a score.",
        aliases: ["rating", "risk rating", "risk level", "rating text", "overall rating", "level"],
      },
    ],
  },
  Issues: {
    name: "Issues",
    noun: "issue",
    idField: "IssueId",
    idPrefix: "ISS",
    identityFields: ["Title", "ProjectId"],
    sheet: "Issues",
    table: "tblIssues",
    fields: [
      {
        name: "IssueId",
        type: "id",
        required: true,
        description: "Unique issue id.",
        aliases: ["issue id", "issue identifier", "issue ref", "issue no", "id", "ref", "issue number"],
      },
      {
        name: "ProjectId",
        type: "ref",
        refs: ["Projects"],
        description: "Project the issue belongs to.",
        aliases: ["project id", "project", "project ref"],
      },
      {
        name: "Title",
        type: "text",
        required: true,
        description: "Short issue title.",
        aliases: ["title", "issue title", "issue", "description", "issue description", "issue report"],
      },
      {
        name: "Type",
        type: "enum",
        list: "IssueType",
        description: "Request for Change, Off-Specification, Problem/Concern.",
        aliases: ["type", "issue type"],
      },
      { name: "Priority", type: "enum", list: "Priority", description: "Very High … Very Low.", aliases: ["priority"] },
      {
        name: "Severity",
        type: "enum",
        list: "Severity",
        description: "Critical, Major, Minor.",
        aliases: ["severity"],
      },
      {
        name: "Owner",
        type: "text",
        description: "Issue owner.",
        aliases: ["owner", "issue owner", "raised by", "author"],
      },
      {
        name: "RaisedDate",
        type: "date",
        description: "Date raised.",
        aliases: ["raised date", "date raised", "date registered", "raised"],
      },
      {
        name: "TargetDate",
        type: "date",
        description: "Target resolution date.",
        aliases: ["target date", "due date", "target resolution date", "closure date"],
      },
      {
        name: "Status",
        type: "enum",
        list: "IssueStatus",
        description: "Open, In Progress, Closed.",
        aliases: ["status", "issue status"],
      },
      {
        name: "Escalated",
        type: "bool",
        list: "YesNo",
        description: "Escalated beyond the project.",
        aliases: ["escalated", "escalation"],
      },
      {
        name: "Resolution",
        type: "longText",
        description: "Decision or resolution.",
        aliases: ["resolution", "decision", "action", "actions"],
      },
    ],
  },
  Benefits: {
    name: "Benefits",
    noun: "benefit",
    idField: "BenefitId",
    idPrefix: "BEN",
    identityFields: ["Description", "ProgrammeId", "ProjectId"],
    sheet: "Benefits",
    table: "tblBenefits",
    fields: [
      {
        name: "BenefitId",
        type: "id",
        required: true,
        description: "Unique benefit id.",
        aliases: ["benefit id", "benefit ref", "id", "ref"],
      },
      {
        name: "ProgrammeId",
        type: "ref",
        refs: ["Programmes"],
        description: "Programme the benefit belongs to.",
        aliases: ["programme id", "programme", "program"],
      },
      {
        name: "ProjectId",
        type: "ref",
        refs: ["Projects"],
        description: "Project the benefit belongs to.",
        aliases: ["project id", "project"],
      },
      {
        name: "Description",
        type: "text",
        required: true,
        description: "What the benefit is.",
        aliases: ["description", "benefit", "benefit description", "title", "name"],
      },
      {
        name: "Category",
        type: "enum",
        list: "BenefitCategory",
        description: "Cash-releasing, Non-cash or Qualitative.",
        aliases: ["category", "benefit type", "type"],
      },
      { name: "Measure", type: "text", description: "How it is measured.", aliases: ["measure", "kpi", "metric"] },
      { name: "Baseline", type: "number", description: "Measure's baseline.", aliases: ["baseline", "baseline value"] },
      { name: "Target", type: "number", description: "Measure's target.", aliases: ["target", "target value"] },
      money("PlannedValue", "Planned monetary value.", [
        "planned value",
        "planned benefit",
        "planned",
        "forecast benefit",
      ]),
      money("RealisedValue", "Realised monetary value to date.", [
        "realised value",
        "realized value",
        "realised",
        "actual benefit",
        "achieved",
      ]),
      {
        name: "PlannedDate",
        type: "date",
        description: "When the benefit is due.",
        aliases: ["planned date", "due date", "date", "realisation date"],
      },
      { name: "Owner", type: "text", description: "Benefit owner.", aliases: ["owner", "benefit owner"] },
      { name: "Status", type: "enum", list: "BenefitStatus", description: "Benefit status.", aliases: ["status"] },
      {
        name: "BaselineDate",
        type: "date",
        description: "Date the measure's baseline value was taken (MSP).",
        aliases: ["baseline date", "baseline measured", "date of baseline"],
      },
      {
        name: "RealisationStart",
        type: "date",
        description: "Start of the realisation window.",
        aliases: ["realisation start", "realization start", "benefit start", "realisation from"],
      },
      {
        name: "RealisationFinish",
        type: "date",
        description: "End of the realisation window.",
        aliases: ["realisation end", "realization end", "realisation finish", "benefit end", "realisation to"],
      },
      {
        name: "DisBenefit",
        type: "bool",
        list: "YesNo",
        description: "Whether this is a dis-benefit (an outcome seen as negative by a stakeholder).",
        aliases: ["dis-benefit", "disbenefit", "dis benefit", "is dis-benefit"],
      },
    ],
  },
} as const satisfies Record<EntityName, EntityDef>;

export const SCHEMA: Record<EntityName, EntityDef> = SCHEMA_LITERAL;

/**
 * The canonical field names of an entity, as the schema spells them (`FieldOf<"Projects">` is
 * "ProjectId" | "Name" | … | "Budget" | …): register records are keyed by it, so `values.Budgett`
 * does not compile. A field declared without a literal name would widen this to `string`;
 * test/types/typed-fields.ts fails the typecheck if that happens.
 */
export type FieldOf<E extends EntityName> = (typeof SCHEMA_LITERAL)[E]["fields"][number]["name"];

/**
 * Issue 14: headers of real RAID templates, added to the fields above here (a block of its own so
 * the field definitions stay as they are). "Mitigation Date" is not a Response: see header-mapping.
 */
const TEMPLATE_ALIASES: Partial<Record<EntityName, Record<string, string[]>>> = {
  Issues: {
    Owner: ["assigned to owner", "assigned to", "assignee", "issue manager"],
    TargetDate: ["expected resolution date", "resolution date", "resolve by", "expected closure date"],
    Escalated: ["escalation required (y/n)?", "escalation required", "escalate (y/n)", "escalated (y/n)"],
    RaisedDate: ["date identified", "identified", "date logged", "logged"],
    Priority: ["priority level", "issue priority"],
  },
  Risks: {
    RaisedDate: ["date logged", "logged"],
    ResponseType: ["response strategy", "treatment", "treatment strategy", "risk treatment"],
    Owner: ["assigned to owner", "assigned to"],
  },
  Dependencies: {
    Status: ["dependency status", "state"],
  },
  // Effort said in days is read into Hours at the settings' hours per day (build-records.ts).
  Allocations: {
    Hours: ["effort", "effort days", "person days", "man days", "days effort", "effort (days)", "effort in days"],
  },
  // GMPP annual-report data from 2021/22 on (corpus gmpp_2022, gmpp_2024): the whole-life cost is the budget.
  Projects: {
    ProjectId: ["gmpp id number", "gmpp id"],
    Budget: [
      "total baseline whole life costs including non government costs",
      "total baseline whole life costs",
      "whole life costs",
      "whole life cost",
      "wlc",
    ],
    ForecastStart: ["project start date latest approved start date", "latest approved start date"],
    ForecastFinish: ["project end date latest approved end date", "latest approved end date"],
  },
};
for (const [entity, fields] of Object.entries(TEMPLATE_ALIASES) as [EntityName, Record<string, string[]>][]) {
  for (const [name, aliases] of Object.entries(fields)) {
    const field = SCHEMA[entity].fields.find((f) => f.name === name);
    if (!field) throw new Error(`TEMPLATE_ALIASES: ${entity} has no field ${name}`);
    field.aliases = [...(field.aliases ?? []), ...aliases.filter((a) => !(field.aliases ?? []).includes(a))];
  }
}

export function entityDef(name: EntityName): EntityDef {
  return SCHEMA[name];
}

export function fieldDef(entity: EntityName, field: string): FieldDef | undefined {
  return SCHEMA[entity].fields.find((f) => f.name === field);
}

export function isEntityName(value: string): value is EntityName {
  return (ENTITY_NAMES as readonly string[]).includes(value);
}
