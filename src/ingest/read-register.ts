import { isIsoDate, isoFromDate, isoFromExcelSerial } from "../domain/dates";
import { derivedId } from "../domain/ids";
import type { FieldValue, Provenance, Register, RegisterRecord } from "../domain/register";
import { emptyRegister, recordsOf } from "../domain/register";
import type { EntityName, FieldDef } from "../domain/schema";
import { ENTITY_NAMES, SCHEMA } from "../domain/schema";
import type { CellValue, Grid } from "../workbook/grid";
import { gridCellAddress } from "../workbook/grid";

/**
 * Reads a register the add-in wrote (owned entity sheets with canonical headers) back into the
 * model. Every value's provenance is restored from the hidden provenance sheet; `locate` says
 * where each value sits in the register, so that findings point at the cell an analyst edits.
 */
export interface RegisterReadProblem {
  severity: "error" | "warning";
  sheet: string;
  cell?: string;
  message: string;
}

export interface RegisterRead {
  register: Register;
  /** Entities whose sheet was found. */
  found: EntityName[];
  /** Value recorded as imported, per `provenanceKey(entity, id, field)` (a duplicated id: its last record's). */
  asImported: Map<string, string | null>;
  /**
   * Value recorded as imported for a field of the `occurrence`-th (0-based) record with that id:
   * undefined when that record has no provenance for the field. Tells duplicated ids apart.
   */
  importedAt: (entity: EntityName, id: string, field: string, occurrence: number) => string | null | undefined;
  locate: (entity: EntityName, id: string, field: string) => { sheet: string; cell: string } | undefined;
  problems: RegisterReadProblem[];
}

export function provenanceKey(entity: string, id: string, field: string): string {
  return `${entity}\u0000${id}\u0000${field}`;
}

/** Converts a register cell to the field's value; what cannot be converted stays as text. */
export function registerValue(field: FieldDef | undefined, cell: CellValue, date1904 = false): FieldValue {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === "string" && cell.trim() === "") return null;
  const type = field?.type;
  if (cell instanceof Date) return type === "date" || type === undefined ? isoFromDate(cell) : isoFromDate(cell);
  if (typeof cell === "boolean") return cell ? "Yes" : "No";
  if (type === "date") {
    if (typeof cell === "number") return isoFromExcelSerial(cell, date1904);
    const s = cell.trim();
    const iso = s.slice(0, 10);
    return isIsoDate(iso) && (s.length === 10 || /^\d{4}-\d{2}-\d{2}T00:00(:00(\.0+)?)?Z?$/.test(s)) ? iso : cell;
  }
  if (type === "money" || type === "number" || type === "integer" || type === "percent" || type === "rating5") {
    if (typeof cell === "number") return Number.isFinite(cell) ? cell : null;
    const n = Number(cell.trim());
    return cell.trim() !== "" && Number.isFinite(n) ? n : cell;
  }
  return typeof cell === "number" ? String(cell) : cell;
}

function findEntityGrid(grids: Grid[], entity: EntityName): { grid: Grid; top: number; left: number } | undefined {
  const def = SCHEMA[entity];
  for (const g of grids) {
    const t = g.tables?.find((t) => t.name.toLowerCase() === def.table.toLowerCase());
    if (t) return { grid: g, top: t.range.top, left: t.range.left };
  }
  const g = grids.find((g) => g.sheet.toLowerCase() === def.sheet.toLowerCase());
  if (!g || g.values.length === 0) return undefined;
  const header = g.values[0].map((v) => (typeof v === "string" ? v.trim() : v));
  return header.includes(def.idField) || header.includes(def.fields[1].name) ? { grid: g, top: 0, left: 0 } : undefined;
}

interface ProvenanceRow {
  provenance: Provenance;
  imported: string | null;
  /** Which record of its id the row belongs to (0 unless the id is duplicated). */
  block: number;
}

/**
 * The provenance sheet's rows. The sheet is written record by record, so a duplicated id's second
 * record starts where one of the id's fields comes round again (its id field, usually): from there
 * on the id's rows belong to that record, also for fields only the second record has. Rows need
 * not be contiguous, so a sheet sorted by field still reads right when no id is duplicated.
 * `repeats` keeps every row of a key seen more than once.
 */
interface ProvenanceTable {
  last: Map<string, ProvenanceRow>;
  repeats: Map<string, ProvenanceRow[]>;
}

function provenanceAt(table: ProvenanceTable, key: string, occurrence: number): ProvenanceRow | undefined {
  const rows = table.repeats.get(key);
  if (rows) return rows.find((r) => r.block === occurrence);
  const row = table.last.get(key);
  return row && row.block === occurrence ? row : undefined;
}

