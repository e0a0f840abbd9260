/**
 * readOnly/writeOnly in generated output (test/fixtures/openapi/read-write.json): request bodies
 * leave out read-only properties (PetRequest, an inline body's own), responses write-only ones
 * (PetResponse), components stay as written (Pet); parameters are requests too; types, guards and
 * the operation model agree.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";
import { guardsFor, type Guards } from "../helpers/guards";
import { moduleText } from "../helpers/generate";
import { REPO_ROOT } from "../helpers/paths";
import { compileStrict, writeFiles } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const document = JSON.parse(readFileSync(path.join(REPO_ROOT, "test", "fixtures", "openapi", "read-write.json"), "utf8"));
const dir = tempDir();
let g: Guards;
beforeAll(async () => {
  g = await guardsFor(document);
});

test("the operations' bodies name their views: a component's (PetRequest, PetResponse) or their own inline one", () => {
  const operations = readOpenApi(document)!.operations;
  const sites = operations.flatMap((o) => [
    ...(o.requestBody?.contents ?? []).map((c) => `${o.name} request ${c.schema?.name} ${c.schema?.leavesOut}`),
    ...o.responses.flatMap((r) => r.contents.map((c) => `${o.name} ${r.status} ${c.schema?.name} ${c.schema?.leavesOut}`)),
  ]);
  expect(sites).toEqual([
    "listPets 200 ListPetsResponse200 writeOnly",
    "createPet request PetRequest readOnly",
    "createPet 201 PetResponse writeOnly",
    "replacePet request ReplacePetRequestBody readOnly",
    "replacePet 200 ReplacePetResponse200 writeOnly",
  ]);
});

test("types: requests without readOnly properties, responses without writeOnly ones, references pointed at views", async () => {
  const types = (await moduleText(document)).replace(/\s*\/\*\*[^]*?\*\//g, ""); // without the JSDoc (`@readonly`, ...)
  const block = (name: string): string => new RegExp(`export (interface|type) ${name}\\b[^}]*}?`).exec(types)?.[0] ?? `(no ${name})`;
  expect(block("Pet")).toMatch(/id: number;\s+name: string;\s+password: string;\s+owner\?: User;/);
  expect(block("PetRequest")).toMatch(/\[key: string\]: unknown;\s+name: string;\s+password: string;\s+owner\?: UserRequest;\s+}/);
  expect(block("UserRequest")).toMatch(/\[key: string\]: unknown;\s+email: string;\s+}/);
  expect(block("PetResponse")).toMatch(/\[key: string\]: unknown;\s+id: number;\s+name: string;\s+owner\?: User;\s+}/);
  expect(types).toContain("export type ListPetsResponse200 = PetResponse[];");
  expect(block("ListPetsParamsQuery")).toMatch(/owner\?: UserRequest;\s+match\?: ListPetsParamsQueryMatch;\s+}/);
  expect(block("ListPetsParamsQueryMatch")).toMatch(/\[key: string\]: unknown;\s+name: string;\s+}/);
  expect(block("ReplacePetRequestBody")).toMatch(/\[key: string\]: unknown;\s+pet: PetRequest;\s+note\?: string;\s+}/);
  expect(block("ReplacePetResponse200")).toMatch(/\[key: string\]: unknown;\s+pet: PetResponse;\s+}/);
});

test("guards: a request guard does not require a read-only property, a response guard not a write-only one", () => {
  expect(g.isPet({ name: "Rex", password: "s" })).toBe(false);
  expect(g.isPetRequest({ name: "Rex", password: "s" })).toBe(true);
  expect(g.isPetRequest({ name: "Rex" })).toBe(false);
  expect(g.isPetRequest({ name: "Rex", password: "s", owner: { email: "a@b.c" } })).toBe(true);
  expect(g.isPetResponse({ id: 1, name: "Rex" })).toBe(true);
  expect(g.isPetResponse({ name: "Rex" })).toBe(false);
  expect(g.isPetResponse({ id: 1, name: "Rex", owner: { email: "a@b.c" } })).toBe(false); // User keeps its read-only id in a response
  expect(g.isReplacePetRequestBody({ pet: { name: "Rex", password: "s" } })).toBe(true);
  // An inline response body has validateX alone (emit/guards/wrappers.ts).
  expect(g.validateReplacePetResponse200({ pet: { id: 1, name: "Rex" } }).ok).toBe(true);
  expect(g.validateReplacePetResponse200({ pet: { name: "Rex" } }).ok).toBe(false);
  expect(g.validateListPetsResponse200([{ id: 1, name: "Rex" }]).ok).toBe(true);
  // Parameters are requests too: a component's view, or the parameter's own.
  expect(g.isListPetsParamsQuery({ owner: { email: "a@b.c" }, match: { name: "Rex" } })).toBe(true);
  expect(g.isListPetsParamsQuery({ owner: {} })).toBe(false);
  expect(g.isListPetsParamsQueryMatch({ name: "Rex" })).toBe(true);
});

test("a view's errors name the place it was made from, not the made schema (a document held in memory)", () => {
  const required = (schemaPath: string, name: string) => ({ path: "", schemaPath, keyword: "required", message: `must have required property '${name}'` });
  // A component's view: the component's own keyword.
  expect(g.validatePetRequest({ password: "s" }).errors).toEqual([required("#/components/schemas/Pet/required", "name")]);
  expect(g.validatePetResponse({ name: "Rex" }).errors).toEqual([required("#/components/schemas/Pet/required", "id")]);
  // An inline body's and a parameter's view: their schema in the operation.
  expect(g.validateReplacePetRequestBody({}).errors).toEqual([required("#/paths/~1pets~1{id}/put/requestBody/content/application~1json/schema/required", "pet")]);
  expect(g.validateListPetsParamsQueryMatch({}).errors).toEqual([required("#/paths/~1pets/get/parameters/1/schema/required", "name")]);
  expect(g.validateListPetsResponse200({}).errors).toEqual([{ path: "", schemaPath: "#/paths/~1pets/get/responses/200/content/application~1json/schema/type", keyword: "type", message: "must be array" }]);
});

test("tsc --strict: the views are what a request and a response hold", async () => {
  const { files } = await generate({ schema: document, emit: ["types"], build: false });
  writeFiles(path.join(dir, "store"), files);
  writeFiles(path.join(dir, "use"), [
    {
      path: "src/use.ts",
      contents: [
        'import type { Pet, PetRequest, PetResponse } from "../../store/src/types.js";',
        'export const request: PetRequest = { name: "Rex", password: "s" };',
        'export const response: PetResponse = { id: 1, name: "Rex" };',
        "// @ts-expect-error: the component as written requires its read-only id",
        'export const pet: Pet = { name: "Rex", password: "s" };',
        "// @ts-expect-error: a response still requires the read-only id",
        'export const incomplete: PetResponse = { name: "Rex" };',
      ].join("\n"),
    },
  ]);
  const result = compileStrict(dir);
  expect(result.stdout).toBe("");
  expect(result.status).toBe(0);
});
