/**
 * No depth limit but memory (issue 11): schemas nested 2,000 levels deep through every applicator,
 * and a 2,000-long `$ref` chain, go through the real CLI (a child process with Node's default
 * stack) into every artifact; its guards, loaded here (a jest worker, default stack too), check data
 * that goes all the way down. The generated code nests no deeper at 2,000 levels than at 200 (the
 * emitters cut deep schemas into named pieces of bounded depth; a test holds the two equal, bracket
 * for bracket, whatever prettier's layout), so `tsc --strict` compiles the same schemas at 200
 * levels: the same code shapes at a tenth of the size (tsc over the 2,000-level package's 350,000
 * lines is a minute of CPU and adds nothing).
 * A recursive schema's guards on data 100,000 levels deep return an answer (the documented depth
 * limit), never a RangeError.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { DATA_DEPTH_LIMIT } from "../../generator/emit/guards/guard-module";
import { DEEP_KINDS, deepData, deepSchemaText, type DeepKind } from "../helpers/deep-schemas";
import { runCli, type RunResult } from "../helpers/run";
import { compileStrict } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const DEPTH = 2000;
/** The depth the package is compiled at: see the header. */
const COMPILED_DEPTH = 200;
const dir = tempDir("koala-codegen-deep-");
const out = path.join(dir, "out");
const compiledDir = tempDir("koala-codegen-deep-compiled-");
const typeName = (kind: DeepKind): string => `Deep${kind[0]!.toUpperCase()}${kind.slice(1)}`;

type Guards = Record<string, (value: unknown) => unknown>;
let generated: RunResult;
let generatedForTsc: RunResult;

/** Every kind nested `depth` deep, one package in `folder`/out, through the CLI. */
function generateDeep(folder: string, depth: number): RunResult {
  for (const kind of DEEP_KINDS) writeFileSync(path.join(folder, `${kind}.json`), deepSchemaText(kind, depth, typeName(kind)));
  const config = {
    out: "out",
    packageName: "deep-schemas",
    schemas: DEEP_KINDS.map((kind) => ({ path: `${kind}.json`, name: typeName(kind), endpoint: `/v1/${kind}` })),
  };
  writeFileSync(path.join(folder, "koala-codegen.config.json"), JSON.stringify(config, null, 2));
  return runCli(["generate", "--quiet"], { cwd: folder, timeout: 400_000 });
}

beforeAll(() => {
  generated = generateDeep(dir, DEPTH);
  generatedForTsc = generateDeep(compiledDir, COMPILED_DEPTH);
}, 400_000);

