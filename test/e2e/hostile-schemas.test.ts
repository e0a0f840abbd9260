/**
 * Nothing in a schema can inject code. The corpus in test/fixtures/hostile/ puts quotes, backticks,
 * `${`, `*\/`, newlines, U+2028/9, NUL and `</script>` into const, enum, default, examples, pattern,
 * description, title, keys and definition names. Every package it gives must compile under
 * `tsc --strict`, keep each hostile value exactly (checked at the type level by a consumer that
 * assigns the original JSON values), and load as ESM and CJS without running anything.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from "node:fs";
import * as path from "node:path";
import Ajv2020 from "ajv/dist/2020";
import { CodegenError } from "../../generator/errors";
import { guardNames } from "../../generator/emit/guards/artifact";
import { generate, type GenerateResult } from "../../generator/index";
import { REPO_ROOT } from "../helpers/paths";
import { run } from "../helpers/run";
import { compileStrict, writeFiles } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const CORPUS = path.join(REPO_ROOT, "test", "fixtures", "hostile");
const FIXTURES = readdirSync(CORPUS).filter((f) => f.endsWith(".json")).sort();
const out = tempDir();
const results = new Map<string, GenerateResult>();

const schemaOf = (file: string): Record<string, any> => JSON.parse(readFileSync(path.join(CORPUS, file), "utf8"));
const folderOf = (file: string): string => file.replace(/\.schema\.json$/, "");

beforeAll(async () => {
  for (const file of FIXTURES) {
    // The corpus has colliding names on purpose: suffix + warning (the CLI default is an error).
    const result = await generate({ schema: path.join(CORPUS, file), nameCollisions: "suffix" });
    results.set(file, result);
    writeFiles(path.join(out, folderOf(file)), result.files);
  }
  writeConsumer();
}, 60_000);

/** A consumer that assigns the schema's own JSON values to the generated types: compiles only if every value survived exactly. */
function writeConsumer(): void {
  const values = schemaOf("values.schema.json");
  const keys = schemaOf("keys.schema.json");
  const P: string = values.properties.konst.const;
  const keysValue = Object.fromEntries(
    Object.entries(keys.properties as Record<string, { type?: string }>).map(([key, schema]) => [
      key,
      schema.type === "number" ? 1 : schema.type === "boolean" ? true : schema.type === "object" ? { polluted: true } : "s",
    ]),
  );
  const lines = [
    `import type { HostileValues, Konst, Choice } from "../../values/src/types.js";`,
    `import type { HostileKeys } from "../../keys/src/types.js";`,
    `export const konst: Konst = ${js(P)};`,
    `// @ts-expect-error a different string is not the const`,
    `export const notKonst: Konst = ${js(P + " ")};`,
    `export const choices: Choice[] = ${js(values.$defs.Choice.enum)};`,
    `export const value: HostileValues = { konst: ${js(P)}, choice: ${js(values.properties.choice.enum[8])}, nested: ${js(values.properties.nested.const)} };`,
    // JSON.stringify of an object literal with a "__proto__" key would set the prototype; a computed key does not.
    `export const keyed: HostileKeys = ${objectLiteral(keysValue)};`,
    `// @ts-expect-error additionalProperties: false`,
    `export const extra: HostileKeys = ${objectLiteral({ ...keysValue, extra: "x" })};`,
  ];
  mkdirSync(path.join(out, "consumer", "src"), { recursive: true });
  writeFileSync(path.join(out, "consumer", "package.json"), JSON.stringify({ type: "module" }));
  writeFileSync(path.join(out, "consumer", "src", "check.ts"), lines.join("\n") + "\n");
}

/** JSON as a JS expression on one line: TypeScript counts U+2028/9 as line breaks, which would move `@ts-expect-error` targets. */
function js(value: unknown): string {
  return JSON.stringify(value).replace(/[\u2028\u2029]/g, (c) => "\\u" + c.charCodeAt(0).toString(16));
}

function objectLiteral(value: Record<string, unknown>): string {
  return `{ ${Object.entries(value).map(([k, v]) => `[${js(k)}]: ${js(v)}`).join(", ")} }`;
}

test("the corpus is there", () => {
  expect(FIXTURES).toEqual(["keys.schema.json", "names.schema.json", "patterns.schema.json", "values.schema.json"]);
});

