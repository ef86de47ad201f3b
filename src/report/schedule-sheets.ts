import { OWNED_SHEET } from "../domain/owned-sheet-names";
import type { AnalyseResult, ProjectAnalysis } from "../analysis/finance/analyse-register";
import type { ItemSchedule } from "../analysis/schedule/critical-path";
import { compareIds } from "../domain/ids";
import type { ConditionalFormatSpec, SheetSpec, SpecValue } from "../workbook/spec";
import {
  cellText,
  date,
  frozenUnder,
  heading,
  num,
  placedTable,
  SOURCE,
  TAB,
  tableOr,
  yesNo,
} from "./analysis-sheet-parts";
import { stackBlocks, type UnplacedBlock } from "./layout";

export { benefitsSheet } from "./benefits-sheet";
export { earnedValueSheet, financeSheet } from "./finance-sheet";
export type { AnalysisSheetOptions } from "./analysis-sheet-parts";

/**
 * The `Schedule` sheet from `analyseRegister`'s result: every project and linked milestone with
 * early/late dates and float (each network's critical chain first, in order, then by float),
 * the networks, dependency cycles, slipped milestones, and those overdue or due soon. The
 * `Finance` and `Benefits Realisation` sheets live beside it and are re-exported here.
 */

/** Critical chain first (in order), then the rest of each network by float; unscheduled items last. */
function scheduleRows(a: AnalyseResult, milestoneNames: Map<string, string | null>): SpecValue[][] {
  const items: (ItemSchedule & { name: string | null })[] = [
    ...a.projects.map((p) => ({ ...scheduleOf(p), name: p.name })),
    ...a.schedule.milestones.map((m) => ({ ...m, name: milestoneNames.get(m.id) ?? null })),
  ];
  const position = new Map<string, number>();
  for (const n of a.networks) n.criticalPath.forEach((id, i) => position.set(id, i + 1));
  const LAST = Number.MAX_SAFE_INTEGER;
  const key = (i: ItemSchedule) => [i.network ?? LAST, position.get(i.id) ?? LAST, i.totalFloatDays ?? LAST];
  items.sort((x, y) => {
    const [a1, b1, c1] = key(x);
    const [a2, b2, c2] = key(y);
    return (
      a1 - a2 || b1 - b2 || c1 - c2 || compareIds(x.earlyStart ?? "", y.earlyStart ?? "") || compareIds(x.id, y.id)
    );
  });
  return items.map((i) => [
    i.network === null ? null : i.network + 1,
    position.get(i.id) ?? null,
    i.id,
    i.name,
    i.kind,
    num(i.durationDays),
    date(i.earlyStart),
    date(i.earlyFinish),
    date(i.lateStart),
    date(i.lateFinish),
    num(i.totalFloatDays),
    i.network === null ? null : yesNo(i.critical),
    cellText(i.reason),
  ]);
}

function scheduleOf(p: ProjectAnalysis): ItemSchedule {
  return {
    id: p.id,
    kind: "project",
    durationDays: p.durationDays,
    earlyStart: p.earlyStart,
    earlyFinish: p.earlyFinish,
    lateStart: p.lateStart,
    lateFinish: p.lateFinish,
    totalFloatDays: p.totalFloatDays,
    critical: p.critical === true,
    network: p.network,
    ...(p.reasons?.earlyStart ? { reason: p.reasons.earlyStart } : {}),
  };
}

