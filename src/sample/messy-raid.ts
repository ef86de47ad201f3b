import type { RegisterRecord } from "../domain/register";
import { SheetBuilder } from "./messy-cells";
import type { ColumnSpec } from "./messy-columns";
import { renderColumns } from "./messy-columns";
import type { Picks } from "./random-picks";
import type { RawSheet } from "./raw-sheet";

/** Risk columns, grouped under merged headings in the row above (a two-row header). */
export const RISK_GROUPS: [string, ColumnSpec[]][] = [
  [
    "Identification",
    [
      ["RiskId", "Risk Identifier", { kind: "text" }],
      ["ProjectId", "Project ID", { kind: "text" }],
      ["ProgrammeId", "Programme ID", { kind: "text" }],
      ["Title", "Risk Title", { kind: "text" }],
      ["Category", "Risk Category", { kind: "text" }],
    ],
  ],
  [
    "Analysis",
    [
      ["Cause", "Cause", { kind: "text" }],
      ["Effect", "Effect", { kind: "text" }],
      ["Probability", "Likelihood", { kind: "rating" }],
      ["Impact", "Impact", { kind: "rating" }],
      ["Exposure", "P x I", { kind: "number" }],
      [
        "ImpactValue",
        "Monetary Impact",
        {
          kind: "money",
          mix: [
            ["number", 1],
            ["text", 1],
            ["k", 1],
          ],
        },
      ],
    ],
  ],
  [
    "Response",
    [
      ["Proximity", "Proximity", { kind: "text" }],
      ["ResponseType", "Response Category", { kind: "enum", list: "ResponseType" }],
      ["Response", "Mitigation", { kind: "text" }],
      ["Owner", "Risk Owner", { kind: "text" }],
      ["Actionee", "Actionee", { kind: "text" }],
    ],
  ],
  [
    "Tracking",
    [
      ["Status", "Risk Status", { kind: "enum", list: "RiskStatus", messiness: 0.6 }],
      [
        "RaisedDate",
        "Date Registered",
        {
          kind: "date",
          mix: [
            ["date", 5],
            ["dmy2", 5],
          ],
        },
      ],
      [
        "ReviewDate",
        "Next Review",
        {
          kind: "date",
          mix: [
            ["date", 6],
            ["dmy4", 4],
          ],
        },
      ],
    ],
  ],
];

export const ISSUE_COLUMNS: ColumnSpec[] = [
  ["IssueId", "Issue No", { kind: "text" }],
  ["ProjectId", "Project Ref", { kind: "text" }],
  ["Title", "Issue Description", { kind: "text" }],
  ["Type", "Issue Type", { kind: "enum", list: "IssueType", messiness: 0.6 }],
  ["Priority", "Priority", { kind: "enum", list: "Priority", messiness: 0.5 }],
  ["Severity", "Severity", { kind: "enum", list: "Severity", messiness: 0.5 }],
  ["Owner", "Issue Owner", { kind: "text" }],
  [
    "RaisedDate",
    "Date Raised",
    {
      kind: "date",
      mix: [
        ["dmy2", 6],
        ["serial", 2],
        ["date", 2],
      ],
    },
  ],
  [
    "TargetDate",
    "Target Resolution Date",
    {
      kind: "date",
      mix: [
        ["date", 7],
        ["dmy4", 3],
      ],
    },
  ],
  ["Status", "Issue Status", { kind: "enum", list: "IssueStatus", messiness: 0.6 }],
  ["Escalated", "Escalated", { kind: "enum", list: "YesNo", messiness: 0.7 }],
  ["Resolution", "Decision", { kind: "text" }],
];

export const MILESTONE_COLUMNS: ColumnSpec[] = [
  ["MilestoneId", "Milestone Ref", { kind: "text" }],
  ["ProjectId", "Project ID", { kind: "text" }],
  ["Name", "Milestone", { kind: "text" }],
  [
    "BaselineDate",
    "Baseline Date",
    {
      kind: "date",
      mix: [
        ["date-mmm", 7],
        ["dmy4", 3],
      ],
    },
  ],
  [
    "ForecastDate",
    "Forecast Date",
    {
      kind: "date",
      mix: [
        ["date-mmm", 5],
        ["dmy2", 3],
        ["serial", 2],
      ],
    },
  ],
  ["ActualDate", "Date Achieved", { kind: "date", mix: [["date-mmm", 1]] }],
  ["Status", "Milestone Status", { kind: "enum", list: "MilestoneStatus", messiness: 0.5 }],
  ["IsGate", "Stage Gate", { kind: "enum", list: "YesNo", messiness: 0.8 }],
];

export const DEPENDENCY_COLUMNS: ColumnSpec[] = [
  ["DependencyId", "Dep ID", { kind: "text" }],
  ["PredecessorId", "Predecessor", { kind: "text" }],
  ["SuccessorId", "Successor", { kind: "text" }],
  ["Type", "Relationship", { kind: "enum", list: "DependencyType", messiness: 0.6 }],
  ["LagDays", "Lag (days)", { kind: "number" }],
  ["Status", "Status", { kind: "enum", list: "DependencyStatus", messiness: 0.4 }],
  [
    "RequiredBy",
    "Needed By",
    {
      kind: "date",
      mix: [
        ["dmy4", 6],
        ["date", 4],
      ],
    },
  ],
  ["Owner", "Owner", { kind: "text" }],
  ["Description", "Details", { kind: "text" }],
];

/**
 * "RAID Log.xlsx": the risk register on a sheet misnamed "Issue Register" (as in real PRINCE2
 * templates) with a title, a merged group-heading row above the header row, word ratings and
 * mixed dates; the issue register on "Issues"; milestones (header in row 3 under a note) and
 * dependencies.
 */
export function renderRaidLog(
  risks: RegisterRecord[],
  issues: RegisterRecord[],
  milestones: RegisterRecord[],
  dependencies: RegisterRecord[],
  picks: Picks,
): RawSheet[] {
  const riskSheet = new SheetBuilder("Issue Register");
  riskSheet.put(1, 1, "RISK REGISTER");
  riskSheet.merge(1, 1, 1, 6);
  riskSheet.put(2, 1, "Scale: 1 (very low) – 5 (very high). Exposure = likelihood × impact.");
  let col = 1;
  const groupRow = 4;
  for (const [group, columns] of RISK_GROUPS) {
    riskSheet.put(groupRow, col, group);
    riskSheet.merge(groupRow, col, groupRow, col + columns.length - 1);
    renderColumns(riskSheet, risks, columns, groupRow + 1, col, picks);
    col += columns.length;
  }

  const issueSheet = new SheetBuilder("Issues");
  renderColumns(issueSheet, issues, ISSUE_COLUMNS, 1, 1, picks);

  const milestoneSheet = new SheetBuilder("Milestones");
  milestoneSheet.put(1, 1, "Milestone plan – gates marked Y. Dates as agreed at the last programme board.");
  renderColumns(milestoneSheet, milestones, MILESTONE_COLUMNS, 3, 1, picks);

  const dependencySheet = new SheetBuilder("Dependencies");
  renderColumns(dependencySheet, dependencies, DEPENDENCY_COLUMNS, 1, 1, picks);

  return [riskSheet.build(), issueSheet.build(), milestoneSheet.build(), dependencySheet.build()];
}
