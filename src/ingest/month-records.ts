import type { Provenance, RegisterRecord } from "../domain/register";
import { SCHEMA } from "../domain/schema";
import type { Grid } from "../workbook/grid";
import { columnLetters, gridCellAddress } from "../workbook/grid";
import { assignId, cellProblem, type PreparedColumn, type RecordSink } from "./build-records";
import {
  columnCoercer,
  extraValue,
  isBlankCell,
  provenanceRaw,
  type CoercionSettings,
  type CoerceProblem,
} from "./coercion";
import type { CellValue } from "../workbook/grid";
import { monthEnd } from "../domain/dates";
import { cellAt, dataCell, type DetectedRegion } from "./header-detection";
import {
  contextText,
  findMeasureColumn,
  hoursFromContext,
  measureFromContext,
  measureOf,
  type Measure,
  type MonthLayout,
} from "./month-columns";

/**
 * Unpivots months laid out across columns into one record per month:
 * - Financials: project (+ cost type) × month → one line per project, cost type and month, the
 *   measure (Budget / Actual / Forecast) taken from a measure column, the group label above the
 *   months, or the words around the table (else Budget, said in a note);
 * - Allocations: project/role × month FTE (or hours) → one allocation per month, Start = the
 *   month's first day, Finish = its last day.
 */

export function buildMonthRecords(
  sink: RecordSink,
  grid: Grid,
  region: DetectedRegion,
  layout: MonthLayout,
  columns: PreparedColumn[],
  settings: CoercionSettings,
  notes: string[],
): void {
  const context = contextText(grid, region, layout.others);
  const base = columns.filter((c) => c.field);
  const extras = columns.filter((c) => !c.field);
  if (sink.entity === "Financials") {
    // The measure column is found by its values; a header like "Type" may have mapped it to CostType.
    const measureCol = findMeasureColumn(
      grid,
      region,
      columns.map((c) => c.column),
    );
    const fixed: Measure = measureFromContext(context) ?? "Budget";
    if (!measureCol && layout.months.some((m) => !m.measure)) {
      notes.push(
        measureFromContext(context)
          ? `month columns read as ${fixed} (from the sheet's name or title).`
          : `nothing says whether the month figures are budget, actual or forecast; read as Budget. Add a Measure column or name the sheet "Actuals"/"Forecast" if they are not.`,
      );
    }
    const lineFields = base.filter((c) => c.column !== measureCol);
    buildFinancials(sink, grid, region, layout, lineFields, measureCol?.index ?? null, fixed, settings);
  } else {
    const hours = hoursFromContext(context);
    notes.push(`month values read as ${hours ? "hours" : "FTE"} per month.`);
    buildAllocations(sink, grid, region, layout, base, extras, hours ? "Hours" : "FTE", settings);
  }
}

function baseRecord(sink: RecordSink, grid: Grid, r: number, base: PreparedColumn[]) {
  const record: RegisterRecord = { id: "", values: {}, extras: {}, provenance: {} };
  const problems: { cell: string; raw: CellValue; field: string; problem: CoerceProblem }[] = [];
  for (const col of base) {
    const raw = dataCell(grid, r, col.column.index);
    if (isBlankCell(raw)) continue;
    const cell = gridCellAddress(grid, r, col.column.index);
    const out = col.coerce!(raw);
    record.values[col.field!.name] = out.value;
    record.provenance[col.field!.name] = { file: sink.file, sheet: sink.sheet, cell, raw: provenanceRaw(raw) };
    if (out.problem) problems.push({ cell, raw, field: col.field!.name, problem: out.problem });
  }
  return { record, problems };
}

