/**
 * The operation client generated from Koala's OpenAPI document (the committed
 * generated/koala-openapi build, as a user gets it) against the mock server started from the same
 * document on 127.0.0.1: the document's `x-idempotency-key: message_id` makes the client fill
 * `message_id` on every event and page view without one, once, before the first attempt, so a
 * retry after a 5xx or after "accepted, then the connection dropped" repeats the key, and the mock
 * (which drops items whose key it has seen) stores each event once. The POST is retried because it
 * has that key; without one it would not be.
 */
import * as path from "node:path";
import { useMockServer } from "../helpers/koala";
import { KOALA_OPENAPI_OUT } from "../helpers/paths";
import type * as KoalaOpenApi from "../../generated/koala-openapi/src/index";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const koala = require(path.join(KOALA_OPENAPI_OUT, "dist", "cjs", "index.js")) as typeof KoalaOpenApi;
const PROFILE = "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba";
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// Koala's mock on 127.0.0.1, back to no faults and nothing received before each test.
const server = useMockServer();

/** The message_ids of each attempt's body, as the client's onRequest hook saw it leave. */
function client(sent: string[][]): KoalaOpenApi.KoalaIngestionClient {
  return koala.createKoalaIngestionClient({
    baseUrl: server().url,
    retry: { attempts: 5, minDelayMs: 1, maxDelayMs: 2 },
    hooks: {
      onRequest: (event) => {
        const body = JSON.parse(event.body) as { events?: { message_id?: string }[]; page_views?: { message_id?: string }[] };
        sent.push([...(body.events ?? []), ...(body.page_views ?? [])].map((item) => item.message_id ?? "(none)"));
      },
    },
  });
}

const request = (): KoalaOpenApi.BatchRequest => ({
  path: { publicKey: "pk_test" },
  header: { "User-Agent": "koala-openapi-test/1" },
  body: {
    profile_id: PROFILE,
    events: [
      { type: "track", event: "Signed Up" },
      { type: "track", event: "Kept", message_id: "given-by-the-caller" },
    ],
    page_views: [{ type: "page" }],
  },
});

test("a 503, then accepted and the connection dropped, then accepted: the same keys every attempt, each item stored once", async () => {
  server().inject("503", "reset-after");
  const sent: string[][] = [];
  const original = request();
  const result = await koala.batch(client(sent), original);
  expect(result).toMatchObject({ ok: true, status: 200 });

  expect(sent).toHaveLength(3);
  const [first] = sent;
  expect(first).toHaveLength(3);
  expect(first![0]).toMatch(UUID);
  expect(first![1]).toBe("given-by-the-caller");
  expect(first![2]).toMatch(UUID);
  expect(new Set(first).size).toBe(3);
  expect(sent).toEqual([first, first, first]);
  // The caller's request is not changed.
  expect(original.body.events![0]).not.toHaveProperty("message_id");

  const received = server().received();
  // The 503 stored nothing; the dropped connection's request was stored, its replay counted as duplicates.
  expect(received.requests).toHaveLength(2);
  expect(received.items.map((i) => [i.array, i.item.message_id])).toEqual([
    ["events", first![0]],
    ["events", "given-by-the-caller"],
    ["page_views", first![2]],
  ]);
  expect(received.duplicates).toBe(3);
});

test("two calls get two sets of keys: a key is per request, not per client", async () => {
  const sent: string[][] = [];
  const c = client(sent);
  await koala.batch(c, request());
  await koala.batch(c, request());
  expect(sent).toHaveLength(2);
  expect(sent[0]![0]).not.toBe(sent[1]![0]);
  expect(server().received().items).toHaveLength(6 - 1); // the caller's own key repeated once: a duplicate
  expect(server().received().duplicates).toBe(1);
});

test("the account batch fills its events' keys too, and is retried after a dropped connection", async () => {
  server().inject("reset-after");
  const sent: string[][] = [];
  const result = await koala.accountsBatch(client(sent), {
    path: { publicKey: "pk_test" },
    header: { "User-Agent": "koala-openapi-test/1" },
    body: { domain: "example.com", events: [{ type: "track", event: "Upgraded" }] },
  });
  expect(result).toMatchObject({ ok: true, status: 200 });
  expect(sent).toHaveLength(2);
  expect(sent[0]![0]).toMatch(UUID);
  expect(sent[1]).toEqual(sent[0]);
  expect(server().received().items).toHaveLength(1);
  expect(server().received().duplicates).toBe(1);
});
