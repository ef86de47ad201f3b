import type { IsoDate } from "../domain/dates";
import { dateFromIso } from "../domain/dates";
import type { RegisterRecord } from "../domain/register";
import type { Rendered } from "./messy-cells";
import { SheetBuilder, renderDate, renderEnum, renderMoney } from "./messy-cells";
import type { ColumnSpec } from "./messy-columns";
import { renderColumns } from "./messy-columns";
import type { Picks } from "./random-picks";
import type { RawSheet } from "./raw-sheet";

/** Headers are alias spellings from the schema (each names exactly one Projects field). */
export const TRACKER_COLUMNS: ColumnSpec[] = [
  ["ProjectId", "Project Ref", { kind: "text" }],
  ["Name", "Initiative", { kind: "text" }],
  ["Description", "Summary", { kind: "text" }],
  ["ProgrammeId", "Programme", { kind: "text" }],
  ["Department", "Directorate", { kind: "text" }],
  ["Category", "Project Type", { kind: "text" }],
  ["Sponsor", "SRO", { kind: "text" }],
  ["ProjectManager", "Project Lead", { kind: "text" }],
  ["Stage", "Phase", { kind: "enum", list: "Stage" }],
  ["Status", "Project Status", { kind: "enum", list: "Status" }],
  [
    "BaselineStart",
    "Planned Start",
    {
      kind: "date",
      mix: [
        ["date", 7],
        ["dmy2", 3],
      ],
    },
  ],
  [
    "BaselineFinish",
    "Planned\nFinish",
    {
      kind: "date",
      mix: [
        ["date", 6],
        ["serial", 4],
      ],
    },
  ],
  [
    "ForecastStart",
    "Expected Start",
    {
      kind: "date",
      mix: [
        ["dmy4", 8],
        ["date", 2],
      ],
    },
  ],
  [
    "ForecastFinish",
    "Target Completion",
    {
      kind: "date",
      mix: [
        ["date", 4],
        ["dmy2", 3],
        ["serial", 3],
      ],
    },
  ],
  ["ActualStart", "Actual Start Date", { kind: "date", mix: [["date-mmm", 1]] }],
  [
    "ActualFinish",
    "Completed On",
    {
      kind: "date",
      mix: [
        ["date", 1],
        ["dmy2", 1],
      ],
    },
  ],
  [
    "Budget",
    "BAC",
    {
      kind: "money",
      mix: [
        ["number", 7],
        ["k", 3],
      ],
    },
  ],
  ["ActualCost", "Spend to Date", { kind: "money", mix: [["number", 1]] }],
  [
    "ForecastCost",
    "EAC",
    {
      kind: "money",
      mix: [
        ["number", 6],
        ["text", 2],
        ["k", 2],
      ],
    },
  ],
  ["PercentComplete", "% Complete", { kind: "percent" }],
  ["DeliveryConfidence", "DCA", { kind: "enum", list: "Confidence", messiness: 0.6 }],
  ["RagOverall", "Overall RAG", { kind: "enum", list: "Rag", messiness: 0.6 }],
  ["RagSchedule", "Time RAG", { kind: "enum", list: "Rag", messiness: 0.6 }],
  ["RagCost", "Finance RAG", { kind: "enum", list: "Rag", messiness: 0.6 }],
  ["RagScope", "Quality RAG", { kind: "enum", list: "Rag" }],
  ["RagResources", "People RAG", { kind: "enum", list: "Rag" }],
  [
    "StatusDate",
    "Last Updated",
    {
      kind: "date",
      mix: [
        ["date", 5],
        ["dmy2", 5],
      ],
    },
  ],
  ["StatusCommentary", "Commentary", { kind: "text" }],
  ["BusinessCaseApproved", "BC Approved", { kind: "enum", list: "YesNo", messiness: 0.7 }],
  ["Selection", "Forced", { kind: "enum", list: "Selection", messiness: 0.3 }],
  ["StrategicAlignment", "Strategic Fit", { kind: "number" }],
  [
    "FinancialValue",
    "NPV",
    {
      kind: "money",
      mix: [
        ["number", 8],
        ["k", 2],
      ],
    },
  ],
  ["RiskScore", "Delivery Risk", { kind: "number" }],
  ["BusinessValue", "UBV", { kind: "number" }],
  ["TimeCriticality", "Urgency", { kind: "number" }],
  ["RiskReduction", "Opportunity Enablement", { kind: "number" }],
  ["JobSize", "Job Size", { kind: "number" }],
];

/**
 * "Portfolio Tracker.xlsx": title, logo text and a document-control block above a header in row
 * 11, the table from column B, alias headers (one with a line break), mixed date cells, money as
 * numbers, `£1,234k` and `£1,234,567` text, percentages 0–100, messy enumerations, and a hidden
 * lists sheet (no ids: not a register table).
 */
