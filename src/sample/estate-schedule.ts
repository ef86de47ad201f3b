import type { IsoDate } from "../domain/dates";
import { addDays, daysBetween } from "../domain/dates";
import type { EntityRecord } from "../domain/register";
import type { ProjectFacts } from "./estate-projects";
import { makeRecord } from "./estate-records";
import type { Picks } from "./random-picks";
import { seq } from "./random-picks";
import { MILESTONE_PLAN } from "./vocabulary";

/** Milestone id of a project's n-th milestone: `MS-0004-03` for PRJ-0004's third. */
export function milestoneId(projectId: string, n: number): string {
  return `MS-${projectId.replace(/^PRJ-/, "")}-${String(n).padStart(2, "0")}`;
}

function at(start: IsoDate, finish: IsoDate, fraction: number): IsoDate {
  return addDays(start, Math.round(daysBetween(start, finish) * fraction));
}

/** 3–6 milestones per project inside its windows; past ones achieved, a few overdue, slips follow the project. */
export function generateMilestones(
  picks: Picks,
  projects: ProjectFacts[],
  reportingDate: IsoDate,
): EntityRecord<"Milestones">[] {
  const out: EntityRecord<"Milestones">[] = [];
  for (const p of projects) {
    const count = picks.int(3, 6);
    // Always the start-up and closure gates, plus a sorted choice of the middle ones.
    const middle = picks.sample([1, 2, 3, 4], count - 2).sort((a, b) => a - b);
    const chosen = [0, ...middle, 5];
    chosen.forEach((planIndex, k) => {
      const plan = MILESTONE_PLAN[planIndex];
      const forecast = at(p.forecastStart, p.forecastFinish, plan.at);
      const baseline = p.baselineStart && p.baselineFinish ? at(p.baselineStart, p.baselineFinish, plan.at) : null;
      const past = forecast <= reportingDate && p.actualStart !== null;
      // Completed projects achieved everything; elsewhere one past milestone in eight is overdue.
      const achieved = past && (p.actualFinish !== null || picks.chance(0.875));
      const slip = baseline ? daysBetween(baseline, forecast) : 0;
      const status = achieved
        ? "Achieved"
        : forecast <= reportingDate
          ? p.actualStart === null
            ? "Not Started"
            : "Late"
          : p.actualStart === null
            ? "Not Started"
            : slip > 30
              ? "At Risk"
              : "On Track";
      out.push(
        makeRecord("Milestones", milestoneId(p.id, k + 1), {
          ProjectId: p.id,
          Name: plan.name,
          BaselineDate: baseline,
          ForecastDate: forecast,
          ActualDate: achieved ? forecast : null,
          Status: status,
          IsGate: plan.gate ? "Yes" : "No",
        }),
      );
    });
  }
  return out;
}

const DESCRIPTIONS = [
  "Successor needs the predecessor's platform in live service.",
  "Shared data model must be agreed first.",
  "Same supplier team moves across after go-live.",
  "Successor reuses the predecessor's integration layer.",
  "Funding for the successor is released by the predecessor's benefits.",
];

/**
 * About 25 dependencies per 60 projects: mostly finish-to-start with lags, a few start-to-start,
 * two "requires" and one "excludes". Every edge runs from an earlier-starting project to a later
 * one, so there is no cycle unless `withCycle` adds one on purpose.
 */
