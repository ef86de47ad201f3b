import { DCMA_THRESHOLDS, type HealthThresholds } from "../../domain/dcma-thresholds";
import { daysBetween, epochDay, isIsoDate, type IsoDate } from "../../domain/dates";
import { textValue, type FieldValue, type Register } from "../../domain/register";
import type { EntityName } from "../../domain/schema";
import { workingDaysBetween } from "../capacity/working-days";
import { criticalPath, type CriticalPathResult } from "./critical-path";
import { NO_PROGRAMME } from "./milestones";
import { scheduleInputsFromRegister, type ScheduleInputs } from "./schedule-inputs";

/**
 * Schedule health: the DCMA 14-point assessment (DCMA, Earned Value Management System Program
 * Analysis Pamphlet, DCMA-EA PAM 200.1, 2012) adapted to a register's projects, milestones and
 * dependencies. A project is one schedule item (its own plan holds its tasks); a milestone is tied
 * into the logic by its project; the register's Dependencies are the logic between items. Each
 * metric gives a count, its denominator, the ratio, the published threshold (a PMO Settings entry),
 * pass or fail, and the records behind the count, so a reader can open the cells.
 */
export type HealthMetricId =
  | "logic"
  | "leads"
  | "lags"
  | "relationship-types"
  | "hard-constraints"
  | "high-float"
  | "negative-float"
  | "high-duration"
  | "invalid-dates"
  | "resources"
  | "missed"
  | "critical-path-test"
  | "cpli"
  | "bei";

export type { HealthThresholds } from "../../domain/dcma-thresholds";
export { DCMA_THRESHOLDS } from "../../domain/dcma-thresholds";

export function healthThresholdsFromSettings(general: Partial<HealthThresholds>): HealthThresholds {
  const out = { ...DCMA_THRESHOLDS };
  for (const k of Object.keys(out) as (keyof HealthThresholds)[]) {
    const v = general[k];
    if (typeof v === "number" && Number.isFinite(v)) out[k] = v;
  }
  return out;
}

/** One record behind a metric's count: the register cell to open, and why it counts. */
export interface HealthRecord {
  entity: EntityName;
  id: string;
  /** Position in `register.entities[entity]` (tells duplicate ids apart). */
  index: number;
  field: string;
  detail: string;
}

export interface HealthMetric {
  id: HealthMetricId;
  /** The DCMA check number, 1–14. */
  number: number;
  name: string;
  /** What is counted (for CPLI and BEI: what the index is made of). */
  count: number;
  denominator: number;
  /** count / denominator for the ratio metrics; the index itself for CPLI and BEI; null when nothing to measure. */
  value: number | null;
  /** "max": value must not exceed the threshold; "min": value must reach it. */
  comparison: "max" | "min";
  threshold: number;
  /** Null when not applicable (nothing to measure), with `note` saying why. */
  pass: boolean | null;
  records: HealthRecord[];
  note?: string;
}

export interface ScheduleHealthView {
  /** "Portfolio", or a programme id (NO_PROGRAMME for projects without one). */
  scope: string;
  metrics: HealthMetric[];
  passed: number;
  failed: number;
}

export interface ScheduleHealth {
  statusDate: IsoDate | null;
  thresholds: HealthThresholds;
  portfolio: ScheduleHealthView;
  byProgramme: ScheduleHealthView[];
}

const CLOSED_STATUS = new Set(["completed", "cancelled", "canceled", "closed"]);
const DONE_MILESTONE = new Set(["achieved", "complete", "completed", "done"]);
const CANCELLED = new Set(["cancelled", "canceled"]);

const dateOf = (v: FieldValue | undefined): IsoDate | null => (isIsoDate(v) ? v : null);
const lower = (v: FieldValue | undefined): string => (textValue(v) ?? "").toLowerCase();

