import { datesCommitted } from "../../domain/commitment";
import type { IsoDate } from "../../domain/dates";
import { addMonthKey, addMonths, epochDay, isIsoDate, monthRange } from "../../domain/dates";
import type { Register } from "../../domain/register";
import { numberValue, textValue } from "../../domain/register";
import { computeSupply, spreadFte } from "./demand-supply";
import type { Horizon } from "./periods";
import { horizonOf } from "./periods";
import { workingDaysBetween } from "./working-days";

/**
 * Levelling proposal (docs/domain.md "Levelling"): in priority order, move lower-priority projects' start by whole
 * months (at most `maxShiftMonths`) so that demand fits supply. A shift is accepted only when it
 * lowers the total overload, and never when it would make a finish-to-start successor start before
 * its predecessor finishes (plus lag). Committed projects stay put unless allowed.
 */
export interface LevellingOptions {
  months: string[];
  /** Project ids from highest to lowest priority; projects not listed come last, by id. */
  priority?: string[];
  maxShiftMonths?: number;
  hoursPerDay?: number;
  moveCommitted?: boolean;
}

export interface Shift {
  projectId: string;
  name: string | null;
  months: number;
  newStart: IsoDate | null;
  newFinish: IsoDate | null;
  overloadRemoved: number;
}

export interface LevellingResult {
  shifts: Shift[];
  overloadBefore: number;
  overloadAfter: number;
  /** Role → month → overload left after the shifts (only non-zero cells). */
  remaining: { role: string; month: string; overload: number }[];
  /** Projects that could not move and why (committed, dependency). */
  held: { projectId: string; reason: string }[];
}

interface Alloc {
  role: string;
  start: number;
  finish: number;
  startIso: IsoDate;
  finishIso: IsoDate;
  fte: number;
}

/** Levelling does not move a project whose dates are committed (domain/commitment.ts). */
export const isCommitted = datesCommitted;

