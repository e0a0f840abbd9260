/**
 * End to end, for every OpenAPI document we have (test/fixtures/openapi/, Koala's ingestion API, the
 * specification's examples in ../shared/openapi): the package generated with the real pipeline and
 * loaded as its CommonJS build, the mock server started from the same document on 127.0.0.1, and
 * every operation called through the generated client with a request synthesized from the
 * operation's schemas (synthesizeRequest: each part passes its generated guard). Each call must be
 * accepted by the mock (exactly one recorded request) and answered with the documented status, its
 * body and declared headers passing the generated response guards (`validateResponses: true`). A document generate()
 * refuses by design is asserted refused; any other failure fails its test.
 */
import { existsSync } from "node:fs";
import * as path from "node:path";
import { generate } from "../../generator/index";
import { findResponse, statusCode } from "../../generator/mock-server/answers";
import { readMockApi, type MockApi, type MockOperation } from "../../generator/mock-server/mock-api";
import { startMockServer, type MockServer } from "../../generator/mock-server/server";
import { synthesizeRequest } from "../../generator/mock-server/synthesize";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument, sharedDocuments } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const SEED = 20260613;
const dir = tempDir("koala-codegen-e2e-openapi-");
const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "openapi");
const DOCUMENTS = [
  ...["client-auth-retry.yaml", "client-bodies.yaml", "client-params.yaml", "client-path-query.yaml", "client-response-headers.yaml", "client-servers.yaml", "discriminator-allof-30.json", "discriminator-allof-31.json", "discriminator-read-only.json", "path-fragment-actions.json", "response-media-types.json", "bodiless-responses.json", "allof-parameters.json", "adjacent-path-parameters.json", "header-field-names.json", "property-escape-patterns.json", "media-type-twins.json", "media-type-versions.json", "required-body-without-media.json", "least-values.json", "schema-object-dialects.json", "untyped-form-body.json", "security-shared-authorization.json", "interim-responses.json", "byte-order-mark.json", "concrete-path-first.json", "dot-segment-parameters.json", "fetch-default-headers.json", "fragment-twins-by-header.json", "webhooks-callbacks.yaml", "documented-redirects.json", "read-write.json", "query-pair-owners.json", "prototype-names.json", "yaml-merge-keys.yaml", "separated-path-parameters.json", "media-range-bodies.yaml", "discriminator-pinned-tags.json", "equivalent-templates.json", "multipart-form-fields.yaml", "text-bodies.yaml", "json-range-responses.json", "form-body-encoding.json", "union-parameter-values.json", "required-undeclared-keys.yaml", "split-read-only/split-store.yaml", "split-30/split-store-30.yaml", "read-only-ids.json", "nullable-parameters.json", "raw-json-bodies.json", "empty-path-segments.json", "discriminator-branch-cycle.json", "integer-discriminator.json", "discriminator-inline-branches.json", "unnamed-media-type.json", "content-range-parameters.json", "lookahead-patterns.json"].map((name) => path.join(FIXTURES, name)),
  path.join(REPO_ROOT, "schemas", "koala-ingestion.openapi.yaml"),
  ...sharedDocuments("3.0/examples"),
  ...sharedDocuments("3.1/pass"),
];
/** Refused by generate() for a reason the document really has (as test/openapi/read-openapi.test.ts asserts of the reader). */
const REFUSED: Record<string, RegExp> = {
  "operation-object-example.yaml": /path parameter "petId" is not in the path template/,
  "parameter-object-examples.yaml": /path parameter "usernames" is not in the path template/,
  // generate() reads every file a document's references reach: a remote one needs --allow-network (as cli-openapi.test.ts).
  "security-scheme-object-examples.yaml": /\$ref to remote https:\/\/example\.com\/api\/openapi\.json is not fetched without --allow-network/,
};

/** Methods fetch will not send ("'TRACE' HTTP method is unsupported"), which a document may still declare: the client answers kind "unsupported-method". */
const FORBIDDEN_BY_FETCH = new Set(["TRACE"]);

type Result = { ok: boolean; status?: number; kind?: string; data?: unknown; error?: unknown; errors?: unknown; header?: unknown };
type OperationEntry = { method: string; path: string; call: (client: unknown, request: object) => Promise<Result> };

const summary: string[] = [];
afterAll(() => {
  // One line per document: what was called (the figures the issue asks for).
  process.stdout.write(`\nOpenAPI documents end to end (generated client → mock server), seed ${SEED}:\n${summary.sort().join("\n")}\n`);
});

