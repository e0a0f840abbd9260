/**
 * A refusal by the official 3.0 schema of a component whose own fields are wrong names that field,
 * not a missing `$ref`: 3.0's Components writes each entry (but a schema) as `oneOf: [Reference,
 * X]`, and an extra or a missing field fails both branches at the same place, so that the line
 * said "must have required property '$ref'" (CWMS Data API's apiKey scheme with a `scheme`,
 * cwmsjs, npm). The Reference branch stays where the object has a `$ref`.
 */
import { invalid30Refusal as refusal } from "../helpers/openapi";

test.each([
  [
    "security-scheme-extra-field.yaml",
    "#/components/securitySchemes/ApiKey",
    'must NOT have additional property "scheme" (OpenAPI 3.0 schema: #/definitions/APIKeySecurityScheme/additionalProperties)',
  ],
  [
    "component-response-without-description.yaml",
    "#/components/responses/NotFound",
    "must have required property 'description' (OpenAPI 3.0 schema: #/definitions/Response/required)",
  ],
])("%s", async (name, pointer, message) => {
  expect(await refusal(name)).toEqual({ pointer, message });
});
