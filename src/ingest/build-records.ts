import { derivedId } from "../domain/ids";
import type { FieldValue, Provenance, RegisterRecord } from "../domain/register";
import { SCHEMA, type EntityName, type FieldDef } from "../domain/schema";
import type { CellValue, Grid } from "../workbook/grid";
import { columnLetters, gridCellAddress } from "../workbook/grid";
import {
  columnCoercer,
  extraValue,
  isBlankCell,
  provenanceRaw,
  type CoercionSettings,
  type CoerceProblem,
} from "./coercion";
import { dataCell, type DetectedColumn, type DetectedRegion } from "./header-detection";
import type { MappingResult } from "./header-mapping";
import type { SavedMapping } from "./header-mapping";
import { headerMoneyUnit } from "./header-text";
import { answeredUnit, unitQuestionFor, unitsAboveTable, type DeclaredUnit, type UnitQuestion } from "./money-units";
import type { DerivedIdNote, IngestProblem } from "./types";

/**
 * Rows → RegisterRecords with provenance for every value (file, sheet, A1 cell, raw value). Ids
 * come from the id column, else are derived from the identity fields and the source file (the same
 * row gets the same id next month). Rows that hold nothing but an id and one formula result
 * (template rows pre-filled down a register) are left out and counted.
 */

export interface BuiltSource {
  entity: EntityName;
  records: RegisterRecord[];
  problems: IngestProblem[];
  derived: DerivedIdNote[];
  notes: string[];
}

export interface RecordSink {
  file: string;
  sheet: string;
  entity: EntityName;
  records: RegisterRecord[];
  problems: IngestProblem[];
  derived: DerivedIdNote[];
  /**
   * Derived ids already given in this ingest run (shared by all its sources): a repeat of the same
   * identity, or another identity whose 24-bit hash collides, gets `#2`, `#3`… in its hash input.
   */
  usedDerived: Set<string>;
}

export function newSink(
  file: string,
  sheet: string,
  entity: EntityName,
  usedDerived: Set<string> = new Set(),
): RecordSink {
  return { file, sheet, entity, records: [], problems: [], derived: [], usedDerived };
}

const short = (raw: unknown): string => {
  const s = String(raw).replace(/\s+/g, " ").trim();
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
};

/** A problem for one cell, with a message that names where it is and what to do. */
export function cellProblem(
  sink: RecordSink,
  cell: string,
  raw: CellValue,
  field: string,
  problem: CoerceProblem,
  id?: string,
): IngestProblem {
  const where = `${sink.file}, sheet "${sink.sheet}", cell ${cell}`;
  const message =
    problem.kind === "exempt"
      ? `${where}: ${field} holds an FOI exemption ("${short(raw)}") instead of a value; kept as text. Leave it, or enter the figure if you have it.`
      : `${where}: "${short(raw)}" in ${field} is not ${problem.expected}; kept as text. Correct the cell (or map the column to another field) and import again.`;
  return {
    severity: "warning",
    kind: problem.kind,
    file: sink.file,
    sheet: sink.sheet,
    cell,
    entity: sink.entity,
    id,
    field,
    raw: provenanceRaw(raw),
    message,
  };
}

/** Gives a record its id: the id field's value, else a derived one (flagged and listed). */
export function assignId(sink: RecordSink, record: RegisterRecord, sheetRow: number): void {
  const def = SCHEMA[sink.entity];
  const own = record.values[def.idField];
  if (typeof own === "string" ? own.trim() !== "" : own !== null && own !== undefined) {
    record.id = String(own).trim();
    record.values[def.idField] = record.id;
    return;
  }
  const fields = def.identityFields;
  const parts: FieldValue[] = new Array<FieldValue>(fields.length + 1);
  for (let i = 0; i < fields.length; i++) parts[i] = record.values[fields[i]] ?? null;
  parts[fields.length] = sink.file;
  // Two rows with the same identity are still two records, and so are two identities whose short
  // hashes collide (about 300 pairs among 100,000 allocations): the later one's hash input gets an
  // occurrence number, which is as stable as the order of files and rows.
  // add() and a look at the size: one hash lookup per id where has() then add() took two.
  const used = sink.usedDerived;
  const size = used.size;
  let id = derivedId(def.idPrefix, parts);
  for (let n = 2; used.add(id).size === size; n++) id = derivedId(def.idPrefix, [...parts, `#${n}`]);
  record.id = id;
  record.derivedId = true;
  record.values[def.idField] = id;
  sink.derived.push({ entity: sink.entity, id, file: sink.file, sheet: sink.sheet, row: sheetRow });
}

