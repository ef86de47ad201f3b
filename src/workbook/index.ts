export * from "./grid";
export * from "./spec";
export * from "./port";
