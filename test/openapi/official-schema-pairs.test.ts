/**
 * The official schemas' either-or rules (`example` or `examples`; a parameter's or header's `schema`
 * or `content`) are written as `not: {required: [a, b]}` and a `oneOf` of two `required`, so a
 * refusal said "must NOT be valid" or "must match exactly one schema in oneOf" and left the reader to
 * find out why (openapi-examples-validator's test documents, npm). It names the two fields now.
 */
import * as path from "node:path";
import { CodegenError } from "../../generator/errors";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const INVALID_30 = path.join(REPO_ROOT, "test", "fixtures", "openapi", "invalid-30");

function refusal(document: unknown, file: string): { pointer?: string; message: string } {
  try {
    readOpenApi(document, { file });
  } catch (error) {
    if (error instanceof CodegenError) return { pointer: error.location.pointer, message: error.message };
    throw error;
  }
  throw new Error(`${file} was read`);
}

test.each([
  ["example-and-examples.yaml", "#/paths/~1pets/get/responses/200/content/application~1json", 'has both "example" and "examples", which exclude each other: keep one (OpenAPI 3.0 schema: #/definitions/ExampleXORExamples/not)'],
  ["schema-and-content.yaml", "#/paths/~1pets/get/parameters/0", 'has both "schema" and "content", which exclude each other: keep one (OpenAPI 3.0 schema: #/definitions/SchemaXORContent/oneOf)'],
])("3.0: %s", async (name, pointer, message) => {
  expect(refusal(await parseDocument(path.join(INVALID_30, name)), name)).toEqual({ pointer, message });
});

const document31 = (operation: object) => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { "/pets": { get: { responses: { "200": { description: "ok" } }, ...operation } } } });

test.each<[string, object, string, string]>([
  [
    "a parameter with both example and examples",
    { parameters: [{ name: "q", in: "query", schema: { type: "string" }, example: "a", examples: { a: { value: "a" } } }] },
    "#/paths/~1pets/get/parameters/0",
    'has both "example" and "examples", which exclude each other: keep one (OpenAPI 3.1 schema: #/$defs/examples/not)',
  ],
  ["a parameter with both schema and content", { parameters: [{ name: "q", in: "query", schema: { type: "string" }, content: { "application/json": { schema: {} } } }] }, "#/paths/~1pets/get/parameters/0", 'has both "schema" and "content", which exclude each other: keep one (OpenAPI 3.1 schema: #/$defs/parameter/oneOf)'],
  ["a parameter with neither schema nor content", { parameters: [{ name: "q", in: "query" }] }, "#/paths/~1pets/get/parameters/0", 'has neither "schema" nor "content": one of them is required (OpenAPI 3.1 schema: #/$defs/parameter/oneOf/0/required)'],
])("3.1: %s", (_name, operation, pointer, message) => {
  expect(refusal(document31(operation), "api.json")).toEqual({ pointer, message });
});
