import { daysBetween, isIsoDate, type IsoDate } from "../../domain/dates";
import { textValue, type Register } from "../../domain/register";
import type { EntityName } from "../../domain/schema";
import type { CriticalPathResult } from "../schedule/critical-path";
import { negativeFloatDays } from "../schedule/schedule-health";
import { computeRag, ragRank, type RagThresholds } from "./computed-rag";

/**
 * Declared against evidence: the one rule behind the Findings' `governance.declared-against-evidence`
 * and the pack's "declares greener than its numbers". A project's declared rating (RagOverall, else
 * its delivery confidence) is greener than the evidence when any piece of evidence rates lower on the
 * five-point scale: cost variance past tolerance (the computed cost RAG), finish slip past tolerance
 * (the computed schedule RAG), a critical milestone slipped (a gate, or on a critical path), an
 * Amber or Red delivery confidence assessment, or negative float against a required-by date.
 */
export type EvidenceKind = "cost" | "schedule" | "milestone" | "dca" | "negative-float";

export interface EvidenceItem {
  kind: EvidenceKind;
  /** Position on the five-point scale: Red 0, Amber/Red 1, Amber 2, Amber/Green 3, Green 4. */
  rank: number;
  /** The rating the evidence amounts to ("Red", "Amber", or the DCA as recorded). */
  rating: string;
  /** The record and cell the evidence stands in. */
  entity: EntityName;
  id: string;
  field: string;
  /** The evidence in words, with its figures. */
  text: string;
}

export interface DeclaredRating {
  field: "RagOverall" | "DeliveryConfidence";
  value: string;
  rank: number;
}

const RANK = { Red: 0, Amber: 2 } as const;

/** The rating a project declares: RagOverall, else its delivery confidence; null when neither is readable. */
export function declaredRating(values: Record<string, unknown>): DeclaredRating | null {
  for (const field of ["RagOverall", "DeliveryConfidence"] as const) {
    const value = textValue(values[field] as string | number | null | undefined);
    const rank = ragRank(value);
    if (value !== null && rank !== null) return { field, value, rank };
  }
  return null;
}

/** The evidence the declared rating is greener than (empty when the declaration stands). */
export function greenerThanEvidence(
  declared: DeclaredRating | null,
  evidence: readonly EvidenceItem[],
): EvidenceItem[] {
  if (declared === null) return [];
  return evidence.filter(
    (e) => !(declared.field === "DeliveryConfidence" && e.kind === "dca") && e.rank < declared.rank,
  );
}

