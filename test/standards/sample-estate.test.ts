import { computeRag } from "../../src/analysis/finance/computed-rag";
import { DEFAULT_SETTINGS, cloneSettings } from "../../src/domain/settings";
import { DELIBERATE_DEFECTS, generateEstate } from "../../src/sample";
import { validateRegister } from "../../src/standards/validate";

/** The demo estate plants five defects on purpose; each must be found by the rule meant for it. */
const EXPECTED_RULE: Record<(typeof DELIBERATE_DEFECTS)[number]["code"], string> = {
  "missing-sponsor-in-delivery": "completeness.stage-gate",
  "unknown-programme": "integrity.unknown-reference",
  "start-after-finish": "consistency.start-after-finish",
  "duplicate-risk-id": "integrity.duplicate-id",
  "milestone-outside-window": "consistency.milestone-outside-project",
};

describe("the sample estate", () => {
  const register = generateEstate({ dependencyCycle: true });
  const settings = cloneSettings(DEFAULT_SETTINGS);
  settings.general.reportingDate = "2026-10-31";
  const computedRag = new Map(register.entities.Projects.map((p) => [p.id, computeRag(p.values)]));
  const result = validateRegister(register, settings, { computedRag });

  test.each(DELIBERATE_DEFECTS.map((d) => [d.code, d] as const))("%s is found at its record and field", (code, d) => {
    const found = result.findings.filter((f) => f.entity === d.entity && f.id === d.id && f.field === d.field);
    expect(found.map((f) => f.rule)).toContain(EXPECTED_RULE[code]);
  });

  test("the planted finish-to-start cycle is named", () => {
    const cycle = result.findings.filter((f) => f.rule === "integrity.dependency-cycle");
    expect(cycle).toHaveLength(3);
    expect(cycle[0].message).toMatch(/part of the cycle (PRJ-\d{4} → ){3}PRJ-\d{4}/);
  });

  test("under the controlling profile those defects are errors, so the estate is not compliant", () => {
    expect(result.compliant).toBe(false);
    expect(result.stamp).toBe(false);
    expect(result.counts.error).toBeGreaterThanOrEqual(5);
    expect(result.score.portfolio).toBeGreaterThan(0.99);
    expect(result.score.portfolio).toBeLessThan(1);
  });
});
