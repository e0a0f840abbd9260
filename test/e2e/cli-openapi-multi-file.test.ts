/**
 * An OpenAPI document split over files (test/fixtures/openapi/multi-file): `$ref`s to a path item
 * (YAML), parameters, a request body and responses (JSON), a response (YAML) that refers back to the
 * document's own components, and a JSON Schema file, all through the real CLI. The schemas they hold
 * become types and guards like the document's own; a missing file is one line naming the `$ref`.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, type Dirent } from "node:fs";
import * as path from "node:path";
import { REPO_ROOT } from "../helpers/paths";
import { runCli, type RunResult } from "../helpers/run";
import { compileStrict } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "multi-file");
const dir = tempDir("koala-codegen-multi-file-");
const out = path.join(dir, "packages", "split-pets");
let result: RunResult;
beforeAll(() => {
  result = runCli(["generate", "--schema", path.join(FIXTURE, "api.yaml"), "--out", out, "--emit", "types", "guards", "builders"], { cwd: dir });
});

test("generates, with no warning", () => {
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
});

test("the schemas of the other files are typed: parameters, bodies, responses, the path item's and the JSON Schema file's", () => {
  const types = readFileSync(path.join(out, "src", "types.ts"), "utf8");
  for (const line of [
    "export type ListPetsParamsQueryLimit = number;",
    "export type ListPetsResponse200 = Pet[];",
    "export type GetPetParamsPathId = number;",
    "export interface Pet {",
    "export interface SchemasPetEnvelope {",
    "export interface Error_ {",
  ]) {
    expect(types).toContain(line);
  }
});

test("their guards check what those files say", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const g = require(path.join(out, "dist", "cjs", "index.js")) as Record<string, (value: unknown) => boolean>;
  expect(g.isListPetsParamsQuery!({ limit: 100 })).toBe(true);
  expect(g.isListPetsParamsQuery!({ limit: 101 })).toBe(false); // components.json: maximum 100
  expect(g.isGetPetParamsPath!({ id: 0 })).toBe(false); // components.json: minimum 1
  expect(g.isSchemasPetEnvelope!({ pet: { id: 1, name: "Rex" } })).toBe(true);
  expect(g.isSchemasPetEnvelope!({ pet: { id: 1, name: "" } })).toBe(false); // schemas/pet.schema.json: minLength 1
  expect(g.isError_!({ message: "no such pet" })).toBe(true); // responses/errors.yaml → api.yaml#/components/schemas/Error
  expect(g.isError_!({})).toBe(false);
});

test("a guard's error names another file's keyword relative to the document's folder", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const g = require(path.join(out, "dist", "cjs", "index.js")) as Record<string, (value: unknown) => { ok: boolean; errors?: { schemaPath: string }[] }>;
  expect(g.validateListPetsParamsQuery!({ limit: 101 }).errors?.map((e) => e.schemaPath)).toEqual(["components.json#/parameters/Limit/schema/maximum"]);
  expect(g.validateSchemasPetEnvelope!({ pet: { id: 1, name: "" } }).errors?.map((e) => e.schemaPath)).toEqual(["schemas/pet.schema.json#/properties/name/minLength"]);
});

test("the package is the same byte for byte whichever folder generate runs from and however --schema is spelled", () => {
  // The first run gave an absolute path from a temporary folder; this one a relative path from the
  // document's own folder. Before, the guards named the other files relative to the working folder
  // (`../../work/.../components.json#/...` here), so a drift check run from elsewhere failed.
  const again = path.join(dir, "again");
  const second = runCli(["generate", "--schema", "api.yaml", "--out", again, "--emit", "types", "guards", "builders"], { cwd: FIXTURE });
  expect(second.stderr).toBe("");
  expect(second.status).toBe(0);
  const files = (root: string): string[] => (readdirSync(root, { recursive: true, withFileTypes: true }) as Dirent[]).filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name))).sort();
  expect(files(again)).toEqual(files(out));
  for (const file of files(out)) expect([file, readFileSync(path.join(again, file), "utf8")]).toEqual([file, readFileSync(path.join(out, file), "utf8")]);
});

test("the package compiles under tsc --strict", () => {
  const compiled = compileStrict(path.join(dir, "packages"));
  expect(compiled.stdout).toBe("");
  expect(compiled.status).toBe(0);
});

test("the client types and checks every body and response written in the other files", () => {
  // Every artifact this time (the run above emits no client). Before, a site in another file (the
  // path item's bodies and responses, the responses' files) was looked up without its file: `unknown`
  // and unchecked, although its type was generated.
  const all = path.join(dir, "packages", "split-pets-client");
  const run = runCli(["generate", "--schema", path.join(FIXTURE, "api.yaml"), "--out", all], { cwd: dir });
  expect(run.status).toBe(0);
  const operations = readFileSync(path.join(all, "src", "operations.ts"), "utf8");
  expect(operations).toContain("export type ListPetsResult = $ApiSuccess<200, ListPetsResponse200> | $ApiFailure;");
  expect(operations).toMatch(/export interface CreatePetRequest \{[^}]*body: Pet;/);
  expect(operations).toMatch(/export type GetPetResult =\s*\| \$ApiSuccess<200, SchemasPetEnvelope>\s*\| \(\$ApiHttpError<404, Error_> & \{ header: GetPetResponse404Headers \}\)/);
  expect(operations).toContain('bodies: [{ mediaType: "application/json", encode: $jsonBody, validate: validatePet }]');
  expect(operations).toContain('responses: { "200": validateSchemasPetEnvelope, "404": validateError_ }');
  expect(operations).not.toMatch(/\bunknown\b/);
});

test("a referenced file that is missing: one line naming the $ref, exit 6, nothing written", () => {
  const copy = path.join(dir, "broken");
  cpSync(FIXTURE, copy, { recursive: true });
  rmSync(path.join(copy, "components.json"));
  const broken = runCli(["generate", "--schema", "api.yaml", "--out", "out", "--emit", "types"], { cwd: copy });
  expect(broken.stderr).toBe(`koala-codegen: api.yaml#/paths/~1pets~1%7Bid%7D/get/parameters/0/$ref: $ref target ${new URL(`file://${path.join(copy, "components.json")}`).href}: file not found: ${path.join(copy, "components.json")}\n`);
  expect(broken.status).toBe(6);
  expect(existsSync(path.join(copy, "out"))).toBe(false);
});

test("a mistake in a referenced file outside the working folder names that file by its absolute path, not ../../", () => {
  const copy = path.join(dir, "outside", "api");
  cpSync(FIXTURE, copy, { recursive: true });
  writeFileSync(path.join(copy, "components.json"), `{ ,${readFileSync(path.join(FIXTURE, "components.json"), "utf8").slice(1)}`);
  const elsewhere = path.join(dir, "elsewhere");
  mkdirSync(elsewhere);
  const outside = runCli(["generate", "--schema", path.join(copy, "api.yaml"), "--out", "out", "--emit", "types"], { cwd: elsewhere });
  expect(outside.stderr).toBe(`koala-codegen: ${path.join(copy, "components.json")}:1:3: invalid JSON: Expected property name or '}'\n`);
  expect(outside.status).toBe(4);
  // Inside the working folder it stays relative.
  const inside = runCli(["generate", "--schema", path.join("api", "api.yaml"), "--out", "out", "--emit", "types"], { cwd: path.dirname(copy) });
  expect(inside.stderr).toBe("koala-codegen: api/components.json:1:3: invalid JSON: Expected property name or '}'\n");
  expect(existsSync(path.join(elsewhere, "out"))).toBe(false);
});
