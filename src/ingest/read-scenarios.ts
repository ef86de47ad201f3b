import { isIsoDate, isoFromDate, isoFromExcelSerial, type IsoDate } from "../domain/dates";
import {
  SCENARIO_COLUMNS,
  SCENARIO_PROJECT_COLUMNS,
  SCENARIO_PROJECTS_TABLE,
  SCENARIOS_SHEET,
  SCENARIOS_TABLE,
  sameScenarioName,
  type SavedScenario,
} from "../domain/scenarios";
import type { CellValue, Grid } from "../workbook/grid";
import { gridCellAddress } from "../workbook/grid";

/**
 * Reads the Scenarios sheet back (src/report/scenarios-sheet.ts writes it). The sheet is the
 * add-in's, but people edit sheets: a row that cannot be read is reported with its cell and left
 * out, never guessed.
 */
export interface ScenariosRead {
  scenarios: SavedScenario[];
  problems: { sheet: string; cell: string; message: string }[];
}

interface TableRows {
  grid: Grid;
  header: string[];
  /** Grid row index of each data row, and its cells from the table's first column. */
  rows: { at: number; cells: CellValue[] }[];
  left: number;
}

function tableRows(grids: Grid[], table: string): TableRows | null {
  for (const grid of grids) {
    const t = grid.tables?.find((x) => x.name.toLowerCase() === table.toLowerCase());
    if (!t) continue;
    const header = (grid.values[t.range.top] ?? [])
      .slice(t.range.left, t.range.right + 1)
      .map((v) => String(v ?? "").trim());
    const rows: TableRows["rows"] = [];
    for (let r = t.range.top + 1; r <= t.range.bottom; r++)
      rows.push({ at: r, cells: (grid.values[r] ?? []).slice(t.range.left, t.range.right + 1) });
    return { grid, header, rows, left: t.range.left };
  }
  return null;
}

const text = (v: CellValue | undefined): string => (v === null || v === undefined ? "" : String(v).trim());

function dateOf(v: CellValue | undefined, date1904: boolean): IsoDate | null {
  if (v instanceof Date) return isoFromDate(v);
  if (typeof v === "number") return isoFromExcelSerial(v, date1904);
  const s = text(v).slice(0, 10);
  return isIsoDate(s) ? s : null;
}

const METHODS = new Set(["weighted", "ahp", "wsjf"]);
const STATUSES = new Set(["optimal", "feasible", "infeasible", "stopped"]);

export function readScenarios(grids: Grid[]): ScenariosRead {
  const out: ScenariosRead = { scenarios: [], problems: [] };
  const main = tableRows(grids, SCENARIOS_TABLE);
  if (!main) return out;
  const members = tableRows(grids, SCENARIO_PROJECTS_TABLE);
  const col = (t: TableRows, name: string) => t.header.indexOf(name);
  const missing = SCENARIO_COLUMNS.filter((c) => col(main, c) < 0);
  if (missing.length) {
    out.problems.push({
      sheet: main.grid.sheet,
      cell: gridCellAddress(main.grid, main.rows[0]?.at ?? 0, main.left),
      message: `The ${SCENARIOS_SHEET} table lacks ${missing.join(", ")}; its scenarios cannot be read. Save a scenario again to rewrite it.`,
    });
    return out;
  }
  const selected = new Map<string, string[]>();
  if (members && col(members, SCENARIO_PROJECT_COLUMNS[0]) >= 0 && col(members, SCENARIO_PROJECT_COLUMNS[1]) >= 0) {
    const [s, p] = SCENARIO_PROJECT_COLUMNS.map((c) => col(members, c));
    for (const { cells } of members.rows) {
      const name = text(cells[s]).toLowerCase();
      const id = text(cells[p]);
      if (name && id) (selected.get(name) ?? selected.set(name, []).get(name)!).push(id);
    }
  }
  for (const { at, cells } of main.rows) {
    const get = (c: (typeof SCENARIO_COLUMNS)[number]) => cells[col(main, c)];
    const name = text(get("Scenario"));
    if (!name) continue;
    const where = (c: (typeof SCENARIO_COLUMNS)[number]) => gridCellAddress(main.grid, at, main.left + col(main, c));
    const bad = (c: (typeof SCENARIO_COLUMNS)[number], what: string) =>
      out.problems.push({
        sheet: main.grid.sheet,
        cell: where(c),
        message: `Scenario "${name}": ${c} ${what}; the scenario is left out. Save it again from the pane or pmo prioritise.`,
      });
    const method = text(get("Method")).toLowerCase();
    const status = text(get("Status")).toLowerCase();
    const budgetText = text(get("Budget"));
    const budgetNumber = Number(budgetText);
    const budget =
      budgetText === "envelopes" || budgetText === "none"
        ? budgetText
        : budgetText !== "" && Number.isFinite(budgetNumber) && budgetNumber >= 0
          ? budgetNumber
          : null;
    const over = get("Over-allocation");
    const value = get("Objective value");
    const cost = get("Cost");
    const savedOn = dateOf(get("Saved on"), main.grid.date1904 ?? false);
    if (!METHODS.has(method)) bad("Method", `is "${text(get("Method"))}", not weighted, ahp or wsjf`);
    else if (!STATUSES.has(status)) bad("Status", `is "${text(get("Status"))}"`);
    else if (budget === null) bad("Budget", `is "${budgetText}", not an amount, envelopes or none`);
    else if (typeof over !== "number" || over < 0) bad("Over-allocation", "is not a percentage");
    else if (typeof value !== "number" || typeof cost !== "number") bad("Objective value", "or Cost is not a number");
    else if (!savedOn) bad("Saved on", "is not a date");
    else if (out.scenarios.some((s) => sameScenarioName(s.name, name))) bad("Scenario", "appears twice");
    else if (get("Projects selected") !== (selected.get(name.toLowerCase()) ?? []).length)
      bad(
        "Projects selected",
        `is ${text(get("Projects selected"))} but the project rows below list ${(selected.get(name.toLowerCase()) ?? []).length}`,
      );
    else
      out.scenarios.push({
        name,
        savedOn,
        method: method as SavedScenario["method"],
        objective: text(get("Objective")) || "score",
        budget,
        overAllocation: over,
        status: status as SavedScenario["status"],
        objectiveValue: value,
        cost,
        selected: selected.get(name.toLowerCase()) ?? [],
      });
  }
  return out;
}
