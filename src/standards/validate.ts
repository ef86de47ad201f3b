import { latestStatusDate } from "../domain/status-date";
import type { IsoDate } from "../domain/dates";
import type { FieldValue, Register } from "../domain/register";
import { ENTITY_NAMES, SCHEMA, type EntityName } from "../domain/schema";
import type { Settings } from "../domain/settings";
import { RULES } from "./catalogue";
import type { Emit, RuleContext } from "./rule-kit";
import { buildIds, ruleSeverity } from "./rule-kit";
import { rollUpScores, type CheckCounts } from "./score";
import type { Finding, FindingFix, ReportingDateSource, Severity, ValidationContext, ValidationResult } from "./types";

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/**
 * Reporting date (docs/domain.md "Reporting date"): the run's override, else PMO Settings, else the latest StatusDate
 * in the register, else the run's date supplied by the caller.
 */
export function resolveReportingDate(
  register: Register,
  settings: Settings,
  context: Pick<ValidationContext, "reportingDate" | "today"> = {},
): { date: IsoDate | null; source: ReportingDateSource } {
  if (context.reportingDate) return { date: context.reportingDate, source: "override" };
  if (settings.general.reportingDate) return { date: settings.general.reportingDate, source: "settings" };
  const latest = latestStatusDate(register);
  if (latest) return { date: latest, source: "register" };
  if (context.today) return { date: context.today, source: "today" };
  return { date: null, source: "none" };
}

/** Runs every enabled rule over the register and scores it. Pure: the same inputs give the same result. */
export function validateRegister(
  register: Register,
  settings: Settings,
  context: ValidationContext = {},
): ValidationResult {
  const profile = settings.general.profile;
  const { date: reportingDate, source } = resolveReportingDate(register, settings, context);
  const ctx: RuleContext = {
    register,
    settings,
    reportingDate,
    computedRag: context.computedRag,
    evidence: context.evidence,
    ...buildIds(register),
  };
  const counts = {} as CheckCounts;
  for (const e of ENTITY_NAMES) {
    const n = register.entities[e].length;
    counts[e] = { applicable: new Int32Array(n), passed: new Int32Array(n) };
  }
  const located: (Finding & { order: number })[] = [];
  const notApplicable: { rule: string; reason: string }[] = [];
  const disabled: string[] = [];
  const byRule: Record<string, { applicable: number; passed: number }> = {};

  const locate = (
    entity: EntityName,
    index: number,
    field: string,
  ): { sheet: string; cell: string | null; file?: string } => {
    const rec = register.entities[entity][index];
    const loc = context.registerLocation?.(entity, rec.id, field, index);
    if (loc) return loc;
    const p = rec.provenance[field] ?? rec.provenance[SCHEMA[entity].idField] ?? Object.values(rec.provenance)[0];
    return p ? { sheet: p.sheet, cell: p.cell, file: p.file } : { sheet: SCHEMA[entity].sheet, cell: null };
  };

  RULES.forEach((rule, ruleOrder) => {
    const override = settings.rules[rule.id];
    if (override && !override.enabled) {
      disabled.push(rule.id);
      return;
    }
    if (rule.needs?.includes("reportingDate") && reportingDate === null) {
      notApplicable.push({
        rule: rule.id,
        reason: "No reporting date: set one on PMO Settings or pass --reporting-date.",
      });
      return;
    }
    if (rule.needs?.includes("computedRag") && !context.computedRag) {
      notApplicable.push({
        rule: rule.id,
        reason: "No computed RAG was supplied (it comes from the finance analysis); the declared RAG was not compared.",
      });
      return;
    }
    if (rule.needs?.includes("evidence") && !context.evidence) {
      notApplicable.push({
        rule: rule.id,
        reason:
          "No evidence was supplied (it comes from the finance and schedule analysis); the declared rating was not compared.",
      });
      return;
    }
    const severity = override?.severity ?? ruleSeverity(rule)[profile];
    const tally = (byRule[rule.id] = { applicable: 0, passed: 0 });
    const emit: Emit = {
      pass(entity, index) {
        counts[entity].applicable[index]++;
        counts[entity].passed[index]++;
        tally.applicable++;
        tally.passed++;
      },
      fail(entity, index, field, message, extra?: { value?: FieldValue; fix?: FindingFix }) {
        counts[entity].applicable[index]++;
        tally.applicable++;
        const rec = register.entities[entity][index];
        const finding: Finding & { order: number } = {
          rule: rule.id,
          severity,
          entity,
          id: rec.id,
          index,
          field,
          ...locate(entity, index, field),
          message,
          order: ruleOrder,
        };
        if (extra && "value" in extra) finding.value = extra.value ?? null;
        if (extra?.fix) finding.fix = extra.fix;
        located.push(finding);
      },
    };
    rule.run(ctx, emit);
  });

  const entityOrder = new Map(ENTITY_NAMES.map((e, i) => [e, i]));
  located.sort(
    (a, b) =>
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
      entityOrder.get(a.entity)! - entityOrder.get(b.entity)! ||
      a.index - b.index ||
      a.order - b.order,
  );
  const findings: Finding[] = located.map(({ order: _order, ...f }) => f);
  const severityCounts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) severityCounts[f.severity]++;
  const rolled = rollUpScores(register, counts);
  const compliant = severityCounts.error === 0;
  return {
    profile,
    reportingDate,
    reportingDateSource: source,
    findings,
    score: rolled.score,
    compliant,
    stamp: profile === "directive" && !compliant,
    checks: rolled.checks,
    byRule,
    counts: severityCounts,
    notApplicable,
    disabled,
  };
}
