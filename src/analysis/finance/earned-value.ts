import { daysInMonth, monthKey, type IsoDate, daysBetween, isIsoDate } from "../../domain/dates";
import { numberValue, textValue, type FieldValue, type Register } from "../../domain/register";

/**
 * Earned value at the status date (docs/domain.md "Earned value", PMI's formulas). Figures are
 * kept in full precision; rounding is for display. A figure that cannot be computed is null and
 * `reasons` says why, so no NaN or Infinity ever leaves this module.
 */
export const EV_FIGURES = [
  "bac",
  "pv",
  "ev",
  "ac",
  "cv",
  "sv",
  "cpi",
  "spi",
  "eac",
  "eacAtypical",
  "eacComposite",
  "etc",
  "vac",
  "tcpi",
] as const;
export type EvFigure = (typeof EV_FIGURES)[number];

const LABEL: Record<EvFigure, string> = {
  bac: "BAC",
  pv: "PV",
  ev: "EV",
  ac: "AC",
  cv: "CV",
  sv: "SV",
  cpi: "CPI",
  spi: "SPI",
  eac: "EAC",
  eacAtypical: "EAC (atypical)",
  eacComposite: "EAC (CPI·SPI)",
  etc: "ETC",
  vac: "VAC",
  tcpi: "TCPI",
};

export type EarnedValueFigures = Record<EvFigure, number | null>;

export interface EarnedValue extends EarnedValueFigures {
  projectId: string;
  statusDate: IsoDate | null;
  /** How PV was found: from monthly Financials budgets, or linearly over the baseline. */
  pvMethod: "time-phased" | "linear" | null;
  reasons: Partial<Record<EvFigure, string>>;
}

/** One month's budget for a project (Financials' Budget summed over cost types). */
export interface MonthlyBudget {
  month: string; // YYYY-MM
  budget: number;
}

export interface EvInput {
  projectId: string;
  bac: number | null;
  /** Fraction 0–1. */
  percentComplete: number | null;
  actualCost: number | null;
  baselineStart: IsoDate | null;
  baselineFinish: IsoDate | null;
  /** When present (non-empty), PV is time-phased from these. */
  monthlyBudget?: MonthlyBudget[];
}

/**
 * Time-phased PV: the budget of months wholly before the status date, plus the current month's
 * budget pro rata to the days elapsed in it (status date − first of the month, not inclusive).
 */
export function timePhasedPv(months: MonthlyBudget[], statusDate: IsoDate): number {
  const current = monthKey(statusDate);
  let pv = 0;
  for (const m of months) {
    if (m.month < current) pv += m.budget;
    else if (m.month === current) {
      const [y, mo] = current.split("-").map(Number);
      pv += (m.budget * daysBetween(`${current}-01`, statusDate)) / daysInMonth(y, mo);
    }
  }
  return pv;
}

/** Linear PV share: (status − baseline start) / (baseline finish − baseline start), clamped to 0–1. */
export function linearPvFraction(start: IsoDate, finish: IsoDate, statusDate: IsoDate): number {
  const span = daysBetween(start, finish);
  const elapsed = daysBetween(start, statusDate);
  if (span <= 0) return elapsed >= 0 ? 1 : 0; // a zero-length baseline is all planned once reached
  return Math.min(1, Math.max(0, elapsed / span));
}

/** What each derived figure is computed from, and why it is null when all of those are present. */
const DEPENDS: Partial<Record<EvFigure, { on: EvFigure[]; otherwise: string }>> = {
  cv: { on: ["ev", "ac"], otherwise: "" },
  sv: { on: ["ev", "pv"], otherwise: "" },
  cpi: { on: ["ev", "ac"], otherwise: "no actual cost yet (AC is 0)" },
  spi: { on: ["ev", "pv"], otherwise: "nothing planned yet (PV is 0)" },
  eac: { on: ["bac", "cpi"], otherwise: "CPI is 0 (no value earned for the cost so far)" },
  eacAtypical: { on: ["bac", "ev", "ac"], otherwise: "" },
  eacComposite: { on: ["bac", "ev", "ac", "cpi", "spi"], otherwise: "CPI × SPI is 0" },
  etc: { on: ["eac", "ac"], otherwise: "" },
  vac: { on: ["bac", "eac"], otherwise: "" },
  tcpi: {
    on: ["bac", "ev", "ac"],
    otherwise: "the budget is already spent (AC ≥ BAC), so no efficiency can finish within it",
  },
};

/**
 * The derived figures from BAC, PV, EV and AC (PMI): CV = EV − AC, SV = EV − PV, CPI = EV / AC,
 * SPI = EV / PV, EAC = BAC / CPI (also AC + (BAC − EV) and AC + (BAC − EV) / (CPI·SPI)),
 * ETC = EAC − AC, VAC = BAC − EAC, TCPI = (BAC − EV) / (BAC − AC). Each is null, with a reason,
 * when an input is missing or a denominator is 0. Straight-line arithmetic first (it runs for
 * every project); the reasons are worked out only for the figures that came out null.
 */
