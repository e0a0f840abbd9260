/**
 * `additionalProperties: false` beside `allOf`/`anyOf`/`oneOf` and no properties of its own sees none
 * of the properties its subschemas declare: only `{}` passes. ShipEngine (shipengine-openapi on the
 * npm registry) writes its objects so, and half of its 76 operations had no valid request or answer
 * (the mock's 500, "no value passed its guard"), with no word why. It is checked as written, as
 * JSON Schema says, and generate now says so at its place, with the two ways to mean what was meant;
 * a schema that lists the properties beside it gets no warning.
 */
import * as path from "node:path";
import { generate } from "../../generator/index";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "applicator-additional-properties.yaml");
const dir = tempDir("koala-codegen-applicator-additional-");

test("one warning at each such keyword, naming the applicator and both fixes; none where the properties are listed", async () => {
  const { warnings } = await generate({ schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), build: false, format: false });
  const said = warnings.filter((w) => w.includes("additionalProperties"));
  const text = (keyword: string): string =>
    `"additionalProperties": false beside "${keyword}" and no "properties" of its own sees none of the properties its subschemas declare, so only an object with no property passes; list them in "properties" too, or (OpenAPI 3.1, JSON Schema 2019-09 and later) write "unevaluatedProperties": false instead`;
  // A document given as an object is "(schema)" in messages.
  expect(said).toEqual([
    // link also requires href, which its own additionalProperties refuses: no value at all passes (contradictory-bounds.ts).
    `(schema)#/components/schemas/link/additionalProperties: ${text("allOf")}`,
    `(schema)#/components/schemas/either_link/additionalProperties: ${text("oneOf")}`,
    `(schema)#/components/schemas/link/required: "required" names "href", which "additionalProperties": false refuses (it is not among "properties"): no object passes here`,
  ]);
});

test("the schemas are still checked as written", async () => {
  const { module } = await loadGenerated<Record<string, (value: unknown) => boolean>>(path.join(dir, "out"), { schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), formatter: async (text) => text });
  expect(module.isOptionalLink!({ href: "/a" })).toBe(true);
  expect(module.isLink!({ href: "/a" })).toBe(false);
  expect(module.isLink!({})).toBe(false); // href is required, and no property may be there: no value passes
  expect(module.isEitherLink!({})).toBe(false); // {} passes both branches: oneOf refuses it
  expect(module.isListedLink!({ href: "/a" })).toBe(true);
  expect(module.isListedLink!({ href: "/a", type: "self" })).toBe(false);
});
