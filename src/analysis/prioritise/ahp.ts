import type { PrioritisationProblem } from "./types";

/**
 * Analytic Hierarchy Process weights (Saaty): the principal eigenvector of a reciprocal pairwise
 * matrix by power iteration, λmax, CI = (λmax − n)/(n − 1), CR = CI / RI with RI pinned to
 * Saaty's table; CR > 0.10 is flagged. Inputs are validated (square, positive, reciprocal, on
 * the 1–9 scale); problems name the cell so the settings sheet can point at it.
 */
export const SAATY_RI: Readonly<Record<number, number>> = {
  3: 0.58,
  4: 0.9,
  5: 1.12,
  6: 1.24,
  7: 1.32,
  8: 1.41,
  9: 1.45,
  10: 1.49,
};

export interface AhpResult {
  weights: number[];
  lambdaMax: number;
  ci: number;
  cr: number;
  consistent: boolean;
  /** 0-based [i, j], i < j: the judgement whose a_ij·w_j/w_i is furthest from 1 (on a log scale). */
  mostInconsistentPair?: [number, number];
  problems: PrioritisationProblem[];
  notes: string[];
}

/** How far off a reciprocal/scale value may be: people type 0.33 for 1/3. */
const TOLERANCE = 0.01;

function validate(matrix: readonly (readonly number[])[]): { problems: PrioritisationProblem[]; usable: boolean } {
  const problems: PrioritisationProblem[] = [];
  const n = matrix.length;
  let usable = n > 0;
  matrix.forEach((row, i) => {
    if (row.length !== n) {
      problems.push({
        kind: "badMatrix",
        cell: [i, 0],
        message: `Row ${i + 1} of the pairwise matrix has ${row.length} entries; it needs ${n}.`,
      });
      usable = false;
    }
  });
  if (!usable) return { problems, usable };
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const a = matrix[i][j];
      const where = `cell (${i + 1}, ${j + 1})`;
      if (!Number.isFinite(a) || a <= 0) {
        problems.push({
          kind: "badMatrix",
          cell: [i, j],
          message: `The pairwise matrix's ${where} holds ${a}; judgements must be positive numbers.`,
        });
        usable = false;
        continue;
      }
      if (i === j) {
        if (Math.abs(a - 1) > 1e-12)
          problems.push({
            kind: "badMatrix",
            cell: [i, j],
            message: `The diagonal ${where} holds ${a}; it must be 1.`,
          });
        continue;
      }
      const big = Math.max(a, 1 / a);
      if (big > 9 * (1 + TOLERANCE) || Math.abs(big - Math.round(big)) > TOLERANCE * big) {
        problems.push({
          kind: "badMatrix",
          cell: [i, j],
          message: `The pairwise matrix's ${where} holds ${a}, which is not on Saaty's 1–9 scale (1…9 or 1/2…1/9).`,
        });
      }
      if (j > i) {
        const b = matrix[j][i];
        if (Number.isFinite(b) && b > 0 && Math.abs(a * b - 1) > TOLERANCE) {
          problems.push({
            kind: "badMatrix",
            cell: [i, j],
            message: `The pairwise matrix is not reciprocal at ${where}: ${a} against ${b} at cell (${j + 1}, ${i + 1}); it should be 1/${a}.`,
          });
        }
      }
    }
  }
  return { problems, usable };
}

export function ahpWeights(matrix: readonly (readonly number[])[]): AhpResult {
  const n = matrix.length;
  const { problems, usable } = validate(matrix);
  const notes: string[] = [];
  if (!usable) {
    return {
      weights: matrix.map(() => 1 / Math.max(1, n)),
      lambdaMax: n,
      ci: 0,
      cr: 0,
      consistent: false,
      problems,
      notes,
    };
  }
  // Power iteration: a positive matrix has a unique positive principal eigenvector (Perron).
  let w = new Array<number>(n).fill(1 / n);
  for (let iter = 0; iter < 1000; iter++) {
    const next = matrix.map((row) => row.reduce((s, a, j) => s + a * w[j], 0));
    const sum = next.reduce((a, b) => a + b, 0);
    const normalised = next.map((x) => x / sum);
    const change = Math.max(...normalised.map((x, i) => Math.abs(x - w[i])));
    w = normalised;
    if (change < 1e-15) break;
  }
  const aw = matrix.map((row) => row.reduce((s, a, j) => s + a * w[j], 0));
  const lambdaMax = aw.reduce((s, x, i) => s + x / w[i], 0) / n;
  const ci = n > 2 ? (lambdaMax - n) / (n - 1) : 0;
  let ri = SAATY_RI[n];
  if (n > 10) {
    ri = SAATY_RI[10];
    notes.push(`Saaty's random index is tabulated up to 10 criteria; the CR for ${n} criteria uses RI = ${ri}.`);
  }
  const cr = n > 2 ? ci / ri : 0;
  let mostInconsistentPair: [number, number] | undefined;
  if (n > 2) {
    let worst = 1e-9;
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const dev = Math.abs(Math.log((matrix[i][j] * w[j]) / w[i]));
        if (dev > worst) {
          worst = dev;
          mostInconsistentPair = [i, j];
        }
      }
    }
  }
  const result: AhpResult = { weights: w, lambdaMax, ci, cr, consistent: cr <= 0.1, problems, notes };
  if (mostInconsistentPair) result.mostInconsistentPair = mostInconsistentPair;
  return result;
}
