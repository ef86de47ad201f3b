/**
 * Words the sample estate is made of. Plain British public-sector and corporate PMO vocabulary, so
 * the demo reads like a real portfolio; nothing here is copied from the corpus.
 */
export const FIRST_NAMES = [
  "Aisha",
  "Ben",
  "Chloe",
  "Daniel",
  "Eleanor",
  "Farhan",
  "Grace",
  "Harry",
  "Imogen",
  "Jack",
  "Kavita",
  "Liam",
  "Megan",
  "Nathan",
  "Olivia",
  "Priya",
  "Rhys",
  "Sophie",
  "Tom",
  "Uma",
  "Victoria",
  "William",
  "Yusuf",
  "Zara",
  "Amelie",
  "Callum",
  "Deepa",
  "Euan",
  "Fiona",
  "Gareth",
  "Hannah",
  "Iqbal",
  "Joanna",
  "Kieran",
  "Lucy",
  "Mohammed",
  "Niamh",
  "Owen",
  "Rebecca",
  "Siobhan",
] as const;

export const LAST_NAMES = [
  "Ahmed",
  "Baker",
  "Campbell",
  "Davies",
  "Evans",
  "Fletcher",
  "Green",
  "Hughes",
  "Iqbal",
  "Jones",
  "Khan",
  "Lewis",
  "Morgan",
  "Nolan",
  "O'Brien",
  "Patel",
  "Quinn",
  "Roberts",
  "Singh",
  "Taylor",
  "Underwood",
  "Vaughan",
  "Walsh",
  "Young",
  "Begum",
  "Clarke",
  "Edwards",
  "Foster",
  "Gallagher",
  "Hart",
] as const;

export const DEPARTMENTS = [
  "Finance",
  "People & HR",
  "Digital & IT",
  "Operations",
  "Customer Services",
  "Estates",
  "Legal",
  "Marketing",
] as const;

export const CATEGORIES = [
  "Transformation",
  "Regulatory",
  "Infrastructure",
  "Digital",
  "Efficiency",
  "Growth",
] as const;

export const PROGRAMME_THEMES = [
  { name: "Digital Customer", objective: "Make every common service available online by 2028" },
  { name: "Estates Rationalisation", objective: "Reduce the office footprint by 30% and cut running costs" },
  { name: "Data & Insight", objective: "Decisions made on trusted, timely data" },
  { name: "Workforce Modernisation", objective: "A skilled, flexible workforce with modern tools" },
  { name: "Net Zero", objective: "Net-zero operational emissions by 2030" },
  { name: "Finance Transformation", objective: "A single finance platform and faster month-end close" },
  { name: "Regulatory Compliance", objective: "Meet every new statutory duty on time" },
  { name: "Supplier Consolidation", objective: "Fewer, better-managed suppliers and lower contract costs" },
] as const;

export const PROJECT_SUBJECTS = [
  "Customer Portal",
  "Payments Gateway",
  "CRM Replacement",
  "Data Warehouse",
  "HR System",
  "Case Management",
  "Office Move",
  "Network Refresh",
  "Cloud Migration",
  "Contact Centre",
  "Mobile App",
  "Identity & Access",
  "Records Digitisation",
  "Fleet Electrification",
  "Solar Installation",
  "Procurement Portal",
  "Payroll Upgrade",
  "Reporting Platform",
  "Document Management",
  "Telephony",
  "Asset Register",
  "Website Redesign",
  "Heating Retrofit",
  "Learning Platform",
  "Service Desk",
  "Invoice Automation",
  "Cyber Security Uplift",
  "Master Data",
  "Open Data Publication",
  "Hybrid Working Kit",
] as const;

export const PROJECT_VERBS = ["Phase 1", "Phase 2", "Pilot", "Rollout", "Upgrade", "Replacement", "Discovery"] as const;

export const COMMENTARY = [
  "Delivery on track; supplier mobilised and first sprint complete.",
  "Design authority approved the target architecture. Build starts next month.",
  "Two key testers off sick; regression cycle moved by two weeks.",
  "Supplier has flagged a change request for additional interfaces (c. £40k).",
  "Go-live date under review pending data migration trial results.",
  "Procurement delayed by a challenge to the award; legal advice sought.",
  "Benefits profile refreshed; cashable savings now expected from Q3.",
  "Scope reduced to fit the budget envelope; deferred items logged for Phase 2.",
  "User acceptance testing 60% complete with no severity-1 defects.",
  "Resourcing gap in data engineering; recruitment under way.",
  "Awaiting board decision on the revised business case.",
  "Contract signed; mobilisation planned for next month.",
] as const;

