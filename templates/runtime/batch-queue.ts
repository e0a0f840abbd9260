/**
 * A batch queue for a generated client (`client.batchQueue(options)`), for callers who send one
 * event at a time the way Segment's and PostHog's clients are used: `enqueue(identity, item)`
 * returns at once, and the queue groups items per identity, sends a person's items as soon as there
 * are `flushAt` of them, keeps `concurrency` requests in flight (in order per identity, never two
 * at once for one identity), and on `close()` flushes within a deadline.
 *
 * Nothing is lost or doubled silently:
 * - a bad identity or item throws at `enqueue` (it never reaches a batch);
 * - each item gets its idempotency key and timestamp when it is enqueued (if it has none), so the
 *   transport's retries repeat the same key and the event keeps the time it happened;
 * - a full queue refuses the new item (`enqueue` returns false, `onDrop`, `stats().dropped`):
 *   an old item is never dropped to make room;
 * - every item not delivered is in `close()`'s `failed`, including those still queued or in
 *   flight when its deadline hit.
 * No timer runs unless `flushIntervalMs` is set, and that one is unref'd: a queue never keeps a
 * process or a serverless function alive.
 * Generated clients import this file only for a root with a group-by-identity builder; nothing in it
 * knows a schema: the client passes in the route, the stamps, the limit, the guard and `send`.
 */
import type { CallOptions, FailureKind, SendResult, ValidateFn, ValidationIssue } from "./http-client.js";
import { identityKey } from "./builders.js";

export interface BatchQueueOptions<Identity, Item> {
  /** Items of one identity that trigger a request (default: the schema's `maxItems`, else 100). A request carries at most `maxItems`. */
  flushAt?: number | undefined;
  /** Sends whatever waits every this many ms (default: off). The timer is unref'd. */
  flushIntervalMs?: number | undefined;
  /** Requests in flight at once (default 8). */
  concurrency?: number | undefined;
  /** Items queued or in flight beyond which `enqueue` refuses (default 10,000). */
  maxQueuedItems?: number | undefined;
  /** Told of each item `enqueue` refused. */
  onDrop?: ((identity: Identity, item: Item) => void) | undefined;
  /** Told of each request that failed for good (after the transport's retries). */
  onError?: ((failure: RequestFailure<Identity, Item>) => void) | undefined;
}

/** A request the queue gave up on, with its items. */
export interface RequestFailure<Identity, Item> {
  identity: Identity;
  items: Item[];
  kind: FailureKind;
  status?: number | undefined;
  attempts: number;
}

/** One item not delivered. */
export interface QueueFailure<Identity, Item> {
  identity: Identity;
  item: Item;
  kind: FailureKind;
  status?: number | undefined;
  attempts: number;
}

export interface QueueStats {
  /** Items waiting to be sent. */
  queued: number;
  /** Items in requests in flight. */
  inFlight: number;
  delivered: number;
  failed: number;
  /** Items `enqueue` refused. */
  dropped: number;
}

export interface CloseResult<Identity, Item> {
  /** Items delivered over the queue's life. */
  delivered: number;
  /** Every item not delivered, in the order they failed. */
  failed: QueueFailure<Identity, Item>[];
}

export interface BatchQueue<Identity, Item> {
  /**
   * Queues one item: true when queued, false when the queue is full or closed (the item is then
   * counted in `stats().dropped` and given to `onDrop`). Fills the idempotency key and timestamp.
   * @throws SchemaValidationError naming the identity or the item when either is not valid.
   */
  enqueue(identity: Identity, item: Item): boolean;
  /** Resolves when every item enqueued before it is delivered or failed. */
  flush(): Promise<void>;
  /**
   * Stops accepting, flushes, and resolves within `timeoutMs` (default 10,000): what was not
   * delivered by then is aborted and listed in `failed`.
   */
  close(options?: { timeoutMs?: number | undefined }): Promise<CloseResult<Identity, Item>>;
  stats(): QueueStats;
}

/** What a generated client passes in for one endpoint. */
export interface QueueSpec<Request> {
  /** The array an item goes in, or undefined when it fits none. */
  route: (item: any) => string | undefined;
  /** Per array: the properties to fill with a new id and with the time, when an item lacks them. */
  stamps: Readonly<Record<string, { idempotencyKey?: string; timestamp?: string }>>;
  /** The most items one request may carry (the smallest `maxItems` of the arrays; Infinity for none). */
  maxItems: number;
  /** The root's guard: checks identity and item together, as a one-item request. */
  validate?: ValidateFn<Request> | undefined;
  /** The error `enqueue` throws for invalid input (the guards' SchemaValidationError; `schemaPath` and `keyword` may be absent). */
  invalid: (errors: ValidationIssue[]) => Error;
  send: (request: Request, call: CallOptions) => Promise<SendResult<Request>>;
  newId: () => string;
}

