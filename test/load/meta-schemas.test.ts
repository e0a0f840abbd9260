/**
 * Meta-schemas: the bundled 2019-09 and 2020-12 ones (a schema that validates schema documents,
 * offline), and custom meta-schemas whose `$vocabulary` turns keywords off, ignores an unknown
 * optional vocabulary and refuses an unknown required one.
 */
import Ajv2019 from "ajv/dist/2019";
import Ajv2020 from "ajv/dist/2020";
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { CodegenError } from "../../generator/errors";
import { loadSchema } from "../../generator/load/load-schema";
import { ajvFor, guardsFor, type Guards } from "../helpers/guards";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-meta-");
const META = "https://example.com/meta/";
// Custom meta-schemas live in `dir`, reached through --resolve: nothing is fetched.
const resolve = { [META]: dir + path.sep };

function metaSchema(file: string, vocabulary: Record<string, boolean>): string {
  writeFileSync(
    path.join(dir, file),
    JSON.stringify({ $schema: "https://json-schema.org/draft/2020-12/schema", $id: META + file, $vocabulary: vocabulary, $dynamicAnchor: "meta" }),
  );
  return META + file;
}

const V = "https://json-schema.org/draft/2020-12/vocab/";

// Schema documents, valid or not as JSON Schema (2020-12 and 2019-09 alike).
const SCHEMA_DOCUMENTS: [string, unknown, boolean][] = [
  ["an empty schema", {}, true],
  ["a boolean schema", false, true],
  ["nested keywords", { type: "object", properties: { a: { type: "array", items: { minimum: 1 } } }, required: ["a"] }, true],
  ["a type that is not a type", { type: "thing" }, false],
  ["a nested subschema that is not a schema", { properties: { a: 1 } }, false],
  ["a deeply nested mistake", { allOf: [{ properties: { a: { items: { minLength: -1 } } } }] }, false],
  ["definitions (kept for older schemas) are schemas too", { definitions: { a: { type: 3 } } }, false],
];

describe("the bundled meta-schemas (schemas/meta/), offline", () => {
  let g2020: Guards;
  let g2019: Guards;
  const ref2020 = { $ref: "https://json-schema.org/draft/2020-12/schema" };
  const ref2019 = { $schema: "https://json-schema.org/draft/2019-09/schema", $ref: "https://json-schema.org/draft/2019-09/schema" };
  beforeAll(async () => {
    g2020 = await guardsFor(ref2020, { name: "SchemaDocument" });
    g2019 = await guardsFor(ref2019, { name: "SchemaDocument" });
  });

  test.each(SCHEMA_DOCUMENTS)("2020-12 ($dynamicRef): %s", (_name, document, valid) => {
    expect([g2020.isSchemaDocument!(document), g2020.validateSchemaDocument!(document).ok, ajvFor(ref2020)(document)]).toEqual([valid, valid, valid]);
  });

  test.each(SCHEMA_DOCUMENTS)("2019-09 ($recursiveRef): %s", (_name, document, valid) => {
    const ajv = new Ajv2019({ strict: false }).compile(ref2019);
    expect([g2019.isSchemaDocument!(document), g2019.validateSchemaDocument!(document).ok, ajv(document)]).toEqual([valid, valid, valid]);
  });

  test("a dialect extending the 2020-12 meta-schema constrains subschemas at every depth (through its $dynamicRef)", async () => {
    // The OpenAPI 3.1 dialect's pattern: `$dynamicAnchor: meta` plus the standard meta-schema.
    const dialect = { $id: META + "dialect.json", $dynamicAnchor: "meta", allOf: [ref2020], properties: { "x-level": { type: "integer" } } };
    writeFileSync(path.join(dir, "dialect.json"), JSON.stringify(dialect));
    const schema = { $ref: META + "dialect.json" };
    const g = await guardsFor(schema, { name: "Document", resolve });
    const ajv = new Ajv2020({ strict: false });
    ajv.addSchema(dialect);
    const oracle = ajv.compile(schema);
    for (const [document, valid] of [
      [{ "x-level": 1, properties: { a: { "x-level": 2 } } }, true],
      [{ "x-level": "1" }, false],
      [{ properties: { a: { items: { "x-level": "deep" } } } }, false],
      [{ properties: { a: { items: { type: "thing" } } } }, false],
    ] as const) {
      expect([g.isDocument!(document), oracle(document)]).toEqual([valid, valid]);
    }
  });
});

describe("$vocabulary of a custom meta-schema", () => {
  test("without the validation vocabulary, validation keywords are annotations; applicators still apply", async () => {
    const $schema = metaSchema("no-validation.json", { [V + "core"]: true, [V + "applicator"]: true });
    const g = await guardsFor({ $schema, title: "Root", properties: { n: { minimum: 10 }, bad: false } }, { resolve });
    expect(g.isRoot!({ n: 1 })).toBe(true);
    expect(g.isRoot!({ bad: 1 })).toBe(false);
  });

  test("the custom meta-schema counts in the schema hash: changing its $vocabulary changes the output's hash", async () => {
    const schema = { $schema: META + "hashed.json", type: "number" };
    const hashOf = async () => (await loadSchema(schema, { resolve })).hash;
    metaSchema("hashed.json", { [V + "core"]: true, [V + "validation"]: true });
    const before = await hashOf();
    metaSchema("hashed.json", { [V + "core"]: true });
    expect(await hashOf()).not.toBe(before);
  });

  test("an unknown optional vocabulary is ignored", async () => {
    const $schema = metaSchema("optional.json", { [V + "core"]: true, [V + "validation"]: true, "https://example.com/vocab/custom": false });
    const g = await guardsFor({ $schema, title: "Root", type: "number" }, { resolve });
    expect([g.isRoot!(1), g.isRoot!("1")]).toEqual([true, false]);
  });

  test("an unknown required vocabulary stops generation, naming it and where the meta-schema requires it", async () => {
    const $schema = metaSchema("required.json", { [V + "core"]: true, "https://example.com/vocab/custom": true });
    const error = (await guardsFor({ $schema, type: "number" }, { resolve }).catch((e: unknown) => e)) as CodegenError;
    expect(error).toBeInstanceOf(CodegenError);
    expect(error.code).toBe("unsupportedKeyword");
    expect(error.format()).toMatch(/required\.json#\/\$vocabulary: unsupported vocabulary "https:\/\/example\.com\/vocab\/custom"/);
  });

  test("a meta-schema that cannot be read offline is an unsupported meta-schema, at $schema", async () => {
    const error = (await guardsFor({ $schema: "https://example.org/unknown-meta", type: "number" }).catch((e: unknown) => e)) as CodegenError;
    expect(error.code).toBe("unsupportedKeyword");
    expect(error.format()).toMatch(/^\(schema\)#\/\$schema: unsupported meta-schema "https:\/\/example\.org\/unknown-meta": .*--allow-network/);
  });
});
