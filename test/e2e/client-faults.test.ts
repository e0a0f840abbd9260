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
import { startKoalaMockServer, traffic } from "../helpers/koala";
import { KOALA_OUT } from "../helpers/paths";

// The committed package as a user gets it: createKoalaClient validates, splits by maxItems, fills message_id.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const koala = require(path.join(KOALA_OUT, "dist", "cjs", "index.js")) as typeof Koala;

const SEED = process.env.CI ? 20260101 : Math.floor(Math.random() * 1e9);

describe("client under 20% faults of every kind", () => {
  let server: MockServer;
  beforeAll(async () => {
    server = await startKoalaMockServer({
      // Koala's OpenAPI document: the batch operation, checked with the document's generated guards.
      faults: { rate: 0.2, kinds: FAULT_KINDS, seed: SEED, retryAfterSeconds: 1, delayMs: 1500 },
    });
  });
  afterAll(() => server.close());

  test("5,000 events and page views for 100 people: each delivered once or listed in failed", async () => {
    process.stdout.write(`client-faults seed: ${SEED} (set CI=1 for the fixed seed)\n`);
    const requests = traffic(SEED, 100, 5000) as unknown as Koala.KoalaProfileBatchRequest[];
    const client = koala.createKoalaClient({
      publicKey: "pk_test",
      baseUrl: server.url,
      timeoutMs: 1000,
      retry: { attempts: 8, minDelayMs: 1, maxDelayMs: 20, deadlineMs: 30_000 },
    });
    // Random faults alone may skip a kind in a short run: the first six requests get one of each for sure.
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
    await Promise.all(Array.from({ length: 10 }, worker));

    const seqOf = (item: Record<string, unknown>): number => (item.properties as { seq: number }).seq;
    const delivered = new Map<number, number>();
    for (const { item } of server.received().items) delivered.set(seqOf(item), (delivered.get(seqOf(item)) ?? 0) + 1);
    const failed = new Set<number>();
    for (const result of results) {
      if (result.ok) continue;
      expect(result.retryable).toBe(true);
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
    // With 8 attempts against 20% faults a request almost never runs out: a client that gave up early would list far more.
    expect(failed.size).toBeLessThan(250);

    // The run really went through every fault, and retries after "accepted, then dropped" were deduped.
    const received = server.received();
    process.stdout.write(`client-faults: ${JSON.stringify(received.faults)} faults, ${received.duplicates} duplicates dropped, ${failed.size} items in failed\n`);
    expect(Object.keys(received.faults).sort()).toEqual([...FAULT_KINDS].sort());
    expect(received.duplicates).toBeGreaterThan(0);
    expect(delivered.size + [...failed].filter((s) => !delivered.has(s)).length).toBe(5000);
  });
});
