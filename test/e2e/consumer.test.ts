/**
 * The generated package as a user gets it: installed into a project's node_modules and imported
 * from plain Node ESM (`import`), CommonJS (`require`) and TypeScript with `node16` and `bundler`
 * resolution. Nothing here reads the generator: only the committed generated/koala.
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import ts from "typescript";
import * as path from "node:path";
import { KOALA_OUT, REPO_ROOT, TSC } from "../helpers/paths";
import { run } from "../helpers/run";
import { tempDir } from "../helpers/temp";

const project = tempDir("koala-consumer-");
const manifest = JSON.parse(readFileSync(path.join(KOALA_OUT, "package.json"), "utf8")) as { name: string; dependencies?: object; engines?: object };
const name = manifest.name;

beforeAll(() => {
  // A copy, as `npm install` would make: resolution must not depend on the repo around it.
  const installed = path.join(project, "node_modules", ...name.split("/"));
  mkdirSync(path.dirname(installed), { recursive: true });
  cpSync(KOALA_OUT, installed, { recursive: true, filter: (src) => !src.includes(`${path.sep}node_modules`) });
  writeFileSync(path.join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
});

/** Names of the runtime values (functions, consts, classes) that the package's declarations export. */
function declaredValues(): string[] {
  const index = path.join(KOALA_OUT, "dist", "esm", "index.d.ts");
  const program = ts.createProgram([index], { noEmit: true, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, types: [] });
  const checker = program.getTypeChecker();
  const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(index)!)!;
  return checker
    .getExportsOfModule(moduleSymbol)
    .filter((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return (target.flags & ts.SymbolFlags.Value) !== 0;
    })
    .map((symbol) => symbol.name)
    .sort();
}

test("zero runtime dependencies", () => {
  expect(manifest.dependencies ?? {}).toEqual({});
});

test("engines: Node >=20, as for the generator itself", () => {
  const generator = JSON.parse(readFileSync(path.join(REPO_ROOT, "package.json"), "utf8")) as { engines: unknown };
  expect(manifest.engines).toEqual({ node: ">=20" });
  expect(manifest.engines).toEqual(generator.engines);
});

test("ESM import and CJS require load the same exports", () => {
  writeFileSync(path.join(project, "esm.mjs"), `import * as pkg from ${JSON.stringify(name)};\nconsole.log(JSON.stringify(Object.keys(pkg).sort()));\n`);
  writeFileSync(path.join(project, "cjs.cjs"), `const pkg = require(${JSON.stringify(name)});\nconsole.log(JSON.stringify(Object.keys(pkg).filter((k) => k !== "__esModule").sort()));\n`);
  const esm = run(process.execPath, ["esm.mjs"], { cwd: project });
  const cjs = run(process.execPath, ["cjs.cjs"], { cwd: project });
  expect(esm.stderr).toBe("");
  expect(cjs.stderr).toBe("");
  expect(esm.status).toBe(0);
  expect(cjs.status).toBe(0);
  expect(JSON.parse(cjs.stdout)).toEqual(JSON.parse(esm.stdout));
  // Every value the declarations promise is really exported, under both module systems.
  expect(JSON.parse(esm.stdout)).toEqual(declaredValues());
});

test("an ES module importing the CommonJS build sees its named exports", () => {
  // Node finds a CommonJS module's export names by reading its source (cjs-module-lexer); the
  // build annotates them, so \`import { isX } from ".../dist/cjs/index.js"\` works too. Node adds names
  // of its own to every CommonJS namespace: "default", and since Node 23 "module.exports".
  const cjsIndex = path.join(project, "node_modules", ...name.split("/"), "dist", "cjs", "index.js");
  writeFileSync(path.join(project, "esm-of-cjs.mjs"), `import * as pkg from ${JSON.stringify(cjsIndex)};\nconsole.log(JSON.stringify(Object.keys(pkg).filter((k) => !["default", "module.exports", "__esModule"].includes(k)).sort()));\n`);
  const result = run(process.execPath, ["esm-of-cjs.mjs"], { cwd: project });
  expect(result.stderr).toBe("");
  expect(JSON.parse(result.stdout)).toEqual(declaredValues());
});

