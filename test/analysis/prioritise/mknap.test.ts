import { existsSync, readFileSync } from "fs";
import * as path from "path";
import { mknapToSelectionInput, parseMknap } from "./mknap";
import { sameObjective, selectPortfolio } from "../../../src/analysis/prioritise/selection";

// Beasley's OR-Library mknap1: 7 multidimensional knapsack instances with published optima.
const FILE = path.resolve(__dirname, "../../../../shared/corpus/mknap/mknap1.txt");
const PUBLISHED = [3800, 8706.1, 4015, 6120, 12400, 10618, 16537];
const present = existsSync(FILE);
if (!present)
  process.stderr.write(`\n*** mknap check NOT RUN: ${FILE} is absent (the shared corpus is missing). ***\n\n`);

describe("OR-Library mknap1 through portfolio selection", () => {
  it("parses a small file, wrapping rows included", () => {
    const [one] = parseMknap(" 1\n 3 2 7\n 4 3\n 2\n 1 1 1\n 1 1 1 5 4");
    expect(one).toEqual({
      n: 3,
      m: 2,
      optimum: 7,
      profits: [4, 3, 2],
      weights: [
        [1, 1, 1],
        [1, 1, 1],
      ],
      capacities: [5, 4],
    });
    expect(() => parseMknap("1\n 3 2 7\n 4 x 2")).toThrow('"x"');
  });

  it("models an instance as one role per constraint, one month, demand = weights", () => {
    const input = mknapToSelectionInput(parseMknap(" 1\n 2 2 0\n 5 6\n 1 2\n 3 4\n 9 8")[0]);
    expect(input.projects).toEqual([
      { id: "x1", value: 5 },
      { id: "x2", value: 6 },
    ]);
    expect(input.months).toEqual(["M1"]);
    expect([...input.supply!]).toEqual([
      ["R1", [9]],
      ["R2", [8]],
    ]);
    expect([...input.demand!.get("x2")!]).toEqual([
      ["R1", [2]],
      ["R2", [4]],
    ]);
  });

  if (present) {
    it("selects each of the 7 instances at exactly its published optimum", async () => {
      const instances = parseMknap(readFileSync(FILE, "utf8"));
      expect(instances.map((i) => i.optimum)).toEqual(PUBLISHED);
      const times: string[] = [];
      for (const instance of instances) {
        const t = performance.now();
        const r = await selectPortfolio(mknapToSelectionInput(instance), { frontier: false, hire: false });
        times.push(`${instance.n}×${instance.m} ${(performance.now() - t).toFixed(0)} ms`);
        expect(r.status).toBe("optimal");
        expect(sameObjective(r.objective, instance.optimum)).toBe(true);
      }
      process.stderr.write(`mknap1 solve times: ${times.join(", ")}\n`);
    });
  } else {
    it("records that the mknap corpus file is absent", () => {
      expect(existsSync(FILE)).toBe(false);
    });
  }
});
