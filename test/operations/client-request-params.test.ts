/**
 * Parameter texts between the generated client and the mock server, over real HTTP on 127.0.0.1
 * (test/fixtures/openapi/client-request-params.yaml: each parameter's schema a `const`, so the mock
 * answers 400 unless it read back exactly the value sent):
 * - header values go as they are (OpenAPI 3.1.2: no percent-encoding for `in: header`): `%`, ",",
 *   spaces as written, non-ASCII as its UTF-8 bytes; the mock reads them back, and the client reads
 *   the mock's non-ASCII response headers back the same way;
 * - a number parameter's text is a JSON number's (`1e3` is 1000, an integer, as in a JSON body),
 *   in every location, and in a response header;
 * - an exploded form object takes only its own keys from the query.
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

  test("a control character is refused before anything is sent", async () => {
    server.reset();
    await expect((async () => api.sendHeaders(client(server.origin), { header: { ...HEADERS, "X-Free": "a\r\nX-Injected: 1" } }))()).rejects.toThrow(/control character/);
    expect(server.received).toHaveLength(0);
  });
});
