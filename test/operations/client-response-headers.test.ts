/**
 * Declared response headers (`responses.<status>.headers`) through the generated client
 * (templates/runtime/response-headers.ts): read into `header` by their schemas (a number, a list, a
 * boolean, JSON by `content`), and with `validateResponses` checked by the guard of the response's
 * headers object, a failure being an `invalid-response` with errors at `/header/<name>`, listed with
 * the body's. Against a real HTTP server on 127.0.0.1 that sends exactly the headers scripted, and
 * against the mock server, which sends the declared headers (examples, else synthesized values).
 */
import * as path from "node:path";
import { startMockServer, type MockServer } from "../../generator/mock-server/server";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server";
import { tempDir } from "../helpers/temp";

const SEED = 20261202;
const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "client-response-headers.yaml");
type Api = Record<string, any>;

const dir = tempDir("koala-codegen-response-headers-");
let api: Api;
let server: RecordingServer;
let mock: MockServer;
beforeAll(async () => {
  const document = await parseDocument(FIXTURE);
  api = (await loadGenerated<Api>(dir, { schema: document, formatter: async (text) => text })).module;
  server = await startRecordingServer();
  mock = await startMockServer({ schema: document, seed: SEED });
}, 120_000);
afterAll(async () => {
  await server.close();
  await mock.close();
});
beforeEach(() => server.reset());

