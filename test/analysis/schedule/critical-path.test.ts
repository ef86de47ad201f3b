import { addDays } from "../../../src/domain/dates";
import { criticalPath } from "../../../src/analysis/schedule/critical-path";
import type { LinkType, ScheduleItem, ScheduleLink } from "../../../src/analysis/schedule/schedule-inputs";

/**
 * Hillier & Lieberman, Introduction to Operations Research, "Reliable Construction Co." (the
 * PERT/CPM chapter): 14 activities in weeks; the published answer is a 44-week project with
 * critical path A-B-C-E-F-J-L-N and slack D, G, H, M = 4, I = 2, K = 1. Weeks × 7 = days.
 */
const RELIABLE: [string, number, string[]][] = [
  ["A", 2, []],
  ["B", 4, ["A"]],
  ["C", 10, ["B"]],
  ["D", 6, ["C"]],
  ["E", 4, ["C"]],
  ["F", 5, ["E"]],
  ["G", 7, ["D"]],
  ["H", 9, ["E", "G"]],
  ["I", 7, ["C"]],
  ["J", 8, ["F", "I"]],
  ["K", 4, ["J"]],
  ["L", 5, ["J"]],
  ["M", 2, ["H"]],
  ["N", 6, ["K", "L"]],
];
const START = "2025-01-06";

function reliable(): { items: ScheduleItem[]; links: ScheduleLink[] } {
  const items = RELIABLE.map(([id, weeks]) => project(id, START, weeks * 7));
  const links = RELIABLE.flatMap(([id, , preds]) => preds.map((p) => link(p, id)));
  return { items, links };
}

function project(id: string, start: string | null, durationDays: number | null): ScheduleItem {
  return { id, kind: "project", start, durationDays, ...(durationDays === null ? { reason: "no dates" } : {}) };
}

function link(pred: string, succ: string, type: LinkType = "FS", lagDays = 0): ScheduleLink {
  return { predecessorId: pred, successorId: succ, type, lagDays };
}

describe("critical path: Reliable Construction (Hillier & Lieberman)", () => {
  const { items, links } = reliable();
  const result = criticalPath(items, links);

  it("finds the 44-week project and its critical path A-B-C-E-F-J-L-N", () => {
    expect(result.networks).toHaveLength(1);
    expect(result.networks[0].durationDays).toBe(44 * 7);
    expect(result.networks[0].start).toBe(START);
    expect(result.networks[0].finish).toBe(addDays(START, 44 * 7));
    expect(result.networks[0].criticalPath).toEqual(["A", "B", "C", "E", "F", "J", "L", "N"]);
    expect(result.networks[0].critical).toEqual(["A", "B", "C", "E", "F", "J", "L", "N"]);
    expect(result.cycles).toEqual([]);
  });

  it("gives the published slack: D, G, H, M 4 weeks, I 2, K 1, the rest 0", () => {
    const slackWeeks = Object.fromEntries(
      RELIABLE.map(([id]) => [id, (result.items[id].totalFloatDays as number) / 7]),
    );
    expect(slackWeeks).toEqual({ A: 0, B: 0, C: 0, D: 4, E: 0, F: 0, G: 4, H: 4, I: 2, J: 0, K: 1, L: 0, M: 4, N: 0 });
    for (const [id] of RELIABLE) expect(result.items[id].critical).toBe(slackWeeks[id] === 0);
  });

  it("gives the published earliest and latest times (weeks from the start)", () => {
    const week = (iso: string | null) => (Date.parse(iso as string) - Date.parse(START)) / 86_400_000 / 7;
    const times = (id: string) => {
      const s = result.items[id];
      return [week(s.earlyStart), week(s.earlyFinish), week(s.lateStart), week(s.lateFinish)];
    };
    expect(times("D")).toEqual([16, 22, 20, 26]);
    expect(times("H")).toEqual([29, 38, 33, 42]);
    expect(times("I")).toEqual([16, 23, 18, 25]);
    expect(times("K")).toEqual([33, 37, 34, 38]);
    expect(times("M")).toEqual([38, 40, 42, 44]);
    expect(times("N")).toEqual([38, 44, 38, 44]);
  });

  it("does not depend on the order items and links are given in", () => {
    const shuffled = criticalPath([...items].reverse(), [...links].reverse());
    expect(shuffled.networks[0].criticalPath).toEqual(["A", "B", "C", "E", "F", "J", "L", "N"]);
    for (const [id] of RELIABLE) expect(shuffled.items[id]).toEqual(result.items[id]);
  });
});

