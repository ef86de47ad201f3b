import type { IsoDate } from "../domain/dates";
import { addDays, addMonthKey, monthEnd, monthKey, weekday } from "../domain/dates";
import { monthKeysBetween } from "./month-keys";
import type { EntityRecord } from "../domain/register";
import type { ProjectFacts } from "./estate-projects";
import { makeDerivedRecord, makeRecord } from "./estate-records";
import type { PeopleNames } from "./people";
import type { Picks } from "./random-picks";
import { roundTo, seq } from "./random-picks";
import type { RoleName } from "./vocabulary";
import { ROLE_HEADCOUNT, ROLE_PEAK_LOAD, ROLES, TEAMS } from "./vocabulary";

/** The months the resource plan covers: six before the reporting month to eleven after it. */
export function planMonths(reportingDate: IsoDate): string[] {
  const m = monthKey(reportingDate);
  return monthKeysBetween(addMonthKey(m, -6), addMonthKey(m, 11));
}

/** ~40 people per 60 projects across the six roles; a few join or leave inside the plan. */
export function generateResources(
  picks: Picks,
  people: PeopleNames,
  projectCount: number,
  months: string[],
): EntityRecord<"Resources">[] {
  const total = Math.max(ROLES.length, Math.round((projectCount * 40) / 60));
  const width = Math.max(3, String(total + ROLES.length).length);
  const out: EntityRecord<"Resources">[] = [];
  for (const role of ROLES) {
    const count = Math.max(1, Math.round((total * ROLE_HEADCOUNT[role]) / 40));
    for (let k = 0; k < count; k++) {
      const joins = picks.chance(0.12);
      const leaves = !joins && picks.chance(0.1);
      const startMonth = picks.pick(months.slice(2, 12));
      out.push(
        makeRecord("Resources", seq("RES", out.length + 1, width), {
          Name: people.take(),
          Role: role,
          Team: picks.pick(TEAMS),
          FTE: picks.weighted([
            [1, 70],
            [0.8, 12],
            [0.6, 10],
            [0.5, 8],
          ]),
          Start: joins ? addDays(`${startMonth}-01`, picks.int(0, 20)) : null,
          Finish: leaves ? addDays(monthEnd(picks.pick(months.slice(8))), -picks.int(0, 20)) : null,
        }),
      );
    }
  }
  return out;
}

/** Leave and hiring by role and month (one line per role and month, so their derived ids are unique). */
export function generateAdjustments(
  picks: Picks,
  projectCount: number,
  months: string[],
): EntityRecord<"CapacityAdjustments">[] {
  const scale = Math.max(1, projectCount / 60);
  const delta = (fte: number) => roundTo(fte * scale, 0.5);
  const out = new Map<string, EntityRecord<"CapacityAdjustments">>();
  const put = (role: RoleName, month: string, fte: number, reason: string) => {
    const key = `${role}|${month}`;
    if (out.has(key) || !months.includes(month)) return;
    out.set(
      key,
      makeDerivedRecord("CapacityAdjustments", {
        Role: role,
        Period: `${month}-01`,
        DeltaFTE: delta(fte),
        Reason: reason,
      }),
    );
  };
  for (const month of months) {
    const mm = month.slice(5);
    if (mm === "12")
      for (const role of ["Developer", "Tester", "Business Analyst"] as const)
        put(role, month, -picks.int(2, 4) / 2, "Christmas leave");
    if (mm === "08")
      for (const role of ["Developer", "Project Manager", "Data Engineer"] as const)
        put(role, month, -picks.int(1, 3) / 2, "Summer leave");
  }
  // Two hires arrive a few months after the reporting month and stay to the end of the plan.
  const hireFrom = picks.int(8, 11);
  for (const m of months.slice(hireFrom)) put("Data Engineer", m, 1, "New starter");
  for (const m of months.slice(hireFrom + 2)) put("Developer", m, 1, "New starter");
  put("Architect", months[picks.int(7, 10)], -0.5, "Secondment out");
  return [...out.values()];
}

interface Draft {
  project: ProjectFacts;
  role: RoleName;
  month: number;
  fte: number;
  type: string;
}

/**
 * Allocations: month-by-month FTE per project and role (what a resource plan with months across
 * columns holds), plus weekly hours for named people on some projects (what a timesheet-style
 * plan holds). FTE is then scaled per role so each role's busiest month reaches its target load:
 * some roles end up over-allocated, as real portfolios are.
 */
