import { ENTITY_NAMES, type EntityName } from "../domain/schema";
import type { Grid } from "../workbook/grid";
import { columnLetters } from "../workbook/grid";
import { buildTableRecords, newSink, prepareColumns } from "./build-records";
import type { CoercionSettings } from "./coercion";
import { entityOverrideKey, SAVED_ENTITY_KEY } from "./entity-choice";
import { detectRegions, type DetectedRegion } from "./header-detection";
import type { SavedMapping } from "./header-mapping";
import { headerSignature } from "./header-text";
import { MAX_HEADER_MATCH_CHARS } from "./header-text";
import type { ColumnUnitContext } from "./build-records";
import { unitsAboveTable, unitWords, type DeclaredUnit, type UnitQuestion } from "./money-units";
import { mergeSources, type SourceBatch } from "./merge-sources";
import { buildMonthRecords } from "./month-records";
import { classifyRegion } from "./sheet-classification";
import type { IngestOptions, IngestProblem, IngestResult, SourceColumnReport, SourceReport } from "./types";

/**
 * Grids from any number of files → the canonical register, with provenance for every value, a
 * report per source table (entity, confidence, header row, column mapping) for the Mapping sheet,
 * every problem with its cell, every merge conflict, and every derived id.
 */
export function ingestGrids(grids: Grid[], options: IngestOptions = {}): IngestResult {
  const sources: SourceReport[] = [];
  const problems: IngestProblem[] = [];
  const derivedIds: IngestResult["derivedIds"] = [];
  const usedDerived = new Set<string>();
  const batches: SourceBatch[] = [];
  const unitQuestions: UnitQuestion[] = [];

  for (const grid of grids) {
    const settings: CoercionSettings = {
      dateOrder: options.dateOrder ?? "dmy",
      moneyUnit: options.moneyUnit ?? 1,
      date1904: grid.date1904 ?? false,
    };
    const overrideKey = entityOverrideKey(grid.file, grid.sheet);
    const hasOverride = options.entityOverrides !== undefined && overrideKey in options.entityOverrides;
    const override = hasOverride ? options.entityOverrides![overrideKey] : undefined;
    if (override === null) {
      sources.push(skippedReport(grid, null, "excluded by the entity override for this sheet"));
      continue;
    }
    const detection = detectRegions(grid);
    if (detection.regions.length === 0) {
      const reason = detection.reason ?? "nothing table-like on the sheet";
      sources.push(skippedReport(grid, null, reason));
      problems.push(skipProblem(grid, reason));
      continue;
    }
    for (const region of detection.regions) {
      const signature = headerSignature(region.columns.map((c) => c.header));
      const saved = options.savedMappings?.[signature];
      // An entity confirmed with this layout's saved mapping stands unless this import overrides the sheet.
      const savedEntity = override === undefined ? savedEntityOf(saved) : undefined;
      if (savedEntity === null) {
        const reason = "marked as not register data in the saved mapping for this layout (PMO Settings)";
        sources.push({ ...skippedReport(grid, region, reason), headerSignature: signature });
        problems.push(skipProblem(grid, reason, region));
        continue;
      }
      const cls = classifyRegion(grid, region, settings, override ?? savedEntity, saved);
      if (!cls.entity || !cls.mapping) {
        const reason = cls.reason ?? "headers match no register entity";
        sources.push({ ...skippedReport(grid, region, reason), headerSignature: signature, layout: cls.layout });
        problems.push(skipProblem(grid, reason, region));
        continue;
      }
      const notes = [...cls.mapping.notes];
      if (region.ended) notes.push(region.ended);
      for (const col of region.columns)
        if (col.header.length > MAX_HEADER_MATCH_CHARS) notes.push(longHeaderNote(grid, region, col));
      const sink = newSink(grid.file, grid.sheet, cls.entity, usedDerived);
      const units: ColumnUnitContext = {
        answers: options.moneyUnits,
        saved,
        above: unitsAboveTable(grid, region),
        signature,
        questions: unitQuestions,
        decided: new Map(),
        hoursPerDay: options.hoursPerDay ?? 7,
      };
      const prepared = prepareColumns(grid, region, cls.entity, cls.mapping, settings, notes, units);
      if (cls.layout === "monthsAcross" && cls.months) {
        buildMonthRecords(sink, grid, region, cls.months, prepared, settings, notes);
      } else {
        buildTableRecords(sink, grid, region, prepared);
      }
      const byPosition = new Map(cls.mapping.columns.map((m) => [m.index, m]));
      const columns: SourceColumnReport[] = region.columns.map((col, i) => {
        const m = byPosition.get(i);
        const month = cls.months?.months.find((mc) => mc.column === col);
        return {
          header: col.header,
          column: region.kind === "keyValue" ? col.cell : columnLetters(grid.origin.col + col.index),
          field: m?.field ?? (month ? (cls.entity === "Financials" ? "Period" : "Start/Finish") : null),
          confidence: m?.confidence ?? (month ? 1 : 0),
          how: m?.how ?? (month ? "alias" : "unmapped"),
          note: m?.note ?? (month ? `month ${month.month}` : undefined),
          ...unitReport(units.decided.get(i), settings.moneyUnit),
        };
      });
      // The Mapping sheet shows a column's note: the unit its figures were read in goes there too.
      for (const c of columns) if (c.moneyUnit) c.note = c.note ? `${c.note}; ${c.moneyUnit.note}` : c.moneyUnit.note;
      sources.push({
        file: grid.file,
        sheet: grid.sheet,
        table: region.tableName,
        entity: cls.entity,
        confidence: cls.confidence,
        layout: cls.layout,
        headerRow: grid.origin.row + region.headerRow,
        firstCol: region.kvCells
          ? (region.columns[0]?.cell.replace(/\d+$/, "") ?? null)
          : columnLetters(grid.origin.col + (region.columns[0]?.index ?? 0)),
        rows: sink.records.length,
        headerSignature: signature,
        columns,
        notes,
      });
      // Loops, not push(...list): a spread of 100,000 items overflows the call stack.
      for (const note of notes) problems.push(noteProblem(grid, note, cls.entity));
      for (const p of sink.problems) problems.push(p);
      for (const d of sink.derived) derivedIds.push(d);
      batches.push({ file: grid.file, sheet: grid.sheet, entity: cls.entity, records: sink.records });
    }
  }
  const merged = mergeSources(batches);
  for (const p of merged.problems) problems.push(p);
  for (const q of unitQuestions) problems.push(unitQuestionProblem(q));
  return { register: merged.register, sources, problems, conflicts: merged.conflicts, derivedIds, unitQuestions };
}

