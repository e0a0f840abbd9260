/**
 * The mock server from an OpenAPI document that is not Koala's (test/fixtures/mock-server/shop):
 * over real HTTP on 127.0.0.1, every parameter style read back and checked with the generated
 * guards, bodies (JSON and form-urlencoded), security, documented examples and `Prefer`,
 * synthesized answers that are the same for the same seed, faults and inspection; then a JSON
 * Schema served at an endpoint.
 */
import * as path from "node:path";
import { startMockServer, type MockServer, type MockServerOptions } from "../../generator/mock-server/server";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "mock-server");
const SHOP = path.join(FIXTURES, "shop.openapi.yaml");

/** The document parsed here (jest runs CommonJS; the loader's YAML parser is ESM-only). */
async function shop(options: Omit<MockServerOptions, "schema"> = {}): Promise<MockServer> {
  return startMockServer({ schema: await parseDocument(SHOP), cwd: FIXTURES, ...options });
}

async function call(server: MockServer, pathAndQuery: string, init: RequestInit = {}): Promise<{ status: number; body: any; headers: Headers }> {
  const response = await fetch(server.url + pathAndQuery, init);
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: the text
  }
  return { status: response.status, body, headers: response.headers };
}

describe("mock server from an OpenAPI document", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await shop({ seed: 7 });
  });
  afterAll(() => server.close());
  beforeEach(() => {
    server.reset();
    server.setFaults({});
    server.answerAll(undefined);
  });

  test("serves every operation of the document", () => {
    expect(server.operations.map((o) => `${o.method} ${o.path}`)).toEqual([
      "GET /items",
      "POST /items",
      "GET /items/{id}",
      "DELETE /items/{id}",
      "GET /labels/{ids}",
      "GET /points/{point}",
      "GET /categories",
      "GET /reports",
    ]);
  });

  test("query (form, exploded and not, deepObject, pipeDelimited), header and cookie parameters are read back and pass their guards", async () => {
    const ok = await call(server, "/items?limit=5&fields=name,price&tag=a&tag=b&filter%5Bsize%5D=m&filter%5Bcolor%5D=red&sort=name%7Cprice", {
      headers: { "x-trace-id": "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba", cookie: "session=abcd" },
    });
    expect(ok.status).toBe(200);
    expect(server.requests()).toEqual([expect.objectContaining({ method: "GET", operation: "listItems", path: "/items", query: expect.stringContaining("limit=5") })]);
  });

  test.each([
    ["limit=0", "query", "/limit"],
    ["limit=ten", "query", "/limit"],
    ["fields=name,colour", "query", "/fields/1"],
    ["filter%5Bsize%5D=xl", "query", "/filter/size"],
    ["filter%5Bshape%5D=round", "query", "/filter"],
    ["sort=a%7Cb%7Cc", "query", "/sort"],
  ])("?%s is refused: 400 naming the %s parameter %s", async (query, location, pointer) => {
    const refused = await call(server, `/items?${query}`);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: "Invalid request", errors: [expect.objectContaining({ in: location, path: pointer, message: expect.any(String) })] });
    expect(server.received()).toMatchObject({ requests: [], invalid: 1 });
  });

  test("header and cookie parameters are checked too", async () => {
    const header = await call(server, "/items", { headers: { "x-trace-id": "not-a-uuid" } });
    expect(header.body.errors).toEqual([expect.objectContaining({ in: "header", path: "/X-Trace-Id" })]);
    const cookie = await call(server, "/items", { headers: { cookie: "session=ab" } });
    expect(cookie.body.errors).toEqual([expect.objectContaining({ in: "cookie", path: "/session" })]);
  });

  test("path parameters: simple, label exploded, matrix exploded", async () => {
    expect((await call(server, "/items/3")).status).toBe(200);
    expect((await call(server, "/items/0")).body.errors).toEqual([expect.objectContaining({ in: "path", path: "/id" })]);
    expect((await call(server, "/items/x")).status).toBe(400);
    expect((await call(server, "/labels/.1.2.3")).status).toBe(200);
    expect((await call(server, "/labels/.1.two")).body.errors).toEqual([expect.objectContaining({ in: "path", path: "/ids/1" })]);
    expect((await call(server, "/points/;x=1;y=-2")).status).toBe(200);
    expect((await call(server, "/points/;x=1")).body.errors).toEqual([expect.objectContaining({ in: "path", path: "/point" })]);
  });

  test("request bodies: JSON and form-urlencoded, checked with their guards; missing or of an undocumented type", async () => {
    const json = { "content-type": "application/json" };
    expect((await call(server, "/items", { method: "POST", headers: json, body: JSON.stringify({ name: "Teapot", price: 12.5 }) })).status).toBe(201);
    const invalid = await call(server, "/items", { method: "POST", headers: json, body: JSON.stringify({ name: "", price: -1 }) });
    expect(invalid.status).toBe(400);
    expect(invalid.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["/name", "/price"]);
    expect((await call(server, "/items", { method: "POST", headers: json, body: "{oops" })).body.errors).toEqual([{ path: "", message: "The body is not JSON" }]);
    expect((await call(server, "/items", { method: "POST" })).body.errors).toEqual([expect.objectContaining({ message: "the request body is required" })]);
    expect((await call(server, "/items", { method: "POST", headers: { "content-type": "text/plain" }, body: "hi" })).status).toBe(400);

    const form = { "content-type": "application/x-www-form-urlencoded" };
    expect((await call(server, "/items", { method: "POST", headers: form, body: "name=Teapot&price=12.50" })).status).toBe(201);
    expect((await call(server, "/items", { method: "POST", headers: form, body: "name=Teapot&price=cheap" })).body.errors).toEqual([expect.objectContaining({ path: "/price" })]);
    expect(server.requests().map((r) => r.body)).toEqual([{ name: "Teapot", price: 12.5 }, { name: "Teapot", price: "12.50" }]);
  });

  test("security: an operation's schemes need their credentials (401 without); no security, no check", async () => {
    expect((await call(server, "/items/1", { method: "DELETE" })).status).toBe(401);
    expect((await call(server, "/items/1", { method: "DELETE", headers: { authorization: "Bearer t0k3n" } })).status).toBe(204);
    expect((await call(server, "/reports")).status).toBe(401);
    expect((await call(server, "/reports?api_key=k")).status).toBe(200);
    expect((await call(server, "/reports", { headers: { authorization: "Bearer t" } })).status).toBe(200);
  });

  test("the documented example answers; Prefer picks another status or a named example", async () => {
    const item = await call(server, "/items/7");
    expect(item).toMatchObject({ status: 200, body: { id: 7, name: "Teapot" } });
    expect(item.headers.get("x-mock-value")).toBe("example");
    expect(await call(server, "/items/7", { headers: { prefer: "code=404" } })).toMatchObject({ status: 404, body: { code: "not_found" } });
    const post = { method: "POST", headers: { "content-type": "application/json", prefer: "code=400, example=invalid" }, body: JSON.stringify({ name: "x", price: 1 }) };
    // A named example given by $ref to components.examples.
    expect(await call(server, "/items", post)).toMatchObject({ status: 400, body: { code: "invalid", message: "name is required" } });
    const synthesized = await call(server, "/items/7", { headers: { prefer: "dynamic=true" } });
    expect(synthesized.headers.get("x-mock-value")).toBe("synthesized");
    expect(synthesized.body).not.toEqual(item.body);
  });

  test("without an example, a synthesized value: the same for the same seed, another for another seed", async () => {
    const first = await call(server, "/categories");
    expect(first.status).toBe(200);
    expect(first.headers.get("x-mock-value")).toBe("synthesized");
    expect(first.body).toEqual(expect.objectContaining({ name: expect.any(String), children: expect.any(Array) }));
    expect((await call(server, "/categories")).body).toEqual(first.body);

    const same = await shop({ seed: 7 });
    const other = await shop({ seed: 8 });
    try {
      for (const route of ["/categories", "/items", "/labels/.1", "/points/;x=1;y=2", "/reports?api_key=k"]) {
        expect((await call(same, route)).body).toEqual((await call(server, route)).body);
      }
      const differs = await Promise.all(["/categories", "/items", "/reports?api_key=k"].map(async (route) => JSON.stringify((await call(other, route)).body) !== JSON.stringify((await call(server, route)).body)));
      expect(differs).toContain(true);
    } finally {
      await same.close();
      await other.close();
    }
  });

  test("faults and inspection work for any document: injected answers, seeded faults, GET /__mock/received", async () => {
    server.inject("503", { status: 418, body: { teapot: true } });
    expect((await call(server, "/items/1")).status).toBe(503);
    expect(await call(server, "/items/1")).toMatchObject({ status: 418, body: { teapot: true } });
    expect((await call(server, "/items/1")).status).toBe(200);
    server.setFaults({ rate: 1, kinds: ["429"], retryAfterSeconds: 3 });
    const limited = await call(server, "/categories");
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("3");
    const received = (await call(server, "/__mock/received")).body;
    expect(received).toEqual(server.received());
    expect(received).toMatchObject({ faults: { "503": 1, "418": 1, "429": 1 }, requests: [expect.objectContaining({ operation: "getItem" })] });
  });

  test("unknown paths 404, other methods 405; answer-all over HTTP answers every path", async () => {
    expect((await call(server, "/nowhere")).status).toBe(404);
    const put = await call(server, "/items", { method: "PUT" });
    expect(put.status).toBe(405);
    expect(put.headers.get("allow")).toBe("GET, POST");
    await fetch(server.url + "/__mock/answer-all", { method: "POST", body: JSON.stringify({ status: 400, example: "duplicate" }) });
    expect(await call(server, "/nowhere")).toMatchObject({ status: 400, body: { code: "duplicate" } });
    await fetch(server.url + "/__mock/answer-all", { method: "POST", body: "{}" });
    expect((await call(server, "/nowhere")).status).toBe(404);
  });
});

