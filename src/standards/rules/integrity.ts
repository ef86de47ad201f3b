import { addDays } from "../../domain/dates";
import type { RegisterRecord } from "../../domain/register";
import { recordsOf } from "../../domain/register";
import { ENTITY_NAMES, SCHEMA, type EntityName } from "../../domain/schema";
import { findCycles } from "../cycles";
import { nearestAllowed } from "../nearest-value";
import type { RuleContext, RuleDef } from "../rule-kit";
import { MILESTONE_DATES, firstDate, label, num, projectWindow, txt } from "../rule-kit";
import type { FindingFix } from "../types";

/** Dependency types that order work in time (Requires/Excludes are selection constraints). */
const PRECEDENCE = new Set(["FS", "SS", "FF", "SF"]);
const depType = (r: RegisterRecord): string => (txt(r, "Type") ?? "FS").toUpperCase();

/** Ids by their lower-case spelling, built once per entity the first time a reference fails. */
type LowerIds = (entity: EntityName) => Map<string, string[]>;
function lowerIdIndex(ctx: RuleContext): LowerIds {
  const cache = new Map<EntityName, Map<string, string[]>>();
  return (entity) => {
    let m = cache.get(entity);
    if (!m) {
      m = new Map();
      for (const id of ctx.ids[entity].keys()) {
        const k = id.toLowerCase();
        const list = m.get(k);
        if (list) list.push(id);
        else m.set(k, [id]);
      }
      cache.set(entity, m);
    }
    return m;
  };
}

/** A reference's fix: a trimmed or re-cased id that exists (safe), else the nearest id for small registers. */
function referenceFix(
  value: string,
  ctx: RuleContext,
  targets: readonly EntityName[],
  lowerIds: LowerIds,
): FindingFix | undefined {
  const lower = value.trim().toLowerCase();
  const matches = new Set(targets.flatMap((t) => lowerIds(t).get(lower) ?? []));
  if (matches.size === 1) {
    const id = [...matches][0];
    return { value: id, safe: true, kind: id === value.trim() ? "trim" : "case" };
  }
  const all = targets.flatMap((t) => [...ctx.ids[t].keys()]);
  if (all.length === 0 || all.length > 2000) return undefined;
  const fix = nearestAllowed(value, all);
  return fix ? { ...fix, safe: false } : undefined;
}

/** Start and finish of a dependency's end: a project's window, or a milestone's date. */
function nodeDates(ctx: RuleContext, id: string): { start: string | null; finish: string | null } | null {
  const p = ctx.ids.Projects.get(id);
  if (p !== undefined) return projectWindow(ctx.register.entities.Projects[p]);
  const m = ctx.ids.Milestones.get(id);
  if (m === undefined) return null;
  const d = firstDate(ctx.register.entities.Milestones[m], MILESTONE_DATES);
  return { start: d, finish: d };
}

