import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { pmo } from "./run-pmo";

/**
 * The `pmo` command line run in-process, as a user would from a shell: stdout must carry exactly
 * one JSON document with --json (the contract in docs/conventions.md "JSON shapes"), exit codes must follow the
 * convention, and a failed run must leave no output file behind.
 */
describe("pmo", () => {
  let dir: string;
  let inputs: string;
  let register: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-cli-"));
    inputs = path.join(dir, "in");
    register = path.join(dir, "register.xlsx");
    const sample = await pmo("sample", inputs, "--seed", "5", "--projects", "24", "--json", "-q");
    expect(sample.code).toBe(0);
    expect(JSON.parse(sample.stdout).files).toHaveLength(8);
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("build: reads every sample file and reports counts in the JSON contract", async () => {
    const r = await pmo("build", inputs, "-o", register, "--json", "-q");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.inputs.every((i: { status: string }) => i.status === "read")).toBe(true);
    expect(json.inputs[0]).toEqual(expect.objectContaining({ file: expect.any(String), sheets: expect.any(Array) }));
    expect(json.register.Projects).toBe(24);
    await expect(fs.stat(register)).resolves.toBeTruthy();
  });

  it("validate: findings carry rule, severity, sheet and cell; --fail-on error exits 1", async () => {
    const r = await pmo("validate", register, "--json", "-q", "--fail-on", "error");
    const json = JSON.parse(r.stdout);
    expect(json).toEqual(
      expect.objectContaining({ profile: "controlling", reportingDate: expect.any(String), score: expect.any(Number) }),
    );
    const errors = json.findings.filter((f: { severity: string }) => f.severity === "error");
    expect(r.code).toBe(errors.length > 0 ? 1 : 0);
    expect(json.findings[0]).toEqual(
      expect.objectContaining({ rule: expect.any(String), entity: expect.any(String), sheet: expect.any(String) }),
    );
  });

  it("prioritise --select: ranking and an optimal selection at the top level", async () => {
    const r = await pmo("prioritise", register, "--select", "--json", "-q", "--time-limit", "20");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.method).toBe("weighted");
    expect(json.ranking).toHaveLength(24);
    expect(json.ranking[0]).toEqual(expect.objectContaining({ rank: 1, rankRange: expect.any(Array) }));
    expect(json.status).toBe("optimal");
    expect(json.selected).toEqual(json.selection.selected);
  });

  it("prioritise --save-scenario then scenarios --compare: two saved selections side by side", async () => {
    const first = path.join(dir, "scenario-1.xlsx");
    const second = path.join(dir, "scenario-2.xlsx");
    const a = await pmo(
      "prioritise",
      register,
      "--select",
      "--save-scenario",
      "As budgeted",
      "-o",
      first,
      "--json",
      "-q",
    );
    expect(a.code).toBe(0);
    const b = await pmo(
      "prioritise",
      first,
      "--select",
      "--over-allocation",
      "50",
      "--save-scenario",
      "Plus half",
      "-o",
      second,
      "--json",
      "-q",
    );
    expect(b.code).toBe(0);
    const listed = JSON.parse((await pmo("scenarios", second, "--json", "-q")).stdout);
    expect(listed.scenarios.map((s: { name: string; overAllocation: number }) => [s.name, s.overAllocation])).toEqual([
      ["As budgeted", 0],
      ["Plus half", 0.5],
    ]);
    expect(listed.scenarios[0].selected).toEqual(JSON.parse(a.stdout).selected);
    const c = await pmo("scenarios", second, "--compare", "as budgeted", "PLUS HALF", "--json", "-q");
    expect(c.code).toBe(0);
    const json = JSON.parse(c.stdout);
    const selectedA: string[] = JSON.parse(a.stdout).selected;
    const selectedB: string[] = JSON.parse(b.stdout).selected;
    expect(json.onlyInB).toEqual(selectedB.filter((id) => !selectedA.includes(id)).sort());
    expect(json.onlyInA).toEqual(selectedA.filter((id) => !selectedB.includes(id)).sort());
    // Half as much again of every role admits more projects: the two really differ.
    expect(json.onlyInB.length).toBeGreaterThan(0);
    expect(json.objectiveDelta).toBeCloseTo(JSON.parse(b.stdout).objective - JSON.parse(a.stdout).objective, 6);
    const missing = await pmo("scenarios", second, "--compare", "As budgeted", "Nope", "-q");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/No scenario named "Nope" is saved; the saved ones are "As budgeted", "Plus half"/);
    const noOutput = await pmo("prioritise", register, "--select", "--save-scenario", "X", "-q");
    expect(noOutput.code).toBe(2);
    expect(noOutput.stderr).toMatch(/add -o out.xlsx/);
  });

  it("capacity: arrays aligned with the months", async () => {
    const r = await pmo("capacity", register, "--json", "-q");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    const roles = Object.values(json.roles) as { demand: number[]; supply: number[] }[];
    expect(roles.length).toBeGreaterThan(0);
    for (const role of roles) {
      expect(role.demand).toHaveLength(json.months.length);
      expect(role.supply).toHaveLength(json.months.length);
    }
  });

  it("summary: writes the summary workbook and never the register", async () => {
    const before = await fs.readFile(register);
    const out = path.join(dir, "summary.xlsx");
    const r = await pmo("summary", register, "-o", out, "--json", "-q", "--time-limit", "20");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.sheets.slice(0, 2)).toEqual(["Cover", "Dashboard"]);
    expect(json.charts).toBeGreaterThanOrEqual(5);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe("PK");
    expect((await fs.readFile(register)).equals(before)).toBe(true);
  });

  it("run: the whole job into a folder, with register.xlsx and summary.xlsx", async () => {
    const out = path.join(dir, "out");
    const r = await pmo("run", inputs, "-o", out, "--json", "-q", "--time-limit", "20");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.build.register.Projects).toBe(24);
    expect(path.basename(json.register)).toBe("register.xlsx");
    expect(path.basename(json.summary)).toBe("summary.xlsx");
    expect((await fs.readdir(out)).sort()).toEqual(["register.xlsx", "summary.xlsx"]);
  });

  it("bad usage exits 2 with a message that says what to do, and writes nothing", async () => {
    const out = path.join(dir, "never.xlsx");
    const r = await pmo("summary", register, "-o", out, "--profile", "strict");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--profile must be supportive, controlling or directive/);
    await expect(fs.stat(out)).rejects.toThrow();
    const missing = await pmo("validate", path.join(dir, "nope.xlsx"));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/no such file/);
  });

  it("nothing readable exits 3", async () => {
    const empty = path.join(dir, "empty");
    await fs.mkdir(empty);
    const r = await pmo("run", empty, "-o", path.join(dir, "out-empty"), "--json", "-q");
    expect(r.code).toBe(3);
    await expect(fs.stat(path.join(dir, "out-empty", "summary.xlsx"))).rejects.toThrow();
  });
});
