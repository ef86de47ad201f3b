import { evidenceText, declaredRating, greenerThanEvidence } from "../../analysis/finance/declared-evidence";
import { daysBetween } from "../../domain/dates";
import { isBlank, valueAt, type RegisterRecord } from "../../domain/register";
import type { EntityName } from "../../domain/schema";
import type { RuleContext, RuleDef } from "../rule-kit";
import { date, eq, isClosedStatus, label, money, num, txt } from "../rule-kit";

/**
 * The standards a controlling PMO is assessed against, beyond the register's own data standard:
 * GMPP's variance narrative, MSP's benefits management (DOAM), the Government Functional Standard
 * GovS 002's mandatory roles, and a declared rating held against its evidence.
 */
const GMPP = "GMPP variance narrative";
const MSP = "MSP benefits management (DOAM)";
const GOVS = "GovS 002";
const EVIDENCE = "GovS 002 (assurance: declared against evidence)";

const pctText = (x: number): string => `${x >= 0 ? "+" : ""}${(x * 100).toFixed(1)} %`;

/** The three parts of a variance narrative: a field each, or a labelled part of the status commentary. */
const NARRATIVE = [
  { part: "cause", field: "VarianceCause", label: /\b(?:root\s+)?cause\s*[:\-–—]\s*\S/i },
  { part: "impact", field: "VarianceImpact", label: /\bimpact\s*[:\-–—]\s*\S/i },
  {
    part: "corrective action",
    field: "CorrectiveAction",
    label: /\b(?:corrective|recovery|remedial)\s+actions?\s*[:\-–—]\s*\S|\bactions?\s*[:\-–—]\s*\S/i,
  },
] as const;

/** The variances of one project past the narrative threshold, in words ("cost (cumulative) +12.0 %"). */
function variancesPast(ctx: RuleContext, r: RegisterRecord, limit: number, periodRows: RegisterRecord[]): string[] {
  const out: string[] = [];
  const budget = num(r, "Budget");
  const forecast = num(r, "ForecastCost");
  if (budget !== null && forecast !== null && budget > 0) {
    const v = (forecast - budget) / budget;
    if (Math.abs(v) > limit) out.push(`cost (cumulative) ${pctText(v)}`);
  }
  if (periodRows.length > 0) {
    let b = 0;
    let a = 0;
    let counted = 0;
    for (const f of periodRows) {
      const fb = num(f, "Budget");
      const fa = num(f, "Actual");
      if (fb === null || fa === null) continue;
      b += fb;
      a += fa;
      counted++;
    }
    if (counted > 0 && b > 0) {
      const v = (a - b) / b;
      if (Math.abs(v) > limit) out.push(`cost (period ${ctx.reportingDate!.slice(0, 7)}) ${pctText(v)}`);
    }
  }
  const bs = date(r, "BaselineStart");
  const bf = date(r, "BaselineFinish");
  const ff = date(r, "ForecastFinish") ?? date(r, "ActualFinish");
  if (bs && bf && ff && bf > bs) {
    const v = daysBetween(bf, ff) / daysBetween(bs, bf);
    if (Math.abs(v) > limit)
      out.push(`schedule (cumulative) ${pctText(v)} of the baseline duration (${daysBetween(bf, ff)} days)`);
  }
  return out;
}

/** Benefits due by the reporting date, planned against realised, per project (for the benefit variance). */
function benefitVariance(ctx: RuleContext, projectId: string, limit: number): string | null {
  if (ctx.reportingDate === null) return null;
  let planned = 0;
  let realised = 0;
  let counted = 0;
  for (const b of ctx.register.entities.Benefits) {
    if (txt(b, "ProjectId") !== projectId) continue;
    const due = date(b, "PlannedDate");
    const p = num(b, "PlannedValue");
    if (!due || due > ctx.reportingDate || p === null) continue;
    planned += p;
    realised += num(b, "RealisedValue") ?? 0;
    counted++;
  }
  if (counted === 0 || planned <= 0) return null;
  const v = (realised - planned) / planned;
  return Math.abs(v) > limit ? `benefits due by ${ctx.reportingDate} (cumulative) ${pctText(v)}` : null;
}

const personKey = (s: string): string => s.trim().replace(/\s+/g, " ").toLowerCase();

