import type { InputFile } from "../pipeline/build-register";
import type { MappingPreview } from "../pipeline/preview-mapping";
import type { BuildRequest } from "./run-build";

/** "Review mapping": the same lazy chunks as the build, loaded on first use; nothing is written. */
export async function previewInWorkbook(request: BuildRequest): Promise<MappingPreview> {
  const [{ previewWorkbook }, { OfficeWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "pipeline" */ "../pipeline/preview-mapping"),
    import(/* webpackChunkName: "office-adapter" */ "../workbook/office/office-workbook"),
  ]);
  return previewWorkbook(new OfficeWorkbook({ label: "this workbook" }), request);
}

export async function previewFromFiles(files: File[], request: BuildRequest): Promise<MappingPreview> {
  const { previewFiles } = await import(/* webpackChunkName: "pipeline" */ "../pipeline/preview-mapping");
  const inputs: InputFile[] = [];
  for (const [i, file] of files.entries()) {
    request.progress({ stage: "Opening files", done: i, total: files.length, message: file.name });
    inputs.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return previewFiles(inputs, request);
}
