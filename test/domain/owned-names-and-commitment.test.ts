import { CLOSURE_STAGE, datesCommitted, deliveryCommitted } from "../../src/domain/commitment";
import { OWNED_SHEET, findNameOrFreeVariant, isNameOrFreeVariant } from "../../src/domain/owned-sheet-names";
import { emptyRegister, type FieldValue } from "../../src/domain/register";
import { latestStatusDate } from "../../src/domain/status-date";

describe("owned sheet names and their free variants", () => {
  test("a name matches itself and the variants it takes beside a user's sheet, whatever the case", () => {
    expect(isNameOrFreeVariant("Findings", OWNED_SHEET.findings)).toBe(true);
    expect(isNameOrFreeVariant(" findings (PMO) ", OWNED_SHEET.findings)).toBe(true);
    expect(isNameOrFreeVariant("Findings (PMO 2)", OWNED_SHEET.findings)).toBe(true);
    expect(isNameOrFreeVariant("Findings 2025", OWNED_SHEET.findings)).toBe(false);
    expect(isNameOrFreeVariant("Old Findings", OWNED_SHEET.findings)).toBe(false);
  });

  test("the exact name is preferred to a variant", () => {
    expect(findNameOrFreeVariant(["PMO Lists (PMO)", "pmo lists"], OWNED_SHEET.lists)).toBe("pmo lists");
    expect(findNameOrFreeVariant(["Projects", "PMO Lists (PMO)"], OWNED_SHEET.lists)).toBe("PMO Lists (PMO)");
    expect(findNameOrFreeVariant(["Projects"], OWNED_SHEET.lists)).toBeUndefined();
  });
});

describe("committed work", () => {
  test("levelling keeps Delivery, Closure and forced-in projects where they are", () => {
    expect(datesCommitted("Delivery", null)).toBe(true);
    expect(datesCommitted(CLOSURE_STAGE, "Auto")).toBe(true);
    expect(datesCommitted("Idea", "Forced in")).toBe(true);
    expect(datesCommitted("Business Case", "Auto")).toBe(false);
    expect(datesCommitted(null, null)).toBe(false);
  });

  test("selection commits Delivery only: Closure is finishing, and Forced in is the PMO's own override", () => {
    expect(deliveryCommitted("Delivery")).toBe(true);
    expect(deliveryCommitted(CLOSURE_STAGE)).toBe(false);
    expect(deliveryCommitted("Idea")).toBe(false);
    expect(deliveryCommitted(undefined)).toBe(false);
  });
});

describe("the latest status date", () => {
  test("is the latest calendar date among the projects, ignoring text that is not a date", () => {
    const r = emptyRegister();
    const project = (id: string, StatusDate: string | null) => ({
      id,
      values: { ProjectId: id, StatusDate } as Record<string, FieldValue>,
      extras: {},
      provenance: {},
    });
    expect(latestStatusDate(r)).toBeNull();
    r.entities.Projects.push(
      project("A", "2026-09-30"),
      project("B", "2026-10-31"),
      project("C", "last week"),
      project("D", "2026-02-30"),
      project("E", null),
    );
    expect(latestStatusDate(r)).toBe("2026-10-31");
  });
});
