import { latestStatusDate } from "../../domain/status-date";
import type { IsoDate } from "../../domain/dates";
import { textValue, type Register } from "../../domain/register";
import { criticalPath, type ItemSchedule, type ScheduleNetwork } from "../schedule/critical-path";
import { analyseMilestones, type MilestoneReport } from "../schedule/milestones";
import { scheduleInputsFromRegister } from "../schedule/schedule-inputs";
import { scheduleHealth, type HealthThresholds, type ScheduleHealth } from "../schedule/schedule-health";
import { declaredRating, evidenceByProject, greenerThanEvidence, type EvidenceKind } from "./declared-evidence";
import { benefitsRealisation, type BenefitsReport } from "./benefits";
import {
  computeRag,
  ragThresholdsFromSettings,
  isGreenerThan,
  type ComputedRag,
  type RagThresholds,
} from "./computed-rag";
import { earnedValueFromRegister, EV_FIGURES, type EvFigure } from "./earned-value";
import { rollups, type Rollups } from "./rollups";

/**
 * Everything `pmo analyse --json` prints (docs/conventions.md "JSON shapes"): schedule, earned value, computed RAG,
 * roll-ups, milestones and benefits at one status date. The status date is the option given
 * (the CLI passes --reporting-date or the settings' date), else the latest StatusDate in the
 * register; with neither it is null and the date-dependent figures say so.
 */
export interface AnalyseOptions {
  statusDate?: IsoDate;
  thresholds?: Partial<RagThresholds>;
  /** First month of the financial year, 1–12 (default 4, April). */
  fyStartMonth?: number;
  /** Milestones due within this many days of the status date are "upcoming" (default 30). */
  upcomingDays?: number;
  /** Schedule health (DCMA) thresholds; DCMA's published ones by default. */
  health?: Partial<HealthThresholds>;
}

const SCHEDULE_FIELDS = [
  "earlyStart",
  "earlyFinish",
  "lateStart",
  "lateFinish",
  "totalFloatDays",
  "critical",
  "network",
] as const;

export interface ProjectAnalysis extends Record<EvFigure, number | null> {
  id: string;
  name: string | null;
  programmeId: string | null;
  earlyStart: IsoDate | null;
  earlyFinish: IsoDate | null;
  lateStart: IsoDate | null;
  lateFinish: IsoDate | null;
  totalFloatDays: number | null;
  /** Null when the project could not be scheduled. */
  critical: boolean | null;
  /** Index into `networks` (null when not scheduled), and the duration the schedule used. */
  network: number | null;
  durationDays: number | null;
  pvMethod: "time-phased" | "linear" | null;
  /** Why each null figure is null, keyed by the figure's name. */
  reasons?: Record<string, string>;
}

export interface DeclaredRag {
  overall: string | null;
  cost: string | null;
  schedule: string | null;
  deliveryConfidence: string | null;
}

export interface ProjectRag {
  id: string;
  computed: ComputedRag;
  declared: DeclaredRag;
  /** Declared greener than computed ("declared Green, computed Red"), per dimension. */
  declaredGreener: { overall: boolean; cost: boolean; schedule: boolean };
  /** The evidence the declared rating is greener than, in words (declared-against-evidence; empty when it stands). */
  evidence: string[];
  /** The kinds of that evidence, once each, in the order found. */
  evidenceKinds: EvidenceKind[];
}

export interface AnalyseResult {
  statusDate: IsoDate | null;
  statusDateSource: "option" | "register" | "none";
  thresholds: RagThresholds;
  fyStartMonth: number;
  projects: ProjectAnalysis[];
  networks: ScheduleNetwork[];
  cycles: string[][];
  /** Schedule of the milestones that are linked into networks, and links the schedule could not use. */
  schedule: {
    milestones: ItemSchedule[];
    ignoredLinks: { predecessorId: string; successorId: string; dependencyId?: string; reason: string }[];
    skippedDependencies: { dependencyId: string; reason: string }[];
  };
  rag: ProjectRag[];
  rollups: Rollups;
  milestones: MilestoneReport;
  benefits: BenefitsReport;
  /** The DCMA 14-point schedule assessment, portfolio and per programme. */
  scheduleHealth: ScheduleHealth;
}

/** The one rule for the latest StatusDate (domain/status-date.ts), re-exported for the analysis's callers. */
export { latestStatusDate };

