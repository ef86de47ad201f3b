export * from "./types";
export * from "./catalogue";
export * from "./validate";
export * from "./safe-fixes";
export { rollUpScores } from "./score";
export { FAMILY_SEVERITY, ruleSeverity } from "./rule-kit";
export type { RuleDef, RuleContext, Emit } from "./rule-kit";
export { findCycles } from "./cycles";
export { suggestDate } from "./date-fix";
