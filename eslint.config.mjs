// ESLint flat config: office-addin-lint's rules (office-addins plugin, prettier) over all TypeScript,
// with the React preset for the task pane. `npm run lint` runs it through office-addin-lint.
import officeAddins from "eslint-plugin-office-addins";
import importPlugin from "eslint-plugin-import";
import tsParser from "@typescript-eslint/parser";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";

// The React preset registers the TypeScript plugin only for .ts files; .tsx needs the same plugin and rules.
const tsBase = officeAddins.configs.react.find((c) => c.plugins?.["@typescript-eslint"]);

// The layers (docs/decisions.md, "Layers the build enforces"): each zone names a folder and the only
// folders of ours it may import. The pure engine imports downward only; the port's value types
// (Grid, WorkbookSpec, WorkbookPort) sit just above the domain; the hosts render the port; the
// pipeline composes engine and port; only the front ends pick a host.
const PORT = [
  "./workbook/grid.ts",
  "./workbook/spec.ts",
  "./workbook/port.ts",
  "./workbook/excel-names.ts",
  "./workbook/index.ts",
];
const HOSTS = ["./src/workbook/office", "./src/workbook/xlsx", "./src/workbook/sheetjs"];
const FRONT_ENDS = ["./src/taskpane", "./src/commands", "./src/cli"];

/** A zone: files under `target` may import from src only what `allowed` lists (paths under src). */
function onlyFrom(target, allowed, why) {
  return { target, from: "./src", except: allowed, message: why };
}

function layerZones() {
  return [
    onlyFrom("./src/domain", ["./domain"], "src/domain imports nothing else of ours."),
    onlyFrom(
      "./src/ingest",
      ["./domain", "./ingest", "./workbook/grid.ts"],
      "src/ingest reads Grids into a register: it may import src/domain and the port's Grid only.",
    ),
    onlyFrom("./src/analysis", ["./domain", "./analysis"], "src/analysis may import src/domain only."),
    onlyFrom(
      "./src/standards",
      ["./domain", "./analysis", "./standards"],
      "src/standards may import src/domain and src/analysis only.",
    ),
    onlyFrom(
      "./src/report",
      [
        "./domain",
        "./analysis",
        "./standards",
        "./report",
        "./workbook/grid.ts",
        "./workbook/spec.ts",
        "./workbook/excel-names.ts",
      ],
      "src/report builds a WorkbookSpec: it may import the engine and the port's Grid, WorkbookSpec and Excel names only.",
    ),
    onlyFrom(
      PORT.map((p) => p.replace("./", "./src/")),
      ["./domain", ...PORT],
      "The port (grid.ts, spec.ts, port.ts, excel-names.ts) may import src/domain only.",
    ),
    onlyFrom(
      "./src/sample",
      ["./domain", "./sample", "./workbook/grid.ts"],
      "src/sample generates demo sources from the domain: it may import src/domain and the port's Grid only.",
    ),
    onlyFrom(
      "./src/workbook/office",
      ["./domain", "./workbook/office", ...PORT],
      "A host (src/workbook/office) renders the port: it may import src/domain and the port, never the other host.",
    ),
    onlyFrom(
      "./src/workbook/xlsx",
      // raw-sheet.ts is the shape of the demo's raw source sheets, which the xlsx raw writer renders.
      // sheetjs/ is the same file host's reader for .xls, .xlsb and .ods (docs/decisions.md).
      ["./domain", "./workbook/xlsx", "./workbook/sheetjs", ...PORT, "./sample/raw-sheet.ts"],
      "A host (src/workbook/xlsx) renders the port: it may import src/domain and the port, never the other host.",
    ),
    onlyFrom(
      "./src/workbook/sheetjs",
      ["./domain", "./workbook/sheetjs", "./workbook/xlsx", ...PORT],
      "The file host's SheetJS reader (part of the xlsx file host) may import src/domain, the port and the xlsx host.",
    ),
    {
      target: "./src/pipeline",
      // A use case that reads or makes a file takes a FileHost (src/workbook/port.ts) from its front end.
      from: [...HOSTS, ...FRONT_ENDS],
      message: "src/pipeline composes the engine over the port: it may not import a host or a front end.",
    },
    {
      target: "./src/cli",
      from: ["./src/taskpane", "./src/commands"],
      message: "Front ends do not import each other.",
    },
    {
      target: ["./src/taskpane", "./src/commands"],
      from: ["./src/cli"],
      message: "Front ends do not import each other.",
    },
  ];
}

const layerRule = () => ({
  "import/no-restricted-paths": ["error", { basePath: dirname(fileURLToPath(import.meta.url)), zones: layerZones() }],
});

export default [
  {
    ignores: [
      "dist/**",
      "build/**",
      "node_modules/**",
      "demo-output/**",
      "demo-input/**",
      "test-artifacts/**",
      "coverage/**",
      "*.config.js",
      "bin/**",
    ],
  },
  ...officeAddins.configs.react,
  { files: ["**/*.tsx"], plugins: tsBase.plugins, rules: tsBase.rules },
  {
    files: ["**/*.{ts,tsx}"],
    plugins: { "office-addins": officeAddins },
    languageOptions: {
      parser: tsParser,
      ecmaVersion: 2022,
      sourceType: "module",
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: {
      // TypeScript itself reports undefined names (and knows DOM, Node and Office globals).
      "no-undef": "off",
      "react/react-in-jsx-scope": "off",
      "react/prop-types": "off",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["src/**/*.{ts,tsx}"],
    plugins: { import: importPlugin },
    // Resolve our extension-less relative imports to the .ts/.tsx files, or the zones would see nothing.
    settings: { "import/resolver": { node: { extensions: [".ts", ".tsx", ".js", ".json"] } } },
    rules: layerRule(),
  },
];