/** The unit a money column was read in, for its row on the Mapping sheet (nothing when none was said). */
function unitReport(unit: DeclaredUnit | undefined, registerUnit: number): Pick<SourceColumnReport, "moneyUnit"> {
  if (!unit) return {};
  const factor = unit.multiplier / registerUnit;
  const said = unit.said === "answer" ? "as answered" : `from the ${unit.said}`;
  return {
    moneyUnit: {
      ...unit,
      note: `figures in ${unitWords(unit.multiplier)} ${said} ("${unit.text}"), × ${factor.toLocaleString("en-GB")} into the register's unit`,
    },
  };
}

/** A unit question as a warning the CLI prints and the Mapping sheet lists. */
function unitQuestionProblem(q: UnitQuestion): IngestProblem {
  return {
    severity: "warning",
    kind: "mapping",
    file: q.file,
    sheet: q.sheet,
    entity: q.entity,
    field: q.field,
    message: q.message,
  };
}

/** The entity a saved mapping confirms: undefined when it names none (or one this version does not know). */
function savedEntityOf(saved: SavedMapping | undefined): EntityName | null | undefined {
  if (!saved || !(SAVED_ENTITY_KEY in saved)) return undefined;
  const entity = saved[SAVED_ENTITY_KEY];
  if (entity === null) return null;
  return (ENTITY_NAMES as readonly string[]).includes(entity) ? (entity as EntityName) : undefined;
}

function skippedReport(grid: Grid, region: DetectedRegion | null, reason: string): SourceReport {
  return {
    file: grid.file,
    sheet: grid.sheet,
    table: region?.tableName,
    entity: null,
    confidence: 0,
    layout: null,
    headerRow: region ? grid.origin.row + region.headerRow : null,
    firstCol: region?.columns[0] ? columnLetters(grid.origin.col + region.columns[0].index) : null,
    rows: 0,
    headerSignature: null,
    columns: [],
    skipped: reason,
    notes: [],
  };
}

/** A header cut for matching: which column, how long it was, and what to do. */
function longHeaderNote(grid: Grid, region: DetectedRegion, col: DetectedRegion["columns"][number]): string {
  const where = region.kind === "keyValue" ? col.cell : columnLetters(grid.origin.col + col.index);
  return (
    `the header of column ${where} is ${col.header.length.toLocaleString("en-GB")} characters long; only its first ` +
    `${MAX_HEADER_MATCH_CHARS} were used to match it to a field. Shorten the header if it was mapped wrongly.`
  );
}

/** A decision the user should see (ambiguous dates read day-first, units, default measure). */
function noteProblem(grid: Grid, note: string, entity: IngestProblem["entity"]): IngestProblem {
  return {
    severity: "info",
    kind: "mapping",
    file: grid.file,
    sheet: grid.sheet,
    entity,
    message: `${grid.file}, sheet "${grid.sheet}": ${note}`,
  };
}

function skipProblem(grid: Grid, reason: string, region?: DetectedRegion): IngestProblem {
  const where = region ? ` (table with header row ${grid.origin.row + region.headerRow})` : "";
  return {
    severity: "info",
    kind: "skipped-sheet",
    file: grid.file,
    sheet: grid.sheet,
    message: `${grid.file}, sheet "${grid.sheet}"${where} was not read: ${reason}. If it holds register data, set its entity in the import settings.`,
  };
}

// The pipeline imports the result shapes and the re-import merge from here.
export type { IngestOptions, IngestResult, IngestProblem, SourceReport, MergeConflict, DerivedIdNote } from "./types";
export { upsertRegister, type UpsertChanges, type AsImported } from "./upsert-register";
