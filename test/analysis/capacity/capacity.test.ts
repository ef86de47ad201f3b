import type { FieldValue, Register } from "../../../src/domain/register";
import { emptyRegister } from "../../../src/domain/register";
import type { EntityName } from "../../../src/domain/schema";
import { planCapacity, UNASSIGNED, workingDaysBetween } from "../../../src/analysis/capacity";
import { epochDay } from "../../../src/domain/dates";

function rec(id: string, values: Record<string, FieldValue>) {
  return { id, values, extras: {}, provenance: {} };
}
function reg(parts: Partial<Record<EntityName, Record<string, FieldValue>[]>>): Register {
  const r = emptyRegister();
  for (const [entity, rows] of Object.entries(parts) as [EntityName, Record<string, FieldValue>[]][]) {
    r.entities[entity] = rows.map((v, i) =>
      rec(String(v.ProjectId && entity === "Projects" ? v.ProjectId : `${entity}-${i + 1}`), v),
    );
  }
  return r;
}
const project = (id: string) => ({ ProjectId: id, Name: `Project ${id}` });
const dev = (fte = 1) => ({ Name: "Dana", Role: "Developer", FTE: fte });

describe("working days", () => {
  it("counts Monday to Friday inclusive of both ends", () => {
    expect(workingDaysBetween(epochDay("2025-01-04"), epochDay("2025-01-05"))).toBe(0); // Sat–Sun
    expect(workingDaysBetween(epochDay("2025-01-03"), epochDay("2025-01-06"))).toBe(2); // Fri–Mon
    expect(workingDaysBetween(epochDay("2025-01-01"), epochDay("2025-01-31"))).toBe(23);
    expect(workingDaysBetween(epochDay("2024-02-01"), epochDay("2024-02-29"))).toBe(21); // leap February
    expect(workingDaysBetween(epochDay("2025-02-01"), epochDay("2025-02-28"))).toBe(20);
  });
});