interface Queued<Item> {
  array: string;
  item: Item;
  seq: number;
}

interface Group<Identity, Item> {
  key: string;
  identity: Identity;
  pending: Queued<Item>[];
  busy: boolean;
}

/** Creates a queue; see {@link BatchQueue}. */
export function createBatchQueue<Identity extends object, Item extends object, Request>(
  spec: QueueSpec<Request>,
  options: BatchQueueOptions<Identity, Item> = {},
): BatchQueue<Identity, Item> {
  const flushAt = Math.max(1, options.flushAt ?? Math.min(spec.maxItems, 100));
  // One request per batch: never more than the schema lets one request carry.
  const batchSize = Math.min(flushAt, spec.maxItems);
  const concurrency = Math.max(1, options.concurrency ?? 8);
  const maxQueued = options.maxQueuedItems ?? 10_000;
  const groups = new Map<string, Group<Identity, Item>>();
  // Groups with something to send, in the order they got it (a Set: each once, any removed cheaply).
  const ready = new Set<Group<Identity, Item>>();
  let seq = 0;
  // Items enqueued before this sequence number are sent whatever their count (flush, close, interval).
  let flushUntil = 0;
  let queued = 0;
  let inFlightItems = 0;
  let inFlightRequests = 0;
  let delivered = 0;
  let dropped = 0;
  let closed = false;
  const failed: QueueFailure<Identity, Item>[] = [];
  const waiters: { before: number; remaining: number; resolve: () => void }[] = [];
  const controller = new AbortController();
  const call: CallOptions = { signal: controller.signal };
  let timer: any;
  if (options.flushIntervalMs) {
    timer = setInterval(() => requestFlush(), options.flushIntervalMs);
    timer?.unref?.();
  }

  const sendable = (group: Group<Identity, Item>): boolean =>
    group.pending.length >= flushAt || (group.pending.length > 0 && group.pending[0]!.seq < flushUntil);

  function markReady(group: Group<Identity, Item>): void {
    if (!group.busy && sendable(group)) ready.add(group);
  }

  function requestFlush(): void {
    flushUntil = seq;
    for (const group of groups.values()) markReady(group);
    pump();
  }

  function pump(): void {
    for (const group of ready) {
      if (inFlightRequests >= concurrency) return;
      ready.delete(group);
      if (!group.busy && sendable(group)) dispatch(group);
    }
  }

  function dispatch(group: Group<Identity, Item>): void {
    const batch = group.pending.splice(0, batchSize);
    group.busy = true;
    inFlightRequests++;
    inFlightItems += batch.length;
    queued -= batch.length;
    // The identity copied (own keys only), then each array in order of first appearance.
    const request = Object.assign({}, group.identity) as Record<string, unknown>;
    for (const { array, item } of batch) ((request[array] as Item[] | undefined) ??= []).push(item);
    spec
      .send(request as Request, call)
      // `send` reports failures in its result; an exception would be a bug, but its items must still be accounted for.
      .catch(() => ({ ok: false, kind: "network", attempts: 0 }) as SendResult<Request>)
      .then((result) => settle(group, batch, result));
  }

  function settle(group: Group<Identity, Item>, batch: Queued<Item>[], result: SendResult<Request>): void {
    inFlightRequests--;
    inFlightItems -= batch.length;
    group.busy = false;
    if (result.ok) delivered += batch.length;
    else {
      // A batch is one request (at most `maxItems`): it is delivered or failed whole.
      const failure: RequestFailure<Identity, Item> = { identity: group.identity, items: batch.map((q) => q.item), kind: result.kind, attempts: result.attempts };
      if (result.status !== undefined) failure.status = result.status;
      for (const item of failure.items) failed.push({ identity: group.identity, item, kind: failure.kind, status: failure.status, attempts: failure.attempts });
      quietly(options.onError, failure);
    }
    if (group.pending.length === 0) groups.delete(group.key);
    else markReady(group);
    done(batch);
    pump();
  }

  /** Counts settled items against each `flush()` waiting for them. */
  function done(items: readonly Queued<Item>[]): void {
    for (let i = 0; i < waiters.length; i++) {
      const waiter = waiters[i]!;
      for (const q of items) if (q.seq < waiter.before) waiter.remaining--;
      if (waiter.remaining === 0) {
        waiters.splice(i--, 1);
        waiter.resolve();
      }
    }
  }


  const queue: BatchQueue<Identity, Item> = {
    enqueue(identity, item) {
      if (typeof identity !== "object" || identity === null) throw spec.invalid([{ path: "/identity", message: "must be object" }]);
      const array = spec.route(item);
      if (array === undefined) throw spec.invalid([{ path: "/item", message: "fits none of the request's arrays" }]);
      if (closed || queued + inFlightItems >= maxQueued) {
        dropped++;
        quietly(options.onDrop, identity, item);
        return false;
      }
      const stamped = stamp(item, spec.stamps[array], spec.newId);
      if (spec.validate) {
        // (Object.assign then a key: V8 builds a spread-then-extended literal several times slower.)
        const probe = Object.assign({}, identity) as Record<string, unknown>;
        probe[array] = [stamped];
        const checked = spec.validate(probe as Request);
        if (!checked.ok) throw spec.invalid(checked.errors.map((e) => ({ ...e, path: entryPath(e.path, array) })));
      }
      // By value, once per item: as cheap as a lookup by object, and right for a fresh object per call.
      const key = identityKey(identity);
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { key, identity, pending: [], busy: false }));
      group.pending.push({ array, item: stamped, seq: seq++ });
      queued++;
      markReady(group);
      pump();
      return true;
    },
    flush() {
      const remaining = queued + inFlightItems;
      requestFlush();
      if (remaining === 0) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ before: seq, remaining, resolve }));
    },
    async close({ timeoutMs = 10_000 } = {}) {
      closed = true;
      clearInterval(timer);
      let deadline: any;
      const expired = new Promise<void>((resolve) => {
        deadline = setTimeout(resolve, timeoutMs);
      });
      await Promise.race([queue.flush(), expired]);
      clearTimeout(deadline);
      if (queued + inFlightItems > 0) {
        // Past the deadline: what waits is failed now, what is in flight is aborted (its `send` then reports it).
        for (const group of groups.values()) {
          const left = group.pending.splice(0);
          for (const { item } of left) failed.push({ identity: group.identity, item, kind: "aborted", attempts: 0 });
          if (!group.busy) groups.delete(group.key);
          queued -= left.length;
          done(left);
        }
        controller.abort();
        await queue.flush();
      }
      return { delivered, failed: failed.slice() };
    },
    stats: () => ({ queued, inFlight: inFlightItems, delivered, failed: failed.length, dropped }),
  };
  return queue;
}

