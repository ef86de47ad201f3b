import { spawnSync } from "child_process";
import * as path from "path";

/**
 * `pmo --help` must not load the engine: each command's file imports only commander, option
 * parsing and the reporter at its top, and loads the steps, exceljs and HiGHS inside its action.
 * A child Node process loads the CLI's entry (through tsx, as `npm run pmo` does) and lists every
 * module it loaded.
 */
const ROOT = path.join(__dirname, "..", "..");

function modulesLoadedBy(args: string[]): string[] {
  const script = `
    const { main } = require("./src/cli/main.ts");
    const write = process.stdout.write.bind(process.stdout);
    process.stdout.write = () => true;
    main(["node", "pmo", ${args.map((a) => JSON.stringify(a)).join(", ")}]).then(() => {
      write("\\n" + JSON.stringify(Object.keys(require.cache)) + "\\n");
    });
  `;
  const child = spawnSync(process.execPath, ["--require", "tsx/cjs", "-e", script], { cwd: ROOT, encoding: "utf8" });
  if (child.status !== 0) throw new Error(`the CLI did not start: ${child.stderr}`);
  return JSON.parse(child.stdout.trim().split("\n").pop()!) as string[];
}

describe("CLI start-up", () => {
  test("pmo --help loads commander and the CLI's own files, not the engine, exceljs or HiGHS", () => {
    const loaded = modulesLoadedBy(["--help"]).map((m) => path.relative(ROOT, m));
    expect(loaded.some((m) => m.startsWith(path.join("src", "cli")))).toBe(true);
    const heavy = loaded.filter((m) =>
      /node_modules[\\/](exceljs|highs|jszip|papaparse|zod)[\\/]|src[\\/](pipeline[\\/]steps|analysis|ingest|report|standards|workbook)[\\/]/.test(
        m,
      ),
    );
    expect(heavy).toEqual([]);
    // The list holds every statically imported file: the commands and what they import at their top.
    expect(loaded).toEqual(
      expect.arrayContaining([
        path.join("src", "cli", "commands", "validate.ts"),
        path.join("src", "cli", "register-io.ts"),
        path.join("src", "cli", "options.ts"),
      ]),
    );
  }, 60_000);
});
