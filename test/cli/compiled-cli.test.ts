import { execFileSync, spawnSync } from "child_process";
import { promises as fs } from "fs";
import * as os from "os";
import * as path from "path";
import { createProgram } from "../../src/cli/main";
import { pmo } from "./run-pmo";

/**
 * The installed `pmo` (bin/pmo.js) runs the CommonJS build in lib/, not TypeScript through tsx.
 * CI's `npm ci` builds lib/ (`prepare`); when lib/ is missing or older than src/ this test builds
 * it first (`npm run build:cli`, ~15 s), so it always checks the code as it is now.
 */

const repo = path.resolve(__dirname, "..", "..");
const bin = path.join(repo, "bin", "pmo.js");
// Plain CommonJS shared with bin/pmo.js: where lib/ is and whether it is current.
const compiled = require(path.join(repo, "bin", "compiled-cli.js")) as {
  compiledMain: string;
  compiledCliProblem(): string | null;
};

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function node(args: string[], cwd = repo): Run {
  const r = spawnSync(process.execPath, args, { cwd, encoding: "utf8", timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe("the compiled CLI (bin/pmo.js → lib/cli/main.js)", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), "pmo-compiled-"));
    const problem = compiled.compiledCliProblem();
    if (problem) {
      process.stderr.write(`compiled-cli.test: ${problem}; running npm run build:cli first.\n`);
      execFileSync("npm", ["run", "--silent", "build:cli"], { cwd: repo, stdio: ["ignore", "ignore", "inherit"] });
    }
    expect(compiled.compiledCliProblem()).toBeNull();
  }, 240_000);

  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });

  it("--help lists every command, exits 0 and loads no TypeScript", async () => {
    // Records every module the process loaded, so the test sees what ran rather than trusting a message.
    const probe = path.join(dir, "loaded-modules.js");
    await fs.writeFile(
      probe,
      `process.on("exit", () => require("fs").writeFileSync(${JSON.stringify(path.join(dir, "loaded.json"))}, JSON.stringify(Object.keys(require.cache))));\n`,
    );
    const r = node(["--require", probe, bin, "--help"]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const listed = [...r.stdout.matchAll(/^ {2}([\w-]+)/gm)].map((m) => m[1]);
    const expected = createProgram().commands.map((c) => c.name());
    expect(expected.length).toBeGreaterThanOrEqual(8);
    expect(listed).toEqual(expect.arrayContaining([...expected, "help"]));
    const loaded = JSON.parse(await fs.readFile(path.join(dir, "loaded.json"), "utf8")) as string[];
    expect(loaded).toContain(compiled.compiledMain);
    expect(loaded.filter((f) => /\.tsx?$/.test(f))).toEqual([]);
    expect(loaded.some((f) => f.includes(`${path.sep}tsx${path.sep}`))).toBe(false);
  });

  it("gives the same ranking and exact selection as the TypeScript (HiGHS's .wasm found from lib/)", async () => {
    const inputs = path.join(dir, "in");
    const register = path.join(dir, "register.xlsx");
    const sample = node([bin, "sample", inputs, "--seed", "7", "--projects", "14", "-q", "--json"]);
    expect(sample.code).toBe(0);
    expect(JSON.parse(sample.stdout).files.length).toBeGreaterThan(3);
    const build = node([bin, "build", inputs, "-o", register, "-q"]);
    expect(build.stderr).toBe("");
    expect(build.code).toBe(0);

    const fromLib = node([bin, "prioritise", register, "--select", "--json", "-q", "--time-limit", "20"]);
    expect(fromLib.code).toBe(0);
    const fromSource = await pmo("prioritise", register, "--select", "--json", "-q", "--time-limit", "20");
    expect(fromSource.code).toBe(0);
    const a = JSON.parse(fromLib.stdout);
    const b = JSON.parse(fromSource.stdout);
    expect(a.status).toBe("optimal");
    expect(a.ranking).toHaveLength(14);
    expect(a.ranking).toEqual(b.ranking);
    expect(a.selected).toEqual(b.selected);
    expect(a.selected.length).toBeGreaterThan(0);
  }, 120_000);

  it("without lib/ in a checkout: one sentence on stderr, then the same CLI through tsx", async () => {
    const checkout = path.join(dir, "checkout");
    await fs.mkdir(path.join(checkout, "bin"), { recursive: true });
    for (const f of ["pmo.js", "compiled-cli.js"])
      await fs.copyFile(path.join(repo, "bin", f), path.join(checkout, "bin", f));
    await fs.symlink(path.join(repo, "src"), path.join(checkout, "src"));
    await fs.symlink(path.join(repo, "node_modules"), path.join(checkout, "node_modules"));
    const r = node([path.join(checkout, "bin", "pmo.js"), "--version"], checkout);
    expect(r.stderr).toBe(
      "pmo: lib/cli/main.js is not built, so this runs the TypeScript through tsx (run `npm run build:cli` to start faster).\n",
    );
    expect(r.stdout.trim()).toBe(createProgram().version());
    expect(r.code).toBe(0);
  }, 60_000);

  it("without lib/ and without the TypeScript: says how to build and exits 3", async () => {
    const bare = path.join(dir, "bare");
    await fs.mkdir(path.join(bare, "bin"), { recursive: true });
    for (const f of ["pmo.js", "compiled-cli.js"])
      await fs.copyFile(path.join(repo, "bin", f), path.join(bare, "bin", f));
    const r = node([path.join(bare, "bin", "pmo.js"), "--help"], bare);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe(
      `pmo: lib/cli/main.js is not built and cannot run from source here: run \`npm run build:cli\` in ${bare}.\n`,
    );
    expect(r.code).toBe(3);
  });
});
