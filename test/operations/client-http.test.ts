/**
 * The OpenAPI client (emit/operations/ + templates/runtime/operation-call.ts) against a real HTTP
 * server on 127.0.0.1: generated from the fixtures in test/fixtures/openapi/ (parsed here: the
 * loader's YAML parser is ESM, which jest's CommonJS cannot load), loaded as the
 * CommonJS a user runs, each call's exact URL, headers and body asserted as the server received
 * them. Parameter styles, bodies by media type, responses by status, `validateResponses`,
 * security schemes, the retry rules of non-idempotent methods, servers with variables.
 */
import * as path from "node:path";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { json, startRecordingServer, type RecordingServer } from "../helpers/recording-server";
import { tempDir } from "../helpers/temp";

const dir = tempDir("koala-codegen-operations-");
const fixture = (name: string): string => path.join(REPO_ROOT, "test", "fixtures", "openapi", name);
type Api = Record<string, any>;

let server: RecordingServer;
const apis: Record<string, Api> = {};
beforeAll(async () => {
  server = await startRecordingServer();
  for (const name of ["client-params", "client-bodies", "client-auth-retry"]) {
    apis[name] = (await loadGenerated<Api>(path.join(dir, name), { schema: await parseDocument(fixture(`${name}.yaml`)), formatter: async (text) => text })).module;
  }
}, 120_000);
afterAll(() => server.close());
beforeEach(() => server.reset());

/** A retry budget that keeps tests fast: no waiting between attempts worth the name. */
const quickRetry = { attempts: 3, minDelayMs: 1, maxDelayMs: 2 };

describe("servers and parameters (client-params.yaml)", () => {
  const api = (): Api => apis["client-params"]!;
  const client = (): unknown => api().createParamsAPIClient({ baseUrl: api().paramsAPIServerUrl({ port: String(server.port) }) });

  test("the server URL fills its variables, defaults where absent", () => {
    expect(api().paramsAPIServerUrl()).toBe("http://127.0.0.1:80/v1");
    expect(api().paramsAPIServerUrl({ scheme: "https", port: "8443", base: "v2" })).toBe("https://127.0.0.1:8443/v2");
    expect(api().createParamsAPIClient().baseUrl).toBe("http://127.0.0.1:80/v1");
  });

  test("a base URL that is not absolute is a TypeError at creation", () => {
    expect(() => api().createParamsAPIClient({ baseUrl: "/relative" })).toThrow(TypeError);
  });

  test("path: simple (primitive percent-encoded, array, exploded object)", async () => {
    server.respond({ status: 204 });
    const result = await api().pathSimple(client(), { path: { id: "a b/c", list: [1, 2], obj: { x: 1, y: 2 } } });
    expect(result).toMatchObject({ ok: true, status: 204 });
    expect(server.received.map((r) => [r.method, r.url])).toEqual([["GET", "/v1/simple/a%20b%2Fc/1,2/x=1,y=2"]]);
  });

  test("path: label, exploded and not", async () => {
    await api().pathLabel(client(), { path: { a: ["x", "y"], b: ["x", "y"] } });
    expect(server.received[0]!.url).toBe("/v1/label/.x,y/.x.y");
  });

  test("path: matrix (primitive, exploded array, object)", async () => {
    await api().pathMatrix(client(), { path: { a: "v", b: ["1", "2"], c: { x: 1, y: 2 } } });
    expect(server.received[0]!.url).toBe("/v1/matrix/;a=v/;b=1;b=2/;c=x,1,y,2");
  });

  test("query: form (exploded and not, object), spaceDelimited, pipeDelimited, deepObject, allowReserved, content", async () => {
    await api().queryStyles(client(), {
      query: { form: ["a", "b"], formFlat: ["a", "b"], point: { x: 1, y: 2 }, space: ["a", "b"], pipe: ["a", "b"], deep: { x: 1, y: 2 }, reserved: "a/b?c", text: "a&b=c d", filter: { tag: "x" } },
    });
    expect(server.received[0]!.url).toBe(
      "/v1/query?form=a&form=b&formFlat=a,b&x=1&y=2&space=a%20b&pipe=a%7Cb&deep%5Bx%5D=1&deep%5By%5D=2&reserved=a/b?c&text=a%26b%3Dc%20d&filter=%7B%22tag%22%3A%22x%22%7D",
    );
  });

  test("query: absent parameters are left out", async () => {
    await api().queryStyles(client());
    expect(server.received[0]!.url).toBe("/v1/query");
  });

  test("header (simple, exploded object) and cookie (form, not exploded)", async () => {
    await api().headerAndCookie(client(), { header: { "X-List": ["a", "b"], "X-Point": { x: 1, y: 2 }, "X-Required": 7 }, cookie: { session: "abc", prefs: ["a", "b"] } });
    const { headers } = server.received[0]!;
    expect([headers["x-list"], headers["x-point"], headers["x-required"], headers.cookie]).toEqual(["a,b", "x=1,y=2", "7", "session=abc; prefs=a,b"]);
  });

  test("an operation without operationId is named by method + path; the map lists every operation", async () => {
    expect(api().paramsAPIOperations.deleteAnonymousById).toEqual({ method: "DELETE", path: "/anonymous/{id}", call: api().deleteAnonymousById });
    expect(Object.keys(api().paramsAPIOperations)).toEqual(["pathSimple", "pathLabel", "pathMatrix", "queryStyles", "headerAndCookie", "deleteAnonymousById"]);
    await api().paramsAPIOperations.deleteAnonymousById.call(client(), { path: { id: 5 } });
    expect(server.received.map((r) => [r.method, r.url])).toEqual([["DELETE", "/v1/anonymous/5"]]);
  });
});

