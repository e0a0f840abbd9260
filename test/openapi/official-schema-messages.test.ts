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
