import type { IsoDate } from "../domain/dates";
import { addDays, daysBetween } from "../domain/dates";
import type { EntityRecord } from "../domain/register";
import type { Picks } from "./random-picks";
import { roundTo, seq } from "./random-picks";
import { makeRecord } from "./estate-records";
import { CATEGORIES, COMMENTARY, DEPARTMENTS, PROJECT_SUBJECTS, PROJECT_VERBS } from "./vocabulary";

export type Stage = "Idea" | "Business Case" | "Planning" | "Delivery" | "Closure";
type Rag = "Red" | "Amber" | "Green";

/** What the other parts of the estate (milestones, money, allocations) need to know of a project. */
export interface ProjectFacts {
  index: number;
  id: string;
  programmeId: string | null;
  stage: Stage;
  status: string;
  projectManager: string;
  baselineStart: IsoDate | null;
  baselineFinish: IsoDate | null;
  forecastStart: IsoDate;
  forecastFinish: IsoDate;
  actualStart: IsoDate | null;
  actualFinish: IsoDate | null;
  budget: number;
  /** Actual cost to date in pence (null before the project starts), so monthly lines add up exactly. */
  actualPence: number | null;
  /** Forecast at completion in pence. */
  forecastPence: number;
  /** Share of spend that is Capex (0 = all Opex). */
  capexShare: number;
}

/**
 * Projects at fixed positions carry the traits tests and defects rely on, whatever the seed:
 * a Red schedule declared Green, an amber slip, a stale status, and the defect hosts.
 */
export const FIXED_TRAITS: Record<
  number,
  { stage: Stage; slip?: number; variance?: number; stale?: boolean; declaredGreen?: boolean }
> = {
  1: { stage: "Delivery", slip: 120, variance: 0.14, declaredGreen: true },
  2: { stage: "Delivery", slip: 45, variance: 0.07 },
  3: { stage: "Delivery" },
  4: { stage: "Planning" },
  6: { stage: "Delivery", stale: true, variance: 0.12 },
  8: { stage: "Closure", slip: 10 },
};

const STAGE_WEIGHTS: [Stage, number][] = [
  ["Idea", 10],
  ["Business Case", 15],
  ["Planning", 20],
  ["Delivery", 40],
  ["Closure", 15],
];
const FIB = [1, 2, 3, 5, 8, 13, 20];

function ragFromSlip(slip: number): Rag {
  return slip > 90 ? "Red" : slip > 30 ? "Amber" : "Green";
}
function ragFromVariance(v: number): Rag {
  return v > 0.1 ? "Red" : v > 0.05 ? "Amber" : "Green";
}
function worst(a: Rag, b: Rag): Rag {
  const order: Rag[] = ["Green", "Amber", "Red"];
  return order[Math.max(order.indexOf(a), order.indexOf(b))];
}
function greener(r: Rag): Rag {
  return r === "Red" ? "Amber" : "Green";
}

interface ProjectContext {
  picks: Picks;
  reportingDate: IsoDate;
  programmeIds: string[];
  sponsors: string[];
  managers: string[];
  width: number;
}

export function generateProjects(
  ctx: ProjectContext,
  count: number,
): { facts: ProjectFacts[]; records: EntityRecord<"Projects">[] } {
  const facts: ProjectFacts[] = [];
  const records: EntityRecord<"Projects">[] = [];
  let forcedIn = false;
  let forcedOut = false;
  for (let i = 1; i <= count; i++) {
    const { fact, record } = generateProject(ctx, i);
    // The first Business Case project is forced in and the first Idea forced out: one of each.
    if (!forcedIn && fact.stage === "Business Case") {
      record.values.Selection = "Forced in";
      forcedIn = true;
    } else if (!forcedOut && fact.stage === "Idea") {
      record.values.Selection = "Forced out";
      forcedOut = true;
    }
    facts.push(fact);
    records.push(record);
  }
  return { facts, records };
}

