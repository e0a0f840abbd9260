/**
 * An OpenAPI 3.0 document split over files (test/fixtures/openapi/split-30): the files it
 * references speak its Schema Object dialect, as its own schemas do (document-30.ts's fromFile30).
 * Before, they were read as JSON Schema 2020-12: `nullable` was ignored there (a null the API sends
 * failed the response guard) and a boolean `exclusiveMaximum` refused the whole document.
 */
import * as path from "node:path";
import { fromFile30 } from "../../generator/load/openapi/document-30";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "split-30");
type Guards = Record<string, (value: unknown) => unknown>;
const dir = tempDir("koala-codegen-split-30-");
let g: Guards;
let types: string;
beforeAll(async () => {
  const { module, files } = await loadGenerated<Guards>(dir, { schema: await parseDocument(path.join(FIXTURE, "split-store-30.yaml")), cwd: FIXTURE, formatter: async (text) => text });
  g = module;
  types = files.get("src/types.ts")!;
});

test("the files' schemas: nullable, boolean exclusive bounds, a $ref's siblings ignored", () => {
  expect(types).toMatch(/name: string \| null;/);
  expect(types.replace(/\s+/g, " ")).toContain("export type Owner = { email?: string; [key: string]: unknown; } | null;");
  expect(g.isPet!({ name: null, age: 1 })).toBe(true);
  expect(g.isPet!({ name: "Rex", age: 0 })).toBe(false); // minimum 0 with exclusiveMinimum: true
  expect(g.isPet!({ name: "Rex", age: 1, owner: null })).toBe(true); // the sibling `type: string` ignored
  expect(g.isPet!({ name: "Rex", age: 1, owner: "x" })).toBe(false);
  expect((g.validatePet!({ name: "Rex", age: 0 }) as { errors: { schemaPath: string }[] }).errors.map((e) => e.schemaPath)).toEqual(["schemas.json#/Pet/properties/age/exclusiveMinimum"]);
});

test("a parameter in a file of parameters: its schema converted, the parameter's own example kept", () => {
  expect(g.isListPetsParamsQuery!({ minAge: null })).toBe(true);
  expect(g.isListPetsParamsQuery!({ minAge: 30 })).toBe(false);
  expect(g.isListPetsParamsQuery!({ minAge: 29 })).toBe(true);
});

test("fromFile30: schemas by name, parameters and responses walked into; data and a file's own $schema left alone", () => {
  const file = {
    Pet: { type: "string", nullable: true },
    Limit: { name: "limit", in: "query", example: { nullable: true }, schema: { type: "integer", minimum: 1, exclusiveMinimum: true } },
    Ok: { description: "ok", content: { "application/json": { schema: { $ref: "#/Pet", nullable: true }, examples: { a: { value: { type: "x", nullable: true } } } } } },
    "x-data": { nullable: true },
  };
  const before = JSON.stringify(file);
  expect(fromFile30(file)).toEqual({
    Pet: { type: ["string", "null"] },
    Limit: { name: "limit", in: "query", example: { nullable: true }, schema: { type: "integer", exclusiveMinimum: 1 } },
    Ok: { description: "ok", content: { "application/json": { schema: { anyOf: [{ $ref: "#/Pet" }, { type: "null" }] }, examples: { a: { value: { type: "x", nullable: true } } } } } },
    "x-data": { nullable: true },
  });
  expect(JSON.stringify(file)).toBe(before);
  const declared = { $schema: "http://json-schema.org/draft-07/schema#", type: "string", nullable: true };
  expect(fromFile30(declared)).toBe(declared);
  expect(fromFile30({ type: "integer", maximum: 5, exclusiveMaximum: true })).toEqual({ type: "integer", exclusiveMaximum: 5 });
});
