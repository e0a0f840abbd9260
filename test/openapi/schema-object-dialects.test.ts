/**
 * OpenAPI 3.1 Schema Objects are read in the dialect the document names in `jsonSchemaDialect`,
 * unless a Schema Object names its own in `$schema`, which the specification says MUST be used for
 * it (ReadMe's schema-validation-top-level and schema-validation-local, @readme/oas-examples: a
 * 2020-12 `exclusiveMinimum: 10` under a draft-04 `jsonSchemaDialect` was refused as "must be a
 * boolean"). A `$schema` naming no dialect we read is refused with its pointer.
 */
import * as path from "node:path";
import { generate } from "../../generator/index";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "schema-object-dialects.json");
type Guard = (value: unknown) => boolean;

const dir = tempDir("koala-codegen-schema-dialects-");

test("draft-04 by jsonSchemaDialect, 2020-12 where a Schema Object says so in $schema, each guard by its own rules", async () => {
  const { module } = await loadGenerated<Record<string, Guard>>(path.join(dir, "out"), { schema: await parseDocument(FIXTURE), cwd: path.dirname(FIXTURE), formatter: async (text) => text });
  const query = module.isGetNumbersParamsQuery!;
  // draft04: minimum 10 with exclusiveMinimum true (draft-04 booleans); own2020: exclusiveMinimum 10 (a number, 2020-12).
  expect(query({ draft04: 15, own2020: 15 })).toBe(true);
  expect(query({ draft04: 10, own2020: 15 })).toBe(false);
  expect(query({ draft04: 15, own2020: 10 })).toBe(false);
  expect(query({ draft04: 15, own2020: 20 })).toBe(false);
  // A component with its own 2020-12 $schema: numeric exclusiveMinimum, and prefixItems with items: false.
  expect(module.isLimits!({ low: 10.5, tags: ["a"] })).toBe(true);
  expect(module.isLimits!({ low: 10, tags: ["a"] })).toBe(false);
  expect(module.isLimits!({ low: 11, tags: ["a", "b"] })).toBe(false);
  // A component without one: the document's draft-04.
  expect(module.isLegacy!({ level: 4 })).toBe(true);
  expect(module.isLegacy!({ level: 5 })).toBe(false);
});

test("a Schema Object's $schema naming the OAS 3.1 base dialect (any dated revision) reads as 2020-12", async () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "OAS dialect", version: "1" },
    jsonSchemaDialect: "http://json-schema.org/draft-04/schema#",
    paths: {},
    components: { schemas: { Low: { $schema: "https://spec.openapis.org/oas/3.1/dialect/base", type: "number", exclusiveMinimum: 10 } } },
  };
  const { files } = await generate({ schema: document, build: false, format: false });
  expect(files.find((f) => f.path === "src/guards.ts")?.contents).toMatch(/> 10\b/);
});

test("a Schema Object's $schema naming no dialect (ReadMe's draft-05) is refused at its pointer", async () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "Draft 05", version: "1" },
    paths: { "/n": { get: { parameters: [{ in: "query", name: "n", schema: { $schema: "https://json-schema.org/draft-05/schema#", type: "number" } }], responses: { "204": { description: "none" } } } } },
  };
  const refused = generate({ schema: document, build: false, format: false });
  await expect(refused).rejects.toThrow(/^unsupported meta-schema "https:\/\/json-schema\.org\/draft-05\/schema#"/);
  await expect(refused).rejects.toMatchObject({ location: { pointer: "#/paths/~1n/get/parameters/0/schema/$schema" } });
});
