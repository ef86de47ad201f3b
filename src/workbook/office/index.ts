export * from "./office-workbook";
export * from "./office-write";
export * from "./office-read";
export * from "./excel-features";
export * from "./excel-dates";
export * from "./excel-addresses";
export * from "./block-layout";
export * from "./spec-checks";
