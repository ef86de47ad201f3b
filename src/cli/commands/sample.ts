import type { Command } from "commander";
import * as path from "path";
import { Reporter, UsageError, printResult } from "../reporter";

export function registerSampleCommand(program: Command): void {
  program
    .command("sample")
    .description("Write the built-in demo inputs: a seeded PMO estate as messy workbooks and CSVs")
    .argument("[folder]", "folder to write into", "demo-input")
    .option("--seed <n>", "random seed", "1")
    .option("--projects <n>", "number of projects", "60")
    .option("--clean", "write clean canonical headers and values instead of the messy quirks")
    .option("--force", "write even though the folder holds files pmo sample did not write (they may be overwritten)")
    .option("--json", "print one JSON document")
    .option("-q, --quiet", "no progress on stderr")
    .action(
      async (
        folder: string,
        opts: { seed: string; projects: string; clean?: boolean; force?: boolean; json?: boolean; quiet?: boolean },
      ) => {
        const seed = Number(opts.seed);
        const projects = Number(opts.projects);
        if (!Number.isInteger(seed)) throw new UsageError(`--seed must be a whole number, not "${opts.seed}".`);
        if (!Number.isInteger(projects) || projects < 1)
          throw new UsageError(`--projects must be a positive whole number, not "${opts.projects}".`);
        const { filesSampleDidNotWrite, writeSampleFiles } = await import("../sample-folder");
        const foreign = opts.force ? [] : await filesSampleDidNotWrite(folder);
        if (foreign.length > 0)
          throw new UsageError(
            `${folder} holds files pmo sample did not write (${foreign.slice(0, 3).join(", ")}${foreign.length > 3 ? ` and ${foreign.length - 3} more` : ""}), which it could overwrite. Choose a new or empty folder, or add --force.`,
          );
        const reporter = new Reporter(opts.quiet);
        reporter.progress({ stage: "Generating sample", done: 0, total: 1 });
        const { sampleInputFiles } = await import("../sample-inputs");
        const { files } = await sampleInputFiles({ seed, projects, quirks: opts.clean ? "none" : "all" });
        const written = await writeSampleFiles(folder, files);
        reporter.stop();
        printResult(
          !!opts.json,
          { folder, files: written },
          () =>
            `Wrote ${written.length} sample files to ${folder}/:\n${written.map((w) => `  ${path.basename(w)}`).join("\n")}`,
        );
      },
    );
}
