import { SingleBar, Presets } from "cli-progress";
import type { ProgressEvent } from "../workbook/port";

/**
 * Everything the CLI says besides its result goes to stderr: progress bars (only on a terminal),
 * warnings and notes. stdout carries the result alone (text, or one JSON document).
 */
export class Reporter {
  private bar: SingleBar | null = null;
  private stage = "";

  constructor(private readonly quiet = false) {}

  progress = (e: ProgressEvent): void => {
    if (this.quiet) return;
    if (!process.stderr.isTTY) {
      if (e.stage !== this.stage) {
        this.stage = e.stage;
        process.stderr.write(`… ${e.stage}\n`);
      }
      return;
    }
    if (e.stage !== this.stage) {
      this.stop();
      this.stage = e.stage;
      this.bar = new SingleBar(
        { format: `${e.stage.padEnd(24)} [{bar}] {value}/{total} {message}`, stream: process.stderr, hideCursor: true },
        Presets.shades_classic,
      );
      this.bar.start(Math.max(e.total, 1), e.done, { message: e.message ?? "" });
    } else {
      this.bar?.setTotal(Math.max(e.total, 1));
      this.bar?.update(e.done, { message: e.message ?? "" });
    }
  };

  stop(): void {
    this.bar?.stop();
    this.bar = null;
  }

  warn(message: string): void {
    this.stop();
    process.stderr.write(`warning: ${message}\n`);
  }

  note(message: string): void {
    if (this.quiet) return;
    this.stop();
    process.stderr.write(`${message}\n`);
  }
}

export function printResult(json: boolean, value: unknown, text: () => string): void {
  if (json) process.stdout.write(JSON.stringify(value, null, 2) + "\n");
  else process.stdout.write(text().replace(/\n?$/, "\n"));
}

/** Exit codes (docs/conventions.md "Exit codes"). */
export const EXIT = { done: 0, findingsOrPartial: 1, usage: 2, nothing: 3 } as const;

export class UsageError extends Error {}
