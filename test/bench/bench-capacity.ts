import { computeDemand, computeSupply, levelCapacity, planCapacity } from "../../src/analysis/capacity";
import { addDays, addMonthKey, isoFromEpochDay, epochDay, monthRange, monthStart } from "../../src/domain/dates";
import { seededRng } from "../../src/domain/random";
import { emptyRegister, type FieldValue, type Register } from "../../src/domain/register";
import type { BenchArea, BenchRow } from "./bench-report";
import { limitVerdict } from "./bench-report";
import { timeOnce, timeRepeated } from "./measurement";
import { probeMemory } from "./memory-probe";

/**
 * Issue 5: demand and supply for 5,000 projects × 40 roles × 36 months, time and peak memory
 * (goal: under 300 ms of engine time). The register is generated here (seeded): each project has 8
 * allocations, each for one of 40 roles (skewed, so a few roles are short) over about 1–18 months,
 * some by named person, some in hours, committed or proposed; 190 people per role, some joining or leaving inside the
 * horizon, so most cells fit and some run hot, as in a real plan; 100 monthly adjustments.
 * The goal is applied to `planCapacity` (what `pmo capacity` computes); the bare demand/supply
 * arrays are shown beneath it. Levelling over the same register is timed too (no goal in the issue).
 */

const AREA = "capacity";
const PROJECTS = 5_000;
const ROLES = 40;
const MONTHS = 36;
const FROM = "2026-01";
const PEOPLE_PER_ROLE = 190;
const ALLOCATIONS_PER_PROJECT = 8;
export const CAPACITY_OPTIONS = { from: FROM, months: MONTHS };

const record = (id: string, values: Record<string, FieldValue>) => ({ id, values, extras: {}, provenance: {} });

export function capacityRegister(seed = 5): Register {
  const rng = seededRng(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rng() * (hi - lo + 1));
  const months = monthRange(FROM, addMonthKey(FROM, MONTHS - 1));
  const first = epochDay(monthStart(months[0]));
  const last = epochDay(addDays(monthStart(addMonthKey(months[MONTHS - 1], 1)), -1));
  const roles = Array.from({ length: ROLES }, (_, i) => `Role ${String(i + 1).padStart(2, "0")}`);
  const r = emptyRegister();
  const e = r.entities;
  for (const [k, role] of roles.entries()) {
    for (let p = 0; p < PEOPLE_PER_ROLE; p++) {
      const id = `RES-${String(k * PEOPLE_PER_ROLE + p + 1).padStart(4, "0")}`;
      const joins = rng() < 0.15 ? isoFromEpochDay(first + int(0, 700)) : null;
      const leaves = rng() < 0.1 ? isoFromEpochDay(last - int(0, 500)) : null;
      e.Resources.push(
        record(id, {
          ResourceId: id,
          Name: `Person ${k + 1}-${p + 1}`,
          Role: role,
          FTE: [1, 1, 1, 0.8, 0.6, 0.5][int(0, 5)],
          Start: joins,
          Finish: leaves && (!joins || leaves > joins) ? leaves : null,
        }),
      );
    }
  }
  for (let i = 0; i < 100; i++) {
    const id = `ADJ-${String(i + 1).padStart(3, "0")}`;
    e.CapacityAdjustments.push(
      record(id, {
        AdjustmentId: id,
        Role: roles[int(0, ROLES - 1)],
        Period: monthStart(months[int(0, MONTHS - 1)]),
        DeltaFTE: int(-3, 2) || -1,
        Reason: "Leave",
      }),
    );
  }
  for (let i = 0; i < PROJECTS; i++) {
    const pid = `PRJ-${String(i + 1).padStart(4, "0")}`;
    const stage = ["Delivery", "Planning", "Initiation", "Proposed"][int(0, 3)];
    e.Projects.push(record(pid, { ProjectId: pid, Name: `Project ${i + 1}`, Stage: stage }));
    const start = first - 270 + int(0, 1350);
    for (let k = 0; k < ALLOCATIONS_PER_PROJECT; k++) {
      const id = `ALC-${String(i * ALLOCATIONS_PER_PROJECT + k + 1).padStart(6, "0")}`;
      // Skewed: the first roles are in short supply, as a few specialisms are in any PMO.
      const roleIndex = Math.min(ROLES - 1, Math.floor(ROLES * Math.pow(rng(), 1.25)));
      const s = Math.min(last, start + int(0, 60));
      const f = Math.min(last + 90, s + int(20, 540));
      const hours = rng() < 0.1;
      e.Allocations.push(
        record(id, {
          AllocationId: id,
          ProjectId: pid,
          Role: roles[roleIndex],
          ResourceName: rng() < 0.5 ? `Person ${roleIndex + 1}-${int(1, PEOPLE_PER_ROLE)}` : null,
          Start: isoFromEpochDay(s),
          Finish: isoFromEpochDay(f),
          FTE: hours ? null : int(1, 10) / 10,
          Hours: hours ? int(50, 800) : null,
          Type: stage === "Proposed" ? "Proposed" : "Committed",
        }),
      );
    }
  }
  return r;
}

