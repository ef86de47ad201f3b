import { OWNED_SHEET } from "../domain/owned-sheet-names";
import {
  metricValueText,
  metricThresholdText as thresholdText,
  type HealthMetric,
  type ScheduleHealth,
  type ScheduleHealthView,
} from "../analysis/schedule/schedule-health";
import type { EntityName } from "../domain/schema";
import { quoteSheet } from "../workbook/grid";
import type { ConditionalFormatSpec, SheetSpec, SpecValue } from "../workbook/spec";
import { cellText, frozenUnder, heading, placedTable, TAB, tableOr } from "./analysis-sheet-parts";
import { stackBlocks, type UnplacedBlock } from "./layout";

export const SCHEDULE_HEALTH_SHEET = OWNED_SHEET.scheduleHealth;

/** Where a register value sits (the register reader's `locate`), so a record becomes a link to its cell. */
export type HealthLocate = (
  entity: EntityName,
  id: string,
  field: string,
  index: number,
) => { sheet: string; cell: string } | undefined;

/** Records listed per failing metric and scope; the count column always gives the full number. */
export const MAX_RECORDS_PER_METRIC = 200;

const passText = (m: HealthMetric): string => (m.pass === null ? "n/a" : m.pass ? "Pass" : "Fail");

function metricRows(view: ScheduleHealthView): SpecValue[][] {
  return view.metrics.map((m) => [
    view.scope,
    m.number,
    m.name,
    m.count,
    m.denominator,
    metricValueText(m),
    thresholdText(m),
    passText(m),
    cellText(m.note ?? null),
  ]);
}

/**
 * The `Schedule health` sheet: the DCMA 14-point assessment for the portfolio, then per programme,
 * each metric's count, denominator, value, threshold and pass/fail; below, the records behind every
 * failing metric, each a link to the register cell to open.
 */
export function scheduleHealthSheet(health: ScheduleHealth, locate?: HealthLocate): SheetSpec {
  const p = health.portfolio;
  const views = [p, ...health.byProgramme];
  const records: SpecValue[][] = [];
  const notes: string[] = [];
  for (const view of views) {
    for (const m of view.metrics) {
      if (m.pass !== false) continue;
      for (const r of m.records.slice(0, MAX_RECORDS_PER_METRIC)) {
        const at = locate?.(r.entity, r.id, r.field, r.index);
        const where: SpecValue = at
          ? { value: `${at.sheet}!${at.cell}`, link: `${quoteSheet(at.sheet)}!${at.cell}` }
          : `${r.entity} › ${r.id} › ${r.field}`;
        records.push([view.scope, m.number, m.name, r.entity, r.id, r.field, where, cellText(r.detail)]);
      }
      if (m.records.length > MAX_RECORDS_PER_METRIC)
        notes.push(
          `${view.scope}, ${m.name}: ${m.records.length} records, the first ${MAX_RECORDS_PER_METRIC} listed.`,
        );
    }
  }
  const blocks: UnplacedBlock[] = [
    {
      kind: "title",
      text: "Schedule health (DCMA 14-point assessment)",
      subtitle: `Status date ${health.statusDate ?? "none"} · portfolio: ${p.passed} passed, ${p.failed} failed, ${p.metrics.length - p.passed - p.failed} not applicable · thresholds from PMO Settings (dcma…)`,
    },
    tableOr(
      "tblScheduleHealth",
      [
        { header: "Scope", type: "text", width: 14 },
        { header: "Check", type: "integer", width: 7 },
        { header: "Metric", type: "text", width: 44 },
        { header: "Count", type: "integer", width: 9 },
        { header: "Of", type: "integer", width: 9 },
        { header: "Value", type: "text", width: 10 },
        { header: "Threshold", type: "text", width: 12 },
        { header: "Result", type: "text", width: 9 },
        { header: "Notes", type: "longText", width: 40 },
      ],
      views.flatMap(metricRows),
      "No schedule to assess.",
    ),
    heading("Records behind each failing metric"),
    tableOr(
      "tblScheduleHealthRecords",
      [
        { header: "Scope", type: "text", width: 14 },
        { header: "Check", type: "integer", width: 7 },
        { header: "Metric", type: "text", width: 44 },
        { header: "Entity", type: "text", width: 12 },
        { header: "Id", type: "text", width: 14 },
        { header: "Field", type: "text", width: 16 },
        { header: "Cell", type: "text", width: 18 },
        { header: "Detail", type: "longText", width: 70 },
      ],
      records,
      "No metric failed.",
    ),
  ];
  blocks.push({
    kind: "text",
    style: "note",
    lines: [
      "Adapted to a register: a project is one schedule item and its milestones are tied in by it; the register's Dependencies are the logic.",
      "Hard constraints: an item whose forecast start is earlier than its predecessors allow. Negative float: finishing after a dependency's RequiredBy date.",
      "High duration counts long open projects with no milestones to break them down. Critical path test: a delay on the first open critical item must move the network's finish by as much.",
      ...notes,
    ],
  });
  const placed = stackBlocks(blocks).blocks;
  const table = placedTable(placed, "tblScheduleHealth");
  const conditionalFormats: ConditionalFormatSpec[] = [];
  if (table && table.rows.length) {
    const c = table.col + table.columns.findIndex((x) => x.header === "Result");
    const range = { top: table.row + 1, left: c, bottom: table.row + table.rows.length, right: c };
    conditionalFormats.push(
      { range, rule: { type: "textEquals", text: "Fail", fill: "FFC7CE", font: "9C0006" } },
      { range, rule: { type: "textEquals", text: "Pass", fill: "C6EFCE", font: "006100" } },
    );
  }
  return {
    name: SCHEDULE_HEALTH_SHEET,
    tabColor: TAB,
    blocks: placed,
    freeze: frozenUnder(placed, "tblScheduleHealth"),
    print: { landscape: true, fitToWidth: true },
    conditionalFormats,
  };
}
