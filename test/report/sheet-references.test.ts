import JSZip from "jszip";
import { DEFAULT_SETTINGS } from "../../src/domain/settings-model";
import { writeOwnedSheets } from "../../src/pipeline/write-outputs";
import { linkedSheet, renameSheetReferences } from "../../src/report/sheet-references";
import type { SheetSpec } from "../../src/workbook/spec";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";

const dashboard: SheetSpec = {
  name: "Dashboard",
  blocks: [
    {
      kind: "table",
      row: 1,
      col: 1,
      name: "tblData",
      columns: [
        { header: "RAG", type: "text" },
        { header: "Projects", type: "integer" },
      ],
      rows: [
        ["Red", 2],
        ["Green", 5],
      ],
    },
    {
      kind: "chart",
      row: 5,
      col: 1,
      widthCols: 4,
      heightRows: 10,
      type: "doughnut",
      title: "RAG",
      series: [
        {
          name: "Projects",
          categories: { sheet: "Dashboard", top: 2, left: 1, bottom: 3, right: 1 },
          values: { sheet: "Dashboard", top: 2, left: 2, bottom: 3, right: 2 },
        },
      ],
    },
  ],
};
const cover: SheetSpec = {
  name: "Cover",
  blocks: [
    {
      kind: "table",
      row: 1,
      col: 1,
      name: "tblContents",
      columns: [{ header: "Sheet", type: "text" }],
      rows: [[{ value: "Dashboard", link: "'Dashboard'!A1" }], [{ value: "Web", link: "https://example.org/a!b" }]],
    },
  ],
};

describe("references to a sheet that had to take another name", () => {
  it("reads the sheet of internal links only", () => {
    expect(linkedSheet("'Pete''s data'!C5")).toEqual({ sheet: "Pete's data", rest: "!C5" });
    expect(linkedSheet("#Projects!A1")).toEqual({ sheet: "Projects", rest: "!A1" });
    expect(linkedSheet("https://example.org/a!b")).toBeNull();
    expect(linkedSheet("mailto:pmo@example.org")).toBeNull();
  });

  it("moves chart ranges and links to the new name, and leaves URLs alone", () => {
    const renames = new Map([["Dashboard", "Dashboard (PMO)"]]);
    const chart = renameSheetReferences(dashboard, renames).blocks[1];
    expect(chart.kind === "chart" && chart.series[0].values.sheet).toBe("Dashboard (PMO)");
    expect(chart.kind === "chart" && chart.series[0].categories.sheet).toBe("Dashboard (PMO)");
    const table = renameSheetReferences(cover, renames).blocks[0];
    expect(table.kind === "table" && table.rows).toEqual([
      [{ value: "Dashboard", link: "'Dashboard (PMO)'!A1" }],
      [{ value: "Web", link: "https://example.org/a!b" }],
    ]);
  });

  it("writing beside a user's sheet of the same name: the chart reads the sheet that was written", async () => {
    const wb = XlsxWorkbook.create("book.xlsx");
    await wb.write({ sheets: [{ name: "Dashboard", blocks: [{ kind: "text", row: 1, col: 1, lines: ["mine"] }] }] });
    const { written, warnings } = await writeOwnedSheets(wb, ["Dashboard"], DEFAULT_SETTINGS, [cover, dashboard]);
    expect(written).toEqual(["Cover", "Dashboard (PMO)"]);
    expect(warnings.join(" ")).toMatch(/already has a sheet named "Dashboard"/);
    const zip = await JSZip.loadAsync(await wb.toBytes());
    const chart = (await zip.file("xl/charts/chart1.xml")!.async("string")).replace(/&apos;/g, "'");
    expect(chart).toContain("<c:f>'Dashboard (PMO)'!$B$2:$B$3</c:f>");
    const grids = (await (await XlsxWorkbook.open(await wb.toBytes(), "book.xlsx")).read()).grids;
    expect(grids.find((g) => g.sheet === "Dashboard")!.values[0][0]).toBe("mine");
  });
});
