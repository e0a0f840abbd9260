/**
 * Keywords that together let no value through (`minimum` above `maximum`, an exclusive bound that
 * meets the other, `minLength` above `maxLength`, `minItems` above `maxItems`, `minProperties` above
 * `maxProperties`, `enum: []`, an `enum` or `const` with no value of the schema's `type`, a required name `additionalProperties: false` refuses) are a warning at the lower bound's place: the mock could make no
 * request or answer for them ("no valid request synthesized", a 500) and nothing said why. Bounds
 * that meet inclusively, and keywords the schema's `type` does not apply, get none. Still checked
 * as written.
 */
import * as path from "node:path";
import { generate } from "../../generator/index";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "contradictory-bounds.yaml");

test("one warning at each contradictory pair's lower bound, at an empty enum and at an enum or const of none of the types; none elsewhere", async () => {
  const { warnings } = await generate({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), build: false, format: false });
  expect(warnings.filter((w) => w.endsWith("passes here")).sort()).toEqual(
    [
      `(schema)#/paths/~1a/get/parameters/0/schema/minimum: "minimum" 10 is above "maximum" 5: no number passes here`,
      `(schema)#/paths/~1a/get/parameters/1/schema/exclusiveMinimum: "exclusiveMinimum" 1 meets "maximum" 1: no number passes here`,
      `(schema)#/components/schemas/Report/properties/code/minLength: "minLength" 4 is above "maxLength" 2: no string passes here`,
      `(schema)#/components/schemas/Report/properties/tags/minItems: "minItems" 3 is above "maxItems" 1: no array passes here`,
      `(schema)#/components/schemas/Report/properties/meta/minProperties: "minProperties" 2 is above "maxProperties" 1: no object passes here`,
      `(schema)#/components/schemas/Report/properties/nothing/enum: "enum" is empty: no value passes here`,
      `(schema)#/components/schemas/Report/properties/disk/enum: "enum" has no value of "type" integer: no value passes here`,
      `(schema)#/components/schemas/Report/properties/fixed/const: "const" is not of "type" string: no value passes here`,
      `(schema)#/components/schemas/Closed/required: "required" names "b", "ref", which "additionalProperties": false refuses (they are not among "properties" nor matched by "patternProperties"): no object passes here`,
    ].sort(),
  );
});

test("a 3.0 document's boolean exclusiveMaximum counts as the exclusive bound it means", async () => {
  const document = {
    openapi: "3.0.3",
    info: { title: "Bounds 3.0", version: "1" },
    paths: {},
    components: { schemas: { Ratio: { type: "number", minimum: 1, maximum: 1, exclusiveMaximum: true }, Unit: { type: "number", minimum: 1, maximum: 1 } } },
  };
  const { warnings } = await generate({ schema: document, build: false, format: false });
  expect(warnings.filter((w) => w.endsWith("passes here"))).toEqual([`(schema)#/components/schemas/Ratio/minimum: "minimum" 1 meets "exclusiveMaximum" 1: no number passes here`]);
});

test("a finding in a request or response view is said once, at the place of the schema the view was made from", async () => {
  const bounded = { minProperties: 3, maxProperties: 1 };
  const document = {
    openapi: "3.1.0",
    info: { title: "Views", version: "1" },
    paths: {
      "/pets": {
        // A component with a read-only property: its request view PetRequest holds the same bounds.
        post: {
          requestBody: { content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } },
          responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "#/components/schemas/Pet" } } } } },
        },
        // An inline body with a read-only property: its view is the only schema made of it.
        put: {
          requestBody: { content: { "application/json": { schema: { type: "object", ...bounded, properties: { id: { type: "string", readOnly: true }, name: { type: "string" } } } } } },
          responses: { "204": { description: "done" } },
        },
      },
    },
    components: { schemas: { Pet: { type: "object", ...bounded, properties: { id: { type: "string", readOnly: true }, name: { type: "string" } } } } },
  };
  const { warnings } = await generate({ schema: document, build: false, format: false });
  expect(warnings.filter((w) => w.endsWith("passes here")).sort()).toEqual(
    [
      `(schema)#/components/schemas/Pet/minProperties: "minProperties" 3 is above "maxProperties" 1: no object passes here`,
      `(schema)#/paths/~1pets/put/requestBody/content/application~1json/schema/minProperties: "minProperties" 3 is above "maxProperties" 1: no object passes here`,
    ].sort(),
  );
});
