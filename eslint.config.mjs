// ESLint flat config: office-addin-lint's rules (office-addins plugin, prettier) over all TypeScript,
// with the React preset for the task pane. `npm run lint` runs it through office-addin-lint.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

// The React preset registers the TypeScript plugin only for .ts files; .tsx needs the same plugin and rules.
const tsBase = officeAddins.configs.react.find((c) => c.plugins?.["@typescript-eslint"]);

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
];
