/**
 * Test helpers for the client and the mock server: an ajv oracle of the Koala schema (in the shape
 * of a generated guard), a maxItems splitter like the generated `chunkX`, and seeded traffic.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { startMockServer, type AnswerAll, type GuardFn, type MockServer, type MockServerOptions } from "../../generator/mock-server/server";
import { FAULT_KINDS, mulberry32 } from "../../generator/mock-server/faults";
import { ajvFor } from "./guards";
import { KOALA_CONFIG, KOALA_OPENAPI, KOALA_SCHEMA } from "./paths";
import type { FetchLike } from "../../generated/koala/src/transport";

/**
 * The mock server as Koala: its OpenAPI document (both batch endpoints, the key in the path, the
 * User-Agent header, 200/400/401/429 with their examples, `x-idempotency-key: message_id`), plus
 * what the document can only say in prose: a request without User-Agent is dropped with a 200.
 * The document is parsed here (jest runs CommonJS; the loader's YAML parser is ESM-only), its
 * relative `$ref`s resolved from its folder.
 */
export const KOALA_MOCK: MockServerOptions = {
  schema: load(readFileSync(KOALA_OPENAPI, "utf8"), { schema: CORE_SCHEMA }) as object,
  cwd: path.dirname(KOALA_OPENAPI),
  dropWithoutHeader: "user-agent",
};

/** Koala's suspended ingest: every request gets the document's 400 example named "suspended". */
export const KOALA_SUSPENDED: AnswerAll = { status: 400, example: "suspended" };

/** The same answer from the config (`client.suspendedErrors`), for servers without the document. */
export function koalaSuspendedBody(): AnswerAll {
  const config = JSON.parse(readFileSync(KOALA_CONFIG, "utf8")) as { client: { suspendedErrors: string[] } };
  return { status: 400, body: { error: config.client.suspendedErrors[0] } };
}

/** The Koala mock server for one test file (close it in afterAll). */
export function startKoalaMockServer(options: Omit<MockServerOptions, "schema" | "cwd"> = {}): Promise<MockServer> {
  return startMockServer({ ...KOALA_MOCK, ...options });
}

/** The Koala schema through ajv, answering like a generated `validateX`. */
export function ajvKoalaGuard(): GuardFn {
  const check = ajvFor(JSON.parse(readFileSync(KOALA_SCHEMA, "utf8")), true);
  return (value) =>
    check(value) ? { ok: true } : { ok: false, errors: (check.errors ?? []).map((e) => ({ path: e.instancePath, message: e.message ?? e.keyword })) };
}

/**
 * A mock server for the enclosing describe block (started with `options`: by default Koala's
 * OpenAPI document with its generated guards), back to no faults, nothing received and no
 * answer-all before each test. Call `server()` in tests.
 */
export function useMockServer(options: MockServerOptions = KOALA_MOCK): () => MockServer {
  let server: MockServer | undefined;
  beforeAll(async () => {
    server = await startMockServer(options);
  });
  afterAll(() => server?.close());
  beforeEach(() => {
    server!.reset();
    server!.setFaults({});
    server!.answerAll(undefined);
  });
  return () => server!;
}

/**
 * {@link useMockServer} on the profile batch endpoint alone, with ajv as its guard (the oracle),
 * Koala's answer (200 `{"status":"success"}`, the document's example), its User-Agent drop and its
 * idempotency key.
 */
export function useKoalaMockServer(): () => MockServer {
  return useMockServer({
    endpoints: [{ path: "/web/projects/{publicKey}/batch", validate: ajvKoalaGuard(), response: { status: 200, body: { status: "success" } } }],
    dropWithoutHeader: "user-agent",
    idempotencyKey: "message_id",
  });
}

export interface KoalaRequest {
  profile_id?: string;
  email?: string;
  events?: Record<string, unknown>[];
  identifies?: Record<string, unknown>[];
  page_views?: Record<string, unknown>[];
  [key: string]: unknown;
}

const ARRAYS = ["events", "identifies", "page_views"] as const;

/** Splits a request so that no array has more than `max` items; the person's keys are repeated in each part. */
export function chunkRequest(request: KoalaRequest, max = 30): KoalaRequest[] {
  const parts = Math.max(1, ...ARRAYS.map((name) => Math.ceil((request[name]?.length ?? 0) / max)));
  if (parts === 1) return [request];
  return Array.from({ length: parts }, (_, i) => {
    const part: KoalaRequest = { ...request };
    for (const name of ARRAYS) {
      const slice = request[name]?.slice(i * max, (i + 1) * max);
      if (slice && slice.length > 0) part[name] = slice;
      else delete part[name];
    }
    return part;
  });
}

/** A seeded UUID v4 maker, so runs are reproducible. */
export function seededUuid(seed: number): () => string {
  const random = mulberry32(seed);
  return () => {
    const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
    hex[12] = "4";
    hex[16] = "89ab"[Math.floor(random() * 4)]!;
    const h = hex.join("");
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
  };
}

/**
 * `people` requests with `total` events and page views between them, each item carrying a unique
 * `properties.seq`; every other item has a `message_id` already, the rest get one from the client.
 */