export function levelCapacity(register: Register, options: LevellingOptions): LevellingResult {
  const maxShift = options.maxShiftMonths ?? 6;
  const hoursPerDay = options.hoursPerDay ?? 7;
  // Extend the horizon so that moved demand is still counted rather than falling off the end.
  const last = options.months[options.months.length - 1];
  const horizon: Horizon = horizonOf(monthRange(options.months[0], addMonthKey(last, maxShift)));
  const n = horizon.months.length;
  const { supply } = computeSupply(register, horizon);
  const roleOfResource = new Map(
    register.entities.Resources.flatMap((r) => {
      const name = textValue(r.values.Name);
      const role = textValue(r.values.Role);
      return name && role ? [[name.toLowerCase(), role] as const] : [];
    }),
  );

  const allocs = new Map<string, Alloc[]>();
  for (const a of register.entities.Allocations) {
    const pid = textValue(a.values.ProjectId);
    const s = a.values.Start;
    const f = a.values.Finish;
    if (!pid || !isIsoDate(s) || !isIsoDate(f) || f < s) continue;
    const resource = textValue(a.values.ResourceName);
    const role = textValue(a.values.Role) ?? (resource ? roleOfResource.get(resource.toLowerCase()) : undefined);
    if (!role) continue;
    const s0 = epochDay(s);
    const f0 = epochDay(f);
    let fte = numberValue(a.values.FTE);
    if (fte === null) {
      const hours = numberValue(a.values.Hours);
      const wd = workingDaysBetween(s0, f0);
      if (hours === null || wd === 0) continue;
      fte = hours / wd / hoursPerDay;
    }
    if (!allocs.has(pid)) allocs.set(pid, []);
    allocs.get(pid)!.push({ role, start: s0, finish: f0, startIso: s, finishIso: f, fte });
  }

  const demandOf = (pid: string, shift: number): Map<string, Float64Array> => {
    const out = new Map<string, Float64Array>();
    for (const a of allocs.get(pid) ?? []) {
      const s = shift === 0 ? a.start : epochDay(addMonths(a.startIso, shift));
      const f = shift === 0 ? a.finish : epochDay(addMonths(a.finishIso, shift));
      let arr = out.get(a.role);
      if (!arr) {
        arr = new Float64Array(n);
        out.set(a.role, arr);
      }
      const target = arr;
      spreadFte(horizon, s, f, a.fte, (i, v) => {
        target[i] += v;
      });
    }
    return out;
  };

  const total = new Map<string, Float64Array>();
  const current = new Map<string, Map<string, Float64Array>>();
  for (const pid of allocs.keys()) {
    const d = demandOf(pid, 0);
    current.set(pid, d);
    for (const [role, arr] of d) {
      if (!total.has(role)) total.set(role, new Float64Array(n));
      const t = total.get(role)!;
      for (let i = 0; i < n; i++) t[i] += arr[i];
    }
  }
  const over = (role: string, i: number, d: number) => Math.max(0, d - Math.max(0, supply.get(role)?.[i] ?? 0));
  const totalOverload = () => {
    let sum = 0;
    for (const [role, arr] of total) for (let i = 0; i < n; i++) sum += over(role, i, arr[i]);
    return sum;
  };
  const overloadBefore = totalOverload();

  const projects = new Map(register.entities.Projects.map((p) => [p.id, p]));
  const shiftOf = new Map<string, number>();
  const shifted = (pid: string, which: "start" | "finish"): number | null => {
    const p = projects.get(pid);
    const iso =
      which === "start"
        ? (p?.values.ForecastStart ?? p?.values.BaselineStart)
        : (p?.values.ForecastFinish ?? p?.values.BaselineFinish);
    if (!isIsoDate(iso)) return null;
    const k = shiftOf.get(pid) ?? 0;
    return k === 0 ? epochDay(iso) : epochDay(addMonths(iso, k));
  };
  const successors = new Map<string, { succ: string; lag: number }[]>();
  for (const d of register.entities.Dependencies) {
    const type = textValue(d.values.Type) ?? "FS";
    if (type !== "FS") continue;
    const pred = textValue(d.values.PredecessorId);
    const succ = textValue(d.values.SuccessorId);
    if (!pred || !succ) continue;
    if (!successors.has(pred)) successors.set(pred, []);
    successors.get(pred)!.push({ succ, lag: numberValue(d.values.LagDays) ?? 0 });
  }
  const successorsHold = (pid: string, k: number): string | null => {
    const p = projects.get(pid);
    const f = p?.values.ForecastFinish ?? p?.values.BaselineFinish;
    if (!isIsoDate(f)) return null;
    const before = shifted(pid, "finish");
    const after = epochDay(addMonths(f, k));
    for (const { succ, lag } of successors.get(pid) ?? []) {
      const ss = shifted(succ, "start");
      if (ss === null || before === null) continue;
      const wasMet = ss >= before + lag;
      if (wasMet && ss < after + lag) return succ;
    }
    return null;
  };

  const rank = new Map((options.priority ?? []).map((id, i) => [id, i]));
  const order = [...allocs.keys()].sort((a, b) => {
    const ra = rank.get(a) ?? Number.MAX_SAFE_INTEGER;
    const rb = rank.get(b) ?? Number.MAX_SAFE_INTEGER;
    return ra !== rb ? rb - ra : a < b ? 1 : a > b ? -1 : 0; // lowest priority first
  });

  const shifts: Shift[] = [];
  const held: { projectId: string; reason: string }[] = [];
  for (const pid of order) {
    const p = projects.get(pid);
    if (!p) continue;
    const mine = current.get(pid)!;
    // Only projects contributing to an overloaded cell are worth moving.
    let contributes = false;
    for (const [role, arr] of mine) {
      const t = total.get(role)!;
      for (let i = 0; i < n && !contributes; i++) if (arr[i] > 1e-12 && over(role, i, t[i]) > 1e-9) contributes = true;
    }
    if (!contributes) continue;
    if (!options.moveCommitted && isCommitted(textValue(p.values.Stage), textValue(p.values.Selection))) {
      held.push({ projectId: pid, reason: "committed (in Delivery or forced in)" });
      continue;
    }
    let best: { k: number; gain: number; demand: Map<string, Float64Array> } | null = null;
    let blockedBy: string | null = null;
    for (let k = 1; k <= maxShift; k++) {
      const blocker = successorsHold(pid, k);
      if (blocker) {
        blockedBy = blocker;
        break; // a longer shift would break it too
      }
      const next = demandOf(pid, k);
      let gain = 0;
      for (const role of new Set([...mine.keys(), ...next.keys()])) {
        const t = total.get(role) ?? new Float64Array(n);
        const a = mine.get(role);
        const b = next.get(role);
        for (let i = 0; i < n; i++) {
          const without = t[i] - (a?.[i] ?? 0);
          gain += over(role, i, t[i]) - over(role, i, without + (b?.[i] ?? 0));
        }
      }
      if (gain > 1e-9 && (!best || gain > best.gain + 1e-9)) best = { k, gain, demand: next };
    }
    if (!best) {
      if (blockedBy) held.push({ projectId: pid, reason: `a later start would delay its successor ${blockedBy}` });
      continue;
    }
    for (const [role, arr] of mine) {
      const t = total.get(role)!;
      for (let i = 0; i < n; i++) t[i] -= arr[i];
    }
    for (const [role, arr] of best.demand) {
      if (!total.has(role)) total.set(role, new Float64Array(n));
      const t = total.get(role)!;
      for (let i = 0; i < n; i++) t[i] += arr[i];
    }
    current.set(pid, best.demand);
    shiftOf.set(pid, best.k);
    const s = p.values.ForecastStart ?? p.values.BaselineStart;
    const f = p.values.ForecastFinish ?? p.values.BaselineFinish;
    shifts.push({
      projectId: pid,
      name: textValue(p.values.Name),
      months: best.k,
      newStart: isIsoDate(s) ? addMonths(s, best.k) : null,
      newFinish: isIsoDate(f) ? addMonths(f, best.k) : null,
      overloadRemoved: best.gain,
    });
  }
  const remaining: { role: string; month: string; overload: number }[] = [];
  for (const [role, arr] of [...total].sort(([a], [b]) => (a < b ? -1 : 1))) {
    for (let i = 0; i < n; i++) {
      const o = over(role, i, arr[i]);
      if (o > 1e-9) remaining.push({ role, month: horizon.months[i], overload: o });
    }
  }
  return { shifts, overloadBefore, overloadAfter: totalOverload(), remaining, held };
}