describe("mock server: the path part of the servers' URLs", () => {
  const document = {
    openapi: "3.1.0",
    info: { title: "Prefixed", version: "1" },
    servers: [{ url: "https://{region}.example.com/api/{version}/", variables: { region: { default: "eu" }, version: { default: "v1", enum: ["v1", "v2"] } } }],
    paths: {
      "/items/{id}": { get: { operationId: "getItem", parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer" } }], responses: { "200": { description: "ok", content: { "application/json": { schema: { type: "object", required: ["id"], properties: { id: { type: "integer" } } }, example: { id: 1 } } } } } } },
      "/health": { servers: [{ url: "/status" }], get: { operationId: "health", responses: { "204": { description: "up" } } } },
    },
  };
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ schema: document });
  });
  afterAll(() => server.close());

  test.each([
    ["/items/7", 200],
    ["/api/v1/items/7", 200],
    ["/api/v2/items/7", 404], // variables at their defaults only
    ["/status/health", 204],
    ["/health", 204],
    ["/api/v1/health", 404], // the path item's own servers replace the document's
    ["/api/v1/items/seven", 400],
  ])("%s → %d", async (pathname, status) => {
    expect((await call(server, pathname)).status).toBe(status);
  });

  test("the path parameter is read after the prefix", async () => {
    server.reset();
    await call(server, "/api/v1/items/42");
    expect(server.requests()).toEqual([expect.objectContaining({ operation: "getItem", path: "/api/v1/items/42" })]);
  });
});