describe("critical path: link types and lags, worked by hand", () => {
  // P: 10 days from 2025-01-01. Q follows P by each link type with a 3-day lag; Q lasts 4 days.
  const cases: [LinkType, string, string][] = [
    ["FS", "2025-01-14", "2025-01-18"], // Q starts at P's finish (01-11) + 3
    ["SS", "2025-01-04", "2025-01-08"], // Q starts at P's start + 3
    ["FF", "2025-01-10", "2025-01-14"], // Q finishes at P's finish + 3
    ["SF", "2025-01-01", "2025-01-05"], // Q must finish ≥ P's start + 3 = 01-04; the network start (01-01) binds
  ];
  it.each(cases)("%s with a 3-day lag", (type, qStart, qFinish) => {
    const r = criticalPath([project("P", "2025-01-01", 10), project("Q", "2025-02-01", 4)], [link("P", "Q", type, 3)]);
    expect(r.items.Q.earlyStart).toBe(qStart);
    expect(r.items.Q.earlyFinish).toBe(qFinish);
  });

  it("SF with a lag long enough to bind, and late dates through SS and FF", () => {
    // SF lag 8: Q's finish ≥ P's start + 8 = 01-09, so Q starts 01-05.
    const sf = criticalPath([project("P", "2025-01-01", 10), project("Q", null, 4)], [link("P", "Q", "SF", 8)]);
    expect(sf.items.Q.earlyStart).toBe("2025-01-05");
    // Network ends at P's finish (01-11); Q may finish as late as 01-11, so float 2; P is critical.
    expect(sf.items.Q.lateFinish).toBe("2025-01-11");
    expect(sf.items.Q.totalFloatDays).toBe(2);
    expect(sf.items.P.critical).toBe(true);

    // SS lag 2 then a long Q: Q 01-03 → 01-23 drives the finish; P (10 days) may start as late as
    // Q's late start − 2 = 01-01, so both are critical and the chain is P → Q.
    const ss = criticalPath([project("P", "2025-01-01", 10), project("Q", null, 20)], [link("P", "Q", "SS", 2)]);
    expect(ss.networks[0].finish).toBe("2025-01-23");
    expect(ss.networks[0].criticalPath).toEqual(["P", "Q"]);
    expect(ss.items.P.totalFloatDays).toBe(0);

    // FF lag 5: Q (3 days) finishes ≥ P's finish + 5 = 01-16 → Q 01-13 → 01-16; P's late finish is
    // Q's late finish − 5 = 01-11: P critical; a negative lag (lead) on FS lets Q overlap P.
    const ff = criticalPath([project("P", "2025-01-01", 10), project("Q", null, 3)], [link("P", "Q", "FF", 5)]);
    expect([ff.items.Q.earlyStart, ff.items.Q.earlyFinish]).toEqual(["2025-01-13", "2025-01-16"]);
    expect(ff.items.P.lateFinish).toBe("2025-01-11");
    const lead = criticalPath([project("P", "2025-01-01", 10), project("Q", null, 3)], [link("P", "Q", "FS", -4)]);
    expect(lead.items.Q.earlyStart).toBe("2025-01-07");
  });

  it("treats milestones as zero-duration points", () => {
    const r = criticalPath(
      [
        project("P", "2025-03-01", 31),
        { id: "M1", kind: "milestone", start: "2025-04-10", durationDays: 0 },
        project("R", null, 5),
      ],
      [link("P", "M1", "FS", 7), link("M1", "R")],
    );
    expect(r.items.M1.earlyStart).toBe("2025-04-08");
    expect(r.items.M1.earlyFinish).toBe("2025-04-08");
    expect(r.items.R.earlyFinish).toBe("2025-04-13");
    expect(r.networks[0].criticalPath).toEqual(["P", "M1", "R"]);
  });

  it("starts each weakly-connected network at the earliest start among its projects", () => {
    const r = criticalPath(
      [
        project("A", "2025-05-01", 10),
        project("B", "2025-03-01", 5),
        project("C", null, 2),
        project("Z", "2026-01-01", 3),
      ],
      [link("A", "C"), link("B", "C")],
    );
    expect(r.networks.map((n) => [n.start, n.durationDays])).toEqual([
      ["2025-03-01", 12],
      ["2026-01-01", 3],
    ]);
    expect(r.items.A.earlyStart).toBe("2025-03-01");
    expect(r.items.B.totalFloatDays).toBe(5);
    expect(r.items.Z.network).toBe(1);
  });
});

