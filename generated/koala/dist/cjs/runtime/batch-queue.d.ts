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
    close(options?: {
        timeoutMs?: number | undefined;
    }): Promise<CloseResult<Identity, Item>>;
    stats(): QueueStats;
}
/** What a generated client passes in for one endpoint. */
export interface QueueSpec<Request> {
    /** The array an item goes in, or undefined when it fits none. */
    route: (item: any) => string | undefined;
    /** Per array: the properties to fill with a new id and with the time, when an item lacks them. */
    stamps: Readonly<Record<string, {
        idempotencyKey?: string;
        timestamp?: string;
    }>>;
    /** The most items one request may carry (the smallest `maxItems` of the arrays; Infinity for none). */
    maxItems: number;
    /** The root's guard: checks identity and item together, as a one-item request. */
    validate?: ValidateFn<Request> | undefined;
    /** The error `enqueue` throws for invalid input (the guards' SchemaValidationError; `schemaPath` and `keyword` may be absent). */
    invalid: (errors: ValidationIssue[]) => Error;
    send: (request: Request, call: CallOptions) => Promise<SendResult<Request>>;
    newId: () => string;
}
/** Creates a queue; see {@link BatchQueue}. */
export declare function createBatchQueue<Identity extends object, Item extends object, Request>(spec: QueueSpec<Request>, options?: BatchQueueOptions<Identity, Item>): BatchQueue<Identity, Item>;
