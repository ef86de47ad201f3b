import {
  SCENARIO_COLUMNS,
  SCENARIO_PROJECT_COLUMNS,
  SCENARIO_PROJECTS_TABLE,
  SCENARIOS_SHEET,
  SCENARIOS_TABLE,
  type SavedScenario,
} from "../domain/scenarios";
import type { SheetSpec } from "../workbook/spec";
import { stackBlocks, type UnplacedBlock } from "./layout";

/**
 * The Scenarios sheet: one row per saved selection with the settings that produced it, and one
 * row per scenario and selected project below (a long table, so no cell outgrows Excel's 32,767
 * characters however many projects a scenario holds). Read back by src/ingest/read-scenarios.ts.
 */
export function scenariosSheet(scenarios: readonly SavedScenario[]): SheetSpec {
  const blocks: UnplacedBlock[] = [
    {
      kind: "title",
      text: "Scenarios",
      subtitle:
        "Saved portfolio selections and the settings that produced them; compare two in the pane or with pmo scenarios.",
    },
    {
      kind: "table",
      name: SCENARIOS_TABLE,
      style: "TableStyleMedium2",
      columns: [
        { header: SCENARIO_COLUMNS[0], type: "text", width: 26 },
        { header: SCENARIO_COLUMNS[1], type: "date", width: 12 },
        { header: SCENARIO_COLUMNS[2], type: "text", width: 10 },
        { header: SCENARIO_COLUMNS[3], type: "text", width: 14 },
        { header: SCENARIO_COLUMNS[4], type: "text", width: 14 },
        { header: SCENARIO_COLUMNS[5], type: "percent", width: 14 },
        { header: SCENARIO_COLUMNS[6], type: "text", width: 10 },
        { header: SCENARIO_COLUMNS[7], type: "number", width: 14 },
        { header: SCENARIO_COLUMNS[8], type: "money", width: 14 },
        { header: SCENARIO_COLUMNS[9], type: "integer", width: 10 },
      ],
      rows: scenarios.map((s) => [
        s.name,
        s.savedOn,
        s.method,
        s.objective,
        typeof s.budget === "number" ? String(s.budget) : s.budget,
        s.overAllocation,
        s.status,
        s.objectiveValue,
        s.cost,
        s.selected.length,
      ]),
    },
    {
      kind: "table",
      name: SCENARIO_PROJECTS_TABLE,
      style: "TableStyleLight9",
      columns: [
        { header: SCENARIO_PROJECT_COLUMNS[0], type: "text", width: 26 },
        { header: SCENARIO_PROJECT_COLUMNS[1], type: "text", width: 14 },
      ],
      rows: scenarios.flatMap((s) => s.selected.map((id) => [s.name, id])),
    },
  ];
  return { name: SCENARIOS_SHEET, blocks: stackBlocks(blocks).blocks };
}
