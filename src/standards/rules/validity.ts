import { LIST_SYNONYMS } from "../../domain/enums";
import { isBlank, recordsOf, valueAt } from "../../domain/register";
import { ENTITY_NAMES, SCHEMA } from "../../domain/schema";
import { suggestDate } from "../date-fix";
import { nearestAllowed } from "../nearest-value";
import type { RuleDef } from "../rule-kit";
import { eachTyped, fmt, isIso, label, num } from "../rule-kit";

const NUMERIC_TYPES = ["number", "integer", "percent", "rating5"];
/** Leading or trailing white space, doubled spaces or tabs (line breaks inside a name are the user's choice). */
const STRAY_SPACE = /^\s|\s$| {2}|\t/;
const WSJF_SCALE = [1, 2, 3, 5, 8, 13, 20];
/** Money that may legitimately be negative: a criterion such as NPV. */
const SIGNED_MONEY = new Set(["FinancialValue"]);

function numericText(v: string): number | null {
  const t = v.trim();
  return /^-?\d+(?:\.\d+)?$/.test(t) ? Number(t) : null;
}

function typeRule(id: string, types: string[], what: string, needs: string): RuleDef {
  return {
    id,
    family: "validity",
    entities: ENTITY_NAMES.filter((e) => SCHEMA[e].fields.some((f) => types.includes(f.type))),
    fields: [`(${what} fields)`],
    description: `A ${what} field holds ${needs}, not text the import could not read (e.g. "Exempt under Section 43").`,
    run(ctx, emit) {
      const integers = new Set(
        ENTITY_NAMES.flatMap((e) => SCHEMA[e].fields.filter((f) => f.type === "integer").map((f) => `${e}.${f.name}`)),
      );
      eachTyped(ctx, types, (entity, r, i, field) => {
        const v = r.values[field];
        if (isBlank(v)) return;
        const isInt = integers.size > 0 && integers.has(`${entity}.${field}`);
        const bad = typeof v === "string" || (isInt && typeof v === "number" && !Number.isInteger(v));
        if (!bad) return emit.pass(entity, i);
        const n = typeof v === "string" ? numericText(v) : null;
        emit.fail(
          entity,
          i,
          field,
          `${label(entity, r)} has ${fmt(v)} in ${field}, which needs ${isInt ? "a whole number" : needs}: enter the figure, and move any explanation to the commentary.`,
          { value: v, fix: n !== null ? { value: n, safe: true, kind: "trim" } : undefined },
        );
      });
    },
  };
}

function rangeRule(
  id: string,
  types: string[],
  description: string,
  test: (field: string, n: number) => string | null,
  exclude: Set<string> = new Set(),
): RuleDef {
  return {
    id,
    family: "validity",
    entities: ENTITY_NAMES.filter((e) => SCHEMA[e].fields.some((f) => types.includes(f.type))),
    fields: [`(${types.join(", ")} fields)`],
    description,
    run(ctx, emit) {
      eachTyped(ctx, types, (entity, r, i, field) => {
        if (exclude.has(field)) return;
        const n = num(r, field);
        if (n === null) return;
        const why = test(field, n);
        if (why === null) emit.pass(entity, i);
        else emit.fail(entity, i, field, `${label(entity, r)} has ${field} ${n}: ${why}`, { value: n });
      });
    },
  };
}

