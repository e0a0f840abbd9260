/**
 * Parameter texts between the generated client and the mock server, over real HTTP on 127.0.0.1
 * (test/fixtures/openapi/client-request-params.yaml: each parameter's schema a `const`, so the mock
 * answers 400 unless it read back exactly the value sent):
 * - header values go as they are (OpenAPI 3.1.2: no percent-encoding for `in: header`): `%`, ",",
 *   spaces as written, non-ASCII as its UTF-8 bytes; the mock reads them back, and the client reads
 *   the mock's non-ASCII response headers back the same way;
 * - a number parameter's text is a JSON number's (`1e3` is 1000, an integer, as in a JSON body),
 *   in every location, and in a response header;
 * - an exploded form object takes only its own keys from the query (not a deepObject's `name[key]`,
 *   nor the path key's own `?action=archive`).
 */
import * as path from "node:path";
import { startMockServer, type MockServer } from "../../generator/mock-server/server";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { startRecordingServer, type RecordingServer } from "../helpers/recording-server";
import { tempDir } from "../helpers/temp";

const SEED = 20261202;
const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "client-request-params.yaml");
type Api = Record<string, any>;

const dir = tempDir("koala-codegen-request-params-");
let api: Api;
let mock: MockServer;
let server: RecordingServer;
beforeAll(async () => {
  const document = await parseDocument(FIXTURE);
  api = (await loadGenerated<Api>(dir, { schema: document, formatter: async (text) => text })).module;
  mock = await startMockServer({ schema: document, seed: SEED });
  server = await startRecordingServer();
}, 120_000);
afterAll(async () => {
  await mock.close();
  await server.close();
});

const client = (baseUrl: string) => api.createRequestParamsAPIClient({ baseUrl, validateResponses: true, retry: { attempts: 1 } });
const HEADERS = { "X-Text": "100% off, a b %41 é€😀", "X-List": ["50%", "a b", "é ü", "%2C"], "X-Point": { p: "x%y é", q: 1000 }, "X-Count": 1000 };

describe("header values", () => {
  test("are sent as they are: no percent-encoding, non-ASCII as its UTF-8 bytes", async () => {
    server.reset();
    await api.sendHeaders(client(server.origin), { header: HEADERS });
    const { headers } = server.received[0]!;
    // Node reads a header's bytes as latin1: back to the bytes, then UTF-8.
    const utf8 = (name: string) => Buffer.from(headers[name] as string, "latin1").toString("utf8");
    expect([utf8("x-text"), utf8("x-list"), utf8("x-point"), headers["x-count"]]).toEqual(["100% off, a b %41 é€😀", "50%,a b,é ü,%2C", "p=x%y é,q=1000", "1000"]);
  });

  test("round-trip through the mock server exactly (each one a const there)", async () => {
    const result = await api.sendHeaders(client(mock.url), { header: HEADERS });
    expect(result).toMatchObject({ ok: true, status: 200 });
    // The mock's response headers (their examples) come back as written, the non-ASCII ones too.
    expect(result.header).toEqual({ "X-Text": "100% é€😀 %41", "X-List": ["a b", "ü"] });
  });

  test("a value the mock reads differently is refused there (the const is no formality)", async () => {
    // Past the client's own request check: raw texts, as bytes (Node's fetch takes a header as a ByteString).
    const bytes = (text: string) => Buffer.from(text, "utf8").toString("latin1");
    const send = (texts: Record<string, string>) => fetch(`${mock.url}/headers`, { headers: Object.fromEntries(Object.entries({ "X-Text": "100% off, a b %41 é€😀", "X-List": "50%,a b,é ü,%2C", "X-Point": "p=x%y é,q=1000", "X-Count": "1000", ...texts }).map(([k, v]) => [k, bytes(v)])) });
    expect((await send({})).status).toBe(200);
    for (const texts of <Record<string, string>[]>[{ "X-Text": "100%25 off, a b %41 é€😀" }, { "X-Text": "100% off, a b A é€😀" }, { "X-List": "50%25,a b,é ü,%2C" }, { "X-List": "50%,a b,é ü,," }, { "X-Point": "p=x%25y é,q=1000" }, { "X-Point": "p=x%y é,q=1000,r=1" }]) {
      expect([texts, (await send(texts)).status]).toEqual([texts, 400]);
    }
  });

  test("only spaces and tabs (OWS) are dropped at either end: U+00A0, U+3000, U+FEFF, U+2028 are the value's own, both ways", async () => {
    // Client → mock: the mock answers 400 unless it read back each const exactly.
    const result = await api.sendPadded(client(mock.url), { header: { "X-Pad": "\u00A0é\u00A0", "X-Pads": ["\u3000a", "b\uFEFF", "\u2028"] } });
    expect(result).toMatchObject({ ok: true, status: 200 });
    // Mock → client: the mock sends its examples (values String.trim() would change included), the client reads them back as sent.
    expect(result.header).toEqual({ "X-Pad": "\u00A0ü\u3000", "X-Pads": ["\uFEFFx", "y\u00A0"] });
    // OWS still goes: spaces and tabs around the value and around each list item.
    const bytes = (text: string) => Buffer.from(text, "utf8").toString("latin1");
    const sent = await fetch(`${mock.url}/padded`, { headers: { "X-Pad": bytes(" \t\u00A0é\u00A0\t "), "X-Pads": bytes("\u3000a \t, b\uFEFF ,\t\u2028") } });
    expect(sent.status).toBe(200);
    const nbspLost = await fetch(`${mock.url}/padded`, { headers: { "X-Pad": bytes("é"), "X-Pads": bytes("\u3000a,b\uFEFF,\u2028") } });
    expect(nbspLost.status).toBe(400);
  });

  test("a control character is refused before anything is sent", async () => {
    server.reset();
    await expect((async () => api.sendHeaders(client(server.origin), { header: { ...HEADERS, "X-Free": "a\r\nX-Injected: 1" } }))()).rejects.toThrow(/control character/);
    expect(server.received).toHaveLength(0);
  });
});