describe("mock server: documented examples that fail their schema", () => {
  // A schema object of its own per response (as a parsed file has): a shared object has one location.
  const item = () => ({ type: "object", required: ["id"], properties: { id: { type: "integer" } } });
  const ok = (content: object) => ({ get: { responses: { "200": { description: "ok", content: { "application/json": { schema: item(), ...content } } } } } });
  const document = {
    openapi: "3.0.3",
    info: { title: "Stale examples", version: "1" },
    paths: {
      "/two": ok({ examples: { stale: { value: { id: "seven" } }, fresh: { value: { id: 7 } } } }),
      "/one": ok({ example: { id: "seven" } }),
    },
  };
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ schema: document, seed: 3 });
  });
  afterAll(() => server.close());

  test("the first example that passes the response guard answers; with none, a synthesized value", async () => {
    const two = await call(server, "/two");
    expect(two).toMatchObject({ status: 200, body: { id: 7 } });
    expect(two.headers.get("x-mock-value")).toBe("example");
    const one = await call(server, "/one");
    expect(one.headers.get("x-mock-value")).toBe("synthesized");
    expect(one.body).toEqual({ id: expect.any(Number) });
  });

  test("an example named by Prefer answers as written", async () => {
    expect(await call(server, "/two", { headers: { prefer: "example=stale" } })).toMatchObject({ status: 200, body: { id: "seven" } });
  });
});

