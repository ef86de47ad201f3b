import type { RegisterRecord } from "../../domain/register";
import { locateColumn, readNumber, valueAt } from "./criterion-values";
import type { StabilityOptions } from "./rank-stability";
import { rankOrder, rankStability } from "./rank-stability";
import type { Criterion } from "../../domain/settings-model";
import type { PrioritisationProblem, RankedProject, RankingResult } from "./types";

/**
 * Weighted scoring (docs/domain.md "Weighted scoring"): each criterion normalised to 0–1 over its scale
 * (benefit (x−min)/(max−min), cost (max−x)/(max−min), clamped), score = 100 · Σ wᵢ·nᵢ with the
 * weights summing to 1, every project's breakdown in points, ranks with rank ranges.
 */
export interface ScoringOptions {
  /** Rank-stability sampling (defaults: 1,000 samples, seed 1, ±20 %); `false` gives [rank, rank]. */
  stability?: StabilityOptions | false;
}

const fmt = (n: number): string => String(Number(n.toPrecision(6)));

/** Weights made to sum to 1; problems for negative or all-zero weights (those fall back to equal weights). */
export function normaliseWeights(criteria: readonly Criterion[]): {
  weights: number[];
  notes: string[];
  problems: PrioritisationProblem[];
} {
  const notes: string[] = [];
  const problems: PrioritisationProblem[] = [];
  const raw = criteria.map((c) => {
    if (!Number.isFinite(c.weight) || c.weight < 0) {
      problems.push({
        kind: "badWeights",
        criterion: c.name,
        message: `Criterion "${c.name}" has weight ${String(c.weight)}; weights must be zero or more. It counts as 0.`,
      });
      return 0;
    }
    return c.weight;
  });
  const sum = raw.reduce((a, b) => a + b, 0);
  if (criteria.length > 0 && sum <= 0) {
    problems.push({ kind: "badWeights", message: "Every criterion weight is zero; equal weights are used instead." });
    return { weights: criteria.map(() => 1 / criteria.length), notes, problems };
  }
  if (criteria.length > 0 && Math.abs(sum - 1) > 1e-9) {
    notes.push(`Criterion weights summed to ${fmt(sum)}; each was divided by ${fmt(sum)} so that they sum to 1.`);
  }
  return { weights: raw.map((w) => w / sum), notes, problems };
}

export function scoreProjects(
  projects: RegisterRecord[],
  criteria: Criterion[],
  options: ScoringOptions = {},
): RankingResult {
  const problems: PrioritisationProblem[] = [];
  const notes: string[] = [];
  const seen = new Set<string>();
  for (const c of criteria) {
    if (seen.has(c.name)) {
      problems.push({
        kind: "badCriterion",
        criterion: c.name,
        message: `Two criteria are named "${c.name}"; rename one so their points can be told apart.`,
      });
    }
    seen.add(c.name);
  }
  const w = normaliseWeights(criteria);
  notes.push(...w.notes);
  problems.push(...w.problems);

  const n = projects.length;
  const normalised: number[][] = projects.map(() => criteria.map(() => 0));
  criteria.forEach((c, k) => {
    const where = locateColumn(projects, c.source);
    if (where.kind === "missing") {
      problems.push({
        kind: "missingColumn",
        criterion: c.name,
        column: c.source,
        message: `Criterion "${c.name}" reads column "${c.source}", which is neither a Projects field nor a column in the register; every project scores 0 on it.`,
      });
      return;
    }
    const xs: (number | null)[] = projects.map((p) => {
      const reading = readNumber(valueAt(p, where));
      if (reading.kind === "number") return reading.value;
      problems.push(
        reading.kind === "blank"
          ? {
              kind: "missingValue",
              criterion: c.name,
              projectId: p.id,
              column: c.source,
              message: `Project ${p.id} has no value in "${c.source}" (criterion "${c.name}"); it scores 0 on that criterion.`,
            }
          : {
              kind: "nonNumeric",
              criterion: c.name,
              projectId: p.id,
              column: c.source,
              message: `Project ${p.id} has "${reading.text}" in "${c.source}", which is not a number (criterion "${c.name}"); it scores 0 on that criterion.`,
            },
      );
      return null;
    });
    const present = xs.filter((x): x is number => x !== null);
    const min = c.min ?? (present.length ? Math.min(...present) : 0);
    const max = c.max ?? (present.length ? Math.max(...present) : 0);
    if (c.min !== null && c.max !== null && c.max <= c.min) {
      problems.push({
        kind: "badCriterion",
        criterion: c.name,
        message: `Criterion "${c.name}" has scale min ${fmt(c.min)} not below max ${fmt(c.max)}; every project scores 0 on it.`,
      });
      return;
    }
    if (present.length > 0 && max <= min) {
      notes.push(
        `Every project has the same value (${fmt(min)}) for "${c.name}", so it adds the same points to every score and changes no rank.`,
      );
    }
    xs.forEach((x, p) => {
      if (x === null) return;
      const span = max - min;
      const t = span > 0 ? (c.direction === "cost" ? (max - x) / span : (x - min) / span) : 1;
      normalised[p][k] = Math.min(1, Math.max(0, t));
    });
  });

  const scores = normalised.map((row) => 100 * row.reduce((s, v, k) => s + w.weights[k] * v, 0));
  const ids = projects.map((p) => p.id);
  const order = rankOrder(scores, ids);
  const ranges =
    options.stability === false || n === 0 ? null : rankStability(normalised, w.weights, ids, options.stability ?? {});
  const ranking: RankedProject[] = order.map((p, r) => {
    const breakdown: Record<string, number> = {};
    criteria.forEach((c, k) => (breakdown[c.name] = (breakdown[c.name] ?? 0) + 100 * w.weights[k] * normalised[p][k]));
    return { id: ids[p], score: scores[p], rank: r + 1, rankRange: ranges ? ranges[p] : [r + 1, r + 1], breakdown };
  });
  return { ranking, notes, problems };
}
