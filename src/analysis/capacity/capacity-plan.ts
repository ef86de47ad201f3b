import type { IsoDate } from "../../domain/dates";
import type { Register } from "../../domain/register";
import { textValue } from "../../domain/register";
import type { CapacityProblem } from "./demand-supply";
import { computeDemand, computeSupply } from "./demand-supply";
import type { Horizon } from "./periods";
import { chooseHorizon } from "./periods";

export interface CapacityOptions {
  hoursPerDay?: number;
  from?: string;
  months?: number;
  /** Only these projects' demand (the "selected portfolio" scenario). */
  projects?: Set<string>;
  /** Utilisation above which a cell is amber (default 0.85) and red (default 1.0). */
  amber?: number;
  red?: number;
  /** Contributors listed per hot cell. */
  topContributors?: number;
  fallbackStart?: IsoDate;
}

export type Band = "red" | "amber" | "green" | "no capacity" | "none";

export interface RoleCapacity {
  demand: number[];
  committed: number[];
  proposed: number[];
  supply: number[];
  /** demand / supply as a fraction; null where there is no supply. */
  utilisation: (number | null)[];
  bands: Band[];
}

export interface Hotspot {
  role: string;
  month: string;
  demand: number;
  supply: number;
  utilisation: number | null;
  band: Band;
  overload: number;
  topProjects: { id: string; name: string | null; fte: number }[];
}

export interface CapacityPlan {
  months: string[];
  horizon: Horizon;
  roles: Record<string, RoleCapacity>;
  hotspots: Hotspot[];
  /** project → role → per-month demand (for selection and levelling). */
  byProject: Map<string, Map<string, ArrayLike<number>>>;
  byResource: Record<string, number[]>;
  problems: CapacityProblem[];
  totalOverload: number;
}

export function band(demand: number, supply: number, amber: number, red: number): Band {
  if (demand <= 1e-12 && supply <= 1e-12) return "none";
  if (supply <= 1e-12) return demand > 1e-12 ? "no capacity" : "none";
  const u = demand / supply;
  return u > red + 1e-12 ? "red" : u >= amber - 1e-12 ? "amber" : "green";
}

/** Over-allocation of one role in one month, in FTE-months (0 where demand fits). */
export function overload(demand: number, supply: number): number {
  return Math.max(0, demand - Math.max(0, supply));
}

export function planCapacity(register: Register, options: CapacityOptions = {}): CapacityPlan {
  const amber = options.amber ?? 0.85;
  const red = options.red ?? 1.0;
  const spans = register.entities.Allocations.flatMap((a) =>
    typeof a.values.Start === "string" && typeof a.values.Finish === "string"
      ? [{ start: a.values.Start, finish: a.values.Finish }]
      : [],
  );
  const horizon = chooseHorizon(spans, {
    from: options.from,
    months: options.months,
    fallbackStart: options.fallbackStart,
  });
  const { supply, problems: supplyProblems } = computeSupply(register, horizon);
  const demand = computeDemand(register, horizon, {
    hoursPerDay: options.hoursPerDay ?? 7,
    projects: options.projects,
    knownRoles: new Set(supply.keys()),
  });
  const n = horizon.months.length;
  const names = new Map(register.entities.Projects.map((p) => [p.id, textValue(p.values.Name)]));
  const roleNames = [...new Set([...supply.keys(), ...demand.total.keys()])].sort();
  const roles: Record<string, RoleCapacity> = {};
  const hotspots: Hotspot[] = [];
  let totalOverload = 0;
  const zero = new Float64Array(n);
  const demandByRole = projectsByRole(demand.byProject);
  for (const role of roleNames) {
    const d = demand.total.get(role) ?? zero;
    const s = supply.get(role) ?? zero;
    const rc: RoleCapacity = {
      demand: Array.from(d),
      committed: Array.from(demand.committed.get(role) ?? zero),
      proposed: Array.from(demand.proposed.get(role) ?? zero),
      supply: Array.from(s),
      utilisation: Array.from(d, (v, i) => (s[i] > 1e-12 ? v / s[i] : null)),
      bands: Array.from(d, (v, i) => band(v, s[i], amber, red)),
    };
    roles[role] = rc;
    for (let i = 0; i < n; i++) {
      const over = overload(d[i], s[i]);
      totalOverload += over;
      const b = rc.bands[i];
      if (b === "red" || b === "no capacity" || b === "amber") {
        hotspots.push({
          role,
          month: horizon.months[i],
          demand: d[i],
          supply: s[i],
          utilisation: rc.utilisation[i],
          band: b,
          overload: over,
          topProjects: topOf(demandByRole.get(role) ?? [], i, options.topContributors ?? 3).map((c) => ({
            ...c,
            name: names.get(c.id) ?? null,
          })),
        });
      }
    }
  }
  hotspots.sort(
    (a, b) => b.overload - a.overload || (a.role < b.role ? -1 : a.role > b.role ? 1 : a.month < b.month ? -1 : 1),
  );
  // Handed on as the typed arrays themselves: copying 40,000 project-role rows into plain arrays
  // cost more than the whole demand calculation (garbage collection).
  const byProject: Map<string, Map<string, ArrayLike<number>>> = demand.byProject;
  return {
    months: horizon.months,
    horizon,
    roles,
    hotspots,
    byProject,
    byResource: Object.fromEntries([...demand.byResource].map(([k, v]) => [k, Array.from(v)])),
    problems: [...supplyProblems, ...demand.problems],
    totalOverload,
  };
}

export function topContributors(
  byProject: Map<string, Map<string, Float64Array>>,
  role: string,
  month: number,
  k: number,
): { id: string; fte: number }[] {
  return topOf(projectsByRole(byProject).get(role) ?? [], month, k);
}

/** Each role's projects with their monthly demand, built once so hot cells need not scan every project. */
function projectsByRole(byProject: Map<string, Map<string, Float64Array>>): Map<string, [string, Float64Array][]> {
  const out = new Map<string, [string, Float64Array][]>();
  for (const [id, roles] of byProject) {
    for (const [role, months] of roles) {
      const list = out.get(role);
      if (list) list.push([id, months]);
      else out.set(role, [[id, months]]);
    }
  }
  return out;
}

/** The k largest contributors in one month, ties by id. */
function topOf(projects: [string, Float64Array][], month: number, k: number): { id: string; fte: number }[] {
  const out: { id: string; fte: number }[] = [];
  for (const [id, months] of projects) {
    const v = months[month] ?? 0;
    if (v > 1e-12) out.push({ id, fte: v });
  }
  out.sort((a, b) => b.fte - a.fte || (a.id < b.id ? -1 : 1));
  return out.slice(0, k);
}