describe("demand and supply by role and month", () => {
  it("spreads a partial month by working days: 1 FTE from Wed 15 Jan 2025 to Fri 14 Feb 2025", () => {
    // January 2025 has 23 working days; 15–31 Jan holds 13. February has 20; 3–14 Feb holds 10 (1 Feb is a Saturday).
    const plan = planCapacity(
      reg({
        Projects: [project("P1")],
        Resources: [dev()],
        Allocations: [{ ProjectId: "P1", Role: "Developer", Start: "2025-01-15", Finish: "2025-02-14", FTE: 1 }],
      }),
    );
    expect(plan.months).toEqual(["2025-01", "2025-02"]);
    expect(plan.roles.Developer.demand[0]).toBeCloseTo(13 / 23, 12);
    expect(plan.roles.Developer.demand[1]).toBeCloseTo(10 / 20, 12);
  });

  it("counts nothing for a weekend-only allocation and handles FTE above 1", () => {
    const plan = planCapacity(
      reg({
        Projects: [project("P1")],
        Resources: [dev()],
        Allocations: [
          { ProjectId: "P1", Role: "Developer", Start: "2025-01-04", Finish: "2025-01-05", FTE: 1 },
          { ProjectId: "P1", Role: "Developer", Start: "2025-01-01", Finish: "2025-01-31", FTE: 2.5 },
        ],
      }),
    );
    expect(plan.roles.Developer.demand[0]).toBeCloseTo(2.5, 12);
    expect(plan.roles.Developer.utilisation[0]).toBeCloseTo(2.5, 12);
    expect(plan.roles.Developer.bands[0]).toBe("red");
  });

  it("uses February's own working days in a leap year", () => {
    const plan = planCapacity(
      reg({
        Projects: [project("P1")],
        Resources: [dev()],
        Allocations: [{ ProjectId: "P1", Role: "Developer", Start: "2024-02-26", Finish: "2024-02-29", FTE: 1 }],
      }),
    );
    expect(plan.roles.Developer.demand[0]).toBeCloseTo(4 / 21, 12);
  });

  it("converts hours spread over the allocation's working days at hoursPerDay", () => {
    // 161 hours over January 2025's 23 working days = 7 h/day = 1 FTE at 7 h/day.
    const plan = planCapacity(
      reg({
        Projects: [project("P1")],
        Resources: [dev()],
        Allocations: [{ ProjectId: "P1", Role: "Developer", Start: "2025-01-01", Finish: "2025-01-31", Hours: 161 }],
      }),
    );
    expect(plan.roles.Developer.demand[0]).toBeCloseTo(1, 12);
    const eight = planCapacity(
      reg({
        Projects: [project("P1")],
        Resources: [dev()],
        Allocations: [{ ProjectId: "P1", Role: "Developer", Start: "2025-01-01", Finish: "2025-01-31", Hours: 161 }],
      }),
      { hoursPerDay: 8 },
    );
    expect(eight.roles.Developer.demand[0]).toBeCloseTo(7 / 8, 12);
  });

  it("reports an allocation that ends before it starts and does not count it", () => {
    const plan = planCapacity(
      reg({
        Projects: [project("P1")],
        Resources: [dev()],
        Allocations: [{ ProjectId: "P1", Role: "Developer", Start: "2025-03-01", Finish: "2025-02-01", FTE: 1 }],
      }),
      { from: "2025-01", months: 3 },
    );
    expect(plan.roles.Developer.demand).toEqual([0, 0, 0]);
    expect(plan.problems.map((p) => p.message).join(" ")).toMatch(/ends \(2025-02-01\) before it starts/);
  });

  it("prorates supply by the resource's dates and adds capacity adjustments", () => {
    const plan = planCapacity(
      reg({
        Projects: [project("P1")],
        Resources: [
          { Name: "Dana", Role: "Developer", FTE: 1, Start: "2025-01-15" },
          { Name: "Eli", Role: "Developer", FTE: 0.5 },
        ],
        CapacityAdjustments: [{ Role: "Developer", Period: "2025-02-01", DeltaFTE: -0.5 }],
        Allocations: [{ ProjectId: "P1", Role: "Developer", Start: "2025-01-01", Finish: "2025-02-28", FTE: 1 }],
      }),
    );
    expect(plan.roles.Developer.supply[0]).toBeCloseTo(13 / 23 + 0.5, 12);
    expect(plan.roles.Developer.supply[1]).toBeCloseTo(1 + 0.5 - 0.5, 12);
  });

  it("never lets adjustments make a month's capacity negative, and says which adjustments went too far", () => {
    const plan = planCapacity(
      reg({
        Projects: [project("P1")],
        Resources: [{ Name: "Eli", Role: "Developer", FTE: 0.5 }],
        CapacityAdjustments: [
          { Role: "Developer", Period: "2025-01-01", DeltaFTE: -1 },
          { Role: "Developer", Period: "2025-02-01", DeltaFTE: -1 },
          { Role: "Developer", Period: "2025-02-01", DeltaFTE: 0.75 },
        ],
        Allocations: [{ ProjectId: "P1", Role: "Developer", Start: "2025-01-01", Finish: "2025-02-28", FTE: 0.25 }],
      }),
    );
    // January: 0.5 − 1 would be −0.5, so 0; February: 0.5 − 1 + 0.75 = 0.25 (the order of lines does not matter).
    expect(plan.roles.Developer.supply[0]).toBe(0);
    expect(plan.roles.Developer.supply[1]).toBeCloseTo(0.25, 12);
    const messages = plan.problems.filter((p) => p.entity === "CapacityAdjustments").map((p) => p.message);
    expect(messages).toEqual([
      "Capacity adjustments CapacityAdjustments-1 take more from Developer in 2025-01 than it has (-0.50 FTE would remain); that month's supply is counted as 0.",
    ]);
  });

  it("keeps demand for unknown projects and roles: unassigned row, and no capacity rather than a division by zero", () => {
    const plan = planCapacity(
      reg({
        Projects: [project("P1")],
        Resources: [dev()],
        Allocations: [
          { ProjectId: "P9", Role: "Developer", Start: "2025-01-01", Finish: "2025-01-31", FTE: 1 },
          { ProjectId: "P1", Role: "Astronaut", Start: "2025-01-01", Finish: "2025-01-31", FTE: 1 },
        ],
      }),
    );
    expect(plan.roles[UNASSIGNED].demand[0]).toBeCloseTo(1, 12);
    expect(plan.roles.Astronaut.utilisation[0]).toBeNull();
    expect(plan.roles.Astronaut.bands[0]).toBe("no capacity");
    expect(plan.problems.some((p) => p.message.includes("P9"))).toBe(true);
    expect(plan.problems.some((p) => p.message.includes("Astronaut"))).toBe(true);
  });

  it("keeps committed and proposed demand apart and names the top contributors of a hot cell", () => {
    const plan = planCapacity(
      reg({
        Projects: [project("P1"), project("P2")],
        Resources: [dev()],
        Allocations: [
          { ProjectId: "P1", Role: "Developer", Start: "2025-01-01", Finish: "2025-01-31", FTE: 1, Type: "Committed" },
          { ProjectId: "P2", Role: "Developer", Start: "2025-01-01", Finish: "2025-01-31", FTE: 0.5, Type: "Proposed" },
        ],
      }),
    );
    expect(plan.roles.Developer.committed[0]).toBeCloseTo(1, 12);
    expect(plan.roles.Developer.proposed[0]).toBeCloseTo(0.5, 12);
    expect(plan.hotspots[0]).toMatchObject({ role: "Developer", month: "2025-01", band: "red" });
    expect(plan.hotspots[0].topProjects.map((p) => p.id)).toEqual(["P1", "P2"]);
    expect(plan.hotspots[0].overload).toBeCloseTo(0.5, 12);
  });

  it("limits demand to the selected projects in the selection scenario", () => {
    const r = reg({
      Projects: [project("P1"), project("P2")],
      Resources: [dev()],
      Allocations: [
        { ProjectId: "P1", Role: "Developer", Start: "2025-01-01", Finish: "2025-01-31", FTE: 1 },
        { ProjectId: "P2", Role: "Developer", Start: "2025-01-01", Finish: "2025-01-31", FTE: 1 },
      ],
    });
    expect(planCapacity(r, { projects: new Set(["P2"]) }).roles.Developer.demand[0]).toBeCloseTo(1, 12);
  });
});
