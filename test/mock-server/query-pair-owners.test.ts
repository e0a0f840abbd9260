/**
 * Which parameter a query pair belongs to, as the mock reads a request (stream-io-api.com, APIs.guru:
 * its optional `payload`, JSON given by `content`, was refused for missing its required
 * `filter_conditions` though the client sent no payload at all):
 * - a parameter given by `content` is one pair, `name=<its JSON text>`: it was read as an exploded
 *   form object, which takes the query's other pairs (any, when its schema is open) as properties;
 * - the same in a header: apideck.com/file-storage's `x-apideck-metadata` (JSON) was split at its
 *   commas as a simple-style object, and refused;
 * - the API keys that security schemes send in the query are no parameter's: an open exploded form
 *   object took `api_key=...` as its property, and so was present, and refused.
 * Over real HTTP on 127.0.0.1; the e2e run (openapi-mock-client.test.ts) calls the same fixture
 * through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("query-pair-owners.json");

async function get(pathAndQuery: string): Promise<{ status: number; text: string }> {
  const response = await fetch(`${mock().url}${pathAndQuery}`);
  return { status: response.status, text: await response.text() };
}

test("an absent JSON query parameter takes no other pair: the key, another parameter's, an undeclared one, one named like its property", async () => {
  expect(await get("/campaigns?api_key=k&trace=t1")).toMatchObject({ status: 200 });
  expect(await get("/campaigns?api_key=k&utm_source=mail")).toMatchObject({ status: 200 });
  expect(await get("/campaigns?api_key=k&limit=5")).toMatchObject({ status: 200 });
  expect(mock().requests().at(-1)).toMatchObject({ operation: "queryCampaigns" });
});

test("a JSON query parameter is read from its own pair, and checked", async () => {
  const payload = encodeURIComponent(JSON.stringify({ filter_conditions: { name: "x" }, limit: 5 }));
  expect(await get(`/campaigns?api_key=k&payload=${payload}&trace=t1`)).toMatchObject({ status: 200 });
  const refused = await get(`/campaigns?api_key=k&payload=${encodeURIComponent(JSON.stringify({ limit: 5 }))}`);
  expect(refused.status).toBe(400);
  expect(refused.text).toContain("filter_conditions");
});

test("a JSON header parameter is read as JSON, commas and all", async () => {
  const sent = await fetch(`${mock().url}/campaigns?api_key=k`, { headers: { "x-metadata": JSON.stringify({ name: "a,b", parent_folder_id: "f1" }) } });
  expect(sent.status).toBe(200);
  await sent.text();
  const refused = await fetch(`${mock().url}/campaigns?api_key=k`, { headers: { "x-metadata": JSON.stringify({ parent_folder_id: "f1" }) } });
  expect(refused.status).toBe(400);
  expect(await refused.text()).toContain("name");
});

test("an open exploded form object does not take the API key's pair", async () => {
  expect(await get("/reports?api_key=k")).toMatchObject({ status: 200 });
  expect(await get("/reports?api_key=k&range=7d&extra=1")).toMatchObject({ status: 200 });
  const refused = await get("/reports?api_key=k&extra=1");
  expect(refused.status).toBe(400);
  expect(refused.text).toContain("range");
});