describe("a number parameter's text is a JSON number's: 1e3 is the integer 1000, as in a JSON body", () => {
  test("the client sends 1000; the mock reads it back in the path, the query and a header", async () => {
    expect(await api.sendNumbers(client(mock.url), { path: { n: 1000 }, query: { q: 1000 }, header: { "X-N": 1000 } })).toMatchObject({ ok: true, status: 200 });
  });

  test("the mock reads 1e3, 1000.0 and 10E2 as 1000 in every location; not 1e3x, 0x3E8, +1000, 1.5e3 (1500) or an empty text", async () => {
    const send = (n: string, q: string, h: string) => fetch(`${mock.url}/numbers/${n}?q=${q}`, { headers: { "X-N": h } }).then((r) => r.status);
    for (const text of ["1000", "1e3", "1000.0", "10E2", "1E+3"]) expect([text, await send(text, encodeURIComponent(text), text)]).toEqual([text, 200]);
    for (const text of ["1e3x", "0x3E8", "%2B1000", "1.5e3", "01000", "1e-3"]) {
      expect([text, await send(text, "1000", "1000"), await send("1000", text, "1000"), await send("1000", "1000", decodeURIComponent(text))]).toEqual([text, 400, 400, 400]);
    }
  });

  test("the client reads a response header's 1e3 as the integer 1000, as the mock reads a parameter's", async () => {
    server.reset();
    server.respond({ status: 200, headers: { "content-type": "application/json", "x-n": "1e3" }, body: "{}" });
    expect(await api.sendNumbers(client(server.origin), { path: { n: 1000 }, query: { q: 1000 }, header: { "X-N": 1000 } })).toMatchObject({ ok: true, header: { "X-N": 1000 } });
    server.respond({ status: 200, headers: { "content-type": "application/json", "x-n": "1.5e3x" }, body: "{}" });
    expect(await api.sendNumbers(client(server.origin), { path: { n: 1000 }, query: { q: 1000 }, header: { "X-N": 1000 } })).toMatchObject({ ok: false, kind: "invalid-response" });
  });
});

describe("an exploded form object takes only its own keys from the query", () => {
  const search = (query: string) => fetch(`${mock.url}/search?${query}`).then((r) => r.status);

  test("its declared properties; other parameters' keys and unknown keys are not its", async () => {
    // point has additionalProperties: false: before, it took limit, y2 and color too (400).
    expect(await search("x=1&y=2&limit=5&y2=a&color=red")).toBe(204);
    expect(await search("x=1&y=2&limit=50")).toBe(400); // limit is its own parameter (maximum 10), not a property of point
    expect(await search("x=1&limit=5")).toBe(400); // point's y is missing, whatever else there is
  });

  test("an open one (additionalProperties: integer) leaves a deepObject's name[key] pairs and the path key's own pairs alone", async () => {
    // Before, counts took filter[a]=x and action=archive, which are no integers (400).
    expect(await fetch(`${mock.url}/counts?filter%5Ba%5D=x&n=2`).then((r) => r.status)).toBe(204);
    expect(await fetch(`${mock.url}/counts?filter%5Ba%5D=x&n=two`).then((r) => r.status)).toBe(400); // still its own
    expect(await fetch(`${mock.url}/counts?action=archive&n=2`, { method: "POST" }).then((r) => r.status)).toBe(204);
    expect(await fetch(`${mock.url}/counts?action=archive&n=two`, { method: "POST" }).then((r) => r.status)).toBe(400);
    expect(await api.counts(client(mock.url), { query: { filter: { a: "x" }, counts: { n: 2, m: 3 } } })).toMatchObject({ ok: true, status: 204 });
    expect(await api.archiveCounts(client(mock.url), { query: { counts: { n: 2 } } })).toMatchObject({ ok: true, status: 204 });
  });

  test("the generated client's request reads back", async () => {
    expect(await api.search(client(mock.url), { query: { point: { x: 1, y: 2 }, tags: { color: "red", size: "L" }, limit: 3, y2: "b" } })).toMatchObject({ ok: true, status: 204 });
  });
});
