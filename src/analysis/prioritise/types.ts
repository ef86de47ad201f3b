/**
 * Shapes shared by the prioritisation modules (scoring, AHP, WSJF, rank stability, selection).
 * The ranking shape is the `prioritise` JSON contract in docs/conventions.md "JSON shapes".
 */

export interface RankedProject {
  id: string;
  score: number;
  /** 1-based position; ties broken by id in code-point order, so ranks are unique. */
  rank: number;
  /** 5th–95th percentile rank under perturbed weights ([rank, rank] when there are no weights). */
  rankRange: [number, number];
  /** Points each criterion contributes; they sum to `score`. */
  breakdown: Record<string, number>;
}

export type PrioritisationProblemKind =
  | "missingColumn"
  | "missingValue"
  | "nonNumeric"
  | "offScale"
  | "badCriterion"
  | "badWeights"
  | "badMatrix"
  | "badInput";

/** Something in the inputs a user should fix; the computation carries on where it can and says how. */
export interface PrioritisationProblem {
  kind: PrioritisationProblemKind;
  message: string;
  projectId?: string;
  column?: string;
  criterion?: string;
  /** For AHP matrices: the 0-based cell [row, column]. */
  cell?: [number, number];
}

export interface RankingResult {
  ranking: RankedProject[];
  notes: string[];
  problems: PrioritisationProblem[];
}
