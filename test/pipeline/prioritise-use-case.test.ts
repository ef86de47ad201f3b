import { emptyRegister, type FieldValue, type Register } from "../../src/domain/register";
import { DEFAULT_SETTINGS } from "../../src/domain/settings-model";
import { objectiveColumn } from "../../src/pipeline/prioritise-use-case";
import { prioritise } from "../../src/pipeline/steps/prioritise";

function record(id: string, values: Record<string, FieldValue>) {
  return { id, values, extras: {}, provenance: {} };
}

/**
 * One developer; A is in Delivery and needs the whole developer in January; A requires B (a
 * business case needing half a developer then); C is an idea needing a fifth. Committed work
 * alone (A and, through the dependency, B) overloads January.
 */
function register(): Register {
  const r = emptyRegister();
  r.entities.Resources.push(record("RES-1", { ResourceId: "RES-1", Name: "Dev", Role: "Developer", FTE: 1 }));
  const project = (id: string, stage: string, value: number) =>
    record(id, { ProjectId: id, Name: id, Stage: stage, Status: "Active", FinancialValue: value });
  r.entities.Projects.push(project("A", "Delivery", 10), project("B", "Business Case", 1), project("C", "Idea", 50));
  const alloc = (id: string, projectId: string, fte: number) =>
    record(id, {
      AllocationId: id,
      ProjectId: projectId,
      Role: "Developer",
      Start: "2026-01-01",
      Finish: "2026-01-31",
      FTE: fte,
    });
  r.entities.Allocations.push(alloc("AL-1", "A", 1), alloc("AL-2", "B", 0.5), alloc("AL-3", "C", 0.2));
  r.entities.Dependencies.push(
    record("D-1", { DependencyId: "D-1", PredecessorId: "B", SuccessorId: "A", Type: "Requires" }),
  );
  return r;
}

describe("selection from a register", () => {
  it("treats what committed projects require as committed, so their load cannot make selection infeasible", async () => {
    const { run } = await prioritise(register(), DEFAULT_SETTINGS, {
      method: "weighted",
      select: true,
      objective: "FinancialValue",
    });
    const s = run.selection!;
    expect(s.status).toBe("optimal");
    // January is full with A and B (1.5 FTE against 1): C may not add to it, however valuable.
    expect(s.selected).toEqual(["A", "B"]);
    expect(s.objective).toBe(11);
    expect(run.notes.join("\n")).toMatch(/Developer: committed projects alone exceed capacity in 2026-01/);
  });

  it("reads an objective named by the user's header through the schema's aliases", () => {
    const r = register();
    expect(objectiveColumn(r, "FinancialValue")).toBe("FinancialValue");
    expect(objectiveColumn(r, "Value")).toBe("FinancialValue");
    expect(objectiveColumn(r, "NPV")).toBe("FinancialValue");
    expect(objectiveColumn(r, "Nonsense")).toBe("Nonsense");
    // A text field is never an objective, whatever its name.
    expect(objectiveColumn(r, "Name")).toBe("Name");
  });
});