export function renderTracker(projects: RegisterRecord[], picks: Picks, reportingDate: IsoDate): RawSheet[] {
  const sheet = new SheetBuilder("Project Tracker");
  sheet.put(1, 2, "Portfolio Tracker – Change Portfolio 2026/27");
  sheet.merge(1, 2, 1, 8);
  sheet.put(2, 2, "[LOGO]  Northshire Council · Portfolio Management Office");
  sheet.put(4, 2, "Document control");
  sheet.merge(4, 2, 4, 3);
  sheet.put(5, 2, "Document owner");
  sheet.put(5, 3, "Head of PMO");
  sheet.put(6, 2, "Version");
  sheet.put(6, 3, "v3.2");
  sheet.put(7, 2, "Last updated");
  sheet.put(7, 3, renderDate(reportingDate, "date"));
  sheet.put(8, 2, "Classification");
  sheet.put(8, 3, "OFFICIAL-SENSITIVE");
  sheet.put(9, 2, "Distribution");
  sheet.put(9, 3, "Portfolio board, finance business partners");
  const headerRow = 11;
  renderColumns(sheet, projects, TRACKER_COLUMNS, headerRow, 2, picks);
  const lists = new SheetBuilder("Lists");
  const listColumns: [string, string[]][] = [
    ["Phase values", ["Idea", "Business Case", "Planning", "Delivery", "Closure"]],
    ["RAG values", ["R", "A", "G"]],
    ["DCA values", ["Red", "Amber/Red", "Amber", "Amber/Green", "Green"]],
  ];
  listColumns.forEach(([header, items], c) => {
    lists.put(1, c + 1, header);
    items.forEach((item, r) => lists.put(2 + r, c + 1, item));
  });
  return [sheet.build(), lists.build(true)];
}

/** Status-form labels: an alias of the field followed by a colon, as forms are typed. */
export const FORM_LABELS: Record<string, string> = {
  ProjectId: "Project ID",
  Name: "Project Name",
  Description: "Description",
  ProgrammeId: "Programme ID",
  Department: "Department",
  Category: "Category",
  Sponsor: "Project Sponsor",
  ProjectManager: "Project Manager",
  Stage: "Lifecycle Stage",
  Status: "Project Status",
  BaselineStart: "Baseline Start Date",
  BaselineFinish: "Baseline End Date",
  ForecastStart: "Forecast Start",
  ForecastFinish: "Forecast Finish",
  ActualStart: "Actual Start",
  ActualFinish: "Actual Finish",
  Budget: "Approved Budget",
  ActualCost: "Actual to Date",
  ForecastCost: "Forecast at Completion",
  PercentComplete: "Percent Complete",
  DeliveryConfidence: "Delivery Confidence",
  RagOverall: "RAG Status",
  RagSchedule: "Schedule RAG",
  RagCost: "Cost RAG",
  RagScope: "Scope RAG",
  RagResources: "Resource RAG",
  StatusDate: "Status Date",
  BusinessCaseApproved: "Business Case Approved",
  Selection: "Selection",
  StrategicAlignment: "Strategic Alignment",
  FinancialValue: "Financial Value",
  RiskScore: "Risk Score",
  BusinessValue: "Business Value",
  TimeCriticality: "Time Criticality",
  RiskReduction: "Risk Reduction",
  JobSize: "Job Size",
  StatusCommentary: "Status Commentary",
};

/**
 * One key/value status form per project ("Status - PRJ-0012.xlsx"): labels in column B with a
 * colon, values in column C (real dates, a fraction with a % format, money as numbers), the
 * commentary in a merged block.
 */
export function renderStatusForm(project: RegisterRecord, picks: Picks): RawSheet {
  const sheet = new SheetBuilder("Status Report");
  sheet.put(2, 2, "PROJECT STATUS REPORT");
  sheet.merge(2, 2, 2, 6);
  let row = 4;
  for (const [field, label] of Object.entries(FORM_LABELS)) {
    const v = project.values[field] ?? null;
    sheet.put(row, 2, `${label}:`);
    if (v !== null) {
      if (/Start|Finish|Date/.test(field))
        sheet.put(row, 3, { value: dateFromIso(String(v)), numberFormat: "d mmmm yyyy" });
      else if (field === "PercentComplete") sheet.put(row, 3, { value: v, numberFormat: "0%" });
      else if (["Budget", "ActualCost", "ForecastCost", "FinancialValue"].includes(field))
        sheet.put(row, 3, renderMoney(Number(v), "number"));
      else if (["Stage", "Status", "RagOverall", "RagSchedule", "RagCost", "RagScope", "RagResources"].includes(field))
        sheet.put(row, 3, picks.chance(0.5) ? String(v).toUpperCase() : v);
      else sheet.put(row, 3, v);
    }
    if (field === "StatusCommentary") sheet.merge(row, 3, row + 3, 6);
    row++;
  }
  return sheet.build();
}

export const PROGRAMME_COLUMNS: [string, string][] = [
  ["ProgrammeId", "Programme ID"],
  ["Name", "Programme Name"],
  ["Portfolio", "Portfolio Name"],
  ["SRO", "Senior Responsible Owner"],
  ["ProgrammeManager", "Programme Manager"],
  ["StrategicObjective", "Strategic Theme"],
  ["BudgetEnvelope", "Funding"],
  ["Start", "Start Date"],
  ["Finish", "End Date"],
  ["Status", "Programme Status"],
];

/** "Programmes.xlsx": a title, then an Excel Table (`Table1`, Excel's default name) from A3. */
export function renderProgrammes(programmes: RegisterRecord[], picks: Picks): RawSheet {
  const sheet = new SheetBuilder("Programme List");
  sheet.put(1, 1, "Programmes 2026/27");
  const top = 3;
  PROGRAMME_COLUMNS.forEach(([field, header], c) => {
    sheet.put(top, c + 1, header);
    programmes.forEach((p, r) => {
      const v = p.values[field] ?? null;
      if (v === null) return;
      const cell: Rendered =
        field === "Start" || field === "Finish"
          ? renderDate(String(v), "date")
          : field === "BudgetEnvelope"
            ? renderMoney(Number(v), "number")
            : field === "Status"
              ? { value: renderEnum(v, "Status", picks) }
              : { value: v };
      sheet.put(top + 1 + r, c + 1, cell);
    });
  });
  sheet.tables.push({
    name: "Table1",
    top,
    left: 1,
    bottom: top + Math.max(1, programmes.length),
    right: PROGRAMME_COLUMNS.length,
  });
  return sheet.build();
}
