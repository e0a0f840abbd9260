/** Which inputs are JSON Schemas: `{}`, `true` and a definitions-only file are; API descriptions and plain JSON are not. */
import { detectInputKind, rootConstrains, type InputKind } from "../../generator/load/input-kind";

// [what, root, kind, file name] (every row has all four: jest reads a fourth parameter as `done` otherwise)
test.each<[string, unknown, InputKind["kind"], string]>([
  ["the empty schema", {}, "json-schema", "schema.json"],
  ["a boolean schema", true, "json-schema", "schema.json"],
  ["a definitions-only file", { $defs: { A: { type: "string" } } }, "json-schema", "schema.json"],
  ["draft-07 definitions only", { definitions: { A: {} } }, "json-schema", "schema.json"],
  ["annotations only", { title: "Anything", description: "any value" }, "json-schema", "schema.json"],
  ["unknown keywords beside a keyword", { "x-vendor": 1, minLength: 2 }, "json-schema", "schema.json"],
  ["a draft-03 keyword", { divisibleBy: 2 }, "json-schema", "schema.json"],
  ["a schema that describes a package.json", { name: "pkg", version: "1", type: "object", properties: {} }, "json-schema", "schema.json"],
  ["an OpenAPI 3.1 document", { openapi: "3.1.0", info: {}, paths: {} }, "openapi", "schema.json"],
  ["a Swagger 2.0 document with definitions", { swagger: "2.0", definitions: { A: { type: "object" } } }, "swagger", "schema.json"],
  ["an AsyncAPI document", { asyncapi: "2.6.0", channels: {} }, "asyncapi", "schema.json"],
  ["a package.json with dependencies and type: module", { name: "app", version: "1.0.0", type: "module", description: "d", dependencies: { a: "^1" } }, "not-a-schema", "schema.json"],
  ["any JSON named package.json", { private: true, workspaces: [] }, "not-a-schema", "/x/package.json"],
  ["data", { users: [], total: 0 }, "not-a-schema", "schema.json"],
])("%s: %s", (_name, root, kind, file) => {
  expect(detectInputKind(root, file).kind).toBe(kind);
});

test.each<[unknown, boolean]>([
  [{}, false],
  [true, false],
  [{ $schema: "https://json-schema.org/draft/2020-12/schema", $id: "https://x.test/t.json", title: "Types", $defs: { A: {} } }, false],
  [{ minLength: 2 }, true],
  [{ title: "T", not: { type: "null" } }, true],
])("rootConstrains(%j) = %s", (root, expected) => {
  expect(rootConstrains(root)).toBe(expected);
});
