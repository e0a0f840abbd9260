/**
 * A local, Koala-compatible ingestion server for tests and development (`koala-codegen mock-server`
 * or `startMockServer()`): a real node:http server that behaves the way API.md documents the service.
 *
 * - `POST <endpoint path>`: validates the JSON body with the schema's generated guard (400 with the
 *   errors), answers a request without `User-Agent` with 200 and drops it (as Koala does), drops
 *   events and page views whose idempotency key was already accepted, stores the rest;
 * - `GET /__mock/received`: what was accepted, as JSON; `POST /__mock/reset` forgets it;
 *   `POST /__mock/faults` sets the fault options (JSON body);
 * - faults on request: a seeded rate of 500, 503, 429 + `Retry-After`, connection reset before or
 *   after the body was accepted, delays; or exact answers queued with `inject()`.
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { bundledSchemaPath } from "../paths";
import { FaultPlan, type FaultOptions, type InjectedFault } from "./faults";
import type { GuardFn, GuardIssue } from "./generated-guard";

export interface MockEndpoint {
  /** A path template; `{name}` matches one path segment ("/web/projects/{publicKey}/batch"). */
  path: string;
  /** The body's schema (file or object): validated with its generated guard. Default: the bundled Koala profile batch schema. */
  schema?: string | object;
  /** A validator instead of the generated guard; `false` accepts any JSON. */
  validate?: GuardFn | false;
}

export interface MockServerOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Default: Koala's profile and account batch endpoints with the bundled schemas. */
  endpoints?: readonly MockEndpoint[];
  /** The property that dedupes array items (default `message_id`). */
  idempotencyKey?: string;
  faults?: FaultOptions;
  /** Answer every request with 400 `{"error": suspendedError}`, as a suspended ingest does. */
  suspended?: boolean;
  /** Default "Koala ingest suspended". */
  suspendedError?: string;
}

export interface ReceivedRequest {
  path: string;
  userAgent: string;
  body: unknown;
}

export interface ReceivedItem {
  /** The array it came in ("events", "page_views", ...). */
  array: string;
  item: Record<string, unknown>;
}

export interface Received {
  /** Accepted requests, in order. */
  requests: ReceivedRequest[];
  /** Accepted array items, duplicates (same idempotency key) removed. */
  items: ReceivedItem[];
  /** Items dropped because their key had been accepted before. */
  duplicates: number;
  /** Requests answered 200 but dropped for lack of a User-Agent. */
  dropped: number;
  /** Requests answered 400 by the guard. */
  invalid: number;
  /** Faults injected, by kind. */
  faults: Record<string, number>;
}

export interface MockServer {
  url: string;
  port: number;
  /** A snapshot of what was received so far. */
  received(): Received;
  reset(): void;
  /** Queues faults (or exact answers) for the next requests. */
  inject(...faults: InjectedFault[]): void;
  /** Changes the random faults; forgets queued ones and restarts the sequence. */
  setFaults(options: FaultOptions): void;
  setSuspended(suspended: boolean): void;
  close(): Promise<void>;
}

export const KOALA_BATCH_PATH = "/web/projects/{publicKey}/batch";
export const KOALA_ACCOUNT_BATCH_PATH = "/web/projects/{publicKey}/accounts/batch";