export const INTEGRITY_RULES: RuleDef[] = [
  {
    id: "integrity.duplicate-id",
    family: "integrity",
    entities: [...ENTITY_NAMES],
    fields: ["(each entity's id field)"],
    description: "Ids are unique within each entity.",
    severity: { supportive: "error" },
    run(ctx, emit) {
      for (const entity of ENTITY_NAMES) {
        const idField = SCHEMA[entity].idField;
        const dups = ctx.duplicates[entity];
        const records = ctx.register.entities[entity];
        for (let i = 0; i < records.length; i++) if (!dups.has(records[i].id)) emit.pass(entity, i);
        for (const [id, at] of dups) {
          at.forEach((i, k) => {
            const noun = SCHEMA[entity].noun;
            emit.fail(
              entity,
              i,
              idField,
              `${idField} ${id} is shared by ${at.length} ${noun} records (this is occurrence ${k + 1} of ${at.length}): give each ${noun} its own ${idField}, or merge the duplicates.`,
              { value: id },
            );
          });
        }
      }
    },
  },
  {
    id: "integrity.unknown-reference",
    family: "integrity",
    entities: ENTITY_NAMES.filter((e) => SCHEMA[e].fields.some((f) => f.type === "ref")),
    fields: ["ProjectId", "ProgrammeId", "PredecessorId", "SuccessorId"],
    description:
      "References point at records that exist (a milestone's project, a project's programme, a dependency's ends…).",
    run(ctx, emit) {
      const lowerIds = lowerIdIndex(ctx);
      for (const entity of ENTITY_NAMES) {
        const fields = SCHEMA[entity].fields.filter((f) => f.type === "ref" && f.refs);
        recordsOf(ctx.register, entity).forEach((r, i) => {
          for (const f of fields) {
            const v = txt(r, f.name);
            if (v === null) continue;
            if (f.refs!.some((t) => ctx.ids[t].has(v))) {
              emit.pass(entity, i);
              continue;
            }
            const fix = referenceFix(String(r.values[f.name]), ctx, f.refs!, lowerIds);
            const where = f.refs!.map((t) => SCHEMA[t].noun).join(" or ");
            emit.fail(
              entity,
              i,
              f.name,
              `${label(entity, r)} refers to ${where} "${v}", which is not in the register${fix ? ` (did you mean "${fix.value}"?)` : ""}: correct the id or add the missing ${where}.`,
              { value: r.values[f.name], fix },
            );
          }
        });
      }
    },
  },
  {
    id: "integrity.unknown-role",
    family: "integrity",
    entities: ["Allocations", "CapacityAdjustments", "Resources"],
    fields: ["Role"],
    description:
      "Allocations and capacity adjustments name a role that some resource has (else there is demand with no supply).",
    run(ctx, emit) {
      const roles = new Set<string>();
      for (const r of ctx.register.entities.Resources) {
        const role = txt(r, "Role");
        if (role) roles.add(role.toLowerCase());
      }
      for (const entity of ["Allocations", "CapacityAdjustments"] as const) {
        ctx.register.entities[entity].forEach((r, i) => {
          const role = txt(r, "Role");
          if (role === null) return;
          if (roles.has(role.toLowerCase())) emit.pass(entity, i);
          else
            emit.fail(
              entity,
              i,
              "Role",
              `${label(entity, r)} needs role "${role}", but no resource has that role: add the resources who supply it, or correct the role's spelling.`,
              { value: role },
            );
        });
      }
    },
  },
  {
    id: "integrity.unknown-resource",
    family: "integrity",
    entities: ["Allocations", "Resources"],
    fields: ["ResourceName"],
    description: "An allocation that names a person names one on the Resources sheet.",
    run(ctx, emit) {
      const names = new Set<string>();
      for (const r of ctx.register.entities.Resources) {
        const name = txt(r, "Name");
        if (name) names.add(name.toLowerCase());
      }
      ctx.register.entities.Allocations.forEach((a, i) => {
        const name = txt(a, "ResourceName");
        if (name === null) return;
        if (names.has(name.toLowerCase())) emit.pass("Allocations", i);
        else
          emit.fail(
            "Allocations",
            i,
            "ResourceName",
            `${label("Allocations", a)} names "${name}", who is not on the Resources sheet: add them with their role and FTE, or correct the name.`,
            { value: name },
          );
      });
    },
  },
  {
    id: "integrity.dependency-cycle",
    family: "integrity",
    entities: ["Dependencies"],
    fields: ["PredecessorId", "SuccessorId", "Type"],
    description: "Scheduling dependencies (FS, SS, FF, SF) form no cycle; a cycle is named member by member.",
    run(ctx, emit) {
      const deps = ctx.register.entities.Dependencies;
      const edges = new Map<string, string[]>();
      const nodes: string[] = [];
      for (const d of deps) {
        const a = txt(d, "PredecessorId");
        const b = txt(d, "SuccessorId");
        if (a === null || b === null || !PRECEDENCE.has(depType(d))) continue;
        if (!edges.has(a)) (edges.set(a, []), nodes.push(a));
        if (!edges.has(b)) (edges.set(b, []), nodes.push(b));
        edges.get(a)!.push(b);
      }
      const cycleOf = new Map<string, string[]>();
      for (const cycle of findCycles(nodes, edges)) for (const n of cycle) cycleOf.set(n, cycle);
      deps.forEach((d, i) => {
        const a = txt(d, "PredecessorId");
        const b = txt(d, "SuccessorId");
        if (a === null || b === null || !PRECEDENCE.has(depType(d))) return;
        const cycle = cycleOf.get(a);
        if (cycle && cycleOf.get(b) === cycle)
          emit.fail(
            "Dependencies",
            i,
            "SuccessorId",
            `${label("Dependencies", d)} (${a} → ${b}) is part of the cycle ${cycle.join(" → ")}: remove or reverse one dependency in it.`,
          );
        else emit.pass("Dependencies", i);
      });
    },
  },
  {
    id: "integrity.fs-order",
    family: "integrity",
    entities: ["Dependencies", "Projects", "Milestones"],
    fields: ["PredecessorId", "SuccessorId", "Type", "LagDays"],
    description: "A finish-to-start successor does not start before its predecessor finishes (plus lag).",
    run(ctx, emit) {
      ctx.register.entities.Dependencies.forEach((d, i) => {
        if (depType(d) !== "FS") return;
        const a = txt(d, "PredecessorId");
        const b = txt(d, "SuccessorId");
        const pred = a === null ? null : nodeDates(ctx, a);
        const succ = b === null ? null : nodeDates(ctx, b);
        if (!pred?.finish || !succ?.start) return;
        const lag = num(d, "LagDays") ?? 0;
        const earliest = addDays(pred.finish, lag);
        if (succ.start >= earliest) emit.pass("Dependencies", i);
        else
          emit.fail(
            "Dependencies",
            i,
            "SuccessorId",
            `${b} starts ${succ.start}, before its finish-to-start predecessor ${a} finishes ${pred.finish}${lag ? ` + ${lag} days lag` : ""}: move ${b}'s start to ${earliest} or later, or change the dependency.`,
          );
      });
    },
  },
];
