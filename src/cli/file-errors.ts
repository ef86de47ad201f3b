/**
 * File-system errors in words a user can act on: the file named as they gave it (never a hidden
 * temporary path), what went wrong and what to do, instead of a raw errno.
 */
const WHAT_TO_DO: Record<string, (file: string, doing: string) => string> = {
  EACCES: (f, d) => `${f}: permission denied when ${d}. Give your user access to it (or its folder) and run again.`,
  EPERM: (f, d) =>
    `${f}: the system refused ${d} (it may be read-only, or open in another program). Close it or change its permissions and run again.`,
  EBUSY: (f, d) => `${f}: busy when ${d}; another program has it open. Close it there and run again.`,
  ENOENT: (f) => `${f}: no such file or folder. Check the path and try again.`,
  EEXIST: (f) => `${f} is a file where a folder is needed. Check the path, or choose another folder.`,
  ENOTDIR: (f) => `${f}: part of the path is a file, not a folder. Check the path and try again.`,
  EISDIR: (f) => `${f} is a folder, not a file. Give a file name.`,
  ENOSPC: (f, d) => `${f}: the disk is full when ${d}; nothing was written. Free some space and run again.`,
  EDQUOT: (f, d) => `${f}: over your disk quota when ${d}; nothing was written. Free some space and run again.`,
  EROFS: (f, d) => `${f}: the folder is on a read-only disk, so ${d} failed. Choose a folder you can write to.`,
  EMFILE: (f, d) => `${f}: too many files open when ${d}. Close some programs and run again.`,
  ENAMETOOLONG: (f) => `${f}: the path is too long for this system. Choose a shorter file name or folder.`,
};

export function isFileSystemError(err: unknown): err is NodeJS.ErrnoException {
  // Duck-typed: errors from Node's fs are not \`instanceof Error\` of every realm (jest's, a worker's).
  const code = typeof err === "object" && err !== null ? (err as NodeJS.ErrnoException).code : undefined;
  return typeof code === "string" && code in WHAT_TO_DO;
}

/** A sentence for a file-system error on `file` (the name the user gave) while `doing` ("reading it", "writing it"). */
export function fileErrorMessage(err: unknown, file: string, doing: string): string {
  if (isFileSystemError(err)) return WHAT_TO_DO[err.code!](file, doing);
  return `${file}: ${doing} failed (${(err as Error)?.message ?? String(err)}).`;
}

/** An error whose message is already a sentence for the user; the original is kept as its cause. */
export class FileAccessError extends Error {
  constructor(
    message: string,
    readonly file: string,
    readonly code?: string,
  ) {
    super(message);
  }
}
