export * from "./earned-value";
export * from "./computed-rag";
export * from "./rollups";
export * from "./benefits";
export * from "./analyse-register";
