/**
 * A refusal by the official OpenAPI schema says what it found where a scalar is wrong: "must be equal
 * to one of the allowed values" alone did not (blockfrost.io's `type: "null"` in a 3.0 document,
 * @blockfrost/openapi; Directus's `schema: null`, @directus/specs). A 3.1 `type: "null"` in a 3.0
 * document gets the 3.0 way to say it. A missing or extra property is not followed by "got an object".
 */
import * as path from "node:path";
import { CodegenError } from "../../generator/errors";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const INVALID_30 = path.join(REPO_ROOT, "test", "fixtures", "openapi", "invalid-30");

async function refusal(name: string): Promise<string> {
  try {
    readOpenApi(await parseDocument(path.join(INVALID_30, name)), { file: name });
  } catch (error) {
    if (error instanceof CodegenError) return error.message;
    throw error;
  }
  throw new Error(`${name} was read`);
}

test.each([
  ["schema-type-null.yaml", 'must be equal to one of the allowed values, got "null"; "null" is a type of OpenAPI 3.1: 3.0 writes `nullable: true` (OpenAPI 3.0 schema: #/definitions/Schema/properties/type/enum)'],
  ["schema-null.yaml", "must be object, got null (OpenAPI 3.0 schema: #/definitions/Schema/type)"],
  ["info-without-version.yaml", "must have required property 'version' (OpenAPI 3.0 schema: #/definitions/Info/required)"],
  ["operation-unknown-field.yaml", 'must NOT have additional property "foo" (OpenAPI 3.0 schema: #/definitions/Operation/additionalProperties)'],
])("%s", async (name, message) => {
  expect(await refusal(name)).toBe(message);
});

/**
 * `allowEmptyValue` and `allowReserved` belong to query parameters in 3.1, and its schema refuses
 * them elsewhere even as `false` (its own 3.1/fail has a header with `allowReserved: false`).
 * API Platform (up to 4.1) and Litestar (up to 2.13) write both on every path, header and cookie
 * parameter: the line says where they apply.
 */
test.each([
  ["path", "allowEmptyValue"],
  ["header", "allowReserved"],
])("3.1: %s parameter with %s: false", (location, field) => {
  const parameter = { name: "id", in: location, required: true, deprecated: false, [field]: false, schema: { type: "string" } };
  const template = location === "path" ? "/pets/{id}" : "/pets";
  const document = { openapi: "3.1.0", info: { title: "t", version: "1" }, paths: { [template]: { get: { parameters: [parameter], responses: { "200": { description: "ok" } } } } } };
  let error: unknown;
  try {
    readOpenApi(document, { file: "api.json" });
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(CodegenError);
  expect((error as CodegenError).location.pointer).toBe(`#/paths/${template.replace(/\//g, "~1")}/get/parameters/0`);
  expect((error as CodegenError).message).toBe(
    `must NOT have unevaluated property "${field}"; it applies to query parameters only, and this one is in ${location}: leave it out (OpenAPI 3.1 schema: #/$defs/parameter/unevaluatedProperties)`,
  );
});

/** A 2020-12 keyword in a 3.0 document (TypeBox, Elysia's documents: `const` for every literal) says it is 3.1's, and the 3.0 way where there is one. */
test.each([
  ["const", { type: "string", const: "item" }, '; "const" is a keyword of OpenAPI 3.1 (JSON Schema 2020-12), not of 3.0: 3.0 writes `enum: [value]`'],
  ["prefixItems", { type: "array", prefixItems: [{ type: "string" }] }, '; "prefixItems" is a keyword of OpenAPI 3.1 (JSON Schema 2020-12), not of 3.0'],
  ["x-const", { type: "string", "x-const": "item" }, ""],
])("3.0: a schema with %s", (keyword, schema, hint) => {
  const document = { openapi: "3.0.3", info: { title: "t", version: "1" }, paths: {}, components: { schemas: { Kind: schema } } };
  let error: unknown;
  try {
    readOpenApi(document, { file: "api.json" });
  } catch (caught) {
    error = caught;
  }
  if (hint === "") {
    expect(error).toBeUndefined();
    return;
  }
  expect((error as CodegenError).location.pointer).toBe("#/components/schemas/Kind");
  expect((error as CodegenError).message).toBe(`must NOT have additional property "${keyword}"${hint} (OpenAPI 3.0 schema: #/definitions/Schema/additionalProperties)`);
});
