import type { ListName } from "../domain/enums";
import {
  DEFAULT_SETTINGS,
  GENERAL_KEYS,
  LIST_NAMES,
  LISTS_SHEET,
  SETTINGS_SCHEMA_VERSION,
  SETTINGS_SHEET,
  generalDescription,
  type Settings,
} from "../domain/settings";
import { listRules } from "../standards/catalogue";
import { quoteSheet } from "../workbook/excel-names";
import { columnLetters } from "../workbook/grid";
import type { Block, ColumnSpec, SheetSpec, SpecValue, TableBlock } from "../workbook/spec";

/**
 * The visible `PMO Settings` sheet: A1 holds the settings schema version (docs/conventions.md "Sheet and table names"), then one
 * Excel Table per settings group under a heading, so a PMO analyst edits settings where the register
 * lives and the CLI and the task pane read the same ones (docs/architecture.md "Settings live in the workbook").
 * `readSettingsGrid` finds these tables again by their header rows, wherever they were moved.
 */

/** Header texts, shared with the reader so the two cannot drift apart. */
export const SETTINGS_HEADERS = {
  general: ["Setting", "Value", "Default", "Description"],
  stageGates: ["Stage", "Required fields"],
  lists: ["List", "Values"],
  rules: [
    "Rule id",
    "Family",
    "Entity",
    "Enabled",
    "Severity",
    "Supportive",
    "Controlling",
    "Directive",
    "Description",
  ],
  criteria: ["Criterion", "Source column", "Weight", "Direction", "Scale min", "Scale max"],
  ahpCorner: "Pairwise comparison",
  ownedSheets: ["Owned sheet"],
  mappings: ["Header signature", "Mapping (JSON)"],
} as const;

const EXPLANATION = [
  "How to use this sheet: edit the values in the tables below; PMO Register reads them on every run (the task pane and the pmo command line alike).",
  "A value it cannot read is reported with its cell and the default is used instead. Keep the table headers; tables may be moved and may gain rows.",
  "Fractions (5 % = 0.05) can be typed as 5% or 0.05. Dates as YYYY-MM-DD. Leave Reporting date blank to use the latest StatusDate in the register.",
  "Rules: set Enabled to No to switch a rule off; type error, warning or info under Severity to override the profile's severity for every profile.",
  "AHP: fill the upper triangle with Saaty's 1–9 scale (3 = row criterion moderately more important than the column's; 1/3 the reverse); the rest follows.",
  "Owned sheets: the sheets PMO Register may rewrite. It never touches any other sheet.",
];

const text = (header: string, width?: number): ColumnSpec => ({ header, type: "text", width });
/** Values of mixed type (numbers, text, dates as text) keep Excel's General format. */
const general = (header: string, width?: number): ColumnSpec => ({
  header,
  type: "text",
  numberFormat: "General",
  width,
});

function table(name: string, columns: ColumnSpec[], rows: SpecValue[][]): Omit<TableBlock, "row" | "col"> {
  return { kind: "table", name, columns, rows, style: "TableStyleLight9" };
}

