#!/usr/bin/env node
// Installed use: run the CLI's TypeScript through tsx (a runtime dependency), so a checkout needs no build step.
require("tsx/cjs");
const { main } = require("../src/cli/main.ts");
main(process.argv).then((code) => {
  process.exitCode = code;
});
