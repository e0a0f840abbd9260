/**
 * A document refused for a rule the schema cannot express (an undeclared security scheme) and for one
 * the official schema states (no `info`) gets a line for each: @platformatic/openapi-schema-validator's
 * test/validation/invalid-spec.json (npm registry) was refused for the scheme alone, so a user
 * fixing it met the missing `info` only on the next run. With a single kind of mistake, one kind of line.
 */
import { errorLines, type CodegenError } from "../../generator/errors";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";

const paths = { "/pets/{id}": { get: { operationId: "getPet", parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }], responses: { "200": { description: "ok" } } } } };

function refusal(document: object): string[] {
  try {
    readOpenApi(document, { file: "api.json" });
  } catch (error) {
    return errorLines(error as CodegenError);
  }
  throw new Error("the document was accepted");
}

test("an undeclared security scheme and a missing info: both, the semantic rule's line first", () => {
  expect(refusal({ openapi: "3.1.0", security: [{ skipped: [] }], paths })).toEqual([
    'api.json#/security/0/skipped: security scheme "skipped" is not declared in components.securitySchemes',
    "api.json#: must have required property 'info' (OpenAPI 3.1 schema: #/required)",
  ]);
});

test("either mistake alone is one line", () => {
  expect(refusal({ openapi: "3.1.0", info: { title: "t", version: "1" }, security: [{ skipped: [] }], paths })).toEqual(['api.json#/security/0/skipped: security scheme "skipped" is not declared in components.securitySchemes']);
  expect(refusal({ openapi: "3.1.0", paths })).toEqual(["api.json#: must have required property 'info' (OpenAPI 3.1 schema: #/required)"]);
});
