import type { ChartBlock, SheetRange, WorkbookSpec } from "../../src/workbook/spec";

/**
 * A workbook with every chart type the spec knows, used by the chart-parts tests and the LibreOffice
 * interop run. The data sheet's name has a space and an apostrophe (references must quote it), the
 * charts sit on two sheets (five on one), titles hold XML specials and one starts with "=", and the
 * data sits in Excel tables next to a hyperlink, so chart parts share the package with table and
 * hyperlink relationships.
 */

export const DATA_SHEET = "Pete's data";
export const GALLERY_SHEET = "Gallery";

const months = ["2025-01", "2025-02", "2025-03", "2025-04", "2025-05", "2025-06"];
const demand = [12.5, 14, 15.25, 13, 16, 18];
const supply = [14, 14, 14, 15, 15, 15];
const rag = [
  ["Red", 3],
  ["Amber", 5],
  ["Green", 9],
] as const;
const costValue = [
  [120, 40],
  [80, 55],
  [200, 90],
  [45, 12],
  [150, 70],
  [60, 48],
  [95, 30],
  [175, 100],
];

const on = (top: number, left: number, bottom: number, right: number): SheetRange => ({
  sheet: DATA_SHEET,
  top,
  left,
  bottom,
  right,
});

// Table tblMonths at A1 (header row 1, data rows 2..7); tblRag at F1 (rows 2..4); tblCost at I1 (rows 2..9).
const monthCats = on(2, 1, 7, 1);
const demandVals = on(2, 2, 7, 2);
const supplyVals = on(2, 3, 7, 3);
const ragCats = on(2, 6, 4, 6);
const ragVals = on(2, 7, 4, 7);
const costX = on(2, 9, 9, 9);
const valueY = on(2, 10, 9, 10);

const RAG_COLOURS = ["C00000", "FFC000", "00B050"];

type ChartDraft = Omit<ChartBlock, "kind" | "widthCols" | "heightRows"> & Partial<Pick<ChartBlock, "widthCols">>;

function chart(partial: ChartDraft): ChartBlock {
  return { kind: "chart", widthCols: 8, heightRows: 15, ...partial };
}

export const GALLERY_CHARTS: Record<"column" | "bar" | "line" | "pie" | "doughnut" | "scatter", ChartBlock> = {
  column: chart({
    row: 3,
    col: 1,
    type: "column",
    title: "Demand & supply <FTE>",
    xTitle: "Month",
    yTitle: "FTE",
    series: [
      { name: "Pete's demand", categories: monthCats, values: demandVals, color: "1F77B4" },
      { name: "Supply", categories: monthCats, values: supplyVals, color: "#ff7f0e" },
    ],
  }),
  bar: chart({
    row: 3,
    col: 10,
    type: "bar",
    title: "Projects by RAG (bar)",
    xTitle: "RAG",
    yTitle: "Projects",
    series: [{ name: "Projects", categories: ragCats, values: ragVals, color: "5B9BD5" }],
  }),
  pie: chart({
    row: 19,
    col: 1,
    type: "pie",
    title: '=RAG "mix"',
    series: [{ name: "Projects", categories: ragCats, values: ragVals }],
    pointColors: RAG_COLOURS,
  }),
  doughnut: chart({
    row: 19,
    col: 10,
    type: "doughnut",
    title: "RAG doughnut",
    series: [{ name: "Projects", categories: ragCats, values: ragVals }],
    pointColors: RAG_COLOURS,
  }),
  scatter: chart({
    row: 35,
    col: 1,
    type: "scatter",
    title: "Cost against value",
    xTitle: "Cost (£k)",
    yTitle: "Value score",
    series: [{ name: "Projects", categories: costX, values: valueY, color: "70AD47" }],
  }),
  line: chart({
    row: 12,
    col: 1,
    widthCols: 9,
    type: "line",
    title: "Demand and supply by month",
    xTitle: "Month",
    yTitle: "FTE",
    series: [
      { name: "Demand", categories: monthCats, values: demandVals, color: "C00000" },
      { name: "Supply", categories: monthCats, values: supplyVals },
    ],
  }),
};

export function chartGallerySpec(): WorkbookSpec {
  const g = GALLERY_CHARTS;
  return {
    properties: { title: "Chart gallery", creator: "pmo interop" },
    sheets: [
      {
        name: DATA_SHEET,
        blocks: [
          {
            kind: "table",
            row: 1,
            col: 1,
            name: "tblMonths",
            columns: [
              { header: "Month", type: "text" },
              { header: "Demand", type: "number" },
              { header: "Supply", type: "number" },
            ],
            rows: months.map((m, i) => [m, demand[i], supply[i]]),
          },
          {
            kind: "table",
            row: 1,
            col: 6,
            name: "tblRag",
            columns: [
              { header: "RAG", type: "text" },
              { header: "Projects", type: "integer" },
            ],
            rows: rag.map((r) => [...r]),
          },
          {
            kind: "table",
            row: 1,
            col: 9,
            name: "tblCost",
            columns: [
              { header: "Cost", type: "number" },
              { header: "Value", type: "number" },
            ],
            rows: costValue.map((r) => [...r]),
          },
          g.line,
        ],
      },
      {
        name: GALLERY_SHEET,
        blocks: [
          { kind: "title", row: 1, col: 1, text: "Chart gallery" },
          {
            kind: "table",
            row: 51,
            col: 1,
            name: "tblLinks",
            columns: [{ header: "Link", type: "text" }],
            rows: [
              [{ value: "Data", link: `'${DATA_SHEET.replace(/'/g, "''")}'!A1` }],
              [{ value: "Web", link: "https://example.com/pmo?a=1&b=2" }],
            ],
          },
          g.column,
          g.bar,
          g.pie,
          g.doughnut,
          g.scatter,
        ],
      },
    ],
  };
}

/** The values each gallery range holds, for checking caches against the cells. */
export const GALLERY_DATA = { months, demand, supply, rag, costValue };
