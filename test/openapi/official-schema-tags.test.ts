/**
 * A refusal by the official 3.0 schema inside a `oneOf` whose branches are told apart by a tag
 * (a Parameter is a PathParameter, QueryParameter, HeaderParameter or CookieParameter by its `in`)
 * points at the mistake in the branch the tag chose, not at the tag: a query parameter with
 * `style: simple` was refused as "/in: must be equal to one of the allowed values, got "query""
 * (api-spec-converter's test document petstore.json, npm). A tag no branch takes is the mistake.
 */
import { invalid30Refusal as refusal } from "../helpers/openapi";

test.each([
  [
    "query-style-simple.yaml",
    "#/paths/~1pet~1findByStatus/get/parameters/0/style",
    'must be equal to one of the allowed values, got "simple" (OpenAPI 3.0 schema: #/definitions/QueryParameter/properties/style/enum)',
  ],
  ["parameter-in-body.yaml", "#/paths/~1pets/post/parameters/0/in", 'must be equal to one of the allowed values, got "body" (OpenAPI 3.0 schema: #/definitions/PathParameter/properties/in/enum)'],
])("%s", async (name, pointer, message) => {
  expect(await refusal(name)).toEqual({ pointer, message });
});