export interface PreparedColumn {
  column: DetectedColumn;
  /** Position of the column in the region. */
  position: number;
  field: FieldDef | null;
  /** Key under extras for unmapped columns (headers made unique). */
  extraKey: string;
  coerce?: (raw: CellValue) => { value: FieldValue; problem?: CoerceProblem };
}

/** What a money column's unit is decided from (see money-units.ts), and where questions go. */
export interface ColumnUnitContext {
  /** `--money-unit` answers: header or field name → multiplier. */
  answers?: Record<string, number>;
  saved?: SavedMapping;
  above: ReturnType<typeof unitsAboveTable>;
  signature: string;
  questions: UnitQuestion[];
  /** Region column position → the unit used, for the Mapping sheet. */
  decided: Map<number, DeclaredUnit>;
  /** Hours in one FTE day, for effort given in days. */
  hoursPerDay?: number;
}

function moneySettings(
  grid: Grid,
  region: DetectedRegion,
  entity: EntityName,
  field: FieldDef,
  column: DetectedColumn,
  settings: CoercionSettings,
  units: ColumnUnitContext,
): CoercionSettings {
  const position = region.columns.indexOf(column);
  const inHeader = headerMoneyUnit(column.header);
  const declared =
    answeredUnit(column.header, field, units.answers, units.saved) ??
    (inHeader !== null
      ? { multiplier: inHeader, said: "header" as const, text: column.header }
      : (units.above.byColumn.get(column.index) ?? units.above.table));
  if (declared) {
    units.decided.set(position, declared);
    return declared.said === "header" ? settings : { ...settings, columnMoneyUnit: declared };
  }
  const question = unitQuestionFor(
    grid,
    region,
    entity,
    field,
    column.index,
    column.header,
    settings.moneyUnit,
    units.signature,
  );
  if (question) units.questions.push(question);
  return settings;
}

/** A header that says its effort is counted in days (`Effort (days)`, `Person days`, `man-days`). */
const EFFORT_IN_DAYS = /\b(?:days?|person[ -]?days?|man[ -]?days?|pd)\b/i;

function effortDaysToHours(
  coerce: NonNullable<PreparedColumn["coerce"]>,
  hoursPerDay: number,
): NonNullable<PreparedColumn["coerce"]> {
  return (raw) => {
    const out = coerce(raw);
    return typeof out.value === "number" && !out.problem ? { value: out.value * hoursPerDay } : out;
  };
}

/** Coercers for a region's mapped columns, each decided once from the whole column. */
export function prepareColumns(
  grid: Grid,
  region: DetectedRegion,
  entity: EntityName,
  mapping: MappingResult,
  settings: CoercionSettings,
  notes: string[],
  units?: ColumnUnitContext,
): PreparedColumn[] {
  const fields = new Map(SCHEMA[entity].fields.map((f) => [f.name, f]));
  const usedKeys = new Set<string>(fields.keys());
  return mapping.columns.map((m) => {
    const column = region.columns[m.index];
    const field = m.field ? (fields.get(m.field) ?? null) : null;
    let extraKey = column.header;
    for (let n = 2; !field && usedKeys.has(extraKey); n++) extraKey = `${column.header} (${n})`;
    if (!field) usedKeys.add(extraKey);
    const prepared: PreparedColumn = { column, position: m.index, field, extraKey };
    if (field) {
      // Only dates (day- or month-first) and percentages (0–1 or 0–100) are decided from the
      // column's values; other fields need no copy of the column.
      const decidedByValues = field.type === "date" || field.type === "percent";
      const values = region.kvCells
        ? [dataCell(grid, region.kvCells[m.index].r, region.kvCells[m.index].c)]
        : decidedByValues
          ? region.dataRows.map((r) => dataCell(grid, r, column.index))
          : [];
      const columnSettings =
        units && field.type === "money"
          ? moneySettings(grid, region, entity, field, column, settings, units)
          : settings;
      const c = columnCoercer(field, column.header, values, columnSettings);
      for (const n of c.notes) notes.push(`${column.header} (${field.name}): ${n}`);
      prepared.coerce = c.coerce;
      if (field.name === "Hours" && units?.hoursPerDay && EFFORT_IN_DAYS.test(column.header)) {
        prepared.coerce = effortDaysToHours(c.coerce, units.hoursPerDay);
        notes.push(
          `${column.header} (Hours): effort in days, read as hours at ${units.hoursPerDay} hours per day ` +
            `(PMO Settings, hours per day); FTE follows as hours ÷ ${units.hoursPerDay} per working day.`,
        );
      }
    }
    return prepared;
  });
}