/** One project or milestone as the metrics see it. */
interface Item {
  entity: "Projects" | "Milestones";
  id: string;
  index: number;
  programme: string;
  open: boolean;
  cancelled: boolean;
  /** Baseline finish (a milestone's baseline date). */
  baselineFinish: IsoDate | null;
  /** Actual finish (a milestone's actual date), or the status says done. */
  actualFinish: IsoDate | null;
  done: boolean;
  forecastStart: IsoDate | null;
  forecastFinish: IsoDate | null;
  actualStart: IsoDate | null;
  /** Field names of this entity's dates, for the records. */
  f: { start: string; finish: string; baseline: string; actualStart: string; actualFinish: string };
}

interface Link {
  index: number;
  id: string;
  pred: string;
  succ: string;
  type: string;
  lag: number;
  requiredBy: IsoDate | null;
}

const PROJECT_FIELDS = {
  start: "ForecastStart",
  finish: "ForecastFinish",
  baseline: "BaselineFinish",
  actualStart: "ActualStart",
  actualFinish: "ActualFinish",
};
const MILESTONE_FIELDS = {
  start: "ForecastDate",
  finish: "ForecastDate",
  baseline: "BaselineDate",
  actualStart: "ActualDate",
  actualFinish: "ActualDate",
};

function collectItems(register: Register): Item[] {
  const items: Item[] = [];
  const programmeOf = new Map<string, string>();
  const seen = new Set<string>();
  register.entities.Projects.forEach((p, index) => {
    if (seen.has(p.id)) return; // a duplicate id is the integrity rules' finding; measure the first
    seen.add(p.id);
    const v = p.values;
    const programme = textValue(v.ProgrammeId) ?? NO_PROGRAMME;
    programmeOf.set(p.id, programme);
    const status = lower(v.Status);
    const actualFinish = dateOf(v.ActualFinish);
    items.push({
      entity: "Projects",
      id: p.id,
      index,
      programme,
      open: !CLOSED_STATUS.has(status) && actualFinish === null,
      cancelled: CANCELLED.has(status),
      baselineFinish: dateOf(v.BaselineFinish),
      actualFinish,
      done: actualFinish !== null || status === "completed",
      forecastStart: dateOf(v.ForecastStart),
      forecastFinish: dateOf(v.ForecastFinish),
      actualStart: dateOf(v.ActualStart),
      f: PROJECT_FIELDS,
    });
  });
  const seenMilestones = new Set<string>();
  register.entities.Milestones.forEach((m, index) => {
    if (seenMilestones.has(m.id)) return;
    seenMilestones.add(m.id);
    const v = m.values;
    const status = lower(v.Status);
    const actual = dateOf(v.ActualDate);
    const project = textValue(v.ProjectId);
    items.push({
      entity: "Milestones",
      id: m.id,
      index,
      programme: (project !== null ? programmeOf.get(project) : undefined) ?? NO_PROGRAMME,
      open: actual === null && !DONE_MILESTONE.has(status) && !CANCELLED.has(status),
      cancelled: CANCELLED.has(status),
      baselineFinish: dateOf(v.BaselineDate),
      actualFinish: actual,
      done: actual !== null || DONE_MILESTONE.has(status),
      forecastStart: dateOf(v.ForecastDate),
      forecastFinish: dateOf(v.ForecastDate),
      actualStart: actual,
      f: MILESTONE_FIELDS,
    });
  });
  return items;
}

function collectLinks(register: Register, inputs: ScheduleInputs): Link[] {
  const byDependency = new Map<string, number>();
  register.entities.Dependencies.forEach((d, i) => {
    if (!byDependency.has(d.id)) byDependency.set(d.id, i);
  });
  const out: Link[] = [];
  for (const l of inputs.links) {
    const index = l.dependencyId === undefined ? -1 : (byDependency.get(l.dependencyId) ?? -1);
    if (index < 0) continue;
    const d = register.entities.Dependencies[index];
    out.push({
      index,
      id: d.id,
      pred: l.predecessorId,
      succ: l.successorId,
      type: l.type,
      lag: l.lagDays,
      requiredBy: dateOf(d.values.RequiredBy),
    });
  }
  return out;
}