export const VALIDITY_RULES: RuleDef[] = [
  {
    id: "validity.allowed-value",
    family: "validity",
    entities: ENTITY_NAMES.filter((e) => SCHEMA[e].fields.some((f) => f.list)),
    fields: ["(fields with an allowed-values list)"],
    description:
      "A value is one of its list's allowed values (PMO Settings, Allowed values); the nearest allowed value is offered as a fix.",
    parameters: ["lists"],
    run(ctx, emit) {
      for (const entity of ENTITY_NAMES) {
        const fields = SCHEMA[entity].fields.filter((f) => f.list);
        recordsOf(ctx.register, entity).forEach((r, i) => {
          for (const f of fields) {
            const v = r.values[f.name];
            if (isBlank(v)) continue;
            const allowed = ctx.settings.lists[f.list!];
            const s = String(v);
            if (allowed.includes(s)) {
              emit.pass(entity, i);
              continue;
            }
            const fix = nearestAllowed(s, allowed, LIST_SYNONYMS[f.list!]);
            const hint = fix ? ` Did you mean "${fix.value}"?` : "";
            emit.fail(
              entity,
              i,
              f.name,
              `${label(entity, r)} has ${fmt(v)} in ${f.name}, which is not in the ${f.list} list (${allowed.join(", ")}).${hint} Pick a value from the list, or add it to the list on PMO Settings.`,
              { value: v, fix },
            );
          }
        });
      }
    },
  },
  {
    id: "validity.type-date",
    family: "validity",
    entities: ENTITY_NAMES.filter((e) => SCHEMA[e].fields.some((f) => f.type === "date")),
    fields: ["(date fields)"],
    description: "A date field holds a date, not text the import could not read as one (or an ambiguous one).",
    parameters: ["dateOrder"],
    run(ctx, emit) {
      eachTyped(ctx, ["date"], (entity, r, i, field) => {
        const v = r.values[field];
        if (isBlank(v)) return;
        if (isIso(v)) return emit.pass(entity, i);
        const s = suggestDate(v as string | number, ctx.settings.general.dateOrder);
        emit.fail(
          entity,
          i,
          field,
          `${label(entity, r)} has ${fmt(v)} in ${field}, which is not a date${s ? ` (it may mean ${s.value}${s.safe ? "" : ", but it is ambiguous"})` : ""}: enter it as a date (YYYY-MM-DD).`,
          { value: v, fix: s ? { value: s.value, safe: s.safe, kind: "date" } : undefined },
        );
      });
    },
  },
  typeRule("validity.type-money", ["money"], "money", `an amount in the register's currency unit`),
  typeRule("validity.type-number", NUMERIC_TYPES, "number", "a number"),
  rangeRule("validity.rating-range", ["rating5"], "Probability and impact are on the 1–5 scale.", (_f, n) =>
    n >= 1 && n <= 5 ? null : "ratings run from 1 (very low) to 5 (very high); re-score it on that scale.",
  ),
  rangeRule("validity.percent-range", ["percent"], "A percentage lies between 0 % and 100 %.", (_f, n) =>
    n >= 0 && n <= 1 ? null : `${(n * 100).toFixed(1)} % is outside 0–100 %; enter the share of work complete.`,
  ),
  rangeRule(
    "validity.negative-money",
    ["money"],
    "Budgets, costs, forecasts and benefit values are not negative (a criterion such as FinancialValue may be).",
    (_f, n) =>
      n >= 0 ? null : "money here cannot be negative; correct the sign or record a credit in the commentary.",
    SIGNED_MONEY,
  ),
  {
    id: "validity.fte-range",
    family: "validity",
    entities: ["Resources", "Allocations"],
    fields: ["FTE", "Hours"],
    description: "FTE and hours are not negative (a person's FTE is at most a few).",
    run(ctx, emit) {
      for (const entity of ["Resources", "Allocations"] as const) {
        ctx.register.entities[entity].forEach((r, i) => {
          for (const field of entity === "Resources" ? ["FTE"] : ["FTE", "Hours"]) {
            const n = num(r, field);
            if (n === null) continue;
            if (n >= 0 && (field === "Hours" || n <= 5)) emit.pass(entity, i);
            else
              emit.fail(
                entity,
                i,
                field,
                `${label(entity, r)} has ${field} ${n}: it must be ${n < 0 ? "0 or more" : "at most 5 FTE (1 = full time)"}; correct it.`,
                { value: n },
              );
          }
        });
      }
    },
  },
  {
    id: "validity.whitespace",
    family: "validity",
    entities: [...ENTITY_NAMES],
    fields: ["(id, reference and text fields)"],
    description: "Ids, references and names carry no stray spaces (they break lookups and dropdowns).",
    severity: { supportive: "info", controlling: "info", directive: "info" },
    run(ctx, emit) {
      eachTyped(ctx, ["id", "ref", "text"], (entity, r, i, field) => {
        const v = r.values[field];
        if (typeof v !== "string" || v === "") return;
        if (!STRAY_SPACE.test(v)) return emit.pass(entity, i);
        const clean = v.trim().replace(/[ \t]+/g, " ");
        emit.fail(entity, i, field, `${label(entity, r)} has stray spaces in ${field} (${fmt(v)}): remove them.`, {
          value: v,
          fix: { value: clean, safe: true, kind: "trim" },
        });
      });
    },
  },
  {
    id: "validity.date-plausible",
    family: "validity",
    entities: ENTITY_NAMES.filter((e) => SCHEMA[e].fields.some((f) => f.type === "date")),
    fields: ["(date fields)"],
    description: "Dates fall between 1950 and 2100 (an earlier one is usually a blank cell read as day 0).",
    run(ctx, emit) {
      eachTyped(ctx, ["date"], (entity, r, i, field) => {
        const v = r.values[field];
        if (!isIso(v)) return;
        // ISO dates compare as text.
        if (v >= "1950-01-01" && v <= "2100-12-31") emit.pass(entity, i);
        else
          emit.fail(
            entity,
            i,
            field,
            `${label(entity, r)} has ${field} ${v}, which is implausible: enter the real date or clear the cell.`,
            { value: v },
          );
      });
    },
  },
  {
    id: "validity.wsjf-scale",
    family: "validity",
    entities: ["Projects"],
    fields: ["BusinessValue", "TimeCriticality", "RiskReduction", "JobSize"],
    description: "WSJF inputs use the modified Fibonacci scale 1, 2, 3, 5, 8, 13, 20.",
    run(ctx, emit) {
      ctx.register.entities.Projects.forEach((r, i) => {
        for (const field of ["BusinessValue", "TimeCriticality", "RiskReduction", "JobSize"]) {
          const n = num(r, field);
          if (n === null) continue;
          if (WSJF_SCALE.includes(n)) emit.pass("Projects", i);
          else
            emit.fail(
              "Projects",
              i,
              field,
              `${label("Projects", r)} has ${field} ${n}: use one of ${WSJF_SCALE.join(", ")}.`,
              { value: n },
            );
        }
      });
    },
  },
  {
    id: "validity.criteria-scale",
    family: "validity",
    entities: ["Projects"],
    fields: ["(prioritisation criteria source columns)"],
    description:
      "Prioritisation criteria values lie within their scale on PMO Settings (e.g. strategic alignment 1–5).",
    parameters: ["criteria"],
    run(ctx, emit) {
      const criteria = ctx.settings.criteria.filter((c) => c.min !== null && c.max !== null);
      ctx.register.entities.Projects.forEach((r, i) => {
        for (const c of criteria) {
          const v = valueAt(r, c.source) ?? r.extras[c.source];
          if (typeof v !== "number") continue;
          if (v >= c.min! && v <= c.max!) emit.pass("Projects", i);
          else
            emit.fail(
              "Projects",
              i,
              c.source,
              `${label("Projects", r)} has ${c.source} ${v}, outside the ${c.name} scale ${c.min}–${c.max}: re-score it.`,
              { value: v },
            );
        }
      });
    },
  },
];
