/**
 * The OpenAPI 3.1 schema (../shared/openapi/3.1/schema.yaml, draft 2020-12 with $dynamicRef and
 * $dynamicAnchor) generates a full package (types, guards, builders, client) that compiles under
 * `tsc --strict`, and its guard accepts every document of pass/ and rejects every one of fail/,
 * with ajv (Ajv2020 + ajv-formats) agreeing on each. Fails where ../shared is absent.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { ajvFor } from "../helpers/guards";
import { run, runCli } from "../helpers/run";
import { compileStrict } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";
import { requireSharedOpenApi, SHARED_OPENAPI } from "../helpers/openapi";

const OAS = path.join(SHARED_OPENAPI, "3.1");
// Read from beside the repository (../shared/openapi), never copied into it: absent, the suite fails.
requireSharedOpenApi();

/**
 * YAML files → values, parsed by json-schema-ref-parser (the generator's own YAML reader) in a
 * child process: it is an ES module, which jest's CommonJS runtime cannot load.
 */
function readYamlFiles(files: readonly string[]): unknown[] {
  const script = `import { $RefParser } from "@apidevtools/json-schema-ref-parser";
const values = [];
for (const file of JSON.parse(process.argv[1])) values.push(await new $RefParser().parse(file, { resolve: { external: false } }));
process.stdout.write(JSON.stringify(values));`;
  const result = run(process.execPath, ["--input-type=module", "-e", script, JSON.stringify(files)]);
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout) as unknown[];
}

/** Every `$dynamicRef` replaced by a `$ref` to the same target (see the oracle test below). */
function withStaticRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withStaticRefs);
  if (typeof value !== "object" || value === null) return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => (key === "$dynamicRef" ? ["$ref", v] : [key, withStaticRefs(v)])));
}

/** Every value of `keyword` anywhere in the schema, with its JSON path. */
function occurrences(value: unknown, keyword: string, at = "#"): [string, unknown][] {
  if (typeof value !== "object" || value === null) return [];
  const out: [string, unknown][] = [];
  for (const [key, v] of Object.entries(value)) {
    if (key === keyword) out.push([at, v]);
    out.push(...occurrences(v, keyword, `${at}/${key}`));
  }
  return out;
}