export function generateDependencies(
  picks: Picks,
  projects: ProjectFacts[],
  milestones: EntityRecord<"Milestones">[],
  reportingDate: IsoDate,
  withCycle: boolean,
): EntityRecord<"Dependencies">[] {
  const n = projects.length;
  if (n < 2) return [];
  const order = projects
    .slice()
    .sort((a, b) =>
      a.forecastStart < b.forecastStart ? -1 : a.forecastStart > b.forecastStart ? 1 : a.id < b.id ? -1 : 1,
    );
  const byId = new Map(projects.map((p) => [p.id, p]));
  const goLive = new Map<string, EntityRecord<"Milestones">>();
  for (const m of milestones) if (m.values.Name === "Go-live") goLive.set(String(m.values.ProjectId), m);
  const target = Math.max(3, Math.round((n * 25) / 60));
  const width = Math.max(3, String(target + 3).length);
  const seen = new Set<string>();
  const out: EntityRecord<"Dependencies">[] = [];
  const add = (
    pred: string,
    succ: string,
    type: string,
    lag: number | null,
    status: string,
    requiredBy: IsoDate | null,
    owner: string,
  ) => {
    seen.add(`${pred}|${succ}`);
    seen.add(`${succ}|${pred}`);
    out.push(
      makeRecord("Dependencies", seq("DEP", out.length + 1, width), {
        PredecessorId: pred,
        SuccessorId: succ,
        Type: type,
        LagDays: lag,
        Status: status,
        RequiredBy: requiredBy,
        Owner: owner,
        Description: picks.pick(DESCRIPTIONS),
      }),
    );
  };
  const special = Math.max(1, Math.round(n / 60));
  const plan: string[] = [];
  for (let k = 0; k < 2 * special; k++) plan.push("Requires");
  for (let k = 0; k < special; k++) plan.push("Excludes");
  // At least one start-to-start, whatever the draw.
  if (plan.length < target) plan.push("SS");
  while (plan.length < target)
    plan.push(
      picks.weighted([
        ["FS", 84],
        ["SS", 12],
        ["FF", 4],
      ]),
    );

  const pipeline = order.filter((p) => p.stage === "Idea" || p.stage === "Business Case");
  let guard = 0;
  for (const type of plan) {
    for (; guard < target * 50; guard++) {
      let pred: ProjectFacts;
      let succ: ProjectFacts;
      if (type === "Excludes" && pipeline.length >= 2) {
        [pred, succ] = picks.sample(pipeline, 2).sort((a, b) => order.indexOf(a) - order.indexOf(b));
      } else {
        const j = picks.int(1, n - 1);
        const i = j - picks.int(1, Math.min(j, 8));
        pred = order[i];
        succ = order[j];
      }
      if (seen.has(`${pred.id}|${succ.id}`)) continue;
      const owner = pred.projectManager;
      if (type === "Requires" || type === "Excludes") {
        add(pred.id, succ.id, type, null, "Open", null, owner);
      } else {
        const lag = type === "FS" ? picks.pick([0, 5, 10, 14, 20, 30]) : picks.pick([0, 10, 30]);
        // One FS in four hangs off the predecessor's go-live milestone rather than its finish.
        const milestone = type === "FS" && picks.chance(0.25) ? goLive.get(pred.id) : undefined;
        const predId = milestone ? milestone.id : pred.id;
        const predEnd = milestone
          ? String(milestone.values.ForecastDate)
          : type === "SS"
            ? pred.forecastStart
            : pred.forecastFinish;
        const met =
          type !== "FF" &&
          predEnd <= reportingDate &&
          (milestone ? milestone.values.ActualDate !== null : pred.actualFinish !== null || type === "SS");
        const status = met ? "Met" : addDays(predEnd, lag) > succ.forecastStart ? "At Risk" : "Open";
        add(predId, succ.id, type, lag, status, type === "FF" ? succ.forecastFinish : succ.forecastStart, owner);
        seen.add(`${pred.id}|${succ.id}`);
      }
      break;
    }
  }
  if (withCycle && n >= 3) {
    // A deliberate loop A → B → C → A among the three earliest projects.
    const [a, b, c] = order;
    for (const [p, s] of [
      [a, b],
      [b, c],
      [c, a],
    ]) {
      out.push(
        makeRecord("Dependencies", seq("DEP", out.length + 1, width), {
          PredecessorId: p.id,
          SuccessorId: s.id,
          Type: "FS",
          LagDays: 0,
          Status: "Open",
          RequiredBy: s.forecastStart,
          Owner: byId.get(p.id)?.projectManager ?? null,
          Description: "Deliberate cycle for testing cycle detection.",
        }),
      );
    }
  }
  return out;
}
