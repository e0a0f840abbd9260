/**
 * builders.js and operations.js are written by their emitters (EmittedModule.javascript,
 * print/scripts.ts printScripts), not compiled from builders.ts and operations.ts by esbuild, as
 * guards.js is (test/emit/guards/guards-javascript.test.ts): each must be the same program as
 * esbuild's JavaScript of the same TypeScript. On Koala's packages and fixtures that reach every
 * TypeScript-only piece the two emitters mark (parameter and return types, generic arguments,
 * interfaces and aliases, short builders' optional parameters, the grouping helper's type
 * arguments, multipart bodies' typed arrow, default parameters, server variables, the operations map):
 * - ESM: esbuild's JavaScript of our .ts and esbuild's reprint of our .js are the same text
 *   (whitespace minified, imports compared as a set).
 * - CommonJS, in a real Node process on the package written to disk: ours and esbuild's have the
 *   same export names, property descriptors and `__esModule`, and the same named exports for an ES
 *   module; every builder gives the same result (or error) on the same arguments; every operation
 *   sends the same requests to a real HTTP server on 127.0.0.1 and resolves to the same result.
 */
import fc from "fast-check";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import type { GeneratedFile } from "../../generator/generated-file";
import { transformScripts } from "../../generator/print/scripts";
import { traffic } from "../helpers/koala";
import { parseDocument } from "../helpers/openapi";
import { committedPackageFiles, esbuildReprint, generatedFile, vocabulary } from "../helpers/stated-javascript";
import { KOALA_OPENAPI, KOALA_OPENAPI_OUT, KOALA_SCHEMA, REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const SEED = 20261203;
const fixture = (...parts: string[]): string => path.join(REPO_ROOT, "test", "fixtures", ...parts);

interface Case {
  name: string;
  /** The schema or document given to generate() (a file). */
  schema: string;
  /** The modules whose JavaScript the emitter states, that this package has. */
  modules: ("builders" | "operations")[];
  /** The committed package generated from it (kept in sync by the drift check), instead of generating now. */
  committed?: string;
  /** Values builders of this package accept, beside the generated ones. */
  valid?: () => unknown[];
}

const CASES: Case[] = [
  { name: "Koala's JSON Schema", schema: KOALA_SCHEMA, modules: ["builders"], valid: () => traffic(SEED, 4, 40) },
  { name: "Koala's OpenAPI document (the committed package)", schema: KOALA_OPENAPI, committed: KOALA_OPENAPI_OUT, modules: ["builders", "operations"] },
  { name: "discriminators (OpenAPI 3.1)", schema: fixture("openapi", "discriminator-31.json"), modules: ["builders"] },
  { name: "request parameters", schema: fixture("openapi", "client-request-params.yaml"), modules: ["operations"] },
  { name: "parameter styles", schema: fixture("openapi", "client-params.yaml"), modules: ["operations"] },
  { name: "bodies (multipart, form, raw)", schema: fixture("openapi", "client-bodies.yaml"), modules: ["operations"] },
  { name: "servers and their variables", schema: fixture("openapi", "client-servers.yaml"), modules: ["operations"] },
  { name: "query strings in path keys", schema: fixture("openapi", "client-path-query.yaml"), modules: ["operations"] },
  { name: "response headers", schema: fixture("openapi", "client-response-headers.yaml"), modules: ["operations"] },
  { name: "security and retries", schema: fixture("openapi", "client-auth-retry.yaml"), modules: ["operations"] },
];

const file = generatedFile;
const normalized = esbuildReprint;


/** Argument lists for the builders: valid values, near misses, values shaped from the document's keys and strings. */
function builderArguments(document: object, valid: unknown[]): unknown[][] {
  const { keys, strings } = vocabulary(document);
  const leaf = fc.oneof(fc.constantFrom(...strings, "", "x"), fc.integer({ min: -3, max: 200 }), fc.boolean(), fc.constant(null));
  const { shaped } = fc.letrec((tie) => ({
    shaped: fc.oneof({ maxDepth: 3 }, leaf, fc.array(tie("shaped"), { maxLength: 3 }), fc.dictionary(fc.constantFrom(...keys), tie("shaped"), { maxKeys: 6 })),
  }));
  const values = [...valid, ...fc.sample(shaped, { numRuns: 150, seed: SEED })];
  // One, two and three arguments (short builders take positional values, then options).
  return values.flatMap((value, i) => [[value], [value, values[(i + 1) % values.length]], [value, values[(i + 2) % values.length], {}]]);
}

/** A value for a parameter of this schema: enough for the serializers to have something of its type. */
function sample(schema: Record<string, unknown> | undefined): unknown {
  const type = Array.isArray(schema?.type) ? schema!.type[0] : schema?.type;
  if (schema !== undefined && "const" in schema) return schema.const;
  if (schema?.enum && Array.isArray(schema.enum)) return schema.enum[0];
  if (type === "integer" || type === "number") return 7;
  if (type === "boolean") return true;
  if (type === "array") return [sample(schema?.items as Record<string, unknown>), sample(schema?.items as Record<string, unknown>)];
  if (type === "object") return { a: "b c", d: 1 };
  return "v/1";
}

/** Per operation (`METHOD /path`): requests made from its parameters (a value of each one's type, then none) and a body. */
function requests(document: Record<string, unknown>): Record<string, unknown[]> {
  const resolve = (value: unknown): Record<string, unknown> => {
    let node = value as Record<string, unknown>;
    for (let i = 0; i < 10 && typeof node?.$ref === "string" && node.$ref.startsWith("#/"); i++) {
      node = node.$ref.slice(2).split("/").reduce<any>((n, key) => n?.[key.replace(/~1/g, "/").replace(/~0/g, "~")], document);
    }
    return node ?? {};
  };
  const out: Record<string, unknown[]> = {};
  for (const [route, item] of Object.entries((document.paths ?? {}) as Record<string, Record<string, unknown>>)) {
    for (const [method, operation] of Object.entries(item)) {
      if (typeof operation !== "object" || operation === null || Array.isArray(operation) || !/^(get|put|post|delete|options|head|patch|trace)$/.test(method)) continue;
      const op = operation as Record<string, unknown>;
      const parameters = [...((item.parameters as unknown[]) ?? []), ...((op.parameters as unknown[]) ?? [])].map(resolve);
      const full: Record<string, Record<string, unknown>> = {};
      // The required parameters alone (each location's object is checked as a whole: one left out is refused before sending).
      const required: Record<string, Record<string, unknown>> = { path: {}, header: {}, query: {} };
      for (const p of parameters) {
        const value = sample(resolve(p.schema));
        (full[p.in as string] ??= {})[p.name as string] = value;
        if (p.required === true) (required[p.in as string] ??= {})[p.name as string] = value;
      }
      const body = op.requestBody === undefined ? {} : { body: { a: 1, name: "x", items: [] } };
      out[`${method.toUpperCase()} ${route}`] = [{ ...full, ...body }, required];
    }
  }
  return out;
}

/**
 * Run in a child Node process: both CommonJS builds of a module required; their exports' names and
 * descriptors, and the named exports an ES module sees; the builders applied to every argument
 * list; the operations called against a real HTTP server on 127.0.0.1 that records each request.
 */
const CHECK = `
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import { pathToFileURL } from "node:url";
const [kind, ours, theirs, inputsFile] = process.argv.slice(2);
const require = createRequire(import.meta.url);
const inputs = JSON.parse(readFileSync(inputsFile, "utf8"));
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g;
const plain = (value) => JSON.parse(JSON.stringify(value, (key, v) => (typeof v === "function" ? "[function]" : v && typeof v.entries === "function" && !Array.isArray(v) && !(v instanceof Map) ? [...v.entries()].filter(([k]) => k !== "date") : v)) ?? null);
const describe = (mod) => Object.getOwnPropertyNames(mod).map((name) => {
  const d = Object.getOwnPropertyDescriptor(mod, name);
  return [name, typeof d.get, "value" in d ? typeof d.value : "-", d.enumerable, d.configurable, d.writable ?? "-"];
});
const outcome = async (f) => {
  try {
    return ["returned", plain(await f())];
  } catch (error) {
    return ["threw", error.constructor.name, error.message, plain(error.errors)];
  }
};
const namespace = async (file) => Object.keys(await import(pathToFileURL(file).href));
let log = [];
const server = createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    log.push([req.method, req.url, Object.entries(req.headers).filter(([k]) => k !== "host" && k !== "connection" && !k.startsWith("x-stainless")).sort(), body]);
    res.sendDate = false;
    res.writeHead(200, { "content-type": "application/json", "retry-after": "1" });
    res.end(req.method === "HEAD" ? undefined : JSON.stringify({ ok: true, accepted: 1 }));
  });
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const baseUrl = "http://127.0.0.1:" + server.address().port;
const results = async (mod) => {
  const out = {};
  if (kind === "builders") {
    for (const name of Object.keys(mod).sort()) {
      if (typeof mod[name] !== "function") continue;
      out[name] = [];
      for (const args of inputs) out[name].push(await outcome(() => mod[name](...structuredClone(args))));
    }
    return out;
  }
  const factory = Object.keys(mod).find((name) => /^create\\w*Client$/.test(name));
  const map = Object.values(mod).find((v) => v && typeof v === "object" && Object.values(v).every((o) => typeof o?.call === "function"));
  const client = mod[factory]({ baseUrl, retry: false, auth: new Proxy({}, { get: (_, key) => (typeof key === "string" ? "secret" : undefined) }) });
  for (const [name, { method, path, call }] of Object.entries(map).sort(([a], [b]) => (a < b ? -1 : 1))) {
    out[name] = [];
    for (const request of inputs[method + " " + path] ?? [{}]) {
      log = [];
      const result = await outcome(() => call(client, structuredClone(request)));
      out[name].push([JSON.stringify(result).replace(UUID, "<uuid>"), JSON.stringify(log).replace(UUID, "<uuid>")]);
    }
  }
  out["(server URL)"] = Object.keys(mod).filter((name) => /ServerUrl$/.test(name)).map((name) => mod[name]());
  return out;
};
const report = async (file) => {
  const mod = require(file);
  return { descriptors: describe(mod), esModule: mod.__esModule, namespace: await namespace(file), results: await results(mod) };
};
console.log(JSON.stringify({ ours: await report(ours), theirs: await report(theirs) }));
server.close();
`;

const root = tempDir();

const committedFiles = committedPackageFiles;

describe.each(CASES)("JavaScript written by the emitters: $name", ({ name, schema, committed, modules, valid }) => {
  let files: GeneratedFile[];
  let document: Record<string, unknown>;
  beforeAll(async () => {
    document = await parseDocument(schema);
    // A parsed document (as a file, YAML would need the ESM-only reference parser, which jest cannot load).
    files = committed !== undefined ? committedFiles(committed) : (await generate({ schema: schema === KOALA_SCHEMA ? schema : document, format: false })).files;
  }, 60_000);

  test.each(modules)("%s.js, ESM: the same program as esbuild's JavaScript of the TypeScript", async (module) => {
    const source = file(files, `src/${module}.ts`);
    const ours = file(files, `dist/esm/${module}.js`);
    // Not esbuild's own output (whose statements it would reprint the same way).
    expect(ours).not.toBe((await transformScripts([{ path: `${module}.ts`, source }]))[0]!.esm);
    const [fromTypeScript, fromOurs] = await Promise.all([normalized(source, "ts"), normalized(ours, "js")]);
    expect(fromOurs.imports).toEqual(fromTypeScript.imports);
    expect(fromOurs.code).toBe(fromTypeScript.code);
    // The header stays on top, as esbuild's build had it.
    expect(ours.startsWith(source.slice(0, source.indexOf("/* eslint-disable */")))).toBe(true);
  }, 60_000);

  test.each(modules)("%s.js, CommonJS: the same exports and descriptors as esbuild's, and the same results", async (module) => {
    const dir = path.join(root, `${name.replace(/[^a-z0-9]+/gi, "-")}-${module}`);
    for (const f of files) {
      mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
      writeFileSync(path.join(dir, f.path), f.contents);
    }
    const esbuilt = path.join(dir, "dist", "cjs", `${module}.esbuild.js`);
    writeFileSync(esbuilt, (await transformScripts([{ path: `${module}.ts`, source: file(files, `src/${module}.ts`) }]))[0]!.cjs);
    const inputs = module === "builders" ? builderArguments(document, valid?.() ?? []) : requests(document);
    console.log(`${module}.js vs esbuild (${name}): fast-check seed ${SEED}`);
    writeFileSync(path.join(dir, "inputs.json"), JSON.stringify(inputs));
    writeFileSync(path.join(dir, "check.mjs"), CHECK);
    const out = execFileSync(process.execPath, [path.join(dir, "check.mjs"), module, path.join(dir, "dist", "cjs", `${module}.js`), esbuilt, path.join(dir, "inputs.json")], {
      encoding: "utf8",
      maxBuffer: 1 << 30,
    });
    const { ours, theirs } = JSON.parse(out) as Record<"ours" | "theirs", { descriptors: unknown[][]; esModule: unknown; results: Record<string, unknown[]>; namespace: string[] }>;
    const names = ours.descriptors.map(([n]) => n as string).filter((n) => n !== "__esModule");
    expect(names.length).toBeGreaterThan(0);
    expect(ours.esModule).toBe(true);
    expect(ours.descriptors).toEqual(theirs.descriptors);
    expect(ours.namespace).toEqual(theirs.namespace);
    expect(ours.namespace).toEqual(expect.arrayContaining(names));
    expect(Object.keys(ours.results)).toEqual(Object.keys(theirs.results));
    // Something to compare: some calls return, and (builders) some throw the guard's error.
    const outcomes = Object.values(ours.results).flat().map((r) => JSON.stringify(r));
    expect(outcomes.some((o) => o.includes("returned"))).toBe(true);
    if (module === "builders") expect(outcomes.some((o) => o.includes("SchemaValidationError"))).toBe(true);
    else expect(outcomes.some((o) => o.includes("127.0.0.1") || o.includes("POST") || o.includes("GET"))).toBe(true);
    for (const key of Object.keys(ours.results)) expect([key, ours.results[key]]).toEqual([key, theirs.results[key]]);
  }, 120_000);
});