/**
 * The 14 metrics for the whole portfolio and for each programme. `statusDate` null leaves the
 * date-dependent metrics (invalid dates, missed, CPLI, BEI) not applicable.
 */
export function scheduleHealth(
  register: Register,
  options: { statusDate: IsoDate | null; thresholds?: Partial<HealthThresholds>; cpm?: CriticalPathResult } = {
    statusDate: null,
  },
): ScheduleHealth {
  const t = healthThresholdsFromSettings(options.thresholds ?? {});
  const inputs = scheduleInputsFromRegister(register);
  const cpm = options.cpm ?? criticalPath(inputs.items, inputs.links);
  const items = collectItems(register);
  const links = collectLinks(register, inputs);
  const facts = new Facts(register, items, links, inputs, cpm, options.statusDate, t);

  const programmes = [...new Set(items.map((i) => i.programme))].sort((a, b) =>
    a === NO_PROGRAMME ? 1 : b === NO_PROGRAMME ? -1 : a < b ? -1 : a > b ? 1 : 0,
  );
  const view = (scope: string, keep: (programme: string) => boolean): ScheduleHealthView => {
    const metrics = facts.metrics(keep);
    return {
      scope,
      metrics,
      passed: metrics.filter((m) => m.pass === true).length,
      failed: metrics.filter((m) => m.pass === false).length,
    };
  };
  return {
    statusDate: options.statusDate,
    thresholds: t,
    portfolio: view("Portfolio", () => true),
    byProgramme: programmes.map((p) => view(p, (q) => q === p)),
  };
}

const pct = (x: number): string => `${Math.round(x * 1000) / 10} %`;

/** What each metric needs, worked out once for the portfolio; a view filters it by programme. */
class Facts {
  private readonly itemById = new Map<string, Item>();
  private readonly hasPred = new Set<string>();
  private readonly hasSucc = new Set<string>();
  private readonly withMilestones = new Set<string>();
  private readonly allocated = new Set<string>();
  private readonly delayTests = new Map<string, number | null>();
  private networksByProgramme: Map<string, Set<number>> | null = null;

  constructor(
    private readonly register: Register,
    private readonly items: Item[],
    private readonly links: Link[],
    private readonly inputs: ScheduleInputs,
    private readonly cpm: CriticalPathResult,
    private readonly statusDate: IsoDate | null,
    private readonly t: HealthThresholds,
  ) {
    for (const i of items) if (!this.itemById.has(i.id)) this.itemById.set(i.id, i);
    for (const l of links) {
      if (!this.itemById.has(l.pred) || !this.itemById.has(l.succ)) continue;
      this.hasSucc.add(l.pred);
      this.hasPred.add(l.succ);
    }
    for (const m of register.entities.Milestones) {
      const p = textValue(m.values.ProjectId);
      if (p !== null) this.withMilestones.add(p);
    }
    for (const a of register.entities.Allocations) {
      const p = textValue(a.values.ProjectId);
      if (p !== null) this.allocated.add(p);
    }
  }

  /** A link belongs to its successor's programme (the item whose dates the link drives). */
  private linkProgramme(l: Link): string {
    return this.itemById.get(l.succ)?.programme ?? this.itemById.get(l.pred)?.programme ?? NO_PROGRAMME;
  }

  metrics(keep: (programme: string) => boolean): HealthMetric[] {
    const items = this.items.filter((i) => keep(i.programme));
    const open = items.filter((i) => i.open);
    const openProjects = open.filter((i) => i.entity === "Projects");
    // Links measured are those driving an open item, as DCMA counts relationships of incomplete tasks.
    const links = this.links.filter((l) => keep(this.linkProgramme(l)) && this.itemById.get(l.succ)?.open === true);
    return [
      this.logic(open),
      this.linkRatio(
        2,
        "leads",
        "Leads",
        links,
        (l) => l.lag < 0,
        this.t.dcmaLeadsPct,
        (l) => `lead of ${-l.lag} days`,
      ),
      this.linkRatio(
        3,
        "lags",
        "Lags",
        links,
        (l) => l.lag > 0,
        this.t.dcmaLagsPct,
        (l) => `lag of ${l.lag} days`,
      ),
      this.relationshipTypes(links),
      this.hardConstraints(open),
      this.highFloat(open),
      this.negativeFloat(open),
      this.highDuration(openProjects),
      this.invalidDates(items),
      this.resources(openProjects),
      this.missed(items),
      this.criticalPathTest(keep),
      this.cpli(keep),
      this.bei(items),
    ];
  }

