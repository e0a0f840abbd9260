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

// The parts of the Fetch API the transport uses, declared here so that the package's declarations
// need neither the DOM lib nor @types/node. The global `fetch` and `AbortSignal` satisfy them.

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
  readonly headers: { get(name: string): string | null };
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

export type ValidateFn<T> = (value: unknown) => { ok: true; value: T } | { ok: false; errors: readonly ValidationIssue[] };

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
  chunk?: ((request: T, options?: { validate?: boolean | undefined }) => T[]) | undefined;
  /** Arrays of the body whose object items get `key` when they lack it; `root`: the body itself too. */
  idempotency?: { key: string; arrays: readonly string[]; root?: boolean } | undefined;
  /** Values of a response's `error` field that mean a permanent suspension. */
  suspended?: readonly string[] | undefined;
}

/** 408, 429 and 5xx are transient; 501 (not implemented) and 505 (HTTP version) will not change. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || (status >= 500 && status !== 501 && status !== 505);
}

/** `Retry-After` as delta-seconds or an HTTP date → ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (!value?.trim()) return undefined;
  if (/^\s*\d+\s*$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** Exponential backoff with full jitter: uniform in [0, min(cap, base · 2^(attempt−1))). */
export function backoffDelay(attempt: number, retry: { minDelayMs: number; maxDelayMs: number }, random: () => number = Math.random): number {
  return Math.floor(random() * Math.min(retry.maxDelayMs, retry.minDelayMs * 2 ** (attempt - 1)));
}

/**
 * `request` where every object item of the listed arrays (and, with `root`, the request itself) has an
 * idempotency key: the request itself when none is missing (the usual case once a caller sets them:
 * nothing is copied), else a copy in which only the arrays and items that needed a key are new. The
 * input is never changed.
 */
export function withIdempotencyKeys<T>(request: T, idempotency: EndpointSpec<T>["idempotency"], newId: () => string): T {
  if (!idempotency || typeof request !== "object" || request === null) return request;
  const key = idempotency.key;
  let copy: Record<string, unknown> | undefined;
  if (idempotency.root && (request as Record<string, unknown>)[key] === undefined) copy = { ...(request as Record<string, unknown>), [key]: newId() };
  for (const name of idempotency.arrays) {
    const items = (request as Record<string, unknown>)[name];
    if (!Array.isArray(items)) continue;
    let filled: unknown[] | undefined;
    for (let i = 0; i < items.length; i++) {
      const item: unknown = items[i];
      if (typeof item === "object" && item !== null && !Array.isArray(item) && (item as Record<string, unknown>)[key] === undefined) {
        (filled ??= items.slice())[i] = { ...item, [key]: newId() };
      }
    }
    if (filled) (copy ??= { ...(request as Record<string, unknown>) })[name] = filled;
  }
  return (copy ?? request) as T;
}

/**
 * Throws a TypeError naming the option unless `value` is a non-empty string (and, for `url`, an
 * absolute http(s) URL): a missing key or a typo must fail when the client is created, not as a
 * post to ".../undefined/..." reported ok, or as five retried network errors.
 */