const signedPct = (x: number): string => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} %`;

/** Every project's evidence, by project id. `cpm` is the portfolio's critical path result. */
export function evidenceByProject(
  register: Register,
  options: { thresholds: RagThresholds; cpm: CriticalPathResult },
): Map<string, EvidenceItem[]> {
  const t = options.thresholds;
  const out = new Map<string, EvidenceItem[]>();
  const projectOfMilestone = new Map<string, string>();
  for (const p of register.entities.Projects) {
    if (out.has(p.id)) continue;
    const list: EvidenceItem[] = [];
    out.set(p.id, list);
    const rag = computeRag(p.values, t);
    if (rag.cost.rag === "Red" || rag.cost.rag === "Amber")
      list.push({
        kind: "cost",
        rank: RANK[rag.cost.rag],
        rating: rag.cost.rag,
        entity: "Projects",
        id: p.id,
        field: "ForecastCost",
        text: `forecast ${signedPct(rag.cost.variancePct!)} against budget (tolerance ${(t.costAmberPct * 100).toFixed(0)} %)`,
      });
    if (rag.schedule.rag === "Red" || rag.schedule.rag === "Amber")
      list.push({
        kind: "schedule",
        rank: RANK[rag.schedule.rag],
        rating: rag.schedule.rag,
        entity: "Projects",
        id: p.id,
        field: "ForecastFinish",
        text: `finish ${rag.schedule.slipDays} days after baseline (tolerance ${t.scheduleAmberDays} days)`,
      });
    const overall = textValue(p.values.RagOverall);
    const dca = textValue(p.values.DeliveryConfidence);
    const dcaRank = ragRank(dca);
    if (overall !== null && dca !== null && dcaRank !== null && dcaRank <= RANK.Amber)
      list.push({
        kind: "dca",
        rank: dcaRank,
        rating: dca,
        entity: "Projects",
        id: p.id,
        field: "DeliveryConfidence",
        text: `delivery confidence assessment ${dca}`,
      });
  }
  register.entities.Milestones.forEach((m) => {
    const pid = textValue(m.values.ProjectId);
    const list = pid === null ? undefined : out.get(pid);
    if (pid === null || !list) return;
    projectOfMilestone.set(m.id, pid);
    const gate = (textValue(m.values.IsGate) ?? "").toLowerCase() === "yes";
    const critical = options.cpm.items[m.id]?.critical === true;
    if (!gate && !critical) return;
    const baseline = m.values.BaselineDate;
    const actual = isIsoDate(m.values.ActualDate) ? m.values.ActualDate : null;
    const moved = actual ?? (isIsoDate(m.values.ForecastDate) ? m.values.ForecastDate : null);
    if (!isIsoDate(baseline) || moved === null) return;
    const slip = daysBetween(baseline, moved);
    if (slip <= 0) return;
    const rating = slip > t.scheduleRedDays ? "Red" : "Amber";
    list.push({
      kind: "milestone",
      rank: RANK[rating],
      rating,
      entity: "Milestones",
      id: m.id,
      field: actual ? "ActualDate" : "ForecastDate",
      text: `${gate ? "gate" : "critical"} milestone ${m.id} ${slip} days after its baseline ${baseline}`,
    });
  });
  const flagged = new Set<string>();
  const finishes = register.entities.Dependencies.length > 0 ? finishesById(register) : new Map<string, Dated>();
  for (const d of register.entities.Dependencies) {
    const requiredBy = d.values.RequiredBy;
    const pred = textValue(d.values.PredecessorId);
    if (!isIsoDate(requiredBy) || pred === null) continue;
    const projectId = out.has(pred) ? pred : projectOfMilestone.get(pred);
    if (projectId === undefined || flagged.has(projectId)) continue;
    const finish = finishes.get(pred);
    if (!finish || finish.done) continue;
    const type = (textValue(d.values.Type) ?? "FS").toUpperCase();
    if (!["FS", "SS", "FF", "SF"].includes(type)) continue;
    const lag = typeof d.values.LagDays === "number" ? d.values.LagDays : 0;
    const float = negativeFloatDays(finish.item, options.cpm, { type, lag, requiredBy });
    if (float === null || float >= 0) continue;
    flagged.add(projectId);
    out.get(projectId)!.push({
      kind: "negative-float",
      rank: RANK.Red,
      rating: "Red",
      entity: "Dependencies",
      id: d.id,
      field: "RequiredBy",
      text: `negative float: ${pred} ${type === "SS" || type === "SF" ? "starts" : "finishes"} ${-float} days too late for ${requiredBy}, the date dependency ${d.id} needs it by`,
    });
  }
  return out;
}

/** Each project's and milestone's forecast finish, and whether it has finished (first record per id). */
type Dated = { item: { id: string; forecastStart: IsoDate | null; forecastFinish: IsoDate | null }; done: boolean };
function finishesById(register: Register): Map<string, Dated> {
  const out = new Map<string, Dated>();
  const d = (v: unknown): IsoDate | null => (isIsoDate(v) ? v : null);
  for (const p of register.entities.Projects) {
    const item = { id: p.id, forecastStart: d(p.values.ForecastStart), forecastFinish: d(p.values.ForecastFinish) };
    if (!out.has(p.id)) out.set(p.id, { item, done: isIsoDate(p.values.ActualFinish) });
  }
  for (const m of register.entities.Milestones) {
    const f = d(m.values.ForecastDate);
    if (!out.has(m.id))
      out.set(m.id, { item: { id: m.id, forecastStart: f, forecastFinish: f }, done: isIsoDate(m.values.ActualDate) });
  }
  return out;
}

/** The evidence's kinds in words without figures, for sentences that quote only what their sheet shows. */
export const EVIDENCE_WORDS: Record<EvidenceKind, string> = {
  cost: "cost past tolerance",
  schedule: "finish slipped past tolerance",
  milestone: "a critical milestone slipped",
  dca: "its delivery confidence",
  "negative-float": "negative float",
};

/** "forecast +12.0 % against budget (Red); gate milestone M3 20 days after its baseline (Amber)". */
export function evidenceText(evidence: readonly EvidenceItem[]): string {
  return evidence.map((e) => `${e.text} (${e.rating})`).join("; ");
}
