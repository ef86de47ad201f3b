import type { CapacityPlan } from "../../analysis/capacity/capacity-plan";
import { EVIDENCE_WORDS } from "../../analysis/finance/declared-evidence";
import type { AnalyseResult } from "../../analysis/finance/analyse-register";
import type { MoneyFigures } from "../../analysis/finance/rollups";
import type { SelectionResult } from "../../analysis/prioritise/selection-types";
import type { RankingResult } from "../../analysis/prioritise/types";
import { NO_PROGRAMME } from "../../analysis/schedule/milestones";
import type { IsoDate } from "../../domain/dates";
import type { EntityRecord, Register } from "../../domain/register";
import { numberValue, textValue } from "../../domain/register";
import type { Settings } from "../../domain/settings";
import type { ValidationResult } from "../../standards/types";

/** Everything the summary workbook is made from: the register and every analysis of it. */
export interface SummaryInputs {
  register: Register;
  settings: Settings;
  generatedAt: string;
  reportingDate: IsoDate;
  reportingDateSource: string;
  /** The register's file name (so findings can say where to fix things). */
  registerLabel: string;
  validation: ValidationResult;
  analysis: AnalyseResult;
  ranking: RankingResult;
  rankingMethod: string;
  selection?: SelectionResult;
  capacity: CapacityPlan;
}

export interface ProjectLine {
  id: string;
  name: string | null;
  stage: string | null;
  status: string | null;
  manager: string | null;
  declared: string | null;
  confidence: string | null;
  computed: string | null;
  rank: number | null;
  score: number | null;
  selected: boolean | null;
  budget: number | null;
  actual: number | null;
  forecast: number | null;
  variance: number | null;
  variancePct: number | null;
  slipDays: number | null;
  forecastFinish: IsoDate | null;
  declaredGreener: boolean;
  /** What the declared rating is greener than, in words without figures (declared-against-evidence). */
  evidence: string[];
}

export interface RiskLine {
  id: string;
  projectId: string | null;
  title: string | null;
  exposure: number | null;
  owner: string | null;
  response: string | null;
}

export interface MilestoneLine {
  id: string;
  projectId: string | null;
  name: string | null;
  baseline: IsoDate | null;
  forecast: IsoDate | null;
  slipDays: number | null;
  /** The worst that is true of it: overdue, else slipped, else upcoming (due soon, on time). */
  state: "slipped" | "overdue" | "upcoming";
  /** Due within the upcoming window and not achieved, whether or not it has slipped. */
  upcoming: boolean;
}

export interface DependencyLine {
  id: string;
  predecessor: string;
  successor: string;
  type: string | null;
  requiredBy: IsoDate | null;
  why: string;
}

export interface BenefitSummary {
  planned: number;
  realised: number;
  realisationPct: number | null;
  lines: {
    id: string;
    description: string | null;
    planned: number | null;
    realised: number | null;
    date: IsoDate | null;
    status: string | null;
  }[];
}

export interface ProgrammeSummary {
  id: string;
  name: string;
  sro: string | null;
  manager: string | null;
  objective: string | null;
  projects: ProjectLine[];
  money: MoneyFigures;
  risks: RiskLine[];
  milestones: MilestoneLine[];
  dependencies: DependencyLine[];
  benefits: BenefitSummary;
  score: number | null;
  findings: { errors: number; warnings: number };
}

const TOP_RISKS = 5;

