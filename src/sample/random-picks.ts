import type { Rng } from "../domain/random";
import { seededRng } from "../domain/random";

/**
 * Convenience draws over the seeded generator. Every sample module takes one of these so that a
 * seed reproduces the whole estate; each part of the estate gets its own stream (`fork`) so that
 * adding a field to one entity does not reshuffle every other entity.
 */
export class Picks {
  constructor(private readonly rng: Rng) {}

  static fromSeed(seed: number, stream: string): Picks {
    // Mix the stream name into the seed (FNV-1a) so streams are independent but reproducible.
    let h = 0x811c9dc5 ^ (seed >>> 0);
    for (let i = 0; i < stream.length; i++) {
      h ^= stream.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return new Picks(seededRng(h));
  }

  next(): number {
    return this.rng();
  }

  /** Integer in [lo, hi], both inclusive. */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.rng() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.rng() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.rng() * items.length)];
  }

  /** Picks by weight: `weighted([["a", 3], ["b", 1]])` gives "a" three times as often. */
  weighted<T>(options: readonly (readonly [T, number])[]): T {
    const total = options.reduce((s, [, w]) => s + w, 0);
    let x = this.rng() * total;
    for (const [value, w] of options) {
      x -= w;
      if (x < 0) return value;
    }
    return options[options.length - 1][0];
  }

  /** `count` distinct items (or all of them when there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = items.slice();
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.rng() * (copy.length - i));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy.slice(0, n);
  }
}

/** Zero-padded sequence number: `seq("PRJ", 12, 4)` → `PRJ-0012`. */
export function seq(prefix: string, n: number, width: number): string {
  return `${prefix}-${String(n).padStart(width, "0")}`;
}

/** Rounds to a multiple of `step` (money to £1,000, FTE to 0.1) without floating-point dust. */
export function roundTo(value: number, step: number): number {
  // `+ 0` turns -0 into 0 so that JSON and equality checks see one zero.
  if (step >= 1) return Math.round(value / step) * step + 0;
  const inv = Math.round(1 / step);
  return Math.round(value * inv) / inv + 0;
}
