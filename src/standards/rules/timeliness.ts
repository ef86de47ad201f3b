import { daysBetween } from "../../domain/dates";
import type { RuleDef } from "../rule-kit";
import { date, eq, firstDate, isClosedStatus, label, txt } from "../rule-kit";

/** Timeliness: dates measured against the reporting date (never the machine's clock). */
export const TIMELINESS_RULES: RuleDef[] = [
  {
    id: "timeliness.stale-status",
    family: "timeliness",
    entities: ["Projects"],
    fields: ["StatusDate", "Status"],
    description: "A live project's status is no older than staleStatusDays (default 30) at the reporting date.",
    needs: ["reportingDate"],
    parameters: ["reportingDate", "staleStatusDays"],
    run(ctx, emit) {
      const rd = ctx.reportingDate!;
      const limit = ctx.settings.general.staleStatusDays;
      ctx.register.entities.Projects.forEach((r, i) => {
        const d = date(r, "StatusDate");
        if (!d || isClosedStatus(txt(r, "Status"))) return;
        const age = daysBetween(d, rd);
        if (age <= limit) emit.pass("Projects", i);
        else
          emit.fail(
            "Projects",
            i,
            "StatusDate",
            `${label("Projects", r)} last reported status on ${d}, ${age} days before the reporting date ${rd} (limit ${limit}): collect a fresh status update.`,
            { value: d },
          );
      });
    },
  },
  {
    id: "timeliness.milestone-overdue",
    source: "DCMA 14-point assessment (check 9, invalid dates)",
    family: "timeliness",
    entities: ["Milestones"],
    fields: ["ForecastDate", "BaselineDate", "ActualDate", "Status"],
    description: "A milestone forecast before the reporting date has an actual date (or a new forecast).",
    needs: ["reportingDate"],
    parameters: ["reportingDate"],
    run(ctx, emit) {
      const rd = ctx.reportingDate!;
      ctx.register.entities.Milestones.forEach((m, i) => {
        const status = txt(m, "Status");
        const due = firstDate(m, ["ForecastDate", "BaselineDate"]);
        if (!due || date(m, "ActualDate") || eq(status, "Cancelled")) return;
        if (due >= rd) emit.pass("Milestones", i);
        else
          emit.fail(
            "Milestones",
            i,
            "ActualDate",
            `${label("Milestones", m)} was due ${due} and has no actual date at ${rd}: enter the date it was achieved, or re-forecast it.`,
          );
      });
    },
  },
  {
    id: "timeliness.risk-review-overdue",
    family: "timeliness",
    entities: ["Risks"],
    fields: ["ReviewDate", "Status"],
    description: "An open risk's review date has not passed.",
    needs: ["reportingDate"],
    parameters: ["reportingDate"],
    run(ctx, emit) {
      const rd = ctx.reportingDate!;
      ctx.register.entities.Risks.forEach((r, i) => {
        const d = date(r, "ReviewDate");
        if (!d || eq(txt(r, "Status"), "Closed")) return;
        if (d >= rd) emit.pass("Risks", i);
        else
          emit.fail(
            "Risks",
            i,
            "ReviewDate",
            `${label("Risks", r)} was due for review on ${d}: review it and set the next review date.`,
            { value: d },
          );
      });
    },
  },
  {
    id: "timeliness.issue-overdue",
    family: "timeliness",
    entities: ["Issues"],
    fields: ["TargetDate", "Status"],
    description: "An issue that is not closed is not past its target resolution date.",
    needs: ["reportingDate"],
    parameters: ["reportingDate"],
    run(ctx, emit) {
      const rd = ctx.reportingDate!;
      ctx.register.entities.Issues.forEach((r, i) => {
        const d = date(r, "TargetDate");
        if (!d || eq(txt(r, "Status"), "Closed")) return;
        if (d >= rd) emit.pass("Issues", i);
        else
          emit.fail(
            "Issues",
            i,
            "TargetDate",
            `${label("Issues", r)} was to be resolved by ${d} and is still open: resolve or escalate it, or agree a new target date.`,
            { value: d },
          );
      });
    },
  },
  {
    id: "timeliness.finish-passed",
    source: "DCMA 14-point assessment (check 9, invalid dates)",
    family: "timeliness",
    entities: ["Projects"],
    fields: ["ForecastFinish", "ActualFinish", "Status"],
    description: "A live project's forecast finish is not in the past without an actual finish.",
    needs: ["reportingDate"],
    parameters: ["reportingDate"],
    run(ctx, emit) {
      const rd = ctx.reportingDate!;
      ctx.register.entities.Projects.forEach((r, i) => {
        const f = date(r, "ForecastFinish");
        if (!f || date(r, "ActualFinish") || isClosedStatus(txt(r, "Status"))) return;
        if (f >= rd) emit.pass("Projects", i);
        else
          emit.fail(
            "Projects",
            i,
            "ForecastFinish",
            `${label("Projects", r)} was forecast to finish ${f}, before the reporting date ${rd}, and has no actual finish: re-forecast it or record the finish.`,
            { value: f },
          );
      });
    },
  },
];
