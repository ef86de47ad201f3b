import { addDays } from "../domain/dates";
import type { Register } from "../domain/register";
import type { EntityName } from "../domain/schema";

/** A data-quality defect planted on purpose, for a standards engine to find. */
export interface DeliberateDefect {
  code:
    | "missing-sponsor-in-delivery"
    | "unknown-programme"
    | "start-after-finish"
    | "duplicate-risk-id"
    | "milestone-outside-window";
  entity: EntityName;
  /** The record's id (for the duplicate, the id both records carry). */
  id: string;
  field: string;
  description: string;
}

/**
 * The defects every estate of ten or more projects carries (unless `defects: false`), at fixed
 * ids whatever the seed: the generator forces their host projects' stages (FIXED_TRAITS).
 */
export const DELIBERATE_DEFECTS: readonly DeliberateDefect[] = [
  {
    code: "missing-sponsor-in-delivery",
    entity: "Projects",
    id: "PRJ-0003",
    field: "Sponsor",
    description: "Project in Delivery with no Sponsor.",
  },
  {
    code: "unknown-programme",
    entity: "Projects",
    id: "PRJ-0005",
    field: "ProgrammeId",
    description: "ProgrammeId PGM-00 names no programme.",
  },
  {
    code: "start-after-finish",
    entity: "Projects",
    id: "PRJ-0008",
    field: "ActualFinish",
    description: "ActualFinish is 21 days before ActualStart (a completed project in Closure).",
  },
  {
    code: "duplicate-risk-id",
    entity: "Risks",
    id: "RSK-0007",
    field: "RiskId",
    description: "Two risks carry RiskId RSK-0007 (the 7th and 8th rows; there is no RSK-0008).",
  },
  {
    code: "milestone-outside-window",
    entity: "Milestones",
    id: "MS-0004-03",
    field: "ForecastDate",
    description: "Milestone forecast 45 days after its project's (PRJ-0004) ForecastFinish.",
  },
];

/** The programme id the unknown-programme defect points at (ids are numbered from PGM-01). */
export const UNKNOWN_PROGRAMME_ID = "PGM-00";

/** Plants the defects in a clean estate. Returns the defects actually planted. */
export function plantDefects(register: Register): DeliberateDefect[] {
  const { Projects, Milestones, Risks } = register.entities;
  const project = (id: string) => Projects.find((r) => r.id === id);
  const planted: DeliberateDefect[] = [];
  const [sponsor, programme, dates, duplicate, milestone] = DELIBERATE_DEFECTS;

  const p3 = project(sponsor.id);
  if (p3) {
    p3.values.Sponsor = null;
    planted.push(sponsor);
  }
  const p5 = project(programme.id);
  if (p5) {
    p5.values.ProgrammeId = UNKNOWN_PROGRAMME_ID;
    planted.push(programme);
  }
  const p8 = project(dates.id);
  if (p8 && typeof p8.values.ActualStart === "string") {
    p8.values.ActualFinish = addDays(p8.values.ActualStart, -21);
    planted.push(dates);
  }
  if (Risks.length >= 8) {
    const eighth = Risks[7];
    eighth.id = duplicate.id;
    eighth.values.RiskId = duplicate.id;
    planted.push(duplicate);
  }
  const m = Milestones.find((r) => r.id === milestone.id);
  const p4 = project("PRJ-0004");
  if (m && p4 && typeof p4.values.ForecastFinish === "string") {
    m.values.ForecastDate = addDays(p4.values.ForecastFinish, 45);
    m.values.ActualDate = null;
    m.values.Status = "At Risk";
    planted.push(milestone);
  }
  return planted;
}
