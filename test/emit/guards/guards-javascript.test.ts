/**
 * guards.js is written by the guard emitter (EmittedModule.javascript, print/scripts.ts), not
 * compiled from guards.ts by esbuild: it must be the same program. On Koala's two packages and
 * fixtures that reach every TypeScript-only piece the emitter marks (folded functions' `at?`,
 * discriminators' casts, `$dynamicRef`'s scope types, eval functions, recursive types' counter):
 * - ESM: esbuild's JavaScript of our guards.ts and esbuild's reprint of our guards.js are the same
 *   text (whitespace minified, imports compared as a set). Our JavaScript is reprinted for
 *   `esnext`, the TypeScript compiled for the package's es2020: syntax newer than es2020 in ours
 *   would show as a difference.
 * - CommonJS, in a real Node process on the package written to disk: ours and esbuild's of the
 *   same guards.ts have the same export names, in the same order, with the same property
 *   descriptors and `__esModule`; every isX, validateX, assertX and XSchema gives the same result
 *   on the same values (valid Koala batches, values shaped from each schema's keys, any JSON); and
 *   an ES module importing the file sees the same named exports (Node's cjs-module-lexer).
 */
import fc from "fast-check";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../../generator/index";
import type { GeneratedFile } from "../../../generator/generated-file";
import { transformScripts } from "../../../generator/print/scripts";
import { traffic } from "../../helpers/koala";
import { parseDocument } from "../../helpers/openapi";
import { committedPackageFiles, esbuildReprint, generatedFile, vocabulary } from "../../helpers/stated-javascript";
import { KOALA_OPENAPI, KOALA_OPENAPI_OUT, KOALA_SCHEMA, REPO_ROOT } from "../../helpers/paths";
import { strictTreeSchema, TREE_PROPERTIES } from "../../helpers/strict-tree";
import { tempDir } from "../../helpers/temp";

const SEED = 20261202;
const fixture = (...parts: string[]): string => path.join(REPO_ROOT, "test", "fixtures", ...parts);

/** `$dynamicRef` with unevaluatedProperties: dynamic scope types, eval functions, a recursive type. */
const DYNAMIC_TREE = strictTreeSchema(TREE_PROPERTIES, { Label: { type: "string", pattern: "^[a-z]+$" } });

interface Case {
  name: string;
  /** The package's files: generated now, or the committed package. */
  files: () => Promise<GeneratedFile[]>;
  /** The schema or document, whose keys and strings shape the values checked. */
  document: () => Promise<object>;
  /** Values a guard of this package accepts, beside the generated ones. */
  valid?: () => unknown[];
}

const generated = (schema: () => Promise<object | string>) => async (): Promise<GeneratedFile[]> => (await generate({ schema: await schema(), format: false })).files;

const committed = (dir: string) => async (): Promise<GeneratedFile[]> => committedPackageFiles(dir);

const json = (file: string) => async (): Promise<object> => JSON.parse(readFileSync(file, "utf8"));

const CASES: Case[] = [
  { name: "Koala's JSON Schema", files: generated(async () => KOALA_SCHEMA), document: json(KOALA_SCHEMA), valid: () => traffic(SEED, 4, 40) },
  { name: "Koala's OpenAPI document (the committed package)", files: committed(KOALA_OPENAPI_OUT), document: () => parseDocument(KOALA_OPENAPI) },
  { name: "folded copies (OpenAPI)", files: generated(() => parseDocument(fixture("openapi", "folded-copies.json"))), document: json(fixture("openapi", "folded-copies.json")) },
  {
    name: "discriminators (OpenAPI 3.1)",
    files: generated(() => parseDocument(fixture("openapi", "discriminator-31.json"))),
    document: json(fixture("openapi", "discriminator-31.json")),
    // Values that pass: the random ones pass none of these guards (the document's own root, `unknown`, passed every one).
    valid: () => [{ petType: "cat", meow: true }, { petType: "dog", bark: "woof" }, { kind: "Lizard", scales: 3 }, { pet: { petType: "dog", bark: "a" }, reptile: { kind: "Snake", venomous: false } }],
  },
  {
    name: "$dynamicRef and unevaluatedProperties",
    files: generated(async () => DYNAMIC_TREE),
    document: async () => DYNAMIC_TREE,
    valid: () => [{ data: 1, children: [{ children: [] }] }],
  },
];

const file = generatedFile;
const normalized = esbuildReprint;


/** Values to check both builds against: valid ones, values built from the schema's own keys and strings, and any JSON. */
function inputs(document: object, valid: unknown[]): unknown[] {
  const { keys, strings } = vocabulary(document);
  const leaf = fc.oneof(fc.constantFrom(...strings, "", "x"), fc.integer({ min: -3, max: 200 }), fc.double({ noNaN: true }), fc.boolean(), fc.constant(null));
  const { shaped } = fc.letrec((tie) => ({
    shaped: fc.oneof({ maxDepth: 4 }, leaf, fc.array(tie("shaped"), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...keys), tie("shaped"), { maxKeys: 6 })),
  }));
  // Valid values with one key dropped or replaced: near misses reach the deepest checks.
  const mutated = valid.flatMap((value) => {
    const out: unknown[] = [];
    if (typeof value === "object" && value !== null && !Array.isArray(value)) {
      for (const key of Object.keys(value)) {
        const { [key]: _, ...rest } = value as Record<string, unknown>;
        out.push(rest, { ...value, [key]: 42 });
      }
    }
    return out;
  });
  return [
    ...valid,
    ...mutated,
    ...fc.sample(shaped, { numRuns: 400, seed: SEED }),
    ...fc.sample(fc.jsonValue({ maxDepth: 3 }), { numRuns: 100, seed: SEED + 1 }),
  ];
}

