/* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read,
   office-addins/call-sync-after-load, office-addins/no-context-sync-in-loop --
   these tests make the load/sync mistakes on purpose, to prove the fake catches them. */
import { OfficeWorkbook } from "../../../src/workbook/office";
import { createExcelFake, installExcelFake } from "../../fakes/excel-fake";

/** The fake must fail where Excel fails, or the adapter tests prove nothing. */
describe("Excel fake: loads and syncs", () => {
  it("throws on reading a property that was not loaded, and on reading a loaded one before sync", async () => {
    const fake = createExcelFake();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded.*values/);
      range.load("address");
      expect(() => range.address).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.address).toBe("Sheet1!A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
    });
  });

  it("counts syncs, including the one Excel.run makes for what is still queued", async () => {
    const fake = createExcelFake();
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
    });
    expect(fake.stats.syncs).toBe(2);
    expect(fake.values("Sheet1", "A1:A2")).toEqual([[1], [2]]);
  });

  it("rejects a request over 5 MB and applies none of it", async () => {
    const fake = createExcelFake();
    const big = Array.from({ length: 60_000 }, () => ["x".repeat(100)]);
    await expect(
      fake.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem("Sheet1");
        sheet.getRange("A1").values = [["first"]];
        sheet.getRange("B1:B60000").values = big;
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: "RequestPayloadSizeLimitExceeded" });
    expect(fake.stats.maxRequestBytes).toBeGreaterThan(5_000_000);
    expect(fake.values("Sheet1", "A1")).toEqual([[""]]);
  });

  it("rejects a read of more than 5 million cells in one sync", async () => {
    const fake = createExcelFake();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A:E").load("values");
        await context.sync();
      }),
    ).rejects.toThrow(/cells read in one sync/);
  });

  it("finds missing items at sync time, and null objects only after a load", async () => {
    const fake = createExcelFake();
    await fake.run(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject("Nope");
      missing.load("name");
      expect(() => missing.isNullObject).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(missing.isNullObject).toBe(true);
      context.workbook.worksheets.getItem("Nope").getRange("A1").values = [[1]];
      await expect(context.sync()).rejects.toMatchObject({ code: "ItemNotFound" });
    });
  });

  it("loads collection items and navigation properties (items/worksheet/name)", async () => {
    const fake = createExcelFake({ sheets: [] });
    fake.seedSheet("Data", [["h"], ["v"]], { tables: [{ name: "tblData", address: "A1:A2" }] });
    await fake.run(async (context) => {
      const tables = context.workbook.tables;
      tables.load("items/name,items/worksheet/name");
      await context.sync();
      expect(tables.items.map((t) => [t.name, t.worksheet.name])).toEqual([["tblData", "Data"]]);
    });
  });

  it("throws on members it does not model instead of returning undefined", async () => {
    const fake = createExcelFake();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => (range as unknown as { valuesAsJson: unknown }).valuesAsJson).toThrow(/not modelled/);
    });
  });
});

describe("Excel fake: values behave like typed input", () => {
  async function write(values: unknown[][], format?: string) {
    const fake = createExcelFake();
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange(`A1:A${values.length}`);
      if (format) range.numberFormat = values.map(() => [format]);
      range.values = values;
      await context.sync();
    });
    return fake;
  }

  it("turns = + - @ strings into formulas, and numbers, percentages, booleans and ISO dates into their types", async () => {
    const fake = await write([
      ["=SUM(A1)"],
      ["+44 20"],
      ["-5 dB"],
      ["@home"],
      ["-5"],
      ["5%"],
      ["TRUE"],
      ["2025-01-31"],
      ["00123"],
    ]);
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ formula: "=SUM(A1)", isText: false });
    expect(fake.cell("Sheet1", "A2")).toMatchObject({ formula: "=+44 20", isText: false });
    expect(fake.cell("Sheet1", "A3")).toMatchObject({ formula: "=-5 dB", isText: false });
    expect(fake.cell("Sheet1", "A4")).toMatchObject({ formula: "=home", isText: false });
    expect(fake.values("Sheet1", "A1:A9")).toEqual([
      ["#NAME?"],
      ["#NAME?"],
      ["#NAME?"],
      ["#NAME?"],
      [-5],
      [0.05],
      [true],
      [45688],
      [123],
    ]);
  });

  it('keeps every string as text in cells formatted "@", and turns numbers written there into text', async () => {
    const fake = await write([["=SUM(A1)"], ["+44 20"], ["00123"], [42], [true]], "@");
    expect(fake.values("Sheet1", "A1:A5")).toEqual([["=SUM(A1)"], ["+44 20"], ["00123"], ["42"], ["TRUE"]]);
    expect(fake.cell("Sheet1", "A1")).toMatchObject({ isText: true, formula: null });
  });

  it("leaves a cell unchanged for null, empties it for an empty string, and refuses NaN and Dates", async () => {
    const fake = createExcelFake();
    fake.seedSheet("Sheet1", [["keep"], ["clear"]]);
    await fake.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2").values = [[null], [""]];
      await context.sync();
    });
    expect(fake.values("Sheet1", "A1:A2")).toEqual([["keep"], [""]]);
    for (const bad of [Number.NaN, new Date()]) {
      await expect(
        fake.run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[bad]];
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: "InvalidArgument" });
    }
  });

  it("refuses a values array whose size does not match the range", async () => {
    const fake = createExcelFake();
    await expect(
      fake.run(async (context) => {
        context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2").values = [[1, 2]];
        await context.sync();
      }),
    ).rejects.toThrow(/does not match the size/);
  });
});

describe("Excel fake: requirement sets and globals", () => {
  it("refuses APIs newer than the host's requirement set", async () => {
    const fake = createExcelFake({ apiVersion: "1.7" });
    expect(fake.isSetSupported("ExcelApi", "1.7")).toBe(true);
    expect(fake.isSetSupported("ExcelApi", "1.8")).toBe(false);
    await fake.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1");
      expect(() => range.dataValidation).toThrow(/ApiNotFound.*1\.8/);
      expect(() => context.application.suspendScreenUpdatingUntilNextSync()).toThrow(/ApiNotFound/);
    });
    await expect(fake.run({ mergeUndoGroup: true }, async () => 1)).rejects.toThrow(/1\.20/);
  });

  it("installs Excel and Office globals that the adapter uses by default", async () => {
    const target: Record<string, unknown> = {};
    const fake = installExcelFake(target);
    const g = globalThis as Record<string, unknown>;
    const saved = { Excel: g.Excel, Office: g.Office };
    Object.assign(g, { Excel: target.Excel, Office: target.Office });
    try {
      const wb = new OfficeWorkbook();
      await wb.write({ sheets: [{ name: "Hello", blocks: [{ kind: "text", row: 1, col: 1, lines: ["hi"] }] }] });
      expect(fake.values("Hello", "A1")).toEqual([["hi"]]);
      expect(wb.features().mergeUndoGroup).toBe(true);
      expect(fake.stats.mergeUndoGroupRuns).toBe(1);
    } finally {
      Object.assign(g, saved);
    }
  });
});
