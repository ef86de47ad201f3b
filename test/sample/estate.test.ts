import { daysBetween, isIsoDate } from "../../src/domain/dates";
import { DEFAULT_LISTS } from "../../src/domain/enums";
import type { Register } from "../../src/domain/register";
import { recordsOf } from "../../src/domain/register";
import type { FieldOf } from "../../src/domain/schema";
import { ENTITY_NAMES, SCHEMA } from "../../src/domain/schema";
import { generateEstate, measureEstateGeneration } from "../../src/sample/estate";
import { DELIBERATE_DEFECTS, UNKNOWN_PROGRAMME_ID } from "../../src/sample/estate-defects";
import { ROLES } from "../../src/sample/vocabulary";

const estate = generateEstate();
const e = estate.entities;
const byId = <T extends { id: string }>(list: T[]) => new Map(list.map((r) => [r.id, r]));
const projects = byId(e.Projects);
const str = (v: unknown) => (typeof v === "string" ? v : null);
const num = (v: unknown) => Number(v);

/** Project ids, with the tracker's defect hosts, that are allowed to break a date-order invariant. */
const DEFECT_IDS = new Set(DELIBERATE_DEFECTS.map((d) => d.id));

describe("generateEstate: determinism", () => {
  it("gives identical JSON for the same seed and different JSON for another seed", () => {
    expect(JSON.stringify(generateEstate({ seed: 1 }))).toBe(JSON.stringify(estate));
    expect(JSON.stringify(generateEstate({ seed: 2 }))).not.toBe(JSON.stringify(estate));
  });

  it("rejects a reporting date that is not YYYY-MM-DD", () => {
    expect(() => generateEstate({ reportingDate: "31/10/2026" })).toThrow(RangeError);
  });
});

describe("generateEstate: counts", () => {
  it("has the default shape: 5 programmes, 60 projects and realistic volumes", () => {
    expect(e.Programmes).toHaveLength(5);
    expect(e.Projects).toHaveLength(60);
    expect(e.Resources).toHaveLength(40);
    expect(e.Benefits).toHaveLength(30);
    expect(e.Issues).toHaveLength(60);
    expect(e.Risks.length).toBeGreaterThanOrEqual(100);
    expect(e.Risks.length).toBeLessThanOrEqual(140);
    expect(e.Dependencies).toHaveLength(25);
    expect(e.Milestones.length).toBeGreaterThanOrEqual(180);
    expect(e.Milestones.length).toBeLessThanOrEqual(360);
    expect(e.Allocations.length).toBeGreaterThan(500);
    expect(e.Financials.length).toBeGreaterThan(500);
    expect(e.CapacityAdjustments.length).toBeGreaterThan(5);
  });

  it("scales with the options", () => {
    const small = generateEstate({ projects: 12, programmes: 2, allocationsPerProject: 4 });
    expect(small.entities.Projects).toHaveLength(12);
    expect(small.entities.Programmes).toHaveLength(2);
    const perProject = new Map<string, number>();
    for (const a of small.entities.Allocations)
      perProject.set(String(a.values.ProjectId), (perProject.get(String(a.values.ProjectId)) ?? 0) + 1);
    for (const n of perProject.values()) expect(n).toBeLessThanOrEqual(4);
  });

  it("measures a generation with the clock it is given and reports the counts", () => {
    let t = 0;
    const result = measureEstateGeneration({ projects: 20, programmes: 2 }, () => (t += 250));
    expect(result.milliseconds).toBe(250);
    expect(result.counts.Projects).toBe(20);
  });
});

