export * from "./types";
export * from "./scoring";
export * from "./wsjf";
export * from "./ahp";
export * from "./rank-stability";
export * from "./selection-types";
export * from "./selection";
export * from "./scenarios";
