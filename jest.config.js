/** Jest: unit, contract and pipeline tests (browser and LibreOffice checks run through their own scripts). */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  testPathIgnorePatterns: ["/node_modules/", "/test/e2e/", "/test/interop/", "/test/bench/"],
  // Sucrase is pure JavaScript: no per-platform binary to pin in the lock file (the registry CI reaches
  // serves only some of @swc/core's platform packages, which breaks `npm ci`).
  transform: {
    "^.+\\.(t|j)sx?$": ["@sucrase/jest-plugin", { jsxRuntime: "automatic", production: true }],
  },
  moduleFileExtensions: ["ts", "tsx", "js", "json"],
  testTimeout: 60000,
};