function buildFinancials(
  sink: RecordSink,
  grid: Grid,
  region: DetectedRegion,
  layout: MonthLayout,
  base: PreparedColumn[],
  measureColIndex: number | null,
  fixed: Measure,
  settings: CoercionSettings,
): void {
  const money = SCHEMA.Financials.fields.find((f) => f.name === "Budget")!;
  const coerce = columnCoercer(money, layout.months[0].column.parent ?? "", [], settings).coerce;
  // Lines are keyed by project, cost type and month so Budget/Actual/Forecast rows meet in one record.
  const lines = new Map<string, RegisterRecord>();
  for (const r of region.dataRows) {
    const { record: template, problems } = baseRecord(sink, grid, r, base);
    if (!template.values.ProjectId) continue;
    const rowMeasure = measureColIndex === null ? null : measureOf(cellAt(grid, r, measureColIndex));
    for (const m of layout.months) {
      const raw = cellAt(grid, r, m.column.index);
      if (isBlankCell(raw)) continue;
      const field = m.measure ?? rowMeasure ?? fixed;
      const cell = gridCellAddress(grid, r, m.column.index);
      const period = `${m.month}-01`;
      const key = `${template.values.ProjectId}\u241f${template.values.CostType ?? ""}\u241f${period}`;
      let line = lines.get(key);
      if (!line) {
        // Object.assign, not spreads: the same keys in the same order, copied far faster by V8.
        const values: RegisterRecord["values"] = Object.assign({}, template.values);
        values.Period = period;
        line = { id: "", values, extras: {}, provenance: Object.assign({}, template.provenance) };
        line.provenance.Period = { file: sink.file, sheet: sink.sheet, cell: m.column.cell, raw: m.column.child };
        assignId(sink, line, grid.origin.row + r);
        lines.set(key, line);
        sink.records.push(line);
      }
      const out = coerce(raw);
      const prev = line.values[field];
      if (typeof prev === "number" && typeof out.value === "number") {
        // Two rows for the same project, cost type and measure are parts of one figure.
        line.values[field] = prev + out.value;
        notes(sink, cell, `${field} for ${template.values.ProjectId} in ${m.month} adds up more than one row`);
      } else line.values[field] = out.value;
      line.provenance[field] ??= { file: sink.file, sheet: sink.sheet, cell, raw: provenanceRaw(raw) };
      if (out.problem) sink.problems.push(cellProblem(sink, cell, raw, field, out.problem, line.id));
    }
    for (const p of problems) sink.problems.push(cellProblem(sink, p.cell, p.raw, p.field, p.problem));
  }
}

function notes(sink: RecordSink, cell: string, what: string): void {
  sink.problems.push({
    severity: "info",
    kind: "duplicate-id",
    file: sink.file,
    sheet: sink.sheet,
    cell,
    entity: sink.entity,
    message: `${sink.file}, sheet "${sink.sheet}", cell ${cell}: ${what}; the values were summed. Check the sheet has no repeated rows.`,
  });
}

function buildAllocations(
  sink: RecordSink,
  grid: Grid,
  region: DetectedRegion,
  layout: MonthLayout,
  base: PreparedColumn[],
  extras: PreparedColumn[],
  valueField: "FTE" | "Hours",
  settings: CoercionSettings,
): void {
  const numberField = SCHEMA.Allocations.fields.find((f) => f.name === valueField)!;
  const coerce = columnCoercer(numberField, "", [], settings).coerce;
  // Everything a month column gives its records is made once per column, not once per record
  // (100,000 records): the dates, the column letters, and the header cell's provenance (shared:
  // provenance is never changed in place).
  const months = layout.months.map((m) => ({
    index: m.column.index,
    letters: columnLetters(grid.origin.col + m.column.index),
    start: `${m.month}-01`,
    finish: monthEnd(m.month),
    header: { file: sink.file, sheet: sink.sheet, cell: m.column.cell, raw: m.column.child } as Provenance,
  }));
  for (const r of region.dataRows) {
    const { record: template, problems } = baseRecord(sink, grid, r, base);
    if (!template.values.ProjectId) continue;
    for (const e of extras) {
      const raw = dataCell(grid, r, e.column.index);
      if (isBlankCell(raw)) continue;
      template.extras[e.extraKey] = extraValue(raw);
      template.provenance[e.extraKey] = {
        file: sink.file,
        sheet: sink.sheet,
        cell: gridCellAddress(grid, r, e.column.index),
        raw: provenanceRaw(raw),
      };
    }
    const row = grid.values[r];
    const sheetRow = grid.origin.row + r;
    for (const m of months) {
      // cellAt, inlined: this loop runs once per month cell of the sheet.
      const raw = row && m.index < row.length ? (row[m.index] ?? null) : null;
      if (raw === 0 || isBlankCell(raw)) continue;
      const out = coerce(raw);
      if (out.value === 0) continue;
      const cell = `${m.letters}${sheetRow}`;
      // Object.assign, not spreads: V8 copies with it ~10× faster here (same keys, same order).
      const values: RegisterRecord["values"] = Object.assign({}, template.values);
      values.Start = m.start;
      values.Finish = m.finish;
      values[valueField] = out.value;
      const provenance: RegisterRecord["provenance"] = Object.assign({}, template.provenance);
      provenance.Start = m.header;
      provenance.Finish = m.header;
      provenance[valueField] = { file: sink.file, sheet: sink.sheet, cell, raw: provenanceRaw(raw) };
      const record: RegisterRecord = { id: "", values, extras: Object.assign({}, template.extras), provenance };
      assignId(sink, record, sheetRow);
      if (out.problem) sink.problems.push(cellProblem(sink, cell, raw, valueField, out.problem, record.id));
      sink.records.push(record);
    }
    for (const p of problems) sink.problems.push(cellProblem(sink, p.cell, p.raw, p.field, p.problem));
  }
}
