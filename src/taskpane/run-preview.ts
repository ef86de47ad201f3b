import type { EntityChange, MappingPreview } from "../pipeline/preview-mapping";
import type { HostMode } from "./host";
import { readPicked, type BuildRequest } from "./run-build";
import { xlsxFileHost } from "../workbook/xlsx/file-host";

/** "Review mapping": the same lazy chunks as the build, loaded on first use; nothing is written. */
export async function previewInWorkbook(request: BuildRequest, extraFiles: File[] = []): Promise<MappingPreview> {
  const [{ previewWorkbook }, { OfficeWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "pipeline" */ "../pipeline/preview-mapping"),
    import(/* webpackChunkName: "office-adapter" */ "../workbook/office/office-workbook"),
  ]);
  const port = new OfficeWorkbook({ label: "this workbook" });
  return previewWorkbook(port, { ...request, extraFiles: await readPicked(extraFiles, request), host: xlsxFileHost });
}

export async function previewFromFiles(files: File[], request: BuildRequest): Promise<MappingPreview> {
  const { previewFiles } = await import(/* webpackChunkName: "pipeline" */ "../pipeline/preview-mapping");
  return previewFiles(xlsxFileHost, await readPicked(files, request), request);
}

/**
 * A sheet's entity changed in the review: only that sheet is read again (from its picked file, or
 * from the open workbook) and its columns proposed for the new entity.
 */
export async function changeEntityInReview(
  preview: MappingPreview,
  change: EntityChange,
  mode: HostMode,
  files: File[],
  request: BuildRequest,
): Promise<MappingPreview> {
  const { previewEntityChange } = await import(/* webpackChunkName: "pipeline" */ "../pipeline/preview-mapping");
  const file = preview.sources.find((s) => s.sheetKey === change.sheetKey)?.file;
  const picked = await readPicked(
    files.filter((f) => f.name === file),
    request,
  );
  if (mode !== "excel") return previewEntityChange(preview, change, { files: picked, host: xlsxFileHost }, request);
  const { OfficeWorkbook } = await import(
    /* webpackChunkName: "office-adapter" */ "../workbook/office/office-workbook"
  );
  return previewEntityChange(
    preview,
    change,
    { port: new OfficeWorkbook({ label: "this workbook" }), files: picked, host: xlsxFileHost },
    request,
  );
}