describe("OpenAPI 3.1 schema ($dynamicRef)", () => {
  const dir = tempDir("koala-codegen-oas31-");
  const out = path.join(dir, "oas31");
  let guards: Record<string, (value: unknown) => any>;
  let schema: unknown;
  const documents: Record<"pass" | "fail", Map<string, unknown>> = { pass: new Map(), fail: new Map() };

  beforeAll(() => {
    const result = runCli(["generate", "--schema", path.join(OAS, "schema.yaml"), "--out", out, "--name", "OpenApi", "--endpoint", "/v1/documents", "--quiet"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    guards = require(path.join(out, "dist", "cjs", "guards.js"));
    const files: [kind: "pass" | "fail", name: string][] = [];
    for (const kind of ["pass", "fail"] as const) for (const name of readdirSync(path.join(OAS, kind)).filter((f) => /\.ya?ml$/.test(f)).sort()) files.push([kind, name]);
    const values = readYamlFiles([path.join(OAS, "schema.yaml"), ...files.map(([kind, name]) => path.join(OAS, kind, name))]);
    schema = values[0];
    files.forEach(([kind, name], i) => documents[kind].set(name, values[i + 1]));
  }, 120_000);

  test("the package has types, guards, builders and a client, and compiles under tsc --strict", () => {
    for (const file of ["types.ts", "guards.ts", "builders.ts", "client.ts"]) expect(existsSync(path.join(out, "src", file))).toBe(true);
    // The guards go through the dynamic scope: the embedded schemas' "#meta" is looked up there.
    expect(readFileSync(path.join(out, "src", "guards.ts"), "utf8")).toContain('?.["#meta"]?.collect');
    const result = compileStrict(dir);
    expect(result.stdout + result.stderr).toBe("");
    expect(result.status).toBe(0);
  }, 120_000);

  test("there are documents on both sides", () => {
    expect(documents.pass.size).toBeGreaterThanOrEqual(30);
    expect(documents.fail.size).toBeGreaterThanOrEqual(10);
  });

  test("every pass/ document validates, every fail/ document does not (isX and validateX)", () => {
    const wrong: string[] = [];
    for (const kind of ["pass", "fail"] as const) {
      for (const [name, document] of documents[kind]) {
        const expected = kind === "pass";
        const result = guards.validateOpenApi!(document);
        if (guards.isOpenApi!(document) !== expected || result.ok !== expected || (!result.ok && result.errors.length === 0)) {
          wrong.push(`${kind}/${name}: isOpenApi ${guards.isOpenApi!(document)}, validateOpenApi ${result.ok}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });

  test("ajv agrees on every document", () => {
    // ajv resolves a $dynamicRef whose anchor it has not evaluated yet to the function it is in (here
    // the whole document schema), so it wrongly rejects most pass/ documents. It gets the equivalent
    // static schema instead: the document is one resource with one "meta" anchor, so every
    // `$dynamicRef: "#meta"` can only resolve to it (checked first).
    expect(occurrences(schema, "$id").map(([at]) => at)).toEqual(["#"]);
    expect(occurrences(schema, "$dynamicAnchor")).toEqual([["#/$defs/schema", "meta"]]);
    expect(new Set(occurrences(schema, "$dynamicRef").map(([, ref]) => ref))).toEqual(new Set(["#meta"]));
    const ajv = ajvFor(withStaticRefs(schema) as object);
    const disagreements: string[] = [];
    for (const kind of ["pass", "fail"] as const) {
      for (const [name, document] of documents[kind]) {
        const ours = guards.isOpenApi!(document);
        if (ajv(document) !== ours) disagreements.push(`${kind}/${name}: isOpenApi ${ours}, ajv ${ajv(document)}`);
      }
    }
    expect(disagreements).toEqual([]);
  });
});

describe("OpenAPI 3.1 schema-base: the dialect reaches every embedded schema through the dynamic scope", () => {
  const dir = tempDir("koala-codegen-oas31-base-");
  const out = path.join(dir, "oas31-base");
  let base: Record<string, (value: unknown) => any>;
  let plain: Record<string, (value: unknown) => any>;
  let documents: [string, unknown][];
  const WIP = "https://spec.openapis.org/oas/3.1";
  const doc = (schema: object) => ({ openapi: "3.1.0", info: { title: "t", version: "1" }, components: { schemas: { A: { type: "object", properties: { b: schema } } } } });

  beforeAll(() => {
    // schema-base.yaml names its siblings by their (work-in-progress) URIs: each is mapped to its file.
    const resolve = [`${WIP}/schema/WORK-IN-PROGRESS=schema.yaml`, `${WIP}/dialect/WORK-IN-PROGRESS=dialect.yaml`, `${WIP}/meta/WORK-IN-PROGRESS=meta.yaml`].flatMap((r) => ["--resolve", r]);
    const result = runCli(["generate", "--schema", "schema-base.yaml", "--out", out, "--name", "OpenApiBase", "--emit", "types", "guards", "--name-collisions", "suffix", "--quiet", ...resolve], { cwd: OAS });
    expect(result.status).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    base = require(path.join(out, "dist", "cjs", "guards.js"));
    const plainOut = path.join(dir, "oas31");
    expect(runCli(["generate", "--schema", path.join(OAS, "schema.yaml"), "--out", plainOut, "--name", "OpenApi", "--emit", "guards", "--quiet"]).status).toBe(0);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    plain = require(path.join(plainOut, "dist", "cjs", "guards.js"));
    const files = (["pass", "fail"] as const).flatMap((kind) => readdirSync(path.join(OAS, kind)).filter((f) => /\.ya?ml$/.test(f)).map((f) => `${kind}/${f}`));
    const values = readYamlFiles(files.map((f) => path.join(OAS, f)));
    documents = files.map((f, i) => [f, values[i]]);
  }, 120_000);

  test("every pass/ document validates, every fail/ one does not", () => {
    const wrong = documents.filter(([file, document]) => base.isOpenApiBase!(document) !== file.startsWith("pass/")).map(([file]) => file);
    expect(wrong).toEqual([]);
  });

  test.each<[string, object, boolean]>([
    ["a discriminator without propertyName, deep in a schema", { discriminator: { mapping: {} } }, false],
    ["an unknown type, deep in a schema", { type: "thing" }, false],
    ["a schema the dialect accepts", { discriminator: { propertyName: "kind" }, type: "object" }, true],
  ])("%s: schema-base decides (schema.yaml alone does not look inside schemas)", (_name, schema, valid) => {
    expect([base.isOpenApiBase!(doc(schema)), base.validateOpenApiBase!(doc(schema)).ok]).toEqual([valid, valid]);
    expect(plain.isOpenApi!(doc(schema))).toBe(true);
  });
});