function generateProject(ctx: ProjectContext, index: number): { fact: ProjectFacts; record: EntityRecord<"Projects"> } {
  const { picks, reportingDate: R } = ctx;
  const trait = FIXED_TRAITS[index];
  const stage: Stage = trait?.stage ?? picks.weighted(STAGE_WEIGHTS);
  const slipRange = picks.weighted<[number, number]>([
    [[0, 10], 50],
    [[11, 30], 20],
    [[31, 90], 18],
    [[91, 200], 12],
  ]);
  const slipDays = trait?.slip ?? picks.int(slipRange[0], slipRange[1]);
  const variance =
    trait?.variance ??
    picks.weighted<() => number>([
      [() => picks.int(-8, 5) / 100, 65],
      [() => picks.int(6, 10) / 100, 20],
      [() => picks.int(11, 35) / 100, 15],
    ])();
  // Budgets are log-uniform between £50k and £5m, in whole thousands.
  const budget = roundTo(50_000 * Math.pow(100, picks.next()), 1000);

  let baselineStart: IsoDate | null = null;
  let baselineFinish: IsoDate | null = null;
  let forecastStart: IsoDate;
  let forecastFinish: IsoDate;
  let actualStart: IsoDate | null = null;
  let actualFinish: IsoDate | null = null;
  let percent = 0;
  let status = "Active";
  let schedSlip = 0;
  switch (stage) {
    case "Idea":
    case "Business Case": {
      forecastStart = addDays(R, picks.int(stage === "Idea" ? 60 : 14, 270));
      forecastFinish = addDays(forecastStart, picks.int(180, 720));
      status = picks.chance(0.08) ? "Cancelled" : stage === "Idea" || picks.chance(0.7) ? "Proposed" : "Active";
      percent = stage === "Business Case" && status === "Active" ? 0.05 : 0;
      break;
    }
    case "Planning": {
      baselineStart = addDays(R, picks.int(-90, 60));
      baselineFinish = addDays(baselineStart, picks.int(240, 900));
      forecastStart = addDays(baselineStart, picks.int(0, 14));
      schedSlip = Math.min(slipDays, 60);
      forecastFinish = addDays(baselineFinish, schedSlip);
      if (forecastStart <= R) actualStart = forecastStart;
      percent = picks.int(1, 4) * 5;
      percent /= 100;
      break;
    }
    case "Delivery": {
      baselineStart = addDays(R, -picks.int(90, 720));
      forecastStart = addDays(baselineStart, picks.int(0, 20));
      baselineFinish = addDays(R, picks.int(30, 540));
      schedSlip = slipDays;
      forecastFinish = addDays(baselineFinish, schedSlip);
      actualStart = forecastStart;
      const elapsed = daysBetween(forecastStart, R) / daysBetween(forecastStart, forecastFinish);
      percent = Math.max(2, Math.min(19, Math.round(elapsed * 20 + picks.int(-2, 2)))) * 5;
      percent /= 100;
      status = picks.chance(0.1) ? "On Hold" : "Active";
      break;
    }
    case "Closure": {
      schedSlip = Math.min(slipDays, 120);
      const completed = index === 8 || picks.chance(0.7);
      forecastFinish = completed ? addDays(R, -picks.int(0, 200)) : addDays(R, picks.int(5, 60));
      baselineFinish = addDays(forecastFinish, -schedSlip);
      baselineStart = addDays(baselineFinish, -picks.int(300, 900));
      forecastStart = addDays(baselineStart, picks.int(0, 20));
      actualStart = forecastStart;
      if (completed) actualFinish = forecastFinish;
      status = completed ? "Completed" : "Active";
      percent = completed ? 1 : 0.95;
      break;
    }
  }

  // Money: pence so that monthly lines add up to the project figures exactly.
  const started = actualStart !== null;
  let forecastPence = Math.round(roundTo(budget * (1 + (started ? variance : 0)), 1000) * 100);
  let actualPence: number | null = null;
  if (started) {
    const share = stage === "Closure" && actualFinish ? 1 : Math.min(0.97, percent * (0.85 + picks.next() * 0.3));
    actualPence = Math.max(100, Math.round(forecastPence * share + picks.int(0, 99)));
    if (actualFinish) forecastPence = actualPence;
  }
  const costVariance = (forecastPence / 100 - budget) / budget;
  const hasBaseline = baselineFinish !== null;
  const computed = hasBaseline ? worst(ragFromSlip(schedSlip), ragFromVariance(costVariance)) : "Green";
  const declaredGreen = trait?.declaredGreen ?? (computed !== "Green" && picks.chance(0.25));
  const declared: Rag = declaredGreen ? (index === 1 ? "Green" : greener(computed)) : computed;
  const confidence =
    stage === "Idea"
      ? null
      : declared === "Green"
        ? picks.pick(["Green", "Amber/Green"])
        : declared === "Amber"
          ? picks.pick(["Amber", "Amber/Green", "Amber/Red"])
          : picks.pick(["Red", "Amber/Red"]);

  const stale = trait?.stale ?? picks.chance(0.15);
  const statusDate = addDays(R, stale ? -picks.int(31, 120) : -picks.int(0, 25));
  const id = seq("PRJ", index, ctx.width);
  const subject = picks.pick(PROJECT_SUBJECTS);
  const verb = picks.pick(PROJECT_VERBS);
  const programmeId = picks.chance(0.88) ? picks.pick(ctx.programmeIds) : null;
  const projectManager = picks.pick(ctx.managers);
  const bcApproved = stage === "Idea" ? "No" : stage === "Business Case" ? (picks.chance(0.3) ? "Yes" : "No") : "Yes";
  const jobSize = FIB[Math.min(6, Math.floor((Math.log(budget / 50_000) / Math.log(100)) * 7))];

  const record = makeRecord("Projects", id, {
    Name: `${subject} ${verb}`,
    Description: `${verb} of the ${subject.toLowerCase()} for the ${picks.pick(DEPARTMENTS)} directorate.`,
    ProgrammeId: programmeId,
    Department: picks.pick(DEPARTMENTS),
    Category: picks.pick(CATEGORIES),
    Sponsor: picks.pick(ctx.sponsors),
    ProjectManager: stage === "Idea" && picks.chance(0.5) ? null : projectManager,
    Stage: stage,
    Status: status,
    BaselineStart: baselineStart,
    BaselineFinish: baselineFinish,
    ForecastStart: forecastStart,
    ForecastFinish: forecastFinish,
    ActualStart: actualStart,
    ActualFinish: actualFinish,
    Budget: budget,
    ActualCost: actualPence === null ? null : actualPence / 100,
    ForecastCost: forecastPence / 100,
    PercentComplete: percent,
    DeliveryConfidence: confidence,
    RagOverall: declared,
    RagSchedule: hasBaseline ? (declaredGreen ? "Green" : ragFromSlip(schedSlip)) : null,
    RagCost: started ? (declaredGreen ? greener(ragFromVariance(costVariance)) : ragFromVariance(costVariance)) : null,
    RagScope:
      stage === "Idea"
        ? null
        : picks.weighted<Rag>([
            ["Green", 8],
            ["Amber", 2],
          ]),
    RagResources:
      stage === "Idea"
        ? null
        : picks.weighted<Rag>([
            ["Green", 6],
            ["Amber", 3],
            ["Red", 1],
          ]),
    StatusDate: statusDate,
    StatusCommentary: picks.chance(stage === "Idea" ? 0.5 : 0.85) ? picks.pick(COMMENTARY) : null,
    BusinessCaseApproved: bcApproved,
    Selection: "Auto",
    StrategicAlignment: picks.int(1, 5),
    FinancialValue: roundTo(budget * (picks.next() * 2.8 - 0.3), 1000),
    RiskScore: picks.int(1, 5),
    BusinessValue: picks.pick(FIB),
    TimeCriticality: picks.pick(FIB),
    RiskReduction: picks.pick(FIB),
    JobSize: jobSize,
  });
  const fact: ProjectFacts = {
    index,
    id,
    programmeId,
    stage,
    status,
    projectManager,
    baselineStart,
    baselineFinish,
    forecastStart,
    forecastFinish,
    actualStart,
    actualFinish,
    budget,
    actualPence,
    forecastPence,
    capexShare: picks.pick([0, 0.5, 0.7, 0.8]),
  };
  return { fact, record };
}
