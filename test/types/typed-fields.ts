// Type-level tests, compiled by `npm run typecheck` (tsconfig.json includes test/); nothing runs.
// Each `@ts-expect-error` must meet an error, or the typecheck fails: so a misspelt field name on
// a register record is refused, and the schema's field names stay literal.
import type { EntityRecord, Register, RegisterRecord } from "../../src/domain/register";
import type { FieldOf } from "../../src/domain/schema";

declare const register: Register;
const project = register.entities.Projects[0];

export const budget = project.values.Budget;
// @ts-expect-error -- misspelt: Projects has no field "Budgett".
export const misspelt = project.values.Budgett;
// @ts-expect-error -- a field of another entity: Programmes' BudgetEnvelope is not a project field.
export const otherEntity = project.values.BudgetEnvelope;

export const risk = register.entities.Risks[0].values.Probability;
// @ts-expect-error -- misspelt: Risks has no field "Probablity".
export const misspeltRisk = register.entities.Risks[0].values.Probablity;

// A record of one entity is a record of any entity (code that walks fields by name accepts it).
export const anyEntity: RegisterRecord = project;
export const typedAgain: EntityRecord<"Projects"> = project;

/** True only when T is exactly `string`: a field declared without a literal name would widen FieldOf to it. */
type IsWideString<T> = string extends T ? true : false;
const literalNames: IsWideString<FieldOf<"Projects">> = false;
const literalMoney: Extract<FieldOf<"Projects">, "Budget" | "ActualCost" | "ForecastCost"> = "ForecastCost";
export const checks = [literalNames, literalMoney];