/** Builds the records of a plain table or a key/value form. */
export function buildTableRecords(
  sink: RecordSink,
  grid: Grid,
  region: DetectedRegion,
  columns: PreparedColumn[],
): void {
  const def = SCHEMA[sink.entity];
  const anchors = new Set(def.fields.filter((f) => f.required && f.name !== def.idField).map((f) => f.name));
  let templateRows = 0;
  // Column letters once per column: building "C12" per cell is the hot path on 100,000 rows.
  const letters = columns.map((c) => columnLetters(grid.origin.col + c.column.index));
  // What each column's key is, and whether it is an anchor or the id, once per column.
  const keys = columns.map((c) => (c.field ? c.field.name : c.extraKey));
  const isAnchor = keys.map((k, i) => columns[i].field !== null && anchors.has(k));
  const isId = keys.map((k) => k === def.idField);
  const toValues = columns.map((c) => c.field !== null && c.coerce !== undefined);
  const shapes = new RowShapes(keys, toValues);
  const kv = region.kvCells;
  const raws: (CellValue | undefined)[] = new Array<CellValue | undefined>(columns.length);
  for (const r of region.dataRows) {
    // First the row's filled cells (they decide the record's keys), then the record.
    let node: ShapeNode | null = shapes.root;
    for (let i = 0; i < columns.length; i++) {
      const col = columns[i];
      const raw = kv ? dataCell(grid, kv[col.position].r, kv[col.position].c) : dataCell(grid, r, col.column.index);
      if (isBlankCell(raw)) {
        raws[i] = undefined;
        continue;
      }
      raws[i] = raw;
      if (node) node = shapes.step(node, i);
    }
    const shape = node ? shapes.shapeAt(node, raws) : null;
    const record: RegisterRecord = shape
      ? {
          id: "",
          values: Object.assign({}, shape.values),
          extras: Object.assign({}, shape.extras),
          provenance: Object.assign({}, shape.provenance),
        }
      : { id: "", values: {}, extras: {}, provenance: {} };
    let pending: { cell: string; raw: CellValue; field: string; problem: CoerceProblem }[] | null = null;
    let content = 0;
    let anchorFilled = false;
    const rowText = String(grid.origin.row + r);
    for (let i = 0; i < columns.length; i++) {
      const raw = raws[i];
      if (raw === undefined) continue;
      const col = columns[i];
      const cell = kv ? gridCellAddress(grid, kv[col.position].r, kv[col.position].c) : letters[i] + rowText;
      const key = keys[i];
      const provenance: Provenance = { file: sink.file, sheet: sink.sheet, cell, raw: provenanceRaw(raw) };
      if (toValues[i]) {
        const out = col.coerce!(raw);
        record.values[key] = out.value;
        if (out.problem) (pending ??= []).push({ cell, raw, field: key, problem: out.problem });
        if (isAnchor[i]) anchorFilled = true;
      } else record.extras[key] = extraValue(raw);
      record.provenance[key] = provenance;
      if (!isId[i]) content++;
    }
    // Template rows: numbered down the sheet with a formula or two but nothing typed in. A row
    // with a real (text) id and one value is data, however sparse.
    const idValue = record.values[def.idField];
    const numberedOnly = idValue === undefined || /^\d+$/.test(`${idValue}`);
    if (content === 0 || (content <= 1 && !anchorFilled && numberedOnly && !region.kvCells)) {
      templateRows++;
      continue;
    }
    if (sink.entity === "Allocations" && record.values.Start && !record.values.Finish) {
      // Long-format time sheets carry one date per row: the allocation is that day.
      record.values.Finish = record.values.Start;
      record.provenance.Finish = record.provenance.Start;
    }
    if (sink.entity === "Issues") escalatedFromStatus(record);
    if (sink.entity === "Risks") exposureFromScores(record);
    assignId(sink, record, grid.origin.row + r);
    for (const p of pending ?? []) sink.problems.push(cellProblem(sink, p.cell, p.raw, p.field, p.problem, record.id));
    sink.records.push(record);
  }
  if (templateRows > 0) {
    sink.problems.push({
      severity: "info",
      kind: "skipped-row",
      file: sink.file,
      sheet: sink.sheet,
      entity: sink.entity,
      message: `${sink.file}, sheet "${sink.sheet}": ${templateRows} row(s) with no ${[...anchors].join("/") || "content"} and at most one other value and no id of their own (pre-filled template rows) were left out.`,
    });
  }
}

