import { selectCell } from "../../../src/workbook/office/select-cell";
import { createExcelFake } from "../../fakes/excel-fake";

describe("selectCell (a finding's go-to-cell)", () => {
  test("selects the cell on its sheet in one sync", async () => {
    const fake = createExcelFake({ sheets: ["Projects"] });
    await selectCell("Projects", "C4", fake.run);
    expect(fake.model.selection).toMatch(/^'?Projects'?!\$?C\$?4$/);
    expect(fake.stats.syncs).toBe(1);
  });

  test("a sheet that is gone is Excel's ItemNotFound; an address that is not a cell is refused before Excel", async () => {
    const fake = createExcelFake({ sheets: ["Projects"] });
    await expect(selectCell("Risks", "B2", fake.run)).rejects.toMatchObject({ code: "ItemNotFound" });
    await expect(selectCell("Projects", "Budget", fake.run)).rejects.toThrow(/not a cell address/);
    expect(fake.stats.syncs).toBe(1);
  });
});