export function generateAllocations(
  picks: Picks,
  projects: ProjectFacts[],
  resources: EntityRecord<"Resources">[],
  adjustments: EntityRecord<"CapacityAdjustments">[],
  months: string[],
  perProject: number,
): EntityRecord<"Allocations">[] {
  const first = `${months[0]}-01`;
  const last = monthEnd(months[months.length - 1]);
  const drafts: Draft[] = [];
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const hours: EntityRecord<"Allocations">[] = [];
  const peopleByRole = new Map<string, string[]>();
  for (const r of resources) {
    const list = peopleByRole.get(String(r.values.Role)) ?? [];
    list.push(String(r.values.Name));
    peopleByRole.set(String(r.values.Role), list);
  }
  for (const p of projects) {
    if (p.actualFinish !== null || p.status === "Cancelled") continue;
    const from = p.forecastStart < first ? months[0] : monthKey(p.forecastStart);
    const to = p.forecastFinish > last ? months[months.length - 1] : monthKey(p.forecastFinish);
    if (from > to) continue;
    const span = monthKeysBetween(from, to).map((k) => monthIndex.get(k)!);
    const type = p.stage === "Idea" || p.stage === "Business Case" ? "Proposed" : "Committed";
    let remaining = perProject;
    // Named hours for a tester or architect on one project in six.
    if ((p.stage === "Delivery" || p.stage === "Planning") && picks.chance(1 / 6) && remaining > 2) {
      const role = picks.pick(["Tester", "Architect", "Data Engineer"] as const);
      const person = picks.pick(peopleByRole.get(role) ?? ["Contractor"]);
      const weeks = Math.min(remaining - 1, picks.int(2, 4));
      let start = mondayOnOrAfter(maxIso(p.forecastStart, first));
      for (let w = 0; w < weeks; w++, start = addDays(start, 7 * picks.int(1, 3))) {
        if (start > p.forecastFinish || start > last) break;
        hours.push(
          makeDerivedRecord("Allocations", {
            ProjectId: p.id,
            Role: role,
            ResourceName: person,
            Start: start,
            Finish: addDays(start, 4),
            Hours: picks.pick([7, 14, 17.5, 21, 28, 35]),
            Type: "Committed",
          }),
        );
        remaining--;
      }
    }
    // At least three roles where the budget of rows allows, more when the span is short.
    const roleCount = Math.min(ROLES.length, Math.max(Math.ceil(remaining / span.length), Math.min(3, remaining)));
    const roles: RoleName[] = remaining > 0 ? ["Project Manager", ...picks.sample(ROLES.slice(1), roleCount - 1)] : [];
    for (let r = 0; r < roles.length && remaining > 0; r++) {
      const length = Math.min(span.length, Math.ceil(remaining / (roles.length - r)));
      const offset = picks.int(0, span.length - length);
      const fte = roles[r] === "Project Manager" ? picks.pick([0.2, 0.3, 0.5]) : picks.int(2, 10) / 10;
      for (let k = 0; k < length; k++) drafts.push({ project: p, role: roles[r], month: span[offset + k], fte, type });
      remaining -= length;
    }
  }
  scaleToPeakLoad(drafts, resources, adjustments, months);
  const monthly = drafts.map((d) =>
    makeDerivedRecord("Allocations", {
      ProjectId: d.project.id,
      Role: d.role,
      Start: `${months[d.month]}-01`,
      Finish: monthEnd(months[d.month]),
      FTE: d.fte,
      Type: d.type,
    }),
  );
  return [...monthly, ...hours];
}

function scaleToPeakLoad(
  drafts: Draft[],
  resources: EntityRecord<"Resources">[],
  adjustments: EntityRecord<"CapacityAdjustments">[],
  months: string[],
): void {
  const supply = new Map<string, number[]>();
  const demand = new Map<string, number[]>();
  for (const role of ROLES) {
    supply.set(
      role,
      months.map(() => 0),
    );
    demand.set(
      role,
      months.map(() => 0),
    );
  }
  const ends = months.map(monthEnd);
  for (const r of resources) {
    const row = supply.get(String(r.values.Role));
    if (!row) continue;
    const start = r.values.Start as string | null;
    const finish = r.values.Finish as string | null;
    months.forEach((m, i) => {
      // Approximate here (whole months): the scaling only needs the rough peak.
      if ((!start || start <= ends[i]) && (!finish || finish >= `${m}-01`)) row[i] += Number(r.values.FTE);
    });
  }
  for (const a of adjustments) {
    const row = supply.get(String(a.values.Role));
    const i = months.indexOf(String(a.values.Period).slice(0, 7));
    if (row && i >= 0) row[i] += Number(a.values.DeltaFTE);
  }
  for (const d of drafts) demand.get(d.role)![d.month] += d.fte;
  for (const role of ROLES) {
    const s = supply.get(role)!;
    const peak = Math.max(...demand.get(role)!.map((v, i) => (s[i] > 0 ? v / s[i] : 0)));
    if (peak <= 0) continue;
    const factor = ROLE_PEAK_LOAD[role] / peak;
    for (const d of drafts) if (d.role === role) d.fte = Math.max(0.1, roundTo(d.fte * factor, 0.1));
  }
}

function mondayOnOrAfter(iso: IsoDate): IsoDate {
  const wd = weekday(iso);
  return addDays(iso, wd === 1 ? 0 : (8 - wd) % 7);
}

function maxIso(a: IsoDate, b: IsoDate): IsoDate {
  return a > b ? a : b;
}
