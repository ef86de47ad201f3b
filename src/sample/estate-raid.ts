import type { IsoDate } from "../domain/dates";
import { addDays } from "../domain/dates";
import { DEFAULT_LISTS } from "../domain/enums";
import type { RegisterRecord } from "../domain/register";
import type { ProjectFacts } from "./estate-projects";
import { makeRecord } from "./estate-records";
import type { Picks } from "./random-picks";
import { roundTo, seq } from "./random-picks";
import {
  ISSUE_RESOLUTIONS,
  ISSUE_TITLES,
  RISK_CATEGORIES,
  RISK_CAUSES,
  RISK_EFFECTS,
  RISK_RESPONSES,
  RISK_TITLES,
} from "./vocabulary";

const RATING_WEIGHTS: [number, number][] = [
  [1, 2],
  [2, 4],
  [3, 5],
  [4, 3],
  [5, 2],
];

/**
 * One to three risks per project plus one per programme (about 120 for 60 projects). Exposure is
 * always P × I; some high exposures have no owner or no response, which governance rules flag.
 * The first risk (P5 × I4) has no owner and the second (P4 × I4) no response, whatever the seed.
 */
export function generateRisks(
  picks: Picks,
  projects: ProjectFacts[],
  programmeIds: string[],
  owners: string[],
  reportingDate: IsoDate,
): RegisterRecord[] {
  const out: RegisterRecord[] = [];
  const add = (projectId: string | null, programmeId: string | null, start: IsoDate) => {
    const n = out.length + 1;
    const probability = n === 1 ? 5 : n === 2 ? 4 : picks.weighted(RATING_WEIGHTS);
    const impact = n === 1 ? 4 : n === 2 ? 4 : picks.weighted(RATING_WEIGHTS);
    const exposure = probability * impact;
    const status =
      n <= 2
        ? "Open"
        : picks.weighted([
            ["Open", 75],
            ["Closed", 15],
            ["Escalated", 10],
          ]);
    const ownerless = n === 1 || (exposure >= 15 && picks.chance(0.2));
    const noResponse = n === 2 || (exposure >= 15 && !ownerless && picks.chance(0.2));
    const raised = addDays(start < reportingDate ? start : reportingDate, picks.int(0, 60));
    const raisedDate = raised > reportingDate ? addDays(reportingDate, -picks.int(1, 30)) : raised;
    out.push(
      makeRecord("Risks", seq("RSK", n, 4), {
        ProjectId: projectId,
        ProgrammeId: programmeId,
        Title: picks.pick(RISK_TITLES),
        Category: picks.pick(RISK_CATEGORIES),
        Cause: picks.chance(0.7) ? picks.pick(RISK_CAUSES) : null,
        Effect: picks.chance(0.7) ? picks.pick(RISK_EFFECTS) : null,
        Probability: probability,
        Impact: impact,
        Exposure: exposure,
        ImpactValue: picks.chance(0.5) ? roundTo(10_000 + picks.next() * 490_000, 5000) : null,
        Proximity: picks.pick(DEFAULT_LISTS.Proximity),
        ResponseType: noResponse ? null : picks.pick(DEFAULT_LISTS.ResponseType.slice(0, 5)),
        Response: noResponse ? null : picks.pick(RISK_RESPONSES),
        Owner: ownerless ? null : picks.pick(owners),
        Actionee: picks.chance(0.6) ? picks.pick(owners) : null,
        Status: status,
        RaisedDate: raisedDate,
        // Open risks are reviewed around the reporting date; some reviews are overdue.
        ReviewDate: status === "Closed" ? null : addDays(reportingDate, picks.int(-60, 60)),
      }),
    );
  };
  for (const p of projects) {
    const count = picks.weighted([
      [1, 3],
      [2, 4],
      [3, 3],
    ]);
    for (let k = 0; k < count; k++) add(p.id, p.programmeId, p.actualStart ?? addDays(reportingDate, -90));
  }
  for (const g of programmeIds) add(null, g, addDays(reportingDate, -400));
  return out;
}

/** About one issue per project, on projects that have started (issues need work under way). */
export function generateIssues(
  picks: Picks,
  projects: ProjectFacts[],
  owners: string[],
  reportingDate: IsoDate,
): RegisterRecord[] {
  const started = projects.filter((p) => p.actualStart !== null);
  const pool = started.length ? started : projects;
  const out: RegisterRecord[] = [];
  for (let i = 1; i <= projects.length; i++) {
    const p = picks.pick(pool);
    const raised = addDays(reportingDate, -picks.int(1, 240));
    const status = picks.weighted([
      ["Open", 45],
      ["In Progress", 30],
      ["Closed", 25],
    ]);
    const priority = picks.pick(DEFAULT_LISTS.Priority);
    out.push(
      makeRecord("Issues", seq("ISS", i, 4), {
        ProjectId: p.id,
        Title: picks.pick(ISSUE_TITLES),
        Type: picks.weighted([
          ["Problem/Concern", 6],
          ["Request for Change", 3],
          ["Off-Specification", 1],
        ]),
        Priority: priority,
        Severity: picks.pick(DEFAULT_LISTS.Severity),
        Owner: picks.chance(0.9) ? picks.pick(owners) : null,
        RaisedDate: raised,
        TargetDate: addDays(raised, picks.int(14, 120)),
        Status: status,
        Escalated: priority === "Very High" || picks.chance(0.1) ? "Yes" : "No",
        Resolution: status === "Closed" || picks.chance(0.3) ? picks.pick(ISSUE_RESOLUTIONS) : null,
      }),
    );
  }
  return out;
}
