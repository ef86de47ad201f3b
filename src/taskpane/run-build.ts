import { CancelledError } from "../pipeline/errors";
import type { EntityName } from "../domain/schema";
import type { BuildOutcome, InputFile } from "../pipeline/steps/build";
import type { ProgressEvent } from "../workbook/port";
import { xlsxFileHost } from "../workbook/xlsx/file-host";

export interface BuildRequest {
  dateOrder: "dmy" | "mdy";
  signal: AbortSignal;
  progress: (event: ProgressEvent) => void;
  /** Header mappings the user confirmed in "Review mapping" (keyed by header signature). */
  mappings?: Record<string, Record<string, string | null>>;
  /** The sheets' entities the user chose in "Review mapping" (keyed by `entityOverrideKey(file, sheet)`). */
  entityOverrides?: Record<string, EntityName | null>;
}

/** Picked files → the bytes the pipeline reads (the pipeline never sees a File). */
export async function readPicked(files: File[], request: Pick<BuildRequest, "progress">): Promise<InputFile[]> {
  const inputs: InputFile[] = [];
  for (const [i, file] of files.entries()) {
    request.progress({ stage: "Opening files", done: i, total: files.length, message: file.name });
    inputs.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return inputs;
}

/**
 * The pipeline (and exceljs behind it) is loaded on first use, not with the pane: webpack puts
 * everything reached through these import() calls into lazy chunks, so the pane paints fast.
 * Inside Excel, `extraFiles` are files the user added to the import: read with the workbook's sheets.
 */
export async function buildInWorkbook(
  request: BuildRequest,
  extraFiles: File[] = [],
  write = true,
): Promise<BuildOutcome> {
  const [{ buildRegisterInWorkbook }, { OfficeWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "pipeline" */ "../pipeline/steps/build"),
    import(/* webpackChunkName: "office-adapter" */ "../workbook/office/office-workbook"),
  ]);
  const port = new OfficeWorkbook({ label: "this workbook" });
  return buildRegisterInWorkbook(port, {
    ...request,
    write,
    extraFiles: await readPicked(extraFiles, request),
    host: xlsxFileHost,
  });
}

/** File mode; `into` is the register already open, which the import updates (keeping analysts' edits). */
export async function buildFromFiles(
  files: File[],
  request: BuildRequest,
  into?: InputFile,
): Promise<{ outcome: BuildOutcome; bytes: Uint8Array }> {
  const { buildRegisterFromFiles } = await import(/* webpackChunkName: "pipeline" */ "../pipeline/steps/build");
  return buildRegisterFromFiles(xlsxFileHost, await readPicked(files, request), { ...request, into });
}

/** Cancelling is not a failure: the pipeline throws CancelledError and writes nothing (a fetch or worker, a DOM AbortError). */
export function isCancelled(error: unknown): boolean {
  return error instanceof CancelledError || (error instanceof Error && error.name === "AbortError");
}

/** A failed lazy load means the pane's own files could not be fetched (offline, or a new version was deployed). */
export function isChunkLoadError(error: unknown): boolean {
  return error instanceof Error && (error.name === "ChunkLoadError" || /Loading chunk .* failed/.test(error.message));
}
