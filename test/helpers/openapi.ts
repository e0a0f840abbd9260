/** The OpenAPI reference documents in ../shared/openapi (see its SOURCE.md), read as the loader reads YAML. */
import { existsSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { readFile } from "node:fs/promises";
import { CORE_SCHEMA, load } from "js-yaml";
import { REPO_ROOT } from "./paths";
import { applyMergeKeys } from "../../generator/load/yaml-merge-keys";
import { CodegenError } from "../../generator/errors";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";

export const SHARED_OPENAPI = path.resolve(REPO_ROOT, "..", "shared", "openapi");
/** The OpenAPI documents are read from beside the repository, never copied into it: a test that needs them fails when they are absent. */
export function requireSharedOpenApi(): void {
  if (!existsSync(path.join(SHARED_OPENAPI, "SOURCE.md"))) throw new Error(`${SHARED_OPENAPI} not found: the OpenAPI tests read the specification's documents from ../shared/openapi beside the repository`);
}

/** The `.yaml` files of a folder of ../shared/openapi ("3.1/pass"), sorted. */
export function sharedDocuments(folder: string): string[] {
  requireSharedOpenApi();
  const dir = path.join(SHARED_OPENAPI, folder);
  return readdirSync(dir).filter((f) => f.endsWith(".yaml")).sort().map((f) => path.join(dir, f));
}

/**
 * A YAML or JSON file parsed, not dereferenced: with js-yaml and the schema json-schema-ref-parser's
 * own YAML parser uses (CORE_SCHEMA), since that library is ESM-only and jest runs CommonJS.
 */
export async function parseDocument(file: string): Promise<Record<string, unknown>> {
  // As the loader reads YAML: the core schema, then YAML 1.1's merge keys (generator/load/yaml-merge-keys.ts).
  return applyMergeKeys(load(await readFile(file, "utf8"), { schema: CORE_SCHEMA }) as Record<string, unknown>);
}

/** How readOpenApi refuses an invalid document of test/fixtures/openapi/invalid-30 (its one line's pointer and message); it throws if the document is read. */
export async function invalid30Refusal(name: string): Promise<{ pointer?: string; message: string }> {
  try {
    readOpenApi(await parseDocument(path.join(REPO_ROOT, "test", "fixtures", "openapi", "invalid-30", name)), { file: name });
  } catch (error) {
    if (error instanceof CodegenError) return { pointer: error.location.pointer, message: error.message };
    throw error;
  }
  throw new Error(`${name} was read`);
}