function readProvenance(grids: Grid[]): ProvenanceTable {
  const last = new Map<string, ProvenanceRow>();
  const repeats = new Map<string, ProvenanceRow[]>();
  const out: ProvenanceTable = { last, repeats };
  const g =
    grids.find((g) => g.tables?.some((t) => t.name === "tblProvenance")) ??
    grids.find((g) => g.sheet === "PMO Provenance");
  if (!g || g.values.length === 0) return out;
  const t = g.tables?.find((t) => t.name === "tblProvenance");
  const top = t?.range.top ?? 0;
  const left = t?.range.left ?? 0;
  const header = g.values[top].slice(left).map((v) => String(v ?? ""));
  const col = (name: string) => header.indexOf(name);
  const [ce, ci, cf, cfile, csheet, ccell, cimp, craw] = [
    "Entity",
    "RecordId",
    "Field",
    "SourceFile",
    "SourceSheet",
    "SourceCell",
    "ImportedValue",
    "SourceText",
  ].map(col);
  if ([ce, ci, cf].some((c) => c < 0)) return out;
  const bottom = t?.range.bottom ?? g.values.length - 1;
  const text = (v: CellValue | undefined): string | null =>
    v === null || v === undefined ? null : v instanceof Date ? isoFromDate(v) : String(v);
  const blocks = new Map<string, number>();
  for (let r = top + 1; r <= bottom && r < g.values.length; r++) {
    const row = g.values[r].slice(left);
    const entity = text(row[ce]);
    const id = text(row[ci]);
    const field = text(row[cf]);
    if (!entity || !id || !field) continue;
    const rawCell = craw >= 0 ? row[craw] : null;
    const key = provenanceKey(entity, id, field);
    const earlier = last.get(key);
    const earlierRows = earlier ? (repeats.get(key)?.length ?? 1) : 0;
    const record = `${entity}\u0000${id}`;
    const block = Math.max(blocks.get(record) ?? 0, earlierRows);
    if (block > 0) blocks.set(record, block); // only duplicated ids get an entry
    const entry: ProvenanceRow = {
      provenance: {
        file: text(row[cfile]) ?? "",
        sheet: text(row[csheet]) ?? "",
        cell: text(row[ccell]) ?? "",
        raw: rawCell instanceof Date ? isoFromDate(rawCell) : (rawCell ?? null),
      },
      imported: cimp >= 0 ? text(row[cimp]) : null,
      block,
    };
    if (earlier) {
      const rows = repeats.get(key);
      if (rows) rows.push(entry);
      else repeats.set(key, [earlier, entry]);
    }
    last.set(key, entry);
  }
  return out;
}

export function readRegisterGrids(grids: Grid[], label = "register"): RegisterRead {
  const register = emptyRegister();
  const found: EntityName[] = [];
  const problems: RegisterReadProblem[] = [];
  const provenance = readProvenance(grids);
  const asImported = new Map<string, string | null>();
  for (const [k, v] of provenance.last) asImported.set(k, v.imported);
  const cells = new Map<string, { sheet: string; cell: string }>();

  for (const entity of ENTITY_NAMES) {
    const hit = findEntityGrid(grids, entity);
    if (!hit) continue;
    found.push(entity);
    const { grid, top, left } = hit;
    const def = SCHEMA[entity];
    const headers = grid.values[top].slice(left).map((v) => (v === null ? "" : String(v).trim()));
    let width = headers.length;
    while (width > 0 && headers[width - 1] === "") width--;
    const fieldsByHeader = new Map(def.fields.map((f) => [f.name, f]));
    const keys = headers.slice(0, width).map((h) => {
      if (fieldsByHeader.has(h)) return h;
      const base = h.replace(/( \(source\))+$/, "");
      return base !== h && (fieldsByHeader.has(base) || headers.includes(base)) ? base : h;
    });
    const seenIds = new Set<string>();
    const occurrences = new Map<string, number>();
    for (let r = top + 1; r < grid.values.length; r++) {
      const row = grid.values[r];
      const cellsOfRow = row.slice(left, left + width);
      if (cellsOfRow.every((v) => v === null || (typeof v === "string" && v.trim() === ""))) continue;
      const values: Record<string, FieldValue> = {};
      const extras: Record<string, FieldValue> = {};
      keys.forEach((key, c) => {
        const f = fieldsByHeader.get(headers[c]);
        const v = registerValue(f, cellsOfRow[c] ?? null, grid.date1904);
        if (f) values[f.name] = v;
        else if (key !== "") extras[key] = v;
      });
      for (const f of def.fields) if (!(f.name in values)) values[f.name] = null;
      const rawId = values[def.idField];
      let id = rawId === null ? "" : String(rawId).trim();
      let derived = false;
      if (id === "") {
        id = derivedId(def.idPrefix, [...def.identityFields.map((f) => values[f]), label]);
        derived = true;
        values[def.idField] = id;
        problems.push({
          severity: "warning",
          sheet: grid.sheet,
          cell: gridCellAddress(grid, r, left),
          message: `${def.noun} on row ${grid.origin.row + r} of ${grid.sheet} has no ${def.idField}; it was given ${id}. Type an id in the cell to keep it stable.`,
        });
      }
      const record: RegisterRecord = { id, values, extras, provenance: {}, ...(derived ? { derivedId: true } : {}) };
      // The k-th record of a duplicated id takes the k-th record's provenance, not the last one's.
      const occurrence = occurrences.get(id) ?? 0;
      occurrences.set(id, occurrence + 1);
      for (const key of [...Object.keys(values), ...Object.keys(extras)]) {
        const p = provenanceAt(provenance, provenanceKey(entity, id, key), occurrence);
        if (p) record.provenance[key] = p.provenance;
      }
      recordsOf(register, entity).push(record);
      if (!seenIds.has(id)) {
        seenIds.add(id);
        keys.forEach((key, c) => {
          if (key !== "")
            cells.set(provenanceKey(entity, id, key), { sheet: grid.sheet, cell: gridCellAddress(grid, r, left + c) });
        });
      }
    }
  }
  const locate = (entity: EntityName, id: string, field: string) =>
    cells.get(provenanceKey(entity, id, field)) ?? cells.get(provenanceKey(entity, id, SCHEMA[entity].idField));
  const importedAt = (entity: EntityName, id: string, field: string, occurrence: number) =>
    provenanceAt(provenance, provenanceKey(entity, id, field), occurrence)?.imported;
  return { register, found, asImported, importedAt, locate, problems };
}
