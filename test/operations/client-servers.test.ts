/**
 * The generated OpenAPI client of test/fixtures/openapi/client-servers.yaml against the mock server
 * started from the same document on 127.0.0.1: an operation's or path item's own `servers` (with
 * their variables, typed in the request) are where it is sent, unless the caller gives `baseUrl`;
 * an operation that documents no success still answers `ok: true` for a 2xx; `default` types every
 * status; TRACE is a typed "unsupported-method" result, never sent; parameters are checked by their
 * generated guards before sending, errors naming the parameter. The document's own server is port 9
 * of 127.0.0.1, where nothing listens: a call that reaches the mock went to its operation's server.
 */
import * as path from "node:path";
import { startMockServer, type MockServer } from "../../generator/mock-server/server";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "client-servers.yaml");
const dir = tempDir("koala-codegen-operation-servers-");
type Api = Record<string, any>;

let api: Api;
let mock: MockServer;
let port: string;
beforeAll(async () => {
  const document = await parseDocument(FIXTURE);
  api = (await loadGenerated<Api>(dir, { schema: document, formatter: async (text) => text })).module;
  mock = await startMockServer({ schema: document, seed: 3 });
  port = new URL(mock.url).port;
}, 120_000);
afterAll(() => mock?.close());
beforeEach(() => mock.reset());

const once = { retry: false as const };
const paths = (): string[] => mock.requests().map((r) => `${r.method} ${r.path}`);

describe("servers", () => {
  test("an operation without servers of its own goes to the document's server (nothing listens on port 9)", async () => {
    expect(api.createServersAPIClient().baseUrl).toBe("http://127.0.0.1:9");
    expect(await api.fromDocument(api.createServersAPIClient(once))).toEqual({ ok: false, kind: "network", attempts: 1 });
  });

  test("a path item's server, its variable given in the request, the document's server notwithstanding", async () => {
    const result = await api.fromPathItem(api.createServersAPIClient({ ...once, validateResponses: true }), { path: { id: 7 }, server: { port } });
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(paths()).toEqual(["GET /files/7"]);
  });

  test("an operation's first server, variables at their defaults where not given", async () => {
    const result = await api.fromOperation(api.createServersAPIClient(once), { server: { port } });
    expect(result).toMatchObject({ ok: true, status: 201 });
    expect(paths()).toEqual(["POST /uploads"]);
    // Every variable at its default: port 9 again, nothing listens.
    expect(await api.fromOperation(api.createServersAPIClient(once))).toEqual({ ok: false, kind: "network", attempts: 1 });
  });

  test("a baseUrl the caller gives wins over every operation's servers", async () => {
    const client = api.createServersAPIClient({ ...once, baseUrl: mock.url });
    expect(await api.fromDocument(client)).toMatchObject({ ok: true, status: 200 });
    expect(await api.fromPathItem(client, { path: { id: 1 }, server: { port: "9" } })).toMatchObject({ ok: true, status: 200 });
    expect(await api.fromOperation(client)).toMatchObject({ ok: true, status: 201 });
    expect(paths()).toEqual(["GET /documented", "GET /files/1", "POST /uploads"]);
  });

  test("a relative server is resolved against the document's server", async () => {
    const urls: string[] = [];
    const fetch = async (url: string): Promise<Response> => {
      urls.push(url);
      return new Response(null, { status: 200 });
    };
    expect(await api.relativeServer(api.createServersAPIClient({ ...once, fetch }))).toMatchObject({ ok: true, status: 200 });
    expect(urls).toEqual(["http://127.0.0.1:9/v2/relative"]);
  });
});

describe("responses", () => {
  test("no documented response: a 2xx is ok with its body as data (the mock answers 204)", async () => {
    const client = api.createServersAPIClient({ ...once, baseUrl: mock.url });
    expect(await api.noResponses(client)).toMatchObject({ ok: true, status: 204, data: undefined });
    mock.inject({ status: 202, body: { queued: true } });
    expect(await api.noResponses(client)).toMatchObject({ ok: true, status: 202, data: { queued: true } });
    mock.inject({ status: 409, body: { error: "conflict" } });
    expect(await api.noResponses(client)).toMatchObject({ ok: false, kind: "undeclared-status", status: 409, body: { error: "conflict" } });
  });

  test("only default: a success and an error both typed by it, checked by its guard", async () => {
    const client = api.createServersAPIClient({ ...once, baseUrl: mock.url, validateResponses: true });
    const success = await api.onlyDefault(client);
    expect(success).toMatchObject({ ok: true, status: 200 });
    expect(typeof success.data.message).toBe("string");
    mock.inject({ status: 404, body: { message: "gone" } }, { status: 500, body: { nope: 1 } });
    expect(await api.onlyDefault(client)).toMatchObject({ ok: false, kind: "http", status: 404, error: { message: "gone" } });
    expect(await api.onlyDefault(client)).toMatchObject({ ok: false, kind: "invalid-response", status: 500 });
  });
});

