import { analyseRegister } from "../../src/analysis/finance/analyse-register";
import { DEFAULT_SETTINGS, cloneSettings } from "../../src/domain/settings";
import { evidenceForValidation } from "../../src/pipeline/steps/validate";
import { listRules } from "../../src/standards/catalogue";
import { validateRegister } from "../../src/standards/validate";
import { buildRegister, cleanRows, type Rows } from "./register-builder";

const settings = cloneSettings(DEFAULT_SETTINGS);
settings.general.reportingDate = "2025-03-31";

function findings(rows: Rows, rule: string) {
  const register = buildRegister(rows);
  const result = validateRegister(register, settings, { evidence: evidenceForValidation(register, settings) });
  return { found: result.findings.filter((f) => f.rule === rule), tally: result.byRule[rule] };
}

describe("variance narrative (GMPP)", () => {
  const narrative = "governance.variance-narrative";

  test("a labelled commentary gives the three parts; a missing label is named", () => {
    const rows = cleanRows();
    Object.assign(rows.Projects![0], {
      ForecastCost: 1100,
      StatusCommentary: "Cause: steel prices rose. Impact - £100 over budget. Corrective action: re-tender the frame.",
    });
    expect(findings(rows, narrative).found).toEqual([]);
    expect(findings(rows, narrative).tally).toEqual({ applicable: 3, passed: 3 });
    rows.Projects![0].StatusCommentary = "Cause: steel prices rose. Corrective action: re-tender the frame.";
    const { found } = findings(rows, narrative);
    expect(found.map((f) => f.field)).toEqual(["VarianceImpact"]);
    expect(found[0].message).toContain("cost (cumulative) +10.0 %");
    expect(found[0].message).toContain("gives no impact");
  });

  test("the period's variance counts: the reporting month's actuals against its budget", () => {
    const rows = cleanRows();
    rows.Financials!.push({ ProjectId: "P1", Period: "2025-03-01", CostType: "Capex", Budget: 100, Actual: 130 });
    const { found } = findings(rows, narrative);
    expect(found.map((f) => f.field)).toEqual(["VarianceCause", "VarianceImpact", "CorrectiveAction"]);
    expect(found[0].message).toContain("cost (period 2025-03) +30.0 %");
    // Within 5 % in the month, and the cumulative 2 %: nothing to explain.
    rows.Financials![1].Actual = 104;
    expect(findings(rows, narrative).tally).toEqual({ applicable: 0, passed: 0 });
  });

  test("schedule variance is the slip as a share of the baseline duration; benefit variance the shortfall on benefits due", () => {
    const rows = cleanRows();
    rows.Projects![0].ForecastFinish = "2026-03-31"; // 90 days on a 730-day baseline: 12.3 %
    expect(findings(rows, narrative).found[0].message).toContain(
      "schedule (cumulative) +12.3 % of the baseline duration",
    );
    const benefits = cleanRows();
    benefits.Benefits!.push({
      BenefitId: "B2",
      ProjectId: "P1",
      Description: "Energy",
      PlannedValue: 100,
      RealisedValue: 50,
      PlannedDate: "2025-03-01",
    });
    expect(findings(benefits, narrative).found[0].message).toContain("benefits due by 2025-03-31 (cumulative) -50.0 %");
  });
});

describe("declared against evidence", () => {
  const rule = "governance.declared-against-evidence";

  test("a slipped gate milestone is evidence; an on-time one is not", () => {
    const rows = cleanRows();
    Object.assign(rows.Milestones![0], { IsGate: "Yes", ForecastDate: "2025-07-20" });
    const { found } = findings(rows, rule);
    expect(found).toHaveLength(1);
    expect(found[0].message).toContain("gate milestone M1 20 days after its baseline 2025-06-30 (Amber)");
    rows.Milestones![0].ForecastDate = "2025-06-30";
    expect(findings(rows, rule).found).toEqual([]);
  });

  test("negative float against a dependency's required-by date is Red evidence", () => {
    const rows = cleanRows();
    rows.Dependencies![0].RequiredBy = "2025-11-30";
    const { found } = findings(rows, rule);
    expect(found[0].message).toContain("negative float: P1 finishes 36 days too late for 2025-11-30");
    expect(found[0].message).toContain("(Red)");
  });

  test("an Amber declaration is not greener than Amber evidence; a DCA is not evidence against itself", () => {
    const rows = cleanRows();
    Object.assign(rows.Projects![0], { RagOverall: "Amber", DeliveryConfidence: "Amber" });
    expect(findings(rows, rule).found).toEqual([]);
    Object.assign(rows.Projects![0], { RagOverall: null, DeliveryConfidence: "Green", ForecastCost: 1200 });
    const { found } = findings(rows, rule);
    expect(found.map((f) => f.field)).toEqual(["DeliveryConfidence"]);
    expect(found[0].message).toContain("forecast +20.0 % against budget (tolerance 5 %) (Red)");
  });

  test("the analysis' declared-greener flag (the summary's sentence) is the same rule as the finding", () => {
    const rows = cleanRows();
    Object.assign(rows.Projects![0], { DeliveryConfidence: "Amber/Red" });
    Object.assign(rows.Projects![1], { RagOverall: "Green", ForecastFinish: "2027-06-30" });
    rows.Milestones![0].IsGate = "Yes";
    rows.Milestones![0].ForecastDate = "2025-07-02";
    const register = buildRegister(rows);
    const analysis = analyseRegister(register, { statusDate: "2025-03-31" });
    const greener = analysis.rag.filter((r) => r.declaredGreener.overall).map((r) => r.id);
    const found = findings(rows, rule).found.map((f) => f.id);
    expect(greener).toEqual(["P1", "P2"]);
    expect(found).toEqual(greener);
    expect(analysis.rag[0].evidence).toEqual([
      "delivery confidence assessment Amber/Red (Amber/Red)",
      "gate milestone M1 2 days after its baseline 2025-06-30 (Amber)",
    ]);
  });
});

describe("GovS 002 roles", () => {
  test("a person in more SRO roles than maxSroRoles gets one note naming the roles", () => {
    const rows = cleanRows();
    rows.Projects!.push({ ...rows.Projects![1], ProjectId: "P3" });
    const { found } = findings(rows, "governance.sro-load");
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ severity: "info", entity: "Programmes", id: "PG1", field: "SRO" });
    expect(found[0].message).toContain(
      "Jane Doe is SRO or sponsor of 4 open projects and programmes (PG1, P1, P2, P3)",
    );
  });
});

describe("sources in the catalogue", () => {
  test("every rule names its source; the standards' rules name theirs", () => {
    const { rules } = listRules();
    const source = Object.fromEntries(rules.map((r) => [r.id, r.source]));
    for (const r of rules) expect(r.source.length).toBeGreaterThan(0);
    expect(source["governance.variance-narrative"]).toBe("GMPP variance narrative");
    expect(source["governance.benefit-owner-measure"]).toBe("MSP benefits management (DOAM)");
    expect(source["governance.project-roles"]).toBe("GovS 002");
    expect(source["timeliness.finish-passed"]).toBe("DCMA 14-point assessment (check 9, invalid dates)");
    expect(source["validity.type-date"]).toBe("PMO Register data standard");
  });
});