describe("mock server: one path per action, told apart by a fragment and a header (AWS)", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ schema: await parseDocument(path.join(REPO_ROOT, "test", "fixtures", "openapi", "path-fragment-actions.json")) });
  });
  afterAll(() => server.close());

  test("the fragment is not matched (fetch never sends it); the operation whose header parameter passes answers", async () => {
    server.reset();
    const post = (target: string, body: object) => call(server, "/", { method: "POST", headers: { "x-amz-target": target, "content-type": "application/json" }, body: JSON.stringify(body) });
    expect((await post("Service.DeleteThing", { Id: "t-1" })).status).toBe(204);
    expect((await post("Service.CreateThing", { Name: "lamp" })).status).toBe(200);
    expect(server.requests().map((r) => r.operation)).toEqual(["deleteThing", "createThing"]);
    // No operation's header passes: the first one's errors, as for any invalid request.
    const unknown = await post("Service.Other", { Name: "x" });
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors).toEqual([expect.objectContaining({ in: "header" })]);
  });

  test("'/#Action=X' and '/things/{ThingId}#Note': matched without the fragment, the query parameters read from the request", async () => {
    server.reset();
    expect((await call(server, "/?Action=RestartThing&Version=2016-11-01")).status).toBe(204);
    expect((await call(server, "/?Action=DescribeThing&Version=2016-11-01&ThingId=t-1")).status).toBe(200);
    expect((await call(server, "/things/t-1?Note=n")).status).toBe(200);
    expect(server.requests().map((r) => r.operation)).toEqual(["restartThing", "describeThing", "describeThingNote"]);
    // No operation passes: the 400 speaks of the one with the fewest errors (RestartThing's Version),
    // not of the first one on the path (DescribeThing: Action, Version and ThingId).
    const wrongVersion = await call(server, "/?Action=RestartThing&Version=2099-01-01");
    expect(wrongVersion.status).toBe(400);
    expect(wrongVersion.body.errors).toEqual([expect.objectContaining({ in: "query", path: "/Version", schemaPath: expect.stringContaining("RestartThing") })]);
    // The query parameters are required: without them, the mock's 400 names them.
    const bare = await call(server, "/things/t-1");
    expect(bare.status).toBe(400);
    expect(bare.body.message).toMatch(/must have required property 'Note'/);
  });
});

