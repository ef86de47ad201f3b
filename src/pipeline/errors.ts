/**
 * The failures a step can end with, as named classes, so that every front end (the CLI's exit
 * codes, the pane's messages) classifies them with `instanceof`, never by matching message text.
 * Each sets `name` too: an error that crossed a Web Worker boundary arrives as a plain object with
 * its name and message, and `restoreStepError` gives it its class back.
 */

/** The user cancelled long work; nothing was written. Front ends show "Cancelled", not an error. */
export class CancelledError extends Error {
  constructor(message = "Cancelled. Nothing was written.") {
    super(message);
    this.name = "CancelledError";
  }
}

/** The workbook holds no PMO register (no Projects, Risks or other register table), or could not be read as one. */
export class NotARegisterError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NotARegisterError";
  }
}

/** File mode with no register workbook open yet: build one or open one first. */
export class NoWorkbookError extends Error {
  constructor(message = "There is no register yet. Build one from tracker files, or open a register workbook, first.") {
    super(message);
    this.name = "NoWorkbookError";
  }
}

/** A settings edit that is not a valid value for its setting; the message names the setting. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

/** A scenario name that cannot be used, or a scenario that is not saved; the message says what to do. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ScenarioError";
  }
}

const BY_NAME: Record<string, new (message: string) => Error> = {
  CancelledError,
  NotARegisterError,
  NoWorkbookError,
  SettingsError,
  ScenarioError,
};

/** An error posted by a worker (`{ name, message }`) as the step error class it was, or a plain Error. */
export function restoreStepError(name: string, message: string): Error {
  const Known = BY_NAME[name];
  return Known ? new Known(message) : Object.assign(new Error(message), { name });
}