test("every package compiles under tsc --strict, and the consumer proves each value kept exactly", () => {
  const result = compileStrict(out);
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
});

test("no raw control character or line separator reaches a generated file", () => {
  for (const [file, result] of results) {
    for (const generated of result.files) {
      const bad = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u2028\u2029]/.exec(generated.contents);
      if (bad) throw new Error(`${file} → ${generated.path} holds U+${bad[0].charCodeAt(0).toString(16).padStart(4, "0")}`);
    }
  }
});

test("every comment stays a comment: no schema text ends one early", () => {
  for (const result of results.values()) {
    for (const generated of result.files.filter((f) => f.path.endsWith(".ts"))) {
      // Strip comments and string literals with the TypeScript scanner's view: what is left must hold no payload.
      const code = stripCommentsAndStrings(generated.contents);
      expect(code).not.toContain("__pwned");
      expect(code).not.toContain("evil");
    }
  }
});

test("the built ESM and CJS load in a fresh node without running schema text", () => {
  const script = `
    const packages = ${JSON.stringify(FIXTURES.map((f) => path.join(out, folderOf(f))))};
    (async () => {
      for (const dir of packages) {
        require(dir + "/dist/cjs/index.js");
        await import(dir + "/dist/esm/index.js");
      }
      if (globalThis.__pwned !== undefined || ({}).polluted !== undefined) { console.log("PWNED"); process.exit(3); }
      console.log("clean");
    })().catch((e) => { console.error(e); process.exit(1); });`;
  const result = run(process.execPath, ["-e", script]);
  expect(result.stderr).toBe("");
  expect(result.stdout).toBe("clean\n");
  expect(result.status).toBe(0);
});

test("a schema file name with a newline stays inside the header comment", async () => {
  const file = path.join(out, "evil\nglobalThis.__pwned = 1; x.json");
  writeFileSync(file, JSON.stringify({ title: "Named", type: "string" }));
  const result = await generate({ schema: file, emit: ["types"], build: false });
  const types = result.files.find((f) => f.path === "src/types.ts")!.contents;
  expect(types.split("\n").slice(0, 2)).toEqual([
    "// TypeScript types for Named. Generated by koala-codegen 0.1.0",
    "// from evil\\u000aglobalThis.__pwned = 1; x.json. Do not edit: regenerate instead.",
  ]);
});

