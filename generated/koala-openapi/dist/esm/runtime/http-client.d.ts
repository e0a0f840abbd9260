/**
 * A thin HTTP transport for generated clients: one POST per chunk of a request, retried until it is
 * delivered, refused, or out of attempts/time. Dependency-free on purpose: it uses only the global
 * `fetch`, `AbortController`, `setTimeout` and `crypto.randomUUID`, so the same code runs on
 * Node ≥ 18, Deno, Bun, browsers and edge runtimes.
 *
 * Guarantees that analytics clients are most often blamed for breaking:
 * - never throws for HTTP or network failures: the result says what happened and lists, in
 *   `failed`, every request (with every item) that was not delivered, ready to be sent again;
 * - exactly once: items that carry an idempotency key get one *before* the first attempt, so a
 *   retry after a lost response repeats the same key and the server drops the duplicate; nothing
 *   else in the body (e.g. `sent_at`) is touched, the same bytes go out on every attempt;
 * - no background work: timers exist only while awaited (a sleep, an attempt's timeout) and are
 *   cleared, so nothing keeps a serverless function alive after `await client.x(...)` returns;
 * - the injected `fetch` is called as a plain function, never as a method (Cloudflare Workers
 *   throw "Illegal invocation" when fetch is called with a `this` that is not the global).
 */
export interface FetchInit {
    method: string;
    headers: Record<string, string>;
    /** A string (JSON, form-urlencoded), or a Blob or FormData of the runtime; typed loosely for the same reason as `signal`. */
    body?: any;
    /** An `AbortSignal`; typed loosely so that any runtime's `fetch` accepts this init object. */
    signal: any;
    /** Only when the client's `redirect` option is set (fetch's default is "follow"). */
    redirect?: "follow" | "manual";
}
export interface FetchResponse {
    readonly status: number;
    readonly headers: {
        get(name: string): string | null;
    };
    text(): Promise<string>;
}
/** The `fetch` signature the transport needs; the global `fetch` satisfies it. */
export type FetchLike = (input: string, init: FetchInit) => Promise<FetchResponse>;
export interface AbortSignalLike {
    readonly aborted: boolean;
    addEventListener(type: "abort", listener: () => void): void;
    removeEventListener(type: "abort", listener: () => void): void;
}
export interface RetryOptions {
    /** Attempts per request, the first included (default 5). */
    attempts?: number | undefined;
    /** Base of the exponential backoff, in ms (default 100). */
    minDelayMs?: number | undefined;
    /** Cap of one backoff delay, in ms (default 10,000). `Retry-After` is honoured above it. */
    maxDelayMs?: number | undefined;
    /** Total time budget of one request, attempts and delays included, in ms (default 30,000). */
    deadlineMs?: number | undefined;
}
export interface RequestEvent {
    url: string;
    attempt: number;
    /** The body when it is text (JSON, form-urlencoded); "" for none, a Blob or multipart form data. */
    body: string;
}
export interface ResponseEvent {
    url: string;
    attempt: number;
    /** The HTTP status, when a response arrived. */
    status?: number | undefined;
    /** `ok`, or why the attempt failed. */
    outcome: "ok" | FailureKind;
    durationMs: number;
}
export interface RetryEvent {
    url: string;
    /** The attempt that failed. */
    attempt: number;
    delayMs: number;
    reason: FailureKind;
    status?: number | undefined;
}
/** Called synchronously; an exception from a hook is ignored so that logging can never lose data. */
export interface ClientHooks {
    onRequest?: ((event: RequestEvent) => void) | undefined;
    onResponse?: ((event: ResponseEvent) => void) | undefined;
    onRetry?: ((event: RetryEvent) => void) | undefined;
}
export interface TransportOptions {
    /** Scheme + host (+ path prefix) of the service or of a proxy standing in for it. */
    baseUrl?: string | undefined;
    /** A `fetch` implementation (default: the global one, looked up at call time). */
    fetch?: FetchLike | undefined;
    /** Sent as `User-Agent` on every request. */
    userAgent?: string | undefined;
    /** Time limit of one attempt, response body included, in ms (default 10,000). */
    timeoutMs?: number | undefined;
    /** `false`: one attempt only. */
    retry?: RetryOptions | false | undefined;
    /** `false`: skip the generated guard (the server still validates). Default true. */
    validate?: boolean | undefined;
    hooks?: ClientHooks | undefined;
    /** Makes idempotency keys (default `crypto.randomUUID()`). */
    newId?: (() => string) | undefined;
    /**
     * "manual": a 3xx answer is the result (its status, and its `Location` among an operation's
     * declared headers) instead of being followed, for APIs that document redirects as answers
     * (GitHub's artifact downloads: 302 + Location). Node, Deno and Bun hand the 3xx over; browsers
     * give an opaque redirect (status 0) instead. Default: fetch's "follow".
     */
    redirect?: "follow" | "manual" | undefined;
}
export interface CallOptions {
    /** Aborts the call (attempts and delays); undelivered requests are reported in `failed`. */
    signal?: AbortSignalLike | undefined;
}
/** A validation problem as the generated guards report it (only the fields the transport needs). */
export interface ValidationIssue {
    readonly path: string;
    readonly message: string;
}
export type ValidateFn<T> = (value: unknown) => {
    ok: true;
    value: T;
} | {
    ok: false;
    errors: readonly ValidationIssue[];
};
/** `aborted`: the caller's signal fired (not in the issue's list; a caller abort is neither a timeout nor a network error). */
export type FailureKind = "validation" | "http" | "network" | "timeout" | "suspended" | "aborted";
export interface SendSuccess {
    ok: true;
    /** Status of the last response. */
    status: number;
    /** Requests delivered (the input split by the schema's `maxItems`). */
    requests: number;
}
export interface SendFailure<T> {
    ok: false;
    kind: FailureKind;
    /** Status of the last response, when there was one. */
    status?: number | undefined;
    /** Whether sending `failed` again later may succeed. */
    retryable: boolean;
    /** Attempts made for the request that failed. */
    attempts: number;
    /** Requests delivered before the failure. */
    requests: number;
    /** Every request not delivered: the one that failed and those not tried after it, idempotency keys filled in. */
    failed: T[];
    /** Validation errors (`kind: "validation"`). */
    errors?: readonly ValidationIssue[] | undefined;
    /** The last response body: parsed JSON, or text. */
    body?: unknown;
}
export type SendResult<T> = SendSuccess | SendFailure<T>;
/** What a generated client method knows about its endpoint. */
export interface EndpointSpec<T> {
    /** The path with its parameters already filled in and encoded. */
    path: string;
    validate?: ValidateFn<T> | undefined;
    /** Splits a request into requests the server accepts (the schema's `maxItems`). */
    chunk?: ((request: T, options?: {
        validate?: boolean | undefined;
    }) => T[]) | undefined;
    /** Arrays of the body whose object items get `key` when they lack it; `root`: the body itself too. */
    idempotency?: {
        key: string;
        arrays: readonly string[];
        root?: boolean;
    } | undefined;
    /** Values of a response's `error` field that mean a permanent suspension. */
    suspended?: readonly string[] | undefined;
}
/** 408, 429 and 5xx are transient; 501 (not implemented) and 505 (HTTP version) will not change. */
export declare function isRetryableStatus(status: number): boolean;
/** `Retry-After` as delta-seconds or an HTTP date → ms from `now`; undefined when absent or unreadable. */
export declare function parseRetryAfter(value: string | null, now: number): number | undefined;
/** Exponential backoff with full jitter: uniform in [0, min(cap, base · 2^(attempt−1))). */
export declare function backoffDelay(attempt: number, retry: {
    minDelayMs: number;
    maxDelayMs: number;
}, random?: () => number): number;
/**
 * `request` where every object item of the listed arrays (and, with `root`, the request itself) has an
 * idempotency key: the request itself when none is missing (the usual case once a caller sets them:
 * nothing is copied), else a copy in which only the arrays and items that needed a key are new. The
 * input is never changed.
 */