export function scheduleSheet(a: AnalyseResult): SheetSpec {
  const milestoneNames = new Map(a.milestones.milestones.map((m) => [m.id, m.name]));
  const rows = scheduleRows(a, milestoneNames);
  const critical = a.projects.filter((p) => p.critical === true).length;
  const blocks: UnplacedBlock[] = [
    {
      kind: "title",
      text: "Schedule: critical path and float",
      subtitle: `Status date ${a.statusDate ?? "none"} (${SOURCE[a.statusDateSource]}) · ${a.networks.length} network(s) · ${critical} critical project(s) · ${a.cycles.length} dependency cycle(s)`,
    },
    tableOr(
      "tblSchedule",
      [
        { header: "Network", type: "integer", width: 9 },
        { header: "Chain position", type: "integer", width: 9 },
        { header: "Id", type: "text", width: 12 },
        { header: "Name", type: "text", width: 30 },
        { header: "Kind", type: "text", width: 10 },
        { header: "Duration (days)", type: "integer", width: 10 },
        { header: "Early start", type: "date" },
        { header: "Early finish", type: "date" },
        { header: "Late start", type: "date" },
        { header: "Late finish", type: "date" },
        { header: "Total float (days)", type: "integer", width: 10 },
        { header: "Critical", type: "bool", width: 9 },
        { header: "Notes", type: "longText", width: 50 },
      ],
      rows,
      "Nothing to schedule: the register has no projects.",
    ),
    heading("Networks"),
    tableOr(
      "tblScheduleNetworks",
      [
        { header: "Network", type: "integer", width: 9 },
        { header: "Start", type: "date" },
        { header: "Finish", type: "date" },
        { header: "Duration (days)", type: "integer", width: 10 },
        { header: "Items", type: "integer", width: 8 },
        { header: "Critical chain", type: "longText", width: 60 },
      ],
      a.networks.map((n, i) => [
        i + 1,
        date(n.start),
        date(n.finish),
        n.durationDays,
        n.members.length,
        cellText(n.criticalPath.join(" → ")),
      ]),
      "No network could be scheduled.",
    ),
    heading("Dependency cycles"),
    tableOr(
      "tblScheduleCycles",
      [
        { header: "Cycle", type: "integer", width: 8 },
        { header: "Members", type: "longText", width: 60 },
      ],
      a.cycles.map((c, i) => [i + 1, cellText(c.join(", "))]),
      "None: every dependency chain has an end.",
    ),
    heading("Slipped milestones"),
    tableOr(
      "tblMilestoneSlip",
      [
        { header: "Milestone", type: "text", width: 12 },
        { header: "Name", type: "text", width: 30 },
        { header: "Project", type: "text", width: 12 },
        { header: "Programme", type: "text", width: 12 },
        { header: "Gate", type: "bool", width: 7 },
        { header: "Baseline", type: "date" },
        { header: "Forecast", type: "date" },
        { header: "Actual", type: "date" },
        { header: "Slip (days)", type: "integer", width: 9 },
        { header: "Overdue", type: "bool", width: 9 },
      ],
      a.milestones.milestones
        .filter((m) => m.slipped)
        .sort((x, y) => (y.slipDays as number) - (x.slipDays as number) || compareIds(x.id, y.id))
        .map((m) => [
          m.id,
          m.name,
          m.projectId,
          m.programmeId,
          yesNo(m.isGate),
          date(m.baselineDate),
          date(m.forecastDate),
          date(m.actualDate),
          m.slipDays,
          yesNo(m.overdue),
        ]),
      "No milestone has slipped against its baseline.",
    ),
    heading(`Overdue, and due within ${a.milestones.upcomingDays} days`),
    tableOr(
      "tblMilestonesDue",
      [
        { header: "Milestone", type: "text", width: 12 },
        { header: "Name", type: "text", width: 30 },
        { header: "Project", type: "text", width: 12 },
        { header: "Due", type: "date" },
        { header: "Days to due", type: "integer", width: 9 },
        { header: "State", type: "text", width: 10 },
      ],
      a.milestones.milestones
        .filter((m) => m.overdue || m.upcoming)
        .sort((x, y) => (x.daysToDue as number) - (y.daysToDue as number) || compareIds(x.id, y.id))
        .map((m) => [
          m.id,
          m.name,
          m.projectId,
          date(m.forecastDate ?? m.baselineDate),
          m.daysToDue,
          m.overdue ? "Overdue" : "Upcoming",
        ]),
      a.statusDate ? "Nothing overdue or due soon." : "No status date, so nothing can be overdue.",
    ),
  ];
  const unused = [
    ...a.schedule.ignoredLinks.map((l) => `${l.dependencyId ?? `${l.predecessorId} → ${l.successorId}`}: ${l.reason}`),
    ...a.schedule.skippedDependencies.map((d) => `${d.dependencyId}: ${d.reason}`),
  ];
  if (unused.length)
    blocks.push(heading("Dependencies not used as schedule links"), { kind: "text", lines: unused, style: "note" });
  const placed = stackBlocks(blocks).blocks;
  const schedule = placedTable(placed, "tblSchedule");
  const conditionalFormats: ConditionalFormatSpec[] = [];
  const criticalCol = schedule ? schedule.columns.findIndex((c) => c.header === "Critical") : -1;
  if (schedule && schedule.rows.length && criticalCol >= 0) {
    const c = schedule.col + criticalCol;
    conditionalFormats.push({
      range: { top: schedule.row + 1, left: c, bottom: schedule.row + schedule.rows.length, right: c },
      rule: { type: "textEquals", text: "Yes", fill: "F8CBAD", font: "833C0B" },
    });
  }
  return {
    name: OWNED_SHEET.schedule,
    tabColor: TAB,
    blocks: placed,
    freeze: frozenUnder(placed, "tblSchedule"),
    print: { landscape: true, fitToWidth: true },
    conditionalFormats,
  };
}
