/**
 * A query string in a path key (`/items?action=archive`, as real documents write them): the
 * generated client sends the key's pairs as constant query parameters (a `{name}` pair filled by the
 * path parameter of that name), beside the operation's own query parameters; the mock server serves
 * the path before the `?` and tells the operations apart by those pairs. Two keys that differ only
 * by their query string, and a plain key on the same path, each reach their own operation. A
 * `{name}` pair no parameter declares is a warning and is left out. Real HTTP on 127.0.0.1.
 */
import * as path from "node:path";
import { generate } from "../../generator/index";
import { startMockServer, type MockServer } from "../../generator/mock-server/server";
import { loadGenerated } from "../helpers/load-generated";
import { parseDocument } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";
import { tempDir } from "../helpers/temp";

const FIXTURE = path.join(REPO_ROOT, "test", "fixtures", "openapi", "client-path-query.yaml");
const dir = tempDir("koala-codegen-path-query-");
type Api = Record<string, any>;

let api: Api;
let mock: MockServer;
let document: object;
beforeAll(async () => {
  document = await parseDocument(FIXTURE);
  api = (await loadGenerated<Api>(dir, { schema: document, formatter: async (text) => text })).module;
  mock = await startMockServer({ schema: document, seed: 7 });
}, 120_000);
afterAll(() => mock.close());
beforeEach(() => mock.reset());

const client = () => api.createPathQueryAPIClient({ baseUrl: `${mock.url}/api`, validateResponses: true, retry: { attempts: 1 } });
const last = () => mock.requests().at(-1)!;

test("operation names come from the method and the whole key", () => {
  expect(Object.keys(api.pathQueryAPIOperations)).toEqual(["postItems", "postItemsActionArchive", "postItemsActionRestoreDryRun", "getSearchScopeMyItemsSortAB", "getRidesPageByPagePerPageByPerPage", "postRidesPageByPagePerPageByPerPage", "getNumbersByCountryBySearch1BySearchType2", "postSendEnvV1PartnersByPartnerIdTransfer", "postSendEnvV1PartnersByPartnerIdRefund"]);
  expect(api.pathQueryAPIOperations.postItemsActionArchive).toMatchObject({ method: "POST", path: "/items?action=archive" });
});

test("keys that differ only by their query string, and the plain key, each reach their own operation", async () => {
  expect(await api.postItemsActionArchive(client(), { query: { id: 4 } })).toMatchObject({ ok: true, status: 200, data: { archived: expect.any(Number) } });
  expect(last()).toMatchObject({ operation: "postItemsActionArchive", path: "/api/items", query: "action=archive&id=4" });
  expect(await api.postItemsActionRestoreDryRun(client(), { query: { id: 5 } })).toMatchObject({ ok: true, status: 200, data: { restored: expect.any(Number) } });
  expect(last()).toMatchObject({ operation: "postItemsActionRestoreDryRun", path: "/api/items", query: "action=restore&dry-run&id=5" });
  expect(await api.postItems(client(), { body: { name: "box" } })).toMatchObject({ ok: true, status: 201, data: { created: true } });
  expect(last()).toMatchObject({ operation: "postItems", path: "/api/items", query: "" });
  expect(mock.requests()).toHaveLength(3);
});

test("the mock checks the operation's own query parameters as usual", async () => {
  const response = await fetch(`${mock.url}/api/items?action=archive&id=nope`, { method: "POST" });
  expect(response.status).toBe(400);
  expect(mock.requests()).toHaveLength(0);
});

test("a {name} pair is filled by its path parameter, checked by the mock", async () => {
  expect(await api.getRidesPageByPagePerPageByPerPage(client(), { path: { page: 2, per_page: 10 } })).toMatchObject({ ok: true, status: 200 });
  expect(last()).toMatchObject({ operation: "getRidesPageByPagePerPageByPerPage", path: "/api/rides", query: "page=2&per_page=10" });
  const tooMany = await fetch(`${mock.url}/api/rides?page=2&per_page=99`);
  expect(tooMany.status).toBe(400);
  expect(await tooMany.json()).toMatchObject({ errors: [expect.objectContaining({ in: "path" })] });
});

test("a {name} pair no parameter declares is a warning, and left out of the request", async () => {
  const { warnings } = await generate({ schema: document, build: false, format: false, emit: ["types"] });
  expect(warnings.filter((w) => w.includes("query string"))).toEqual([
    expect.stringContaining('/post: "{page}" in the query string of /rides?page={page}&per_page={per_page} is not declared as a path parameter: its pair is left out'),
    expect.stringContaining('"{per_page}" in the query string'),
  ]);
  expect(await api.postRidesPageByPagePerPageByPerPage(client())).toMatchObject({ ok: true, status: 204 });
  expect(last()).toMatchObject({ operation: "postRidesPageByPagePerPageByPerPage", path: "/api/rides", query: "" });
});

test("a key's fixed pairs match as decoded text: the client sends `my items` as `my%20items`", async () => {
  expect(await api.getSearchScopeMyItemsSortAB(client())).toMatchObject({ ok: true, status: 200 });
  expect(last()).toMatchObject({ operation: "getSearchScopeMyItemsSortAB", path: "/api/search", query: "scope=my%20items&sort=a+b" });
  // The same pairs spelled another way on the wire ("+" is a space in a query); "%2B" is a "+", another value.
  expect((await fetch(`${mock.url}/api/search?sort=a%20b&scope=my+items`)).status).toBe(200);
  expect((await fetch(`${mock.url}/api/search?scope=my%20items&sort=a%2Bb`)).status).toBe(404);
});

test("a {name} as a pair's name (`?{search}=1`, clicksend.com) is filled by its path parameter, read back by the mock", async () => {
  expect(Object.keys(api.pathQueryAPIOperations)).toContain("getNumbersByCountryBySearch1BySearchType2");
  expect(await api.getNumbersByCountryBySearch1BySearchType2(client(), { path: { country: "US", search: "88", search_type: 1 } })).toMatchObject({ ok: true, status: 200 });
  expect(last()).toMatchObject({ operation: "getNumbersByCountryBySearch1BySearchType2", path: "/api/numbers/US", query: "88=1&1=2" });
  // Each name is checked by its parameter's guard: "abc" is no search, 7 no search_type.
  expect((await fetch(`${mock.url}/api/numbers/US?abc=1&1=2`)).status).toBe(400);
  expect((await fetch(`${mock.url}/api/numbers/US?88=1&7=2`)).status).toBe(400);
  expect((await fetch(`${mock.url}/api/numbers/US?88=1&2=2`)).status).toBe(200);
});

test('a "#" with more path after it (mastercard.com\'s /send/#env/v1/...) is a character of the path, sent as %23, not a fragment', async () => {
  expect(await api.postSendEnvV1PartnersByPartnerIdTransfer(client(), { path: { partnerId: "p1" } })).toMatchObject({ ok: true, status: 200, data: { sent: true } });
  expect(last()).toMatchObject({ operation: "postSendEnvV1PartnersByPartnerIdTransfer", path: "/api/send/%23env/v1/partners/p1/transfer" });
  expect(await api.postSendEnvV1PartnersByPartnerIdRefund(client(), { path: { partnerId: "p2" } })).toMatchObject({ ok: true, status: 200, data: { refunded: true } });
  expect(last()).toMatchObject({ operation: "postSendEnvV1PartnersByPartnerIdRefund", path: "/api/send/%23env/v1/partners/p2/refund" });
  expect((await fetch(`${mock.url}/api/send/%23env/v1/partners/nope/refund`, { method: "POST" })).status).toBe(400);
});