export function earnedValueFigures(
  bac: number | null,
  pv: number | null,
  ev: number | null,
  ac: number | null,
  reasons: Partial<Record<EvFigure, string>> = {},
): { figures: EarnedValueFigures; reasons: Partial<Record<EvFigure, string>> } {
  const cpi = ev !== null && ac !== null && ac !== 0 ? ev / ac : null;
  const spi = ev !== null && pv !== null && pv !== 0 ? ev / pv : null;
  const eac = bac !== null && cpi !== null && cpi !== 0 ? bac / cpi : null;
  const perf = cpi !== null && spi !== null ? cpi * spi : 0;
  const f: EarnedValueFigures = {
    bac,
    pv,
    ev,
    ac,
    cv: ev !== null && ac !== null ? ev - ac : null,
    sv: ev !== null && pv !== null ? ev - pv : null,
    cpi,
    spi,
    eac,
    eacAtypical: bac !== null && ev !== null && ac !== null ? ac + bac - ev : null,
    eacComposite: bac !== null && ev !== null && ac !== null && perf !== 0 ? ac + (bac - ev) / perf : null,
    etc: eac !== null && ac !== null ? eac - ac : null,
    vac: bac !== null && eac !== null ? bac - eac : null,
    tcpi: bac !== null && ev !== null && ac !== null && bac - ac > 0 ? (bac - ev) / (bac - ac) : null,
  };
  // Fast path (most projects): every figure computed and finite, nothing to explain.
  let complete = true;
  for (const figure of EV_FIGURES) {
    const v = f[figure];
    if (v === null || !Number.isFinite(v)) complete = false;
  }
  if (complete) return { figures: f, reasons: {} };
  const why: Partial<Record<EvFigure, string>> = { ...reasons };
  // Nothing non-finite may leave (inputs come through numberValue, so this is belt and braces).
  for (const figure of EV_FIGURES) {
    const v = f[figure];
    if (v !== null && !Number.isFinite(v)) {
      f[figure] = null;
      why[figure] = "not a finite number";
    }
  }
  // A figure that needs a missing one names it and carries the underlying causes along
  // (EAC "needs CPI (no ActualCost)", not a chain of "needs … needs …").
  const roots: Partial<Record<EvFigure, string[]>> = {};
  for (const figure of EV_FIGURES) {
    const dep = DEPENDS[figure];
    if (f[figure] !== null || dep === undefined || why[figure] !== undefined) continue;
    const missing = dep.on.filter((p) => f[p] === null);
    if (missing.length === 0) {
      why[figure] = dep.otherwise;
      continue;
    }
    const causes = [...new Set(missing.flatMap((p) => roots[p] ?? (why[p] !== undefined ? [why[p] as string] : [])))];
    roots[figure] = causes;
    const names = missing.map((p) => LABEL[p]).join(" and ");
    why[figure] = causes.length ? `needs ${names} (${causes.join("; ")})` : `needs ${names}`;
  }
  return { figures: f, reasons: why };
}

export function earnedValue(input: EvInput, statusDate: IsoDate | null): EarnedValue {
  const reasons: Partial<Record<EvFigure, string>> = {};
  const { bac, percentComplete, actualCost } = input;
  if (bac === null) reasons.bac = "no Budget";
  if (actualCost === null) reasons.ac = "no ActualCost";

  let pv: number | null = null;
  let pvMethod: EarnedValue["pvMethod"] = null;
  if (statusDate === null) reasons.pv = "no status date";
  else if (input.monthlyBudget && input.monthlyBudget.length > 0) {
    pv = timePhasedPv(input.monthlyBudget, statusDate);
    pvMethod = "time-phased";
  } else if (bac === null) reasons.pv = "no Budget and no monthly budget in Financials";
  else if (input.baselineStart === null || input.baselineFinish === null) {
    reasons.pv = "no monthly budget in Financials and no BaselineStart/BaselineFinish to spread the Budget over";
  } else if (input.baselineFinish < input.baselineStart) reasons.pv = "BaselineFinish is before BaselineStart";
  else {
    pv = bac * linearPvFraction(input.baselineStart, input.baselineFinish, statusDate);
    pvMethod = "linear";
  }

  let ev: number | null = null;
  if (percentComplete === null) reasons.ev = "no PercentComplete";
  else if (bac === null) reasons.ev = "no Budget";
  else ev = percentComplete * bac;

  const derived = earnedValueFigures(bac, pv, ev, actualCost, reasons);
  return { projectId: input.projectId, statusDate, pvMethod, ...derived.figures, reasons: derived.reasons };
}

function dateOf(value: FieldValue | undefined): IsoDate | null {
  return isIsoDate(value) ? value : null;
}

/** Monthly budgets per project from Financials, in one pass (rows with no usable Period or Budget are skipped). */
export function monthlyBudgets(register: Register): Map<string, MonthlyBudget[]> {
  const sums = new Map<string, Map<string, number>>();
  for (const f of register.entities.Financials) {
    const projectId = textValue(f.values.ProjectId);
    const period = dateOf(f.values.Period);
    const budget = numberValue(f.values.Budget);
    if (projectId === null || period === null || budget === null) continue;
    let months = sums.get(projectId);
    if (!months) sums.set(projectId, (months = new Map()));
    const key = monthKey(period);
    months.set(key, (months.get(key) ?? 0) + budget);
  }
  const out = new Map<string, MonthlyBudget[]>();
  for (const [id, months] of sums)
    out.set(
      id,
      [...months].map(([month, budget]) => ({ month, budget })),
    );
  return out;
}

export function evInputFromProject(id: string, values: Record<string, FieldValue>, monthly?: MonthlyBudget[]): EvInput {
  return {
    projectId: id,
    bac: numberValue(values.Budget),
    percentComplete: numberValue(values.PercentComplete),
    actualCost: numberValue(values.ActualCost),
    baselineStart: dateOf(values.BaselineStart),
    baselineFinish: dateOf(values.BaselineFinish),
    ...(monthly ? { monthlyBudget: monthly } : {}),
  };
}

/** Earned value for every project in the register at the status date. */
export function earnedValueFromRegister(register: Register, statusDate: IsoDate | null): EarnedValue[] {
  const monthly = monthlyBudgets(register);
  return register.entities.Projects.map((p) =>
    earnedValue(evInputFromProject(p.id, p.values, monthly.get(p.id)), statusDate),
  );
}