export function settingsSheet(settings: Settings, ownedSheets: string[]): SheetSpec {
  const s = settings;
  const H = SETTINGS_HEADERS;
  const yesNo = listRange("YesNo", settings);
  const owned: string[] = [];
  for (const name of [...s.ownedSheets, ...ownedSheets, SETTINGS_SHEET, LISTS_SHEET]) {
    if (!owned.some((o) => o.toLowerCase() === name.toLowerCase())) owned.push(name);
  }
  const profile = s.general.profile;
  const groups: { heading: string; note: string; table: Omit<TableBlock, "row" | "col"> }[] = [
    {
      heading: "General settings",
      note: "Thresholds, profile and units used by every analysis.",
      table: table(
        "tblSettings",
        [text(H.general[0], 28), general(H.general[1], 18), general(H.general[2], 18), text(H.general[3], 60)],
        GENERAL_KEYS.map((k) => [k, s.general[k], DEFAULT_SETTINGS.general[k], generalDescription(k)]),
      ),
    },
    {
      heading: "Stage gates",
      note: "Projects fields required in each stage (comma-separated field names).",
      table: table(
        "tblStageGates",
        [{ ...text(H.stageGates[0]), validationList: listRange("Stage", settings) }, text(H.stageGates[1])],
        Object.entries(s.stageGates).map(([stage, fields]) => [stage, fields.join(", ")]),
      ),
    },
    {
      heading: "Allowed values",
      note: "Each list's values, separated by semicolons. Dropdowns on the register sheets use these lists.",
      table: table(
        "tblLists",
        [text(H.lists[0]), text(H.lists[1])],
        LIST_NAMES.map((n) => [n, s.lists[n].join("; ")]),
      ),
    },
    {
      heading: "Rules",
      note: `Validation rules. The current profile is ${profile}; blank Severity keeps the profile's severity.`,
      table: table(
        "tblRules",
        [
          text(H.rules[0]),
          text(H.rules[1]),
          text(H.rules[2]),
          { ...text(H.rules[3]), validationList: yesNo },
          text(H.rules[4]),
          text(H.rules[5]),
          text(H.rules[6]),
          text(H.rules[7]),
          text(H.rules[8]),
        ],
        listRules().rules.map((r) => {
          const o = s.rules[r.id];
          return [
            r.id,
            r.family,
            r.entity,
            o && !o.enabled ? "No" : "Yes",
            o?.severity ?? null,
            r.severity.supportive,
            r.severity.controlling,
            r.severity.directive,
            r.description,
          ];
        }),
      ),
    },
    {
      heading: "Prioritisation criteria",
      note: "Weighted scoring: weights should sum to 1 (they are normalised); blank scale min/max are taken from the data.",
      table: table(
        "tblCriteria",
        [
          text(H.criteria[0]),
          text(H.criteria[1]),
          general(H.criteria[2]),
          text(H.criteria[3]),
          general(H.criteria[4]),
          general(H.criteria[5]),
        ],
        s.criteria.map((c) => [c.name, c.source, c.weight, c.direction, c.min, c.max]),
      ),
    },
    {
      heading: "AHP pairwise comparisons (optional)",
      note: "Leave blank to use the weights above; filled in, the weights come from the matrix's principal eigenvector.",
      table: table(
        "tblAhp",
        [text(H.ahpCorner), ...s.criteria.map((c) => general(c.name))],
        s.criteria.map((c, i) => [c.name, ...s.criteria.map((_, j) => ahpCell(s, i, j))]),
      ),
    },
    {
      heading: "Owned sheets",
      note: "Sheets PMO Register created and may rewrite.",
      table: table(
        "tblOwnedSheets",
        [text(H.ownedSheets[0])],
        owned.map((o) => [o]),
      ),
    },
    {
      heading: "Saved header mappings",
      note: "How a source's headers map to register fields, keyed by the source's header signature.",
      table: table(
        "tblMappings",
        [text(H.mappings[0]), text(H.mappings[1])],
        Object.entries(s.mappings).map(([sig, m]) => [sig, JSON.stringify(m)]),
      ),
    },
  ];

  const blocks: Block[] = [
    { kind: "text", row: 1, col: 1, lines: [String(SETTINGS_SCHEMA_VERSION)] },
    { kind: "title", row: 1, col: 2, text: "PMO Settings", subtitle: "Cell A1 holds the settings schema version." },
    { kind: "text", row: 4, col: 1, lines: EXPLANATION, style: "note" },
  ];
  let row = 4 + EXPLANATION.length + 1;
  for (const g of groups) {
    blocks.push({ kind: "text", row, col: 1, lines: [g.heading], style: "heading" });
    blocks.push({ kind: "text", row: row + 1, col: 1, lines: [g.note], style: "note" });
    const placed = { ...g.table, row: row + 2, col: 1 } as TableBlock;
    blocks.push(placed);
    row = placed.row + Math.max(placed.rows.length, 1) + 2;
  }
  return {
    name: SETTINGS_SHEET,
    tabColor: "4472C4",
    blocks,
    columnWidths: { 1: 30, 2: 40, 3: 18, 4: 18, 5: 14, 6: 14, 7: 14, 8: 14, 9: 70 },
  };
}

function ahpCell(s: Settings, i: number, j: number): SpecValue {
  if (!s.ahp) return null;
  const a = s.ahp.criteria.indexOf(s.criteria[i].name);
  const b = s.ahp.criteria.indexOf(s.criteria[j].name);
  return a < 0 || b < 0 ? null : s.ahp.matrix[a][b];
}

/** The hidden `PMO Lists` sheet: one column per allowed-value list, its name in row 1, values from row 2. */
export function listsSheet(settings: Settings): SheetSpec {
  const blocks: Block[] = [];
  LIST_NAMES.forEach((name, i) => {
    blocks.push({ kind: "text", row: 1, col: i + 1, lines: [name], style: "heading" });
    blocks.push({ kind: "text", row: 2, col: i + 1, lines: [...settings.lists[name]] });
  });
  return { name: LISTS_SHEET, hidden: true, blocks };
}

/** The cells of one list on the lists sheet, for a dropdown: `'PMO Lists'!$B$2:$B$6`. */
export function listRange(
  listName: ListName,
  settings: Settings = DEFAULT_SETTINGS,
  sheetName: string = LISTS_SHEET,
): string {
  const col = columnLetters(LIST_NAMES.indexOf(listName) + 1);
  const last = 1 + Math.max(settings.lists[listName].length, 1);
  return `${quoteSheet(sheetName)}!$${col}$2:$${col}$${last}`;
}
