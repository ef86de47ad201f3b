import { dateFromIso } from "../domain/dates";
import type { Register, RegisterRecord } from "../domain/register";
import type { EntityName, FieldDef } from "../domain/schema";
import { SCHEMA } from "../domain/schema";
import { SheetBuilder, csvText } from "./messy-cells";
import type { Rendered } from "./messy-cells";
import { DERIVED_ID_ENTITIES } from "./estate-records";
import type { MessySource, RawSheet } from "./raw-sheet";

/** Which entities each file holds: the same split the messy sources use. */
export const SOURCE_FILES: { file: string; entities: EntityName[] }[] = [
  { file: "Portfolio Tracker.xlsx", entities: ["Projects"] },
  { file: "Programmes.xlsx", entities: ["Programmes"] },
  { file: "Resource Plan.xlsx", entities: ["Allocations", "Resources", "CapacityAdjustments"] },
  { file: "RAID Log.xlsx", entities: ["Risks", "Issues", "Milestones", "Dependencies"] },
  { file: "Financials.csv", entities: ["Financials"] },
  { file: "Benefits.csv", entities: ["Benefits"] },
];

/** The columns a clean table carries: every field, except the id of entities whose ids are derived. */
export function cleanFields(entity: EntityName): FieldDef[] {
  const def = SCHEMA[entity];
  return def.fields.filter((f) => !(DERIVED_ID_ENTITIES.includes(entity) && f.name === def.idField));
}

function cleanCell(field: FieldDef, value: string | number): Rendered {
  if (field.type === "date") return { value: dateFromIso(String(value)), numberFormat: "yyyy-mm-dd" };
  if (field.type === "percent") return { value, numberFormat: "0%" };
  if (field.type === "money") return { value, numberFormat: "#,##0.00" };
  return { value };
}

/** One canonical Excel Table from A1 (`tblProjects` on `Projects`…): the baseline an ingest should find trivial. */
export function cleanSheet(entity: EntityName, records: RegisterRecord[]): RawSheet {
  const def = SCHEMA[entity];
  const fields = cleanFields(entity);
  const sheet = new SheetBuilder(def.sheet);
  fields.forEach((f, c) => {
    sheet.put(1, c + 1, f.name);
    records.forEach((r, i) => {
      const v = r.values[f.name] ?? null;
      if (v !== null) sheet.put(2 + i, c + 1, cleanCell(f, v));
    });
  });
  sheet.tables.push({
    name: def.table,
    top: 1,
    left: 1,
    bottom: 1 + Math.max(1, records.length),
    right: fields.length,
  });
  return sheet.build();
}

/** A clean CSV: UTF-8, commas, canonical headers, ISO dates, plain numbers. */
export function cleanCsv(file: string, entity: EntityName, records: RegisterRecord[]): MessySource {
  const fields = cleanFields(entity);
  const rows = [
    fields.map((f) => f.name),
    ...records.map((r) =>
      fields.map((f) => (r.values[f.name] === null || r.values[f.name] === undefined ? "" : String(r.values[f.name]))),
    ),
  ];
  return { file, kind: "csv", text: csvText(rows, ",", "\n"), encoding: "utf-8", delimiter: "," };
}

/** The estate split over the same files as the messy sources, with no quirks at all. */
export function renderCleanSources(register: Register): MessySource[] {
  return SOURCE_FILES.map(({ file, entities }) =>
    file.endsWith(".csv")
      ? cleanCsv(file, entities[0], register.entities[entities[0]])
      : { file, kind: "xlsx" as const, sheets: entities.map((e) => cleanSheet(e, register.entities[e])) },
  );
}
