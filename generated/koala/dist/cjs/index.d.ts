export * from "./types.js";
export * from "./guards.js";
