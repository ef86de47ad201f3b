import { spawn } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { lockPathOf } from "../../src/cli/file-guards";
import { openRegister } from "../../src/pipeline/open-register";
import { XlsxWorkbook } from "../../src/workbook/xlsx/xlsx-workbook";
import { pmo } from "./run-pmo";

const repo = path.resolve(__dirname, "../..");

interface Child {
  code: Promise<number>;
  stderr: () => string;
  stdout: () => string;
}

function pmoChild(args: string[], env: NodeJS.ProcessEnv): Child {
  const child = spawn(
    process.execPath,
    [path.join(repo, "node_modules/tsx/dist/cli.mjs"), "src/cli/main.ts", ...args],
    {
      cwd: repo,
      env: { ...process.env, ...env },
    },
  );
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += String(d)));
  child.stderr.on("data", (d) => (err += String(d)));
  return {
    code: new Promise((resolve) => child.on("close", (c) => resolve(c ?? -1))),
    stderr: () => err,
    stdout: () => out,
  };
}

function projectsCsv(prefix: string, n: number): string {
  const rows = ["Project ID,Project Name,Budget,Stage"];
  for (let i = 1; i <= n; i++)
    rows.push(`${prefix}-${String(i).padStart(3, "0")},${prefix} project ${i},${1000 * i},Pipeline`);
  return rows.join("\n") + "\n";
}

async function projectIds(file: string): Promise<string[]> {
  const workbook = await XlsxWorkbook.open(new Uint8Array(await fs.readFile(file)), path.basename(file));
  const opened = await openRegister(workbook);
  return opened.register.entities.Projects.map((p) => p.id).sort();
}

/**
 * Two `pmo build --into X -o X` runs at once, as separate processes (issue 15, item 4). The test holds
 * X's lock while both read X and build their merge, so the two writes really do meet at the lock;
 * then it lets go. Exactly one run writes; the other finds X changed since it read it and says so
 * (exit 2); X holds the base projects plus the winner's 50, and nothing of the winner's is lost.
 */
describe("two pmo build --into runs on one file", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-concurrent-"));
  });

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("exactly one succeeds, the other says why, and the file holds the winner's 50 projects", async () => {
    const base = path.join(dir, "base.csv");
    const a = path.join(dir, "a", "Projects.csv");
    const b = path.join(dir, "b", "Projects.csv");
    await fs.mkdir(path.dirname(a));
    await fs.mkdir(path.dirname(b));
    await fs.writeFile(base, projectsCsv("BASE", 3));
    await fs.writeFile(a, projectsCsv("ALPHA", 50));
    await fs.writeFile(b, projectsCsv("BRAVO", 50));
    const target = path.join(dir, "register.xlsx");
    expect((await pmo("build", base, "-o", target, "-q")).code).toBe(0);
    const lock = lockPathOf(target);
    await fs.writeFile(
      lock,
      JSON.stringify({ pid: process.pid, host: os.hostname(), since: new Date().toISOString() }),
    );

    const env = { PMO_LOCK_WAIT_SECONDS: "240" };
    const runs = [a, b].map((input) => pmoChild(["build", input, "--into", target, "-o", target, "--json"], env));
    // Both have read X and built their merge once both are waiting for the lock.
    const deadline = Date.now() + 200_000;
    while (!runs.every((r) => r.stderr().includes("waiting up to 240 s"))) {
      if (Date.now() > deadline)
        throw new Error(`children did not reach the lock:\n${runs.map((r) => r.stderr()).join("\n")}`);
      await new Promise((r) => setTimeout(r, 200));
    }
    await fs.rm(lock);
    const codes = await Promise.all(runs.map((r) => r.code));

    expect([...codes].sort()).toEqual([0, 2]);
    const winner = runs[codes.indexOf(0)];
    const loser = runs[codes.indexOf(2)];
    expect(loser.stderr()).toContain(
      `error: ${target} changed since this run read it (another run or a user saved it); nothing was written. Run the command again so it starts from the file as it is now.`,
    );
    expect(loser.stdout()).toBe("");
    const winnerPrefix = winner === runs[0] ? "ALPHA" : "BRAVO";
    const loserPrefix = winnerPrefix === "ALPHA" ? "BRAVO" : "ALPHA";
    expect(JSON.parse(winner.stdout()).register.Projects).toBe(53);
    const ids = await projectIds(target);
    expect(ids.filter((id) => id.startsWith("BASE"))).toEqual(["BASE-001", "BASE-002", "BASE-003"]);
    expect(ids.filter((id) => id.startsWith(winnerPrefix))).toHaveLength(50);
    expect(ids.filter((id) => id.startsWith(loserPrefix))).toEqual([]);
    await expect(fs.stat(lock)).rejects.toThrow();

    // The loser, run again, merges into the winner's file: nothing is lost.
    const again = await pmo(
      "build",
      path.dirname(loserPrefix === "ALPHA" ? a : b),
      "--into",
      target,
      "-o",
      target,
      "-q",
    );
    expect(again.code).toBe(0);
    expect(await projectIds(target)).toHaveLength(103);
  }, 300_000);
});
