import { existsSync, promises as fs, readFileSync } from "fs";
import * as os from "os";
import * as path from "path";
import { parseMknap, type MknapInstance } from "../analysis/prioritise/mknap";
import { sameObjective } from "../../src/analysis/prioritise/selection";
import { pmo } from "../cli/run-pmo";

/**
 * Beasley's OR-Library mknap1 instances written as PMO registers, the way a user would hold them:
 * a Projects CSV with a Value column, one role per constraint row with capacity equal to the limit,
 * and one full-month allocation per project and role equal to its weight. `pmo build` then
 * `pmo prioritise --select --objective Value` must reach each published optimum exactly.
 */
const FILE = path.resolve(__dirname, "../../../shared/corpus/mknap/mknap1.txt");
const present = existsSync(FILE);
if (!present) process.stderr.write(`\n*** mknap register check NOT RUN: ${FILE} is absent. ***\n\n`);

function csv(rows: (string | number)[][]): string {
  return rows.map((r) => r.join(",")).join("\n") + "\n";
}

async function writeInstance(dir: string, instance: MknapInstance): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  const projects = instance.profits.map((_, j) => `P${String(j + 1).padStart(3, "0")}`);
  await fs.writeFile(
    path.join(dir, "Projects.csv"),
    csv([
      ["ProjectId", "Name", "Stage", "Status", "Value"],
      ...projects.map((id, j) => [id, `Candidate ${j + 1}`, "Business Case", "Active", instance.profits[j]]),
    ]),
  );
  await fs.writeFile(
    path.join(dir, "Resources.csv"),
    csv([
      ["ResourceId", "Name", "Role", "FTE"],
      ...instance.capacities.map((c, i) => [`RES-${i + 1}`, `Pool ${i + 1}`, `R${i + 1}`, c]),
    ]),
  );
  const allocations: (string | number)[][] = [["ProjectId", "Role", "Start", "Finish", "FTE"]];
  instance.weights.forEach((row, i) =>
    row.forEach((w, j) => {
      if (w > 0) allocations.push([projects[j], `R${i + 1}`, "2026-01-01", "2026-01-31", w]);
    }),
  );
  await fs.writeFile(path.join(dir, "Allocations.csv"), csv(allocations));
}

async function pmoJson(...args: string[]): Promise<{ code: number; json: Record<string, unknown> }> {
  const { code, stdout } = await pmo(...args);
  return { code, json: JSON.parse(stdout) };
}

describe("mknap1 as registers through pmo build and pmo prioritise --select --objective Value", () => {
  if (!present) {
    it("records that the corpus file is absent", () => expect(existsSync(FILE)).toBe(false));
    return;
  }
  const instances = parseMknap(readFileSync(FILE, "utf8"));
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-mknap-"));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it.each(instances.map((instance, k) => [k + 1, instance] as const))(
    "instance %i reaches its published optimum",
    async (k, instance) => {
      const inputs = path.join(dir, `in-${k}`);
      const register = path.join(dir, `register-${k}.xlsx`);
      await writeInstance(inputs, instance);
      const built = await pmoJson("build", inputs, "-o", register, "--json", "-q");
      expect(built.code).toBe(0);
      expect((built.json.register as Record<string, number>).Projects).toBe(instance.n);
      const r = await pmoJson("prioritise", register, "--select", "--objective", "Value", "--json", "-q");
      expect(r.code).toBe(0);
      expect(r.json.status).toBe("optimal");
      expect(sameObjective(r.json.objective as number, instance.optimum)).toBe(true);
    },
  );
});
