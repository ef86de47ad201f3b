import { OWNED_SHEET } from "../domain/owned-sheet-names";
import type { CapacityPlan } from "../analysis/capacity/capacity-plan";
import { dateFromIso } from "../domain/dates";
import type { LevellingResult } from "../analysis/capacity/levelling";
import type { ColumnSpec, ConditionalFormatSpec, SheetSpec, SpecValue } from "../workbook/spec";
import type { UnplacedBlock } from "./layout";
import { stackBlocks } from "./layout";

/**
 * The `Capacity` sheet: a role × month utilisation heat map (a colour scale the add-in owns), then
 * demand, supply and the hot cells with the projects behind them. `Levelling` lists the proposal.
 */
const round = (v: number) => Math.round(v * 1000) / 1000;

function roleMonthTable(
  name: string,
  plan: CapacityPlan,
  pick: (role: string) => (number | null)[],
  format: string,
): UnplacedBlock {
  const columns: ColumnSpec[] = [
    { header: "Role", type: "text", width: 20 },
    ...plan.months.map((m) => ({ header: m, type: "number" as const, numberFormat: format, width: 9 })),
  ];
  const rows: SpecValue[][] = Object.keys(plan.roles).map((role) => [
    role,
    ...pick(role).map((v) => (v === null ? null : round(v))),
  ]);
  return { kind: "table", name, columns, rows, style: "TableStyleLight1" };
}

export function capacitySheet(plan: CapacityPlan, scenario: string, amber = 0.85, red = 1): SheetSpec {
  const roles = Object.keys(plan.roles);
  const intro: UnplacedBlock[] = [
    {
      kind: "title",
      text: "Capacity: demand against supply",
      subtitle: `Scenario: ${scenario} · FTE-months by role and month`,
    },
    {
      kind: "text",
      lines: [
        `Utilisation = demand / supply. Amber from ${Math.round(amber * 100)} %, red above ${Math.round(red * 100)} %. A blank cell has no supply ("no capacity" when there is demand).`,
      ],
      style: "note",
    },
    { kind: "text", lines: ["Utilisation"], style: "heading" },
  ];
  const heat = roleMonthTable("tblCapacityUtilisation", plan, (r) => plan.roles[r].utilisation, "0%");
  const rest: UnplacedBlock[] = [
    { kind: "text", lines: ["Demand (FTE-months)"], style: "heading" },
    roleMonthTable("tblCapacityDemand", plan, (r) => plan.roles[r].demand, "0.00"),
    { kind: "text", lines: ["Supply (FTE-months)"], style: "heading" },
    roleMonthTable("tblCapacitySupply", plan, (r) => plan.roles[r].supply, "0.00"),
    { kind: "text", lines: [`Hot cells (${plan.hotspots.length})`], style: "heading" },
    plan.hotspots.length === 0
      ? {
          kind: "text",
          lines: [
            Object.keys(plan.roles).length === 0
              ? "No resources or allocations are recorded, so there is no demand or supply to compare."
              : "Demand fits supply in every month.",
          ],
          style: "note",
        }
      : {
          kind: "table",
          name: "tblCapacityHotspots",
          style: "TableStyleLight9",
          columns: [
            { header: "Role", type: "text", width: 20 },
            { header: "Month", type: "text", width: 9 },
            { header: "Demand", type: "number", numberFormat: "0.00" },
            { header: "Supply", type: "number", numberFormat: "0.00" },
            { header: "Utilisation", type: "percent", numberFormat: "0%" },
            { header: "Band", type: "text", width: 12 },
            { header: "Over by", type: "number", numberFormat: "0.00" },
            { header: "Top contributing projects", type: "longText", width: 60 },
          ],
          rows: plan.hotspots.map((h) => [
            h.role,
            h.month,
            round(h.demand),
            round(h.supply),
            h.utilisation === null ? null : round(h.utilisation),
            h.band,
            round(h.overload),
            h.topProjects.map((p) => `${p.id}${p.name ? ` ${p.name}` : ""} (${p.fte.toFixed(2)})`).join("; "),
          ]),
        },
  ];
  const placed = stackBlocks([...intro, heat, ...rest]).blocks;
  const heatBlock = placed.find((b) => b.kind === "table" && b.name === "tblCapacityUtilisation");
  const conditionalFormats: ConditionalFormatSpec[] = [];
  if (heatBlock && roles.length > 0 && plan.months.length > 0) {
    const range = {
      top: heatBlock.row + 1,
      left: heatBlock.col + 1,
      bottom: heatBlock.row + roles.length,
      right: heatBlock.col + plan.months.length,
    };
    conditionalFormats.push({ range, rule: { type: "colorScale", min: "63BE7B", mid: "FFEB84", max: "F8696B" } });
  }
  return {
    name: OWNED_SHEET.capacity,
    tabColor: "C55A11",
    blocks: placed,
    freeze: { row: 1, col: 2 },
    print: { landscape: true, fitToWidth: true },
    conditionalFormats,
  };
}

