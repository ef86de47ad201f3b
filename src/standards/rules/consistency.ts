import type { EntityName } from "../../domain/schema";
import type { RuleDef } from "../rule-kit";
import { MILESTONE_DATES, date, eq, firstDate, label, money, num, projectWindow, txt } from "../rule-kit";

const PAIRS: { entity: EntityName; start: string; finish: string }[] = [
  { entity: "Projects", start: "BaselineStart", finish: "BaselineFinish" },
  { entity: "Projects", start: "ForecastStart", finish: "ForecastFinish" },
  { entity: "Projects", start: "ActualStart", finish: "ActualFinish" },
  { entity: "Programmes", start: "Start", finish: "Finish" },
  { entity: "Resources", start: "Start", finish: "Finish" },
];

export const CONSISTENCY_RULES: RuleDef[] = [
  {
    id: "consistency.start-after-finish",
    family: "consistency",
    entities: ["Projects", "Programmes", "Resources"],
    fields: [
      "BaselineStart",
      "BaselineFinish",
      "ForecastStart",
      "ForecastFinish",
      "ActualStart",
      "ActualFinish",
      "Start",
      "Finish",
    ],
    description: "A start is not after its finish (baseline, forecast and actual pairs).",
    run(ctx, emit) {
      for (const p of PAIRS) {
        ctx.register.entities[p.entity].forEach((r, i) => {
          const s = date(r, p.start);
          const f = date(r, p.finish);
          if (!s || !f) return;
          if (s <= f) emit.pass(p.entity, i);
          else
            emit.fail(
              p.entity,
              i,
              p.finish,
              `${label(p.entity, r)} has ${p.start} ${s} after ${p.finish} ${f}: correct whichever date is wrong.`,
              { value: f },
            );
        });
      }
    },
  },
  {
    id: "consistency.actual-finish-without-start",
    family: "consistency",
    entities: ["Projects"],
    fields: ["ActualStart", "ActualFinish"],
    description: "A project with an actual finish also has an actual start.",
    run(ctx, emit) {
      ctx.register.entities.Projects.forEach((r, i) => {
        if (!date(r, "ActualFinish")) return;
        if (date(r, "ActualStart")) emit.pass("Projects", i);
        else
          emit.fail(
            "Projects",
            i,
            "ActualStart",
            `${label("Projects", r)} has an actual finish but no actual start: enter the date it really started.`,
          );
      });
    },
  },
  {
    id: "consistency.completed-not-100",
    family: "consistency",
    entities: ["Projects"],
    fields: ["Status", "PercentComplete"],
    description: "A Completed project is 100 % complete.",
    run(ctx, emit) {
      ctx.register.entities.Projects.forEach((r, i) => {
        const pct = num(r, "PercentComplete");
        if (!eq(txt(r, "Status"), "Completed") || pct === null) return;
        if (pct >= 1) emit.pass("Projects", i);
        else
          emit.fail(
            "Projects",
            i,
            "PercentComplete",
            `${label("Projects", r)} is Completed but only ${(pct * 100).toFixed(0)} % complete: set 100 % or correct the status.`,
            { value: pct },
          );
      });
    },
  },
  {
    id: "consistency.completed-no-finish",
    family: "consistency",
    entities: ["Projects"],
    fields: ["Status", "ActualFinish"],
    description: "A Completed project has an actual finish date.",
    run(ctx, emit) {
      ctx.register.entities.Projects.forEach((r, i) => {
        if (!eq(txt(r, "Status"), "Completed")) return;
        if (date(r, "ActualFinish")) emit.pass("Projects", i);
        else
          emit.fail(
            "Projects",
            i,
            "ActualFinish",
            `${label("Projects", r)} is Completed but has no actual finish: enter the date it finished.`,
          );
      });
    },
  },
  {
    id: "consistency.milestone-outside-project",
    family: "consistency",
    entities: ["Milestones", "Projects"],
    fields: ["ActualDate", "ForecastDate", "BaselineDate", "ProjectId"],
    description:
      "A milestone falls within its project's window (actual, else forecast, else baseline start and finish).",
    run(ctx, emit) {
      ctx.register.entities.Milestones.forEach((m, i) => {
        const d = firstDate(m, MILESTONE_DATES);
        const pid = txt(m, "ProjectId");
        const pi = pid === null ? undefined : ctx.ids.Projects.get(pid);
        if (!d || pi === undefined) return;
        const w = projectWindow(ctx.register.entities.Projects[pi]);
        if (!w.start && !w.finish) return;
        const field = date(m, "ActualDate") ? "ActualDate" : date(m, "ForecastDate") ? "ForecastDate" : "BaselineDate";
        if ((w.start === null || d >= w.start) && (w.finish === null || d <= w.finish)) emit.pass("Milestones", i);
        else
          emit.fail(
            "Milestones",
            i,
            field,
            `${label("Milestones", m)} falls on ${d}, outside project ${pid}'s window (${w.start ?? "…"} to ${w.finish ?? "…"}): correct the milestone date or the project's dates.`,
            { value: d },
          );
      });
    },
  },
  {
    id: "consistency.forecast-below-actual",
    family: "consistency",
    entities: ["Projects"],
    fields: ["ForecastCost", "ActualCost"],
    description: "The forecast cost at completion is not below the actual cost already spent.",
    run(ctx, emit) {
      ctx.register.entities.Projects.forEach((r, i) => {
        const f = num(r, "ForecastCost");
        const a = num(r, "ActualCost");
        if (f === null || a === null) return;
        if (f >= a) emit.pass("Projects", i);
        else
          emit.fail(
            "Projects",
            i,
            "ForecastCost",
            `${label("Projects", r)} forecasts ${money(ctx.settings, f)} at completion but has already spent ${money(ctx.settings, a)}: raise the forecast to at least the actual cost.`,
            { value: f },
          );
      });
    },
  },
  {
    id: "consistency.allocation-dates",
    family: "consistency",
    entities: ["Allocations"],
    fields: ["Start", "Finish"],
    description: "An allocation does not finish before it starts.",
    run(ctx, emit) {
      ctx.register.entities.Allocations.forEach((r, i) => {
        const s = date(r, "Start");
        const f = date(r, "Finish");
        if (!s || !f) return;
        if (s <= f) emit.pass("Allocations", i);
        else
          emit.fail(
            "Allocations",
            i,
            "Finish",
            `${label("Allocations", r)} finishes ${f}, before it starts ${s}: correct the dates (it adds no demand meanwhile).`,
            { value: f },
          );
      });
    },
  },
  {
    id: "consistency.allocation-outside-project",
    family: "consistency",
    entities: ["Allocations", "Projects"],
    fields: ["Start", "Finish", "ProjectId"],
    description: "An allocation lies within its project's window.",
    run(ctx, emit) {
      ctx.register.entities.Allocations.forEach((a, i) => {
        const s = date(a, "Start");
        const f = date(a, "Finish");
        const pid = txt(a, "ProjectId");
        const pi = pid === null ? undefined : ctx.ids.Projects.get(pid);
        if (!s || !f || pi === undefined) return;
        const w = projectWindow(ctx.register.entities.Projects[pi]);
        if (!w.start || !w.finish) return;
        if (s >= w.start && f <= w.finish) emit.pass("Allocations", i);
        else
          emit.fail(
            "Allocations",
            i,
            s < w.start ? "Start" : "Finish",
            `${label("Allocations", a)} runs ${s} to ${f}, outside project ${pid}'s window (${w.start} to ${w.finish}): align the allocation or the project's dates.`,
          );
      });
    },
  },
  {
    id: "consistency.risk-exposure",
    family: "consistency",
    entities: ["Risks"],
    fields: ["Exposure", "Probability", "Impact"],
    description: "A risk's exposure equals probability × impact.",
    run(ctx, emit) {
      ctx.register.entities.Risks.forEach((r, i) => {
        const e = num(r, "Exposure");
        const p = num(r, "Probability");
        const im = num(r, "Impact");
        if (e === null || p === null || im === null) return;
        if (Math.abs(e - p * im) < 1e-9) emit.pass("Risks", i);
        else
          emit.fail(
            "Risks",
            i,
            "Exposure",
            `${label("Risks", r)} has exposure ${e}, but probability ${p} × impact ${im} = ${p * im}: correct the exposure or the scores.`,
            { value: e },
          );
      });
    },
  },
  {
    id: "consistency.actual-in-future",
    source: "DCMA 14-point assessment (check 9, invalid dates)",
    family: "consistency",
    entities: ["Projects", "Milestones"],
    fields: ["ActualStart", "ActualFinish", "ActualDate"],
    description: "Actual dates are not after the reporting date.",
    needs: ["reportingDate"],
    parameters: ["reportingDate"],
    run(ctx, emit) {
      const rd = ctx.reportingDate!;
      const check = (entity: EntityName, fields: string[]) =>
        ctx.register.entities[entity].forEach((r, i) => {
          for (const field of fields) {
            const d = date(r, field);
            if (!d) continue;
            if (d <= rd) emit.pass(entity, i);
            else
              emit.fail(
                entity,
                i,
                field,
                `${label(entity, r)} has ${field} ${d}, after the reporting date ${rd}: an actual date cannot be in the future; move it to the forecast.`,
                { value: d },
              );
          }
        });
      check("Projects", ["ActualStart", "ActualFinish"]);
      check("Milestones", ["ActualDate"]);
    },
  },
];
