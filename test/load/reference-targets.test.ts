/**
 * A `$ref` to an object that no schema lists as a subschema: under a keyword JSON Schema does not
 * know (`#/x/A`), or under a plain file's own key (`schemas.yaml#/Node`). Such a target is a schema
 * of its document all the same (registry.ts's indexReferenceTargets), with the base URI of the
 * resource it is in: its own references resolve there. Before, they resolved against nothing, and
 * the run failed with `$ref "#/x/B" does not resolve (looked for #/x/B)`, naming no file.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import { REPO_ROOT } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";
import { loadGenerated } from "../helpers/load-generated";

const dir = tempDir("koala-codegen-reference-targets-");

test("JSON Schema: a target under an unknown keyword, whose own $refs are relative to its resource", async () => {
  const schema = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: "https://example.com/root.json",
    title: "Root",
    type: "object",
    properties: { a: { $ref: "#/x/A" } },
    x: { A: { type: "object", properties: { b: { $ref: "#/x/B" } } }, B: { type: "integer", minimum: 1 } },
  };
  const { module: api } = await loadGenerated<Record<string, (value: unknown) => boolean>>(path.join(dir, "json-schema"), { schema });
  expect(api.isRoot!({ a: { b: 2 } })).toBe(true);
  expect(api.isRoot!({ a: { b: 0 } })).toBe(false);
  expect(api.isRoot!({ a: { b: "2" } })).toBe(false);
  const { model } = await generate({ schema, build: false, format: false });
  expect(model.types.map((t) => t.name).sort()).toEqual(["Root", "XA", "XB"]);
});

test("OpenAPI over the CLI: a plain file of schemas by name, whose references are that file's", () => {
  const out = path.join(dir, "schemas-file");
  const result = runCli(["generate", "--schema", path.join(REPO_ROOT, "test", "fixtures", "openapi", "schemas-file", "api.yaml"), "--out", out, "--quiet"]);
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const types = readFileSync(path.join(out, "src", "types.ts"), "utf8");
  expect(types).toMatch(/export interface Node \{[^}]*\n  size\?: Count;\n  next\?: Node;\n\}/);
  expect(types).toContain("export type Count = number;");
});
