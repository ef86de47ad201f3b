import type { RegisterRecord } from "../../domain/register";
import { readNumber } from "./criterion-values";
import { rankOrder } from "./rank-stability";
import type { PrioritisationProblem, RankedProject, RankingResult } from "./types";

/**
 * Weighted Shortest Job First (SAFe): (BusinessValue + TimeCriticality + RiskReduction) / JobSize,
 * each on the Fibonacci-like scale 1, 2, 3, 5, 8, 13, 20. The breakdown splits the score into
 * each numerator term's share (term / JobSize), so the points still sum to the score.
 */
export const WSJF_SCALE: readonly number[] = [1, 2, 3, 5, 8, 13, 20];

const TERMS = [
  { field: "BusinessValue", label: "Business value" },
  { field: "TimeCriticality", label: "Time criticality" },
  { field: "RiskReduction", label: "Risk reduction" },
] as const;

function read(p: RegisterRecord, field: string, problems: PrioritisationProblem[]): number | null {
  const reading = readNumber(p.values[field]);
  if (reading.kind === "number") {
    if (!WSJF_SCALE.includes(reading.value)) {
      problems.push({
        kind: "offScale",
        projectId: p.id,
        column: field,
        message: `Project ${p.id} has ${reading.value} in ${field}, which is not on the WSJF scale 1, 2, 3, 5, 8, 13, 20; the value is used as it stands.`,
      });
    }
    return reading.value;
  }
  problems.push({
    kind: reading.kind === "blank" ? "missingValue" : "nonNumeric",
    projectId: p.id,
    column: field,
    message:
      reading.kind === "blank"
        ? `Project ${p.id} has no ${field}; it counts as 0 in its WSJF.`
        : `Project ${p.id} has "${reading.text}" in ${field}, which is not a number; it counts as 0 in its WSJF.`,
  });
  return null;
}

export function wsjf(projects: RegisterRecord[]): RankingResult {
  const problems: PrioritisationProblem[] = [];
  const breakdowns: Record<string, number>[] = [];
  const scores = projects.map((p) => {
    const terms = TERMS.map((t) => read(p, t.field, problems) ?? 0);
    const size = read(p, "JobSize", problems);
    const breakdown: Record<string, number> = {};
    if (size === null || size <= 0) {
      if (size !== null) {
        problems.push({
          kind: "offScale",
          projectId: p.id,
          column: "JobSize",
          message: `Project ${p.id} has JobSize ${size}; a job size must be positive, so its WSJF is 0.`,
        });
      }
      TERMS.forEach((t) => (breakdown[t.label] = 0));
      breakdowns.push(breakdown);
      return 0;
    }
    TERMS.forEach((t, k) => (breakdown[t.label] = terms[k] / size));
    breakdowns.push(breakdown);
    return terms.reduce((a, b) => a + b, 0) / size;
  });
  const ids = projects.map((p) => p.id);
  const ranking: RankedProject[] = rankOrder(scores, ids).map((p, r) => ({
    id: ids[p],
    score: scores[p],
    rank: r + 1,
    rankRange: [r + 1, r + 1],
    breakdown: breakdowns[p],
  }));
  const notes = ["WSJF has no weights to perturb, so each rank range is the rank itself."];
  return { ranking, notes, problems };
}
