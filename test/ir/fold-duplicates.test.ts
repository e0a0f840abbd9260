/** One schema reached from two files in one load is one type; different schemas that want one name still get a suffix. */
import * as path from "node:path";
import { CodegenError } from "../../generator/errors";
import { KEYWORDS } from "../../generator/emit/keywords/index";
import { fromJsonSchema } from "../../generator/ir/from-json-schema";
import { isNode } from "../../generator/ir/model";
import { loadSchema } from "../../generator/load/load-schema";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "fold");

async function read(nameCollisions?: "error" | "suffix") {
  return fromJsonSchema(await loadSchema("root.schema.json", { cwd: FIXTURES }), KEYWORDS, { nameCollisions });
}

test("identical definitions in two files fold into one type (a recursive one too); a different one gets a suffix", async () => {
  const model = await read();
  const names = model.types.map((t) => t.name);
  expect(names.filter((n) => /^(Item|Node|Other)\d*$/.test(n)).sort()).toEqual(["Item", "Node", "Other", "Other2"]);
  // b's references point at the folded types, the recursive one at itself.
  const b = model.types.find((t) => t.origin === "b.schema.json#")!;
  const refs = isNode(b.schema) ? b.schema.properties!.map((p) => (isNode(p.schema) ? p.schema.ref : undefined)) : [];
  expect(refs).toEqual(["Item", "Node", "Other2"]);
  const node = model.types.find((t) => t.name === "Node")!;
  expect(isNode(node.schema) && node.schema.properties!.map((p) => (isNode(p.schema) ? p.schema.ref : undefined))).toEqual(["Node", "Item"]);
  expect(model.warnings).toEqual([expect.stringMatching(/^b\.schema\.json#\/\$defs\/Other: name collision: "Other", taken by .*; using "Other2"$/)]);
});

test("with nameCollisions: error, only the truly different schema is an error", async () => {
  const error = await read("error").catch((e: unknown) => e);
  expect(error).toBeInstanceOf(CodegenError);
  expect((error as CodegenError).format()).toMatch(/^b\.schema\.json#\/\$defs\/Other: name collision: "Other", taken by .*; rename one of them \(without --name-collisions error it would be "Other2"\)$/);
});

test("the Koala OpenAPI document: TrackEvent, referenced through both batch schemas, is one type", async () => {
  // Parsed here (json-schema-ref-parser, which reads YAML, is ESM-only and jest runs CommonJS); its references resolve against schemas/.
  const document = await parseDocument(path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml"));
  const model = fromJsonSchema(await loadSchema(document, { cwd: path.join(REPO_ROOT, "schemas") }), KEYWORDS);
  expect(model.types.map((t) => t.name)).toContain("TrackEvent");
  expect(model.types.map((t) => t.name)).not.toContain("TrackEvent2");
  expect(model.warnings).toEqual([]);
});
