/**
 * What a parsed input document is: an OpenAPI 3.0.x or 3.1.x document (by its `openapi` field), a
 * format we recognize but do not read (Swagger 2.0, OpenAPI 3.2 and later, AsyncAPI), or else a
 * JSON Schema. Pure: no file, no network; the caller turns `unsupported` into a CodegenError.
 */
import type { Dialect } from "../dialect";
import { CodegenError } from "../../errors";
import { detectDialect } from "../dialect";
import { isJsonObject } from "../keywords";

export type OpenApiVersion = "3.0" | "3.1";

export type DocumentKind =
  | { kind: "openapi"; version: OpenApiVersion; /** The `openapi` field as written: "3.1.0". */ declared: string }
  | { kind: "json-schema" }
  | { kind: "unsupported"; /** Where the deciding field is: "#/openapi". */ pointer: string; /** One line, naming what is supported. */ message: string };

export const SUPPORTED_FORMATS = "supported: OpenAPI 3.0.x, OpenAPI 3.1.x and JSON Schema";

const VERSION = /^(\d+)\.(\d+)\.(\d+)(-[0-9A-Za-z.-]+)?$/;

/** Tells an OpenAPI document from a JSON Schema by its `openapi` (or `swagger`, `asyncapi`) field. */
export function detectDocument(document: unknown): DocumentKind {
  if (!isJsonObject(document)) return { kind: "json-schema" };
  if ("openapi" in document) return openApiVersion(document.openapi);
  if ("swagger" in document) {
    const version = typeof document.swagger === "string" ? document.swagger : JSON.stringify(document.swagger);
    return unsupported("#/swagger", `Swagger ${version} documents are not supported (convert it to OpenAPI 3.x first); ${SUPPORTED_FORMATS}`);
  }
  if ("asyncapi" in document) return unsupported("#/asyncapi", `AsyncAPI documents are not supported; ${SUPPORTED_FORMATS}`);
  return { kind: "json-schema" };
}

function openApiVersion(declared: unknown): DocumentKind {
  if (typeof declared !== "string") {
    // YAML reads `openapi: 3.1` as the number 3.1: the commonest way to get this wrong.
    const hint = typeof declared === "number" ? ` (YAML reads ${declared} as a number: quote it, "3.1.0")` : "";
    return unsupported("#/openapi", `"openapi" must be a version string such as "3.1.0"${hint}; ${SUPPORTED_FORMATS}`);
  }
  const match = VERSION.exec(declared);
  if (match && match[1] === "3" && (match[2] === "0" || match[2] === "1")) return { kind: "openapi", version: `3.${match[2]}` as OpenApiVersion, declared };
  // "3.0" alone: "OpenAPI 3.0 is not supported; supported: OpenAPI 3.0.x" would contradict itself
  // (ibm-openapi-validator's test document duplicate-keys.json writes it so).
  if (/^3\.[01]$/.test(declared)) return unsupported("#/openapi", `"openapi" is "${declared}", a version without its patch number: write it whole, such as "${declared}.0"; ${SUPPORTED_FORMATS}`);
  return unsupported("#/openapi", `OpenAPI ${declared} is not supported; ${SUPPORTED_FORMATS}`);
}

function unsupported(pointer: string, message: string): DocumentKind {
  return { kind: "unsupported", pointer, message };
}

/** The OpenAPI 3.1 base dialect (JSON Schema 2020-12 plus discriminator, xml, externalDocs, example), any dated revision. */
const OAS_DIALECT = /^https:\/\/spec\.openapis\.org\/oas\/3\.1\/dialect\/[^/]+$/;

/** Whether a `$schema` or `jsonSchemaDialect` names the OpenAPI 3.1 base dialect (read as 2020-12). */
export function isOasDialect(uri: unknown): boolean {
  return typeof uri === "string" && OAS_DIALECT.test(uri);
}

/**
 * The dialect of the document's Schema Objects where they have no `$schema`: 3.0's Schema Object
 * is rewritten to 2020-12 (schema-object-30.ts); 3.1 honours `jsonSchemaDialect`, the OAS dialect by default.
 */
export function schemaDialectOf(document: { jsonSchemaDialect?: unknown }, version: OpenApiVersion, file?: string): Dialect {
  const declared = document.jsonSchemaDialect;
  if (version === "3.0" || declared === undefined) return "2020-12";
  if (typeof declared === "string" && OAS_DIALECT.test(declared)) return "2020-12";
  try {
    return detectDialect({ $schema: declared }, file);
  } catch (error) {
    if (!(error instanceof CodegenError)) throw error;
    throw new CodegenError(error.code, error.message.replace(/^"\$schema"/, '"jsonSchemaDialect"').replace("meta-schema", "jsonSchemaDialect"), { file, pointer: "#/jsonSchemaDialect" });
  }
}
