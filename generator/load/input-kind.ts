/**
 * What an input file is, read from its root: a JSON Schema, or an API description (OpenAPI 3.x,
 * Swagger 2.0, AsyncAPI), or some other JSON (a package.json). JSON Schema and OpenAPI 3.x (the
 * OpenAPI reader, openapi/read-openapi.ts) are read; the others are refused with a line that says
 * what the file looks like, rather than generating `export type X = unknown`.
 */
import * as path from "node:path";
import { CodegenError } from "../errors";
import { isJsonObject, type JsonObject } from "./keywords";
import { SUPPORTED_FORMATS } from "./openapi/detect";

export type InputKind =
  | { kind: "json-schema" }
  | { kind: "openapi" | "swagger" | "asyncapi"; version: string }
  /** JSON with keys, none of which is a JSON Schema keyword of any draft; or a package.json. */
  | { kind: "not-a-schema"; keys: string[]; looksLike?: string };

/** Keywords that only annotate (`{"title": "Anything"}` is a schema). */
const ANNOTATIONS = ["title", "description", "$comment", "default", "examples", "deprecated", "readOnly", "writeOnly"];

/** Every keyword of every JSON Schema draft (03 to 2020-12) but the annotations above. */
const SCHEMA_KEYWORDS = new Set(
  [
    // core
    "$schema $id id $ref $anchor $dynamicRef $dynamicAnchor $recursiveRef $recursiveAnchor $vocabulary $defs definitions",
    // applicators
    "allOf anyOf oneOf not if then else dependentSchemas dependencies prefixItems items additionalItems contains properties",
    "patternProperties additionalProperties propertyNames unevaluatedItems unevaluatedProperties extends disallow",
    // validation, format, content
    "type enum const multipleOf divisibleBy maximum exclusiveMaximum minimum exclusiveMinimum maxLength minLength pattern",
    "maxItems minItems uniqueItems maxContains minContains maxProperties minProperties required dependentRequired",
    "format contentEncoding contentMediaType contentSchema",
  ]
    .join(" ")
    .split(" "),
);

/** Reads the root of a document: which kind of input it is. `{}`, `true` and a definitions-only file are JSON Schemas. */
export function detectInputKind(root: unknown, fileName = ""): InputKind {
  if (!isJsonObject(root)) return { kind: "json-schema" };
  for (const kind of ["openapi", "swagger", "asyncapi"] as const) {
    const version = root[kind];
    if (typeof version === "string") return { kind, version };
  }
  const keys = Object.keys(root);
  if (looksLikePackageJson(root, keys, fileName)) return { kind: "not-a-schema", keys, looksLike: "a package.json" };
  if (keys.length === 0 || keys.some((key) => SCHEMA_KEYWORDS.has(key) || ANNOTATIONS.includes(key))) return { kind: "json-schema" };
  return { kind: "not-a-schema", keys };
}

/** Fields of a package.json that are JSON Schema keywords too, with another meaning. */
const PACKAGE_JSON_KEYWORDS = ["description", "dependencies", "type"];

/**
 * Named package.json, or with a string "name" and "version" at its root (no schema has those
 * there), and no keyword a package.json does not also have (its "dependencies", "type": "module").
 */
function looksLikePackageJson(root: JsonObject, keys: readonly string[], fileName: string): boolean {
  const named = path.basename(fileName) === "package.json" || (typeof root.name === "string" && typeof root.version === "string");
  return named && !keys.some((key) => SCHEMA_KEYWORDS.has(key) && !PACKAGE_JSON_KEYWORDS.includes(key));
}

/** Keywords that identify or hold a schema's parts rather than say anything about a value. */
const STRUCTURAL = new Set(["$schema", "$id", "id", "$anchor", "$dynamicAnchor", "$recursiveAnchor", "$vocabulary", "$defs", "definitions"]);

/**
 * Whether the root schema says anything about a value: false for `{}`, `true`, `{"$schema": ...}`
 * and a definitions-only file (`{"$defs": {...}}`, a common way to publish a set of types), whose
 * root type is rightly `unknown`.
 */
export function rootConstrains(root: unknown): boolean {
  return isJsonObject(root) && Object.keys(root).some((key) => SCHEMA_KEYWORDS.has(key) && !STRUCTURAL.has(key));
}

/** Throws a one-line `notASchema` error (exit 11) unless `root` is a JSON Schema or an OpenAPI document. */
export function assertJsonSchema(root: unknown, file: string): void {
  const input = detectInputKind(root, file);
  const fail = (message: string): never => {
    throw new CodegenError("notASchema", message, { file });
  };
  switch (input.kind) {
    case "json-schema":
      return;
    case "openapi":
      return; // read by openapi/read-openapi.ts, which refuses the versions it does not read (load-schema.ts)
    case "swagger":
      // Named with what is read instead: "give a JSON Schema" predates OpenAPI 3 input (@readme/oas-examples' 2.0 documents).
      return fail(`is a Swagger ${input.version} (OpenAPI 2) document; Swagger input is not supported (convert it to OpenAPI 3.x first); ${SUPPORTED_FORMATS}`);
    case "asyncapi":
      return fail(`is an AsyncAPI ${input.version} document; AsyncAPI input is not supported; ${SUPPORTED_FORMATS}`);
    case "not-a-schema": {
      if (input.looksLike) return fail(`is not a JSON Schema: it looks like ${input.looksLike} (a "name" and a "version" at its root, no schema keyword)`);
      const shown = input.keys.slice(0, 4).map((k) => JSON.stringify(k)).join(", ") + (input.keys.length > 4 ? ", ..." : "");
      return fail(`is not a JSON Schema: no key at its root (${shown}) is a JSON Schema keyword of any draft, and it has no $defs or definitions`);
    }
  }
}
