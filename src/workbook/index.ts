export * from "./grid";
export * from "./spec";
export * from "./port";
export * from "./excel-names";