/** The generated module's operation map and client factory (one of each in an OpenAPI package). */
function clientParts(module: Record<string, unknown>): { operations: Record<string, OperationEntry>; create: (options: object) => { schemes: Record<string, unknown> } } {
  const operations = Object.entries(module).filter(([name, value]) => name.endsWith("Operations") && typeof value === "object" && value !== null);
  const factories = Object.entries(module).filter(([name, value]) => /^create\w+Client$/.test(name) && typeof value === "function");
  if (operations.length !== 1 || factories.length !== 1) throw new Error(`expected one operation map and one client factory, found ${operations.map(([n]) => n).join(", ") || "no map"} and ${factories.map(([n]) => n).join(", ") || "no factory"}`);
  return { operations: operations[0]![1] as Record<string, OperationEntry>, create: factories[0]![1] as never };
}

/** A credential for every security scheme the client can apply: basic takes a user and password, the others a token. */
function credentials(api: MockApi, schemes: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(schemes.map((name) => [name, api.securitySchemes.find((s) => s.name === name)?.kind === "basic" ? { username: "e2e", password: "secret" } : "e2e-token"]));
}

/** The status the mock answers a valid request with: its first documented success, else default or the first (answers.ts). */
function expectedStatus(operation: MockOperation): number | undefined {
  const response = findResponse(operation);
  return response && statusCode(response.status);
}

test.each(DOCUMENTS.map((file) => [path.relative(REPO_ROOT, file), file]))("%s", async (_name, file) => {
  const name = path.basename(file);
  const document = await parseDocument(file);
  const options = { schema: document, cwd: path.dirname(file) };
  const refused = REFUSED[name];
  if (refused) {
    await expect(generate({ ...options, build: false, format: false })).rejects.toThrow(refused);
    summary.push(`${name}: refused by generate() by design`);
    return;
  }
  const out = path.join(dir, name.replace(/\.yaml$/, ""));
  const { module, files } = await loadGenerated<Record<string, unknown>>(out, { ...options, formatter: async (text) => text });
  const api = await readMockApi(options);
  if (api.operations.length === 0) {
    // Nothing to call: no operation function may have been generated either.
    expect(files.has("src/operations.ts")).toBe(false);
    summary.push(`${name}: no operations (components, webhooks or info only)`);
    return;
  }
  expect(existsSync(path.join(out, "dist", "cjs", "operations.js"))).toBe(true);
  const { operations, create } = clientParts(module);
  const entries = Object.entries(operations);
  expect(entries.map(([, e]) => `${e.method} ${e.path}`).sort()).toEqual(api.operations.map((o) => `${o.method} ${o.path}`).sort());

  const server: MockServer = await startMockServer({ ...options, seed: SEED });
  try {
    const probe = create({ baseUrl: server.url });
    // redirect "manual": a documented 3xx is the answer the mock gives, never a URL for fetch to follow.
    const client = create({ baseUrl: server.url, validateResponses: true, retry: { attempts: 1 }, redirect: "manual", auth: credentials(api, Object.keys(probe.schemes)) });
    const statuses: string[] = [];
    for (const [operationName, entry] of entries) {
      const operation = api.operations.find((o) => o.method === entry.method && o.path === entry.path)!;
      const request = synthesizeRequest(api, operation, SEED);
      const where = `${name} ${operationName} (${entry.method} ${entry.path})`;
      if (request.errors) throw new Error(`${where}: no valid request could be synthesized: ${JSON.stringify(request.errors)}`);
      const before = server.requests().length;
      const result = await entry.call(client, request);
      if (FORBIDDEN_BY_FETCH.has(entry.method)) {
        // fetch refuses the method (the Fetch standard's forbidden methods): the client says so
        // without sending, and nothing reaches the server.
        expect(result).toMatchObject({ ok: false, kind: "unsupported-method", method: entry.method });
        expect(server.requests().length).toBe(before);
        statuses.push(`${operationName} unsupported-method (fetch cannot send ${entry.method})`);
        continue;
      }
      const status = expectedStatus(operation);
      // An operation that documents no response: the mock answers 204, a success with no documented
      // body for the client; otherwise the documented status, its body checked.
      const expected = status === undefined ? { ok: true, status: 204 } : status < 300 ? { ok: true, status } : { ok: false, kind: "http", status };
      if (!(result.ok === expected.ok && result.status === expected.status && result.kind === expected.kind)) {
        throw new Error(`${where}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(result)} for the request ${JSON.stringify(request)}`);
      }
      // Declared response headers came (the required ones were checked by the guard above) and were read into `header`.
      if (findResponse(operation)?.headers) expect(result).toHaveProperty("header", expect.any(Object));
      const recorded = server.requests().slice(before);
      expect(recorded.map((r) => [r.operation, r.method])).toEqual([[operation.name, entry.method]]);
      statuses.push(`${operationName} ${result.ok ? "" : `${result.kind} `}${result.status}`);
    }
    summary.push(`${name}: ${entries.length} operation${entries.length === 1 ? "" : "s"} called, each accepted by the mock and answered as documented, bodies passing their guards (${statuses.join(", ")})`);
  } finally {
    await server.close();
  }
}, 60_000);
