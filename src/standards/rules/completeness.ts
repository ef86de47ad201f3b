import { isBlank, recordsOf, valueAt } from "../../domain/register";
import { ENTITY_NAMES, SCHEMA, fieldDef } from "../../domain/schema";
import type { RuleDef } from "../rule-kit";
import { eq, label, txt } from "../rule-kit";

/** Completeness: the fields a record must have, always or in its stage. */
export const COMPLETENESS_RULES: RuleDef[] = [
  {
    id: "completeness.required",
    family: "completeness",
    entities: [...ENTITY_NAMES],
    fields: ["(fields marked required in the schema)"],
    description:
      "Every record has the fields its entity requires (a project's Name, a risk's Title, an allocation's dates…).",
    run(ctx, emit) {
      for (const entity of ENTITY_NAMES) {
        const def = SCHEMA[entity];
        const fields = def.fields.filter((f) => f.required && f.name !== def.idField);
        recordsOf(ctx.register, entity).forEach((r, i) => {
          for (const f of fields) {
            if (!isBlank(r.values[f.name])) emit.pass(entity, i);
            else
              emit.fail(
                entity,
                i,
                f.name,
                `${label(entity, r)} has no ${f.name}, which every ${def.noun} needs: enter it (${f.description})`,
              );
          }
        });
      }
    },
  },
  {
    id: "completeness.stage-gate",
    family: "completeness",
    entities: ["Projects"],
    fields: ["Stage", "(fields the stage-gate table requires)"],
    description: "A project has the fields its stage requires, per the stage-gate table on PMO Settings.",
    parameters: ["stageGates"],
    run(ctx, emit) {
      const gates = Object.entries(ctx.settings.stageGates);
      ctx.register.entities.Projects.forEach((r, i) => {
        const stage = txt(r, "Stage");
        const gate = gates.find(([s]) => eq(stage, s));
        if (!gate) return;
        for (const field of gate[1]) {
          if (!isBlank(valueAt(r, field))) emit.pass("Projects", i);
          else
            emit.fail(
              "Projects",
              i,
              field,
              `${label("Projects", r)} is in ${gate[0]}, which requires ${field}: enter it (${fieldDef("Projects", field)?.description ?? field}), or correct the stage.`,
            );
        }
      });
    },
  },
  {
    id: "completeness.allocation-demand",
    family: "completeness",
    entities: ["Allocations"],
    fields: ["FTE", "Hours"],
    description: "An allocation says how much: an FTE or a number of hours.",
    run(ctx, emit) {
      ctx.register.entities.Allocations.forEach((r, i) => {
        if (!isBlank(r.values.FTE) || !isBlank(r.values.Hours)) emit.pass("Allocations", i);
        else
          emit.fail(
            "Allocations",
            i,
            "FTE",
            `${label("Allocations", r)} has neither FTE nor Hours: enter the FTE per working day or the total hours.`,
          );
      });
    },
  },
  {
    id: "completeness.allocation-who",
    family: "completeness",
    entities: ["Allocations"],
    fields: ["Role", "ResourceName"],
    description: "An allocation names the role (or the person) it needs.",
    run(ctx, emit) {
      ctx.register.entities.Allocations.forEach((r, i) => {
        if (!isBlank(r.values.Role) || !isBlank(r.values.ResourceName)) emit.pass("Allocations", i);
        else
          emit.fail(
            "Allocations",
            i,
            "Role",
            `${label("Allocations", r)} has neither a Role nor a ResourceName: enter the role it needs.`,
          );
      });
    },
  },
  {
    id: "completeness.risk-scoring",
    family: "completeness",
    entities: ["Risks"],
    fields: ["Probability", "Impact", "Status"],
    description: "A risk that is not closed is scored: Probability and Impact (1–5).",
    run(ctx, emit) {
      ctx.register.entities.Risks.forEach((r, i) => {
        if (eq(txt(r, "Status"), "Closed")) return;
        for (const field of ["Probability", "Impact"] as const) {
          if (!isBlank(r.values[field])) emit.pass("Risks", i);
          else
            emit.fail(
              "Risks",
              i,
              field,
              `${label("Risks", r)} has no ${field}: score it from 1 (very low) to 5 (very high).`,
            );
        }
      });
    },
  },
  {
    id: "completeness.financial-figures",
    family: "completeness",
    entities: ["Financials"],
    fields: ["Budget", "Actual", "Forecast"],
    description: "A financial line carries at least one figure: Budget, Actual or Forecast.",
    run(ctx, emit) {
      ctx.register.entities.Financials.forEach((r, i) => {
        if ((["Budget", "Actual", "Forecast"] as const).some((f) => !isBlank(r.values[f]))) emit.pass("Financials", i);
        else
          emit.fail(
            "Financials",
            i,
            "Budget",
            `${label("Financials", r)} has no Budget, Actual or Forecast: enter the month's figures or delete the line.`,
          );
      });
    },
  },
  {
    id: "completeness.milestone-date",
    family: "completeness",
    entities: ["Milestones"],
    fields: ["BaselineDate", "ForecastDate", "ActualDate"],
    description: "A milestone has a date: baseline, forecast or actual.",
    run(ctx, emit) {
      ctx.register.entities.Milestones.forEach((r, i) => {
        if ((["BaselineDate", "ForecastDate", "ActualDate"] as const).some((f) => !isBlank(r.values[f])))
          emit.pass("Milestones", i);
        else
          emit.fail(
            "Milestones",
            i,
            "ForecastDate",
            `${label("Milestones", r)} has no date: enter its baseline and forecast dates.`,
          );
      });
    },
  },
  {
    id: "completeness.parent",
    family: "completeness",
    entities: ["Risks", "Issues", "Benefits"],
    fields: ["ProjectId", "ProgrammeId"],
    description: "A risk, issue or benefit belongs to a project or a programme.",
    run(ctx, emit) {
      for (const entity of ["Risks", "Issues", "Benefits"] as const) {
        const hasProgramme = SCHEMA[entity].fields.some((f) => f.name === "ProgrammeId");
        recordsOf(ctx.register, entity).forEach((r, i) => {
          if (!isBlank(r.values.ProjectId) || (hasProgramme && !isBlank(r.values.ProgrammeId))) emit.pass(entity, i);
          else
            emit.fail(
              entity,
              i,
              "ProjectId",
              `${label(entity, r)} belongs to no project${hasProgramme ? " or programme" : ""}: enter the ProjectId${hasProgramme ? " (or ProgrammeId)" : ""} it belongs to.`,
            );
        });
      }
    },
  },
];
