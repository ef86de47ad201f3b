import * as fs from "fs";
import * as path from "path";
import { DEFAULT_SETTINGS } from "../../src/domain/settings";
import { ingestGrids } from "../../src/ingest/ingest";
import { validateRegister } from "../../src/standards/validate";
import { readCsv } from "../../src/workbook/xlsx/csv-reader";

const FILE = path.resolve(__dirname, "../../../shared/corpus/csv/gmpp_2023_rauschgold.csv");
const present = fs.existsSync(FILE);
if (!present) console.warn(`SKIPPED: ${FILE} is absent; the GMPP 2023 validation check did not run.`);

(present ? describe : describe.skip)("GMPP 2023 (optional corpus check)", () => {
  const grids = readCsv(new Uint8Array(fs.readFileSync(FILE)), "gmpp_2023_rauschgold.csv").grids;
  const { register } = ingestGrids(grids, { dateOrder: "dmy" });
  const result = validateRegister(register, DEFAULT_SETTINGS, { today: "2023-03-31" });
  const of = (rule: string) => result.findings.filter((f) => f.rule === rule);

  test("FOI exemption sentences left in money and date columns are reported with their cells", () => {
    const money = of("validity.type-money");
    expect(money.length).toBeGreaterThan(10);
    expect(money.some((f) => /Exempt under Section/.test(String(f.value)))).toBe(true);
    expect(of("validity.type-date").some((f) => /Exempt under Section/.test(String(f.value)))).toBe(true);
    // An exemption sentence in a rating column gets no made-up nearest rating.
    const ratings = of("validity.allowed-value").filter((f) => /Exempt/.test(String(f.value)));
    expect(ratings.length).toBeGreaterThan(0);
    expect(ratings.every((f) => f.fix === undefined)).toBe(true);
  });

  test("the real schedule defect: MOD_0137 forecast to start after it finishes", () => {
    const f = of("consistency.start-after-finish").find((x) => x.id === "MOD_0137_2122-Q1");
    expect(f?.message).toContain("ForecastStart 2023-02-20 after ForecastFinish 2023-01-20");
  });

  test("every finding points at a cell of the source file", () => {
    expect(result.findings.length).toBeGreaterThan(50);
    for (const f of result.findings) {
      expect(f.file).toBe("gmpp_2023_rauschgold.csv");
      expect(f.cell).toMatch(/^[A-Z]+\d+$/);
    }
    expect(result.reportingDateSource).toBe("today");
    expect(result.notApplicable.map((n) => n.rule)).toEqual([
      "governance.rag-greener",
      "governance.declared-against-evidence",
    ]);
  });
});
