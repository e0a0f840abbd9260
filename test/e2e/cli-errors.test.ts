/**
 * Bad input: one line naming the file and where (line:column or JSON pointer), a non-zero exit
 * code of its own, and the previous output left exactly as it was.
 */
import { chmodSync, mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { readTree } from "../../generator/write/write-output";
import { KOALA_SCHEMA, REPO_ROOT } from "../helpers/paths";
import { runCli } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const dir = tempDir();
const out = path.join(dir, "out");
let before: Map<string, string>;

beforeAll(async () => {
  const ok = runCli(["generate", "--schema", KOALA_SCHEMA, "--out", out, "--emit", "types", "--quiet"], { cwd: dir });
  expect(ok.status).toBe(0);
  before = await readTree(out);
  expect(before.size).toBeGreaterThan(0);
});

function schemaFile(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

const json = (value: unknown): string => JSON.stringify(value, null, 2);
const NOT_SCHEMAS = (name: string): string => path.join(REPO_ROOT, "test", "fixtures", "not-schemas", name);

test.each<[string, () => string, number, RegExp]>([
  ["a missing schema file", () => path.join(dir, "nope.json"), 3, /nope\.json: file not found/],
  ["a folder instead of a schema file", () => dir, 3, /is a folder, not a file/],
  ["invalid JSON, with line:column", () => schemaFile("broken.json", '{\n  "type": "object",\n  "properties": {,\n}'), 4, /broken\.json:3:18: invalid JSON/],
  ["truncated JSON, at its end", () => schemaFile("short.json", '{"type": "object"'), 4, /short\.json:1:18: invalid JSON/],
  ["a $ref that does not resolve, with its pointer", () => schemaFile("ref.json", JSON.stringify({ properties: { a: { $ref: "#/$defs/Nope" } } })), 6, /ref\.json#\/properties\/a\/\$ref: \$ref "#\/\$defs\/Nope" does not resolve/],
  ["a $ref to a missing file", () => schemaFile("file-ref.json", JSON.stringify({ items: { $ref: "other.json#/x" } })), 6, /file-ref\.json#\/items\/\$ref: .*file not found/],
  ["a keyword value of the wrong type", () => schemaFile("bad-kw.json", JSON.stringify({ properties: { e: { maxItems: "30" } } })), 5, /bad-kw\.json#\/properties\/e\/maxItems: "maxItems" must be a non-negative integer/],
  ["an unsupported meta-schema", () => schemaFile("draft3.json", json({ $schema: "http://json-schema.org/draft-03/schema#" })), 7, /draft3\.json#\/\$schema: unsupported meta-schema "http:\/\/json-schema\.org\/draft-03\/schema#"/],
  // Input that is not a JSON Schema (load/input-kind.ts): exit 11, saying what it looks like.
  // OpenAPI documents are read (test/e2e/cli-openapi.test.ts); one that breaks a rule of the specification, or of a version not read, exits 12.
  ["an OpenAPI document with a path parameter missing from its template", () => schemaFile("bad-path.yaml", "openapi: 3.1.0\ninfo: {title: T, version: '1'}\npaths:\n  /users:\n    get:\n      parameters: [{name: id, in: path, required: true, schema: {type: string}}]\n      responses: {'200': {description: OK}}\n"), 12, /bad-path\.yaml#\/paths\/~1users\/get\/parameters\/0: path parameter "id" is not in the path template/],
  ["an OpenAPI version that is not read", () => schemaFile("openapi-4.yaml", "openapi: 4.0.0\ninfo: {title: T, version: '1'}\npaths: {}\n"), 12, /openapi-4\.yaml#\/openapi: OpenAPI 4\.0\.0 is not supported; supported: OpenAPI 3\.0\.x, OpenAPI 3\.1\.x and JSON Schema/],
  ["a Swagger 2.0 document (its definitions notwithstanding)", () => NOT_SCHEMAS("swagger-2.0.json"), 11, /swagger-2\.0\.json: is a Swagger 2\.0 \(OpenAPI 2\) document; Swagger input is not supported \(convert it to OpenAPI 3\.x first\); supported: OpenAPI 3\.0\.x, OpenAPI 3\.1\.x and JSON Schema$/],
  ["an AsyncAPI document", () => NOT_SCHEMAS("asyncapi.yaml"), 11, /asyncapi\.yaml: is an AsyncAPI 3\.0\.0 document; AsyncAPI input is not supported; supported: OpenAPI 3\.0\.x, OpenAPI 3\.1\.x and JSON Schema$/],
  ["a package.json", () => NOT_SCHEMAS("package.json"), 11, /package\.json: is not a JSON Schema: it looks like a package\.json/],
  ["JSON without a schema keyword", () => schemaFile("data.json", json({ users: [{ id: 1 }], total: 1 })), 11, /data\.json: is not a JSON Schema: no key at its root \("users", "total"\) is a JSON Schema keyword of any draft/],
])("%s: one line, its own exit code, previous output intact", async (_name, makeSchema, exitCode, message) => {
  const result = runCli(["generate", "--schema", makeSchema(), "--out", out], { cwd: dir });
  expect(result.status).toBe(exitCode);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^koala-codegen: /);
  expect(lines[0]).toMatch(message);
  expect(result.stdout).toBe("");
  expect(await readTree(out)).toEqual(before);
});

test("a collision is a suffix and a one-line warning by default (--name-collisions error: see cli-names)", async () => {
  const schema = schemaFile("collide2.json", json({ $defs: { "page-view": { type: "object" }, page_view: { type: "string" } } }));
  const other = path.join(dir, "suffixed");
  const result = runCli(["generate", "--schema", schema, "--out", other, "--emit", "types", "--quiet"], { cwd: dir });
  expect(result.status).toBe(0);
  expect(result.stderr.trim()).toBe(`warning: ${schema}#/$defs/page_view: name collision: "page_view" becomes "PageView", taken by #/$defs/page-view; using "PageView2"`);
  expect((await readTree(other)).get("src/types.ts")).toMatch(/export type PageView2 = string;/);
});

test("an output folder that cannot be written: exit 9, previous output intact", async () => {
  // A parent folder without write permission: the stage folder cannot be created next to the output.
  // Root ignores permissions, so as root the CLI runs as `nobody`.
  const locked = path.join(dir, "locked");
  const lockedOut = path.join(locked, "out");
  mkdirSync(locked);
  expect(runCli(["generate", "--schema", KOALA_SCHEMA, "--out", lockedOut, "--emit", "types", "--quiet"], { cwd: dir }).status).toBe(0);
  const previous = await readTree(lockedOut);
  const changed = schemaFile("changed.json", json({ title: "Changed", type: "object" }));
  chmodSync(dir, 0o755);
  chmodSync(changed, 0o644);
  chmodSync(locked, 0o555);
  try {
    const asUser = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const result = runCli(["generate", "--schema", changed, "--out", lockedOut], { cwd: dir, ...asUser });
    expect(result.stderr.trim()).toMatch(/^koala-codegen: .*locked\/out: cannot write the output folder \(EACCES\); the previous output is unchanged$/);
    expect(result.status).toBe(9);
  } finally {
    chmodSync(locked, 0o755);
  }
  expect(await readTree(lockedOut)).toEqual(previous);
});

test("an output path that is a file: exit 9, the file intact", () => {
  const file = schemaFile("not-a-folder", "keep me");
  const result = runCli(["generate", "--schema", KOALA_SCHEMA, "--out", file], { cwd: dir });
  expect(result.status).toBe(9);
  expect(result.stderr.trim()).toMatch(/not-a-folder: cannot write the output folder \(it exists and is not a folder\)/);
});

describe("config mistakes", () => {
  const configDir = path.join(dir, "config");
  beforeAll(() => mkdirSync(configDir));
  const config = (text: string): string => {
    writeFileSync(path.join(configDir, "koala-codegen.config.json"), text);
    return configDir;
  };

  test("every mistake on its own line with its JSON pointer, exit 10", () => {
    const cwd = config(
      json({
        out: 3,
        formats: "strict",
        schemas: [{ path: "a.json", emit: ["types", "docs"], endpoint: "batch" }, { name: "B" }, { path: "c.json", name: "B", extra: 1 }],
      }),
    );
    const result = runCli(["generate"], { cwd });
    expect(result.status).toBe(10);
    expect(result.stdout).toBe("");
    expect(result.stderr.trim().split("\n")).toEqual([
      'koala-codegen: koala-codegen.config.json#/out: "out" (the output folder) must be a non-empty string, got a number',
      'koala-codegen: koala-codegen.config.json#/formats: "formats" must be "assert" or "annotate", got "strict"',
      'koala-codegen: koala-codegen.config.json#/schemas/0/endpoint: "endpoint" must be a path starting with "/", got "batch"',
      'koala-codegen: koala-codegen.config.json#/schemas/0/emit/1: unknown artifact "docs" (one of types, guards, builders, client, operations)',
      'koala-codegen: koala-codegen.config.json#/schemas/1/path: "path" (the schema file) must be a non-empty string, got nothing',
      'koala-codegen: koala-codegen.config.json#/schemas/2/extra: unknown key "extra" (allowed: path, name, endpoint, emit)',
      'koala-codegen: koala-codegen.config.json#/schemas/2/name: root name "B" is already used by /schemas/1',
    ]);
  });

  test("a config that is not JSON: line:column, exit 4", () => {
    const result = runCli(["generate"], { cwd: config('{\n  "out": "x",\n  "schemas": [\n}') });
    expect(result.status).toBe(4);
    expect(result.stderr.trim()).toMatch(/^koala-codegen: koala-codegen\.config\.json:4:1: invalid JSON/);
  });

  test("a --config that does not exist: exit 3", () => {
    const result = runCli(["generate", "--config", "nope.config.json"], { cwd: dir });
    expect(result.status).toBe(3);
    expect(result.stderr.trim()).toBe(`koala-codegen: nope.config.json: config file not found: ${path.join(dir, "nope.config.json")}`);
  });

  test("a schema path in the config that does not exist: the path, exit 3, output intact", async () => {
    const cwd = config(json({ out: "../out", schemas: [{ path: "missing.json" }] }));
    const result = runCli(["generate"], { cwd });
    expect(result.status).toBe(3);
    expect(result.stderr.trim()).toMatch(/^koala-codegen: missing\.json: file not found/);
    expect(await readTree(out)).toEqual(before);
  });
});

test("usage errors exit 2 and point to --help", () => {
  const result = runCli(["generate", "--out", out], { cwd: dir });
  expect(result.status).toBe(2);
  expect(result.stderr).toMatch(/no schema: give --schema <file>, or a koala-codegen.config.json/);
  const unknown = runCli(["generate", "--schema", KOALA_SCHEMA, "--out", out, "--bogus"], { cwd: dir });
  expect(unknown.status).toBe(2);
  expect(unknown.stderr).toMatch(/Unknown argument: bogus[\s\S]*--help/);
});

test("--help shows the commands, options and examples", () => {
  const top = runCli(["--help"]);
  expect(top.status).toBe(0);
  expect(top.stdout).toMatch(/koala-codegen generate/);
  expect(top.stdout).toMatch(/koala-codegen diff <old> <new>/);
  const result = runCli(["generate", "--help"]);
  expect(result.status).toBe(0);
  for (const option of ["--config", "--schema", "--check", "--watch", "--quiet", "--name-collisions"]) expect(result.stdout).toContain(option);
  expect(result.stdout).toMatch(/Examples:[\s\S]*generate --check/);
});
