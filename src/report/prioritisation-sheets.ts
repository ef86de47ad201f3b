import { OWNED_SHEET } from "../domain/owned-sheet-names";
import { normaliseWeights } from "../analysis/prioritise/scoring";
import type { ProjectDecision, SelectionResult } from "../analysis/prioritise/selection-types";
import type { Criterion } from "../domain/settings-model";
import type { RankedProject } from "../analysis/prioritise/types";
import type {
  Block,
  ChartBlock,
  ColumnSpec,
  ConditionalFormatSpec,
  SheetSpec,
  SpecValue,
  TableBlock,
} from "../workbook/spec";
import { tableExtent } from "../workbook/spec";
import type { UnplacedBlock } from "./layout";
import { stackBlocks } from "./layout";

/**
 * The `Prioritisation` sheet (ranked table with each criterion's points and the rank range, the
 * criteria beside it) and the `Selection` sheet (each project in or out and why, the efficient
 * frontier as a table with its chart, binding constraints, the hire analysis).
 */
export const PRIORITISATION_SHEET = OWNED_SHEET.prioritisation;
export const SELECTION_SHEET = OWNED_SHEET.selection;

const round = (v: number, places = 4): number => Number(v.toFixed(places));

export interface PrioritisationSheetOptions {
  /** Project names by id, shown beside the id. */
  names?: Record<string, string>;
}

export function prioritisationSheet(
  ranking: RankedProject[],
  method: string,
  criteria: Criterion[],
  options: PrioritisationSheetOptions = {},
): SheetSpec {
  // Breakdown columns follow the criteria; without criteria (WSJF) they follow the breakdown keys.
  const parts = criteria.length
    ? [...new Set(criteria.map((c) => c.name))]
    : [...new Set(ranking.flatMap((r) => Object.keys(r.breakdown)))];
  const names = options.names ?? {};
  const headerRow = 4;
  const columns: ColumnSpec[] = [
    { header: "Rank", type: "integer", width: 7 },
    { header: "ProjectId", type: "text", width: 14 },
    { header: "Name", type: "text", width: 32 },
    { header: "Score", type: "number", width: 9 },
    ...parts.map((p) => ({ header: p, type: "number" as const, width: Math.max(10, Math.min(24, p.length + 2)) })),
    { header: "Rank low", type: "integer", width: 9 },
    { header: "Rank high", type: "integer", width: 9 },
  ];
  const rows: SpecValue[][] = ranking.map((r) => [
    r.rank,
    r.id,
    names[r.id] ?? null,
    round(r.score),
    ...parts.map((p) => round(r.breakdown[p] ?? 0)),
    r.rankRange[0],
    r.rankRange[1],
  ]);
  const main: TableBlock = {
    kind: "table",
    row: headerRow,
    col: 1,
    name: "tblPrioritisation",
    columns,
    rows,
    style: "TableStyleMedium2",
  };
  const extent = tableExtent(main);
  const blocks: Block[] = [
    {
      kind: "title",
      row: 1,
      col: 1,
      text: "Prioritisation",
      subtitle: `Method: ${method} · ${ranking.length} projects · ties broken by ProjectId · rank low–high = 5th–95th percentile rank when each weight moves ±20 % (1,000 samples, seed 1)`,
    },
    main,
  ];
  if (criteria.length) {
    const { weights } = normaliseWeights(criteria);
    blocks.push({
      kind: "table",
      row: headerRow,
      col: extent.right + 2,
      name: "tblPrioritisationCriteria",
      style: "TableStyleLight9",
      columns: [
        { header: "Criterion", type: "text", width: 20 },
        { header: "Column", type: "text", width: 20 },
        { header: "Weight", type: "percent", width: 9 },
        { header: "Direction", type: "text", width: 10 },
        { header: "Scale min", type: "number", width: 10 },
        { header: "Scale max", type: "number", width: 10 },
      ],
      rows: criteria.map((c, k) => [
        c.name,
        c.source,
        weights[k],
        c.direction,
        c.min ?? "from data",
        c.max ?? "from data",
      ]),
    });
  }
  const conditionalFormats: ConditionalFormatSpec[] = ranking.length
    ? [
        {
          range: { top: headerRow + 1, left: 4, bottom: extent.bottom, right: 4 },
          rule: { type: "colorScale", min: "F8696B", mid: "FFEB84", max: "63BE7B" },
        },
      ]
    : [];
  return {
    name: PRIORITISATION_SHEET,
    tabColor: "548235",
    blocks,
    freeze: { row: headerRow + 1, col: 3 },
    print: { landscape: true, fitToWidth: true },
    conditionalFormats,
  };
}

/** Anything the sheet can show about a project beyond its id. */
export interface SelectionSheetProject {
  id: string;
  name?: string | null;
  value?: number;
  cost?: number;
}

const STATUS_TEXT: Record<SelectionResult["status"], string> = {
  optimal: "optimal (proven best)",
  feasible: "feasible (best found before the time limit; not proven best)",
  infeasible: "infeasible (the forced choices cannot all hold)",
  stopped: "stopped before a selection was proven",
};

function reasonText(d: ProjectDecision | undefined): string {
  if (!d) return "not in the selection model";
  switch (d.reason) {
    case "blocked":
      return `does not fit: ${d.blockedBy.join("; ")}`;
    case "committed (in Delivery)":
      return "committed (in Delivery)";
    default:
      return d.reason;
  }
}