export const RISK_TITLES = [
  "Supplier fails to deliver on time",
  "Key staff leave the project",
  "Data migration quality is poor",
  "Budget pressure from inflation",
  "Scope creep from stakeholders",
  "Integration with legacy system fails",
  "Regulatory requirements change",
  "Insufficient user adoption",
  "Cyber security vulnerability found",
  "Dependency on another project slips",
  "Procurement challenge delays award",
  "Testing environment unavailable",
  "Benefits are not realised",
  "Planning permission refused",
  "Licence costs increase at renewal",
] as const;

export const RISK_CATEGORIES = [
  "Commercial",
  "Technical",
  "Resource",
  "Schedule",
  "Financial",
  "Legal",
  "Supplier",
] as const;

export const RISK_CAUSES = [
  "Single supplier with limited capacity",
  "Market demand for scarce skills",
  "Legacy data never cleansed",
  "Contract indexed to CPI",
  "Unclear requirements sign-off",
  "Undocumented legacy interfaces",
] as const;

export const RISK_EFFECTS = [
  "Delay to go-live of 1–3 months",
  "Additional cost of up to £150k",
  "Loss of service during cutover",
  "Reputational damage and complaints",
  "Benefits deferred by a quarter",
] as const;

export const RISK_RESPONSES = [
  "Weekly supplier performance reviews; escalate to contract manager.",
  "Retention plan and knowledge-transfer sessions.",
  "Run two trial migrations and reconcile record counts.",
  "Hold contingency of 10% and review monthly.",
  "Change control board to approve all scope changes.",
  "Early integration testing in a dedicated environment.",
] as const;

export const ISSUE_TITLES = [
  "Test environment down for three days",
  "Supplier invoice disputed",
  "Requirement missed in design",
  "Key resource reassigned to BAU",
  "Data load failed reconciliation",
  "Change request: extra reporting",
  "Licence shortfall discovered",
  "Go-live checklist incomplete",
  "Security review findings outstanding",
  "Stakeholder asks for a new interface",
] as const;

export const ISSUE_RESOLUTIONS = [
  "Workaround agreed; permanent fix scheduled.",
  "Escalated to programme board for decision.",
  "Additional budget approved from contingency.",
  "Resolved by supplier at no extra cost.",
] as const;

export const BENEFITS = [
  {
    description: "Reduced call handling time",
    measure: "Average handling time (seconds)",
    baseline: 420,
    target: 300,
    category: "Non-cash",
  },
  {
    description: "Lower office running costs",
    measure: "Annual facilities cost (£k)",
    baseline: 2400,
    target: 1700,
    category: "Cash-releasing",
  },
  {
    description: "Faster month-end close",
    measure: "Working days to close",
    baseline: 12,
    target: 5,
    category: "Non-cash",
  },
  {
    description: "Fewer paper forms",
    measure: "Paper forms per month",
    baseline: 18000,
    target: 2000,
    category: "Cash-releasing",
  },
  {
    description: "Improved staff satisfaction",
    measure: "Staff survey score (%)",
    baseline: 61,
    target: 75,
    category: "Qualitative",
  },
  {
    description: "Reduced carbon emissions",
    measure: "tCO2e per year",
    baseline: 5200,
    target: 3100,
    category: "Non-cash",
  },
  {
    description: "Lower licence spend",
    measure: "Annual licence cost (£k)",
    baseline: 950,
    target: 610,
    category: "Cash-releasing",
  },
  {
    description: "More self-service transactions",
    measure: "Share of transactions online (%)",
    baseline: 35,
    target: 80,
    category: "Non-cash",
  },
] as const;

export const MILESTONE_PLAN = [
  { name: "Gate 1 – Start-up approved", gate: true, at: 0 },
  { name: "Requirements signed off", gate: false, at: 0.2 },
  { name: "Gate 2 – Design approved", gate: true, at: 0.35 },
  { name: "Build complete", gate: false, at: 0.65 },
  { name: "Go-live", gate: false, at: 0.85 },
  { name: "Gate 3 – Closure", gate: true, at: 1 },
] as const;

export const ROLES = [
  "Project Manager",
  "Business Analyst",
  "Developer",
  "Tester",
  "Architect",
  "Data Engineer",
] as const;
export type RoleName = (typeof ROLES)[number];

/** Headcount share of each role (of ~40 people for a 60-project estate). */
export const ROLE_HEADCOUNT: Record<RoleName, number> = {
  "Project Manager": 8,
  "Business Analyst": 7,
  Developer: 12,
  Tester: 6,
  Architect: 3,
  "Data Engineer": 4,
};

/**
 * How hot each role runs at its busiest month (demand / supply). Above 1 the role is
 * over-allocated somewhere, which is what the capacity heat map and levelling need to show.
 */
export const ROLE_PEAK_LOAD: Record<RoleName, number> = {
  "Project Manager": 0.85,
  "Business Analyst": 0.9,
  Developer: 1.3,
  Tester: 0.95,
  Architect: 1.2,
  "Data Engineer": 1.35,
};

export const TEAMS = ["Delivery", "Digital", "Data", "Change", "Assurance"] as const;