  private ratio(
    number: number,
    id: HealthMetricId,
    name: string,
    records: HealthRecord[],
    count: number,
    denominator: number,
    threshold: number,
    comparison: "max" | "min" = "max",
    empty = "nothing to measure",
  ): HealthMetric {
    const value = denominator === 0 ? null : count / denominator;
    const pass = value === null ? null : comparison === "max" ? value <= threshold + 1e-12 : value >= threshold - 1e-12;
    return {
      id,
      number,
      name,
      count,
      denominator,
      value,
      comparison,
      threshold,
      pass,
      records,
      ...(value === null ? { note: empty } : {}),
    };
  }

  private record(i: Item, field: string, detail: string): HealthRecord {
    return { entity: i.entity, id: i.id, index: i.index, field, detail };
  }

  private linkRecord(l: Link, field: string, detail: string): HealthRecord {
    return { entity: "Dependencies", id: l.id, index: l.index, field, detail };
  }

  /** 1. Open items with neither a predecessor nor a successor (a milestone is tied in by its project). */
  private logic(open: Item[]): HealthMetric {
    const measured = open.filter(
      (i) => i.entity === "Projects" || textValue(this.register.entities.Milestones[i.index].values.ProjectId) === null,
    );
    const bad = measured.filter((i) => !this.hasPred.has(i.id) && !this.hasSucc.has(i.id));
    return this.ratio(
      1,
      "logic",
      "Missing logic",
      bad.map((i) =>
        this.record(i, i.entity === "Projects" ? "ProjectId" : "MilestoneId", "no predecessor or successor"),
      ),
      bad.length,
      measured.length,
      this.t.dcmaMissingLogicPct,
      "max",
      "no open items",
    );
  }

  private linkRatio(
    number: number,
    id: HealthMetricId,
    name: string,
    links: Link[],
    counts: (l: Link) => boolean,
    threshold: number,
    detail: (l: Link) => string,
  ): HealthMetric {
    const bad = links.filter(counts);
    return this.ratio(
      number,
      id,
      name,
      bad.map((l) => this.linkRecord(l, "LagDays", `${l.pred} → ${l.succ}: ${detail(l)}`)),
      bad.length,
      links.length,
      threshold,
      "max",
      "no links into open items",
    );
  }

  /** 4. Finish-to-start share of the links; the records are the other links. */
  private relationshipTypes(links: Link[]): HealthMetric {
    const others = links.filter((l) => l.type !== "FS");
    return this.ratio(
      4,
      "relationship-types",
      "Relationship types (finish-to-start)",
      others.map((l) => this.linkRecord(l, "Type", `${l.pred} → ${l.succ} is ${l.type}, not finish-to-start`)),
      links.length - others.length,
      links.length,
      this.t.dcmaFinishToStartPct,
      "min",
      "no links into open items",
    );
  }

  /**
   * 5. Hard constraints: the register has no constraint types, so an item counts when its forecast
   * start is held earlier than its predecessors allow (the date is fixed against the logic, as a
   * must-start-on constraint would).
   */
  private hardConstraints(open: Item[]): HealthMetric {
    const bad: HealthRecord[] = [];
    const scheduled = open.filter((i) => this.cpm.items[i.id]?.earlyStart);
    for (const i of scheduled) {
      const earlyStart = this.cpm.items[i.id].earlyStart!;
      if (!this.hasPred.has(i.id) || i.forecastStart === null || i.actualStart !== null) continue;
      if (i.forecastStart < earlyStart)
        bad.push(
          this.record(
            i,
            i.f.start,
            `forecast ${i.forecastStart}, but its predecessors allow ${earlyStart} at the earliest`,
          ),
        );
    }
    return this.ratio(
      5,
      "hard-constraints",
      "Hard constraints",
      bad,
      bad.length,
      scheduled.length,
      this.t.dcmaHardConstraintsPct,
      "max",
      "no open item could be scheduled",
    );
  }

