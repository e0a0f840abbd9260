/**
 * client.batchQueue() of the committed Koala package, against the mock server on 127.0.0.1: items
 * enqueued one at a time are delivered once or listed in close()'s `failed` under 20% faults of
 * every kind; a full queue refuses visibly; close() keeps its deadline against a server that never
 * answers; flush() ordering; the interval timer does not hold the process; bad input is refused at
 * enqueue; and the client's option checks and groupXItems' named, skippable bad entries.
 */
import { execFile } from "node:child_process";
import * as net from "node:net";
import * as path from "node:path";
import type { MockServer } from "../../generator/mock-server/server";
import { FAULT_KINDS } from "../../generator/mock-server/faults";
import type * as Koala from "../../generated/koala/src/index";
import type { FetchLike } from "../../generated/koala/src/transport";
import { ATTEMPT_TIMEOUT_MS, HOLD_MS, loggingFetch, NO_DEADLINE_MS, RANDOM_FAULT_KINDS, seededUuid, seqsOfBody, sortAttempts, startKoalaMockServer, useMockServer } from "../helpers/koala";
import { KOALA_OUT } from "../helpers/paths";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const koala = require(path.join(KOALA_OUT, "dist", "cjs", "index.js")) as typeof Koala;

const SEED = process.env.CI ? 20260115 : Math.floor(Math.random() * 1e9);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Identity = Koala.KoalaProfileBatchRequestIdentity;
type Item = Koala.KoalaProfileBatchRequestItem;
const seqOf = (item: Record<string, unknown>): number => (item.properties as { seq: number }).seq;

/** `people` identities, half by profile_id and half by email, as fresh objects on every call. */
function person(i: number, uuid: (i: number) => string): Identity {
  return i % 2 === 0 ? { profile_id: uuid(i) } : { email: `person${i}@example.com` };
}