export function selectionSheet(result: SelectionResult, projects: SelectionSheetProject[]): SheetSpec {
  const decisions = new Map(result.decisions.map((d) => [d.id, d]));
  const chosen = new Set(result.selected);
  const name = result.objectiveName;
  // A reader knows projects by name: "Payroll upgrade (PRJ-0012)", the id alone only without a name.
  const names = new Map(projects.map((p) => [p.id, p.name ?? null]));
  const label = (id: string) => {
    const n = names.get(id);
    return n && n !== id ? `${n} (${id})` : id;
  };
  const unplaced: UnplacedBlock[] = [
    {
      kind: "title",
      text: "Selection",
      subtitle: `Exact portfolio selection maximising total ${name} (HiGHS MILP) · ${result.unavailable ? "not available" : STATUS_TEXT[result.status]}`,
    },
    {
      kind: "keyFigures",
      items: [
        { label: "Status", value: result.status },
        {
          label: `Total ${name}`,
          value: round(result.objective),
          numberFormat: "#,##0.00",
          definedName: "SelectionObjective",
        },
        { label: "Cost of the selection", value: result.cost, numberFormat: "#,##0", definedName: "SelectionCost" },
        { label: "Budget", value: result.budget ?? "no budget constraint", numberFormat: "#,##0" },
        { label: "Projects selected", value: `${result.selected.length} of ${projects.length}` },
      ],
    },
  ];
  if (result.unavailable) unplaced.push({ kind: "text", lines: [result.unavailable], style: "stamp" });
  if (result.conflicts) {
    unplaced.push({
      kind: "text",
      lines: [result.conflicts.message, `Found by: ${result.conflicts.method}.`],
      style: "stamp",
    });
  }
  const projectRows: SpecValue[][] = projects.map((p) => [
    p.id,
    p.name ?? null,
    p.value ?? null,
    p.cost ?? null,
    chosen.has(p.id) ? "Yes" : "No",
    reasonText(decisions.get(p.id)),
  ]);
  unplaced.push({
    kind: "table",
    name: "tblSelection",
    style: "TableStyleMedium2",
    columns: [
      { header: "ProjectId", type: "text", width: 14 },
      { header: "Name", type: "text", width: 32 },
      { header: name.charAt(0).toUpperCase() + name.slice(1), type: "number", width: 10 },
      { header: "Cost", type: "money", width: 14 },
      { header: "Selected", type: "text", width: 9 },
      { header: "Why", type: "longText", width: 60 },
    ],
    rows: projectRows,
  });
  unplaced.push({
    kind: "table",
    name: "tblSelectionFrontier",
    style: "TableStyleLight9",
    columns: [
      { header: "Budget", type: "money", width: 14 },
      { header: `Best ${name}`, type: "number", width: 12 },
      { header: "Cost", type: "money", width: 14 },
      { header: "Projects", type: "integer", width: 9 },
      { header: "Status", type: "text", width: 10 },
    ],
    rows: result.frontier.map((f) => [
      round(f.budget, 2),
      f.objective === null ? null : round(f.objective),
      f.cost,
      f.selectedCount,
      f.status,
    ]),
  });
  unplaced.push({
    kind: "table",
    name: "tblSelectionBinding",
    style: "TableStyleLight9",
    columns: [
      { header: "Binding constraint", type: "text", width: 32 },
      { header: "Slack", type: "number", width: 12 },
      { header: "Keeps out", type: "longText", width: 40 },
    ],
    rows: result.binding.map((b) => [b.constraint, round(b.slack), b.blocks.map(label).join(", ")]),
  });
  unplaced.push({
    kind: "table",
    name: "tblSelectionHire",
    style: "TableStyleLight9",
    columns: [
      { header: "Role (+1 FTE every month)", type: "text", width: 26 },
      { header: `Extra ${name}`, type: "number", width: 12 },
      { header: "Status", type: "text", width: 10 },
    ],
    rows: result.hire.map((h) => [h.role, round(h.gain), h.status]),
  });
  const notes = [...result.notes, ...result.problems];
  if (notes.length) unplaced.push({ kind: "text", lines: notes, style: "note" });
  const { blocks } = stackBlocks(unplaced, 1, 1, 1);

  const selectionTable = blocks.find((b): b is TableBlock => b.kind === "table" && b.name === "tblSelection")!;
  const sel = tableExtent(selectionTable);
  const conditionalFormats: ConditionalFormatSpec[] = projects.length
    ? [
        {
          range: { top: sel.top + 1, left: 5, bottom: sel.bottom, right: 5 },
          rule: { type: "textEquals", text: "Yes", fill: "C6EFCE", font: "006100" },
        },
      ]
    : [];
  const frontierTable = blocks.find((b): b is TableBlock => b.kind === "table" && b.name === "tblSelectionFrontier")!;
  if (result.frontier.length) {
    const f = tableExtent(frontierTable);
    const chart: ChartBlock = {
      kind: "chart",
      row: f.top,
      col: f.right + 2,
      widthCols: 8,
      heightRows: 16,
      type: "line",
      title: `Efficient frontier: best ${name} by budget`,
      xTitle: "Budget",
      yTitle: `Total ${name}`,
      series: [
        {
          name: `Best ${name}`,
          categories: { sheet: SELECTION_SHEET, top: f.top + 1, left: f.left, bottom: f.bottom, right: f.left },
          values: { sheet: SELECTION_SHEET, top: f.top + 1, left: f.left + 1, bottom: f.bottom, right: f.left + 1 },
        },
      ],
    };
    blocks.push(chart);
  }
  return {
    name: SELECTION_SHEET,
    tabColor: "548235",
    blocks,
    freeze: { row: sel.top + 1, col: 2 },
    print: { landscape: true, fitToWidth: true },
    conditionalFormats,
  };
}