export function analyseRegister(register: Register, options: AnalyseOptions = {}): AnalyseResult {
  const fromRegister = latestStatusDate(register);
  const statusDate = options.statusDate ?? fromRegister;
  const statusDateSource = options.statusDate ? "option" : fromRegister ? "register" : "none";
  const thresholds = ragThresholdsFromSettings(options.thresholds ?? {});
  const fyStartMonth = options.fyStartMonth ?? 4;

  const inputs = scheduleInputsFromRegister(register);
  const cpm = criticalPath(inputs.items, inputs.links);
  const evidence = evidenceByProject(register, { thresholds, cpm });
  const evById = new Map(earnedValueFromRegister(register, statusDate).map((e) => [e.projectId, e]));

  const seen = new Set<string>();
  const projects: ProjectAnalysis[] = [];
  const rag: ProjectRag[] = [];
  for (const p of register.entities.Projects) {
    if (seen.has(p.id)) continue; // duplicate ids are the integrity rules' finding
    seen.add(p.id);
    const s = cpm.items[p.id];
    const ev = evById.get(p.id);
    const reasons: Record<string, string> = {};
    const scheduled = s !== undefined && s.network !== null;
    if (!scheduled) for (const f of SCHEDULE_FIELDS) reasons[f] = s?.reason ?? "not scheduled";
    if (s?.durationDays === null || s === undefined) reasons.durationDays = s?.reason ?? "not scheduled";
    const figures = {} as Record<EvFigure, number | null>;
    for (const f of EV_FIGURES) {
      figures[f] = ev ? ev[f] : null;
      const why = ev?.reasons[f];
      if (figures[f] === null && why) reasons[f] = why;
    }
    projects.push({
      id: p.id,
      name: textValue(p.values.Name),
      programmeId: textValue(p.values.ProgrammeId),
      earlyStart: s?.earlyStart ?? null,
      earlyFinish: s?.earlyFinish ?? null,
      lateStart: s?.lateStart ?? null,
      lateFinish: s?.lateFinish ?? null,
      totalFloatDays: s?.totalFloatDays ?? null,
      critical: scheduled ? s.critical : null,
      network: s?.network ?? null,
      durationDays: s?.durationDays ?? null,
      ...figures,
      pvMethod: ev?.pvMethod ?? null,
      ...(Object.keys(reasons).length ? { reasons } : {}),
    });

    const computed = computeRag(p.values, thresholds);
    const declared: DeclaredRag = {
      overall: textValue(p.values.RagOverall),
      cost: textValue(p.values.RagCost),
      schedule: textValue(p.values.RagSchedule),
      deliveryConfidence: textValue(p.values.DeliveryConfidence),
    };
    const against = greenerThanEvidence(declaredRating(p.values), evidence.get(p.id) ?? []);
    rag.push({
      id: p.id,
      computed,
      declared,
      evidence: against.map((e) => `${e.text} (${e.rating})`),
      evidenceKinds: [...new Set(against.map((e) => e.kind))],
      declaredGreener: {
        // The same rule as the Findings' governance.declared-against-evidence.
        overall: against.length > 0,
        cost: isGreenerThan(declared.cost, computed.cost.rag),
        schedule: isGreenerThan(declared.schedule, computed.schedule.rag),
      },
    });
  }

  return {
    statusDate,
    statusDateSource,
    thresholds,
    fyStartMonth,
    projects,
    networks: cpm.networks,
    cycles: cpm.cycles,
    schedule: {
      milestones: inputs.items.filter((i) => i.kind === "milestone").map((i) => cpm.items[i.id]),
      ignoredLinks: cpm.ignoredLinks.map(({ link, reason }) => ({
        predecessorId: link.predecessorId,
        successorId: link.successorId,
        ...(link.dependencyId ? { dependencyId: link.dependencyId } : {}),
        reason,
      })),
      skippedDependencies: inputs.skipped,
    },
    rag,
    rollups: rollups(register, { fyStartMonth, statusDate }),
    milestones: analyseMilestones(register, statusDate, { upcomingDays: options.upcomingDays ?? 30 }),
    benefits: benefitsRealisation(register, { fyStartMonth }),
    scheduleHealth: scheduleHealth(register, { statusDate, thresholds: options.health, cpm }),
  };
}
