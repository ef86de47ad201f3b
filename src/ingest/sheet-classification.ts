import { ENTITY_NAMES, SCHEMA, type EntityName } from "../domain/schema";
import type { CellValue, Grid } from "../workbook/grid";
import type { CoercionSettings } from "./coercion";
import { isBlankCell } from "./coercion";
import { cellAt, type DetectedRegion } from "./header-detection";
import { mapHeaders, type ColumnInput, type MappingResult, type SavedMapping } from "./header-mapping";
import { normaliseHeader } from "./header-text";
import { findMonthColumns, type MonthLayout } from "./month-columns";
import type { Layout } from "./types";

/**
 * Decides what a table is BY ITS HEADERS, not its sheet's name: every entity's mapping is scored
 * (matches weighted by how distinctive each alias is: `probability` only means Risks, `status`
 * means eight things) and the best wins. A risk register on a sheet called "Issue Register" is
 * Risks. The sheet name only breaks near-ties. Tables whose headers name neither an id nor any
 * required field (lookup lists, definitions) are skipped with the reason.
 */

export interface Classification {
  entity: EntityName | null;
  confidence: number;
  layout: Layout;
  mapping: MappingResult | null;
  months?: MonthLayout;
  /** Set when the table is skipped. */
  reason?: string;
  runnerUp?: { entity: EntityName; score: number };
}

const SAMPLE_SIZE = 50;
const SHEET_NAME_BONUS = 0.25;
const MIN_SCORE = 0.5;

/** Header + up to 50 non-blank cells for each of a region's columns. */
export function columnInputs(grid: Grid, region: DetectedRegion, only?: Set<number>): ColumnInput[] {
  return region.columns
    .map((col, i) => ({ col, i }))
    .filter(({ i }) => !only || only.has(i))
    .map(({ col, i }) => {
      const sample: CellValue[] = [];
      if (region.kvCells) {
        const v = cellAt(grid, region.kvCells[i].r, region.kvCells[i].c);
        if (!isBlankCell(v)) sample.push(v);
      } else {
        for (const r of region.dataRows) {
          const v = cellAt(grid, r, col.index);
          if (!isBlankCell(v)) sample.push(v);
          if (sample.length >= SAMPLE_SIZE) break;
        }
      }
      // Under a two-row header the mapper also scores the column's own label (`child`) alone.
      return col.parent && col.child !== col.header
        ? { header: col.header, index: i, sample, child: col.child }
        : { header: col.header, index: i, sample };
    });
}

function sheetNameBonus(sheet: string, entity: EntityName): number {
  const name = normaliseHeader(sheet);
  const def = SCHEMA[entity];
  const words = [entity.toLowerCase(), def.noun.toLowerCase(), normaliseHeader(def.noun)];
  return words.some((w) => name.includes(w)) ? SHEET_NAME_BONUS : 0;
}

/** Whether the mapping names the entity's id or any of its required fields. */
function hasAnchor(entity: EntityName, mapping: MappingResult): boolean {
  const def = SCHEMA[entity];
  const anchors = new Set([def.idField, ...def.fields.filter((f) => f.required).map((f) => f.name)]);
  return mapping.columns.some((m) => m.field !== null && anchors.has(m.field));
}

function confidenceOf(best: number, second: number): number {
  if (best <= 0) return 0;
  const margin = Math.max(0, best - second) / best;
  return Math.round((0.5 + 0.5 * margin) * Math.min(1, best / 2) * 1000) / 1000;
}

export function classifyRegion(
  grid: Grid,
  region: DetectedRegion,
  settings: CoercionSettings,
  override?: EntityName,
  saved?: SavedMapping,
): Classification {
  // Month columns are unpivoted only into entities that have a month (an override to another
  // entity reads the grid as a plain table, months kept as extras).
  const found = findMonthColumns(grid, region) ?? undefined;
  const months = found && (!override || override === "Allocations" || override === "Financials") ? found : undefined;
  const layout: Layout = region.kind === "keyValue" ? "keyValue" : months ? "monthsAcross" : "table";
  const inputs = months
    ? columnInputs(grid, region, new Set(months.others.map((c) => region.columns.indexOf(c))))
    : columnInputs(grid, region);

  if (override) {
    const mapping = mapHeaders(override, inputs, settings, saved);
    return { entity: override, confidence: 1, layout, mapping, months };
  }

  const candidates: EntityName[] = months ? ["Allocations", "Financials"] : [...ENTITY_NAMES];
  const scored = candidates.map((entity) => {
    const mapping = mapHeaders(entity, inputs, settings);
    return { entity, mapping, score: mapping.score + (mapping.score > 0 ? sheetNameBonus(grid.sheet, entity) : 0) };
  });

  if (months) return classifyMonths(scored, layout, months, settings, inputs, saved);

  const viable = scored.filter((s) => hasAnchor(s.entity, s.mapping)).sort((a, b) => b.score - a.score);
  const mappedCount = (m: MappingResult) => m.columns.filter((c) => c.field).length;
  const best = viable[0];
  if (!best || best.score < MIN_SCORE || mappedCount(best.mapping) < 2) {
    const top = [...scored].sort((a, b) => b.score - a.score)[0];
    return {
      entity: null,
      confidence: 0,
      layout,
      mapping: null,
      reason: best
        ? `headers match too little of any register entity (best: ${best.entity}, ${mappedCount(best.mapping)} column(s))`
        : `no column names an id or a required field of any entity (closest: ${top.entity}); looks like a lookup list or notes`,
    };
  }
  const second = scored.filter((s) => s.entity !== best.entity).sort((a, b) => b.score - a.score)[0];
  const mapping = saved ? mapHeaders(best.entity, inputs, settings, saved) : best.mapping;
  return {
    entity: best.entity,
    confidence: confidenceOf(best.score, second?.score ?? 0),
    layout,
    mapping,
    months,
    runnerUp: second ? { entity: second.entity, score: Math.round(second.score * 1000) / 1000 } : undefined,
  };
}

/**
 * A month grid is Allocations when its other columns name a role or a person (project/role ×
 * month FTE), Financials when they name a project (project × month money); anything else (a
 * role × month supply grid with no project) is skipped with the reason.
 */
function classifyMonths(
  scored: { entity: EntityName; mapping: MappingResult; score: number }[],
  layout: Layout,
  months: MonthLayout,
  settings: CoercionSettings,
  inputs: ColumnInput[],
  saved?: SavedMapping,
): Classification {
  const byEntity = new Map(scored.map((s) => [s.entity, s]));
  const has = (entity: EntityName, fields: string[]) =>
    byEntity.get(entity)!.mapping.columns.some((c) => c.field !== null && fields.includes(c.field));
  let entity: EntityName | null = null;
  if (has("Allocations", ["ProjectId"]) && has("Allocations", ["Role", "ResourceName"])) entity = "Allocations";
  else if (has("Financials", ["ProjectId"])) entity = "Financials";
  if (!entity) {
    return {
      entity: null,
      confidence: 0,
      layout,
      mapping: null,
      months,
      reason: `months across columns (${months.months[0].month} … ${months.months[months.months.length - 1].month}) but no project column to attach them to`,
    };
  }
  const mapping = saved ? mapHeaders(entity, inputs, settings, saved) : byEntity.get(entity)!.mapping;
  return { entity, confidence: 0.9, layout, mapping, months };
}
