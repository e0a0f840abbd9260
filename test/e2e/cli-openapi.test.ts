/**
 * OpenAPI 3.0 and 3.1 documents as input, through the real CLI: every example of the specification
 * (../shared/openapi) generates types, guards and builders of its `components.schemas` and of the
 * inline schemas of its operations, and every package compiles under `tsc --strict` (one run);
 * documents that break the specification are refused with one line per finding and nothing written;
 * Koala's OpenAPI document gives the same guards as its JSON Schemas. Fails where ../shared is absent.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { INVALID_BATCH, VALID_BATCH, invalidRealisticBatch, realisticBatch } from "../../scripts/lib/koala-payloads";
import { KOALA_OUT, REPO_ROOT } from "../helpers/paths";
import { generate as generateInMemory } from "../../generator/index";
import { readOpenApi } from "../../generator/load/openapi/read-openapi";
import { parseDocument } from "../helpers/openapi";
import { runCli, type RunResult } from "../helpers/run";
import { compileStrict } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const OAS = path.resolve(REPO_ROOT, "..", "shared", "openapi");
if (!existsSync(OAS)) throw new Error(`${OAS} not found: this test reads the OpenAPI examples from ../shared/openapi`);

const dir = tempDir("koala-codegen-openapi-");
const yamlIn = (folder: string): string[] => readdirSync(path.join(OAS, folder)).filter((f) => f.endsWith(".yaml")).sort().map((f) => path.join(OAS, folder, f));

/**
 * Documents of 3.1/pass that are refused all the same: pass/ holds documents that are valid against
 * the official JSON Schema of OpenAPI 3.1, which cannot express these rules of the specification.
 * operation-object-example.yaml: its put declares path parameter "petId" on /pets/{id} and uses a
 * security scheme it never declares; parameter-object-examples.yaml: path parameter "usernames" on
 * /user/{username}; security-scheme-object-examples.yaml: a `$ref` to https://example.com, which
 * is never fetched without --allow-network (exit 6, as any remote `$ref`).
 */
