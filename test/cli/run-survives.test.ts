import ExcelJS from "exceljs";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { PortfolioSolver, SolverFailure } from "../../src/analysis/prioritise/highs-solver";
import { pmo } from "./run-pmo";

async function sheetTexts(file: string, sheet: string): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet);
  const out: string[] = [];
  ws?.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text))));
  return out;
}

/** One bad part never sinks `pmo run` or `pmo prioritise` (issue 15, item 5), through the command line. */
describe("a failing or extreme selection", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-survives-"));
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("run: a solver failure is stated on the Selection sheet and in the output; register and summary are written (exit 1)", async () => {
    const inputs = path.join(dir, "in");
    const out = path.join(dir, "out");
    expect((await pmo("sample", inputs, "--projects", "12", "-q")).code).toBe(0);
    const spy = jest.spyOn(PortfolioSolver.prototype, "solve").mockImplementation(() => {
      throw new SolverFailure("HiGHS failed (passModel failed with HiGHS status -1)");
    });
    let r;
    try {
      r = await pmo("run", inputs, "-o", out, "--json", "-q");
    } finally {
      spy.mockRestore();
    }
    expect(r.code).toBe(1);
    const message =
      "Selection not available: HiGHS failed (passModel failed with HiGHS status -1). The ranking and the other analyses stand; check the budgets and costs for extreme values, or run the selection again with fewer projects.";
    const json = JSON.parse(r.stdout);
    expect(json.notes).toContain(message);
    expect(json.selection.status).toBe("stopped");
    expect(json.build.register.Projects).toBe(12);
    const selection = await sheetTexts(path.join(out, "register.xlsx"), "Selection");
    expect(selection).toContain(message);
    // The rest of the run stands: the ranking, the schedule and the summary pack.
    expect((await sheetTexts(path.join(out, "register.xlsx"), "Prioritisation")).length).toBeGreaterThan(12);
    expect((await sheetTexts(path.join(out, "register.xlsx"), "Schedule")).length).toBeGreaterThan(0);
    await expect(fs.stat(path.join(out, "summary.xlsx"))).resolves.toBeTruthy();
  }, 120_000);

  it("prioritise --select with project budgets of 2e15–4e15 and --budget 5e15: the proven best pair", async () => {
    const csv = path.join(dir, "big", "Projects.csv");
    await fs.mkdir(path.dirname(csv));
    await fs.writeFile(
      csv,
      "Project ID,Project Name,Budget,Stage\nBIG-1,Alpha,4000000000000000,Pipeline\nBIG-2,Bravo,3000000000000000,Pipeline\nBIG-3,Charlie,2000000000000000,Pipeline\n",
    );
    const register = path.join(dir, "big.xlsx");
    expect((await pmo("build", csv, "-o", register, "-q")).code).toBe(0);
    const r = await pmo(
      "prioritise",
      register,
      "--select",
      "--objective",
      "Budget",
      "--budget",
      "5e15",
      "--json",
      "-q",
    );
    expect(r.code).toBe(0);
    const s = JSON.parse(r.stdout).selection;
    expect(s.status).toBe("optimal");
    expect(s.selected).toEqual(["BIG-2", "BIG-3"]);
    expect(s.cost).toBe(5e15);
    expect(s.objective).toBe(5e15);
  }, 60_000);
});