/** An issue whose status says ESCALATED is open and escalated (IssueStatus has no Escalated). */
function escalatedFromStatus(record: RegisterRecord): void {
  const source = record.provenance.Status;
  if (!source || typeof source.raw !== "string" || !/^\s*escalat/i.test(source.raw)) return;
  if (record.values.Escalated !== undefined && record.values.Escalated !== null) return;
  record.values.Escalated = "Yes";
  record.provenance.Escalated = { ...source };
}

/** Exposure = Probability × Impact where the source gives both scores and no exposure. */
function exposureFromScores(record: RegisterRecord): void {
  const p = record.values.Probability;
  const i = record.values.Impact;
  if (typeof p !== "number" || typeof i !== "number") return;
  if (record.values.Exposure !== undefined && record.values.Exposure !== null) return;
  record.values.Exposure = p * i;
  const from = record.provenance.Probability ?? record.provenance.Impact;
  if (from) record.provenance.Exposure = { ...from, raw: `computed: Probability × Impact (${p} × ${i})` };
}

interface ShapeNode {
  next: (ShapeNode | undefined)[];
  shape: RowShape | null;
}

interface RowShape {
  values: RegisterRecord["values"];
  extras: RegisterRecord["extras"];
  provenance: RegisterRecord["provenance"];
}

/** Distinct sets of filled columns given a template; rows beyond that are built key by key. */
const MAX_ROW_SHAPES = 64;

/**
 * Records whose rows fill the same columns get the same keys in the same order, so each such set
 * gets template objects (made once, with placeholder values) that a record copies and then fills.
 * Built key by key, a record of 30-odd fields falls into V8's slow dictionary mode; copied from a
 * template it stays a fast object: quicker to build, smaller, and quicker for every later reader.
 * The keys and their order are exactly those the key-by-key build gives (every key in a template
 * is assigned again, in column order, before the record is used). A trie over column positions
 * finds a row's template without building a key string.
 */
class RowShapes {
  readonly root: ShapeNode = { next: [], shape: null };
  private count = 0;

  constructor(
    private readonly keys: string[],
    private readonly toValues: boolean[],
  ) {}

  /** The node after filled column `i`, or null once there are too many shapes to keep making. */
  step(node: ShapeNode, i: number): ShapeNode | null {
    const next = node.next[i];
    if (next) return next;
    if (this.count >= MAX_ROW_SHAPES) return null;
    return (node.next[i] = { next: [], shape: null });
  }

  shapeAt(node: ShapeNode, raws: (CellValue | undefined)[]): RowShape | null {
    if (node.shape) return node.shape;
    if (this.count >= MAX_ROW_SHAPES) return null;
    const values: [string, null][] = [];
    const extras: [string, null][] = [];
    const provenance: [string, null][] = [];
    for (let i = 0; i < raws.length; i++) {
      if (raws[i] === undefined) continue;
      const key = this.keys[i];
      // Object.fromEntries defines an own "__proto__" where assignment sets the prototype.
      if (key === "__proto__") return null;
      (this.toValues[i] ? values : extras).push([key, null]);
      provenance.push([key, null]);
    }
    this.count++;
    // Object.fromEntries makes fast objects whatever the number of keys (placeholders: never read).
    node.shape = {
      values: Object.fromEntries(values),
      extras: Object.fromEntries(extras),
      provenance: Object.fromEntries(provenance) as unknown as RowShape["provenance"],
    };
    return node.shape;
  }
}
