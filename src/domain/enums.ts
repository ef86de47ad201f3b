/**
 * Default allowed-value lists (docs/domain.md "Allowed values"). Each list is editable on the settings sheet; these
 * are the defaults and the canonical spellings that coercion maps synonyms onto.
 */
export const DEFAULT_LISTS = {
  Stage: ["Idea", "Business Case", "Planning", "Delivery", "Closure"],
  Status: ["Proposed", "Active", "On Hold", "Completed", "Cancelled"],
  Rag: ["Red", "Amber", "Green"],
  Confidence: ["Red", "Amber/Red", "Amber", "Amber/Green", "Green"],
  RiskStatus: ["Open", "Closed", "Escalated"],
  IssueStatus: ["Open", "In Progress", "Closed"],
  MilestoneStatus: ["Not Started", "On Track", "At Risk", "Late", "Achieved", "Cancelled"],
  DependencyStatus: ["Open", "At Risk", "Met", "Closed"],
  DependencyType: ["FS", "SS", "FF", "SF", "Requires", "Excludes"],
  Selection: ["Auto", "Forced in", "Forced out"],
  CostType: ["Capex", "Opex"],
  AllocationType: ["Committed", "Proposed"],
  BenefitCategory: ["Cash-releasing", "Non-cash", "Qualitative"],
  BenefitStatus: ["Planned", "On Track", "At Risk", "Realised", "Not Realised"],
  ResponseType: ["Avoid", "Reduce", "Transfer", "Accept", "Share", "Exploit", "Enhance"],
  IssueType: ["Request for Change", "Off-Specification", "Problem/Concern"],
  Priority: ["Very High", "High", "Medium", "Low", "Very Low"],
  Severity: ["Critical", "Major", "Minor"],
  Proximity: ["Imminent", "Within stage", "Within project", "Beyond project"],
  YesNo: ["Yes", "No"],
} as const;

export type ListName = keyof typeof DEFAULT_LISTS;

/**
 * Synonyms seen in real trackers, normalised (lower case, single spaces) → canonical value.
 * Matching ignores case and stray spaces before this table is consulted.
 */
export const LIST_SYNONYMS: Partial<Record<ListName, Record<string, string>>> = {
  Rag: { r: "Red", a: "Amber", g: "Green", amber: "Amber", yellow: "Amber" },
  Confidence: {
    r: "Red",
    a: "Amber",
    g: "Green",
    ar: "Amber/Red",
    "a/r": "Amber/Red",
    "amber-red": "Amber/Red",
    "amber red": "Amber/Red",
    ag: "Amber/Green",
    "a/g": "Amber/Green",
    "amber-green": "Amber/Green",
    "amber green": "Amber/Green",
  },
  Stage: {
    "business case": "Business Case",
    bc: "Business Case",
    concept: "Idea",
    pipeline: "Idea",
    initiation: "Planning",
    design: "Planning",
    execution: "Delivery",
    implementation: "Delivery",
    build: "Delivery",
    close: "Closure",
    closed: "Closure",
  },
  Status: {
    "in progress": "Active",
    live: "Active",
    open: "Active",
    "on-hold": "On Hold",
    paused: "On Hold",
    complete: "Completed",
    done: "Completed",
    closed: "Completed",
    canceled: "Cancelled",
    pipeline: "Proposed",
  },
  IssueStatus: { "in-progress": "In Progress", wip: "In Progress", resolved: "Closed" },
  // PRINCE2 registers (corpus: nchaulagai Risk Register) mark open risks "Active".
  RiskStatus: {
    active: "Open",
    live: "Open",
    current: "Open",
    "in progress": "Open",
    retired: "Closed",
    resolved: "Closed",
  },
  Selection: {
    "forced-in": "Forced in",
    "force in": "Forced in",
    in: "Forced in",
    "forced-out": "Forced out",
    out: "Forced out",
  },
  CostType: { capital: "Capex", revenue: "Opex", operating: "Opex" },
  IssueType: {
    rfc: "Request for Change",
    "request for change": "Request for Change",
    "off specification": "Off-Specification",
    "off-spec": "Off-Specification",
    problem: "Problem/Concern",
    concern: "Problem/Concern",
    "problem-concern": "Problem/Concern",
    "problem / concern": "Problem/Concern",
  },
  YesNo: { y: "Yes", n: "No", true: "Yes", false: "No", approved: "Yes", "not approved": "No" },
  DependencyType: {
    "finish-to-start": "FS",
    "start-to-start": "SS",
    "finish-to-finish": "FF",
    "start-to-finish": "SF",
  },
};

/** Word scales for 1–5 ratings (probability, impact). */
export const FIVE_POINT_WORDS: Record<string, number> = {
  "very low": 1,
  low: 2,
  medium: 3,
  moderate: 3,
  high: 4,
  "very high": 5,
  // Abbreviations and the usual 5×5 matrix words (likelihood and impact scales).
  vl: 1,
  l: 2,
  m: 3,
  med: 3,
  h: 4,
  vh: 5,
  rare: 1,
  unlikely: 2,
  possible: 3,
  likely: 4,
  "almost certain": 5,
  insignificant: 1,
  negligible: 1,
  minor: 2,
  major: 4,
  severe: 5,
  critical: 5,
  catastrophic: 5,
};