export function levellingSheet(result: LevellingResult, maxShift: number): SheetSpec {
  const blocks: UnplacedBlock[] = [
    {
      kind: "title",
      text: "Levelling proposal",
      subtitle: `Lower-priority projects moved by whole months (at most ${maxShift}); baseline dates are never changed`,
    },
    {
      kind: "keyFigures",
      items: [
        { label: "Overload before (FTE-months)", value: round(result.overloadBefore), numberFormat: "0.00" },
        { label: "Overload after (FTE-months)", value: round(result.overloadAfter), numberFormat: "0.00" },
        { label: "Projects moved", value: result.shifts.length, numberFormat: "0" },
      ],
    },
    { kind: "text", lines: ["Proposed shifts"], style: "heading" },
    result.shifts.length === 0
      ? { kind: "text", lines: ["No move lowers the overload."], style: "note" }
      : {
          kind: "table",
          name: "tblLevellingShifts",
          style: "TableStyleLight9",
          columns: [
            { header: "Project", type: "text" },
            { header: "Name", type: "text", width: 30 },
            { header: "Months later", type: "integer" },
            { header: "Proposed start", type: "date" },
            { header: "Proposed finish", type: "date" },
            { header: "Overload removed", type: "number", numberFormat: "0.00" },
          ],
          rows: result.shifts.map((s) => [
            s.projectId,
            s.name,
            s.months,
            s.newStart ? dateFromIso(s.newStart) : null,
            s.newFinish ? dateFromIso(s.newFinish) : null,
            round(s.overloadRemoved),
          ]),
        },
    { kind: "text", lines: ["Held in place"], style: "heading" },
    result.held.length === 0
      ? { kind: "text", lines: ["None."], style: "note" }
      : {
          kind: "table",
          name: "tblLevellingHeld",
          style: "TableStyleLight9",
          columns: [
            { header: "Project", type: "text" },
            { header: "Why", type: "text", width: 50 },
          ],
          rows: result.held.map((h) => [h.projectId, h.reason]),
        },
    { kind: "text", lines: ["Overload that remains"], style: "heading" },
    result.remaining.length === 0
      ? { kind: "text", lines: ["None: demand fits supply after the shifts."], style: "note" }
      : {
          kind: "table",
          name: "tblLevellingRemaining",
          style: "TableStyleLight9",
          columns: [
            { header: "Role", type: "text", width: 20 },
            { header: "Month", type: "text" },
            { header: "Over by", type: "number", numberFormat: "0.00" },
          ],
          rows: result.remaining.map((r) => [r.role, r.month, round(r.overload)]),
        },
  ];
  return {
    name: OWNED_SHEET.levelling,
    tabColor: "C55A11",
    blocks: stackBlocks(blocks).blocks,
    print: { landscape: true, fitToWidth: true },
  };
}
