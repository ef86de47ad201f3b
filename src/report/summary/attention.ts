import type { CapacityPlan } from "../../analysis/capacity/capacity-plan";
import { epochDay, type IsoDate } from "../../domain/dates";
import { textValue } from "../../domain/register";
import { plural, signedPctText } from "./figures";
import type { ProgrammeSummary, SummaryInputs } from "./summary-model";

/** One project the board should look at, with the evidence in words. */
export interface AttentionLine {
  id: string;
  /** "Name (ID)", or the id when the project has no name. */
  label: string;
  programme: string;
  manager: string | null;
  sro: string | null;
  declared: string | null;
  computed: string | null;
  /** Why, from the evidence: cost variance, slipped critical milestone, over-allocated role, stale status. */
  reasons: string[];
  /** What the project asks of the board (the DecisionRequired field), if anything. */
  decision: string | null;
  /** Sort weight: computed Red and greener-than-evidence first. */
  weight: number;
}

export function nameAndId(name: string | null, id: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}

/**
 * The projects that need attention, worst first: computed Red, declared greener than the numbers,
 * a cost variance past the red tolerance, a slipped milestone on the critical path, a role
 * over-allocated by the project's demand, a status older than the staleness limit, or a decision
 * asked of the board. Each reason is a sentence built from the figure behind it.
 */
export function projectsNeedingAttention(
  inputs: SummaryInputs,
  programmes: ProgrammeSummary[],
  capacity: CapacityPlan,
): AttentionLine[] {
  const { register, analysis, settings } = inputs;
  const g = settings.general;
  const records = new Map(register.entities.Projects.map((p) => [p.id, p]));
  const critical = new Set(analysis.schedule.milestones.filter((m) => m.critical).map((m) => m.id));
  const worstSlip = new Map<string, { name: string; days: number; critical: boolean }>();
  for (const m of analysis.milestones.milestones) {
    if (!m.projectId || !m.slipped || m.slipDays === null || m.actualDate) continue;
    const prev = worstSlip.get(m.projectId);
    const isCritical = critical.has(m.id);
    if (!prev || (isCritical && !prev.critical) || (isCritical === prev.critical && m.slipDays > prev.days))
      worstSlip.set(m.projectId, { name: nameAndId(m.name, m.id), days: m.slipDays, critical: isCritical });
  }
  const overloads = new Map<string, string[]>();
  for (const h of capacity.hotspots) {
    if (h.band !== "red" && h.band !== "no capacity") continue;
    for (const t of h.topProjects) {
      const list = overloads.get(t.id) ?? [];
      if (!list.some((x) => x.startsWith(`${h.role} `))) list.push(`${h.role} in ${h.month}`);
      overloads.set(t.id, list);
    }
  }
  const out: AttentionLine[] = [];
  for (const prog of programmes) {
    for (const p of prog.projects) {
      const record = records.get(p.id);
      if (!record) continue;
      const reasons: string[] = [];
      let weight = 0;
      if (p.computed === "Red") weight += 4;
      if (p.declaredGreener) {
        weight += 3;
        reasons.push(`declared ${p.declared ?? p.confidence ?? "greener"} but the numbers say ${p.computed}`);
      }
      if (p.variancePct !== null && p.variancePct > g.costAmberPct) {
        weight += p.variancePct > g.costRedPct ? 2 : 1;
        reasons.push(`cost ${signedPctText(p.variancePct)} against budget`);
      }
      const slip = worstSlip.get(p.id);
      if (slip && (slip.critical || slip.days > g.scheduleAmberDays)) {
        weight += slip.critical ? 2 : 1;
        reasons.push(`${slip.critical ? "critical " : ""}milestone ${slip.name} ${plural(slip.days, "day")} late`);
      } else if (p.slipDays !== null && p.slipDays > g.scheduleAmberDays) {
        weight += 1;
        reasons.push(`finish ${plural(p.slipDays, "day")} late`);
      }
      const roles = overloads.get(p.id);
      if (roles) {
        weight += 1;
        reasons.push(`drives an overload of ${roles.slice(0, 2).join(" and ")}${roles.length > 2 ? " and more" : ""}`);
      }
      const statusDate = textValue(record.values.StatusDate);
      const live = (p.status ?? "Active") === "Active" && p.stage !== "Closure";
      if (live && statusDate && /^\d{4}-\d{2}-\d{2}$/.test(statusDate)) {
        const age = epochDay(inputs.reportingDate) - epochDay(statusDate as IsoDate);
        if (age > g.staleStatusDays) {
          weight += 1;
          reasons.push(`status not updated for ${plural(age, "day")} (last ${statusDate})`);
        }
      }
      const decision = textValue(record.values.DecisionRequired);
      if (decision) weight += 1;
      if (reasons.length === 0 && !decision && p.computed !== "Red") continue;
      if (reasons.length === 0 && p.computed === "Red") reasons.push("computed Red");
      out.push({
        id: p.id,
        label: nameAndId(p.name, p.id),
        programme: prog.name,
        manager: p.manager,
        sro: textValue(record.values.Sponsor),
        declared: p.declared ?? p.confidence,
        computed: p.computed,
        reasons,
        decision,
        weight,
      });
    }
  }
  return out.sort((a, b) => b.weight - a.weight || (a.id < b.id ? -1 : 1));
}
