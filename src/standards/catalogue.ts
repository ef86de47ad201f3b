import type { Settings } from "../domain/settings";
import type { RuleDef } from "./rule-kit";
import { ruleSeverity } from "./rule-kit";
import { COMPLETENESS_RULES } from "./rules/completeness";
import { CONSISTENCY_RULES } from "./rules/consistency";
import { GOVERNANCE_RULES } from "./rules/governance";
import { INTEGRITY_RULES } from "./rules/integrity";
import { TIMELINESS_RULES } from "./rules/timeliness";
import { VALIDITY_RULES } from "./rules/validity";
import { ASSURANCE_RULES } from "./rules/assurance";
import type { RuleInfo } from "./types";

/** The source of the rules that check the register against its own data standard (docs/domain.md). */
export const DATA_STANDARD = "PMO Register data standard";

/** Every rule, in the order findings and `pmo rules` list them. */
export const RULES: readonly RuleDef[] = [
  ...COMPLETENESS_RULES,
  ...VALIDITY_RULES,
  ...CONSISTENCY_RULES,
  ...INTEGRITY_RULES,
  ...TIMELINESS_RULES,
  ...GOVERNANCE_RULES,
  ...ASSURANCE_RULES,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

/**
 * The catalogue for `pmo rules --json`. With settings, a severity override from the settings sheet
 * replaces the defaults and switched-off rules are marked `enabled: false`.
 */
export function listRules(settings?: Settings): { rules: (RuleInfo & { enabled: boolean; parameters: string[] })[] } {
  return {
    rules: RULES.map((r) => {
      const o = settings?.rules[r.id];
      const base = ruleSeverity(r);
      const severity = o?.severity ? { supportive: o.severity, controlling: o.severity, directive: o.severity } : base;
      return {
        id: r.id,
        family: r.family,
        entity: r.entities.join(", "),
        fields: r.fields,
        parameters: r.parameters ?? [],
        description: r.description,
        severity,
        source: r.source ?? DATA_STANDARD,
        enabled: o ? o.enabled : true,
      };
    }),
  };
}
