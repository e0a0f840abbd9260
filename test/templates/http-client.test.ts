/**
 * The runtime transport (templates/runtime/http-client.ts) on its own: pure helpers by table, and
 * every delivery path against the real mock server on 127.0.0.1 (no mocked fetch).
 */
import type { MockServer } from "../../generator/mock-server/server";
import {
  backoffDelay,
  isRetryableStatus,
  parseRetryAfter,
  randomId,
  send,
  withIdempotencyKeys,
  type EndpointSpec,
  type RetryEvent,
  type TransportOptions,
} from "../../templates/runtime/http-client";
import { useKoalaMockServer, chunkRequest, koalaSuspendedBody, seededUuid, type KoalaRequest } from "../helpers/koala";

const PROFILE = "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba";
const FAST = { attempts: 4, minDelayMs: 1, maxDelayMs: 5, deadlineMs: 20_000 };

describe("pure helpers", () => {
  test.each([
    [200, false], [400, false], [401, false], [403, false], [404, false], [408, true], [429, true],
    [500, true], [501, false], [502, true], [503, true], [504, true], [505, false], [599, true],
  ])("status %d retryable: %s", (status, expected) => {
    expect(isRetryableStatus(status)).toBe(expected);
  });

  test.each([
    ["2", 2000],
    [" 0 ", 0],
    ["Thu, 01 Jan 2026 00:00:03 GMT", 3000],
    ["Thu, 01 Jan 2025 00:00:00 GMT", 0],
    ["soon", undefined],
    ["", undefined],
  ])("Retry-After %j → %s ms", (value, expected) => {
    expect(parseRetryAfter(value, Date.UTC(2026, 0, 1))).toBe(expected);
  });

  test("full jitter stays under the exponential cap", () => {
    const retry = { attempts: 10, minDelayMs: 100, maxDelayMs: 1000, deadlineMs: 1e6 };
    expect(backoffDelay(1, retry, () => 0.999)).toBe(99);
    expect(backoffDelay(3, retry, () => 0.999)).toBe(399);
    expect(backoffDelay(9, retry, () => 0.999)).toBe(999);
    expect(backoffDelay(9, retry, () => 0)).toBe(0);
  });

  test("ids are UUID v4, from crypto.randomUUID or, where there is none (Node 18), from Math.random", () => {
    const v4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    expect(randomId()).toMatch(v4);
    const original = Object.getOwnPropertyDescriptor(globalThis, "crypto")!;
    Object.defineProperty(globalThis, "crypto", { value: undefined, configurable: true });
    try {
      const ids = Array.from({ length: 1000 }, randomId);
      expect(ids.every((id) => v4.test(id))).toBe(true);
      expect(new Set(ids).size).toBe(1000);
    } finally {
      Object.defineProperty(globalThis, "crypto", original);
    }
    expect(globalThis.crypto.randomUUID).toEqual(expect.any(Function));
  });

  test("idempotency keys: filled where missing, kept where present, input untouched", () => {
    const input = {
      profile_id: PROFILE,
      events: [{ type: "track", event: "a", sent_at: "2026-01-01T00:00:00.000Z" }, { type: "track", event: "b", message_id: "keep" }],
      identifies: [{ type: "identify" }],
    };
    const copy = JSON.parse(JSON.stringify(input));
    const out = withIdempotencyKeys(input, { key: "message_id", arrays: ["events", "page_views"] }, () => "new-id");
    expect(input).toEqual(copy);
    expect(out.events).toEqual([
      { type: "track", event: "a", sent_at: "2026-01-01T00:00:00.000Z", message_id: "new-id" },
      { type: "track", event: "b", message_id: "keep" },
    ]);
    expect(out.identifies).toBe(input.identifies);
  });

  test("idempotency keys at the root (root: true): the body gets one when it lacks it, with its arrays' items", () => {
    const input = { amount: 5, lines: [{ sku: "a" }] };
    let calls = 0;
    const out = withIdempotencyKeys(input, { key: "id", arrays: ["lines"], root: true }, () => `id-${++calls}`);
    expect(out).toEqual({ amount: 5, id: "id-1", lines: [{ sku: "a", id: "id-2" }] });
    expect(input).toEqual({ amount: 5, lines: [{ sku: "a" }] });
    const keyed = { amount: 5, id: "mine", lines: [] };
    expect(withIdempotencyKeys(keyed, { key: "id", arrays: ["lines"], root: true }, () => `id-${++calls}`)).toBe(keyed);
    expect(calls).toBe(2);
  });

  test("idempotency keys: a request whose items all have one is sent as it is, not copied", () => {
    const input = { profile_id: PROFILE, events: [{ type: "track", event: "a", message_id: "m1" }], page_views: [{ type: "page", message_id: "m2" }] };
    let calls = 0;
    const out = withIdempotencyKeys(input, { key: "message_id", arrays: ["events", "page_views"] }, () => `id-${++calls}`);
    expect(out).toBe(input);
    expect(calls).toBe(0);
    // One missing key: only that array and that item are new.
    const partly = { ...input, page_views: [{ type: "page" }, { type: "page", message_id: "m3" }] };
    const filled = withIdempotencyKeys(partly, { key: "message_id", arrays: ["events", "page_views"] }, () => `id-${++calls}`);
    expect(filled).not.toBe(partly);
    expect(filled.events).toBe(partly.events);
    expect(filled.page_views).toEqual([{ type: "page", message_id: "id-1" }, { type: "page", message_id: "m3" }]);
    expect(filled.page_views[1]).toBe(partly.page_views[1]);
    expect(partly.page_views[0]).toEqual({ type: "page" });
  });
});