/**
 * Run in a child Node process: both CommonJS builds required, their exports' names and descriptors,
 * every export applied to every value, and the named exports an ES module sees.
 */
const CHECK = `
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [ours, theirs, inputsFile] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const values = JSON.parse(readFileSync(inputsFile, "utf8"));
const describe = (mod) => Object.getOwnPropertyNames(mod).map((name) => {
  const d = Object.getOwnPropertyDescriptor(mod, name);
  return [name, typeof d.get, "value" in d ? typeof d.value : "-", d.enumerable, d.configurable, d.writable ?? "-"];
});
const run = (f, value) => {
  try {
    return ["returned", f(value)];
  } catch (error) {
    return ["threw", error.constructor.name, error.message, error.errors];
  }
};
const apply = (mod) => {
  const out = {};
  for (const name of Object.keys(mod).sort()) {
    const exported = mod[name];
    if (typeof exported === "function" && /^(is|validate|assert)/.test(name)) out[name] = values.map((v) => run(exported, v));
    else if (exported && typeof exported === "object" && "~standard" in exported) out[name] = values.map((v) => run((x) => exported["~standard"].validate(x), v));
  }
  return out;
};
const report = (file) => {
  const mod = require(file);
  return { descriptors: describe(mod), esModule: mod.__esModule, results: apply(mod) };
};
const namespace = async (file) => Object.keys(await import(pathToFileURL(file).href));
console.log(JSON.stringify({
  ours: { ...report(ours), namespace: await namespace(ours) },
  theirs: { ...report(theirs), namespace: await namespace(theirs) },
}));
`;

const root = tempDir();

describe.each(CASES)("guards.js written by the emitter: $name", ({ name, files, document, valid }) => {
  let result: GeneratedFile[];
  let source: string;
  beforeAll(async () => {
    result = await files();
    source = file(result, "src/guards.ts");
  }, 60_000);

  test("ESM: the same program as esbuild's JavaScript of guards.ts", async () => {
    const ours = file(result, "dist/esm/guards.js");
    // Not esbuild's own output (whose statements it would reprint the same way).
    expect(ours).not.toBe((await transformScripts([{ path: "guards.ts", source }]))[0]!.esm);
    const [fromTypeScript, fromOurs] = await Promise.all([normalized(source, "ts"), normalized(ours, "js")]);
    expect(fromOurs.imports).toEqual(fromTypeScript.imports);
    expect(fromOurs.code).toBe(fromTypeScript.code);
    // The header stays on top, as esbuild's build had it.
    expect(ours.startsWith(source.slice(0, source.indexOf("/* eslint-disable */")))).toBe(true);
  }, 60_000);

  test("CommonJS: the same exports, descriptors and results as esbuild's, and the same names for an ES module", async () => {
    const dir = path.join(root, name.replace(/[^a-z0-9]+/gi, "-"));
    for (const f of result) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.contents);
    }
    const esbuilt = path.join(dir, "dist", "cjs", "guards.esbuild.js");
    writeFileSync(esbuilt, (await transformScripts([{ path: "guards.ts", source }]))[0]!.cjs);
    const values = inputs(await document(), valid?.() ?? []);
    console.log(`guards.js vs esbuild: ${values.length} values, fast-check seed ${SEED}`);
    writeFileSync(path.join(dir, "inputs.json"), JSON.stringify(values));
    writeFileSync(path.join(dir, "check.mjs"), CHECK);
    const out = execFileSync(process.execPath, [path.join(dir, "check.mjs"), path.join(dir, "dist", "cjs", "guards.js"), esbuilt, path.join(dir, "inputs.json")], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
    });
    const { ours, theirs } = JSON.parse(out) as Record<"ours" | "theirs", { descriptors: unknown[][]; esModule: unknown; results: Record<string, unknown[]>; namespace: string[] }>;
    // Something to compare: every wrapper kind is there, and some values pass and some fail.
    const names = ours.descriptors.map(([name]) => name as string);
    for (const prefix of [/^is/, /^validate/]) expect(names.some((n) => prefix.test(n))).toBe(true);
    const outcomes = Object.entries(ours.results).filter(([name]) => name.startsWith("is")).flatMap(([, r]) => r.map((x) => JSON.stringify(x)));
    expect(new Set(outcomes)).toEqual(new Set(['["returned",true]', '["returned",false]']));
    expect(ours.esModule).toBe(true);
    expect(ours.descriptors).toEqual(theirs.descriptors);
    expect(ours.namespace).toEqual(theirs.namespace);
    expect(ours.namespace).toEqual(expect.arrayContaining(names.filter((name) => name !== "__esModule")));
    expect(Object.keys(ours.results)).toEqual(Object.keys(theirs.results));
    for (const name of Object.keys(ours.results)) expect([name, ours.results[name]]).toEqual([name, theirs.results[name]]);
  }, 120_000);
});
