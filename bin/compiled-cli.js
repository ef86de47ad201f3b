"use strict";
// Where the compiled CLI lives and whether it can be run: bin/pmo.js and the tests ask the same question.
const fs = require("fs");
const path = require("path");

const root = path.join(__dirname, "..");
const compiledMain = path.join(root, "lib", "cli", "main.js");

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/**
 * Why lib/cli/main.js cannot be run as it is (one clause), or null when it can. An installed package
 * ships lib/ without src/, so only a checkout is compared: there a src/ file (or a tsconfig) changed
 * after the last `npm run build:cli` means lib/ would run old code.
 */
function compiledCliProblem() {
  let built;
  try {
    built = fs.statSync(compiledMain).mtimeMs;
  } catch {
    return "lib/cli/main.js is not built";
  }
  const src = path.join(root, "src");
  if (!fs.existsSync(src)) return null;
  const configs = ["tsconfig.json", "tsconfig.cli.json"].map((f) => path.join(root, f)).filter((f) => fs.existsSync(f));
  const newest = Math.max(newestMtime(src), ...configs.map((f) => fs.statSync(f).mtimeMs));
  return newest > built ? "lib/ is older than src/" : null;
}

module.exports = { root, compiledMain, compiledCliProblem };