  /** 6. Open scheduled items with more than dcmaHighFloatDays working days of total float. */
  private highFloat(open: Item[]): HealthMetric {
    const scheduled = open.filter((i) => this.cpm.items[i.id]?.totalFloatDays !== null && this.cpm.items[i.id]);
    const bad: HealthRecord[] = [];
    for (const i of scheduled) {
      const s = this.cpm.items[i.id];
      const days = workingDaysBetween(epochDay(s.earlyFinish!) + 1, epochDay(s.lateFinish!));
      if (days > this.t.dcmaHighFloatDays)
        bad.push(this.record(i, i.f.finish, `${days} working days of total float (${s.totalFloatDays} calendar)`));
    }
    return this.ratio(
      6,
      "high-float",
      `High float (> ${this.t.dcmaHighFloatDays} working days)`,
      bad,
      bad.length,
      scheduled.length,
      this.t.dcmaHighFloatPct,
      "max",
      "no open item could be scheduled",
    );
  }

  /**
   * 7. Negative float: an item finishing after the date a dependency needs it by (RequiredBy). Its
   * finish is the later of its forecast and the earliest its logic allows.
   */
  private negativeFloat(open: Item[]): HealthMetric {
    const bad = new Map<string, HealthRecord>();
    const openIds = new Set(open.map((i) => i.id));
    const deadlines = this.links.filter((l) => l.requiredBy !== null && openIds.has(l.pred));
    for (const l of deadlines) {
      const i = this.itemById.get(l.pred)!;
      const float = negativeFloatDays(i, this.cpm, { type: l.type, lag: l.lag, requiredBy: l.requiredBy! });
      if (float === null || float >= 0 || bad.has(i.id)) continue;
      const end = l.type === "SS" || l.type === "SF" ? "starts" : "finishes";
      bad.set(
        i.id,
        this.record(
          i,
          end === "starts" ? i.f.start : i.f.finish,
          `${end} ${-float} days too late for ${l.requiredBy}, when ${l.succ} needs it (${l.id}, ${l.type}${l.lag ? ` + ${l.lag} days` : ""})`,
        ),
      );
    }
    return this.ratio(
      7,
      "negative-float",
      "Negative float",
      [...bad.values()],
      bad.size,
      open.length,
      this.t.dcmaNegativeFloatPct,
      "max",
      "no open items",
    );
  }

  /** 8. Open projects longer than dcmaHighDurationDays working days with no milestone breaking them down. */
  private highDuration(openProjects: Item[]): HealthMetric {
    const measured: Item[] = [];
    const bad: HealthRecord[] = [];
    for (const i of openProjects) {
      const p = this.register.entities.Projects[i.index].values;
      const start = dateOf(p.BaselineStart) ?? i.forecastStart;
      const finish = i.baselineFinish ?? i.forecastFinish;
      if (start === null || finish === null || finish < start) continue;
      measured.push(i);
      const days = workingDaysBetween(epochDay(start), epochDay(finish));
      if (days > this.t.dcmaHighDurationDays && !this.withMilestones.has(i.id))
        bad.push(
          this.record(
            i,
            i.baselineFinish ? "BaselineFinish" : "ForecastFinish",
            `${days} working days with no milestones`,
          ),
        );
    }
    return this.ratio(
      8,
      "high-duration",
      `High duration (> ${this.t.dcmaHighDurationDays} working days, not broken down)`,
      bad,
      bad.length,
      measured.length,
      this.t.dcmaHighDurationPct,
      "max",
      "no open project with dates",
    );
  }

