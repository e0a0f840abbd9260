/**
 * Test helpers for the client and the mock server: an ajv oracle of the Koala schema (in the shape
 * of a generated guard), a maxItems splitter like the generated `chunkX`, and seeded traffic.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CORE_SCHEMA, load } from "js-yaml";
import { startMockServer, type AnswerAll, type GuardFn, type MockServer, type MockServerOptions } from "../../generator/mock-server/server";
import { mulberry32 } from "../../generator/mock-server/faults";
import { ajvFor } from "./guards";
import { KOALA_CONFIG, KOALA_OPENAPI, KOALA_SCHEMA } from "./paths";

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