export function traffic(seed: number, people: number, total: number): KoalaRequest[] {
  const uuid = seededUuid(seed);
  const random = mulberry32(seed + 1);
  const requests: KoalaRequest[] = Array.from({ length: people }, (_, i) =>
    i % 2 === 0 ? { profile_id: uuid(), events: [], page_views: [] } : { email: `person${i}@example.com`, events: [], page_views: [] },
  );
  for (let seq = 0; seq < total; seq++) {
    const request = requests[seq % people]!;
    const sent_at = new Date(Date.UTC(2026, 0, 1) + seq * 1000).toISOString();
    const withId = random() < 0.5 ? { message_id: uuid() } : {};
    if (random() < 0.6) request.events!.push({ type: "track", event: `Event ${seq % 7}`, properties: { seq }, sent_at, ...withId });
    else request.page_views!.push({ type: "page", name: `/page/${seq % 11}`, properties: { seq }, sent_at, ...withId });
  }
  return requests;
}

/**
 * Fault tests without a timing race: a `delay` fault holds its answer for {@link HOLD_MS}, until the
 * client hangs up, and the client's attempt timeout is {@link ATTEMPT_TIMEOUT_MS}, far above what an
 * answered attempt takes on a loaded machine (the tests print their slowest answer). So every
 * delay is a client timeout whatever the load, and an answer slowed by load is at worst one more
 * failed attempt, which the checks below accept: they judge what the client did with each attempt,
 * not how many attempts failed. A held delay costs a whole attempt timeout, so the tests inject
 * delays (one is enough to prove the timeout path) and draw the random 20% from {@link RANDOM_FAULT_KINDS}.
 */
export const HOLD_MS = 600_000;
export const ATTEMPT_TIMEOUT_MS = 10_000;
/** Every fault kind but `delay`, whose cost is an attempt timeout each. */
export const RANDOM_FAULT_KINDS = FAULT_KINDS.filter((kind) => kind !== "delay");
/** A retry or close() deadline that never cuts a run short; jest's timeout only catches a hang. */
export const NO_DEADLINE_MS = 600_000;

/** How one attempt ended, as the client's fetch saw it: the status, the connection cut ("network"), or the attempt's own abort ("timeout"). */
export type AttemptOutcome = number | "network" | "timeout";

/**
 * A fetch that logs each attempt's outcome under its body, then answers like the real one. The
 * transport sends the same bytes on every attempt of a request, so the body names the request.
 * The body is read here, under the attempt's signal: a response that never finishes is a timeout.
 */
export function loggingFetch(): { fetch: FetchLike; attempts: Map<string, AttemptOutcome[]>; slowestAnswerMs: () => number } {
  const attempts = new Map<string, AttemptOutcome[]>();
  let slowest = 0;
  const fetch: FetchLike = async (url, init) => {
    const body = init.body as string;
    const log = attempts.get(body) ?? [];
    attempts.set(body, log);
    const started = Date.now();
    try {
      const response = await globalThis.fetch(url, init);
      const text = await response.text();
      log.push(response.status);
      slowest = Math.max(slowest, Date.now() - started);
      return { status: response.status, headers: response.headers, text: async () => text };
    } catch (error) {
      log.push((init.signal as AbortSignal).aborted ? "timeout" : "network");
      throw error;
    }
  };
  return { fetch, attempts, slowestAnswerMs: () => slowest };
}

export interface SortedAttempts {
  /** Bodies whose last attempt was their one success (200). */
  delivered: string[];
  /** Bodies of which every one of the `attempts` attempts failed. */
  failed: string[];
  /** Anything else: given up before `attempts` failures, or sent again after a success. A defect whatever the load. */
  endedEarly: { body: string; outcomes: AttemptOutcome[] }[];
  /** The outcomes ("500", "network", "timeout", ...) that some delivered body had on an earlier attempt: retries recovered from them. */
  recoveredAfter: string[];
  timeouts: number;
}

/** Sorts a {@link loggingFetch} log: each request was delivered once after its failures, or failed all `attempts` attempts. */
export function sortAttempts(log: ReadonlyMap<string, readonly AttemptOutcome[]>, attempts: number): SortedAttempts {
  const sorted: SortedAttempts = { delivered: [], failed: [], endedEarly: [], recoveredAfter: [], timeouts: 0 };
  const recovered = new Set<string>();
  for (const [body, outcomes] of log) {
    const successes = outcomes.filter((o) => o === 200).length;
    sorted.timeouts += outcomes.filter((o) => o === "timeout").length;
    if (successes === 1 && outcomes.at(-1) === 200) {
      sorted.delivered.push(body);
      for (const o of outcomes.slice(0, -1)) recovered.add(String(o));
    } else if (successes === 0 && outcomes.length === attempts) sorted.failed.push(body);
    else sorted.endedEarly.push({ body, outcomes: [...outcomes] });
  }
  sorted.recoveredAfter = [...recovered].sort();
  return sorted;
}

/** The `properties.seq` of every event and page view in a Koala profile batch body. */
export function seqsOfBody(body: string): number[] {
  const request = JSON.parse(body) as { events?: { properties?: { seq?: number } }[]; page_views?: { properties?: { seq?: number } }[] };
  return [...(request.events ?? []), ...(request.page_views ?? [])].map((item) => item.properties!.seq!);
}