const json = (status: number, body: unknown, headers: Record<string, string> = {}) => ({ status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const client = (validateResponses: boolean) => api.createHeadersAPIClient({ baseUrl: server.origin, validateResponses, retry: { attempts: 1 } });

test("declared headers are read by their schemas into `header`", async () => {
  server.respond(json(200, [{ id: 1, name: "Rex" }], { "x-rate-limit": "100", "x-tags": "a, b,c", "x-cached": "true", "x-page": "3", "x-next": "https://x.test/p%2C2", "x-debug": '{"ms":1.5}', "x-rate": "limit,100,remaining,5", "x-quota": "used=1.5,beta=true", "x-other": "7" }));
  const result = await api.listPets(client(true));
  expect(result).toMatchObject({ ok: true, status: 200, data: [{ id: 1, name: "Rex" }] });
  expect(result.header).toEqual({ "X-Rate-Limit": 100, "X-Next": "https://x.test/p%2C2", "X-Tags": ["a", "b", "c"], "X-Cached": true, "X-Page": 3, "X-Debug": { ms: 1.5 }, "X-Rate": { limit: 100, remaining: 5 }, "X-Quota": { used: 1.5, beta: true } });
  // The Fetch headers stay as they came.
  expect(result.headers.get("x-other")).toBe("7");
});

test("a header's text is read as sent: servers do not percent-encode header values (OpenAPI 3.1.2 Appendix D)", async () => {
  server.respond(json(200, [], { "x-rate-limit": "1", "x-next": "https://api.x/files/my%20report.pdf", "x-tags": "a%62" }));
  const result = await api.listPets(client(true));
  // Decoded, the URI would hold a space and fail `format: uri`; "%62" would be "b" and pass the pattern.
  expect(result.errors ?? []).toEqual([expect.objectContaining({ path: "/header/X-Tags/0" })]);
  expect(result.kind).toBe("invalid-response");
  server.respond(json(200, [], { "x-rate-limit": "1", "x-next": "https://api.x/files/my%20report.pdf" }));
  expect(await api.listPets(client(true))).toMatchObject({ ok: true, header: { "X-Next": "https://api.x/files/my%20report.pdf" } });
});

test("a number is read only from a JSON number's text; an empty list is []", async () => {
  for (const text of ["0x10", "0b1", "", "+5", "010", "Infinity", "1."]) {
    server.respond(json(200, [], { "x-rate-limit": text }));
    const result = await api.listPets(client(true));
    expect([text, result.kind, result.errors?.map((e: { path: string }) => e.path)]).toEqual([text, "invalid-response", ["/header/X-Rate-Limit"]]);
  }
  server.respond(json(200, [], { "x-rate-limit": "2.5e1", "x-tags": "" }));
  expect(await api.listPets(client(false))).toMatchObject({ ok: true, header: { "X-Rate-Limit": 25, "X-Tags": [] } });
});

test("an object header's properties are read by their own schemas", async () => {
  server.respond(json(200, [], { "x-rate-limit": "1", "x-rate": "limit,0,remaining,x", "x-quota": "used=much,beta=yes" }));
  const result = await api.listPets(client(true));
  expect(result.errors.map((e: { path: string }) => e.path).sort()).toEqual(["/header/X-Quota/beta", "/header/X-Quota/used", "/header/X-Rate/limit", "/header/X-Rate/remaining"]);
  server.respond(json(200, [], { "x-rate-limit": "1", "x-rate": "limit, 7", "x-quota": "__proto__=true" }));
  const ok = await api.listPets(client(true));
  expect(ok).toMatchObject({ ok: true, header: { "X-Rate": { limit: 7 } } });
  expect(Object.getPrototypeOf(ok.header["X-Quota"])).toBe(Object.prototype);
  expect(Object.getOwnPropertyDescriptor(ok.header["X-Quota"], "__proto__")?.value).toBe(true);
});

test("an error status's declared headers are on the http error", async () => {
  server.respond(json(429, { message: "slow down" }, { "retry-after": "2" }));
  expect(await api.listPets(client(true))).toMatchObject({ ok: false, kind: "http", status: 429, error: { message: "slow down" }, header: { "Retry-After": 2 } });
});

test("with validateResponses, a header that fails its schema or a missing required one is an invalid response", async () => {
  server.respond(json(200, [], { "x-rate-limit": "0", "x-tags": "ok,NOT" }));
  const bad = await api.listPets(client(true));
  expect(bad).toMatchObject({ ok: false, kind: "invalid-response", status: 200, body: [] });
  expect(bad.errors.map((e: { path: string }) => e.path).sort()).toEqual(["/header/X-Rate-Limit", "/header/X-Tags/1"]);

  server.respond({ status: 204, headers: { "x-page": "2" } });
  const missing = await api.deletePet(client(true), { path: { id: 1 } });
  expect(missing).toMatchObject({ ok: false, kind: "invalid-response", status: 204 });
  expect(missing.errors).toEqual([expect.objectContaining({ path: "/header" })]);
  expect(missing.errors[0].message).toMatch(/X-Request-Id/);

  server.respond({ status: 204, headers: { "x-request-id": "req-12" } });
  const pattern = await api.deletePet(client(true), { path: { id: 1 } });
  expect(pattern).toMatchObject({ ok: false, kind: "invalid-response", errors: [expect.objectContaining({ path: "/header/X-Request-Id" })] });
});

test("the body's errors and the headers' are listed together", async () => {
  server.respond(json(200, [{ id: "one" }], { "x-rate-limit": "many" }));
  const result = await api.listPets(client(true));
  expect(result.kind).toBe("invalid-response");
  const paths: string[] = result.errors.map((e: { path: string }) => e.path);
  expect(paths).toContain("/header/X-Rate-Limit");
  expect(paths.some((p) => p.startsWith("/0"))).toBe(true);
});

test("without validateResponses, headers are read but not checked", async () => {
  server.respond(json(200, [], { "x-rate-limit": "many" }));
  expect(await api.listPets(client(false))).toMatchObject({ ok: true, status: 200, header: { "X-Rate-Limit": "many" } });
});

test("the mock server sends the declared headers: examples where they pass, else synthesized values that pass the guard", async () => {
  const mockClient = api.createHeadersAPIClient({ baseUrl: mock.url, validateResponses: true, retry: { attempts: 1 } });
  const pets = await api.listPets(mockClient);
  expect(pets).toMatchObject({ ok: true, status: 200 });
  // X-Rate-Limit documents an example, 100.
  expect(pets.header["X-Rate-Limit"]).toBe(100);
  // X-Rate documents an object example, sent as "limit,100,remaining,5" and read back by its properties' schemas.
  expect(pets.header["X-Rate"]).toEqual({ limit: 100, remaining: 5 });
  // X-Next's example goes on the wire as written, not percent-encoded again ("%2520").
  expect(pets.headers.get("x-next")).toBe("https://x.test/files/my%20report.pdf");
  expect(pets.header["X-Next"]).toBe("https://x.test/files/my%20report.pdf");
  // X-Labels' example has an item holding ",": as "a,b,c" it would read back as three items, so the mock synthesizes instead.
  expect(pets.headers.get("x-labels")).not.toBe("a,b,c");
  expect(pets.header["X-Labels"]).not.toEqual(["a,b", "c"]);
  const gone = await api.deletePet(mockClient, { path: { id: 5 } });
  expect(gone).toMatchObject({ ok: true, status: 204 });
  expect(gone.header["X-Request-Id"]).toMatch(/^req-[0-9a-f]{4}$/);
});