describe("bodies and responses (client-bodies.yaml)", () => {
  const api = (): Api => apis["client-bodies"]!;
  const client = (options: object = {}): unknown => api().createBodiesAPIClient({ baseUrl: `${server.origin}/api`, retry: quickRetry, ...options });
  const pet = { id: 1, name: "Rex" };

  test("application/json: validated, sent as JSON; the declared 201 is typed data", async () => {
    server.respond(json(201, pet));
    const result = await api().createPetOperation(client(), { body: { name: "Rex", age: 3 } });
    expect(result).toMatchObject({ ok: true, status: 201, data: pet });
    expect(server.received[0]).toMatchObject({ method: "POST", url: "/api/pets", body: '{"name":"Rex","age":3}' });
    expect(server.received[0]!.headers["content-type"]).toBe("application/json");
  });

  test("application/x-www-form-urlencoded", async () => {
    server.respond(json(201, pet));
    await api().createPetOperation(client(), { contentType: "application/x-www-form-urlencoded", body: { name: "Rex & co", age: 3 } });
    expect(server.received[0]!.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(server.received[0]!.body).toBe("name=Rex%20%26%20co&age=3");
  });

  test("multipart/form-data: one part per property, one per array item, files as they are", async () => {
    server.respond(json(201, pet));
    await api().createPetOperation(client(), { contentType: "multipart/form-data", body: { name: "Rex", tags: ["a", "b"], photo: new Blob(["PNG"], { type: "image/png" }) } });
    const { headers, body } = server.received[0]!;
    const boundary = /^multipart\/form-data; boundary=(.+)$/.exec(headers["content-type"]!)?.[1];
    expect(boundary).toBeDefined();
    const parts = body.split(`--${boundary}`).slice(1, -1).map((part) => part.trim().replace(/\r\n/g, "\n"));
    expect(parts).toEqual([
      'Content-Disposition: form-data; name="name"\n\nRex',
      'Content-Disposition: form-data; name="tags"\n\na',
      'Content-Disposition: form-data; name="tags"\n\nb',
      'Content-Disposition: form-data; name="photo"; filename="blob"\nContent-Type: image/png\n\nPNG',
    ]);
  });

  test("an invalid body is not sent: kind invalid-request with the guard's errors", async () => {
    const result = await api().createPetOperation(client(), { body: { name: "", extra: true } });
    expect(result.ok).toBe(false);
    expect(result.kind).toBe("invalid-request");
    expect(result.errors.length).toBeGreaterThan(0);
    expect(server.received).toEqual([]);
  });

  test("validate: false sends it anyway (the server decides)", async () => {
    server.respond(json(400, { title: "bad" }));
    const result = await api().createPetOperation(client({ validate: false }), { body: { name: "" } });
    expect(result).toMatchObject({ ok: false, kind: "http", status: 400, error: { title: "bad" } });
    expect(server.received).toHaveLength(1);
  });

  test("another media type is sent as given (a Blob, or a string)", async () => {
    server.respond({ status: 204 }, { status: 200, headers: { "content-type": "application/json" }, body: "{}" });
    await api().putPhoto(client(), { path: { id: 3 }, body: new Blob(["\u0089PNG"]) });
    await api().addNote(client(), { body: "hello" });
    expect(server.received.map((r) => [r.method, r.url, r.headers["content-type"], r.body])).toEqual([
      ["PUT", "/api/pets/3/photo", "image/png", "\u0089PNG"],
      ["POST", "/api/notes", "text/plain", "hello"],
    ]);
  });

  test("an optional body may be left out", async () => {
    server.respond({ status: 200, headers: { "content-type": "application/json" }, body: '{"title":"ok"}' });
    const result = await api().addNote(client());
    expect(result).toMatchObject({ ok: true, status: 200, data: { title: "ok" } });
    expect(server.received[0]!.body).toBe("");
    expect(server.received[0]!.headers["content-type"]).toBeUndefined();
  });

  test("status matching: exact, then range (a text body), then default; an undeclared status", async () => {
    server.respond(json(404, { title: "no" }), { status: 503, headers: { "content-type": "text/plain" }, body: "down" }, json(409, { title: "dup" }, "application/problem+json"), { status: 418, body: "teapot" });
    const c = client({ retry: false });
    expect(await api().getPet(c, { path: { id: 9 } })).toMatchObject({ ok: false, kind: "http", status: 404, error: { title: "no" } });
    expect(await api().getPet(c, { path: { id: 9 } })).toMatchObject({ ok: false, kind: "http", status: 503, error: "down" });
    expect(await api().createPetOperation(c, { body: { name: "R" } })).toMatchObject({ ok: false, kind: "http", status: 409, error: { title: "dup" } });
    expect(await api().getPet(c, { path: { id: 9 } })).toMatchObject({ ok: false, kind: "undeclared-status", status: 418, body: "teapot" });
  });

  test("default stands for a 2xx only when no success is declared", async () => {
    server.respond({ status: 202, headers: { "content-type": "application/json" }, body: "{}" });
    expect(await api().createPetOperation(client(), { body: { name: "R" } })).toMatchObject({ ok: false, kind: "undeclared-status", status: 202 });
  });

  test("validateResponses: a body the guard refuses is kind invalid-response; without it the data comes as it is", async () => {
    server.respond(json(200, { id: "one" }), json(200, { id: "one" }), json(404, { nope: 1 }));
    expect(await api().getPet(client(), { path: { id: 1 } })).toMatchObject({ ok: true, status: 200, data: { id: "one" } });
    const checked = await api().getPet(client({ validateResponses: true }), { path: { id: 1 } });
    expect(checked).toMatchObject({ ok: false, kind: "invalid-response", status: 200, body: { id: "one" } });
    expect(checked.errors.length).toBeGreaterThan(0);
    expect(await api().getPet(client({ validateResponses: true }), { path: { id: 1 } })).toMatchObject({ ok: false, kind: "invalid-response", status: 404 });
  });

  test("a JSON response that does not parse is kind invalid-response, never a throw", async () => {
    server.respond({ status: 200, headers: { "content-type": "application/json" }, body: "{not json" });
    expect(await api().getPet(client(), { path: { id: 1 } })).toMatchObject({ ok: false, kind: "invalid-response", status: 200, body: "{not json" });
  });

  test("a transient status is retried for GET, and the last response is the result", async () => {
    server.respond({ status: 503, body: "a" }, { status: 503, body: "b" }, json(200, pet));
    expect(await api().getPet(client(), { path: { id: 1 } })).toMatchObject({ ok: true, status: 200, data: pet });
    expect(server.received).toHaveLength(3);
  });
});

describe("security and retries (client-auth-retry.yaml)", () => {
  const api = (): Api => apis["client-auth-retry"]!;
  const client = (options: object = {}): unknown => api().createAuthAPIClient({ baseUrl: server.origin, retry: quickRetry, ...options });
  const all = { bearer: "tok", headerKey: "hk", queryKey: "q k", cookieKey: "ck", basic: { username: "ada", password: "pa:ss é" } };

  test("http bearer, from the document's default security", async () => {
    await api().withBearer(client({ auth: all }));
    expect(server.received[0]!.headers.authorization).toBe("Bearer tok");
  });

  test("apiKey in a header, the query (after the parameters) and a cookie (after the parameters)", async () => {
    const c = client({ auth: all });
    await api().withHeaderKey(c);
    await api().withQueryKey(c, { query: { q: "1" } });
    await api().withCookieKey(c, { cookie: { theme: "dark" } });
    expect(server.received[0]!.headers["x-api-key"]).toBe("hk");
    expect(server.received[0]!.headers.authorization).toBeUndefined();
    expect(server.received[1]!.url).toBe("/query-key?q=1&api_key=q%20k");
    expect(server.received[2]!.headers.cookie).toBe("theme=dark; token=ck");
  });

  test("a header parameter named like the API key's header in another case gives way to the key: one header, the key's", async () => {
    await api().withHeaderKey(client({ auth: all }), { header: { "x-api-key": "param" } });
    // Without a credential for the scheme, the parameter is sent as given.
    await api().withHeaderKey(client(), { header: { "x-api-key": "param" } });
    expect(server.received.map((r) => r.headers["x-api-key"])).toEqual(["hk", "param"]);
  });

  test("http basic: base64 of UTF-8 user:password", async () => {
    await api().withBasic(client({ auth: all }));
    expect(server.received[0]!.headers.authorization).toBe(`Basic ${Buffer.from("ada:pa:ss é", "utf8").toString("base64")}`);
  });

  test("alternatives: the first the credentials cover; every scheme of it applies", async () => {
    await api().withEither(client({ auth: all }));
    await api().withEither(client({ auth: { headerKey: "hk", queryKey: "qk" } }));
    expect(server.received[0]!.headers.authorization).toMatch(/^Basic /);
    expect(server.received[0]!.headers["x-api-key"]).toBeUndefined();
    expect([server.received[1]!.url, server.received[1]!.headers["x-api-key"], server.received[1]!.headers.authorization]).toEqual(["/either?api_key=qk", "hk", undefined]);
  });

  test("security: [{}, {bearer: []}] (optional authentication) sends the token when one is configured, nothing when none is", async () => {
    await api().optionalAuth(client({ auth: all }));
    await api().optionalAuth(client());
    expect(server.received.map((r) => r.headers.authorization)).toEqual([expect.stringMatching(/^Bearer /), undefined]);
  });

  test("security: [] sends no credentials; no credentials configured sends none either", async () => {
    await api().publicInfo(client({ auth: all }));
    await api().withBearer(client());
    expect(server.received.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
  });

  test("GET, PUT are retried; POST and PATCH are not (one attempt, the failure reported)", async () => {
    const c = client();
    server.respond({ status: 503 }, { status: 200 });
    expect(await api().listItems(c)).toMatchObject({ ok: true, status: 200 });
    server.respond({ status: 503 }, { status: 200 });
    expect(await api().replaceItems(c)).toMatchObject({ ok: true, status: 200 });
    server.respond({ status: 503 });
    expect(await api().createItem(c)).toMatchObject({ ok: false, kind: "undeclared-status", status: 503 });
    server.respond({ status: 503 });
    expect(await api().patchItems(c)).toMatchObject({ ok: false, kind: "undeclared-status", status: 503 });
    expect(server.received.map((r) => r.method)).toEqual(["GET", "GET", "PUT", "PUT", "POST", "PATCH"]);
  });

  test("retryNonIdempotent: true retries POST and PATCH too", async () => {
    server.respond({ status: 503 }, { status: 201 }, { status: 429 }, { status: 200 });
    const c = client({ retryNonIdempotent: true });
    expect(await api().createItem(c)).toMatchObject({ ok: true, status: 201 });
    expect(await api().patchItems(c)).toMatchObject({ ok: true, status: 200 });
    expect(server.received.map((r) => r.method)).toEqual(["POST", "POST", "PATCH", "PATCH"]);
  });

  test("a POST with an Idempotency-Key header is retried with the same key: a fresh one when the caller gives none", async () => {
    server.respond({ status: 503 }, { status: 201 }, { status: 500 }, { status: 201 });
    const c = client({ newId: () => "key-1" });
    expect(await api().createOrder(c)).toMatchObject({ ok: true, status: 201 });
    expect(await api().createOrder(c, { header: { "Idempotency-Key": "mine" } })).toMatchObject({ ok: true, status: 201 });
    expect(server.received.map((r) => r.headers["idempotency-key"])).toEqual(["key-1", "key-1", "mine", "mine"]);
  });

  test("x-idempotency-key naming a property of the body: filled once before the first attempt, the POST retried with it", async () => {
    server.respond({ status: 503 }, { status: 201 }, { status: 500 }, { status: 201 });
    let calls = 0;
    const c = client({ newId: () => `pay-${++calls}` });
    const body = { amount: 5 };
    expect(await api().createPayment(c, { body })).toMatchObject({ ok: true, status: 201 });
    expect(body).toEqual({ amount: 5 });
    expect(await api().createPayment(c, { body: { amount: 6, payment_id: "mine" } })).toMatchObject({ ok: true, status: 201 });
    expect(server.received.map((r) => [r.method, JSON.parse(r.body)])).toEqual([
      ["POST", { amount: 5, payment_id: "pay-1" }],
      ["POST", { amount: 5, payment_id: "pay-1" }],
      ["POST", { amount: 6, payment_id: "mine" }],
      ["POST", { amount: 6, payment_id: "mine" }],
    ]);
    expect(calls).toBe(1);
  });

  test("the default key is a UUID", async () => {
    await api().createOrder(client());
    expect(server.received[0]!.headers["idempotency-key"]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  test("hooks see every attempt and retry", async () => {
    const events: string[] = [];
    server.respond({ status: 502 }, { status: 200 });
    const hooks = { onRequest: (e: any) => events.push(`request ${e.attempt}`), onResponse: (e: any) => events.push(`response ${e.attempt} ${e.status} ${e.outcome}`), onRetry: (e: any) => events.push(`retry ${e.attempt} ${e.reason}`) };
    await api().listItems(client({ hooks }));
    expect(events).toEqual(["request 1", "response 1 502 http", "retry 1 http", "request 2", "response 2 200 ok"]);
  });

  test("no server: kind network after the attempts; never a throw", async () => {
    const closed = await startRecordingServer();
    const origin = closed.origin;
    await closed.close();
    const result = await api().listItems(api().createAuthAPIClient({ baseUrl: origin, retry: { attempts: 2, minDelayMs: 1, maxDelayMs: 1 } }));
    expect(result).toEqual({ ok: false, kind: "network", attempts: 2 });
  });

  test("no answer within timeoutMs: kind timeout", async () => {
    server.respond({ status: 200, delayMs: 5_000 });
    const result = await api().listItems(client({ timeoutMs: 100, retry: false }));
    expect(result).toEqual({ ok: false, kind: "timeout", attempts: 1 });
  });

  test("the caller's signal: kind aborted", async () => {
    const controller = new AbortController();
    controller.abort();
    expect(await api().listItems(client(), {}, { signal: controller.signal })).toEqual({ ok: false, kind: "aborted", attempts: 0 });
    expect(server.received).toEqual([]);
  });
});
