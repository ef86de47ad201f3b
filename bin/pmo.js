#!/usr/bin/env node
"use strict";
// Runs the CLI compiled to CommonJS in lib/ (`npm run build:cli`; `prepare` builds it on `npm ci` and
// before `npm pack`). In a checkout where lib/ is missing or older than src/, it says so in one sentence
// on stderr and runs the TypeScript through tsx instead (a devDependency), slower to start but current.
const fs = require("fs");
const path = require("path");
const { compiledMain, compiledCliProblem, root } = require("./compiled-cli");

function loadMain() {
  const problem = compiledCliProblem();
  if (!problem) return require(compiledMain).main;
  const source = path.join(root, "src", "cli", "main.ts");
  let tsx = null;
  try {
    tsx = require.resolve("tsx/cjs");
  } catch {
    // Not installed (an install without devDependencies): nothing to fall back to.
  }
  if (!tsx || !fs.existsSync(source)) {
    process.stderr.write(`pmo: ${problem} and cannot run from source here: run \`npm run build:cli\` in ${root}.\n`);
    return null;
  }
  process.stderr.write(
    `pmo: ${problem}, so this runs the TypeScript through tsx (run \`npm run build:cli\` to start faster).\n`,
  );
  require(tsx);
  return require(source).main;
}

const main = loadMain();
if (!main) process.exitCode = 3;
else
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`error: ${String(err)}\n`);
      process.exitCode = 3;
    },
  );
