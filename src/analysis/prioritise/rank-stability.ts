import { compareIds } from "../../domain/ids";
import { seededRng } from "../../domain/random";

/**
 * Rank stability (docs/domain.md "Rank stability"): 1,000 samples, each weight multiplied by a uniform factor in
 * [0.8, 1.2] and renormalised, seed 1; each project's 5th–95th percentile rank is its rank range.
 * Percentiles use the nearest-rank method (the ⌈p·S⌉-th smallest of S ranks).
 */
export interface StabilityOptions {
  samples?: number;
  seed?: number;
  /** Half-width of the multiplicative factor: 0.2 gives [0.8, 1.2]. */
  spread?: number;
}

// Math's functions held in module constants: hot loops then avoid a global lookup per call,
// which is slow where the code runs in a vm context (Jest) and costs nothing elsewhere.
const { round, floor, min, max } = Math;

/** Scores compared on a 1e-9 grid so that float noise never outranks the id tie-break. */
export function scoreKey(score: number): number {
  return round(score * 1e9);
}

/** Positions 0..n-1 ordered best first: score descending, then id in code-point order. */
export function rankOrder(scores: ArrayLike<number>, ids: readonly string[]): number[] {
  const keys = Array.from(scores, scoreKey);
  const order = ids.map((_, i) => i);
  order.sort((a, b) => keys[b] - keys[a] || compareIds(ids[a], ids[b]));
  return order;
}

/**
 * @param normalised per project, per criterion, the normalised value in [0, 1]
 * @param weights    criterion weights summing to 1
 * @returns per project (aligned with `ids`) the [5th, 95th] percentile rank
 */
export function rankStability(
  normalised: readonly (readonly number[])[],
  weights: readonly number[],
  ids: readonly string[],
  options: StabilityOptions = {},
): [number, number][] {
  const samples = options.samples ?? 1000;
  const spread = options.spread ?? 0.2;
  const rng = seededRng(options.seed ?? 1);
  const n = ids.length;
  const c = weights.length;
  if (n === 0) return [];
  if (c === 0 || samples <= 0) {
    const ranks = new Array<number>(n);
    rankOrder(new Float64Array(n), ids).forEach((p, r) => (ranks[p] = r + 1));
    return ranks.map((r) => [r, r]);
  }
  // Flat arrays and a fixed id order keep 2,000 projects × 1,000 samples well under a second.
  const values = new Float64Array(n * c);
  normalised.forEach((row, p) => row.forEach((v, k) => (values[p * c + k] = v)));
  const idOrder = new Int32Array(n);
  ids
    .map((_, i) => i)
    .sort((a, b) => compareIds(ids[a], ids[b]))
    .forEach((p, pos) => (idOrder[p] = pos));
  const byIdOrder = new Int32Array(n);
  idOrder.forEach((pos, p) => (byIdOrder[pos] = p));
  const ranks = new Int32Array(n * samples); // project-major: ranks[p * samples + s]
  const w = new Float64Array(c);
  const sorter = new RadixRanker(n);
  for (let s = 0; s < samples; s++) {
    let sum = 0;
    for (let k = 0; k < c; k++) {
      w[k] = weights[k] * (1 - spread + 2 * spread * rng());
      sum += w[k];
    }
    for (let k = 0; k < c; k++) w[k] /= sum || 1;
    for (let p = 0; p < n; p++) {
      let score = 0;
      for (let k = 0; k < c; k++) score += w[k] * values[p * c + k];
      sorter.setKey(p, scoreKey(100 * score));
    }
    const order = sorter.order(byIdOrder);
    for (let r = 0; r < n; r++) ranks[order[r] * samples + s] = r + 1;
  }
  const lo = Math.max(0, Math.ceil(0.05 * samples) - 1);
  const hi = Math.max(0, Math.ceil(0.95 * samples) - 1);
  const out: [number, number][] = [];
  for (let p = 0; p < n; p++) {
    const mine = ranks.subarray(p * samples, (p + 1) * samples).sort();
    out.push([mine[lo], mine[hi]]);
  }
  return out;
}

/**
 * Orders projects best score first, ties by id, with a stable LSD radix sort on the score key
 * (4 passes of 11 bits over a 37-bit key) starting from the id order: a comparison sort of
 * 2,000 doubles 1,000 times costs several times more in V8.
 */
class RadixRanker {
  private static readonly MAX_KEY = scoreKey(100);
  private static readonly SPLIT = 2 ** 22;
  private readonly lo: Int32Array;
  private readonly hi: Int32Array;
  private a: Int32Array;
  private b: Int32Array;
  private readonly counts = new Int32Array(2048);

  constructor(private readonly n: number) {
    this.lo = new Int32Array(n);
    this.hi = new Int32Array(n);
    this.a = new Int32Array(n);
    this.b = new Int32Array(n);
  }

  /** `key` is a score key in [0, scoreKey(100)]; larger is better. */
  setKey(p: number, key: number): void {
    const v = min(RadixRanker.MAX_KEY, max(0, RadixRanker.MAX_KEY - key));
    const h = floor(v / RadixRanker.SPLIT);
    this.hi[p] = h;
    this.lo[p] = v - h * RadixRanker.SPLIT;
  }

  /** Positions best first; `idOrdered` lists positions in id order (the tie-break). */
  order(idOrdered: Int32Array): Int32Array {
    const { n, counts } = this;
    this.a.set(idOrdered);
    for (let pass = 0; pass < 4; pass++) {
      const digits = pass < 2 ? this.lo : this.hi;
      const shift = pass % 2 ? 11 : 0;
      counts.fill(0);
      for (let i = 0; i < n; i++) counts[(digits[this.a[i]] >>> shift) & 2047]++;
      let sum = 0;
      for (let d = 0; d < 2048; d++) {
        const c = counts[d];
        counts[d] = sum;
        sum += c;
      }
      for (let i = 0; i < n; i++) {
        const v = this.a[i];
        this.b[counts[(digits[v] >>> shift) & 2047]++] = v;
      }
      const t = this.a;
      this.a = this.b;
      this.b = t;
    }
    return this.a;
  }
}
