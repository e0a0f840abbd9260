/**
 * The generated Koala client (the committed generated/koala build, as a user gets it) against the
 * mock server on 127.0.0.1.
 */
import { KOALA_SUSPENDED, useMockServer } from "../helpers/koala";
import { KOALA_OUT } from "../helpers/paths";
import * as path from "node:path";
import type * as Koala from "../../generated/koala/src/index";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const koala = require(path.join(KOALA_OUT, "dist", "cjs", "index.js")) as typeof Koala;
const PROFILE = "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba";

// Koala's mock on 127.0.0.1, back to no faults and nothing received before each test.
const server = useMockServer();

test("createKoalaClient posts to /web/projects/{publicKey}/batch with the package's User-Agent", async () => {
  const client = koala.createKoalaClient({ publicKey: "pk/1 2", baseUrl: server().url + "/", retry: { minDelayMs: 1, maxDelayMs: 2 } });
  server().inject("503");
  const result = await client.batch({ email: "a@b.co", events: [{ type: "track", event: "Signed Up", sent_at: "2026-01-01T00:00:00.000Z" }] });
  expect(result).toEqual({ ok: true, status: 200, requests: 1 });
  const [request] = server().received().requests;
  expect(request).toMatchObject({ path: "/web/projects/pk%2F1%202/batch", userAgent: "koala-events/0.1.0" });
  expect(server().received().items[0]!.item).toEqual({ type: "track", event: "Signed Up", sent_at: "2026-01-01T00:00:00.000Z", message_id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
});

test("the suspended answer is reported as its own kind", async () => {
  server().answerAll(KOALA_SUSPENDED);
  const client = koala.createKoalaClient({ publicKey: "pk", baseUrl: server().url, userAgent: "me/1" });
  const result = await client.batch({ profile_id: PROFILE, page_views: [{ type: "page" }] });
  expect(result).toMatchObject({ ok: false, kind: "suspended", status: 400, retryable: false, attempts: 1 });
  expect(!result.ok && result.failed).toEqual([{ profile_id: PROFILE, page_views: [{ type: "page", message_id: expect.any(String) }] }]);
});

test("the generated guard refuses before sending; with validate: false the server's generated guard answers 400", async () => {
  const client = koala.createKoalaClient({ publicKey: "pk", baseUrl: server().url });
  const invalid = { events: [{ type: "track", event: "x" }] } as unknown as Koala.KoalaProfileBatchRequest;
  const local = await client.batch(invalid);
  expect(local).toMatchObject({ ok: false, kind: "validation", retryable: false, attempts: 0 });
  expect(!local.ok && local.errors!.length).toBeGreaterThan(0);
  expect(server().received().requests).toHaveLength(0);

  const unchecked = koala.createKoalaClient({ publicKey: "pk", baseUrl: server().url, validate: false });
  const remote = await unchecked.batch(invalid);
  expect(remote).toMatchObject({ ok: false, kind: "http", status: 400, retryable: false, attempts: 1, body: { error: "Invalid request" } });
  // The server's guards come from Koala's OpenAPI document, which references the same schema file:
  // the same errors, their schemaPath naming that file.
  type Issue = { path: string; message: string; schemaPath?: string };
  const remoteErrors = !remote.ok ? (remote.body as { errors: Issue[] }).errors : [];
  const localErrors = !local.ok ? (local.errors as unknown as Issue[]) : [];
  const withoutSchemaPath = (errors: Issue[]) => errors.map(({ schemaPath: _schemaPath, ...e }) => e);
  expect(withoutSchemaPath(remoteErrors)).toEqual(withoutSchemaPath(localErrors));
  expect(remoteErrors.map((e) => e.schemaPath)).toEqual(localErrors.map((e) => `koala-profile-batch-request.schema.json${e.schemaPath}`));
  expect(server().received().invalid).toBe(1);
});

test("a request over maxItems is split by chunkKoalaProfileBatchRequest; every part carries the person", async () => {
  const client = koala.createKoalaClient({ publicKey: "pk", baseUrl: server().url });
  const events = Array.from({ length: 65 }, (_, i) => ({ type: "track" as const, event: `e${i}` }));
  const result = await client.batch({ email: "a@b.co", events, identifies: [{ type: "identify", traits: { vip: true } }] });
  expect(result).toEqual({ ok: true, status: 200, requests: 3 });
  const bodies = server().received().requests.map((r) => r.body as Koala.KoalaProfileBatchRequest);
  expect(bodies.map((b) => [b.email, b.events?.length, b.identifies?.length ?? 0])).toEqual([
    ["a@b.co", 30, 1],
    ["a@b.co", 30, 0],
    ["a@b.co", 5, 0],
  ]);
  expect(server().received().items.filter((i) => i.array === "events").map((i) => i.item.event)).toEqual(events.map((e) => e.event));
});

test("accountsBatch posts to /accounts/batch, checked by the account schema's guard on both sides", async () => {
  const client = koala.createKoalaClient({ publicKey: "pk", baseUrl: server().url });
  const result = await client.accountsBatch({ domain: "example.com", identifies: [{ traits: { plan: "pro" } }], events: [{ type: "track", event: "Renewed" }] });
  expect(result).toEqual({ ok: true, status: 200, requests: 1 });
  expect(server().received().requests.map((r) => r.path)).toEqual(["/web/projects/pk/accounts/batch"]);
  expect(server().received().items.find((i) => i.array === "events")!.item.message_id).toEqual(expect.any(String));

  // No domain or account_id, an identify without traits: the server checks this path with the account guard.
  const unchecked = koala.createKoalaClient({ publicKey: "pk", baseUrl: server().url, validate: false });
  const refused = await unchecked.accountsBatch({ identifies: [{}] } as unknown as Koala.KoalaAccountBatchRequest);
  expect(refused).toMatchObject({ ok: false, kind: "http", status: 400, body: { error: "Invalid request" } });
});