describe("batchQueue under 20% faults of every kind (delays injected)", () => {
  let server: MockServer;
  beforeAll(async () => {
    // A delay holds its answer until the client hangs up: every delay is a client timeout. Delays are
    // injected below, the random 20% is of every other kind (helpers/koala.ts).
    server = await startKoalaMockServer({ faults: { rate: 0.2, kinds: RANDOM_FAULT_KINDS, seed: SEED, retryAfterSeconds: 0, delayMs: HOLD_MS } });
  });
  afterAll(() => server.close());

  test("20,000 interleaved items for 200 people: each delivered once and stamped, or listed in close()'s failed after all its attempts failed", async () => {
    process.stdout.write(`batch-queue seed: ${SEED} (set CI=1 for the fixed seed)\n`);
    const newUuid = seededUuid(SEED);
    const ids = Array.from({ length: 200 }, () => newUuid());
    const logged = loggingFetch();
    const client = koala.createKoalaClient({
      publicKey: "pk_test",
      baseUrl: server.url,
      fetch: logged.fetch,
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      // No deadline: a request ends after its success or its 8th failed attempt, and nothing else.
      retry: { attempts: 8, minDelayMs: 1, maxDelayMs: 20, deadlineMs: NO_DEADLINE_MS },
      newId: seededUuid(SEED + 1),
    });
    const errors: Koala.RequestFailure<Identity, Item>[] = [];
    // Enqueued in one synchronous burst, so the queue must hold them all (the default bound is 10,000).
    const queue = client.batchQueue({ maxQueuedItems: 20_000, onError: (failure) => errors.push(failure) });
    // The first six requests get one fault of each kind for sure, delay included (random faults alone may skip a kind).
    server.inject(...FAULT_KINDS);
    const started = Date.now();
    for (let seq = 0; seq < 20_000; seq++) {
      const identity = person(seq % 200, (i) => ids[i]!);
      const item: Item = seq % 3 === 0 ? koala.page(`/page/${seq % 11}`, { seq }) : koala.track(`Event ${seq % 7}`, { seq });
      expect(queue.enqueue(identity, item)).toBe(true);
    }
    const enqueued = Date.now();
    // close()'s deadline has its own test below: here it must not cut the run short.
    const result = await queue.close({ timeoutMs: NO_DEADLINE_MS });
    process.stdout.write(`batch-queue: enqueue ${enqueued - started} ms, delivery ${Date.now() - enqueued} ms, slowest answer ${logged.slowestAnswerMs()} ms\n`);

    const delivered = new Map<number, number>();
    for (const { item } of server.received().items) {
      expect(item.message_id).toMatch(UUID);
      expect(new Date(item.sent_at as string).toISOString()).toBe(item.sent_at);
      delivered.set(seqOf(item), (delivered.get(seqOf(item)) ?? 0) + 1);
    }
    const failed = new Set(result.failed.map((f) => seqOf(f.item as Record<string, unknown>)));
    const lost: number[] = [];
    const doubled: number[] = [];
    for (let seq = 0; seq < 20_000; seq++) {
      const count = delivered.get(seq) ?? 0;
      if (count > 1) doubled.push(seq);
      if (count === 0 && !failed.has(seq)) lost.push(seq);
    }
    expect({ lost, doubled }).toEqual({ lost: [], doubled: [] });
    // The counts add up: delivered + failed = enqueued, and onError saw every failed item.
    expect(result.delivered + result.failed.length).toBe(20_000);
    expect(errors.reduce((n, e) => n + e.items.length, 0)).toBe(result.failed.length);
    expect(queue.stats()).toEqual({ queued: 0, inFlight: 0, delivered: result.delivered, failed: result.failed.length, dropped: 0 });

    // Each batch by its attempts as the client's fetch saw them: delivered by its last attempt, or
    // failed all 8. A queue that gave up early (or sent again after a success) shows here however
    // loaded the machine, and so does an item in failed whose batch did not fail 8 times.
    const batches = sortAttempts(logged.attempts, 8);
    expect(batches.endedEarly).toEqual([]);
    expect(batches.delivered.reduce((n, body) => n + seqsOfBody(body).length, 0)).toBe(result.delivered);
    expect([...failed].sort((a, b) => a - b)).toEqual(batches.failed.flatMap(seqsOfBody).sort((a, b) => a - b));
    expect(result.failed.filter((f) => f.attempts !== 8)).toEqual([]);

    const received = server.received();
    process.stdout.write(
      `batch-queue: ${JSON.stringify(received.faults)} faults, ${received.duplicates} duplicates dropped, ${logged.attempts.size} batches, ${batches.timeouts} attempts timed out, ${result.failed.length} items failed\n`,
    );
    expect(Object.keys(received.faults).sort()).toEqual([...FAULT_KINDS].sort());
    // Retries really recover: a batch was delivered after each kind of failed attempt (a reset before
    // or after the body was stored is a cut connection to the client; a held delay, a timeout).
    expect(batches.recoveredAfter).toEqual(["429", "500", "503", "network", "timeout"]);
    // Every held delay ended in the client's own timeout.
    expect(batches.timeouts).toBeGreaterThanOrEqual(received.faults.delay!);
    // Retries after "accepted, then the connection dropped" repeated the stamped key: the server dropped them.
    expect(received.duplicates).toBeGreaterThan(0);
    // Jest's timeout only catches a hang: with no deadlines, a loaded machine makes the run longer, never wrong.
  }, 300_000);
});

