import ExcelJS from "exceljs";
import type { CellValue, Grid, ReadResult } from "../../src/workbook/grid";
import type { WorkbookSpec } from "../../src/workbook/spec";
import type { ReadOptions, SheetListing, WriteReport } from "../../src/workbook/port";
import { NOT_SELECTED } from "../../src/workbook/port";
import { OfficeWorkbook } from "../../src/workbook/office";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { createExcelFake } from "../fakes/excel-fake";

/**
 * One set of cases run against both hosts: the xlsx adapter on real .xlsx bytes (written, saved,
 * reopened) and the Office adapter on the strict Excel fake. Each case states the expected cells,
 * so both adapters are checked against the same published answer, not only against each other.
 */
type Seed = {
  name: string;
  origin: { row: number; col: number };
  values: CellValue[][];
  formats?: (string | null)[][];
};

interface Host {
  write(spec: WorkbookSpec): Promise<WriteReport>;
  /** Reads what a user would see after saving and reopening (xlsx) or at once (Excel). */
  read(options?: ReadOptions): Promise<ReadResult>;
}

interface Adapter {
  name: string;
  open(seeds: Seed[]): Promise<Host>;
}

const xlsxAdapter: Adapter = {
  name: "xlsx (exceljs, via bytes)",
  async open(seeds) {
    let wb: XlsxWorkbook;
    if (seeds.length === 0) {
      wb = XlsxWorkbook.create("contract.xlsx");
    } else {
      const book = new ExcelJS.Workbook();
      for (const seed of seeds) {
        const ws = book.addWorksheet(seed.name);
        seed.values.forEach((row, r) =>
          row.forEach((v, c) => {
            if (v === null) return;
            const cell = ws.getCell(seed.origin.row + r, seed.origin.col + c);
            cell.value = v;
            const fmt = seed.formats?.[r]?.[c];
            if (fmt) cell.numFmt = fmt;
          }),
        );
      }
      const buffer = (await book.xlsx.writeBuffer()) as ArrayBuffer;
      wb = await XlsxWorkbook.open(new Uint8Array(buffer), "contract.xlsx");
    }
    let current = wb;
    return {
      write: (spec) => current.write(spec),
      async read(options) {
        current = await XlsxWorkbook.open(await current.toBytes(), "contract.xlsx");
        return current.read(options);
      },
    };
  },
};

const officeAdapter: Adapter = {
  name: "Office.js (strict fake)",
  async open(seeds) {
    const fake = createExcelFake({ sheets: seeds.length === 0 ? ["Sheet1"] : [] });
    for (const seed of seeds) {
      fake.seedSheet(
        seed.name,
        seed.values.map((row) => row.map((v) => v)),
        { origin: `${String.fromCharCode(64 + seed.origin.col)}${seed.origin.row}`, numberFormats: seed.formats },
      );
    }
    const wb = new OfficeWorkbook({ run: fake.run, isSetSupported: fake.isSetSupported, label: "contract.xlsx" });
    return { write: (spec) => wb.write(spec), read: (options) => wb.read(options) };
  },
};

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** A grid as comparable data: where it starts and what each cell holds (dates as ISO days). */
function view(grid: Grid | undefined) {
  if (!grid) return undefined;
  return {
    sheet: grid.sheet,
    origin: grid.origin,
    values: grid.values.map((row) => row.map((v) => (v instanceof Date ? `date:${v.toISOString().slice(0, 10)}` : v))),
  };
}

function gridOf(result: ReadResult, sheet: string): Grid {
  const grid = result.grids.find((g) => g.sheet === sheet);
  if (!grid) throw new Error(`No grid for ${sheet}; got ${result.grids.map((g) => g.sheet).join(", ")}`);
  return grid;
}

/** The value at a sheet address (A1 style) of a grid. */
function at(grid: Grid, row: number, col: number): CellValue {
  return grid.values[row - grid.origin.row]?.[col - grid.origin.col] ?? null;
}

const summarySpec: WorkbookSpec = {
  sheets: [
    {
      name: "Summary",
      blocks: [
        { kind: "title", row: 1, col: 1, text: "Portfolio summary", subtitle: "Reporting date 2025-03-31" },
        {
          kind: "keyFigures",
          row: 4,
          col: 1,
          items: [
            { label: "Projects", value: 3, numberFormat: "0", definedName: "ProjectCount" },
            { label: "Budget (£)", value: 1250000, numberFormat: "#,##0" },
          ],
        },
        {
          kind: "table",
          row: 8,
          col: 1,
          name: "tblContract",
          columns: [
            { header: "Name", type: "text" },
            { header: "Count", type: "integer" },
            { header: "Cost", type: "money" },
            { header: "Done", type: "percent" },
            { header: "Start", type: "date" },
            { header: "Active", type: "bool" },
          ],
          rows: [
            ["=SUM(A1)", 12, 1500.5, 0.225, day("2025-01-31"), true],
            ["+44 20", 0, 0, 1, "2025-02-28", false],
            ["-5 dB", null, -250, 0, null, true],
            ["@home", 7, 99, 0.5, day("2024-02-29"), false],
          ],
        },
      ],
    },
  ],
};

