import { distance } from "fastest-levenshtein";
import type { FieldValue } from "../domain/register";
import type { FindingFix } from "./types";

/**
 * The fix for a value outside its allowed list (or an unknown reference): trimmed or re-cased when
 * that alone matches (safe), a known synonym (safe), else the nearest value by edit distance (none when nothing is close) — safe
 * only when it is unambiguous (one value at the smallest distance) and close (at most a third of the
 * word changed).
 */
export function nearestAllowed(
  value: string,
  allowed: readonly string[],
  synonyms: Record<string, string> = {},
): FindingFix | undefined {
  if (allowed.length === 0) return undefined;
  const trimmed = value.trim().replace(/\s+/g, " ");
  if (allowed.includes(trimmed)) return { value: trimmed, safe: true, kind: "trim" };
  const lower = trimmed.toLowerCase();
  const cased = allowed.filter((a) => a.toLowerCase() === lower);
  if (cased.length === 1) return { value: cased[0], safe: true, kind: "case" };
  const syn = synonyms[lower];
  if (syn !== undefined && allowed.includes(syn)) return { value: syn, safe: true, kind: "nearest" };
  let best: string[] = [];
  let bestD = Infinity;
  for (const a of allowed) {
    const d = distance(lower, a.toLowerCase());
    if (d < bestD) [best, bestD] = [[a], d];
    else if (d === bestD) best.push(a);
  }
  // A value nowhere near any allowed one (an exemption sentence, "Blue" for a RAG) gets no suggestion.
  const longest = Math.max(lower.length, best[0].length);
  if (bestD > Math.max(2, Math.floor(longest / 2))) return undefined;
  const safe = best.length === 1 && bestD <= Math.max(1, Math.floor(trimmed.length / 3));
  return { value: best[0] as FieldValue, safe, kind: "nearest" };
}
