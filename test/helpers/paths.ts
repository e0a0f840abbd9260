import * as path from "node:path";

export const REPO_ROOT = path.resolve(__dirname, "..", "..");
export const KOALA_SCHEMA = path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json");
/** Koala's ingestion API as an OpenAPI 3.1 document: what the mock server serves in the Koala tests. */
export const KOALA_OPENAPI = path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml");
export const KOALA_CONFIG = path.join(REPO_ROOT, "koala-codegen.config.json");
export const KOALA_OUT = path.join(REPO_ROOT, "generated", "koala");
export const KOALA_OPENAPI_OUT = path.join(REPO_ROOT, "generated", "koala-openapi");
export const CLI = path.join(REPO_ROOT, "dist", "generator", "cli.js");
export const TSC = path.join(REPO_ROOT, "node_modules", "typescript", "bin", "tsc");