describe("send() against the mock server", () => {
  const mock = useKoalaMockServer();
  let server: MockServer;
  beforeEach(() => {
    server = mock();
  });

  const endpoint: EndpointSpec<KoalaRequest> = {
    path: "/web/projects/pk_test/batch",
    chunk: (r) => chunkRequest(r),
    idempotency: { key: "message_id", arrays: ["events", "page_views"] },
    suspended: ["Koala ingest suspended"],
  };
  const options = (extra: Partial<TransportOptions> = {}): TransportOptions => ({
    baseUrl: server.url,
    userAgent: "test-suite/1.0",
    retry: FAST,
    timeoutMs: 2000,
    newId: seededUuid(7),
    ...extra,
  });
  const oneEvent = (): KoalaRequest => ({ profile_id: PROFILE, events: [{ type: "track", event: "Signed Up", sent_at: "2026-01-01T00:00:00.000Z" }] });

  test("delivers with User-Agent, splits by maxItems, fills message_id, keeps sent_at", async () => {
    const events = Array.from({ length: 65 }, (_, i) => ({ type: "track", event: `e${i}`, sent_at: "2026-01-02T03:04:05.000Z" }));
    const result = await send(options(), endpoint, { profile_id: PROFILE, events });
    expect(result).toEqual({ ok: true, status: 200, requests: 3 });
    const received = server.received();
    expect(received.requests.map((r) => r.userAgent)).toEqual(["test-suite/1.0", "test-suite/1.0", "test-suite/1.0"]);
    expect(received.items.map((i) => i.item.event)).toEqual(events.map((e) => e.event));
    expect(received.items.every((i) => typeof i.item.message_id === "string" && i.item.sent_at === "2026-01-02T03:04:05.000Z")).toBe(true);
    expect(new Set(received.items.map((i) => i.item.message_id)).size).toBe(65);
  });

  test("a timeout is retried; with retry: false it is reported with the undelivered request", async () => {
    // The held answer (3 s) is far beyond the attempt's limit (1 s), and the retry's answer far within it, even on a loaded machine.
    server.setFaults({ delayMs: 3000 });
    server.inject("delay");
    const once = await send(options({ timeoutMs: 1000, retry: false }), endpoint, oneEvent());
    expect(once).toMatchObject({ ok: false, kind: "timeout", retryable: true, attempts: 1, requests: 0 });
    expect(!once.ok && once.failed[0]!.events![0]!.message_id).toEqual(expect.any(String));

    server.inject("delay");
    const retries: RetryEvent[] = [];
    const retried = await send(options({ timeoutMs: 1000, hooks: { onRetry: (e) => retries.push(e) } }), endpoint, oneEvent());
    expect(retried).toEqual({ ok: true, status: 200, requests: 1 });
    expect(retries[0]).toMatchObject({ attempt: 1, reason: "timeout" });
  });

  test("the caller's AbortSignal stops an attempt in flight and a backoff wait", async () => {
    const inFlight = new AbortController();
    server.setFaults({ delayMs: 1000 });
    server.inject("delay");
    // Aborted while the server holds the answer (or even before it got the request: same outcome).
    const hooks = { onRequest: () => void setTimeout(() => inFlight.abort(), 50) };
    const aborted = await send(options({ hooks }), endpoint, oneEvent(), { signal: inFlight.signal });
    expect(aborted).toMatchObject({ ok: false, kind: "aborted", attempts: 1, requests: 0 });
    expect(!aborted.ok && aborted.failed).toHaveLength(1);

    const waiting = new AbortController();
    server.setFaults({});
    server.inject("503");
    const duringWait = await send(
      options({ retry: { attempts: 5, minDelayMs: 60_000, maxDelayMs: 60_000, deadlineMs: 600_000 }, hooks: { onRetry: () => waiting.abort() } }),
      endpoint,
      oneEvent(),
      { signal: waiting.signal },
    );
    expect(duringWait).toMatchObject({ ok: false, kind: "aborted", attempts: 1 });

    const before = new AbortController();
    before.abort();
    const never = await send(options(), endpoint, oneEvent(), { signal: before.signal });
    expect(never).toMatchObject({ ok: false, kind: "aborted", attempts: 0 });
    expect(server.received().items).toHaveLength(0);
  });

  test("Retry-After is honoured over the backoff cap", async () => {
    server.setFaults({ retryAfterSeconds: 1 });
    server.inject("429");
    const retries: RetryEvent[] = [];
    const result = await send(options({ hooks: { onRetry: (e) => retries.push(e) } }), endpoint, oneEvent());
    expect(result).toEqual({ ok: true, status: 200, requests: 1 });
    expect(retries).toEqual([expect.objectContaining({ attempt: 1, delayMs: 1000, reason: "http", status: 429 })]);
  });

  test.each([400, 401, 403, 404, 501, 505])("status %d is not retried", async (status) => {
    server.inject({ status, body: { error: "Nope" } });
    const result = await send(options(), endpoint, oneEvent());
    expect(result).toMatchObject({ ok: false, kind: "http", status, retryable: false, attempts: 1, body: { error: "Nope" } });
    expect(server.received().faults[String(status)]).toBe(1);
    expect(server.received().requests).toHaveLength(0);
  });

  test.each([408, 429, 500, 502, 503, 504])("status %d is retried", async (status) => {
    server.inject({ status, body: {} });
    const result = await send(options(), endpoint, oneEvent());
    expect(result).toEqual({ ok: true, status: 200, requests: 1 });
  });

  test("the server's own 400 for an invalid body is not retried and carries its errors", async () => {
    const result = await send(options(), endpoint, { profile_id: PROFILE, events: [{ type: "track" }] });
    expect(result).toMatchObject({ ok: false, kind: "http", status: 400, retryable: false, attempts: 1 });
    expect(!result.ok && (result.body as { error: string }).error).toBe("Invalid request");
  });

  test("a suspended ingest is its own permanent kind", async () => {
    server.answerAll(koalaSuspendedBody());
    const result = await send(options(), endpoint, oneEvent());
    expect(result).toMatchObject({ ok: false, kind: "suspended", status: 400, retryable: false, attempts: 1, body: { error: "Koala ingest suspended" } });
  });

  test("connection reset before acceptance is retried; after acceptance the retry is deduped", async () => {
    server.inject("reset-before", "reset-after");
    const result = await send(options(), endpoint, oneEvent());
    expect(result).toEqual({ ok: true, status: 200, requests: 1 });
    const received = server.received();
    expect(received.items).toHaveLength(1);
    expect(received.duplicates).toBe(1);

    server.inject("reset-before");
    expect(await send(options({ retry: false }), endpoint, oneEvent())).toMatchObject({ ok: false, kind: "network", retryable: true });
  });

  test("a permanent failure lists the failed request and every one after it", async () => {
    const events = Array.from({ length: 70 }, (_, i) => ({ type: "track", event: `e${i}` }));
    server.inject({ status: 200, body: {} }, { status: 401, body: { error: "Unauthorized" } });
    const result = await send(options(), endpoint, { profile_id: PROFILE, events });
    expect(result).toMatchObject({ ok: false, kind: "http", status: 401, requests: 1 });
    expect(!result.ok && result.failed.map((r) => r.events!.length)).toEqual([30, 10]);
  });

  test("the total deadline ends retries early, still retryable", async () => {
    // A wait (Retry-After: 10 s) that would end past the deadline (5 s): reported at once. Not timing-
    // dependent: the attempt has 2 s for its answer however loaded the machine, and nothing races it.
    server.setFaults({ rate: 1, kinds: ["429"], retryAfterSeconds: 10 });
    const retries: RetryEvent[] = [];
    const result = await send(options({ retry: { attempts: 100, minDelayMs: 1, maxDelayMs: 1, deadlineMs: 5000 }, hooks: { onRetry: (e) => retries.push(e) } }), endpoint, oneEvent());
    expect(result).toMatchObject({ ok: false, kind: "http", status: 429, retryable: true, attempts: 1 });
    expect(retries).toEqual([]);
  });

  test("client-side validation refuses before sending", async () => {
    const validate = (value: unknown) => ({ ok: false as const, errors: [{ path: "/events/0", message: "bad", value }] });
    const result = await send(options(), { ...endpoint, validate }, oneEvent());
    expect(result).toMatchObject({ ok: false, kind: "validation", retryable: false, attempts: 0, errors: [{ path: "/events/0", message: "bad" }] });
    expect(server.received().requests).toHaveLength(0);
    expect(await send(options({ validate: false }), { ...endpoint, validate }, oneEvent())).toMatchObject({ ok: true });
  });

  test("fetch is called as a plain function, and a throwing hook changes nothing", async () => {
    const thisValues: unknown[] = [];
    const plainFetch = function (this: unknown, input: string, init: RequestInit): Promise<Response> {
      thisValues.push(this);
      return fetch(input, init);
    };
    const hooks = {
      onRequest: () => {
        throw new Error("logger down");
      },
    };
    server.inject("503");
    const result = await send(options({ fetch: plainFetch, hooks }), endpoint, oneEvent());
    expect(result).toEqual({ ok: true, status: 200, requests: 1 });
    expect(thisValues).toEqual([undefined, undefined]);
  });
});