export const area: BenchArea = {
  name: AREA,
  title: "demand/supply for 5,000 projects × 40 roles × 36 months, and levelling",
  async run(ctx) {
    const register = capacityRegister();
    const options = CAPACITY_OPTIONS;
    ctx.log("capacity: demand and supply");
    planCapacity(register, options); // warm-up: JIT, not charged
    const plan = await timeRepeated(() => planCapacity(register, options), ctx.runs);
    const core = await timeRepeated(() => {
      const { supply } = computeSupply(register, plan.result.horizon);
      return computeDemand(register, plan.result.horizon, { hoursPerDay: 7, knownRoles: new Set(supply.keys()) });
    }, ctx.runs);
    ctx.log("capacity: peak memory in a fresh process");
    const memory = await probeMemory("capacity");
    const peak = memory.peakMB - memory.baseMB;
    const p = plan.result;
    const hot = p.hotspots.length;
    const rows: BenchRow[] = [
      {
        area: AREA,
        name: "demand/supply 5k projects × 40 roles × 36 months",
        measured: { value: plan.ms, unit: "ms" },
        goal: "< 300 ms",
        issue: 5,
        verdict: limitVerdict(plan.ms, 300),
        note:
          `${register.entities.Allocations.length.toLocaleString("en-GB")} allocations, ${register.entities.Resources.length.toLocaleString("en-GB")} resources, ` +
          `${register.entities.CapacityAdjustments.length} adjustments; ${Object.keys(p.roles).length} roles × ${p.months.length} months, ` +
          `${hot} hot cells, ${p.problems.length} problems. planCapacity (demand, supply, utilisation, bands, hotspots with ` +
          `top contributors), median of ${plan.runs.length} (${plan.runs.map((v) => v.toFixed(0)).join("/")} ms) after one warm-up.`,
      },
      {
        area: AREA,
        name: "  of which demand and supply arrays",
        measured: { value: core.ms, unit: "ms" },
        verdict: "info",
        note:
          "computeSupply + computeDemand alone; the rest of planCapacity is utilisation, bands and the hot cells' top " +
          "contributors (from a per-role index of projects, built once).",
      },
      {
        area: AREA,
        name: "  peak memory",
        measured: { value: peak, unit: "MB" },
        measuredText: `+${peak.toFixed(0)} MB`,
        issue: 5,
        verdict: "info",
        note: `planCapacity once in a fresh process: peak resident set ${memory.peakMB.toFixed(0)} MB, ${memory.baseMB.toFixed(0)} MB before the call (modules and the register).`,
      },
    ];
    ctx.log("capacity: levelling");
    const priority = register.entities.Projects.map((x) => x.id);
    const level = await timeOnce(() => levelCapacity(register, { months: p.months, priority, maxShiftMonths: 6 }));
    rows.push({
      area: AREA,
      name: "levelling proposal (same register)",
      measured: { value: level.ms, unit: "ms" },
      verdict: "info",
      note:
        `${level.result.shifts.length} shifts; overload ${level.result.overloadBefore.toFixed(0)} → ` +
        `${level.result.overloadAfter.toFixed(0)} FTE-months; priority = project id order; one run.`,
    });
    return rows;
  },
};
