import type { EntityRecord } from "../domain/register";
import { SheetBuilder, monthLabel, renderEnum } from "./messy-cells";
import type { ColumnSpec } from "./messy-columns";
import { renderColumns } from "./messy-columns";
import { monthEnd } from "../domain/dates";
import { monthKeysBetween } from "./month-keys";
import type { Picks } from "./random-picks";
import type { RawSheet } from "./raw-sheet";

/** Timesheet-style planned hours, headed in German as the Hamburg office keeps it. */
export const HOURS_COLUMNS: ColumnSpec[] = [
  ["ResourceName", "Mitarbeiter", { kind: "text" }],
  ["Role", "Rolle", { kind: "text" }],
  ["ProjectId", "Projekt", { kind: "text" }],
  [
    "Start",
    "Datum",
    {
      kind: "date",
      mix: [
        ["date-de", 6],
        ["dots", 4],
      ],
    },
  ],
  [
    "Finish",
    "Bis",
    {
      kind: "date",
      mix: [
        ["date-de", 6],
        ["dots", 4],
      ],
    },
  ],
  ["Hours", "Stunden", { kind: "decimal-comma" }],
  ["Type", "Status", { kind: "enum", list: "AllocationType", messiness: 0.3 }],
];

export const RESOURCE_COLUMNS: ColumnSpec[] = [
  ["ResourceId", "Staff ID", { kind: "text" }],
  ["Name", "Employee", { kind: "text" }],
  ["Role", "Job Role", { kind: "text" }],
  ["Team", "Team", { kind: "text" }],
  ["FTE", "Capacity FTE", { kind: "number" }],
  [
    "Start",
    "Available From",
    {
      kind: "date",
      mix: [
        ["date", 6],
        ["dmy4", 4],
      ],
    },
  ],
  [
    "Finish",
    "Available To",
    {
      kind: "date",
      mix: [
        ["date", 6],
        ["dmy4", 4],
      ],
    },
  ],
];

export const ADJUSTMENT_COLUMNS: ColumnSpec[] = [
  ["Role", "Role", { kind: "text" }],
  ["Period", "Month", { kind: "date", mix: [["month", 1]] }],
  ["DeltaFTE", "FTE Change", { kind: "number" }],
  ["Reason", "Reason", { kind: "text" }],
];

/** Whole-month FTE allocations (what fits a months-across-columns plan) and the rest (hours). */
export function splitAllocations(allocations: EntityRecord<"Allocations">[]): {
  monthly: EntityRecord<"Allocations">[];
  hours: EntityRecord<"Allocations">[];
} {
  const monthly: EntityRecord<"Allocations">[] = [];
  const hours: EntityRecord<"Allocations">[] = [];
  // One cell per project, role, type and month: a second allocation for the same cell goes to the hours sheet.
  const cells = new Set<string>();
  for (const a of allocations) {
    const start = String(a.values.Start ?? "");
    const finish = String(a.values.Finish ?? "");
    const wholeMonth = start.endsWith("-01") && finish === monthEnd(start.slice(0, 7));
    const roleOnly = a.values.Hours === null && a.values.ResourceName === null && a.values.FTE !== null;
    const cell = `${a.values.ProjectId}|${a.values.Role}|${a.values.Type}|${start}`;
    const fits = wholeMonth && roleOnly && !cells.has(cell);
    if (fits) cells.add(cell);
    (fits ? monthly : hours).push(a);
  }
  return { monthly, hours };
}

/**
 * "Resource Plan.xlsx": FTE per project and role with months across the columns (`Sep-25 …`, as
 * text headers, under a title and a note), a German timesheet-style sheet of planned hours
 * (decimal commas, dotted dates), the resource list and the capacity adjustments.
 */
export function renderResourcePlan(
  allocations: EntityRecord<"Allocations">[],
  resources: EntityRecord<"Resources">[],
  adjustments: EntityRecord<"CapacityAdjustments">[],
  picks: Picks,
  asAt: string,
): RawSheet[] {
  const { monthly, hours } = splitAllocations(allocations);
  const plan = new SheetBuilder("FTE Plan");
  plan.put(1, 1, "Resource Plan (FTE per month)");
  plan.put(2, 1, `Source: resource managers' returns as at ${asAt}. Blank = not allocated.`);
  const rows = new Map<string, { project: string; role: string; type: string; fte: Map<string, number> }>();
  let first = "9999-99";
  let last = "0000-00";
  for (const a of monthly) {
    const key = `${a.values.ProjectId}|${a.values.Role}|${a.values.Type}`;
    const row = rows.get(key) ?? {
      project: String(a.values.ProjectId),
      role: String(a.values.Role),
      type: String(a.values.Type),
      fte: new Map(),
    };
    const month = String(a.values.Start).slice(0, 7);
    row.fte.set(month, Number(a.values.FTE));
    rows.set(key, row);
    if (month < first) first = month;
    if (month > last) last = month;
  }
  const months = monthly.length ? monthKeysBetween(first, last) : [];
  const headerRow = 4;
  ["Project", "Role", "Status"].forEach((h, c) => plan.put(headerRow, c + 1, h));
  months.forEach((m, c) => plan.put(headerRow, 4 + c, monthLabel(m)));
  let r = headerRow + 1;
  for (const row of rows.values()) {
    plan.put(r, 1, row.project);
    plan.put(r, 2, row.role);
    plan.put(r, 3, renderEnum(row.type, "AllocationType", picks, 0.2));
    months.forEach((m, c) => {
      const fte = row.fte.get(m);
      if (fte !== undefined) plan.put(r, 4 + c, { value: fte, numberFormat: "0.0" });
    });
    r++;
  }

  const timesheet = new SheetBuilder("Stundenplanung");
  // Part-month FTE rows (none in generated estates) keep their FTE in an extra column.
  const hoursColumns = hours.some((a) => a.values.FTE !== null)
    ? [...HOURS_COLUMNS, ["FTE", "FTE", { kind: "number" }] as ColumnSpec]
    : HOURS_COLUMNS;
  renderColumns(timesheet, hours, hoursColumns, 1, 1, picks);
  const people = new SheetBuilder("Resources");
  renderColumns(people, resources, RESOURCE_COLUMNS, 1, 1, picks);
  const adjust = new SheetBuilder("Capacity Adjustments");
  renderColumns(adjust, adjustments, ADJUSTMENT_COLUMNS, 1, 1, picks);
  return [plan.build(), timesheet.build(), people.build(), adjust.build()];
}
