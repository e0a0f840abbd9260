/**
 * Exactly once under faults: 5,000 events and page views for 100 people go through the client
 * while the mock server (real HTTP on 127.0.0.1) fails 20% of requests in every way it knows,
 * including "accepted, then the connection dropped". Every item must be stored exactly once (the
 * test marks each with `properties.seq`, so a retry that minted a new `message_id` would show as
 * a double) or be listed in the client's `failed` — nothing lost, nothing doubled.
 */
import * as path from "node:path";
import type { MockServer } from "../../generator/mock-server/server";
import { FAULT_KINDS } from "../../generator/mock-server/faults";
import type * as Koala from "../../generated/koala/src/index";
import { ATTEMPT_TIMEOUT_MS, HOLD_MS, loggingFetch, NO_DEADLINE_MS, RANDOM_FAULT_KINDS, seqsOfBody, sortAttempts, startKoalaMockServer, traffic } from "../helpers/koala";
import { KOALA_OUT } from "../helpers/paths";

// The committed package as a user gets it: createKoalaClient validates, splits by maxItems, fills message_id.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const koala = require(path.join(KOALA_OUT, "dist", "cjs", "index.js")) as typeof Koala;

const SEED = process.env.CI ? 20260101 : Math.floor(Math.random() * 1e9);

describe("client under 20% faults of every kind (delays injected)", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startKoalaMockServer({
      // Koala's OpenAPI document: the batch operation, checked with the document's generated guards.
      // A delay holds its answer until the client hangs up: every delay is a client timeout. Delays are
      // injected below, the random 20% is of every other kind (helpers/koala.ts).
      faults: { rate: 0.2, kinds: RANDOM_FAULT_KINDS, seed: SEED, retryAfterSeconds: 1, delayMs: HOLD_MS },
    });
  });
  afterAll(() => server.close());

  test("5,000 events and page views for 100 people: each delivered once or listed in failed", async () => {
    process.stdout.write(`client-faults seed: ${SEED} (set CI=1 for the fixed seed)\n`);
    const requests = traffic(SEED, 100, 5000) as unknown as Koala.KoalaProfileBatchRequest[];
    const logged = loggingFetch();
    const client = koala.createKoalaClient({
      publicKey: "pk_test",
      baseUrl: server.url,
      fetch: logged.fetch,
      timeoutMs: ATTEMPT_TIMEOUT_MS,
      // No deadline: a request ends after its success or its 8th failed attempt, and nothing else.
      retry: { attempts: 8, minDelayMs: 1, maxDelayMs: 20, deadlineMs: NO_DEADLINE_MS },
    });
    // The first six requests get one fault of each kind for sure, delay included (random faults alone may skip a kind).
    server.inject(...FAULT_KINDS);
    // Ten people at a time, as a worker pool would: client and server share this process's event loop.
    const results: Koala.SendResult<Koala.KoalaProfileBatchRequest>[] = [];
    let next = 0;
    const worker = async (): Promise<void> => {
      while (next < requests.length) {
        const i = next++;
        results[i] = await client.batch(requests[i]!);
      }
    };
    const started = Date.now();
    await Promise.all(Array.from({ length: 10 }, worker));
    process.stdout.write(`client-faults: ${Date.now() - started} ms, slowest answer ${logged.slowestAnswerMs()} ms\n`);

    const seqOf = (item: Record<string, unknown>): number => (item.properties as { seq: number }).seq;
    const delivered = new Map<number, number>();
    for (const { item } of server.received().items) delivered.set(seqOf(item), (delivered.get(seqOf(item)) ?? 0) + 1);
    const failed = new Set<number>();
    for (const result of results) {
      if (result.ok) continue;
      expect(result.retryable).toBe(true);
      // Given up only after its 8th failed attempt (the parts after it are never sent).
      expect(result.attempts).toBe(8);
      for (const request of result.failed) for (const item of [...(request.events ?? []), ...(request.page_views ?? [])]) failed.add(seqOf(item));
    }

    const lost: number[] = [];
    const doubled: number[] = [];
    for (let seq = 0; seq < 5000; seq++) {
      const count = delivered.get(seq) ?? 0;
      if (count > 1) doubled.push(seq);
      if (count === 0 && !failed.has(seq)) lost.push(seq);
    }
    expect({ lost, doubled }).toEqual({ lost: [], doubled: [] });
    // Each part (a request of at most maxItems) by its attempts as the client's fetch saw them:
    // delivered by its last attempt, or failed all 8; a client that gave up early shows here however
    // loaded the machine. The parts that failed are in failed (with those never sent after them).
    const parts = sortAttempts(logged.attempts, 8);
    expect(parts.endedEarly).toEqual([]);
    const sentAndFailed = parts.failed.flatMap(seqsOfBody);
    expect(sentAndFailed.filter((seq) => !failed.has(seq))).toEqual([]);
    expect(parts.failed).toHaveLength(results.filter((r) => !r.ok).length);
    // Retries really recover: a part was delivered after each kind of failed attempt (a reset before
    // or after the body was stored is a cut connection to the client; a held delay, a timeout).
    expect(parts.recoveredAfter).toEqual(["429", "500", "503", "network", "timeout"]);

    // The run really went through every fault, and retries after "accepted, then dropped" were deduped.
    const received = server.received();
    process.stdout.write(`client-faults: ${JSON.stringify(received.faults)} faults, ${received.duplicates} duplicates dropped, ${parts.timeouts} attempts timed out, ${failed.size} items in failed\n`);
    expect(Object.keys(received.faults).sort()).toEqual([...FAULT_KINDS].sort());
    expect(received.duplicates).toBeGreaterThan(0);
    // Every held delay ended in the client's own timeout.
    expect(parts.timeouts).toBeGreaterThanOrEqual(received.faults.delay!);
    expect(delivered.size + [...failed].filter((s) => !delivered.has(s)).length).toBe(5000);
    // Jest's timeout only catches a hang: with no deadlines, a loaded machine makes the run longer, never wrong.
  }, 300_000);
});