describe("TRACE", () => {
  test("fetch cannot send it: kind unsupported-method, nothing sent, no throw", async () => {
    const result = await api.traceEcho(api.createServersAPIClient({ ...once, baseUrl: mock.url }));
    expect(result).toEqual({ ok: false, kind: "unsupported-method", method: "TRACE", message: expect.stringMatching(/fetch cannot send TRACE/) });
    expect(mock.requests()).toEqual([]);
  });

  test("a fetch option of the caller's is trusted to send it", async () => {
    const methods: string[] = [];
    const fetch = async (_url: string, init: { method: string }): Promise<Response> => {
      methods.push(init.method);
      return new Response(null, { status: 200 });
    };
    expect(await api.traceEcho(api.createServersAPIClient({ ...once, fetch }))).toMatchObject({ ok: true, status: 200 });
    expect(methods).toEqual(["TRACE"]);
  });
});

describe("parameters are checked by their guards before sending", () => {
  const client = (options: object = {}): unknown => api.createServersAPIClient({ ...once, baseUrl: mock.url, ...options });

  test("valid parameters of every location are sent", async () => {
    const result = await api.search(client(), { path: { kind: "books" }, query: { limit: 10 }, header: { "X-Trace": "abc" }, cookie: { session: "s-1" } });
    expect(result).toMatchObject({ ok: true, status: 200 });
    expect(paths()).toEqual(["GET /search/books"]);
  });

  test.each([
    ["path", { path: { kind: "songs" } }, "/path/kind"],
    ["query", { path: { kind: "books" }, query: { limit: 500 } }, "/query/limit"],
    ["header", { path: { kind: "books" }, header: { "X-Trace": "ABC" } }, "/header/X-Trace"],
    ["cookie", { path: { kind: "books" }, cookie: { session: "s" } }, "/cookie/session"],
  ])("%s: kind invalid-request, the error at the parameter, nothing sent", async (_name, request, at) => {
    const result = await api.search(client(), request);
    expect(result.ok).toBe(false);
    expect(result.kind).toBe("invalid-request");
    expect(result.errors.map((e: { path: string }) => e.path)).toEqual([at]);
    expect(mock.requests()).toEqual([]);
  });

  test("a query is checked as a whole: a required parameter missing at run time, a key the operation does not declare, every error at once", async () => {
    const missing = await api.lookup(client(), { query: {} });
    expect(missing).toMatchObject({ ok: false, kind: "invalid-request" });
    expect(missing.errors).toEqual([expect.objectContaining({ path: "/query", keyword: "required", message: "must have required property 'q'" })]);
    const undeclared = await api.lookup(client(), { query: { q: "ok", pgae: 2 } });
    expect(undeclared).toMatchObject({ ok: false, kind: "invalid-request" });
    expect(undeclared.errors).toEqual([expect.objectContaining({ path: "/query", keyword: "additionalProperties", message: 'must NOT have additional property "pgae"' })]);
    // Each keyword at the parameter's own place in the document.
    const both = await api.lookup(client(), { query: { q: "x", page: 51 } });
    expect(both.errors.map((e: { path: string; schemaPath: string }) => [e.path, e.schemaPath])).toEqual([
      ["/query/q", "#/paths/~1lookup/get/parameters/0/schema/minLength"],
      ["/query/page", "#/paths/~1lookup/get/parameters/1/schema/maximum"],
    ]);
    expect(mock.requests()).toEqual([]);
    expect(await api.lookup(client(), { query: { q: "ok", page: 2 } })).toMatchObject({ ok: true, status: 200 });
  });

  test("a required idempotency key header the caller leaves out is filled (its headers checked one by one); a given one is checked", async () => {
    const charging = api.createServersAPIClient({ ...once, baseUrl: mock.url });
    // The mock server checks the header by its schema: a 201 is a key of 8 characters or more, sent.
    expect(await api.charge(charging, { header: { "X-Account": "acct" } } as never)).toMatchObject({ ok: true, status: 201 });
    expect(paths()).toEqual(["POST /charges"]);
    const short = await api.charge(charging, { header: { "Idempotency-Key": "short", "X-Account": "a" } });
    expect(short).toMatchObject({ ok: false, kind: "invalid-request" });
    expect(short.errors.map((e: { path: string }) => e.path)).toEqual(["/header/Idempotency-Key"]);
  });

  test("validate: false sends them anyway, and the mock server refuses them", async () => {
    const result = await api.search(client({ validate: false }), { path: { kind: "books" }, query: { limit: 500 } });
    expect(result).toMatchObject({ ok: false, kind: "undeclared-status", status: 400 });
    expect(mock.received().invalid).toBe(1);
  });
});
