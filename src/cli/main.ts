#!/usr/bin/env node
import { Command, CommanderError } from "commander";
import { CancelledError } from "../pipeline/errors";
import { registerAnalyseCommand } from "./commands/analyse";
import { registerBuildCommand } from "./commands/build";
import { registerCapacityCommand } from "./commands/capacity";
import { registerPrioritiseCommand } from "./commands/prioritise";
import { registerScenariosCommand } from "./commands/scenarios";
import { registerScheduleHealthCommand } from "./commands/schedule-health";
import { registerValidateCommands } from "./commands/validate";
import { registerSampleCommand } from "./commands/sample";
import { registerSummaryCommands } from "./commands/summary";
import { EXIT, UsageError } from "./reporter";
import { fileErrorMessage, isFileSystemError } from "./file-errors";

/** The `pmo` command line: stdout carries the result, stderr progress and notes (docs/conventions.md "stdout and stderr"). */
export function createProgram(): Command {
  const program = new Command();
  program
    .name("pmo")
    .description("PMO Register: build, validate, prioritise and summarise a PMO register from Excel and CSV files.")
    .version("0.1.0")
    .showHelpAfterError("(run pmo --help or pmo <command> --help for usage)")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerBuildCommand(program);
  registerValidateCommands(program);
  registerPrioritiseCommand(program);
  registerScenariosCommand(program);
  registerCapacityCommand(program);
  registerAnalyseCommand(program);
  registerScheduleHealthCommand(program);
  registerSummaryCommands(program);
  registerSampleCommand(program);
  for (const c of program.commands) c.exitOverride();
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = createProgram();
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === "number" ? process.exitCode : EXIT.done;
  } catch (err) {
    if (err instanceof CommanderError) {
      if (err.code === "commander.helpDisplayed" || err.code === "commander.version" || err.code === "commander.help")
        return EXIT.done;
      return EXIT.usage;
    }
    if (err instanceof UsageError) {
      process.stderr.write(`error: ${err.message}\n`);
      return EXIT.usage;
    }
    if (err instanceof CancelledError) {
      process.stderr.write(`${err.message}\n`);
      return EXIT.nothing;
    }
    // A raw errno ("EACCES: permission denied, open …") becomes a sentence naming the file.
    const message = isFileSystemError(err)
      ? fileErrorMessage(err, err.path ?? "a file", "using it")
      : ((err as Error).message ?? String(err));
    process.stderr.write(`error: ${message}\n`);
    return EXIT.nothing;
  }
}

if (require.main === module) {
  main(process.argv).then(
    (code) => {
      process.exitCode = code;
    },
    (err) => {
      process.stderr.write(`error: ${String(err)}\n`);
      process.exitCode = EXIT.nothing;
    },
  );
}