describe("mock server from a JSON Schema at an endpoint", () => {
  const schema = {
    title: "Thing",
    type: "object",
    required: ["id", "items"],
    properties: { id: { type: "string", format: "uuid" }, items: { type: "array", items: { type: "object", properties: { key: { type: "string" } } } } },
  };
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ schema, endpoint: "PUT /things/{id}", idempotencyKey: "key" });
  });
  afterAll(() => server.close());

  test("the body is checked with the schema's guard, 200 {} for a valid one; items deduped by the idempotency key", async () => {
    const body = (key: string) => JSON.stringify({ id: "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba", items: [{ key }] });
    expect(await call(server, "/things/1", { method: "PUT", body: body("a") })).toMatchObject({ status: 200, body: {} });
    expect((await call(server, "/things/1", { method: "PUT", body: body("a") })).status).toBe(200);
    const refused = await call(server, "/things/1", { method: "PUT", body: JSON.stringify({ id: "nope" }) });
    expect(refused.status).toBe(400);
    expect(refused.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ path: "/id" }), expect.objectContaining({ path: "" })]));
    expect((await call(server, "/things/1", { method: "POST", body: body("b") })).status).toBe(405);
    expect(server.received()).toMatchObject({ duplicates: 1, invalid: 1, items: [{ array: "items", item: { key: "a" } }] });
  });

  test("a JSON Schema without an endpoint, or no schema at all, is refused with one line", async () => {
    await expect(startMockServer({ schema })).rejects.toThrow(/needs an endpoint/);
    await expect(startMockServer({})).rejects.toThrow(/no schema/);
  });
});

describe("mock server: a long enum (image-charts.com: 960 font names)", () => {
  // The guard checks it as one `value === "f0" || value === "f1" || ...`: TypeScript's transpileModule
  // recursed once per operand and ran out of stack (run-generated.ts falls back to esbuild).
  const fonts = Array.from({ length: 4000 }, (_, i) => `Font ${i}`);
  const document = {
    openapi: "3.0.0",
    info: { title: "Charts", version: "1" },
    paths: { "/chart": { get: { operationId: "getChart", parameters: [{ name: "font", in: "query", required: true, schema: { type: "string", enum: fonts } }], responses: { "204": { description: "drawn" } } } } },
  };
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ schema: document });
  }, 120_000);
  afterAll(() => server?.close());

  test("starts, and its guard checks the enum", async () => {
    expect((await call(server, "/chart?font=Font%203999")).status).toBe(204);
    expect((await call(server, "/chart?font=Font%204000")).status).toBe(400);
  });
});

describe("mock server: a media type range as the documented content (jellyfin.local's image/*)", () => {
  const binary = { type: "string", format: "binary" };
  const document = {
    openapi: "3.0.1",
    info: { title: "Images", version: "1" },
    paths: {
      "/image": { get: { operationId: "getImage", responses: { "200": { description: "an image", content: { "image/*": { schema: binary } } } } } },
      "/note": { get: { operationId: "getNote", responses: { "200": { description: "a note", content: { "text/*": { schema: { type: "string" } } } } } } },
      "/any": { get: { operationId: "getAny", responses: { "200": { description: "anything", content: { "*/*": { schema: { type: "object", properties: { a: { type: "integer" } } } } } } } } },
    },
  };
  let server: MockServer;
  beforeAll(async () => {
    server = await startMockServer({ schema: document, seed: 5 });
  }, 120_000);
  afterAll(() => server?.close());

  test("is answered with a concrete type its body is: not application/json for a text body", async () => {
    const answers: (readonly [string, number, string | undefined, string])[] = [];
    for (const p of ["/image", "/note", "/any"]) {
      const response = await fetch(server.url + p);
      answers.push([p, response.status, response.headers.get("content-type")?.split(";")[0], await response.text()] as const);
    }
    expect(answers.map(([p, status, type]) => [p, status, type])).toEqual([["/image", 200, "application/octet-stream"], ["/note", 200, "text/plain"], ["/any", 200, "application/json"]]);
    expect(() => JSON.parse(answers[2]![3])).not.toThrow();
  });
});