export declare function withIdempotencyKeys<T>(request: T, idempotency: EndpointSpec<T>["idempotency"], newId: () => string): T;
/**
 * Throws a TypeError naming the option unless `value` is a non-empty string (and, for `url`, an
 * absolute http(s) URL): a missing key or a typo must fail when the client is created, not as a
 * post to ".../undefined/..." reported ok, or as five retried network errors.
 */
export declare function checkOption(factory: string, name: string, value: unknown, url?: boolean): void;
/** Validates, splits and delivers `request`, retrying transient failures. Never throws for HTTP or network failures. */
export declare function send<T>(options: TransportOptions, endpoint: EndpointSpec<T>, request: T, call?: CallOptions): Promise<SendResult<T>>;
/** A response body: parsed JSON, else the text; undefined when empty. */
export declare function parseBody(text: string): unknown;
/** One HTTP request as the transport sends it, the same on every attempt. */
export interface Exchange {
    url: string;
    method: string;
    headers: Record<string, string>;
    /** A string, or anything the runtime's `fetch` takes as a body (a Blob, FormData); absent for none. */
    body?: unknown;
}
/** A response read whole within the attempt's time limit. */
export interface ReadResponse {
    status: number;
    headers: FetchResponse["headers"];
    text: string;
}
/** What a response means to the caller of {@link deliver}: its outcome, and whether another attempt may change it. */
export interface Judgement {
    outcome: "ok" | FailureKind;
    retry: boolean;
}
export interface Delivery {
    /** The last attempt: its outcome, and its response when one came. */
    last: {
        outcome: "ok" | FailureKind;
        response?: ReadResponse | undefined;
    };
    attempts: number;
    /** Whether sending it again later may succeed. */
    retryable: boolean;
}
/**
 * Sends one request, retrying what `judge` says is transient (and network errors and timeouts)
 * with backoff (`Retry-After` honoured) until it succeeds, is refused, or runs out of attempts
 * (`maxAttempts` caps the options' attempts: 1 for a request that must not be repeated) or time.
 * Never throws for HTTP or network failures; hooks are called per attempt.
 */
export declare function deliver(options: TransportOptions, exchange: Exchange, judge: (status: number, text: string) => Judgement, signal?: AbortSignalLike, maxAttempts?: number): Promise<Delivery>;
/**
 * A UUID v4 from `crypto.randomUUID`; where there is none (Node 18 without the global `crypto`)
 * from `Math.random`: an idempotency key must be unique, not secret.
 */
export declare function randomId(): string;
