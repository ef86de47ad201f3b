export * from "./schedule-inputs";
export * from "./cycles";
export * from "./critical-path";
export * from "./milestones";
export * from "./schedule-health";