function projectLine(
  p: EntityRecord<"Projects">,
  inputs: SummaryInputs,
  rankOf: Map<string, { rank: number; score: number }>,
  selected: Set<string> | null,
): ProjectLine {
  const rag = inputs.analysis.rag.find((r) => r.id === p.id);
  const r = rankOf.get(p.id);
  const budget = numberValue(p.values.Budget);
  const forecast = numberValue(p.values.ForecastCost);
  const variance = budget !== null && forecast !== null ? forecast - budget : null;
  return {
    id: p.id,
    name: textValue(p.values.Name),
    stage: textValue(p.values.Stage),
    status: textValue(p.values.Status),
    manager: textValue(p.values.ProjectManager),
    declared: textValue(p.values.RagOverall),
    confidence: textValue(p.values.DeliveryConfidence),
    computed: rag?.computed.overall.rag ?? null,
    rank: r?.rank ?? null,
    score: r?.score ?? null,
    selected: selected ? selected.has(p.id) : null,
    budget,
    actual: numberValue(p.values.ActualCost),
    forecast,
    variance,
    variancePct: variance !== null && budget ? variance / budget : null,
    slipDays: rag?.computed.schedule.slipDays ?? null,
    forecastFinish: rag?.computed.schedule.forecastFinish ?? null,
    declaredGreener: rag?.declaredGreener.overall ?? false,
    evidence: (rag?.evidenceKinds ?? []).map((k) => EVIDENCE_WORDS[k]),
  };
}

/** Groups everything by programme; projects without a (known) programme form their own group. */
export function summariseProgrammes(inputs: SummaryInputs): ProgrammeSummary[] {
  const { register, analysis, validation } = inputs;
  const rankOf = new Map(inputs.ranking.ranking.map((r) => [r.id, { rank: r.rank, score: r.score }]));
  const selected =
    inputs.selection && (inputs.selection.status === "optimal" || inputs.selection.status === "feasible")
      ? new Set(inputs.selection.selected)
      : null;
  const programmes = register.entities.Programmes;
  const known = new Set(programmes.map((p) => p.id));
  const groupOf = (programmeId: string | null) => (programmeId && known.has(programmeId) ? programmeId : NO_PROGRAMME);
  const projectGroup = new Map(register.entities.Projects.map((p) => [p.id, groupOf(textValue(p.values.ProgrammeId))]));
  const groups: { id: string; record: EntityRecord<"Programmes"> | null }[] = programmes.map((p) => ({
    id: p.id,
    record: p,
  }));
  if ([...projectGroup.values()].includes(NO_PROGRAMME)) groups.push({ id: NO_PROGRAMME, record: null });
  const seen = new Set<string>();

  return groups
    .filter((g) => (seen.has(g.id) ? false : (seen.add(g.id), true)))
    .map(({ id, record }) => {
      const projects = register.entities.Projects.filter((p) => projectGroup.get(p.id) === id).map((p) =>
        projectLine(p, inputs, rankOf, selected),
      );
      const ids = new Set(projects.map((p) => p.id));
      const rollup = analysis.rollups.programmes.find((g) => g.id === id);
      const money: MoneyFigures = rollup?.totals ?? {
        budget: 0,
        actual: 0,
        forecast: 0,
        outturn: 0,
        variance: null,
        variancePct: null,
        reason: "no projects",
      };
      const risks: RiskLine[] = register.entities.Risks.filter((r) => {
        const pid = textValue(r.values.ProjectId);
        return (pid !== null && ids.has(pid)) || (pid === null && textValue(r.values.ProgrammeId) === id);
      })
        .filter((r) => textValue(r.values.Status) !== "Closed")
        .map((r) => ({
          id: r.id,
          projectId: textValue(r.values.ProjectId),
          title: textValue(r.values.Title),
          exposure:
            numberValue(r.values.Exposure) ??
            (numberValue(r.values.Probability) ?? 0) * (numberValue(r.values.Impact) ?? 0),
          owner: textValue(r.values.Owner),
          response: textValue(r.values.Response),
        }))
        .sort((a, b) => (b.exposure ?? 0) - (a.exposure ?? 0) || (a.id < b.id ? -1 : 1))
        .slice(0, TOP_RISKS);
      const milestones: MilestoneLine[] = analysis.milestones.milestones
        .filter((m) => m.projectId !== null && ids.has(m.projectId) && (m.slipped || m.overdue || m.upcoming))
        .map((m) => ({
          id: m.id,
          projectId: m.projectId,
          name: m.name,
          baseline: m.baselineDate,
          forecast: m.actualDate ?? m.forecastDate,
          slipDays: m.slipDays,
          state: m.overdue ? ("overdue" as const) : m.slipped ? ("slipped" as const) : ("upcoming" as const),
          upcoming: m.upcoming,
        }))
        .sort(
          (a, b) => order(a.state) - order(b.state) || (b.slipDays ?? 0) - (a.slipDays ?? 0) || (a.id < b.id ? -1 : 1),
        );
      const benefitGroup = analysis.benefits.programmes.find((g) => g.id === id);
      const benefitLines = analysis.benefits.benefits.filter(
        (b) => (b.programmeId ?? NO_PROGRAMME) === id || (b.projectId !== null && ids.has(b.projectId)),
      );
      return {
        id,
        name: record ? (textValue(record.values.Name) ?? id) : "Projects without a programme",
        sro: record ? textValue(record.values.SRO) : null,
        manager: record ? textValue(record.values.ProgrammeManager) : null,
        objective: record ? textValue(record.values.StrategicObjective) : null,
        projects,
        money,
        risks,
        milestones,
        dependencies: dependenciesAtRisk(register, ids, inputs.reportingDate, analysis),
        benefits: {
          planned: benefitGroup?.totals.planned ?? 0,
          realised: benefitGroup?.totals.realised ?? 0,
          realisationPct: benefitGroup?.totals.realisationPct ?? null,
          lines: benefitLines.map((b) => ({
            id: b.id,
            description: b.description,
            planned: b.planned,
            realised: b.realised,
            date: b.plannedDate,
            status: b.status,
          })),
        },
        score: record ? (validation.score.byProgramme[id] ?? null) : null,
        findings: {
          errors: validation.findings.filter(
            (f) =>
              f.severity === "error" &&
              ((f.entity === "Projects" && ids.has(f.id)) || (f.entity === "Programmes" && f.id === id)),
          ).length,
          warnings: validation.findings.filter(
            (f) =>
              f.severity === "warning" &&
              ((f.entity === "Projects" && ids.has(f.id)) || (f.entity === "Programmes" && f.id === id)),
          ).length,
        },
      };
    });
}

