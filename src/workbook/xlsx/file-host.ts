import type { FileHost } from "../port";

/**
 * The file host the front ends hand the pipeline (docs/architecture.md, "The port"). Only type
 * imports and import() calls: exceljs, Papa Parse and SheetJS load with the first file read or
 * workbook made, in their own chunks, so importing this object costs the task pane's first screen
 * nothing.
 */
export const xlsxFileHost: FileHost = {
  async readFile(name, bytes, options) {
    const { readWorkbookBytes } = await import(/* webpackChunkName: "xlsx-adapter" */ "./read-workbook-bytes");
    return readWorkbookBytes(bytes, name, options);
  },
  async openWorkbook(name, bytes) {
    const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx-adapter" */ "./xlsx-workbook");
    return XlsxWorkbook.open(bytes, name);
  },
  async newWorkbook(label) {
    const { XlsxWorkbook } = await import(/* webpackChunkName: "xlsx-adapter" */ "./xlsx-workbook");
    return XlsxWorkbook.create(label);
  },
};
