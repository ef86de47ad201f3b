export { readXlsx, type XlsxReadOptions } from "./xlsx-reader";
export { readCsv, decodeText } from "./csv-reader";
export { readWorkbookBytes, extensionOf } from "./read-workbook-bytes";
export {
  sniffXlsx,
  isMacroEnabledPackage,
  DEFAULT_MAX_FILE_BYTES,
  DEFAULT_MAX_UNCOMPRESSED_BYTES,
  type SniffLimits,
  type SniffResult,
} from "./file-sniff";
export { XlsxWorkbook } from "./xlsx-workbook";
export { assertValidSheetName, validExcelName } from "./excel-names";
export { xlsxFileHost } from "./file-host";