describe("generateEstate: canonical records", () => {
  it("holds every schema field, typed: ISO dates, fractions, numbers, canonical list values", () => {
    const bad: string[] = [];
    for (const entity of ENTITY_NAMES) {
      const names = SCHEMA[entity].fields
        .map((f) => f.name)
        .sort()
        .join(",");
      for (const r of recordsOf(estate, entity)) {
        if (Object.keys(r.values).sort().join(",") !== names) bad.push(`${r.id}: fields`);
        if (Object.keys(r.provenance).length) bad.push(`${r.id}: provenance`);
        for (const f of SCHEMA[entity].fields) {
          const v = r.values[f.name];
          if (v === null) continue;
          const numeric = ["money", "number", "integer", "percent", "rating5"].includes(f.type);
          if (f.type === "date" && !isIsoDate(v)) bad.push(`${r.id}.${f.name}=${v}`);
          if (numeric && typeof v !== "number") bad.push(`${r.id}.${f.name}=${v}`);
          if (f.type === "percent" && (num(v) < 0 || num(v) > 1)) bad.push(`${r.id}.${f.name}=${v}`);
          if (f.list && !(DEFAULT_LISTS[f.list] as readonly unknown[]).includes(v)) bad.push(`${r.id}.${f.name}=${v}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it("gives entities without natural ids unique derived ids and no id value", () => {
    for (const entity of ["Allocations", "Financials", "CapacityAdjustments"] as const) {
      const list = recordsOf(estate, entity);
      expect(new Set(list.map((r) => r.id)).size).toBe(list.length);
      for (const r of list) {
        expect(r.derivedId).toBe(true);
        expect(r.values[SCHEMA[entity].idField]).toBeNull();
      }
    }
  });
});

describe("generateEstate: projects look real", () => {
  it("spreads projects over every stage, status and several departments", () => {
    const stages = new Set(e.Projects.map((p) => p.values.Stage));
    expect([...stages].sort()).toEqual([...DEFAULT_LISTS.Stage].sort());
    expect(new Set(e.Projects.map((p) => p.values.Department)).size).toBeGreaterThanOrEqual(5);
    expect(new Set(e.Projects.map((p) => p.values.Status)).size).toBeGreaterThanOrEqual(4);
  });

  it("keeps budgets between £50k and £5m and % complete consistent with the stage", () => {
    for (const p of e.Projects) {
      expect(num(p.values.Budget)).toBeGreaterThanOrEqual(50_000);
      expect(num(p.values.Budget)).toBeLessThanOrEqual(5_000_000);
      const pc = num(p.values.PercentComplete);
      if (p.values.Stage === "Idea") expect(pc).toBe(0);
      if (p.values.Stage === "Delivery") expect(pc).toBeGreaterThanOrEqual(0.1);
      if (p.values.Stage === "Delivery") expect(pc).toBeLessThanOrEqual(0.95);
      if (p.values.Status === "Completed") expect(pc).toBe(1);
    }
  });

  it("has schedule slips over 30 and over 90 days, and overspends over 5 % and over 10 %", () => {
    const slips = e.Projects.filter((p) => p.values.BaselineFinish).map((p) =>
      daysBetween(String(p.values.BaselineFinish), String(p.values.ForecastFinish)),
    );
    expect(slips.some((s) => s > 30 && s <= 90)).toBe(true);
    expect(slips.some((s) => s > 90)).toBe(true);
    const variances = e.Projects.map((p) => (num(p.values.ForecastCost) - num(p.values.Budget)) / num(p.values.Budget));
    expect(variances.some((v) => v > 0.05 && v <= 0.1)).toBe(true);
    expect(variances.some((v) => v > 0.1)).toBe(true);
  });

  it("declares PRJ-0001 Green although it slipped 120 days and overspent 14 %", () => {
    const p = projects.get("PRJ-0001")!;
    expect(p.values.RagOverall).toBe("Green");
    expect(daysBetween(String(p.values.BaselineFinish), String(p.values.ForecastFinish))).toBe(120);
  });

  it("has stale status dates, commentary for most, one Forced in and one Forced out", () => {
    const stale = e.Projects.filter((p) => daysBetween(String(p.values.StatusDate), "2026-10-31") > 30);
    expect(stale.length).toBeGreaterThanOrEqual(1);
    expect(e.Projects.filter((p) => p.values.StatusCommentary).length / e.Projects.length).toBeGreaterThan(0.6);
    expect(e.Projects.filter((p) => p.values.Selection === "Forced in")).toHaveLength(1);
    expect(e.Projects.filter((p) => p.values.Selection === "Forced out")).toHaveLength(1);
  });

  it("keeps prioritisation criteria on their scales", () => {
    const fib = [1, 2, 3, 5, 8, 13, 20];
    for (const p of e.Projects) {
      expect([1, 2, 3, 4, 5]).toContain(p.values.StrategicAlignment);
      expect([1, 2, 3, 4, 5]).toContain(p.values.RiskScore);
      for (const f of ["BusinessValue", "TimeCriticality", "RiskReduction", "JobSize"] as const)
        expect(fib).toContain(p.values[f]);
    }
  });

  it("orders dates (start ≤ finish) everywhere except the deliberate defect", () => {
    const pairs: [FieldOf<"Projects">, FieldOf<"Projects">][] = [
      ["BaselineStart", "BaselineFinish"],
      ["ForecastStart", "ForecastFinish"],
      ["ActualStart", "ActualFinish"],
    ];
    const broken = e.Projects.filter((p) =>
      pairs.some(([a, b]) => str(p.values[a]) && str(p.values[b]) && str(p.values[a])! > str(p.values[b])!),
    );
    expect(broken.map((p) => p.id)).toEqual(["PRJ-0008"]);
  });
});

describe("generateEstate: the other entities", () => {
  it("places milestones inside their project's forecast window, except the deliberate defect", () => {
    const outside = e.Milestones.filter((m) => {
      const p = projects.get(String(m.values.ProjectId))!;
      const d = String(m.values.ForecastDate);
      return d < String(p.values.ForecastStart) || d > String(p.values.ForecastFinish);
    });
    expect(outside.map((m) => m.id)).toEqual(["MS-0004-03"]);
    const perProject = new Map<string, number>();
    for (const m of e.Milestones)
      perProject.set(String(m.values.ProjectId), (perProject.get(String(m.values.ProjectId)) ?? 0) + 1);
    for (const n of perProject.values()) expect(n).toBeGreaterThanOrEqual(3);
    for (const n of perProject.values()) expect(n).toBeLessThanOrEqual(6);
    expect(e.Milestones.some((m) => m.values.Status === "Late" && m.values.ActualDate === null)).toBe(true);
  });

  it("has mostly FS dependencies with lags, some SS, two Requires, one Excludes and no cycle", () => {
    const types = e.Dependencies.map((d) => d.values.Type);
    expect(types.filter((t) => t === "Requires")).toHaveLength(2);
    expect(types.filter((t) => t === "Excludes")).toHaveLength(1);
    expect(types.filter((t) => t === "SS").length).toBeGreaterThanOrEqual(1);
    expect(types.filter((t) => t === "FS").length).toBeGreaterThan(types.length / 2);
    expect(e.Dependencies.some((d) => d.values.Type === "FS" && num(d.values.LagDays) > 0)).toBe(true);
    expect(findCycle(estate)).toBeNull();
  });

  it("adds a three-project cycle when asked", () => {
    expect(findCycle(generateEstate({ dependencyCycle: true }))).toHaveLength(3);
  });

  it("has ~40 people over the six roles, allocations to known projects and roles", () => {
    expect(new Set(e.Resources.map((r) => r.values.Role))).toEqual(new Set(ROLES));
    for (const a of e.Allocations) {
      expect(projects.has(String(a.values.ProjectId))).toBe(true);
      expect(ROLES as readonly unknown[]).toContain(a.values.Role);
      expect(a.values.FTE === null).not.toBe(a.values.Hours === null);
      expect(String(a.values.Start) <= String(a.values.Finish)).toBe(true);
    }
    expect(e.Allocations.some((a) => a.values.Hours !== null)).toBe(true);
    expect(new Set(e.Allocations.map((a) => a.values.Type))).toEqual(new Set(["Committed", "Proposed"]));
  });

  it("over-allocates some role in some month (whole-month FTE against full-month headcount)", () => {
    const demand = new Map<string, number>();
    for (const a of e.Allocations)
      if (a.values.FTE !== null) {
        const k = `${a.values.Role}|${String(a.values.Start).slice(0, 7)}`;
        demand.set(k, (demand.get(k) ?? 0) + num(a.values.FTE));
      }
    const supply = new Map<string, number>();
    for (const r of e.Resources)
      if (!r.values.Start && !r.values.Finish)
        supply.set(String(r.values.Role), (supply.get(String(r.values.Role)) ?? 0) + num(r.values.FTE));
    const over = [...demand].filter(([k, d]) => d > (supply.get(k.split("|")[0]) ?? 0) * 1.1);
    expect(over.length).toBeGreaterThan(0);
  });

  it("adds monthly financial lines up to each project's budget, actual and forecast", () => {
    const sums = new Map<string, { b: number; a: number; f: number }>();
    for (const l of e.Financials) {
      const s = sums.get(String(l.values.ProjectId)) ?? { b: 0, a: 0, f: 0 };
      s.b += num(l.values.Budget ?? 0);
      s.a += Math.round(num(l.values.Actual ?? 0) * 100);
      s.f += Math.round(num(l.values.Forecast ?? 0) * 100);
      sums.set(String(l.values.ProjectId), s);
    }
    expect(sums.size).toBeGreaterThan(30);
    for (const [id, s] of sums) {
      const p = projects.get(id)!;
      expect(s.b).toBe(p.values.Budget);
      expect(s.a).toBe(Math.round(num(p.values.ActualCost ?? 0) * 100));
      expect(s.a + s.f).toBe(Math.round(num(p.values.ForecastCost) * 100));
    }
    expect(new Set(e.Financials.map((l) => l.values.CostType))).toEqual(new Set(["Capex", "Opex"]));
  });

  it("keeps exposure = P × I and has high exposures without an owner or a response", () => {
    for (const r of e.Risks) expect(r.values.Exposure).toBe(num(r.values.Probability) * num(r.values.Impact));
    const high = e.Risks.filter((r) => num(r.values.Exposure) >= 15);
    expect(high.some((r) => r.values.Owner === null)).toBe(true);
    expect(high.some((r) => r.values.Response === null)).toBe(true);
  });

  it("has benefits with planned and realised values and dates", () => {
    expect(e.Benefits.some((b) => num(b.values.RealisedValue) > 0)).toBe(true);
    expect(e.Benefits.every((b) => isIsoDate(b.values.PlannedDate))).toBe(true);
    expect(String(e.Benefits[0].values.Description)).toContain("\n");
  });
});

describe("DELIBERATE_DEFECTS", () => {
  it("are planted at their ids whatever the seed", () => {
    for (const seed of [1, 7, 42]) {
      const x = generateEstate({ seed }).entities;
      const p = byId(x.Projects);
      expect(p.get("PRJ-0003")!.values.Stage).toBe("Delivery");
      expect(p.get("PRJ-0003")!.values.Sponsor).toBeNull();
      expect(p.get("PRJ-0005")!.values.ProgrammeId).toBe(UNKNOWN_PROGRAMME_ID);
      expect(x.Programmes.some((g) => g.id === UNKNOWN_PROGRAMME_ID)).toBe(false);
      const p8 = p.get("PRJ-0008")!.values;
      expect(daysBetween(String(p8.ActualStart), String(p8.ActualFinish))).toBe(-21);
      expect(x.Risks.filter((r) => r.id === "RSK-0007")).toHaveLength(2);
      const m = x.Milestones.find((r) => r.id === "MS-0004-03")!;
      expect(daysBetween(String(p.get("PRJ-0004")!.values.ForecastFinish), String(m.values.ForecastDate))).toBe(45);
    }
  });

  it("lists five defects and leaves them out when asked", () => {
    expect(DELIBERATE_DEFECTS.map((d) => d.code)).toEqual([
      "missing-sponsor-in-delivery",
      "unknown-programme",
      "start-after-finish",
      "duplicate-risk-id",
      "milestone-outside-window",
    ]);
    const clean = generateEstate({ defects: false }).entities;
    expect(clean.Projects.find((p) => p.id === "PRJ-0003")!.values.Sponsor).not.toBeNull();
    expect(new Set(clean.Risks.map((r) => r.id)).size).toBe(clean.Risks.length);
    expect(DEFECT_IDS.size).toBe(5);
  });
});

/** A dependency cycle among projects and milestones (a milestone stands for its project), or null. */
function findCycle(register: Register): string[] | null {
  const owner = new Map(register.entities.Milestones.map((m) => [m.id, String(m.values.ProjectId)]));
  const node = (id: unknown) => owner.get(String(id)) ?? String(id);
  const next = new Map<string, string[]>();
  for (const d of register.entities.Dependencies) {
    const from = node(d.values.PredecessorId);
    next.set(from, [...(next.get(from) ?? []), node(d.values.SuccessorId)]);
  }
  const state = new Map<string, number>();
  const stack: string[] = [];
  const visit = (n: string): string[] | null => {
    state.set(n, 1);
    stack.push(n);
    for (const m of next.get(n) ?? []) {
      if (state.get(m) === 1) return stack.slice(stack.indexOf(m));
      if (!state.has(m)) {
        const found = visit(m);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(n, 2);
    return null;
  };
  for (const n of next.keys())
    if (!state.has(n)) {
      const found = visit(n);
      if (found) return found;
    }
  return null;
}