export function checkOption(factory: string, name: string, value: unknown, url = false): void {
  if (typeof value !== "string" || value === "") throw new TypeError(`${factory}: options.${name} must be a non-empty string`);
  if (url && !/^https?:\/\/[^/?#\s]/i.test(value)) throw new TypeError(`${factory}: options.${name} must be an absolute http(s) URL, got ${JSON.stringify(value)}`);
}

/** The global `fetch`, looked up at call time and called as a plain function: never `this.fetch(...)` or a bound method. */
const globalFetch: FetchLike = (input, init) => fetch(input, init);

/** Validates, splits and delivers `request`, retrying transient failures. Never throws for HTTP or network failures. */
export async function send<T>(options: TransportOptions, endpoint: EndpointSpec<T>, request: T, call: CallOptions = {}): Promise<SendResult<T>> {
  const prepared = withIdempotencyKeys(request, endpoint.idempotency, options.newId ?? randomId);
  const validate = options.validate !== false && endpoint.validate;
  let chunks: T[];
  try {
    // The parts are validated just below (all errors, once), so a splitter that can check them need not.
    chunks = endpoint.chunk ? endpoint.chunk(prepared, { validate: endpoint.validate ? false : options.validate }) : [prepared];
  } catch (error) {
    // A splitter that checks its parts (the generated chunkX asserts each) reports an invalid request this way.
    const errors = (error as { errors?: unknown } | null)?.errors;
    if (!Array.isArray(errors)) throw error;
    return { ok: false, kind: "validation", retryable: false, attempts: 0, requests: 0, failed: [prepared], errors };
  }
  if (validate) {
    for (const chunk of chunks) {
      const checked = validate(chunk);
      if (!checked.ok) return { ok: false, kind: "validation", retryable: false, attempts: 0, requests: 0, failed: chunks, errors: checked.errors };
    }
  }
  const url = (options.baseUrl ?? "").replace(/\/+$/, "") + endpoint.path;
  // One headers object for every attempt of every part: fetch copies it, never changes it.
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (options.userAgent) headers["user-agent"] = options.userAgent;
  // A 2xx is accepted whatever its body says (API.md) and the success result carries no body:
  // parsing it would be the client's single largest cost after JSON.stringify, for nothing.
  const judge = (status: number, text: string): Judgement => {
    if (status >= 200 && status < 300) return { outcome: "ok", retry: false };
    const error = (parseBody(text) as { error?: unknown } | undefined)?.error;
    if (typeof error === "string" && endpoint.suspended?.includes(error)) return { outcome: "suspended", retry: false };
    return { outcome: "http", retry: isRetryableStatus(status) };
  };
  let status = 0;
  for (let i = 0; i < chunks.length; i++) {
    // The same bytes on every attempt of this part.
    const delivery = await deliver(options, { url, method: "POST", headers, body: JSON.stringify(chunks[i]) }, judge, call.signal);
    const { last } = delivery;
    if (last.outcome !== "ok") {
      const failure: SendFailure<T> = { ok: false, kind: last.outcome, retryable: delivery.retryable, attempts: delivery.attempts, requests: i, failed: chunks.slice(i) };
      if (last.response) {
        failure.status = last.response.status;
        failure.body = parseBody(last.response.text);
      }
      return failure;
    }
    status = last.response!.status;
  }
  return { ok: true, status, requests: chunks.length };
}

/** A response body: parsed JSON, else the text; undefined when empty. */
export function parseBody(text: string): unknown {
  try {
    return text === "" ? undefined : JSON.parse(text);
  } catch {
    return text; // not JSON: keep the text
  }
}

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
  last: { outcome: "ok" | FailureKind; response?: ReadResponse | undefined };
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
export async function deliver(options: TransportOptions, exchange: Exchange, judge: (status: number, text: string) => Judgement, signal?: AbortSignalLike, maxAttempts: number = Infinity): Promise<Delivery> {
  // Field by field: an explicit `undefined` (plain JavaScript callers) must not erase a default.
  const given = options.retry || {};
  const attempts = Math.min(maxAttempts, options.retry === false ? 1 : (given.attempts ?? 5));
  const backoff = { minDelayMs: given.minDelayMs ?? 100, maxDelayMs: given.maxDelayMs ?? 10_000 };
  const timeoutMs = options.timeoutMs ?? 10_000;
  const doFetch = options.fetch ?? globalFetch;
  const hooks = options.hooks ?? {};
  const { url } = exchange;
  const body = typeof exchange.body === "string" ? exchange.body : "";
  const deadline = Date.now() + (given.deadlineMs ?? 30_000);
  let last: Delivery["last"];
  let retryable = true;
  let attempt = 1;
  for (; ; attempt++) {
    if (signal?.aborted) {
      last = { outcome: "aborted" };
      attempt--;
      break;
    }
    const started = Date.now();
    // Event objects only for the hooks there are (the common case has none: nothing allocated).
    if (hooks.onRequest) hook(hooks.onRequest, { url, attempt, body });
    const result = await attemptOnce(doFetch, exchange, signal, Math.max(1, Math.min(timeoutMs, deadline - started)), options.redirect);
    const judged: Judgement = "status" in result ? judge(result.status, result.text) : { outcome: result.kind, retry: true };
    last = "status" in result ? { outcome: judged.outcome, response: result } : { outcome: judged.outcome };
    if (hooks.onResponse) hook(hooks.onResponse, { url, attempt, status: last.response?.status, outcome: judged.outcome, durationMs: Date.now() - started });
    if (judged.outcome === "ok") break;
    retryable = judged.retry;
    if (!retryable || judged.outcome === "aborted" || attempt >= attempts) break;
    const retryAfterMs = last.response ? parseRetryAfter(last.response.headers.get("retry-after"), Date.now()) : undefined;
    const delayMs = retryAfterMs ?? backoffDelay(attempt, backoff);
    // Waiting past the deadline would only delay the same answer: report now, still retryable.
    if (Date.now() + delayMs >= deadline) break;
    hook(hooks.onRetry, { url, attempt, delayMs, reason: judged.outcome as FailureKind, status: last.response?.status });
    if (await sleep(delayMs, signal)) {
      last = { outcome: "aborted" };
      break;
    }
  }
  return { last, attempts: attempt, retryable };
}

/** One attempt: the request and its whole response body, within `timeoutMs` and the caller's signal. */
async function attemptOnce(doFetch: FetchLike, exchange: Exchange, signal: AbortSignalLike | undefined, timeoutMs: number, redirect: FetchInit["redirect"] | undefined): Promise<ReadResponse | { kind: "network" | "timeout" | "aborted" }> {
  // One controller per attempt, aborted by the caller's signal or the timeout (AbortSignal.any
  // would cost more and is missing on Node 18).
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  let timedOut = false;
  // A signal that is already aborted never fires "abort" again.
  if (signal?.aborted) abort();
  else signal?.addEventListener("abort", abort);
  const timer = setTimeout(() => {
    timedOut = true;
    abort();
  }, timeoutMs);
  try {
    const init: FetchInit = { method: exchange.method, headers: exchange.headers, signal: controller.signal };
    if (exchange.body !== undefined) init.body = exchange.body;
    if (redirect) init.redirect = redirect;
    const response = await doFetch(exchange.url, init);
    // Read the whole body inside the timeout: it frees the connection, and the caller may need it.
    return { status: response.status, headers: response.headers, text: await response.text() };
  } catch {
    return { kind: timedOut ? "timeout" : signal?.aborted ? "aborted" : "network" };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener("abort", abort);
  }
}

/**
 * A UUID v4 from `crypto.randomUUID`; where there is none (Node 18 without the global `crypto`)
 * from `Math.random`: an idempotency key must be unique, not secret.
 */
export function randomId(): string {
  const c = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (c?.randomUUID) return c.randomUUID();
  return "10000000-1000-4000-8000-100000000000".replace(/[018]/g, (d) => (Number(d) ^ ((Math.random() * 16) >> (Number(d) / 4))).toString(16));
}

/** Resolves true if `signal` aborted the wait. The timer is cleared either way. */
function sleep(ms: number, signal: AbortSignalLike | undefined): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(true);
    const done = (aborted: boolean): void => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      resolve(aborted);
    };
    const onAbort = (): void => done(true);
    const timer = setTimeout(() => done(false), ms);
    signal?.addEventListener("abort", onAbort);
  });
}

/** Calls a hook; an exception from it is ignored: a hook is for logging and metrics, its failure must not change what is delivered. */
function hook<E>(fn: ((event: E) => void) | undefined, event: E): void {
  try {
    fn?.(event);
  } catch {
    // ignored, see above
  }
}
