export * from "./raw-sheet";
export * from "./estate";
export * from "./estate-defects";
export * from "./messy-sources";
export { renderCleanSources, SOURCE_FILES } from "./clean-sources";
