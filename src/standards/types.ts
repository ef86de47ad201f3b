import type { EvidenceItem } from "../analysis/finance/declared-evidence";
import type { IsoDate } from "../domain/dates";
import type { FieldValue } from "../domain/register";
import type { EntityName } from "../domain/schema";
import type { Profile, Severity } from "../domain/settings";
import { RULE_FAMILIES } from "../domain/settings";

export type { Profile, Severity };
export type Family = (typeof RULE_FAMILIES)[number];
export const FAMILIES: readonly Family[] = RULE_FAMILIES;

export type Rag = "Red" | "Amber" | "Green";
/**
 * The finance module's computed RAG for one project (null where it could not be computed). Each part
 * may be a bare RAG or the finance module's detail object (`{ rag, variancePct }`, `{ rag, slipDays }`),
 * so `analyseRegister`'s `computed` can be passed as it is.
 */
export type RagPart = Rag | null | { rag: Rag | null; variancePct?: number | null; slipDays?: number | null };
export interface ComputedRag {
  overall: RagPart;
  cost: RagPart;
  schedule: RagPart;
}

export interface FindingFix {
  value: FieldValue;
  /** Safe fixes are applied by "apply safe fixes"; others are suggestions only. */
  safe: boolean;
  kind: "trim" | "case" | "nearest" | "date";
}

export interface Finding {
  rule: string;
  severity: Severity;
  entity: EntityName;
  id: string;
  /** Position of the record in `register.entities[entity]` (ids may be duplicated). */
  index: number;
  field: string;
  /** The sheet and A1 cell the user should open: the register cell, else the source cell. */
  sheet: string;
  cell: string | null;
  /** The source file, when the location is the record's provenance rather than the register. */
  file?: string;
  /** What is wrong and how to fix it. */
  message: string;
  /** The offending value as it stands in the register (when the finding is about one value). */
  value?: FieldValue;
  fix?: FindingFix;
}

export type RegisterLocation = (
  entity: EntityName,
  id: string,
  field: string,
  /** Position of the record in `register.entities[entity]` (tells duplicate ids apart). */
  index: number,
) => { sheet: string; cell: string } | undefined;

export interface ValidationContext {
  /** Computed RAG per project id from the finance module; without it the RAG comparison is not applicable. */
  computedRag?: Map<string, ComputedRag>;
  /** Evidence per project id for declared-against-evidence (analysis/finance/declared-evidence); without it that rule does not run. */
  evidence?: Map<string, EvidenceItem[]>;
  registerLocation?: RegisterLocation;
  /** The run's date (the engine never reads the clock): last resort for the reporting date. */
  today?: IsoDate;
  /** `--reporting-date`: overrides the settings sheet for this run. */
  reportingDate?: IsoDate;
}

export type ReportingDateSource = "override" | "settings" | "register" | "today" | "none";

export interface ValidationResult {
  profile: Profile;
  reportingDate: IsoDate | null;
  reportingDateSource: ReportingDateSource;
  findings: Finding[];
  /** Data-quality score, a fraction: checks passed / checks applicable, per record, rolled up by count. */
  score: { portfolio: number; byProject: Record<string, number>; byProgramme: Record<string, number> };
  /** No error-severity finding remains. */
  compliant: boolean;
  /** The "not compliant" stamp: directive profile with errors remaining. */
  stamp: boolean;
  checks: { applicable: number; passed: number };
  /** The same per rule that ran. */
  byRule: Record<string, { applicable: number; passed: number }>;
  counts: Record<Severity, number>;
  /** Rules that could not run, and why (e.g. no computed RAG supplied, no reporting date). */
  notApplicable: { rule: string; reason: string }[];
  /** Rules switched off on the settings sheet. */
  disabled: string[];
}

export interface RuleInfo {
  id: string;
  family: Family;
  /** The entity read, or several joined with ", ". */
  entity: string;
  fields: string[];
  description: string;
  severity: Record<Profile, Severity>;
  /** The standard the rule applies ("DCMA 14-point assessment", "GovS 002", …). */
  source: string;
}
