import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const KOALA_SCHEMA = path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json");
export const KOALA_OUT = path.join(REPO_ROOT, "generated", "koala");
export const KOALA_OPENAPI_OUT = path.join(REPO_ROOT, "generated", "koala-openapi");
export const CLI = path.join(REPO_ROOT, "dist", "generator", "cli.js");
export const TSC = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
