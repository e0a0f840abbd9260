/**
 * A mock server for any API (`koala-codegen mock-server --schema api.yaml` or `startMockServer()`):
 * a real node:http server on 127.0.0.1 that serves every operation of an OpenAPI 3.0/3.1 document,
 * or JSON Schemas each posted to an endpoint.
 *
 * - Requests are checked with the guards this tool generates for the document (mock-api.ts):
 *   path, query, header and cookie parameters (parameters.ts) and the body; 400 with the errors.
 *   An operation with `security` needs one of its schemes' credentials: 401 without.
 * - A valid request gets the documented example for the status, or a synthesized value that passes
 *   the response guard (answers.ts); it is recorded, and array items whose idempotency key
 *   (`x-idempotency-key`) was seen before count as duplicates (recorder.ts).
 * - `GET /__mock/received` (what was accepted), `POST /__mock/reset`, `POST /__mock/faults` (JSON
 *   fault options), `POST /__mock/answer-all` (JSON `{status, example?, body?}`, or `{}` to stop).
 * - Faults: a seeded rate of 500, 503, 429 + `Retry-After`, connection reset before or after the
 *   body was accepted, delays; or exact answers queued with `inject()` (faults.ts).
 */
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { answerFor, documentedOr, findResponse, isJsonMedia, jsonAnswer, parsePrefer, statusCode, type Answer } from "./answers";
import { FaultPlan, type FaultOptions, type InjectedFault } from "./faults";
import { keyQueryMatches, keyQuerySize, keyQueryValues, literalSize, pathNames, readMockApi, type GuardIssue, type MockApi, type MockOperation, type ReadMockApiOptions } from "./mock-api";
import { parseFormBody, parseMultipartBody, parseParameters, parseTextBody } from "./parameters";
import { mediaTypeEssence } from "../load/openapi/operation-model";
import { Recorder, type Received, type ReceivedRequest } from "./recorder";

export interface MockServerOptions extends ReadMockApiOptions {
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Seed of synthesized values (default 1): the same seed gives the same answers. */
  seed?: number;
  /** Check parameters and bodies with their generated guards (default true). */
  validate?: boolean;
  /** Answer documented examples (default true); false: synthesized values only. */
  examples?: boolean;
  faults?: FaultOptions;
  /**
   * A request without this header gets the success answer and is not stored (an ingestion API that
   * drops bot traffic: Koala drops requests without `User-Agent`).
   */
  dropWithoutHeader?: string;
  /** Every request gets this answer, whatever its path (a suspended account: Koala's 400 `suspended` example). */
  answerAll?: AnswerAll;
}

/** An answer for every request: a status and its documented example by name, or an exact body. */
export interface AnswerAll {
  status: number;
  /** The name of a documented example of that status (its first example when absent). */
  example?: string;
  /** An exact JSON body instead. */
  body?: unknown;
}

export interface MockServer {
  url: string;
  port: number;
  /** The operations served: method, path template and name. */
  operations: { name: string; method: string; path: string }[];
  /** The accepted requests so far, in order. */
  requests(): ReceivedRequest[];
  /** A snapshot of what was received so far (requests, items, duplicates, faults, ...). */
  received(): Received;
  reset(): void;
  /** Queues faults (or exact answers) for the next requests. */
  inject(...faults: InjectedFault[]): void;
  /** Changes the random faults; forgets queued ones and restarts the sequence. */
  setFaults(options: FaultOptions): void;
  /** Answers every request with `answer`; undefined: back to normal. */
  answerAll(answer: AnswerAll | undefined): void;
  close(): Promise<void>;
}

/**
 * The request's target as a URL. A target in origin form is put after the origin rather than resolved
 * against it: `new URL("//openapi", base)` reads "//openapi" as scheme-relative (host "openapi", path
 * "/"), where clever-cloud.com's GET //openapi sends that path, as its template is written.
 */
function requestUrl(target: string): URL {
  return target.startsWith("/") ? new URL(`http://localhost${target}`) : new URL(target, "http://localhost");
}

