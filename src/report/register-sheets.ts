import { dateFromIso, isIsoDate } from "../domain/dates";
import type { ListName } from "../domain/enums";
import type { FieldValue, Register } from "../domain/register";
import { recordsOf } from "../domain/register";
import type { EntityName, FieldDef, FieldType } from "../domain/schema";
import { ENTITY_NAMES, SCHEMA } from "../domain/schema";
import type { CellValue } from "../workbook/grid";
import type { ColumnSpec, ColumnType, SheetSpec, SpecValue } from "../workbook/spec";

/**
 * The register as sheets: one owned sheet and Excel Table per entity, columns derived from the
 * schema (typed formats, dropdowns from the hidden lists sheet, frozen header), then any extra
 * columns the sources had, under their source header.
 */
export const COLUMN_TYPE: Record<FieldType, ColumnType> = {
  id: "text",
  ref: "text",
  text: "text",
  longText: "longText",
  date: "date",
  money: "money",
  number: "number",
  integer: "integer",
  percent: "percent",
  rating5: "integer",
  enum: "text",
  bool: "bool",
};

const WIDTH: Record<ColumnType, number> = {
  text: 18,
  longText: 40,
  date: 12,
  money: 14,
  number: 10,
  integer: 8,
  percent: 10,
  bool: 8,
};

export interface RegisterSheetOptions {
  /** Currency symbol for money formats (settings `currency`). */
  currency?: string;
  /** Dropdown source for a list, e.g. `'PMO Lists'!$B$2:$B$6` (from the lists sheet). */
  listRange?: (list: ListName) => string | undefined;
}

/** The cell value written for a register value: ISO dates become real dates; everything else as is. */
export function registerCellValue(field: FieldDef | undefined, value: FieldValue | undefined): CellValue {
  if (value === undefined || value === null) return null;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (field?.type === "date" && isIsoDate(value)) return dateFromIso(value);
  return value;
}

export function moneyFormat(currency: string): string {
  const symbol = currency.replace(/"/g, "");
  return `"${symbol}"#,##0;[Red]-"${symbol}"#,##0`;
}

/** Extra (unmapped) columns across an entity's records, in first-seen order, renamed if they clash with a field. */
export function extraColumns(register: Register, entity: EntityName): { header: string; key: string }[] {
  const fieldNames = new Set(SCHEMA[entity].fields.map((f) => f.name.toLowerCase()));
  const seen = new Map<string, string>();
  for (const r of register.entities[entity]) {
    for (const key of Object.keys(r.extras)) {
      if (seen.has(key)) continue;
      let header = key;
      while (
        fieldNames.has(header.toLowerCase()) ||
        [...seen.values()].some((h) => h.toLowerCase() === header.toLowerCase())
      ) {
        header = `${header} (source)`;
      }
      seen.set(key, header);
    }
  }
  return [...seen.entries()].map(([key, header]) => ({ key, header }));
}

export function entityColumns(
  register: Register,
  entity: EntityName,
  options: RegisterSheetOptions = {},
): { columns: ColumnSpec[]; extras: { header: string; key: string }[] } {
  const currency = options.currency ?? "£";
  const columns: ColumnSpec[] = SCHEMA[entity].fields.map((f) => {
    const type = COLUMN_TYPE[f.type];
    const col: ColumnSpec = { header: f.name, type, width: Math.max(WIDTH[type], f.name.length + 2) };
    if (type === "money") col.numberFormat = moneyFormat(currency);
    if (f.list && options.listRange) col.validationList = options.listRange(f.list);
    return col;
  });
  const extras = extraColumns(register, entity);
  for (const e of extras)
    columns.push({ header: e.header, type: "text", width: Math.min(40, Math.max(12, e.header.length + 2)) });
  return { columns, extras };
}

export function entitySheet(register: Register, entity: EntityName, options: RegisterSheetOptions = {}): SheetSpec {
  const def = SCHEMA[entity];
  const { columns, extras } = entityColumns(register, entity, options);
  const rows: SpecValue[][] = recordsOf(register, entity).map((r) => [
    ...def.fields.map((f) => registerCellValue(f, r.values[f.name])),
    ...extras.map((e) => registerCellValue(undefined, r.extras[e.key])),
  ]);
  return {
    name: def.sheet,
    tabColor: "1F4E79",
    freeze: { row: 2, col: 2 },
    blocks: [{ kind: "table", row: 1, col: 1, name: def.table, columns, rows, style: "TableStyleMedium2" }],
  };
}

/** One sheet per entity, in schema order. */
export function registerSheets(register: Register, options: RegisterSheetOptions = {}): SheetSpec[] {
  return ENTITY_NAMES.map((e) => entitySheet(register, e, options));
}
