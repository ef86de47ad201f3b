import { daysBetween, isIsoDate } from "../../domain/dates";
import type { IsoDate } from "../../domain/dates";
import { LIST_SYNONYMS } from "../../domain/enums";
import { numberValue, textValue, type FieldValue } from "../../domain/register";

/**
 * RAG computed from the numbers, shown beside the declared RAG and never overwriting it
 * (docs/domain.md "Computed RAG"): cost from overspend, (ForecastCost − Budget) / Budget, > 5 % Amber, > 10 %
 * Red (underspend is Green); schedule from the slip of ForecastFinish over BaselineFinish,
 * > 30 days Amber, > 90 Red; overall = the worst of those that could be computed.
 */
export type Rag = "Red" | "Amber" | "Green";

/** The settings module supplies these (PMO Settings' general keys of the same names); defaults below. */
export interface RagThresholds {
  /** Overspend fraction above which cost is Amber (0.05 = 5 %). */
  costAmberPct: number;
  costRedPct: number;
  /** Slip in days above which schedule is Amber. */
  scheduleAmberDays: number;
  scheduleRedDays: number;
}

export const DEFAULT_RAG_THRESHOLDS: RagThresholds = {
  costAmberPct: 0.05,
  costRedPct: 0.1,
  scheduleAmberDays: 30,
  scheduleRedDays: 90,
};

/** The thresholds as the PMO Settings sheet holds them (same names as `GeneralSettings`). */
export function ragThresholdsFromSettings(general: Partial<RagThresholds>): RagThresholds {
  return {
    costAmberPct: general.costAmberPct ?? DEFAULT_RAG_THRESHOLDS.costAmberPct,
    costRedPct: general.costRedPct ?? DEFAULT_RAG_THRESHOLDS.costRedPct,
    scheduleAmberDays: general.scheduleAmberDays ?? DEFAULT_RAG_THRESHOLDS.scheduleAmberDays,
    scheduleRedDays: general.scheduleRedDays ?? DEFAULT_RAG_THRESHOLDS.scheduleRedDays,
  };
}

export interface CostRag {
  rag: Rag | null;
  budget: number | null;
  forecastCost: number | null;
  /** ForecastCost − Budget (positive = overspend). */
  variance: number | null;
  /** variance / Budget, a fraction. */
  variancePct: number | null;
  reason?: string;
}

export interface ScheduleRag {
  rag: Rag | null;
  baselineFinish: IsoDate | null;
  /** ForecastFinish, or ActualFinish when the forecast is blank on a finished project. */
  forecastFinish: IsoDate | null;
  slipDays: number | null;
  reason?: string;
}

export interface ComputedRag {
  cost: CostRag;
  schedule: ScheduleRag;
  overall: { rag: Rag | null; basis: ("cost" | "schedule")[]; reason?: string };
}

export function costRag(
  budget: number | null,
  forecastCost: number | null,
  t: RagThresholds = DEFAULT_RAG_THRESHOLDS,
): CostRag {
  const base = { budget, forecastCost, variance: null, variancePct: null };
  if (budget === null) return { ...base, rag: null, reason: "no Budget" };
  if (forecastCost === null) return { ...base, rag: null, reason: "no ForecastCost" };
  const variance = forecastCost - budget;
  if (budget <= 0) {
    const reason = budget === 0 ? "Budget is 0, so the variance has no percentage" : "Budget is negative";
    return { ...base, variance, rag: null, reason };
  }
  const variancePct = variance / budget;
  const rag: Rag = variancePct > t.costRedPct ? "Red" : variancePct > t.costAmberPct ? "Amber" : "Green";
  return { budget, forecastCost, variance, variancePct, rag };
}

export function scheduleRag(
  baselineFinish: IsoDate | null,
  forecastFinish: IsoDate | null,
  t: RagThresholds = DEFAULT_RAG_THRESHOLDS,
): ScheduleRag {
  const base = { baselineFinish, forecastFinish, slipDays: null };
  if (baselineFinish === null) return { ...base, rag: null, reason: "no BaselineFinish" };
  if (forecastFinish === null) return { ...base, rag: null, reason: "no ForecastFinish" };
  const slipDays = daysBetween(baselineFinish, forecastFinish);
  const rag: Rag = slipDays > t.scheduleRedDays ? "Red" : slipDays > t.scheduleAmberDays ? "Amber" : "Green";
  return { baselineFinish, forecastFinish, slipDays, rag };
}

export function computeRag(
  values: Record<string, FieldValue>,
  thresholds: RagThresholds = DEFAULT_RAG_THRESHOLDS,
): ComputedRag {
  const date = (v: FieldValue | undefined) => (isIsoDate(v) ? v : null);
  const cost = costRag(numberValue(values.Budget), numberValue(values.ForecastCost), thresholds);
  const schedule = scheduleRag(
    date(values.BaselineFinish),
    date(values.ForecastFinish) ?? date(values.ActualFinish),
    thresholds,
  );
  const basis: ("cost" | "schedule")[] = [];
  if (cost.rag) basis.push("cost");
  if (schedule.rag) basis.push("schedule");
  const rag = worstRag(cost.rag, schedule.rag);
  if (rag === null)
    return { cost, schedule, overall: { rag, basis, reason: `cost: ${cost.reason}; schedule: ${schedule.reason}` } };
  const partial =
    basis.length < 2
      ? {
          reason: `from ${basis[0]} only (${basis[0] === "cost" ? `schedule: ${schedule.reason}` : `cost: ${cost.reason}`})`,
        }
      : {};
  return { cost, schedule, overall: { rag, basis, ...partial } };
}

const RANK3: Record<Rag, number> = { Red: 0, Amber: 1, Green: 2 };

export function worstRag(a: Rag | null, b: Rag | null): Rag | null {
  if (a === null) return b;
  if (b === null) return a;
  return RANK3[a] <= RANK3[b] ? a : b;
}

/**
 * Position on the five-point scale (Red 0, Amber/Red 1, Amber 2, Amber/Green 3, Green 4); the
 * three-point RAG sits on the same scale. Reads the synonyms the register accepts (A/G, AG, R…).
 * Null for anything else (e.g. Blue, "n/a").
 */
export function ragRank(value: string | null | undefined): number | null {
  const text = textValue(value ?? null);
  if (text === null) return null;
  const key = text.toLowerCase().replace(/\s+/g, " ");
  const canonical =
    FIVE_POINT.find((v) => v.toLowerCase() === key) ?? LIST_SYNONYMS.Confidence?.[key] ?? LIST_SYNONYMS.Rag?.[key];
  return canonical === undefined ? null : FIVE_POINT.indexOf(canonical as (typeof FIVE_POINT)[number]);
}

const FIVE_POINT = ["Red", "Amber/Red", "Amber", "Amber/Green", "Green"] as const;

/**
 * Whether a declared rating is greener than the computed one ("declared Green, computed Red").
 * Amber/Green is greener than Amber, Amber/Red is not. Unreadable ratings are never "greener".
 */
export function isGreenerThan(declared: string | null | undefined, computed: string | null | undefined): boolean {
  const d = ragRank(declared);
  const c = ragRank(computed);
  return d !== null && c !== null && d > c;
}
