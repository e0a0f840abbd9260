/** openapi/detect.ts: OpenAPI 3.0/3.1 by its `openapi` field; what is refused, refused on one line. */
import * as path from "node:path";
import { CodegenError } from "../../generator/errors";
import { detectDocument, schemaDialectOf, SUPPORTED_FORMATS, type DocumentKind } from "../../generator/load/openapi/detect";
import { parseDocument, sharedDocuments } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

test.each<[string, { given: unknown; want: DocumentKind }]>([
  ["3.0.0", { given: { openapi: "3.0.0" }, want: { kind: "openapi", version: "3.0", declared: "3.0.0" } }],
  ["3.0.3", { given: { openapi: "3.0.3", info: {} }, want: { kind: "openapi", version: "3.0", declared: "3.0.3" } }],
  ["3.1.1", { given: { openapi: "3.1.1" }, want: { kind: "openapi", version: "3.1", declared: "3.1.1" } }],
  ["3.1.0-rc1 (a pre-release of 3.1)", { given: { openapi: "3.1.0-rc1" }, want: { kind: "openapi", version: "3.1", declared: "3.1.0-rc1" } }],
  ["a JSON Schema", { given: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "object" }, want: { kind: "json-schema" } }],
  ["a boolean schema", { given: true, want: { kind: "json-schema" } }],
  ["a schema with a property named openapi is still a schema", { given: { properties: { openapi: { type: "string" } } }, want: { kind: "json-schema" } }],
  ["Swagger 2.0", { given: { swagger: "2.0", info: {} }, want: { kind: "unsupported", pointer: "#/swagger", message: `Swagger 2.0 documents are not supported (convert it to OpenAPI 3.x first); ${SUPPORTED_FORMATS}` } }],
  ["OpenAPI 3.2", { given: { openapi: "3.2.0" }, want: { kind: "unsupported", pointer: "#/openapi", message: `OpenAPI 3.2.0 is not supported; ${SUPPORTED_FORMATS}` } }],
  ["OpenAPI 4.0", { given: { openapi: "4.0.0" }, want: { kind: "unsupported", pointer: "#/openapi", message: `OpenAPI 4.0.0 is not supported; ${SUPPORTED_FORMATS}` } }],
  ["a version without patch says so, not \"3.1 is not supported\"", { given: { openapi: "3.1" }, want: { kind: "unsupported", pointer: "#/openapi", message: `"openapi" is "3.1", a version without its patch number: write it whole, such as "3.1.0"; ${SUPPORTED_FORMATS}` } }],
  ["3.0 without patch (ibm-openapi-validator's duplicate-keys.json)", { given: { openapi: "3.0" }, want: { kind: "unsupported", pointer: "#/openapi", message: `"openapi" is "3.0", a version without its patch number: write it whole, such as "3.0.0"; ${SUPPORTED_FORMATS}` } }],
  ["3.2 without patch is still not supported", { given: { openapi: "3.2" }, want: { kind: "unsupported", pointer: "#/openapi", message: `OpenAPI 3.2 is not supported; ${SUPPORTED_FORMATS}` } }],
  ["YAML's unquoted 3.1 is a number", { given: { openapi: 3.1 }, want: { kind: "unsupported", pointer: "#/openapi", message: `"openapi" must be a version string such as "3.1.0" (YAML reads 3.1 as a number: quote it, "3.1.0"); ${SUPPORTED_FORMATS}` } }],
  ["AsyncAPI", { given: { asyncapi: "2.6.0" }, want: { kind: "unsupported", pointer: "#/asyncapi", message: `AsyncAPI documents are not supported; ${SUPPORTED_FORMATS}` } }],
])("%s", (_name, { given, want }) => {
  expect(detectDocument(given)).toEqual(want);
});

test("every message is one line and names what is supported", () => {
  for (const given of [{ swagger: "2.0" }, { openapi: "3.2.0" }, { openapi: 3 }, { asyncapi: "3.0.0" }]) {
    const found = detectDocument(given);
    expect(found.kind).toBe("unsupported");
    if (found.kind === "unsupported") expect(found.message).toMatch(/^[^\n]*supported: OpenAPI 3\.0\.x, OpenAPI 3\.1\.x and JSON Schema$/);
  }
});

describe("the reference documents", () => {
  test.each(sharedDocuments("3.0/examples"))("%s is OpenAPI 3.0", async (file) => {
    expect(detectDocument(await parseDocument(file))).toMatchObject({ kind: "openapi", version: "3.0" });
  });
  test.each([...sharedDocuments("3.1/pass"), ...sharedDocuments("3.1/fail")])("%s is OpenAPI 3.1", async (file) => {
    expect(detectDocument(await parseDocument(file))).toMatchObject({ kind: "openapi", version: "3.1" });
  });
  test("Koala's ingestion API is OpenAPI 3.1; its JSON Schemas are schemas", async () => {
    expect(detectDocument(await parseDocument(path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml")))).toEqual({ kind: "openapi", version: "3.1", declared: "3.1.0" });
    expect(detectDocument(await parseDocument(path.join(REPO_ROOT, "schemas", "koala-profile-batch-request.schema.json")))).toEqual({ kind: "json-schema" });
  });
});

describe("the dialect of Schema Objects", () => {
  test.each<[string, { given: { jsonSchemaDialect?: unknown }; version: "3.0" | "3.1"; want: string }]>([
    ["3.1 without jsonSchemaDialect: the OAS dialect, 2020-12", { given: {}, version: "3.1", want: "2020-12" }],
    ["3.1, the OAS base dialect", { given: { jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/base" }, version: "3.1", want: "2020-12" }],
    ["3.1, a dated OAS dialect", { given: { jsonSchemaDialect: "https://spec.openapis.org/oas/3.1/dialect/2024-10-25" }, version: "3.1", want: "2020-12" }],
    ["3.1, draft-07 by jsonSchemaDialect", { given: { jsonSchemaDialect: "http://json-schema.org/draft-07/schema#" }, version: "3.1", want: "draft-07" }],
    ["3.0: rewritten to 2020-12, jsonSchemaDialect is not a 3.0 field", { given: { jsonSchemaDialect: "http://json-schema.org/draft-07/schema#" }, version: "3.0", want: "2020-12" }],
  ])("%s", (_name, { given, version, want }) => {
    expect(schemaDialectOf(given, version)).toBe(want);
  });

  test("an unknown jsonSchemaDialect is an error at #/jsonSchemaDialect", () => {
    const attempt = () => schemaDialectOf({ jsonSchemaDialect: "https://example.com/my-dialect" }, "3.1", "api.yaml");
    expect(attempt).toThrow(CodegenError);
    try {
      attempt();
    } catch (error) {
      expect((error as CodegenError).format()).toBe('api.yaml#/jsonSchemaDialect: unsupported jsonSchemaDialect "https://example.com/my-dialect" (supported: draft 2020-12, 2019-09, draft-07, draft-06, draft-04)');
      expect((error as CodegenError).code).toBe("unsupportedKeyword");
    }
  });
});