/** Starts the server on 127.0.0.1 (by default) and resolves once it listens. */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  const endpoints = options.endpoints ?? koalaEndpoints();
  // Every schema-checked endpoint's guard from one in-memory generation (one package, like the client's).
  const needGuards = endpoints.filter((e) => e.validate === undefined);
  const guards = needGuards.length ? await loadValidators(needGuards.map((e) => e.schema)) : [];
  const routes = endpoints.map((endpoint) => ({
    pattern: pathPattern(endpoint.path),
    validate: endpoint.validate === false ? undefined : (endpoint.validate ?? guards[needGuards.indexOf(endpoint)]),
  }));
  const key = options.idempotencyKey ?? "message_id";
  const suspendedError = options.suspendedError ?? "Koala ingest suspended";
  const plan = new FaultPlan(options.faults);
  let suspended = options.suspended ?? false;
  let state = emptyState();

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (req.method === "GET" && pathname === "/__mock/received") return json(res, 200, snapshot(state));
    if (req.method === "POST" && pathname === "/__mock/reset") {
      await readBody(req);
      state = emptyState();
      return json(res, 200, { status: "success" });
    }
    if (req.method === "POST" && pathname === "/__mock/faults") {
      plan.configure(JSON.parse((await readBody(req)) || "{}") as FaultOptions);
      return json(res, 200, { status: "success" });
    }
    const text = await readBody(req);
    if (suspended) return json(res, 400, { error: suspendedError });
    const route = routes.find((r) => r.pattern.test(pathname));
    if (!route) return json(res, 404, { error: "Not found" });
    if (req.method !== "POST") return json(res, 405, { error: "Method not allowed" });

    const fault = plan.next(text);
    if (fault !== undefined) {
      const name = typeof fault === "string" ? fault : String(fault.status);
      state.faults[name] = (state.faults[name] ?? 0) + 1;
    }
    const settings = plan.settings;
    if (fault === "delay") {
      // Held until the delay ends or the client hangs up, so no timer outlives the connection.
      await new Promise<void>((resolve) => {
        const done = (): void => {
          clearTimeout(timer);
          req.socket.off("close", done);
          resolve();
        };
        const timer = setTimeout(done, settings.delayMs);
        req.socket.on("close", done);
      });
      // The client gave up (timeout, abort) during the delay: a real server would fail to answer too.
      if (req.socket.destroyed) return;
    }
    if (fault === "reset-before") return void req.socket.destroy();
    if (fault === "500" || fault === "503") return json(res, Number(fault), { error: "Internal error" });
    if (fault === "429") return json(res, 429, { error: "Too many requests" }, { "retry-after": String(settings.retryAfterSeconds) });
    if (typeof fault === "object") return json(res, fault.status, fault.body ?? {}, fault.headers);

    const userAgent = req.headers["user-agent"];
    if (!userAgent) {
      state.dropped++;
      return json(res, 200, { status: "success" });
    }
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      state.invalid++;
      return json(res, 400, { error: "Invalid request", message: "The body is not JSON" });
    }
    if (route.validate) {
      const checked = route.validate(body);
      if (!checked.ok) {
        state.invalid++;
        return json(res, 400, { error: "Invalid request", message: describe(checked.errors), errors: checked.errors });
      }
    }
    accept(state, pathname, userAgent, body, key);
    if (fault === "reset-after") return void req.socket.destroy();
    return json(res, 200, { status: "success" });
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A client that hung up mid-body lands here; anything else is a 500 the test will see.
      if (!res.headersSent && !res.destroyed) json(res, 500, { error: "Mock server error", message: String(error) });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, options.host ?? "127.0.0.1", () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === "IPv6" ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    received: () => snapshot(state),
    reset: () => {
      state = emptyState();
    },
    inject: (...faults) => plan.inject(faults),
    setFaults: (faults) => plan.configure(faults),
    setSuspended: (value) => {
      suspended = value;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

interface State extends Received {
  keys: Set<string>;
}

function emptyState(): State {
  return { requests: [], items: [], duplicates: 0, dropped: 0, invalid: 0, faults: {}, keys: new Set() };
}

function snapshot(state: State): Received {
  const { keys: _keys, ...received } = state;
  return structuredClone(received);
}

/** Stores a valid request; array items with an already-accepted key are counted as duplicates instead. */
function accept(state: State, path: string, userAgent: string, body: unknown, key: string): void {
  state.requests.push({ path, userAgent, body });
  if (typeof body !== "object" || body === null) return;
  for (const [array, items] of Object.entries(body)) {
    if (!Array.isArray(items)) continue;
    for (const item of items as unknown[]) {
      if (typeof item !== "object" || item === null) continue;
      const id = (item as Record<string, unknown>)[key];
      if (typeof id === "string") {
        if (state.keys.has(id)) {
          state.duplicates++;
          continue;
        }
        state.keys.add(id);
      }
      state.items.push({ array, item: item as Record<string, unknown> });
    }
  }
}

async function loadValidators(schemas: readonly (string | object | undefined)[]): Promise<GuardFn[]> {
  const { loadGeneratedValidators } = await import("./generated-guard");
  return loadGeneratedValidators(schemas.map((schema) => schema ?? bundledSchemaPath("koala-profile-batch-request.schema.json")));
}

/** Koala's two documented endpoints, with the schemas bundled with the tool. */
export function koalaEndpoints(): MockEndpoint[] {
  return [
    { path: KOALA_BATCH_PATH, schema: bundledSchemaPath("koala-profile-batch-request.schema.json") },
    { path: KOALA_ACCOUNT_BATCH_PATH, schema: bundledSchemaPath("koala-account-batch-request.schema.json") },
  ];
}

/** "/web/projects/{publicKey}/batch" → a RegExp where each `{name}` is one non-empty segment. */
export function pathPattern(template: string): RegExp {
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? "[^/]+" : part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")))
    .join("");
  return new RegExp(`^${source}$`);
}

function describe(errors: readonly GuardIssue[]): string {
  return errors
    .slice(0, 5)
    .map((e) => `${e.path || "/"}: ${e.message}`)
    .join("; ");
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function json(res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(JSON.stringify(body));
}