describe("the corpus's guards agree with ajv", () => {
  const values = schemaOf("values.schema.json");
  const P: string = values.properties.konst.const;
  // Built with JSON.parse so that "__proto__" is an own key, as it is in parsed payloads.
  const keysObject = (extra: Record<string, unknown> = {}): unknown =>
    JSON.parse(`{ "__proto__": { "polluted": true }, ${JSON.stringify({ [P]: "s", constructor: "c", "": "e", ...extra }).slice(1)}`);
  // ajv drops a `properties` entry named "__proto__" (its compiled code has no check for it), so it
  // accepts `"__proto__": { "polluted": false }` against `const: true`. The spec says invalid.
  const ajvWrong = new Set<unknown>();
  const AJV_WRONG = (sample: unknown): unknown => (ajvWrong.add(sample), sample);
  const SAMPLES: Record<string, unknown[]> = {
    "values.schema.json": [
      { konst: P },
      { konst: P + " " },
      {},
      ...values.properties.choice.enum.map((choice: unknown) => ({ konst: P, choice })),
      { konst: P, choice: "x" },
      { konst: P, choice: { "a`b": ["*/"] } },
      { konst: P, nested: values.properties.nested.const },
      { konst: P, nested: {} },
      { konst: P, withDefault: 3 },
    ],
    "keys.schema.json": [
      keysObject(),
      keysObject({ toString: 1, hasOwnProperty: true, "line\nbreak": "x", "sep\u2028arator": "y" }),
      keysObject({ toString: "not a number" }),
      keysObject({ extra: 1 }),
      AJV_WRONG(JSON.parse(`{ "__proto__": { "polluted": false }, "constructor": "c", "": "e", ${JSON.stringify(P)}: "s" }`)),
      JSON.parse(`{ "constructor": "c", "": "e", ${JSON.stringify(P)}: "s" }`),
      { [P]: "s", constructor: "c", "": "e" },
    ],
    "patterns.schema.json": [
      { slash: "a/b", comment: "*/", quotes: "'`\"", template: "${x}", newline: "a\nb", separator: "\u2028", backslash: "\\", named: "2024-05", unicode: "é" },
      { slash: "a/c" },
      { comment: "*" },
      { template: "x" },
      { newline: "ab" },
      { separator: "\n" },
      { backslash: "/" },
      { named: "24-5" },
      { unicode: "1" },
      { "x-*/": "s" },
      { "x-*/": 1 },
      { '"]; evil; ["': "s" },
      { '"]; evil; ["': 2 },
      { "`${evil}`": true },
      { "`${evil}`": "true" },
      { "nul\u0000key": 1 },
    ],
    "names.schema.json": [{ a: { x: "s" }, b: "s" }, { a: { x: 1 } }, { b: 2 }, "not an object"],
  };

  test.each(FIXTURES)("%s", (file) => {
    const result = results.get(file)!;
    const guards = require(path.join(out, folderOf(file), "dist", "cjs", "guards.js")) as Record<string, (value: unknown) => unknown>;
    const is = guards[guardNames.is(result.model.rootName)]!;
    const validate = guards[guardNames.validate(result.model.rootName)]!;
    // ownProperties: without it ajv reads an absent `toString` through the prototype and calls
    // `{ toString: <absent> }` invalid ("must be number"); the generated guards read own keys only.
    const oracle = new Ajv2020({ strict: false, validateFormats: false, ownProperties: true }).compile(schemaOf(file));
    const samples = SAMPLES[file]!;
    const expected = (sample: unknown): boolean => (ajvWrong.has(sample) ? !oracle(sample) : (oracle(sample) as boolean));
    const verdicts = samples.map((sample) => [is(sample), expected(sample)]);
    expect(verdicts.map(([ours]) => ours)).toEqual(verdicts.map(([, ajv]) => ajv));
    // Both outcomes are exercised: the samples are not all valid or all invalid.
    expect(new Set(verdicts.map(([, ajv]) => ajv))).toEqual(new Set([true, false]));
    for (const sample of samples) {
      const verdict = validate(sample) as { ok: boolean; errors?: unknown[] };
      expect(verdict.ok).toBe(expected(sample));
      if (!verdict.ok) expect(verdict.errors!.length).toBeGreaterThan(0);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("a regular expression that cannot compile is a generation error", () => {
  test.each<[string, object, string]>([
    ["pattern", { properties: { a: { pattern: "a{2,1}" } } }, "#/properties/a/pattern"],
    ["a patternProperties key", { patternProperties: { "(": true } }, "#/patternProperties/("],
    ["a propertyNames pattern", { propertyNames: { pattern: "[z-a]" } }, "#/propertyNames/pattern"],
    // A pattern that only the non-Unicode syntax accepts (`a{`, `\\-]`) compiles without `u` (ir/regex-flags.ts); this one compiles neither way.
    ["invalid with u and without it", { pattern: "\\-](" }, "#/pattern"],
  ])("%s", async (_name, schema, pointer) => {
    const error = (await generate({ schema, build: false }).catch((e: unknown) => e)) as CodegenError;
    expect(error).toBeInstanceOf(CodegenError);
    expect(error.code).toBe("invalidSchema");
    expect(error.location.pointer).toBe(pointer);
    expect(error.message).toMatch(/^regular expression .* does not compile/);
  });
});

/** The text outside comments, string and template literals (enough of a scanner for generated code). */
function stripCommentsAndStrings(source: string): string {
  let out = "";
  for (let i = 0; i < source.length; ) {
    const two = source.slice(i, i + 2);
    if (two === "//") {
      i = source.indexOf("\n", i) < 0 ? source.length : source.indexOf("\n", i);
    } else if (two === "/*") {
      const end = source.indexOf("*/", i + 2);
      i = end < 0 ? source.length : end + 2;
    } else if (source[i] === '"' || source[i] === "'" || source[i] === "`") {
      const quote = source[i]!;
      for (i++; i < source.length && source[i] !== quote; i++) if (source[i] === "\\") i++;
      i++;
      out += "S";
    } else {
      out += source[i++];
    }
  }
  return out;
}