const expectedSummary: CellValue[][] = [
  ["Portfolio summary", null, null, null, null, null],
  ["Reporting date 2025-03-31", null, null, null, null, null],
  [null, null, null, null, null, null],
  ["Projects", 3, null, null, null, null],
  ["Budget (£)", 1250000, null, null, null, null],
  [null, null, null, null, null, null],
  [null, null, null, null, null, null],
  ["Name", "Count", "Cost", "Done", "Start", "Active"],
  ["=SUM(A1)", 12, 1500.5, 0.225, day("2025-01-31"), true],
  ["+44 20", 0, 0, 1, day("2025-02-28"), false],
  ["-5 dB", null, -250, 0, null, true],
  ["@home", 7, 99, 0.5, day("2024-02-29"), false],
];

const userSheet: Seed = {
  name: "My notes",
  origin: { row: 2, col: 3 },
  values: [
    ["Owner", "Comment"],
    ["Ana", "keep this"],
    [42, true],
  ],
};

const messySheet: Seed = {
  name: "Tracker",
  origin: { row: 1, col: 1 },
  values: [
    ["Project tracker FY25", null, null, null, null, null],
    ["Owner: PMO", null, null, null, null, null],
    ...Array.from({ length: 8 }, () => [null, null, null, null, null, null]),
    [null, "ID", "Project", "Budget", "Start", "Live"],
    [null, "P-001", "Data centre exit", 250000, day("2025-04-01"), true],
    [null, "P-002", "HR system", null, day("2025-06-15"), false],
    [null, "P-003", "=not a formula", 12.5, null, true],
  ],
  formats: [
    ...Array.from({ length: 11 }, () => [null, null, null, null, null, null]),
    ...Array.from({ length: 3 }, () => [null, null, null, "#,##0", "dd/mm/yyyy", null]),
  ],
};

