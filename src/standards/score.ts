import type { Register } from "../domain/register";
import { recordsOf, textValue } from "../domain/register";
import { ENTITY_NAMES, type EntityName } from "../domain/schema";

/** Checks applicable and passed per record, aligned with `register.entities[entity]`. */
export type CheckCounts = Record<EntityName, { applicable: Int32Array; passed: Int32Array }>;

/** Entities whose records belong to a project through their ProjectId. */
const PROJECT_CHILDREN: EntityName[] = ["Milestones", "Allocations", "Financials", "Risks", "Issues", "Benefits"];

interface Tally {
  applicable: number;
  passed: number;
}
const ratio = (t: Tally | undefined): number => (!t || t.applicable === 0 ? 1 : t.passed / t.applicable);

/**
 * Data-quality score (docs/domain.md "Data-quality score"): checks passed / checks applicable, per record, rolled up by
 * count — a project's score pools its own checks with those of its milestones, allocations, financial
 * lines, risks, issues, benefits and the dependencies it is the successor of; a programme's pools its
 * own record, its projects' pools, and risks and benefits held at programme level. A scope with no
 * applicable check scores 1.
 */
export function rollUpScores(
  register: Register,
  counts: CheckCounts,
): {
  score: { portfolio: number; byProject: Record<string, number>; byProgramme: Record<string, number> };
  checks: Tally;
} {
  const projects = new Map<string, Tally>();
  const programmes = new Map<string, Tally>();
  const total: Tally = { applicable: 0, passed: 0 };
  const add = (map: Map<string, Tally>, key: string, a: number, p: number) => {
    const t = map.get(key);
    if (t) {
      t.applicable += a;
      t.passed += p;
    }
  };
  for (const p of register.entities.Projects) projects.set(p.id, { applicable: 0, passed: 0 });
  for (const g of register.entities.Programmes) programmes.set(g.id, { applicable: 0, passed: 0 });
  const milestoneProject = new Map<string, string>();
  for (const m of register.entities.Milestones) {
    const pid = textValue(m.values.ProjectId);
    if (pid) milestoneProject.set(m.id, pid);
  }

  for (const entity of ENTITY_NAMES) {
    const { applicable, passed } = counts[entity];
    const child = PROJECT_CHILDREN.includes(entity);
    const records = recordsOf(register, entity);
    for (let i = 0; i < records.length; i++) {
      const a = applicable[i];
      const p = passed[i];
      total.applicable += a;
      total.passed += p;
      if (a === 0) continue;
      const r = records[i];
      if (entity === "Projects") add(projects, r.id, a, p);
      else if (entity === "Programmes") add(programmes, r.id, a, p);
      else if (entity === "Dependencies") {
        const succ = textValue(r.values.SuccessorId);
        if (succ) add(projects, projects.has(succ) ? succ : (milestoneProject.get(succ) ?? ""), a, p);
      } else if (child) {
        const pid = textValue(r.values.ProjectId);
        if (pid) add(projects, pid, a, p);
        else {
          const gid = textValue(r.values.ProgrammeId);
          if (gid) add(programmes, gid, a, p);
        }
      }
    }
  }
  // A programme pools its projects' tallies (after the projects' own children are in).
  const projectProgramme = new Map<string, string>();
  for (const p of register.entities.Projects) {
    const gid = textValue(p.values.ProgrammeId);
    if (gid && !projectProgramme.has(p.id)) projectProgramme.set(p.id, gid);
  }
  for (const [pid, t] of projects) {
    const gid = projectProgramme.get(pid);
    if (gid) add(programmes, gid, t.applicable, t.passed);
  }
  return {
    score: {
      portfolio: ratio(total),
      byProject: Object.fromEntries([...projects].map(([k, t]) => [k, ratio(t)])),
      byProgramme: Object.fromEntries([...programmes].map(([k, t]) => [k, ratio(t)])),
    },
    checks: total,
  };
}