function order(state: MilestoneLine["state"]): number {
  return state === "overdue" ? 0 : state === "slipped" ? 1 : 2;
}

/**
 * Dependencies at risk: marked At Risk, needed by a date the predecessor's forecast misses, or a
 * finish-to-start link whose successor starts before its predecessor finishes.
 */
function dependenciesAtRisk(
  register: Register,
  ids: Set<string>,
  reportingDate: IsoDate,
  analysis: AnalyseResult,
): DependencyLine[] {
  const finish = new Map<string, IsoDate | null>();
  const start = new Map<string, IsoDate | null>();
  for (const p of register.entities.Projects) {
    finish.set(p.id, textValue(p.values.ForecastFinish) ?? textValue(p.values.BaselineFinish));
    start.set(p.id, textValue(p.values.ForecastStart) ?? textValue(p.values.BaselineStart));
  }
  for (const m of analysis.milestones.milestones) {
    finish.set(m.id, m.actualDate ?? m.forecastDate);
    start.set(m.id, m.actualDate ?? m.forecastDate);
  }
  const out: DependencyLine[] = [];
  for (const d of register.entities.Dependencies) {
    const pred = textValue(d.values.PredecessorId);
    const succ = textValue(d.values.SuccessorId);
    if (!pred || !succ || !(ids.has(pred) || ids.has(succ))) continue;
    const status = textValue(d.values.Status);
    if (status === "Met" || status === "Closed") continue;
    const type = textValue(d.values.Type);
    const requiredBy = textValue(d.values.RequiredBy);
    const pf = finish.get(pred) ?? null;
    const ss = start.get(succ) ?? null;
    let why: string | null = null;
    if (status === "At Risk") why = "marked At Risk";
    else if (requiredBy && pf && pf > requiredBy) why = `${pred} finishes ${pf}, after it is required (${requiredBy})`;
    else if (requiredBy && requiredBy < reportingDate && (!pf || pf > reportingDate))
      why = `required by ${requiredBy}, now past`;
    else if ((type ?? "FS") === "FS" && pf && ss && ss < pf)
      why = `${succ} starts ${ss}, before ${pred} finishes ${pf}`;
    if (why) out.push({ id: d.id, predecessor: pred, successor: succ, type, requiredBy, why });
  }
  return out;
}
