/**
 * Type-level tests of the generated Koala client's batch queues, under the strictest consumer
 * settings: every `@ts-expect-error` must be an error.
 */
import { createKoalaClient, identify, track, type BatchQueue, type CloseResult, type KoalaProfileBatchRequestIdentity, type KoalaProfileBatchRequestItem, type QueueStats } from "../../generated/koala/src/index.js";

const client = createKoalaClient({ publicKey: "pk" });
export const queue: BatchQueue<KoalaProfileBatchRequestIdentity, KoalaProfileBatchRequestItem> = client.batchQueue({
  flushAt: 30,
  flushIntervalMs: 5_000,
  concurrency: 8,
  maxQueuedItems: 10_000,
  onDrop: (identity, item) => void [identity.email, item.type],
  onError: (failure) => void [failure.kind, failure.status, failure.items.length],
});
export const queued: boolean = queue.enqueue({ email: "a@example.com" }, track("Signed Up", { plan: "pro" }));
queue.enqueue({ profile_id: "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba" }, identify({ plan: "pro" }));
// @ts-expect-error an identity needs profile_id or email
queue.enqueue({}, track("Signed Up"));
// @ts-expect-error an identity cannot carry items
queue.enqueue({ email: "a@example.com", events: [] }, track("Signed Up"));
// @ts-expect-error an item must be one of the item types
queue.enqueue({ email: "a@example.com" }, { type: "alias" });
// @ts-expect-error an account identity is a domain or an account_id
client.accountsBatchQueue().enqueue({ email: "a@example.com" }, track("Signed Up"));
client.accountsBatchQueue().enqueue({ domain: "acme.com" }, { traits: { plan: "pro" } });
export const stats: QueueStats = queue.stats();
export const closing: Promise<CloseResult<KoalaProfileBatchRequestIdentity, KoalaProfileBatchRequestItem>> = queue.close({ timeoutMs: 10_000 });
