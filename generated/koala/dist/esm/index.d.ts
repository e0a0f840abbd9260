export * from "./types.js";
export * from "./guards.js";
export * from "./builders.js";
export * from "./client.js";