test.each([
  ["node16", { module: "Node16", moduleResolution: "Node16" }],
  ["nodenext (CommonJS file)", { module: "NodeNext", moduleResolution: "NodeNext" }],
  ["bundler", { module: "ESNext", moduleResolution: "Bundler" }],
])("TypeScript consumer with %s resolution sees the exact types", (label, options) => {
  const dir = path.join(project, `ts-${label.replace(/\W+/g, "-")}`);
  mkdirSync(dir, { recursive: true });
  const cjs = label.includes("CommonJS");
  const file = cjs ? "consumer.cts" : "consumer.mts";
  writeFileSync(
    path.join(dir, file),
    [
      `import type { KoalaProfileBatchRequest, TrackEvent } from ${JSON.stringify(name)};`,
      `export const ok: KoalaProfileBatchRequest = { email: "a@b.co", events: [{ type: "track", event: "Signed Up" }] };`,
      `// @ts-expect-error an identifier is required`,
      `export const bad: KoalaProfileBatchRequest = { events: [] };`,
      `export const event: TrackEvent["type"] = "track";`,
      "",
    ].join("\n"),
  );
  expectCompiles(dir, file, options);
});

test.each([
  ["node16", { module: "Node16", moduleResolution: "Node16" }],
  ["nodenext (CommonJS file)", { module: "NodeNext", moduleResolution: "NodeNext" }],
  ["bundler", { module: "ESNext", moduleResolution: "Bundler" }],
])("the transport's types come from the /transport subpath (%s resolution), not from the root", (label, options) => {
  const dir = path.join(project, `ts-transport-${label.replace(/\W+/g, "-")}`);
  mkdirSync(dir, { recursive: true });
  const file = label.includes("CommonJS") ? "consumer.cts" : "consumer.mts";
  writeFileSync(
    path.join(dir, file),
    [
      `import type { FetchLike, FetchInit, AbortSignalLike, RetryOptions, TransportOptions } from ${JSON.stringify(`${name}/transport`)};`,
      `import type { KoalaClientOptions, SendResult, CallOptions } from ${JSON.stringify(name)};`,
      `// @ts-expect-error the root no longer exports the transport's plumbing`,
      `import type { FetchInit as NotAtRoot } from ${JSON.stringify(name)};`,
      `export const fetchLike: FetchLike = async (_url: string, _init: FetchInit) => ({ status: 204, headers: { get: () => null }, text: async () => "" });`,
      `export const retry: RetryOptions = { attempts: 2 };`,
      `export const options: KoalaClientOptions = { publicKey: "pk", fetch: fetchLike, retry } satisfies TransportOptions & { publicKey: string };`,
      `export type Signal = AbortSignalLike;`,
      `export type Result = SendResult<unknown>;`,
      `export type Call = CallOptions;`,
      `export type Unused = NotAtRoot;`,
      "",
    ].join("\n"),
  );
  expectCompiles(dir, file, options);
});

test("the /transport subpath loads under ESM import and CJS require (types only: no values)", () => {
  writeFileSync(path.join(project, "transport.mjs"), `import * as t from ${JSON.stringify(`${name}/transport`)};\nconsole.log(JSON.stringify(Object.keys(t)));\n`);
  writeFileSync(path.join(project, "transport.cjs"), `const t = require(${JSON.stringify(`${name}/transport`)});\nconsole.log(JSON.stringify(Object.keys(t).filter((k) => k !== "__esModule")));\n`);
  for (const script of ["transport.mjs", "transport.cjs"]) {
    const result = run(process.execPath, [script], { cwd: project });
    expect([script, result.stderr, result.status, result.stdout.trim()]).toEqual([script, "", 0, "[]"]);
  }
});

/** `file` in `dir` type-checks under --strict with these module options (tsc's own output must be empty). */
function expectCompiles(dir: string, file: string, options: Record<string, string>): void {
  writeFileSync(
    path.join(dir, "tsconfig.json"),
    JSON.stringify({ compilerOptions: { ...options, target: "ES2022", strict: true, noEmit: true, skipLibCheck: false, types: [] }, files: [file] }),
  );
  const result = run(process.execPath, [TSC, "-p", path.join(dir, "tsconfig.json"), "--pretty", "false"], { cwd: project });
  expect(result.stdout + result.stderr).toBe("");
  expect(result.status).toBe(0);
}