  /** 9. Forecasts before the status date without an actual, and actuals after it. */
  private invalidDates(items: Item[]): HealthMetric {
    const sd = this.statusDate;
    if (sd === null) return this.notApplicable(9, "invalid-dates", "Invalid dates", this.t.dcmaInvalidDatesPct);
    const bad: HealthRecord[] = [];
    let measured = 0;
    for (const i of items) {
      if (i.cancelled) continue;
      measured++;
      const problems: [string, string][] = [];
      if (i.entity === "Projects") {
        if (i.forecastStart && i.forecastStart < sd && !i.actualStart)
          problems.push([i.f.start, `forecast start ${i.forecastStart} is past with no actual start`]);
        if (i.forecastFinish && i.forecastFinish < sd && !i.actualFinish && i.open)
          problems.push([i.f.finish, `forecast finish ${i.forecastFinish} is past with no actual finish`]);
        if (i.actualStart && i.actualStart > sd)
          problems.push([i.f.actualStart, `actual start ${i.actualStart} is after the status date`]);
      } else if (i.forecastFinish && i.forecastFinish < sd && i.open)
        problems.push([i.f.finish, `forecast ${i.forecastFinish} is past with no actual date`]);
      if (i.actualFinish && i.actualFinish > sd)
        problems.push([i.f.actualFinish, `actual ${i.actualFinish} is after the status date`]);
      if (problems.length > 0) bad.push(this.record(i, problems[0][0], problems.map((p) => p[1]).join("; ")));
    }
    return this.ratio(
      9,
      "invalid-dates",
      "Invalid dates",
      bad,
      bad.length,
      measured,
      this.t.dcmaInvalidDatesPct,
      "max",
      "no items",
    );
  }

  /** 10. Open projects with no allocation row. */
  private resources(openProjects: Item[]): HealthMetric {
    const bad = openProjects.filter((i) => !this.allocated.has(i.id));
    return this.ratio(
      10,
      "resources",
      "Resources",
      bad.map((i) => this.record(i, "ProjectId", "no allocation on the Allocations sheet")),
      bad.length,
      openProjects.length,
      this.t.dcmaResourcesPct,
      "max",
      "no open projects",
    );
  }

  private dueByBaseline(items: Item[]): Item[] {
    const sd = this.statusDate!;
    return items.filter((i) => !i.cancelled && i.baselineFinish !== null && i.baselineFinish <= sd);
  }

  /** 11. Items whose baseline finish has passed that did not finish by it. */
  private missed(items: Item[]): HealthMetric {
    if (this.statusDate === null) return this.notApplicable(11, "missed", "Missed items", this.t.dcmaMissedPct);
    const due = this.dueByBaseline(items);
    const bad: HealthRecord[] = [];
    for (const i of due) {
      if (i.actualFinish !== null && i.actualFinish <= i.baselineFinish!) continue;
      if (i.actualFinish === null && i.done) continue; // done with no date: BEI counts it, the date cannot be judged
      bad.push(
        this.record(
          i,
          i.f.baseline,
          i.actualFinish
            ? `finished ${i.actualFinish}, after its baseline ${i.baselineFinish}`
            : `baseline ${i.baselineFinish} has passed and it is not finished`,
        ),
      );
    }
    return this.ratio(
      11,
      "missed",
      "Missed items",
      bad,
      bad.length,
      due.length,
      this.t.dcmaMissedPct,
      "max",
      "nothing was due by its baseline",
    );
  }

  /** The networks an item of the view belongs to (a network with members in several programmes counts in each). */
  private networksOf(keep: (programme: string) => boolean): number[] {
    if (this.networksByProgramme === null) {
      this.networksByProgramme = new Map();
      for (const i of this.items) {
        const s = this.cpm.items[i.id];
        if (!s || s.network === null) continue;
        const set = this.networksByProgramme.get(i.programme) ?? new Set<number>();
        set.add(s.network);
        this.networksByProgramme.set(i.programme, set);
      }
    }
    const out = new Set<number>();
    for (const [programme, nets] of this.networksByProgramme) if (keep(programme)) for (const n of nets) out.add(n);
    return [...out].sort((a, b) => a - b);
  }