describe("critical path: cycles and missing dates", () => {
  it("reports a cycle with its members and still analyses the rest", () => {
    const items = ["A", "B", "C", "D", "E", "F"].map((id) => project(id, "2025-01-01", 10));
    // B → C → D → B is a cycle; E depends on D; A → F is untouched, and A → B feeds the cycle.
    const links = [link("A", "B"), link("B", "C"), link("C", "D"), link("D", "B"), link("D", "E"), link("A", "F")];
    const r = criticalPath(items, links);
    expect(r.cycles).toEqual([["B", "C", "D"]]);
    for (const id of ["B", "C", "D"]) {
      expect(r.items[id].earlyStart).toBeNull();
      expect(r.items[id].reason).toBe("in a dependency cycle (B, C, D)");
    }
    expect(r.items.E.reason).toMatch(/^depends on D, which cannot be scheduled \(in a dependency cycle/);
    expect(r.items.F.earlyStart).toBe("2025-01-11");
    expect(r.networks).toHaveLength(1);
    expect(r.networks[0].criticalPath).toEqual(["A", "F"]);
  });

  it("finds several cycles and a self-loop", () => {
    const items = ["A", "B", "C", "D", "S"].map((id) => project(id, "2025-01-01", 1));
    const r = criticalPath(items, [link("A", "B"), link("B", "A"), link("C", "D"), link("D", "C"), link("S", "S")]);
    expect(r.cycles).toEqual([["A", "B"], ["C", "D"], ["S"]]);
    expect(r.networks).toEqual([]);
  });

  it("reports items without dates and their dependants, not crashing", () => {
    const r = criticalPath(
      [project("A", "2025-01-01", 10), project("X", null, null), project("Y", null, 5), project("Z", null, 5)],
      [link("A", "X"), link("X", "Y"), link("A", "Z"), link("A", "Q")],
    );
    expect(r.items.X.reason).toBe("no dates");
    expect(r.items.Y.reason).toBe("depends on X, which cannot be scheduled (no dates)");
    expect(r.items.Z.earlyFinish).toBe("2025-01-16");
    expect(r.ignoredLinks.map((l) => l.reason)).toEqual(["Q is not a scheduled project or milestone"]);
  });

  it("reports a network of undated milestones instead of inventing a start", () => {
    const r = criticalPath(
      [
        { id: "M1", kind: "milestone", start: null, durationDays: 0 },
        { id: "M2", kind: "milestone", start: null, durationDays: 0 },
      ],
      [link("M1", "M2")],
    );
    expect(r.items.M2.reason).toBe("no dated project or milestone in its network");
    expect(r.networks).toEqual([]);
  });
});
