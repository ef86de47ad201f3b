import fc from "fast-check";
import { derivedId, stableHash } from "../../src/domain/ids";

/** The definition derivedId must keep: the hash of the trimmed, lower-cased parts joined by U+241F. */
function byDefinition(prefix: string, parts: (string | number | null | undefined)[]): string {
  const key = parts.map((p) => (p === null || p === undefined ? "" : String(p).trim().toLowerCase())).join("\u241f");
  return `${prefix}-${stableHash(key).slice(0, 6).toUpperCase()}`;
}

describe("derivedId", () => {
  it("gives the published FNV-1a ids (ids already in users' registers must not change)", () => {
    // FNV-1a 32-bit of "a" is 0xe40c292c (the reference test vector); the id keeps its top 24 bits.
    expect(stableHash("a")).toBe("e40c292c");
    expect(derivedId("PRJ", ["a"])).toBe("PRJ-E40C29");
    expect(derivedId("ALC", ["PRJ-1", "Dev", null, "2026-04-01", "2026-04-30", "x.xlsx"])).toBe("ALC-EB6C7D");
    // Case and surrounding spaces do not matter; blanks and missing parts are the same empty part.
    expect(derivedId("RSK", ["  Supplier Late ", "PRJ-7"])).toBe(derivedId("RSK", ["supplier late", "prj-7"]));
    expect(derivedId("MS", [null, "x"])).toBe(derivedId("MS", [undefined, "x"]));
    expect(derivedId("MS", [null, "x"])).not.toBe(derivedId("MS", ["x"]));
  });

  it("equals its definition for any parts", () => {
    const part = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.double(),
      fc.integer(),
      fc.constant(null),
      fc.constant(undefined),
    );
    fc.assert(
      fc.property(fc.string(), fc.array(part, { maxLength: 8 }), (prefix, parts) => {
        expect(derivedId(prefix, parts)).toBe(byDefinition(prefix, parts));
      }),
      { numRuns: 2000, seed: 1 },
    );
  });
});