  /**
   * 12. Critical path test: a delay of dcmaCriticalPathTestDays on the network's first open critical
   * item must move the network's finish by as much. Networks of one item pass by construction and are
   * not counted.
   */
  private criticalPathTest(keep: (programme: string) => boolean): HealthMetric {
    const delay = this.t.dcmaCriticalPathTestDays;
    const tested: number[] = [];
    const bad: HealthRecord[] = [];
    for (const n of this.networksOf(keep)) {
      const net = this.cpm.networks[n];
      if (net.members.length < 2 || net.criticalPath.length === 0) continue;
      tested.push(n);
      const target = net.criticalPath.find((id) => this.itemById.get(id)?.open) ?? net.criticalPath[0];
      const moved = this.finishAfterDelay(n, target, delay);
      if (moved !== delay) {
        const i = this.itemById.get(target);
        const detail = `${delay} days' delay on ${target} moved the finish by ${moved ?? "an unknown number of"} days`;
        if (i) bad.push(this.record(i, i.f.finish, detail));
      }
    }
    const value = tested.length === 0 ? null : (tested.length - bad.length) / tested.length;
    return {
      id: "critical-path-test",
      number: 12,
      name: "Critical path test",
      count: bad.length,
      denominator: tested.length,
      value,
      comparison: "min",
      threshold: 1,
      pass: tested.length === 0 ? null : bad.length === 0,
      records: bad,
      ...(tested.length === 0 ? { note: "no network of two or more linked items" } : {}),
    };
  }

  /** The network's finish moves by this many days when `target` lasts `delay` days longer (once per network: views share it). */
  private finishAfterDelay(network: number, target: string, delay: number): number | null {
    const key = `${network}|${target}|${delay}`;
    if (!this.delayTests.has(key)) this.delayTests.set(key, this.delayTest(network, target, delay));
    return this.delayTests.get(key)!;
  }

  private delayTest(network: number, target: string, delay: number): number | null {
    const members = new Set(this.cpm.networks[network].members);
    const items = this.inputs.items
      .filter((i) => members.has(i.id))
      .map((i) => (i.id === target ? { ...i, durationDays: (i.durationDays ?? 0) + delay } : i));
    const links = this.inputs.links.filter((l) => members.has(l.predecessorId) && members.has(l.successorId));
    const again = criticalPath(items, links);
    const net = again.networks.find((x) => x.members.includes(target));
    if (!net) return null;
    return daysBetween(this.cpm.networks[network].finish, net.finish);
  }

  /**
   * 13. Critical path length index per network: (CPL + TF) / CPL, where CPL runs from the status date
   * to the network's forecast finish and TF is its baseline finish less that forecast finish.
   */
  private cpli(keep: (programme: string) => boolean): HealthMetric {
    const min = this.t.dcmaCpliMin;
    const sd = this.statusDate;
    if (sd === null) return this.notApplicable(13, "cpli", "Critical path length index (CPLI)", min, "min");
    let lowest: number | null = null;
    let measured = 0;
    const bad: HealthRecord[] = [];
    for (const n of this.networksOf(keep)) {
      const net = this.cpm.networks[n];
      const members = net.members.map((id) => this.itemById.get(id)).filter((i): i is Item => i !== undefined);
      if (!members.some((i) => i.open)) continue;
      let forecast = net.finish;
      let baseline: IsoDate | null = null;
      let last: Item | undefined;
      for (const i of members) {
        if (i.forecastFinish && i.forecastFinish > forecast) forecast = i.forecastFinish;
        // The latest baseline finish; on a tie, the item on the critical path names it.
        const later = baseline === null || (i.baselineFinish !== null && i.baselineFinish > baseline);
        const tie = i.baselineFinish !== null && i.baselineFinish === baseline && this.cpm.items[i.id]?.critical;
        if (i.baselineFinish && (later || tie)) {
          baseline = i.baselineFinish;
          last = i;
        }
      }
      const cpl = daysBetween(sd, forecast);
      if (baseline === null || cpl <= 0 || !last) continue;
      measured++;
      const index = (cpl + daysBetween(forecast, baseline)) / cpl;
      if (lowest === null || index < lowest) lowest = index;
      if (index < min - 1e-12)
        bad.push(
          this.record(
            last,
            last.f.baseline,
            `CPLI ${index.toFixed(2)}: forecast finish ${forecast}, baseline ${baseline}, ${cpl} days to go`,
          ),
        );
    }
    return {
      id: "cpli",
      number: 13,
      name: "Critical path length index (CPLI)",
      count: bad.length,
      denominator: measured,
      value: lowest,
      comparison: "min",
      threshold: min,
      pass: lowest === null ? null : lowest >= min - 1e-12,
      records: bad,
      ...(lowest === null ? { note: "no open network with a baseline finish and time to go" } : {}),
    };
  }

