/**
 * A large JSON OpenAPI document's official schema is checked on the CLI's worker thread while the
 * main thread reads the document (load/load-schema.ts's officialSchemaCheck). What comes out must be
 * what the check on this thread gives: the same refusal, line for line (the official schema's
 * mistake alone; with a semantic one, both, the semantic one first; where reading the document on
 * would have failed otherwise, the official schema's line and not that failure), and the same
 * package for a valid document. Should that thread fail the check, it is done here. A real worker,
 * compiled, as test/print/offload.test.ts has one.
 */
import { writeFileSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import { errorLines, type CodegenError } from "../../generator/errors";
import { OFFICIAL_CHECK_ELSEWHERE_FROM_CHARS } from "../../generator/load/load-schema";
import type { GenerateOptions } from "../../generator/pipeline/options";
import { useFormatThread } from "../helpers/format-thread";
import type { OffloadRequest } from "../../generator/print/offload";
import { tempDir } from "../helpers/temp";

const thread = useFormatThread();

const dir = tempDir("koala-official-elsewhere-");
const info = { title: "Pets", version: "1", description: "x".repeat(OFFICIAL_CHECK_ELSEWHERE_FROM_CHARS) };
const paths = { "/pets/{id}": { get: { operationId: "getPet", parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }], responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", properties: { name: { type: "string" } } } } } } } } } };

let files = 0;
/** The document as a JSON file (past the size from which the check goes elsewhere, by its description). */
function file(document: object): string {
  const written = path.join(dir, `api-${files++}.json`);
  writeFileSync(written, JSON.stringify(document));
  return written;
}

type Side = "here" | "there" | "failing there";

/** generate() on the file, the check here, on the worker, or on a worker that fails it; the kinds of request sent there. */
async function run(schema: string, side: Side): Promise<{ lines?: string[]; files?: Map<string, string>; sent: string[] }> {
  const sent: string[] = [];
  const offload = (request: OffloadRequest) => {
    sent.push(Object.keys(request).filter((k) => k !== "package")[0]!);
    if (side === "failing there" && "officialSchema" in request) return { id: 0, answer: Promise.reject(new Error("internal: the prettier worker thread has ended")) };
    return thread().offload(request);
  };
  const options: GenerateOptions = { schema, emit: ["types", "guards"], build: false, format: false, ...(side !== "here" && { thread: { offload } }) };
  try {
    const result = await generate(options);
    return { files: new Map(result.files.map((f) => [f.path, f.contents])), sent };
  } catch (error) {
    return { lines: errorLines(error as CodegenError), sent };
  }
}

/** The refusal of the document, the same on every side, and checked there when there is a thread. */
async function refusal(document: object): Promise<string[]> {
  const schema = file(document);
  const here = await run(schema, "here");
  const there = await run(schema, "there");
  const failing = await run(schema, "failing there");
  expect(there.sent[0]).toBe("officialSchema");
  expect(failing.sent[0]).toBe("officialSchema");
  expect(here.lines).toBeDefined();
  expect(there.lines).toEqual(here.lines);
  expect(failing.lines).toEqual(here.lines);
  return here.lines!.map((line) => line.replace(/^.*api-\d+\.json/, "api.json"));
}

test("the official schema's mistake alone: its line", async () => {
  expect(await refusal({ openapi: "3.1.0", info: { ...info, version: undefined }, paths })).toEqual(["api.json#/info: must have required property 'version' (OpenAPI 3.1 schema: #/$defs/info/required)"]);
});

test("with a semantic mistake: both lines, the semantic rule's first", async () => {
  expect(await refusal({ openapi: "3.1.0", info: { ...info, version: undefined }, security: [{ skipped: [] }], paths })).toEqual([
    'api.json#/security/0/skipped: security scheme "skipped" is not declared in components.securitySchemes',
    "api.json#/info: must have required property 'version' (OpenAPI 3.1 schema: #/$defs/info/required)",
  ]);
});

test("where reading the document on would fail, or go on: the official schema's line", async () => {
  // Passes the semantic checks, then the reading throws a message of its own ("must be a string").
  expect(await refusal({ openapi: "3.1.0", info, paths, jsonSchemaDialect: 5 })).toEqual(["api.json#/jsonSchemaDialect: must be string, got 5 (OpenAPI 3.1 schema: #/properties/jsonSchemaDialect/type)"]);
  // Passes the semantic checks and the reading; then a schema's file is missing, which the loading says later.
  expect(await refusal({ openapi: "3.1.0", info: { ...info, version: undefined }, paths: { "/a": { get: { responses: { "200": { description: "ok", content: { "application/json": { schema: { $ref: "./missing.json" } } } } } } } } })).toEqual([
    "api.json#/info: must have required property 'version' (OpenAPI 3.1 schema: #/$defs/info/required)",
  ]);
  // Pass the semantic checks, and the reading, which assumes what the official schema states.
  expect(await refusal({ openapi: "3.0.3", info, paths: {}, components: { schemas: 5 } })).toEqual(["api.json#/components/schemas: must be object, got 5 (OpenAPI 3.0 schema: #/definitions/Components/properties/schemas/type)"]);
  expect(await refusal({ openapi: "3.1.0", info, paths, components: { securitySchemes: { a: { type: "nope" } } } })).toEqual([
    'api.json#/components/securitySchemes/a/type: must be equal to one of the allowed values, got "nope" (OpenAPI 3.1 schema: #/$defs/security-scheme/properties/type/enum)',
  ]);
});

test("a valid document: the same package, checked there; a document below the size, checked here", async () => {
  const schema = file({ openapi: "3.1.0", info, paths });
  const here = await run(schema, "here");
  const there = await run(schema, "there");
  expect(there.sent).toContain("officialSchema");
  expect(there.lines).toBeUndefined();
  expect(there.files).toEqual(here.files);
  expect((await run(schema, "failing there")).files).toEqual(here.files);
  const small = await run(file({ openapi: "3.1.0", info: { title: "Pets", version: "1" }, paths }), "there");
  expect(small.lines).toBeUndefined();
  expect(small.sent).not.toContain("officialSchema");
});
