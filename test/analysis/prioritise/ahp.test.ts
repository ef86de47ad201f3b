import { ahpWeights, SAATY_RI } from "../../../src/analysis/prioritise/ahp";

describe("AHP weights", () => {
  it("reproduces the textbook 3×3 example", () => {
    // Saaty-style example (docs/domain.md "AHP"): weights 0.637, 0.258, 0.105. λmax ≈ 3.0385, CI ≈ 0.0193,
    // CR = CI / 0.58 ≈ 0.0332 with Saaty's RI (0.03 to 2 d.p.; the 0.037 sometimes quoted
    // divides by Alonso–Lamata's RI 0.52 instead).
    const r = ahpWeights([
      [1, 3, 5],
      [1 / 3, 1, 3],
      [1 / 5, 1 / 3, 1],
    ]);
    expect(r.problems).toEqual([]);
    expect(r.weights.map((w) => w.toFixed(3))).toEqual(["0.637", "0.258", "0.105"]);
    expect(r.lambdaMax).toBeCloseTo(3.0385, 4);
    expect(r.ci).toBeCloseTo(0.0193, 4);
    expect(r.cr.toFixed(2)).toBe("0.03");
    expect(r.cr).toBeCloseTo(0.0332, 4);
    expect(r.consistent).toBe(true);
    expect(r.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it("gives CR 0 for a perfectly consistent matrix and for n ≤ 2", () => {
    const consistent = ahpWeights([
      [1, 2, 4],
      [1 / 2, 1, 2],
      [1 / 4, 1 / 2, 1],
    ]);
    expect(consistent.weights.map((w) => w * 7)).toEqual([
      expect.closeTo(4, 10),
      expect.closeTo(2, 10),
      expect.closeTo(1, 10),
    ]);
    expect(consistent.cr).toBeCloseTo(0, 10);
    expect(consistent.mostInconsistentPair).toBeUndefined();
    const two = ahpWeights([
      [1, 3],
      [1 / 3, 1],
    ]);
    expect(two.weights).toEqual([expect.closeTo(0.75, 12), expect.closeTo(0.25, 12)]);
    expect(two.cr).toBe(0);
  });

  it("flags an inconsistent matrix and names the most inconsistent judgement", () => {
    // A ≻ B (9), B ≻ C (9) but C ≻ A (9): a cycle. The (1, 3) judgement contradicts the other two most.
    const r = ahpWeights([
      [1, 9, 1 / 9],
      [1 / 9, 1, 9],
      [9, 1 / 9, 1],
    ]);
    expect(r.consistent).toBe(false);
    expect(r.cr).toBeGreaterThan(0.1);
    expect(r.mostInconsistentPair).toBeDefined();
    // A consistent 4×4 matrix for weights 8:4:2:1 with one judgement reversed (a_14 = 1/2 instead
    // of 8): that judgement is the one to revisit.
    const oneWrong = ahpWeights([
      [1, 2, 4, 1 / 2],
      [1 / 2, 1, 2, 4],
      [1 / 4, 1 / 2, 1, 2],
      [2, 1 / 4, 1 / 2, 1],
    ]);
    expect(oneWrong.consistent).toBe(false);
    expect(oneWrong.mostInconsistentPair).toEqual([0, 3]);
  });

  it("validates reciprocity, the diagonal and the 1–9 scale, naming the cell", () => {
    const r = ahpWeights([
      [1, 3, 12],
      [1 / 2, 1, 2.5],
      [1 / 12, 1 / 2.5, 2],
    ]);
    const cells = r.problems.map((p) => p.cell);
    expect(cells).toContainEqual([0, 1]); // 3 against 1/2: not reciprocal
    expect(cells).toContainEqual([0, 2]); // 12: off the scale
    expect(cells).toContainEqual([1, 2]); // 2.5: off the scale
    expect(cells).toContainEqual([2, 2]); // diagonal 2
    expect(r.problems.find((p) => p.cell?.[0] === 0 && p.cell?.[1] === 1)?.message).toContain(
      "not reciprocal at cell (1, 2)",
    );
    const bad = ahpWeights([
      [1, 0],
      [1, 1],
    ]);
    expect(bad.problems[0]).toMatchObject({ kind: "badMatrix", cell: [0, 1] });
    expect(bad.consistent).toBe(false);
  });

  it("pins RI to Saaty's table", () => {
    expect(SAATY_RI).toEqual({ 3: 0.58, 4: 0.9, 5: 1.12, 6: 1.24, 7: 1.32, 8: 1.41, 9: 1.45, 10: 1.49 });
  });
});
