import { execFileSync } from "node:child_process";
import * as path from "node:path";
import ts from "typescript";

/**
 * The layers are enforced by the build, not by review: a planted import across a layer is refused by
 * `npm run lint` (eslint-plugin-import's no-restricted-paths, eslint.config.mjs), and a host global
 * used in the engine is refused by `npm run typecheck` (tsconfig.engine.json has no DOM, worker,
 * Node or Office types). Each planted violation must fail with the expected rule or error code,
 * and a legal import beside it must pass, so the zones are known to resolve our imports at all.
 */
const root = path.resolve(__dirname, "../..");

interface LintMessage {
  ruleId: string | null;
  message: string;
}

/**
 * ESLint's Node API in a child process: the flat config is an ES module, which Jest's CommonJS
 * sandbox cannot import. Each planted text is linted as if it were the named file (it need not
 * exist); one process lints them all, since loading the config is most of the cost.
 */
function lintAs(planted: [file: string, text: string][]): LintMessage[][] {
  const script = `
    const { ESLint } = require("eslint");
    const eslint = new ESLint({ cwd: process.cwd() });
    const planted = JSON.parse(process.argv[1]);
    Promise.all(planted.map(([file, text]) => eslint.lintText(text, { filePath: file }))).then((results) =>
      process.stdout.write(JSON.stringify(results.map((r) => r[0].messages))),
    );
  `;
  const files = planted.map(([file, text]) => [path.join(root, file), text]);
  const out = execFileSync(process.execPath, ["-e", script, JSON.stringify(files)], { cwd: root, encoding: "utf8" });
  return JSON.parse(out) as LintMessage[][];
}

const layerErrors = (messages: LintMessage[]): string[] =>
  messages.filter((m) => m.ruleId === "import/no-restricted-paths").map((m) => m.message);

const hostImport =
  'import { OfficeWorkbook } from "../workbook/office/office-workbook";\nexport const planted = OfficeWorkbook;\n';

/** Each planted file: where it claims to be, its text, and the zone messages it must get. */
const planted: { file: string; text: string; refused: string[] }[] = [
  {
    // The case the issue names: the xlsx host reaching into the engine. Its import of the port is legal.
    file: "src/workbook/xlsx/planted-layer-violation.ts",
    text: [
      'import { criticalPath } from "../../analysis/schedule/critical-path";',
      'import type { Grid } from "../grid";',
      "export const planted: [unknown, Grid | null] = [criticalPath, null];",
      "",
    ].join("\n"),
    refused: [
      'Unexpected path "../../analysis/schedule/critical-path" imported in restricted zone. A host (src/workbook/xlsx)',
    ],
  },
  {
    // The engine importing a host and the pipeline; its import of the domain is legal.
    file: "src/analysis/schedule/planted-layer-violation.ts",
    text: [
      'import { XlsxWorkbook } from "../../workbook/xlsx/xlsx-workbook";',
      'import { checkCancelled } from "../../pipeline/cancellation";',
      'import { isoFromDate } from "../../domain/dates";',
      "export const planted = [XlsxWorkbook, checkCancelled, isoFromDate];",
      "",
    ].join("\n"),
    refused: ['"../../workbook/xlsx/xlsx-workbook"', '"../../pipeline/cancellation"'],
  },
  {
    file: "src/domain/planted-layer-violation.ts",
    text: 'import type { Grid } from "../workbook/grid";\nexport type Planted = Grid;\n',
    refused: ["src/domain imports nothing else of ours"],
  },
  { file: "src/pipeline/planted-layer-violation.ts", text: hostImport, refused: ["src/pipeline composes the engine"] },
  {
    // A step reaching for the xlsx host (the build and summary steps once did, exempted by name):
    // refused, static or lazy; the port's FileHost type beside it is legal.
    file: "src/pipeline/steps/planted-layer-violation.ts",
    text: [
      'import { readWorkbookBytes } from "../../workbook/xlsx/read-workbook-bytes";',
      'import type { FileHost } from "../../workbook/port";',
      "export const planted = async (host: FileHost | null) => [",
      "  host,",
      "  readWorkbookBytes,",
      '  (await import("../../workbook/xlsx/xlsx-workbook")).XlsxWorkbook,',
      "];",
      "",
    ].join("\n"),
    refused: ['"../../workbook/xlsx/read-workbook-bytes"', '"../../workbook/xlsx/xlsx-workbook"'],
  },
  {
    // The four files once exempted by name now get the pipeline's zone like any other.
    file: "src/pipeline/steps/build.ts",
    text: 'import { xlsxFileHost } from "../../workbook/xlsx/file-host";\nexport const planted = xlsxFileHost;\n',
    refused: ["src/pipeline composes the engine"],
  },
  // Only a front end picks a host.
  { file: "src/taskpane/planted-front-end.ts", text: hostImport, refused: [] },
];

describe("import zones (npm run lint)", () => {
  let results: LintMessage[][] = [];
  beforeAll(() => {
    results = lintAs(planted.map((p) => [p.file, p.text]));
  }, 120_000);

  it.each(planted.map((p, i) => [p.file, i] as const))("%s gets exactly the expected zone errors", (_file, i) => {
    const errors = layerErrors(results[i]);
    expect(errors).toEqual(planted[i].refused.map((text) => expect.stringContaining(text)));
    // Nothing else is wrong with the planted text, so a parse or resolver failure cannot pass as a refusal.
    expect(results[i].filter((m) => m.ruleId !== "import/no-restricted-paths")).toEqual([]);
  });
});

describe("engine tsconfig (npm run typecheck)", () => {
  function engineDiagnostics(file: string): { code: number; text: string }[] {
    const config = ts.readConfigFile(path.join(root, "tsconfig.engine.json"), ts.sys.readFile);
    const parsed = ts.parseJsonConfigFileContent(config.config, ts.sys, root);
    expect(parsed.errors).toEqual([]);
    const globals = parsed.fileNames.filter((f) => f.endsWith(".d.ts"));
    const program = ts.createProgram([path.join(root, file), ...globals], { ...parsed.options, noEmit: true });
    return ts
      .getPreEmitDiagnostics(program)
      .filter((d) => d.file?.fileName.endsWith(file))
      .map((d) => ({ code: d.code, text: ts.flattenDiagnosticMessageText(d.messageText, "\n") }));
  }

  it("has no DOM, worker, Node or Office types: Excel, document, self and process fail to compile", () => {
    const found = engineDiagnostics("test/fixtures/layers/host-globals-in-engine.ts");
    const cannotFind = (name: string) => found.find((d) => d.text.startsWith(`Cannot find name '${name}'`))?.code;
    expect(cannotFind("Excel")).toBe(2304);
    expect(cannotFind("document")).toBe(2584); // "...change your target library? Try ... 'dom'"
    expect(cannotFind("self")).toBe(2304);
    expect(cannotFind("process")).toBe(2591); // "...install type definitions for node?"
  });

  it("compiles an engine module as it stands (the failures above are the planted ones)", () => {
    expect(engineDiagnostics("src/analysis/schedule/critical-path.ts")).toEqual([]);
  });
});