  /** 14. Baseline execution index: items finished / items due to finish by the status date per the baseline. */
  private bei(items: Item[]): HealthMetric {
    const min = this.t.dcmaBeiMin;
    if (this.statusDate === null) return this.notApplicable(14, "bei", "Baseline execution index (BEI)", min, "min");
    const due = this.dueByBaseline(items);
    const notDone = due.filter((i) => !i.done);
    return this.ratio(
      14,
      "bei",
      "Baseline execution index (BEI)",
      notDone.map((i) =>
        this.record(i, i.f.baseline, `baseline ${i.baselineFinish} has passed and it is not finished`),
      ),
      due.length - notDone.length,
      due.length,
      min,
      "min",
      "nothing was due by its baseline",
    );
  }

  private notApplicable(
    number: number,
    id: HealthMetricId,
    name: string,
    threshold: number,
    comparison: "max" | "min" = "max",
  ): HealthMetric {
    return {
      id,
      number,
      name,
      count: 0,
      denominator: 0,
      value: null,
      comparison,
      threshold,
      pass: null,
      records: [],
      note: "no status date",
    };
  }
}

/**
 * Float against a dependency's required-by date, in calendar days (negative = late). The link says
 * which end of the predecessor the successor needs: its finish for FS and FF, its start for SS and
 * SF, plus the lag. Each end is the later of the item's forecast and the earliest its logic allows.
 * Null when neither is known.
 */
export function negativeFloatDays(
  item: { id: string; forecastStart: IsoDate | null; forecastFinish: IsoDate | null },
  cpm: CriticalPathResult,
  link: { type: string; lag: number; requiredBy: IsoDate },
): number | null {
  const fromStart = link.type === "SS" || link.type === "SF";
  const early = (fromStart ? cpm.items[item.id]?.earlyStart : cpm.items[item.id]?.earlyFinish) ?? null;
  const forecast = fromStart ? item.forecastStart : item.forecastFinish;
  const end = early && forecast ? (early > forecast ? early : forecast) : (early ?? forecast);
  return end === null
    ? null
    : daysBetween(end, link.requiredBy) - (Number.isFinite(link.lag) ? Math.round(link.lag) : 0);
}

/** The metric's ratio as the sheet and the CLI print it. */
export function metricValueText(m: HealthMetric): string {
  if (m.value === null) return "n/a";
  return m.id === "cpli" || m.id === "bei" ? m.value.toFixed(2) : pct(m.value);
}

/** The metric's threshold as the sheet, the CLI and the pane print it ("≤ 5 %", "0", "≥ 0.95"). */
export function metricThresholdText(m: HealthMetric): string {
  if (m.id === "critical-path-test") return "every network";
  if (m.id === "cpli" || m.id === "bei") return `≥ ${m.threshold.toFixed(2)}`;
  const pct = `${Math.round(m.threshold * 1000) / 10} %`;
  return m.comparison === "min" ? `≥ ${pct}` : m.threshold === 0 ? "0" : `≤ ${pct}`;
}