/** Reads the document, generates its guards, and resolves once the server listens. */
export async function startMockServer(options: MockServerOptions): Promise<MockServer> {
  const api = await readMockApi(options);
  const plan = new FaultPlan(options.faults);
  const recorder = new Recorder();
  const answerOptions = { seed: options.seed ?? 1, examples: options.examples !== false };
  const validate = options.validate !== false;
  const dropHeader = options.dropWithoutHeader?.toLowerCase();
  let answerAll = options.answerAll;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const url = requestUrl(req.url ?? "/");
    const pathname = url.pathname;
    if (pathname.startsWith("/__mock/")) {
      const text = await readBody(req);
      if (req.method === "GET" && pathname === "/__mock/received") return send(res, jsonAnswer(200, recorder.snapshot()));
      if (req.method === "POST" && pathname === "/__mock/reset") {
        recorder.reset();
        return send(res, jsonAnswer(200, { status: "success" }));
      }
      if (req.method === "POST" && pathname === "/__mock/faults") {
        plan.configure(JSON.parse(text || "{}") as FaultOptions);
        return send(res, jsonAnswer(200, { status: "success" }));
      }
      if (req.method === "POST" && pathname === "/__mock/answer-all") {
        const answer = JSON.parse(text || "{}") as Partial<AnswerAll>;
        answerAll = typeof answer.status === "number" ? (answer as AnswerAll) : undefined;
        return send(res, jsonAnswer(200, { status: "success" }));
      }
    }
    const text = await readBody(req);
    const method = (req.method ?? "GET").toUpperCase();
    const search = url.search.slice(1);
    // A query string in a path key must be in the request too; the operation that asks for most of it first.
    const onPath = api.operations.filter((o) => o.pattern.test(pathname) && keyQueryMatches(o.path, search)).sort((a, b) => keyQuerySize(b.path) - keyQuerySize(a.path) || literalSize(b.path) - literalSize(a.path));
    // Several operations on one path and method (AWS: one per action, told apart by a fragment that
    // is never sent and an X-Amz-Target header): the first whose parameters pass their guards, else
    // the one with the fewest parameter errors, so that a 400 speaks of the operation meant.
    const sameMethod = onPath.filter((o) => o.method === method);
    const operation = (sameMethod.length > 1 ? closestOperation(api, sameMethod, url, req, text) : sameMethod[0]) ?? (method === "HEAD" ? onPath.find((o) => o.method === "GET") : undefined);
    if (answerAll) return send(res, fixedAnswer(api, operation, answerAll, answerOptions));
    if (!operation) return send(res, onPath.length > 0 ? jsonAnswer(405, { error: "Method not allowed" }, { allow: onPath.map((o) => o.method).join(", ") }) : jsonAnswer(404, { error: "Not found" }));

    const fault = plan.next(text);
    if (fault !== undefined) recorder.fault(typeof fault === "string" ? fault : String(fault.status));
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
    if (fault === "500" || fault === "503") return send(res, documentedOr(operation, Number(fault), { error: "Internal error" }));
    if (fault === "429") return send(res, documentedOr(operation, 429, { error: "Too many requests" }, { "retry-after": String(settings.retryAfterSeconds) }));
    if (typeof fault === "object") return send(res, jsonAnswer(fault.status, fault.body ?? {}, fault.headers));

    const preferences = parsePrefer(header(req, "prefer"));
    const success = (): Answer => successAnswer(api, operation, preferences, answerOptions);
    if (dropHeader !== undefined && !header(req, dropHeader)) {
      recorder.dropped();
      return send(res, success());
    }
    const checked = check(api, operation, req, url, text, validate);
    if (checked.status !== undefined) {
      if (checked.status === 400) recorder.invalid();
      return send(res, checked.status === 401 ? documentedOr(operation, 401, { error: "Unauthorized" }) : jsonAnswer(400, { error: "Invalid request", message: describe(checked.errors), errors: checked.errors }));
    }
    recorder.accept({ method, path: req.url?.split("?")[0] ?? pathname, operation: operation.name, query: url.search.slice(1), userAgent: header(req, "user-agent") ?? "", body: checked.body }, operation.idempotencyKey);
    if (fault === "reset-after") return void req.socket.destroy();
    return send(res, success());
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      // A client that hung up mid-body lands here; anything else is a 500 the test will see.
      if (!res.headersSent && !res.destroyed) send(res, jsonAnswer(500, { error: "Mock server error", message: String(error) }));
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
    operations: api.operations.map(({ name, method, path }) => ({ name, method, path })),
    requests: () => recorder.requests(),
    received: () => recorder.snapshot(),
    reset: () => recorder.reset(),
    inject: (...faults) => plan.inject(faults),
    setFaults: (faults) => plan.configure(faults),
    answerAll: (answer) => {
      answerAll = answer;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

/** The answer to a valid request: a JSON Schema endpoint's fixed one, else the documented response (Prefer: code=... picks another). */
function successAnswer(api: MockApi, operation: MockOperation, preferences: ReturnType<typeof parsePrefer>, options: { seed: number; examples: boolean }): Answer {
  if (operation.answer) return jsonAnswer(operation.answer.status, operation.answer.body ?? {});
  const response = findResponse(operation, preferences.code);
  if (!response) return preferences.code !== undefined ? jsonAnswer(500, { error: "Mock server error", message: `${operation.name} documents no ${preferences.code} response` }) : { status: 204, headers: {} };
  const status = preferences.code !== undefined && /^\d{3}$/.test(preferences.code) ? Number(preferences.code) : statusCode(response.status);
  return answerFor(api, operation, response, status, preferences, options);
}

/** answerAll's answer: its body, or the documented example of that status (of this operation, else of any). */
function fixedAnswer(api: MockApi, operation: MockOperation | undefined, answer: AnswerAll, options: { seed: number; examples: boolean }): Answer {
  if (answer.body !== undefined) return jsonAnswer(answer.status, answer.body);
  const documents = (o: MockOperation): boolean => findResponse(o, String(answer.status))?.status === String(answer.status);
  const source = operation && documents(operation) ? operation : api.operations.find(documents);
  if (!source) return jsonAnswer(answer.status, {});
  return answerFor(api, source, findResponse(source, String(answer.status))!, answer.status, { example: answer.example }, options);
}

interface Checked {
  /** 400 (errors) or 401; undefined when the request is valid. */
  status?: 400 | 401;
  errors: GuardIssue[];
  body?: unknown;
}

/** Parameters, security and body, each with its generated guard. */
function check(api: MockApi, operation: MockOperation, req: http.IncomingMessage, url: URL, text: string, validate: boolean): Checked {
  const errors: GuardIssue[] = [];
  const contentType = header(req, "content-type") ?? "";
  let body: unknown = text === "" ? undefined : text;
  // A JSON Schema endpoint reads any body as JSON, as its client sends it.
  const json = text !== "" && (!operation.operation || contentType === "" || isJsonMedia(contentType.split(";")[0]!.trim()));
  if (json) {
    try {
      body = JSON.parse(text) as unknown;
    } catch {
      if (validate) return { status: 400, errors: [{ path: "", message: "The body is not JSON" }] };
    }
  }
  if (!validate) return { errors, body };
  if (!operation.operation) {
    // A JSON Schema endpoint: its generated guard, a validator of its own (an oracle), or none (false).
    const check = operation.override ?? operation.body?.contents[0]?.checked?.validate ?? false;
    if (check === false) return { errors, body };
    const result = check(body);
    return result.ok ? { errors, body } : { status: 400, errors: result.errors };
  }
  errors.push(...parameterErrors(api, operation, url, req));
  if (!authorized(api, operation, req, url)) return { status: 401, errors: [] };
  if (operation.body) {
    // An empty form (the client's {} as application/x-www-form-urlencoded, seldon.local) is a body, of no field.
    const sent = mediaTypeEssence(contentType);
    const emptyForm = text === "" && sent === "application/x-www-form-urlencoded";
    if (text === "" && !emptyForm) {
      // A required body of no declared media type (`content: {}`, fastify-openapi-glue's test document)
      // is one the client has no way to send, nor the mock to check: its absence is not refused.
      if (operation.body.required && operation.body.contents.length > 0) errors.push({ path: "", message: "the request body is required", in: "body" });
    } else {
      const mediaType = sent || "application/json";
      // A declared media type's parameters ("application/json; charset=utf-8", influxdata.com) are not part of the match.
      const content = operation.body.contents.find((c) => mediaTypeEssence(c.mediaType) === mediaType) ?? operation.body.contents.find((c) => matchesRange(c.mediaType, mediaType));
      // A `content` key that names no media type (spoonacular.com's "", 10 request bodies): the client
      // sends such a body as it is given, with the Content-Type fetch picks for it (runtime rawBody), so
      // any Content-Type may be that body's; what it is written in is not said, so it is not read.
      const unnamed = !content && operation.body.contents.some((c) => mediaTypeEssence(c.mediaType) === "");
      if (!content && !unnamed && operation.body.contents.length > 0) errors.push({ path: "", message: `content type "${mediaType}" is not one of ${operation.body.contents.map((c) => c.mediaType).join(", ")}`, in: "body" });
      else if (content?.checked) {
        const schema = { schemaPath: "", ref: content.checked.type, annotations: {} };
        if (mediaType === "application/x-www-form-urlencoded") body = parseFormBody(text, api.model, schema, content.encoding);
        const read = mediaType === "multipart/form-data" ? parseMultipartBody(text, contentType, api.model, schema) : !json && /^text\//.test(mediaType) ? parseTextBody(text, api.model, schema) : undefined;
        // A multipart body is recorded as the object it encodes, a text body as its text.
        if (read !== undefined && mediaType === "multipart/form-data") body = read;
        if (json || mediaType === "application/x-www-form-urlencoded" || read !== undefined) {
          const result = content.checked.validate(read ?? body);
          if (!result.ok) errors.push(...result.errors);
        }
      }
    }
  }
  return errors.length > 0 ? { status: 400, errors } : { errors, body };
}

/** "application/*" or "*\/*" covers the request's media type. */
function matchesRange(range: string, mediaType: string): boolean {
  const [type, subtype] = range.toLowerCase().split(";")[0]!.trim().split("/");
  return (type === "*" || type === mediaType.split("/")[0]) && subtype === "*";
}

/** One of the operation's security alternatives is satisfied (credentials present; their values are not checked). */
function authorized(api: MockApi, operation: MockOperation, req: http.IncomingMessage, url: URL): boolean {
  const alternatives = operation.operation?.security ?? [];
  if (alternatives.length === 0) return true;
  const authorization = header(req, "authorization") ?? "";
  const cookies = header(req, "cookie") ?? "";
  return alternatives.some((requirement) => {
    // A requirement of two schemes that each write the Authorization header (security-multiple's
    // `basic` + `oauth2`, @readme/oas-examples; azure.com/containerregistry's basic + an API key named
    // "Authorization") asks for two such headers, which one request cannot carry: any one counts.
    const writers = requirement.filter(({ scheme: name }) => writesAuthorization(api.securitySchemes.find((s) => s.name === name)));
    const shared = writers.length > 1;
    return requirement.every(({ scheme: name }) => {
      const scheme = api.securitySchemes.find((s) => s.name === name);
      if (!scheme || scheme.kind === "unsupported") return true;
      if (shared && writesAuthorization(scheme)) return writers.some(({ scheme: other }) => carries(api.securitySchemes.find((s) => s.name === other)!, authorization));
      if (scheme.kind === "basic") return /^basic\s+\S/i.test(authorization);
      if (scheme.kind === "bearer") return /^bearer\s+\S/i.test(authorization);
      if (scheme.in === "header") return header(req, scheme.parameterName.toLowerCase()) !== undefined;
      if (scheme.in === "query") return url.searchParams.has(scheme.parameterName);
      return cookies.split(";").some((c) => c.trim().startsWith(`${scheme.parameterName}=`));
    });
  });
}

/** Whether an Authorization header's value is a credential of `scheme` (one that writes it). */
function carries(scheme: MockApi["securitySchemes"][number], authorization: string): boolean {
  if (scheme.kind === "basic") return /^basic\s+\S/i.test(authorization);
  if (scheme.kind === "bearer") return /^bearer\s+\S/i.test(authorization);
  return authorization.trim() !== "";
}

/** Basic, bearer, or an API key sent in a header named Authorization. */
function writesAuthorization(scheme: MockApi["securitySchemes"][number] | undefined): boolean {
  return scheme?.kind === "basic" || scheme?.kind === "bearer" || (scheme?.kind === "apiKey" && scheme.in === "header" && scheme.parameterName.toLowerCase() === "authorization");
}

function header(req: http.IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return Array.isArray(value) ? value.join(", ") : value || undefined;
}

function describe(errors: readonly GuardIssue[]): string {
  return errors
    .slice(0, 5)
    .map((e) => `${e.in && e.in !== "body" ? `${String(e.in)} ` : ""}${e.path || "/"}: ${e.message}`)
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

function send(res: http.ServerResponse, answer: Answer): void {
  if (res.destroyed) return;
  res.writeHead(answer.status, answer.headers);
  res.end(answer.body);
}

/** The errors of an OpenAPI operation's path, query, header and cookie parameters in this request, each with its location. */
function parameterErrors(api: MockApi, operation: MockOperation, url: URL, req: http.IncomingMessage): (GuardIssue & { in: string })[] {
  if (!operation.operation) return [];
  // Each way of splitting the path into its parameters in turn (pathSplits): the first whose
  // parameters pass, else the greedy match's errors.
  let greedyErrors: (GuardIssue & { in: string })[] | undefined;
  for (const split of pathSplits(operation.pattern)) {
    if (!split.test(url.pathname)) continue;
    const errors = parameterErrorsMatched(api, operation, split, url, req);
    if (errors.length === 0) return errors;
    if (split === operation.pattern) greedyErrors = errors;
  }
  return greedyErrors ?? [];
}

/**
 * The ways a path pattern may split a path into its parameters, in the order they are tried, made
 * once a pattern:
 * - two parameters with nothing between them (healthcare.gov's /blog/{pageName}{mediaTypeExtension},
 *   sent as /blog/bravo.json) split after each length in turn (the greedy match gives pageName
 *   "bravo.jso", mediaTypeExtension "n": the enum's error);
 * - then the pattern itself (greedy);
 * - then, for parameters with text between them in one segment (/{a}-{b}, sent as /5-x-y for a 5
 *   and b "x-y", which the greedy match splits at the last "-"), every variant with some captures
 *   lazy (at most six captures: 63 variants).
 */
function pathSplits(pattern: RegExp): readonly RegExp[] {
  let splits = PATH_SPLITS.get(pattern);
  if (splits !== undefined) return splits;
  const capture = "([^/]+)";
  const adjacent = `${capture}${capture}`;
  const source = pattern.source;
  const byLength = source.includes(adjacent) ? Array.from({ length: 64 }, (_, i) => new RegExp(source.replace(adjacent, `([^/]{${i + 1}})([^/]+)`))) : [];
  const pieces = source.split(capture);
  const captures = pieces.length - 1;
  // Only where one segment holds two captures with text between them is a lazy one another split.
  const separated = captures >= 2 && captures <= 6 && /\(\[\^\/\]\+\)[^/]+?\(\[\^\/\]\+\)/.test(source);
  const lazier: RegExp[] = [];
  for (let lazy = 1; separated && lazy < 1 << captures; lazy++) {
    lazier.push(new RegExp(pieces.reduce((text, piece, i) => (i === 0 ? piece : `${text}${lazy & (1 << (i - 1)) ? "([^/]+?)" : capture}${piece}`), ""), pattern.flags));
  }
  splits = [...byLength, pattern, ...lazier];
  PATH_SPLITS.set(pattern, splits);
  return splits;
}

/** pathSplits' answers by pattern (an operation's, made once when the document is read). */
const PATH_SPLITS = new WeakMap<RegExp, readonly RegExp[]>();

function parameterErrorsMatched(api: MockApi, operation: MockOperation, pattern: RegExp, url: URL, req: http.IncomingMessage): (GuardIssue & { in: string })[] {
  if (!operation.operation) return [];
  const match = pattern.exec(url.pathname)!;
  const names = pathNames(operation.path);
  const pathValues = { ...keyQueryValues(operation.path, url.search.slice(1)), ...Object.fromEntries(names.map((name, i) => [name, match[i + 1]!])) };
  const keys = (where: "query" | "cookie") => api.securitySchemes.flatMap((s) => (s.kind === "apiKey" && s.in === where ? [s.parameterName] : []));
  const credentials = { query: keys("query"), cookie: keys("cookie") };
  const parsed = parseParameters(operation.operation.parameters, { pathValues, query: url.search.slice(1), headers: req.headers, pathKey: operation.path, credentials }, api.model, operation.parameterSchemas);
  const errors: (GuardIssue & { in: string })[] = [];
  for (const [location, checked] of Object.entries(operation.parameters)) {
    const result = checked.validate(parsed[location as keyof typeof parsed] ?? {});
    if (!result.ok) errors.push(...result.errors.map((e) => ({ ...e, in: location })));
  }
  return errors;
}

/**
 * The first operation whose parameters pass, else the first with the fewest parameter errors; of
 * those whose parameters pass, one that accepts the whole request (its body too) first.
 */
function closestOperation(api: MockApi, operations: readonly MockOperation[], url: URL, req: http.IncomingMessage, text: string): MockOperation | undefined {
  let closest: MockOperation | undefined;
  let fewest = Infinity;
  let mostPresent = -1;
  let accepts = false;
  for (const operation of operations) {
    const errors = parameterErrors(api, operation, url, req).length;
    // Of those whose parameters all pass, the one that declares most of what the request carries:
    // azure.com/containerregistry's `/v2/{name}/blobs/{digest}#mode=chunk` asks for a Range header
    // that its twin without the fragment does not declare (and would accept, ignoring it).
    const present = errors === 0 ? presentParameters(operation, url, req) : -1;
    // Before that, the one whose body passes: vtex.local/Customer-Credit-API has PUT
    // /accounts/{accountId} and PUT /accounts/{creditAccountId}, one template to a server, and only
    // the body tells them apart (the second's requests were checked as the first's: 400).
    const accepted = errors === 0 && check(api, operation, req, url, text, true).status === undefined;
    const better = errors < fewest || (errors === 0 && (accepted !== accepts ? accepted : present > mostPresent));
    if (better) [closest, fewest, mostPresent, accepts] = [operation, errors, present, accepted];
  }
  return closest;
}

/** How many of an operation's query, header and cookie parameters the request carries. */
function presentParameters(operation: MockOperation, url: URL, req: http.IncomingMessage): number {
  const cookies = header(req, "cookie") ?? "";
  return (operation.operation?.parameters ?? []).filter((p) =>
    p.in === "query" ? url.searchParams.has(p.name) : p.in === "header" ? header(req, p.name.toLowerCase()) !== undefined : p.in === "cookie" && cookies.split(";").some((c) => c.trim().startsWith(`${p.name}=`)),
  ).length;
}

export { pathPattern } from "./mock-api";
export type { GuardFn, GuardIssue, MockEndpoint } from "./mock-api";
export type { Received, ReceivedItem, ReceivedRequest } from "./recorder";