const REFUSED: Record<string, { exitCode: number; lines: RegExp[] }> = {
  "operation-object-example.yaml": {
    exitCode: 12,
    lines: [
      /operation-object-example\.yaml#\/paths\/~1pets~1%7Bid%7D\/put\/parameters\/0: path parameter "petId" is not in the path template$/,
      /operation-object-example\.yaml#\/paths\/~1pets~1%7Bid%7D\/put: path parameter "id" of \/pets\/\{id\} is not declared/,
      /operation-object-example\.yaml#\/paths\/~1pets~1%7Bid%7D\/put\/security\/0\/petstore_auth: security scheme "petstore_auth" is not declared in components\.securitySchemes$/,
    ],
  },
  "parameter-object-examples.yaml": { exitCode: 12, lines: [/parameter-object-examples\.yaml#\/paths\/~1user~1%7Busername%7D\/parameters\/1: path parameter "usernames" is not in the path template$/] },
  "security-scheme-object-examples.yaml": {
    exitCode: 6,
    lines: [/security-scheme-object-examples\.yaml#\/components\/securitySchemes\/external\/\$ref: \$ref to remote https:\/\/example\.com\/api\/openapi\.json is not fetched without --allow-network; map it with --resolve <prefix>=<folder>$/],
  },
};

const generated = [...yamlIn("3.0/examples"), ...yamlIn("3.1/pass")].filter((file) => REFUSED[path.basename(file)] === undefined);
const outOf = (file: string): string => path.join(dir, "packages", `${path.basename(path.dirname(file))}-${path.basename(file, ".yaml")}`);

function generate(schema: string, out: string, ...artifacts: string[]): RunResult {
  return runCli(["generate", "--schema", schema, "--out", out, "--quiet", "--emit", ...(artifacts.length > 0 ? artifacts : ["types", "guards", "builders", "client"])], { cwd: dir });
}

describe("the examples of the specification", () => {
  const results = new Map<string, RunResult>();
  beforeAll(() => {
    for (const file of generated) results.set(file, generate(file, outOf(file)));
  });

  test.each(generated.map((file) => [path.relative(OAS, file), file]))("%s generates types, guards, builders and one client function per operation", async (_, file) => {
    const result = results.get(file)!;
    // Only an operation renamed away from another export of the package (petstore's createPets, the builder of Pets) may be said.
    expect(result.stderr.split("\n").filter((line) => line !== "" && !/: "\w+" is taken by another export of the package; using "\w+"$/.test(line))).toEqual([]);
    expect(result.status).toBe(0);
    for (const module of ["types.ts", "guards.ts", "builders.ts"]) expect(existsSync(path.join(outOf(file), "src", module))).toBe(true);
    // The operations map lists each function once: as many as the document has operations (none: no operations.ts).
    const operations = readOpenApi(await parseDocument(file))!.operations;
    const client = path.join(outOf(file), "src", "operations.ts");
    if (operations.length === 0) expect(existsSync(client)).toBe(false);
    else expect(readFileSync(client, "utf8").match(/readonly call: typeof /g)).toHaveLength(operations.length);
  });

  test("every package compiles under tsc --strict", () => {
    const compiled = compileStrict(path.join(dir, "packages"), { timeout: 240_000 });
    expect(compiled.stdout + compiled.stderr).toBe("");
    expect(compiled.status).toBe(0);
  });

  test("component schemas keep their keys; inline schemas are named operation + role", () => {
    const types = readFileSync(path.join(outOf(path.join(OAS, "3.0/examples/petstore.yaml")), "src", "types.ts"), "utf8");
    expect(types).toMatch(/export interface Pet \{/);
    expect(types).toMatch(/export type Pets = Pet\[\];/);
    expect(types).toMatch(/export interface ListPetsParamsQuery \{\n(.*\n)*?\s+limit\?: ListPetsParamsQueryLimit;/);
    expect(types).toMatch(/export interface ShowPetByIdParamsPath \{\n(.*\n)*?\s+petId: ShowPetByIdParamsPathPetId;/);
  });
});

test.each(Object.entries(REFUSED))("3.1/pass/%s is refused: one line per finding, its exit code, nothing written", (name, { exitCode, lines }) => {
  const out = path.join(dir, "refused", name);
  const result = generate(path.join(OAS, "3.1/pass", name), out);
  expect(result.status).toBe(exitCode);
  const printed = result.stderr.trim().split("\n");
  expect(printed).toHaveLength(lines.length);
  printed.forEach((line, i) => expect(line).toMatch(new RegExp(`^koala-codegen: .*${lines[i]!.source}`)));
  expect(existsSync(out)).toBe(false);
});

/** The pointer and the keyword of the official schema (schemas/openapi-3.1/schema.yaml) each 3.1/fail document breaks. */
const FAILS: Record<string, [pointer: string, schemaPath: string]> = {
  "example-examples.yaml": ["#/components/parameters/animal", "#/$defs/examples/not"],
  "header-object-allowReserved.yaml": ["#/components/headers/Style", "#/$defs/header/unevaluatedProperties"],
  "invalid_schema_types.yaml": ["#/components/schemas/invalid_null", "#/$defs/schema/type"],
  "link-object-no-body.yaml": ["#/components/links/Link-Object-with-body-property", "#/$defs/link/unevaluatedProperties"],
  "no_containers.yaml": ["#", "#/anyOf/0/required"],
  "parameter-object-cookie-form-allowReserved.yaml": ["#/components/parameters/style_cookie/style", "#/$defs/parameter/dependentSchemas/schema/$defs/styles-for-cookie/then"],
  "parameter-object-header-allowReserved.yaml": ["#/components/parameters/header", "#/$defs/parameter/unevaluatedProperties"],
  "parameter-object-path-allowReserved.yaml": ["#/components/parameters/path", "#/$defs/parameter/dependentSchemas/schema/$defs/styles-for-path/then/required"],
  "server_enum_empty.yaml": ["#/servers/0/variables/var/enum", "#/$defs/server-variable/properties/enum/minItems"],
  "servers.yaml": ["#/servers", "#/properties/servers/type"],
  "unknown_container.yaml": ["#", "#/anyOf/0/required"],
};

test("FAILS lists every document of 3.1/fail", () => {
  expect(Object.keys(FAILS).sort()).toEqual(yamlIn("3.1/fail").map((f) => path.basename(f)));
});

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");

/**
 * Refused by the official schema of its version: one line naming the file, the JSON pointer and the
 * schema's keyword, exit 12, and the previous content of the output folder left as it was.
 */
function expectRefusedByOfficialSchema(file: string, version: string, pointer: string, schemaPath: string): void {
  const out = path.join(dir, "refused", version, path.basename(file));
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, "previous.txt"), "the previous output\n");
  const result = generate(file, out);
  expect(result.status).toBe(12);
  expect(result.stderr.trim()).toMatch(new RegExp(`^koala-codegen: .*${escape(`${path.basename(file)}${pointer}: `)}.*${escape(`(OpenAPI ${version} schema: ${schemaPath}`)}`));
  expect(result.stderr.trim().split("\n")).toHaveLength(1);
  expect(readdirSync(out)).toEqual(["previous.txt"]);
  expect(readFileSync(path.join(out, "previous.txt"), "utf8")).toBe("the previous output\n");
}

test.each(Object.entries(FAILS))("3.1/fail/%s is refused by the official schema: one line, exit 12, nothing written", (name, [pointer, schemaPath]) => {
  expectRefusedByOfficialSchema(path.join(OAS, "3.1/fail", name), "3.1", pointer, schemaPath);
});

/** Hand-made 3.0 documents (test/fixtures/openapi/invalid-30) that only the official 3.0 schema refuses, and where. */
const INVALID_30: Record<string, [pointer: string, schemaPath: string]> = {
  // A component's own mistake, not the Reference alternative's missing `$ref` (official-schema-references.test.ts).
  "component-response-without-description.yaml": ["#/components/responses/NotFound", "#/definitions/Response/required"],
  // The two either-or rules, named in words (official-schema-pairs.test.ts).
  "example-and-examples.yaml": ["#/paths/~1pets/get/responses/200/content/application~1json", "#/definitions/ExampleXORExamples/not"],
  "info-without-version.yaml": ["#/info", "#/definitions/Info/required"],
  // Its `x-allowed` is a patterned field (^x-) and passes: only `foo` is reported.
  "operation-unknown-field.yaml": ["#/paths/~1pets/get", "#/definitions/Operation/additionalProperties"],
  // Every kind of parameter refuses `in: body`: the `in` is the mistake.
  "parameter-in-body.yaml": ["#/paths/~1pets/post/parameters/0/in", "#/definitions/PathParameter/properties/in/enum"],
  // The query branch's own mistake, not the other branches' `in` (official-schema-tags.test.ts).
  "query-style-simple.yaml": ["#/paths/~1pet~1findByStatus/get/parameters/0/style", "#/definitions/QueryParameter/properties/style/enum"],
  "response-without-description.yaml": ["#/paths/~1pets/get/responses/200", "#/definitions/Response/required"],
  "schema-and-content.yaml": ["#/paths/~1pets/get/parameters/0", "#/definitions/SchemaXORContent/oneOf"],
  "schema-null.yaml": ["#/paths/~1items/post/requestBody/content/application~1json/schema", "#/definitions/Schema/type"],
  "schema-type-null.yaml": ["#/components/schemas/Metadata/properties/json_metadata/anyOf/1/type", "#/definitions/Schema/properties/type/enum"],
  "security-scheme-extra-field.yaml": ["#/components/securitySchemes/ApiKey", "#/definitions/APIKeySecurityScheme/additionalProperties"],
  "server-variable-without-default.yaml": ["#/servers/0/variables/region", "#/definitions/ServerVariable/required"],
};
const INVALID_30_DIR = path.join(REPO_ROOT, "test", "fixtures", "openapi", "invalid-30");

test("INVALID_30 lists every document of test/fixtures/openapi/invalid-30", () => {
  expect(Object.keys(INVALID_30)).toEqual(readdirSync(INVALID_30_DIR).sort());
});

test.each(Object.entries(INVALID_30))("invalid-30/%s is refused by the official 3.0 schema: one line, exit 12, previous output intact", (name, [pointer, schemaPath]) => {
  expectRefusedByOfficialSchema(path.join(INVALID_30_DIR, name), "3.0", pointer, schemaPath);
});

test("without --emit, the package has one client function per operation (operations.ts), no endpoint client", () => {
  const out = path.join(dir, "with-client");
  const result = runCli(["generate", "--schema", path.join(OAS, "3.0/examples/petstore.yaml"), "--out", out, "--quiet"], { cwd: dir });
  expect(result.status).toBe(0);
  // petstore's operation createPets meets the builder createPets of its schema Pets.
  expect(result.stderr.trim()).toMatch(/^warning: .*petstore\.yaml: operation POST \/pets: "createPets" is taken by another export of the package; using "createPetsOperation"$/);
  expect(existsSync(path.join(out, "src", "client.ts"))).toBe(false);
  const operations = readFileSync(path.join(out, "src", "operations.ts"), "utf8");
  for (const fn of ["listPets", "createPetsOperation", "showPetById", "createSwaggerPetstoreClient"]) expect(operations).toMatch(new RegExp(`^export function ${fn}\\(`, "m"));
});

describe("inline schemas of an operation", () => {
  const out = path.join(dir, "inline");
  let guards: Record<string, (value: unknown) => any>;
  beforeAll(() => {
    const schema = path.join(dir, "users.yaml");
    writeFileSync(
      schema,
      [
        "openapi: 3.0.3",
        "info: {title: Users, version: '1'}",
        "paths:",
        "  /users/{id}:",
        "    get:",
        "      operationId: getUser",
        "      parameters:",
        "        - {name: id, in: path, required: true, schema: {type: integer, minimum: 1}}",
        "        - {name: fields, in: query, schema: {type: string, nullable: true}}",
        "      responses:",
        "        '200':",
        "          description: The user",
        "          content:",
        "            application/json:",
        "              schema:",
        "                type: object",
        "                required: [id, name]",
        "                properties:",
        "                  id: {type: integer}",
        "                  name: {type: string}",
        "                  nickname: {type: string, nullable: true}",
        "        default:",
        "          description: An error",
        "          content: {application/json: {schema: {$ref: '#/components/schemas/Problem'}}}",
        "components:",
        "  schemas:",
        "    Problem: {type: object, required: [title], properties: {title: {type: string}}}",
        "",
      ].join("\n"),
    );
    const result = generate(schema, out, "types", "guards");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    guards = require(path.join(out, "dist", "cjs", "index.js"));
  });

  test("a guard for an inline response schema (3.0 nullable converted): validateX, the one the client calls", () => {
    const validate = guards.validateGetUserResponse200!;
    expect(validate({ id: 1, name: "Ada" }).ok).toBe(true);
    expect(validate({ id: 1, name: "Ada", nickname: null }).ok).toBe(true);
    expect(validate({ id: "1", name: "Ada" }).ok).toBe(false);
    expect(validate({ id: 1 }).ok).toBe(false);
    expect(guards.isGetUserResponse200).toBeUndefined();
  });

  test("a reference to a component is that component's type, no alias", () => {
    const types = readFileSync(path.join(out, "src", "types.ts"), "utf8");
    expect(types).not.toMatch(/GetUserResponseDefault/);
    expect(guards.isProblem!({ title: "Not found" })).toBe(true);
  });

  test("a guard per parameter location: closed for path and query", () => {
    expect(guards.isGetUserParamsPath!({ id: 3 })).toBe(true);
    expect(guards.isGetUserParamsPath!({ id: 0 })).toBe(false);
    expect(guards.isGetUserParamsPath!({})).toBe(false);
    expect(guards.isGetUserParamsQuery!({ fields: null })).toBe(true);
    expect(guards.isGetUserParamsQuery!({ other: "x" })).toBe(false);
  });
});

describe("Koala's OpenAPI document", () => {
  const out = path.join(dir, "koala-openapi");
  let fromOpenApi: Record<string, (value: unknown) => any>;
  let fromJsonSchema: Record<string, (value: unknown) => any>;
  beforeAll(() => {
    const result = generate(path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml"), out, "types", "guards");
    expect(result.status).toBe(0);
    fromOpenApi = require(path.join(out, "dist", "cjs", "index.js"));
    fromJsonSchema = require(path.join(KOALA_OUT, "dist", "cjs", "index.js"));
  });

  test("the request bodies are named by the referenced schemas' titles", () => {
    const types = readFileSync(path.join(out, "src", "types.ts"), "utf8");
    expect(types).toMatch(/export (interface|type) KoalaProfileBatchRequest\b/);
    expect(types).toMatch(/export (interface|type) KoalaAccountBatchRequest\b/);
    expect(types).not.toMatch(/BatchRequestBody/);
  });

  const account = { domain: "acme.com", identifies: [{ type: "identify", traits: { plan: "pro" } }], events: [{ type: "track", event: "Renewed", sent_at: "2024-03-01T08:00:00Z" }] };
  const badAccount = { events: [{ type: "track", sent_at: "yesterday" }], identifies: "no" };
  const payloads: [string, unknown][] = [
    ["VALID_BATCH", VALID_BATCH],
    ["INVALID_BATCH", INVALID_BATCH],
    ["realisticBatch", realisticBatch()],
    ["invalidRealisticBatch", invalidRealisticBatch()],
    ["an account batch", account],
    ["an invalid account batch", badAccount],
  ];

  /** The schema file is named from the working folder in one package's schema paths, not in the other's: the pointers must agree. */
  const comparable = (result: { ok: boolean; errors?: { schemaPath: string }[] }) => ({ ...result, errors: result.errors?.map((e) => ({ ...e, schemaPath: e.schemaPath.slice(e.schemaPath.indexOf("#")) })) });

  test.each(["KoalaProfileBatchRequest", "KoalaAccountBatchRequest"])("%s: the same verdicts and errors as the JSON Schema package's guards", (name) => {
    for (const [, payload] of payloads) {
      expect(fromOpenApi[`is${name}`]!(payload)).toBe(fromJsonSchema[`is${name}`]!(payload));
      expect(comparable(fromOpenApi[`validate${name}`]!(payload))).toEqual(comparable(fromJsonSchema[`validate${name}`]!(payload)));
    }
    // Not vacuous: each guard accepts one payload and rejects another.
    expect(payloads.map(([, p]) => fromOpenApi[`is${name}`]!(p))).toEqual(expect.arrayContaining([true, false]));
  });
});

test("a config's schemas[].path may name an OpenAPI document", () => {
  const project = path.join(dir, "project");
  mkdirSync(project, { recursive: true });
  writeFileSync(path.join(project, "api.yaml"), readFileSync(path.join(OAS, "3.0/examples/petstore-expanded.yaml")));
  writeFileSync(path.join(project, "koala-codegen.config.json"), JSON.stringify({ out: "gen", schemas: [{ path: "api.yaml", emit: ["types", "guards"] }] }));
  const result = runCli(["generate", "--quiet"], { cwd: project });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  const guards = require(path.join(project, "gen", "dist", "cjs", "index.js"));
  expect(guards.isNewPet({ name: "Rex" })).toBe(true);
  expect(guards.isNewPet({ tag: "dog" })).toBe(false);
  expect(guards.isPet({ name: "Rex", id: 1 })).toBe(true);
  expect(guards.isPet({ name: "Rex" })).toBe(false);
});

test("generate({ schema }) takes a parsed OpenAPI document", async () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "Tiny", version: "1" },
    paths: { "/items": { get: { responses: { "200": { description: "Items", content: { "application/json": { schema: { type: "array", items: { $ref: "#/components/schemas/Item" } } } } } } } } },
    components: { schemas: { Item: { type: "object", required: ["id"], properties: { id: { type: "string" } } } } },
  };
  const result = await generateInMemory({ schema: document, emit: ["types"], build: false, format: false });
  const types = result.files.find((f) => f.path === "src/types.ts")!.contents;
  expect(types).toMatch(/export interface Item \{/);
  expect(types).toMatch(/export type GetItemsResponse200 = Item\[\];/);
  expect(result.model.rootName).toBe("Tiny");
});
