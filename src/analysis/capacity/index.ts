export * from "./working-days";
export * from "./periods";
export * from "./demand-supply";
export * from "./capacity-plan";
export * from "./levelling";
