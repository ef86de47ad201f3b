import { isBlank } from "../../domain/register";
import type { RuleDef } from "../rule-kit";
import { eq, label, money, num, txt } from "../rule-kit";
import type { Rag, RagPart } from "../types";

const RAG_RANK: Record<Rag, number> = { Green: 0, Amber: 1, Red: 2 };
const rank = (v: string | null): number | null => {
  if (v === null) return null;
  const k = (Object.keys(RAG_RANK) as Rag[]).find((r) => r.toLowerCase() === v.toLowerCase());
  return k ? RAG_RANK[k] : null;
};

const ragOf = (p: RagPart): Rag | null => (p === null || typeof p === "string" ? p : p.rag);
/** Why the computed RAG is what it is, when the finance module said. */
function basis(p: RagPart): string {
  if (p === null || typeof p === "string") return "";
  if (typeof p.variancePct === "number")
    return ` (forecast ${p.variancePct >= 0 ? "+" : ""}${(p.variancePct * 100).toFixed(1)} % against budget)`;
  if (typeof p.slipDays === "number") return ` (finish ${p.slipDays} days after baseline)`;
  return "";
}

/** Governance: the reporting disciplines a PMO enforces. */
export const GOVERNANCE_RULES: RuleDef[] = [
  {
    id: "governance.rag-greener",
    family: "governance",
    entities: ["Projects"],
    fields: ["RagCost", "RagSchedule"],
    description:
      'The declared cost and schedule RAG are not greener than those computed from the variances ("declared Green, computed Red"); the overall rating is governance.declared-against-evidence.',
    needs: ["computedRag"],
    parameters: ["costAmberPct", "costRedPct", "scheduleAmberDays", "scheduleRedDays"],
    run(ctx, emit) {
      const pairs = [
        ["RagCost", "cost"],
        ["RagSchedule", "schedule"],
      ] as const;
      ctx.register.entities.Projects.forEach((r, i) => {
        const computed = ctx.computedRag!.get(r.id);
        if (!computed) return;
        for (const [field, key] of pairs) {
          const declared = txt(r, field);
          const d = rank(declared);
          const c = ragOf(computed[key]);
          if (d === null || c === null) continue;
          if (d >= RAG_RANK[c]) emit.pass("Projects", i);
          else
            emit.fail(
              "Projects",
              i,
              field,
              `${label("Projects", r)} declares ${field} ${declared}, but its ${key} RAG computes ${c}${basis(computed[key])}: review the rating, or explain in the commentary why it stays ${declared}.`,
              { value: declared },
            );
        }
      });
    },
  },
  {
    id: "governance.variance-commentary",
    family: "governance",
    entities: ["Projects"],
    fields: ["Budget", "ForecastCost", "StatusCommentary"],
    description:
      "A cost variance over varianceCommentaryPct (default 5 %) of budget is explained in the status commentary.",
    parameters: ["varianceCommentaryPct"],
    run(ctx, emit) {
      const limit = ctx.settings.general.varianceCommentaryPct;
      ctx.register.entities.Projects.forEach((r, i) => {
        const b = num(r, "Budget");
        const f = num(r, "ForecastCost");
        if (b === null || f === null || b <= 0) return;
        const v = (f - b) / b;
        if (Math.abs(v) <= limit) return;
        if (!isBlank(r.values.StatusCommentary)) emit.pass("Projects", i);
        else
          emit.fail(
            "Projects",
            i,
            "StatusCommentary",
            `${label("Projects", r)} forecasts ${money(ctx.settings, f)} against a budget of ${money(ctx.settings, b)} (${v >= 0 ? "+" : ""}${(v * 100).toFixed(1)} %, over the ${(limit * 100).toFixed(0)} % threshold) with no commentary: explain the variance in StatusCommentary.`,
          );
      });
    },
  },
  {
    id: "governance.red-commentary",
    family: "governance",
    entities: ["Projects"],
    fields: ["RagOverall", "DeliveryConfidence", "StatusCommentary"],
    description: "A project rated Red (declared RAG or delivery confidence) has status commentary.",
    run(ctx, emit) {
      ctx.register.entities.Projects.forEach((r, i) => {
        const field = eq(txt(r, "RagOverall"), "Red")
          ? "RagOverall"
          : eq(txt(r, "DeliveryConfidence"), "Red")
            ? "DeliveryConfidence"
            : null;
        if (field === null) return;
        if (!isBlank(r.values.StatusCommentary)) emit.pass("Projects", i);
        else
          emit.fail(
            "Projects",
            i,
            "StatusCommentary",
            `${label("Projects", r)} is rated Red (${field}) with no commentary: say what is wrong and what is being done.`,
          );
      });
    },
  },
  {
    id: "governance.risk-exposure-owner",
    family: "governance",
    entities: ["Risks"],
    fields: ["Exposure", "Probability", "Impact", "Owner", "Response", "ResponseType"],
    description: "An open risk with exposure at or above exposureThreshold (default 15) has an owner and a response.",
    parameters: ["exposureThreshold"],
    run(ctx, emit) {
      const threshold = ctx.settings.general.exposureThreshold;
      ctx.register.entities.Risks.forEach((r, i) => {
        if (eq(txt(r, "Status"), "Closed")) return;
        const p = num(r, "Probability");
        const im = num(r, "Impact");
        const e = num(r, "Exposure") ?? (p !== null && im !== null ? p * im : null);
        if (e === null || e < threshold) return;
        if (!isBlank(r.values.Owner)) emit.pass("Risks", i);
        else
          emit.fail(
            "Risks",
            i,
            "Owner",
            `${label("Risks", r)} has exposure ${e} (threshold ${threshold}) and no owner: name the person who owns it.`,
          );
        if (!isBlank(r.values.Response) || !isBlank(r.values.ResponseType)) emit.pass("Risks", i);
        else
          emit.fail(
            "Risks",
            i,
            "Response",
            `${label("Risks", r)} has exposure ${e} (threshold ${threshold}) and no response: record the response type and the actions.`,
          );
      });
    },
  },
  {
    id: "governance.business-case",
    family: "governance",
    entities: ["Projects"],
    fields: ["Stage", "BusinessCaseApproved"],
    description: "A project in Delivery has an approved business case (BusinessCaseApproved = Yes).",
    run(ctx, emit) {
      ctx.register.entities.Projects.forEach((r, i) => {
        if (!eq(txt(r, "Stage"), "Delivery")) return;
        const v = txt(r, "BusinessCaseApproved");
        if (eq(v, "Yes")) emit.pass("Projects", i);
        else
          emit.fail(
            "Projects",
            i,
            "BusinessCaseApproved",
            `${label("Projects", r)} is in Delivery without an approved business case (BusinessCaseApproved is ${v ?? "blank"}): get the business case approved, or move the project back a stage.`,
            { value: v },
          );
      });
    },
  },
];
