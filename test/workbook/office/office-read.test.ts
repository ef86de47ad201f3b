import { OfficeWorkbook, base64FromBytes } from "../../../src/workbook/office";
import { createExcelFake, type ExcelFake } from "../../fakes/excel-fake";

/** The Office adapter reading the open workbook on the strict fake: syncs, chunking, dates; opening bytes. */
function adapter(fake: ExcelFake, extra: Partial<ConstructorParameters<typeof OfficeWorkbook>[0]> = {}) {
  return new OfficeWorkbook({
    run: fake.run,
    isSetSupported: fake.isSetSupported,
    createWorkbook: fake.createWorkbook,
    ...extra,
  });
}

describe("OfficeWorkbook.read", () => {
  it("reads a small workbook in 3 syncs: sheets and tables, used ranges, values", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet(
      "Data",
      [
        ["Name", "Start", "Cost"],
        ["A", 45688, 10],
        ["B", "", 20.5],
      ],
      {
        origin: "B3",
        numberFormats: [
          [null, null, null],
          [null, "dd/mm/yyyy", "#,##0.00"],
          [null, null, null],
        ],
        tables: [{ name: "tblData", address: "B3:D5" }],
      },
    );
    fake.seedSheet("Empty", []);
    const result = await adapter(fake).read();
    expect(fake.stats.syncs).toBe(3);
    expect(result.skipped).toEqual([{ sheet: "Empty", reason: "empty" }]);
    expect(result.grids).toEqual([
      {
        file: "this workbook",
        sheet: "Data",
        origin: { row: 3, col: 2 },
        values: [
          ["Name", "Start", "Cost"],
          ["A", new Date("2025-01-31T00:00:00Z"), 10],
          ["B", null, 20.5],
        ],
        numberFormats: [
          [null, null, null],
          [null, "dd/mm/yyyy", "#,##0.00"],
          [null, null, null],
        ],
        tables: [{ name: "tblData", range: { top: 0, left: 0, bottom: 2, right: 2 } }],
        hidden: false,
        date1904: false,
        kind: "worksheet",
      },
    ]);
  });

  it("reads only the sheets asked for, and marks hidden ones", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("A", [["a"]]);
    fake.seedSheet("B", [["b"]], { hidden: true });
    const result = await adapter(fake).read({ sheets: ["B"] });
    expect(result.grids.map((g) => [g.sheet, g.hidden, g.values])).toEqual([["B", true, [["b"]]]]);
  });

  it("honours the 1904 date system when told (Office.js does not expose it)", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("D", [[0, 1462]], { numberFormats: [["yyyy-mm-dd", "yyyy-mm-dd"]] });
    const grid = (await adapter(fake, { date1904: true }).read()).grids[0];
    expect(grid.values).toEqual([[new Date("1904-01-01T00:00:00Z"), new Date("1908-01-02T00:00:00Z")]]);
    expect(grid.date1904).toBe(true);
  });

  it("chunks a 200,000 × 10 read under the response limit and gets every cell", async () => {
    const fake = createExcelFake({ sheets: [] });
    const rows = Array.from({ length: 200_000 }, (_, i) => [
      `P-${i}`,
      `Project ${i}`,
      i,
      i * 1.5,
      i % 2 === 0,
      "x",
      "y",
      i,
      "z",
      `owner ${i}`,
    ]);
    fake.seedSheet("Big", rows);
    const grid = (await adapter(fake).read()).grids[0];
    expect(grid.values).toHaveLength(200_000);
    expect(grid.values[199_999]).toEqual(rows[199_999]);
    expect(fake.stats.maxResponseBytes).toBeLessThanOrEqual(5_000_000);
    const total = fake.stats.batches.reduce((n, b) => n + b.responseBytes, 0);
    expect(fake.stats.syncs).toBeLessThanOrEqual(2 + Math.ceil(total / 4_000_000) + 2);
  }, 120_000);

  it("retries in smaller chunks when later rows are much longer than the first estimate", async () => {
    const fake = createExcelFake({ sheets: [] });
    const long = "x".repeat(400);
    const rows = Array.from({ length: 30_000 }, (_, i) => (i < 100 ? ["a", "b"] : [long, long]));
    fake.seedSheet("Uneven", rows);
    const grid = (await adapter(fake).read()).grids[0];
    expect(grid.values).toHaveLength(30_000);
    expect(grid.values[29_999]).toEqual([long, long]);
    expect(fake.stats.batches.some((b) => b.responseBytes > 5_000_000)).toBe(true);
  }, 60_000);
});

describe("OfficeWorkbook.openWorkbookFromBytes", () => {
  it("hands the bytes to Excel.createWorkbook as base64", async () => {
    const fake = createExcelFake();
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    await adapter(fake).openWorkbookFromBytes(bytes);
    expect(fake.createdWorkbooks).toEqual([bytes]);
    expect(base64FromBytes(new Uint8Array([77, 97, 110]))).toBe("TWFu");
  });

  it("explains that ExcelApi 1.8 is needed on older hosts", async () => {
    const fake = createExcelFake({ apiVersion: "1.7" });
    await expect(adapter(fake).openWorkbookFromBytes(new Uint8Array([1]))).rejects.toThrow(/ExcelApi 1.8/);
  });
});
