import { parseWeights } from "../../src/taskpane/weights-form";

describe("criteria weights as typed in the pane", () => {
  it("reads decimal points and commas, and totals what it read", () => {
    expect(parseWeights({ A: "0.4", B: "0,35", C: " 1 " })).toEqual({
      weights: { A: 0.4, B: 0.35, C: 1 },
      problems: [],
      total: 1.75,
    });
  });

  it("refuses blanks, negatives and text, naming the criterion", () => {
    expect(parseWeights({ A: "", B: "-1", C: "high", D: "2" }).problems).toEqual([
      "Weight of A: give a number of zero or more.",
      "Weight of B: give a number of zero or more.",
      "Weight of C: give a number of zero or more.",
    ]);
  });

  it("refuses all weights at zero: nothing would rank", () => {
    expect(parseWeights({ A: "0", B: "0" }).problems).toEqual(["Give at least one criterion a weight above zero."]);
  });
});