export const ASSURANCE_RULES: RuleDef[] = [
  {
    id: "governance.variance-narrative",
    family: "governance",
    entities: ["Projects", "Financials", "Benefits"],
    fields: ["VarianceCause", "VarianceImpact", "CorrectiveAction", "StatusCommentary"],
    description:
      "A cost, schedule or benefit variance past narrativeVariancePct (default 5 %), for the period or cumulative, has a narrative: cause, impact and corrective action (three fields, or labelled Cause: / Impact: / Corrective action: in the status commentary).",
    parameters: ["narrativeVariancePct", "reportingDate"],
    source: GMPP,
    run(ctx, emit) {
      const limit = ctx.settings.general.narrativeVariancePct;
      const month = ctx.reportingDate?.slice(0, 7) ?? null;
      const periodRows = new Map<string, RegisterRecord[]>();
      if (month !== null)
        for (const f of ctx.register.entities.Financials) {
          const pid = txt(f, "ProjectId");
          const period = date(f, "Period");
          if (pid === null || period === null || period.slice(0, 7) !== month) continue;
          const list = periodRows.get(pid);
          if (list) list.push(f);
          else periodRows.set(pid, [f]);
        }
      ctx.register.entities.Projects.forEach((r, i) => {
        const past = variancesPast(ctx, r, limit, periodRows.get(r.id) ?? []);
        const benefit = benefitVariance(ctx, r.id, limit);
        if (benefit) past.push(benefit);
        if (past.length === 0) return;
        const commentary = txt(r, "StatusCommentary") ?? "";
        for (const n of NARRATIVE) {
          if (!isBlank(r.values[n.field]) || n.label.test(commentary)) emit.pass("Projects", i);
          else
            emit.fail(
              "Projects",
              i,
              n.field,
              `${label("Projects", r)} has a variance past ${(limit * 100).toFixed(0)} % (${past.join("; ")}) and its narrative gives no ${n.part}: fill ${n.field}, or write "${n.part.charAt(0).toUpperCase()}${n.part.slice(1)}: …" in StatusCommentary.`,
            );
        }
      });
    },
  },
  {
    id: "governance.benefit-owner-measure",
    family: "governance",
    entities: ["Benefits"],
    fields: ["Owner", "Measure"],
    description: "Every benefit has an owner and a measure (MSP: attributable and measurable).",
    source: MSP,
    run(ctx, emit) {
      ctx.register.entities.Benefits.forEach((b, i) => {
        for (const [field, why] of [
          ["Owner", "name the benefit owner who is accountable for realising it"],
          ["Measure", "say how it will be measured (the KPI or observation)"],
        ] as const) {
          if (!isBlank(valueAt(b, field))) emit.pass("Benefits", i);
          else emit.fail("Benefits", i, field, `${label("Benefits", b)} has no ${field.toLowerCase()}: ${why}.`);
        }
      });
    },
  },
  {
    id: "completeness.benefit-profile",
    family: "completeness",
    entities: ["Benefits"],
    fields: ["Category", "Baseline", "BaselineDate", "Target", "RealisationStart", "RealisationFinish"],
    description:
      "Every benefit has a type (Category), a realisation window and, unless qualitative, a baseline value and date and a target (MSP: described, observable, measurable).",
    severity: { supportive: "info", controlling: "warning", directive: "error" },
    source: MSP,
    run(ctx, emit) {
      ctx.register.entities.Benefits.forEach((b, i) => {
        const qualitative = eq(txt(b, "Category"), "Qualitative");
        const fields: [string, string][] = [
          ["Category", "its type (Cash-releasing, Non-cash or Qualitative)"],
          ["RealisationStart", "when realisation starts"],
          ["RealisationFinish", "when realisation ends"],
        ];
        if (!qualitative)
          fields.push(
            ["Baseline", "the measure's baseline value"],
            ["BaselineDate", "the date that baseline was measured"],
            ["Target", "the measure's target"],
          );
        for (const [field, what] of fields) {
          if (!isBlank(valueAt(b, field))) emit.pass("Benefits", i);
          else emit.fail("Benefits", i, field, `${label("Benefits", b)} has no ${field}: record ${what}.`);
        }
      });
    },
  },
  {
    id: "consistency.dis-benefit",
    family: "consistency",
    entities: ["Benefits"],
    fields: ["PlannedValue", "DisBenefit"],
    description: "A benefit with a negative planned value is recorded as a dis-benefit (DisBenefit = Yes).",
    source: MSP,
    run(ctx, emit) {
      ctx.register.entities.Benefits.forEach((b, i) => {
        const v = num(b, "PlannedValue");
        if (v === null || v >= 0) return;
        if (eq(txt(b, "DisBenefit"), "Yes")) emit.pass("Benefits", i);
        else
          emit.fail(
            "Benefits",
            i,
            "DisBenefit",
            `${label("Benefits", b)} plans ${money(ctx.settings, v)}, a loss, but is not marked as a dis-benefit: set DisBenefit to Yes (MSP records dis-benefits as such) or correct the value.`,
            { value: txt(b, "DisBenefit") },
          );
      });
    },
  },
  {
    id: "governance.benefits-cover-case",
    family: "governance",
    entities: ["Programmes", "Benefits", "Projects"],
    fields: ["BudgetEnvelope", "PlannedValue"],
    description:
      "A programme's planned benefits (less dis-benefits) are at least benefitCostRatio (default 1) times its cost: its BudgetEnvelope, else its projects' budgets.",
    severity: { supportive: "info", controlling: "warning", directive: "error" },
    parameters: ["benefitCostRatio"],
    source: MSP,
    run(ctx, emit) {
      const ratio = ctx.settings.general.benefitCostRatio;
      const projectsOf = new Map<string, string[]>();
      const budgets = new Map<string, number>();
      for (const p of ctx.register.entities.Projects) {
        const pg = txt(p, "ProgrammeId");
        if (pg === null) continue;
        projectsOf.set(pg, [...(projectsOf.get(pg) ?? []), p.id]);
        budgets.set(pg, (budgets.get(pg) ?? 0) + (num(p, "Budget") ?? 0));
      }
      const programmeOfProject = new Map<string, string>();
      for (const [pg, ids] of projectsOf) for (const id of ids) programmeOfProject.set(id, pg);
      const benefits = new Map<string, number>();
      for (const b of ctx.register.entities.Benefits) {
        const pid = txt(b, "ProjectId");
        const pg = txt(b, "ProgrammeId") ?? (pid === null ? undefined : programmeOfProject.get(pid));
        const v = num(b, "PlannedValue");
        if (!pg || v === null) continue;
        const signed = eq(txt(b, "DisBenefit"), "Yes") ? -Math.abs(v) : v;
        benefits.set(pg, (benefits.get(pg) ?? 0) + signed);
      }
      ctx.register.entities.Programmes.forEach((pg, i) => {
        const envelope = num(pg, "BudgetEnvelope");
        const cost = envelope ?? budgets.get(pg.id) ?? null;
        if (cost === null || cost <= 0) return;
        const planned = benefits.get(pg.id) ?? 0;
        if (planned >= ratio * cost) emit.pass("Programmes", i);
        else
          emit.fail(
            "Programmes",
            i,
            envelope !== null ? "BudgetEnvelope" : "ProgrammeId",
            `${label("Programmes", pg)} plans ${money(ctx.settings, planned)} of benefits against a cost of ${money(ctx.settings, cost)} (${envelope !== null ? "its budget envelope" : "its projects' budgets"}), below ${ratio} × cost: record the benefits its business case claims, or review the case.`,
          );
      });
    },
  },
  {
    id: "governance.project-roles",
    family: "governance",
    entities: ["Projects"],
    fields: ["Sponsor", "ProjectManager"],
    description:
      "Every project that is not cancelled names its senior responsible owner (Sponsor) and its project manager (GovS 002 mandatory roles), in every stage; where the stage gate requires the role, completeness.stage-gate reports it.",
    source: GOVS,
    run(ctx, emit) {
      ctx.register.entities.Projects.forEach((r, i) => {
        if (eq(txt(r, "Status"), "Cancelled")) return;
        // Where the project's stage gate already requires the role, completeness.stage-gate reports it.
        const stage = txt(r, "Stage");
        const gated = (stage !== null && ctx.settings.stageGates[stage]) || [];
        for (const [field, role] of [
          ["Sponsor", "senior responsible owner (SRO) or sponsor"],
          ["ProjectManager", "project manager"],
        ] as const) {
          if (gated.includes(field)) continue;
          if (!isBlank(r.values[field])) emit.pass("Projects", i);
          else
            emit.fail(
              "Projects",
              i,
              field,
              `${label("Projects", r)} names no ${role}: GovS 002 makes the role mandatory; enter the person in ${field}.`,
            );
        }
      });
    },
  },
  {
    id: "governance.programme-roles",
    family: "governance",
    entities: ["Programmes"],
    fields: ["SRO", "ProgrammeManager"],
    description: "Every programme names its senior responsible owner and its programme manager (GovS 002).",
    source: GOVS,
    run(ctx, emit) {
      ctx.register.entities.Programmes.forEach((r, i) => {
        if (eq(txt(r, "Status"), "Cancelled")) return;
        for (const [field, role] of [
          ["SRO", "senior responsible owner (SRO)"],
          ["ProgrammeManager", "programme manager"],
        ] as const) {
          if (!isBlank(r.values[field])) emit.pass("Programmes", i);
          else
            emit.fail(
              "Programmes",
              i,
              field,
              `${label("Programmes", r)} names no ${role}: GovS 002 makes the role mandatory; enter the person in ${field}.`,
            );
        }
      });
    },
  },
  {
    id: "governance.programme-business-case",
    family: "governance",
    entities: ["Programmes"],
    fields: ["BusinessCase"],
    description: "Every programme links the business case that governs it (GovS 002).",
    source: GOVS,
    run(ctx, emit) {
      ctx.register.entities.Programmes.forEach((r, i) => {
        if (eq(txt(r, "Status"), "Cancelled")) return;
        if (!isBlank(r.values.BusinessCase)) emit.pass("Programmes", i);
        else
          emit.fail(
            "Programmes",
            i,
            "BusinessCase",
            `${label("Programmes", r)} links no business case: enter its link or reference in BusinessCase.`,
          );
      });
    },
  },
  {
    id: "governance.sro-load",
    family: "governance",
    entities: ["Projects", "Programmes"],
    fields: ["Sponsor", "SRO"],
    description:
      "No one is named SRO or sponsor of more than maxSroRoles (default 3) open projects and programmes (a note, GovS 002: the SRO is accountable and must have the time).",
    severity: { supportive: "info", controlling: "info", directive: "info" },
    parameters: ["maxSroRoles"],
    source: GOVS,
    run(ctx, emit) {
      const max = ctx.settings.general.maxSroRoles;
      const roles = new Map<string, { name: string; at: { entity: EntityName; index: number; id: string }[] }>();
      const add = (entity: EntityName, field: string) =>
        ctx.register.entities[entity].forEach((r, index) => {
          const name = txt(r, field);
          if (name === null || isClosedStatus(txt(r, "Status"))) return;
          const key = personKey(name);
          const entry = roles.get(key) ?? { name, at: [] };
          entry.at.push({ entity, index, id: r.id });
          roles.set(key, entry);
        });
      add("Programmes", "SRO");
      add("Projects", "Sponsor");
      for (const { name, at } of roles.values()) {
        const first = at[0];
        if (at.length <= max) emit.pass(first.entity, first.index);
        else {
          const listed = at.slice(0, 12).map((a) => a.id);
          emit.fail(
            first.entity,
            first.index,
            first.entity === "Programmes" ? "SRO" : "Sponsor",
            `${name} is SRO or sponsor of ${at.length} open projects and programmes (${listed.join(", ")}${at.length > 12 ? ", …" : ""}), more than ${max}: check they have the time, or share the roles.`,
          );
        }
      }
    },
  },
  {
    id: "governance.declared-against-evidence",
    family: "governance",
    entities: ["Projects", "Milestones", "Dependencies"],
    fields: ["RagOverall", "DeliveryConfidence"],
    description:
      'A declared rating (RagOverall, else delivery confidence) is not greener than its evidence: cost variance past tolerance, finish slip past tolerance, a gate or critical milestone slipped, an Amber or Red DCA, negative float. The summary\'s "declares greener than its numbers" is the same rule.',
    needs: ["evidence"],
    parameters: ["costAmberPct", "costRedPct", "scheduleAmberDays", "scheduleRedDays"],
    source: EVIDENCE,
    run(ctx, emit) {
      ctx.register.entities.Projects.forEach((r, i) => {
        const declared = declaredRating(r.values);
        const evidence = ctx.evidence!.get(r.id);
        if (declared === null || evidence === undefined) return;
        const against = greenerThanEvidence(declared, evidence);
        if (against.length === 0) emit.pass("Projects", i);
        else
          emit.fail(
            "Projects",
            i,
            declared.field,
            `${label("Projects", r)} declares ${declared.field} ${declared.value}, but the evidence says otherwise: ${evidenceText(against)}. Review the rating, or explain in the commentary why it stays ${declared.value}.`,
            { value: declared.value },
          );
      });
    },
  },
];
