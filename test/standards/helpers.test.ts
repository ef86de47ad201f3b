import { findCycles } from "../../src/standards/cycles";
import { suggestDate } from "../../src/standards/date-fix";
import { nearestAllowed } from "../../src/standards/nearest-value";

describe("suggestDate", () => {
  test.each([
    ["2024-3-5", "dmy", "2024-03-05", true],
    ["2024/03/05 00:00:00", "dmy", "2024-03-05", true],
    ["31/12/2023", "dmy", "2023-12-31", true],
    ["12/31/2023", "dmy", "2023-12-31", true],
    ["05/02/25", "dmy", "2025-02-05", false],
    ["05/02/25", "mdy", "2025-05-02", false],
    ["07.07.2022", "dmy", "2022-07-07", true],
    ["5 March 2024", "dmy", "2024-03-05", true],
    ["5-Mar-24", "dmy", "2024-03-05", true],
    ["March 5, 2024", "dmy", "2024-03-05", true],
  ] as const)("%s (%s) → %s, safe %s", (text, order, iso, safe) => {
    expect(suggestDate(text, order)).toEqual({ value: iso, safe });
  });

  test("Excel serials in plausible years, nothing for nonsense", () => {
    expect(suggestDate(45382, "dmy")).toEqual({ value: "2024-03-31", safe: true });
    expect(suggestDate(12, "dmy")).toBeNull();
    expect(suggestDate("31/02/2024", "dmy")).toBeNull();
    expect(suggestDate("TBC", "dmy")).toBeNull();
  });
});

describe("nearestAllowed", () => {
  const rag = ["Red", "Amber", "Green"];
  test("trim and case are safe; synonyms are safe; close unique typos are safe", () => {
    expect(nearestAllowed("Amber ", rag)).toEqual({ value: "Amber", safe: true, kind: "trim" });
    expect(nearestAllowed("GREEN", rag)).toEqual({ value: "Green", safe: true, kind: "case" });
    expect(nearestAllowed("A", rag, { a: "Amber" })).toEqual({ value: "Amber", safe: true, kind: "nearest" });
    expect(nearestAllowed("Ambr", rag)).toEqual({ value: "Amber", safe: true, kind: "nearest" });
  });
  test("far or tied values are suggestions only, or nothing", () => {
    expect(nearestAllowed("Gre", rag)).toEqual({ value: "Red", safe: false, kind: "nearest" });
    expect(nearestAllowed("Ambre", rag)).toEqual({ value: "Amber", safe: false, kind: "nearest" });
    expect(nearestAllowed("Exempt under Section 43", rag)).toBeUndefined();
  });
});

describe("findCycles (Tarjan)", () => {
  test("two separate cycles and a self-loop, each named from its smallest id; acyclic parts left out", () => {
    const edges = new Map<string, string[]>([
      ["A", ["B"]],
      ["B", ["C"]],
      ["C", ["A", "D"]],
      ["D", ["E"]],
      ["E", []],
      ["X", ["Y"]],
      ["Y", ["X"]],
      ["S", ["S"]],
    ]);
    expect(findCycles([...edges.keys()], edges)).toEqual([
      ["A", "B", "C", "A"],
      ["S", "S"],
      ["X", "Y", "X"],
    ]);
  });
  test("a 20,000-long chain closing on itself does not overflow the stack", () => {
    const n = 20_000;
    const edges = new Map<string, string[]>();
    for (let i = 0; i < n; i++)
      edges.set(`N${String(i).padStart(5, "0")}`, [`N${String((i + 1) % n).padStart(5, "0")}`]);
    const [cycle] = findCycles([...edges.keys()], edges);
    expect(cycle).toHaveLength(n + 1);
    expect(cycle[0]).toBe("N00000");
    expect(cycle[n]).toBe("N00000");
  });
  test("a cycle through an id that only an edge names (not in the node list) is still found", () => {
    const edges = new Map<string, string[]>([
      ["P-1", ["P-9"]],
      ["P-9", ["P-1"]],
    ]);
    expect(findCycles(["P-1"], edges)).toEqual([["P-1", "P-9", "P-1"]]);
    expect(findCycles(["P-2"], edges)).toEqual([]);
  });
});
