export * from "./dates";
export * from "./enums";
export * from "./schema";
export * from "./register";
export * from "./ids";
export * from "./random";