/** How deep a generated module's code nests: the most brackets open at once, outside strings and comments (whatever the layout). */
function nesting(folder: string, file: string): number {
  const code = readFileSync(path.join(folder, "out", "src", file), "utf8").replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`|\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "");
  let open = 0;
  let most = 0;
  for (const char of code) {
    if (char === "{" || char === "(" || char === "[") most = Math.max(most, ++open);
    else if (char === "}" || char === ")" || char === "]") open--;
  }
  return most;
}

test(`the CLI generates types, guards, builders and client for depth ${DEPTH}`, () => {
  expect(generated.stderr).not.toMatch(/RangeError|internal error/);
  expect(generated.status).toBe(0);
  for (const file of ["types.ts", "guards.ts", "builders.ts", "client.ts"]) expect(existsSync(path.join(out, "src", file))).toBe(true);
});

test(`the generated code nests no deeper at depth ${DEPTH} than at ${COMPILED_DEPTH}`, () => {
  expect(generatedForTsc.stderr).not.toMatch(/RangeError|internal error/);
  expect(generatedForTsc.status).toBe(0);
  for (const file of ["types.ts", "guards.ts", "builders.ts", "client.ts"]) expect([file, nesting(dir, file)]).toEqual([file, nesting(compiledDir, file)]);
});

test(`the generated package (depth ${COMPILED_DEPTH}) compiles under tsc --strict`, () => {
  const result = compileStrict(compiledDir, { timeout: 400_000 });
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
}, 400_000);

describe.each(DEEP_KINDS)(`guards of %s nested ${DEPTH} deep`, (kind) => {
  const name = typeName(kind);
  let guards: Guards;
  beforeAll(() => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    guards = require(path.join(out, "dist", "cjs", "index.js")) as Guards;
  });

  test("accept valid data that reaches the innermost level", () => {
    const { value } = deepData(kind, DEPTH, "x");
    expect(guards[`is${name}`]!(value)).toBe(true);
    expect(guards[`validate${name}`]!(value)).toEqual({ ok: true, value });
  });

  test("reject invalid data there, with the error at its path", () => {
    // For `not`, an even number of levels keeps "" invalid; for anyOf/oneOf, a number matches no level.
    const leaf = kind === "anyOf" || kind === "oneOf" ? 5 : "";
    const { value, path: leafPath } = deepData(kind, DEPTH, leaf);
    expect(guards[`is${name}`]!(value)).toBe(false);
    const result = guards[`validate${name}`]!(value) as { ok: false; errors: { path: string; keyword: string }[] };
    expect(result.ok).toBe(false);
    const expected = kind === "not" ? "not" : kind === "anyOf" || kind === "oneOf" ? "type" : "minLength";
    expect(result.errors).toContainEqual(expect.objectContaining({ path: leafPath, keyword: expected }));
    expect(() => guards[`assert${name}`]!(value)).toThrow(expect.objectContaining({ name: "SchemaValidationError" }));
  });
});

test("with the call stack nearly used up, the guards answer \"too deep\" rather than throw a RangeError", () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const guards = require(path.join(out, "dist", "cjs", "index.js")) as Guards;
  // Recurses until the stack runs out, then calls from the deepest frame that still can.
  const nearTheEnd = <T>(call: () => T): T => {
    try {
      return nearTheEnd(call);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
      return call();
    }
  };
  const { value } = deepData("anyOf", DEPTH, "x");
  expect(guards.isDeepAnyOf!(value)).toBe(true);
  expect(nearTheEnd(() => guards.isDeepAnyOf!(value))).toBe(false);
  expect(nearTheEnd(() => guards.validateDeepAnyOf!(value))).toEqual({
    ok: false,
    errors: [{ path: "", schemaPath: "#", keyword: "maxDepth", message: "is nested too deep to check: the call stack ran out" }],
  });
  expect(() => nearTheEnd(() => guards.assertDeepAnyOf!(value))).toThrow(expect.objectContaining({ name: "SchemaValidationError" }));
});

describe("guards of a recursive schema on data 100,000 levels deep", () => {
  const treeDir = tempDir("koala-codegen-tree-");
  let guards: Guards;
  const tree = (levels: number): unknown => {
    let value: unknown = {};
    for (let i = 0; i < levels; i++) value = { child: value };
    return value;
  };
  beforeAll(() => {
    const schema = { title: "Tree", $defs: { node: { type: "object", properties: { child: { $ref: "#/$defs/node" } } } }, $ref: "#/$defs/node" };
    writeFileSync(path.join(treeDir, "tree.json"), JSON.stringify(schema));
    const result = runCli(["generate", "--quiet", "--schema", "tree.json", "--out", "out", "--emit", "types", "guards"], { cwd: treeDir });
    expect(result.stderr).toBe("");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    guards = require(path.join(treeDir, "out", "dist", "cjs", "index.js")) as Guards;
  }, 60_000);

  test("isTree is false, validateTree says the data is too deep, assertTree throws a SchemaValidationError", () => {
    const deep = tree(100_000);
    expect(guards.isTree!(deep)).toBe(false);
    const result = guards.validateTree!(deep) as { ok: false; errors: { path: string; keyword: string; message: string }[] };
    expect(result.ok).toBe(false);
    expect(result.errors).toEqual([
      {
        path: "/child".repeat(DATA_DEPTH_LIMIT),
        schemaPath: "#/$defs/node",
        keyword: "maxDepth",
        message: `is nested too deep to check: recursive types are checked at most ${DATA_DEPTH_LIMIT} calls deep`,
      },
    ]);
    expect(() => guards.assertTree!(deep)).toThrow(expect.objectContaining({ name: "SchemaValidationError" }));
  });

  test("data just within the limit is checked in full", () => {
    const within = tree(DATA_DEPTH_LIMIT - 1);
    expect(guards.isTree!(within)).toBe(true);
    let invalid: unknown = { child: 1 };
    for (let i = 0; i < DATA_DEPTH_LIMIT - 2; i++) invalid = { child: invalid };
    expect(guards.validateTree!(invalid)).toEqual({
      ok: false,
      errors: [{ path: "/child".repeat(DATA_DEPTH_LIMIT - 1), schemaPath: "#/$defs/node/type", keyword: "type", message: "must be object" }],
    });
  });
});

const yamlDir = tempDir("koala-codegen-deep-yaml-");
test("YAML has a depth limit (js-yaml's 100 levels of nesting): a clear one-line error, exit 4", () => {
  // JSON is YAML; json-schema-ref-parser reads .yaml files with js-yaml, whose maxDepth is 100.
  writeFileSync(path.join(yamlDir, "deep.yaml"), deepSchemaText("properties", DEPTH, "Deep"));
  const result = runCli(["generate", "--schema", "deep.yaml", "--out", "out"], { cwd: yamlDir });
  expect(result.status).toBe(4);
  expect(result.stderr).toMatch(/^koala-codegen: deep\.yaml:1:\d+: invalid YAML: nesting exceeded maxDepth \(100\)\n$/);
  expect(existsSync(path.join(yamlDir, "out"))).toBe(false);
});