/** `item` with its idempotency key and timestamp filled in where it has none; a copy only when one is filled. */
function stamp<Item extends object>(item: Item, keys: { idempotencyKey?: string; timestamp?: string } | undefined, newId: () => string): Item {
  const record = item as Record<string, unknown>;
  const id = keys?.idempotencyKey;
  const time = keys?.timestamp;
  const fillId = id !== undefined && record[id] === undefined;
  const fillTime = time !== undefined && record[time] === undefined;
  if (!fillId && !fillTime) return item;
  const copy: Record<string, unknown> = Object.assign({}, record);
  if (fillId) copy[id] = newId();
  if (fillTime) copy[time] = isoNow();
  return copy as Item;
}

let lastMs = 0;
let lastIso = "";
/** Now as ISO-8601, formatted once per millisecond: items enqueued in a burst share it. */
function isoNow(): string {
  const now = Date.now();
  if (now !== lastMs) lastIso = new Date((lastMs = now)).toISOString();
  return lastIso;
}

/** A guard's path in the one-item request → the entry's part: "/events/0/event" → "/item/event", "/email" → "/identity/email". */
function entryPath(path: string, array: string): string {
  // The one item is at index 0, so "/events/0" is followed by "/" or nothing.
  const prefix = `/${array}/0`;
  return path.startsWith(prefix) ? `/item${path.slice(prefix.length)}` : `/identity${path}`;
}

/** Calls a user callback, if any; its exception is ignored: a logging hook must not change what is delivered. */
function quietly<A extends unknown[]>(fn: ((...args: A) => void) | undefined, ...args: A): void {
  try {
    fn?.(...args);
  } catch {
    // ignored, see above
  }
}