describe.each([xlsxAdapter, officeAdapter])("workbook port contract: $name", (adapter) => {
  it("writes a spec and reads back the same cells at the same addresses, formula-looking text as text", async () => {
    const host = await adapter.open([]);
    const report = await host.write(summarySpec);
    expect(report.sheetsWritten).toEqual(["Summary"]);
    const grid = gridOf(await host.read(), "Summary");
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(view(grid)?.values).toEqual(view({ ...grid, values: expectedSummary })?.values);
    expect(at(grid, 9, 1)).toBe("=SUM(A1)");
    expect(at(grid, 12, 1)).toBe("@home");
    expect(grid.tables?.map((t) => ({ name: t.name, range: t.range }))).toEqual([
      { name: "tblContract", range: { top: 7, left: 0, bottom: 11, right: 5 } },
    ]);
  });

  it("reads only the sheets `select` accepts, shown each sheet's tables; the others are listed as not read", async () => {
    const host = await adapter.open([userSheet, messySheet]);
    await host.write(summarySpec);
    const shown: SheetListing[] = [];
    const result = await host.read({
      select: (sheet) => {
        shown.push(sheet);
        return sheet.tables.includes("tblContract") || sheet.name === "My notes";
      },
    });
    expect(shown).toEqual([
      { name: "My notes", tables: [] },
      { name: "Tracker", tables: [] },
      { name: "Summary", tables: ["tblContract"] },
    ]);
    expect(result.grids.map((g) => g.sheet)).toEqual(["My notes", "Summary"]);
    expect(view(gridOf(result, "My notes"))?.values).toEqual(userSheet.values);
    expect(result.skipped).toEqual([{ sheet: "Tracker", reason: NOT_SELECTED }]);
  });

  it("replaces a sheet in place: other sheets and the sheet order stay, old cells go", async () => {
    const host = await adapter.open([userSheet]);
    const first: WorkbookSpec = {
      sheets: [
        { name: "Alpha", blocks: [{ kind: "text", row: 1, col: 1, lines: ["old 1", "old 2", "old 3"] }] },
        { name: "Beta", blocks: [{ kind: "text", row: 1, col: 1, lines: ["beta"] }] },
      ],
    };
    await host.write(first);
    await host.write({ sheets: [{ name: "Alpha", blocks: [{ kind: "text", row: 2, col: 2, lines: ["new"] }] }] });
    const result = await host.read();
    expect(result.grids.map((g) => g.sheet)).toEqual(["My notes", "Alpha", "Beta"]);
    expect(view(gridOf(result, "Alpha"))).toEqual({ sheet: "Alpha", origin: { row: 2, col: 2 }, values: [["new"]] });
    expect(view(gridOf(result, "Beta"))?.values).toEqual([["beta"]]);
  });

  it("writes a hidden sheet that reads back hidden, with its cells", async () => {
    const host = await adapter.open([]);
    await host.write({
      sheets: [
        { name: "Shown", blocks: [{ kind: "text", row: 1, col: 1, lines: ["visible"] }] },
        {
          name: "PMO Lists",
          hidden: true,
          blocks: [{ kind: "text", row: 2, col: 2, lines: ["Red", "Amber", "Green"] }],
        },
      ],
    });
    const result = await host.read();
    const lists = gridOf(result, "PMO Lists");
    expect([lists.hidden, gridOf(result, "Shown").hidden]).toEqual([true, false]);
    expect(view(lists)).toEqual({
      sheet: "PMO Lists",
      origin: { row: 2, col: 2 },
      values: [["Red"], ["Amber"], ["Green"]],
    });
  });

  it("leaves a user's sheet that is not in the spec untouched", async () => {
    const host = await adapter.open([userSheet]);
    await host.write(summarySpec);
    const grid = gridOf(await host.read(), "My notes");
    expect(view(grid)).toEqual({ sheet: "My notes", origin: { row: 2, col: 3 }, values: userSheet.values });
  });

  it("a second run replaces its sheets in place: one of each sheet and table, the user's sheet and formats kept", async () => {
    const host = await adapter.open([messySheet, userSheet]);
    const lists: WorkbookSpec = {
      sheets: [{ name: "PMO Lists", hidden: true, blocks: [{ kind: "text", row: 1, col: 1, lines: ["Red"] }] }],
    };
    await host.write(summarySpec);
    await host.write(lists);
    const once = await host.read();
    await host.write(summarySpec);
    await host.write(lists);
    const twice = await host.read();
    for (const result of [once, twice]) {
      expect(result.grids.map((g) => g.sheet)).toEqual(["Tracker", "My notes", "Summary", "PMO Lists"]);
      expect(gridOf(result, "Summary").tables?.map((t) => t.name)).toEqual(["tblContract"]);
      expect(view(gridOf(result, "Summary"))?.values).toEqual(
        view({ ...gridOf(result, "Summary"), values: expectedSummary })?.values,
      );
      expect(gridOf(result, "PMO Lists").hidden).toBe(true);
      const tracker = gridOf(result, "Tracker");
      expect(view(tracker)).toEqual(view({ ...tracker, values: messySheet.values }));
      expect(tracker.numberFormats?.[12]?.[4]).toBe("dd/mm/yyyy");
      expect(view(gridOf(result, "My notes"))?.values).toEqual(userSheet.values);
    }
  });

  it("writing one sheet leaves the other written sheets as they were", async () => {
    const host = await adapter.open([userSheet]);
    await host.write(summarySpec);
    await host.write({
      sheets: [{ name: "Findings", blocks: [{ kind: "text", row: 1, col: 1, lines: ["one finding"] }] }],
    });
    await host.write({
      sheets: [{ name: "Findings", blocks: [{ kind: "text", row: 1, col: 1, lines: ["two findings"] }] }],
    });
    const result = await host.read();
    expect(result.grids.map((g) => g.sheet)).toEqual(["My notes", "Summary", "Findings"]);
    expect(view(gridOf(result, "Findings"))?.values).toEqual([["two findings"]]);
    expect(view(gridOf(result, "Summary"))?.values).toEqual(
      view({ ...gridOf(result, "Summary"), values: expectedSummary })?.values,
    );
    expect(gridOf(result, "Summary").tables?.map((t) => t.name)).toEqual(["tblContract"]);
  });

  it("reads a messy sheet (title rows, header at row 11, data from column B) as the same Grid", async () => {
    const host = await adapter.open([messySheet]);
    const grid = gridOf(await host.read(), "Tracker");
    expect(grid.origin).toEqual({ row: 1, col: 1 });
    expect(grid.values).toHaveLength(14);
    expect(at(grid, 11, 2)).toBe("ID");
    expect(at(grid, 12, 5)).toEqual(day("2025-04-01"));
    expect(at(grid, 13, 4)).toBeNull();
    expect(at(grid, 14, 3)).toBe("=not a formula");
    expect(view(grid)).toEqual(view({ ...grid, values: messySheet.values }));
    expect(grid.numberFormats?.[11]?.[3]).toBe("#,##0");
  });
});