describe("batchQueue", () => {
  const mock = useMockServer();

  test("a full queue refuses the new item, visibly: false, onDrop, stats; no old item is dropped", async () => {
    const dropped: unknown[] = [];
    const queue = koala.createKoalaClient({ publicKey: "pk", baseUrl: mock().url }).batchQueue({ maxQueuedItems: 5, onDrop: (_identity, item) => dropped.push(item) });
    const results = Array.from({ length: 8 }, (_, seq) => queue.enqueue({ email: "a@example.com" }, koala.track("E", { seq })));
    expect(results).toEqual([true, true, true, true, true, false, false, false]);
    expect(dropped.map((item) => seqOf(item as Record<string, unknown>))).toEqual([5, 6, 7]);
    expect(queue.stats()).toMatchObject({ queued: 5, dropped: 3 });
    const result = await queue.close();
    expect(result).toEqual({ delivered: 5, failed: [] });
    expect(mock().received().items.map(({ item }) => seqOf(item))).toEqual([0, 1, 2, 3, 4]);
    // Closed: refused too, and counted.
    expect(queue.enqueue({ email: "a@example.com" }, koala.track("late"))).toBe(false);
    expect(queue.stats()).toMatchObject({ delivered: 5, dropped: 4 });
  });

  test("flush() resolves once everything enqueued before it is delivered; per identity in order, one request in flight per identity", async () => {
    const inFlight = new Map<string, number>();
    let maxPerIdentity = 0;
    let maxTotal = 0;
    let total = 0;
    // A fetch that watches what is in flight, per identity and overall, then calls the real one.
    const fetch: FetchLike = async (url, init) => {
      const body = JSON.parse(init.body) as { email: string };
      inFlight.set(body.email, (inFlight.get(body.email) ?? 0) + 1);
      maxPerIdentity = Math.max(maxPerIdentity, inFlight.get(body.email)!);
      maxTotal = Math.max(maxTotal, ++total);
      try {
        return await globalThis.fetch(url, init);
      } finally {
        inFlight.set(body.email, inFlight.get(body.email)! - 1);
        total--;
      }
    };
    const queue = koala.createKoalaClient({ publicKey: "pk", baseUrl: mock().url, fetch }).batchQueue({ flushAt: 3, concurrency: 4 });
    const order: string[] = [];
    for (let seq = 0; seq < 100; seq++) queue.enqueue({ email: `p${seq % 5}@example.com` }, koala.track("first", { seq }));
    const first = queue.flush().then(() => {
      order.push("first");
      // Everything enqueued before the first flush() is on the server by the time it resolves.
      expect(mock().received().items.filter(({ item }) => item.event === "first")).toHaveLength(100);
    });
    for (let seq = 100; seq < 150; seq++) queue.enqueue({ email: `p${seq % 5}@example.com` }, koala.track("second", { seq }));
    const second = queue.flush().then(() => order.push("second"));
    await Promise.all([first, second]);
    expect(order).toEqual(["first", "second"]);
    expect(maxPerIdentity).toBe(1);
    expect(maxTotal).toBeLessThanOrEqual(4);
    // In order per identity.
    const byPerson = new Map<string, number[]>();
    for (const { body } of mock().received().requests) {
      const request = body as { email: string; events: Record<string, unknown>[] };
      byPerson.set(request.email, [...(byPerson.get(request.email) ?? []), ...request.events.map(seqOf)]);
    }
    for (const seqs of byPerson.values()) expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(await queue.flush()).toBeUndefined();
    expect((await queue.close()).delivered).toBe(150);
  });

  test("enqueue stamps message_id and sent_at where missing and keeps those given", async () => {
    const queue = koala.createKoalaClient({ publicKey: "pk", baseUrl: mock().url }).batchQueue();
    const given = { message_id: "0b7e4f2a-1c3d-4e5f-8a9b-0c1d2e3f4a5b", sent_at: "2026-01-01T00:00:00.000Z" };
    queue.enqueue({ email: "a@example.com" }, koala.track("given", {}, given));
    queue.enqueue({ email: "a@example.com" }, koala.track("missing"));
    queue.enqueue({ email: "a@example.com" }, koala.identify({ plan: "pro" }));
    await queue.close();
    const items = mock().received().items.map(({ item }) => item);
    expect(items[0]).toMatchObject(given);
    expect(items[1]!.message_id).toMatch(UUID);
    expect(Date.parse(items[1]!.sent_at as string)).not.toBeNaN();
    // An identify has a timestamp but no idempotency key in the schema: only the time is filled.
    expect(items[2]!.message_id).toBeUndefined();
    expect(Date.parse(items[2]!.sent_at as string)).not.toBeNaN();
  });

  test("a bad identity or item throws a SchemaValidationError naming it, and never reaches a batch", async () => {
    const queue = koala.createKoalaClient({ publicKey: "pk", baseUrl: mock().url }).batchQueue();
    expect(() => queue.enqueue({ email: "not an email" }, koala.track("E"))).toThrow(/SchemaValidationError|\/identity\/email/);
    const errorOf = (run: () => unknown): Error => {
      try {
        run();
      } catch (error) {
        return error as Error;
      }
      throw new Error("did not throw");
    };
    const badIdentity = errorOf(() => queue.enqueue({ email: "not an email" }, koala.track("E")));
    expect(badIdentity.name).toBe("SchemaValidationError");
    expect(badIdentity.message).toMatch(/^not a valid KoalaProfileBatchRequest entry: \/identity\/email /);
    const badItem = errorOf(() => queue.enqueue({ email: "a@example.com" }, { type: "track", event: 42 } as unknown as Item));
    expect(badItem.name).toBe("SchemaValidationError");
    expect(badItem.message).toMatch(/\/item\/event must be string/);
    const unroutable = errorOf(() => queue.enqueue({ email: "a@example.com" }, { type: "alias" } as unknown as Item));
    expect(unroutable.message).toMatch(/\/item fits none of the request's arrays/);
    const noIdentity = errorOf(() => queue.enqueue(null as unknown as Identity, koala.track("E")));
    expect(noIdentity.message).toMatch(/\/identity must be object/);
    expect(queue.stats()).toEqual({ queued: 0, inFlight: 0, delivered: 0, failed: 0, dropped: 0 });
    expect(await queue.close()).toEqual({ delivered: 0, failed: [] });
    expect(mock().received().requests).toEqual([]);
  });

  test("accountsBatchQueue groups per account and posts to /accounts/batch", async () => {
    const queue = koala.createKoalaClient({ publicKey: "pk", baseUrl: mock().url }).accountsBatchQueue();
    queue.enqueue({ domain: "acme.com" }, { traits: { plan: "pro" } });
    queue.enqueue({ domain: "acme.com" }, koala.track("Upgraded"));
    expect(await queue.close()).toEqual({ delivered: 2, failed: [] });
    const [request] = mock().received().requests;
    expect(request!.path).toBe("/web/projects/pk/accounts/batch");
    expect(request!.body).toMatchObject({ domain: "acme.com", identifies: [{ traits: { plan: "pro" } }], events: [{ event: "Upgraded" }] });
  });
});

describe("batchQueue close() deadline", () => {
  // A server that accepts connections and never answers.
  let silent: net.Server;
  let url: string;
  const sockets = new Set<net.Socket>();
  beforeAll(async () => {
    silent = net.createServer((socket) => {
      sockets.add(socket);
      socket.on("close", () => sockets.delete(socket));
    });
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  });

  test("resolves within its deadline; what was in flight or still queued is listed in failed", async () => {
    // The attempt would time out only after 10 minutes: a close() that waited for it would hit jest's timeout.
    const queue = koala.createKoalaClient({ publicKey: "pk", baseUrl: url, timeoutMs: NO_DEADLINE_MS, retry: { deadlineMs: NO_DEADLINE_MS } }).batchQueue({ flushAt: 2, concurrency: 1 });
    for (let seq = 0; seq < 10; seq++) queue.enqueue({ email: "a@example.com" }, koala.track("E", { seq }));
    expect(queue.stats()).toMatchObject({ inFlight: 2, queued: 8 });
    const started = Date.now();
    const result = await queue.close({ timeoutMs: 300 });
    // The deadline plus the time an aborted fetch takes to settle, with room for a machine under any
    // load we have seen: still far below the attempt timeout a close() without a deadline would wait for.
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(result.delivered).toBe(0);
    expect(result.failed.map((f) => seqOf(f.item as Record<string, unknown>)).sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(result.failed.map((f) => f.kind))).toEqual(new Set(["aborted"]));
    expect(result.failed[0]!.identity).toEqual({ email: "a@example.com" });
    expect(queue.stats()).toEqual({ queued: 0, inFlight: 0, delivered: 0, failed: 10, dropped: 0 });
  });
});

describe("batchQueue flushIntervalMs", () => {
  test("the interval timer sends what waits, and does not keep the process alive", async () => {
    const server = await startKoalaMockServer();
    try {
      // A child process: it must exit by itself once its work is done, with the interval still set.
      const script = `
        const koala = require(${JSON.stringify(path.join(KOALA_OUT, "dist", "cjs", "index.js"))});
        const queue = koala.createKoalaClient({ publicKey: "pk", baseUrl: ${JSON.stringify(server.url)} }).batchQueue({ flushIntervalMs: 20 });
        queue.enqueue({ email: "a@example.com" }, koala.track("by the timer"));
        const check = () => queue.stats().delivered === 1 ? process.stdout.write("delivered") : setTimeout(check, 10);
        check();
      `;
      // Asynchronously: the server answers from this process's event loop.
      const child = await new Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>((resolve) => {
        const run = execFile(process.execPath, ["-e", script], { encoding: "utf8", timeout: 20_000 }, (_error, stdout, stderr) =>
          resolve({ code: run.exitCode, signal: run.signalCode, stdout, stderr }),
        );
      });
      expect(child).toEqual({ code: 0, signal: null, stdout: "delivered", stderr: "" });
      expect(server.received().items.map(({ item }) => item.event)).toEqual(["by the timer"]);
    } finally {
      await server.close();
    }
  });
});

describe("createKoalaClient option checks", () => {
  const create = koala.createKoalaClient as (options: unknown) => unknown;
  test.each([
    [{}, /createKoalaClient: options.publicKey must be a non-empty string/],
    [{ publicKey: "" }, /options.publicKey must be a non-empty string/],
    [{ publicKey: 42 }, /options.publicKey must be a non-empty string/],
    [{ publicKey: "pk", baseUrl: "localhost:3000" }, /options.baseUrl must be an absolute http\(s\) URL, got "localhost:3000"/],
    [{ publicKey: "pk", baseUrl: "ftp://example.com" }, /options.baseUrl must be an absolute http\(s\) URL/],
    [{ publicKey: "pk", baseUrl: "" }, /options.baseUrl must be a non-empty string/],
  ])("%j → TypeError", (options, message) => {
    expect(() => create(options)).toThrow(TypeError);
    expect(() => create(options)).toThrow(message);
  });

  test("valid options, and the default base URL when none is given", () => {
    expect(() => create({ publicKey: "pk" })).not.toThrow();
    expect(() => create({ publicKey: "pk", baseUrl: "http://127.0.0.1:8080/prefix/" })).not.toThrow();
  });
});

describe("groupKoalaProfileBatchRequestItems with one bad entry among 200 people", () => {
  const entries = (): Koala.KoalaProfileBatchRequestEntry[] =>
    Array.from({ length: 1000 }, (_, seq) => ({
      // A fresh identity object per entry, as callers build them.
      identity: { email: seq % 200 === 17 ? "not an email" : `person${seq % 200}@example.com` },
      item: koala.track("E", { seq }),
    }));

  test("throws naming the first bad entry's index and identity", () => {
    expect(() => koala.groupKoalaProfileBatchRequestItems(entries())).toThrow(/^entry 17 \(identity \{"email":"not an email"\}\): not a valid KoalaProfileBatchRequest: \/email/);
  });

  test('onInvalid: "skip" sends the 199 others; a function is told each bad entry', () => {
    const skipped = koala.groupKoalaProfileBatchRequestItems(entries(), { onInvalid: "skip" });
    expect(new Set(skipped.map((r) => r.email)).size).toBe(199);
    expect(skipped.reduce((n, r) => n + (r.events?.length ?? 0), 0)).toBe(995);
    const told: number[] = [];
    const names = new Set<string>();
    const reported = koala.groupKoalaProfileBatchRequestItems(entries(), {
      onInvalid: ({ index, error }) => {
        told.push(index);
        names.add(error.name);
      },
    });
    expect(names).toEqual(new Set(["SchemaValidationError"]));
    expect(reported).toEqual(skipped);
    expect(told).toEqual([17, 217, 417, 617, 817]);
  });

  test("a fresh identity object per entry groups like shared ones", () => {
    const shared = Array.from({ length: 200 }, (_, i) => ({ email: `person${i}@example.com` }));
    const fresh = Array.from({ length: 2000 }, (_, seq) => ({ identity: { email: `person${seq % 200}@example.com` }, item: koala.track("E", { seq }) }));
    const same = fresh.map((entry, seq) => ({ identity: shared[seq % 200]!, item: entry.item }));
    expect(koala.groupKoalaProfileBatchRequestItems(fresh)).toEqual(koala.groupKoalaProfileBatchRequestItems(same));
  });
});
