/**
 * A document split as `redocly split` writes one (test/fixtures/openapi/split-read-only): every
 * component a `$ref` to a file of its own. Through the real CLI: the files' read-only and write-only
 * properties shape the requests and responses as the document's own would, each component is one
 * type under its name (no `Pet = Pet2` and no collision warning), and a guard's error names the
 * keyword in the file where it is written.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/paths";
import { runCli, type RunResult } from "../helpers/run";
import { compileStrict, writeFiles } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "split-read-only");
const dir = tempDir("koala-codegen-split-read-only-");
const out = path.join(dir, "store");
let result: RunResult;
beforeAll(() => {
  result = runCli(["generate", "--schema", path.join(FIXTURE, "split-store.yaml"), "--out", out], { cwd: dir });
});

test("generates, with no warning", () => {
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
});

test("one type per component, under its own name; requests and responses typed by their views", () => {
  const types = readFileSync(path.join(out, "src", "types.ts"), "utf8").replace(/\s*\/\*\*[^]*?\*\//g, "");
  const names = [...types.matchAll(/^export (?:interface|type) (\w+)/gm)].map((m) => m[1]).sort();
  expect(names).toEqual(["AddOwnerResponse201", "GetPetParamsPath", "GetPetParamsPathPetId", "ListTagsResponse200", "Owner", "OwnerRequest", "OwnerResponse", "Pet", "PetRequest", "PetResponse"]);
  const block = (name: string): string => new RegExp(`export interface ${name} \\{[^}]*\\}`).exec(types)?.[0] ?? `(no ${name})`;
  expect(block("PetRequest")).toMatch(/\{\s+\[key: string\]: unknown;\s+name: string;\s+owner\?: OwnerRequest;\s+\}/);
  expect(block("OwnerResponse")).toMatch(/\{\s+\[key: string\]: unknown;\s+id: number;\s+email: string;\s+\}/);
  const operations = readFileSync(path.join(out, "src", "operations.ts"), "utf8");
  expect(operations).toMatch(/export interface AddPetRequest \{[^}]*body: PetRequest;/);
  expect(operations).toMatch(/export interface AddOwnerRequest \{[^}]*body: OwnerRequest;/);
  expect(operations).toContain("export type AddPetResult = $ApiSuccess<201, PetResponse> | $ApiFailure;");
  // The path item in paths/pets_{petId}.json (a file name with braces, as `redocly split` writes it).
  expect(operations).toContain("export type GetPetResult = $ApiSuccess<200, PetResponse> | $ApiFailure;");
});

test("the guards: a request without its read-only id passes; an error names the file's keyword", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const g = require(path.join(out, "dist", "cjs", "index.js")) as Record<string, (value: unknown) => unknown>;
  expect(g.isPetRequest!({ name: "Rex", owner: { email: "a@b.c", password: "p" } })).toBe(true);
  expect(g.isPet!({ name: "Rex" })).toBe(false);
  expect(g.isPetResponse!({ id: 1, name: "Rex", owner: { id: 2, email: "a@b.c" } })).toBe(true);
  expect((g.validatePetRequest!({ owner: { email: "a@b.c", password: "p" } }) as { errors: unknown }).errors).toEqual([
    { path: "", schemaPath: "schemas/pet.json#/required", keyword: "required", message: "must have required property 'name'" },
  ]);
  expect((g.validateOwnerRequest!({ email: "a@b.c" }) as { errors: unknown }).errors).toEqual([
    { path: "", schemaPath: "schemas/owner.json#/required", keyword: "required", message: "must have required property 'password'" },
  ]);
  // The schema of the single path parameter written in paths/pets_{petId}.json gets validateX only,
  // as a path parameter of the document's own does (wrappers.ts), and its object keeps all four.
  expect([g.validateGetPetParamsPathPetId, g.isGetPetParamsPathPetId, g.assertGetPetParamsPathPetId, g.GetPetParamsPathPetIdSchema].map((f) => typeof f)).toEqual(["function", "undefined", "undefined", "undefined"]);
  expect([g.validateGetPetParamsPath, g.isGetPetParamsPath, g.assertGetPetParamsPath].map((f) => typeof f)).toEqual(["function", "function", "function"]);
});

test("tsc --strict: a request is written without the read-only id", () => {
  writeFiles(path.join(dir, "use"), [
    {
      path: "src/use.ts",
      contents: [
        'import type { AddPetRequest } from "../../store/src/operations.js";',
        'import type { Pet } from "../../store/src/types.js";',
        'export const request: AddPetRequest = { body: { name: "Rex", owner: { email: "a@b.c", password: "p" } } };',
        "// @ts-expect-error: the component as written requires its read-only id",
        'export const pet: Pet = { name: "Rex" };',
      ].join("\n"),
    },
  ]);
  const compiled = compileStrict(dir);
  expect(compiled.stdout).toBe("");
  expect(compiled.status).toBe(0);
});
