/**
 * The call behind every generated OpenAPI operation function: credentials, the body (checked by the
 * generated guard, then encoded by its media type), one request through the transport of
 * http-client.ts (timeouts, retries with backoff, hooks), and the response matched to the status
 * the operation declares, parsed, and (with `validateResponses`) checked. Never throws for HTTP or
 * network failures, nor for an invalid body: the result says what happened.
 *
 * Generated code does the per-operation part (the path, each parameter serialized by its style with
 * params.ts), so one operation imported from a large API bundles this file, the serializers it
 * calls, and its own guards only.
 */
import { checkOption, deliver, isRetryableStatus, randomId, type CallOptions, type Judgement, type TransportOptions, type ValidateFn } from "./http-client.js";
import { isJsonMediaType, isSuccessStatus, matchStatus, mediaTypeOf, type ApiFailure, type ApiIssue, type ApiHttpError, type ApiSuccess, type ApiUnsupportedMethod } from "./responses.js";
import { chooseSecurity, emptyAuthParts, type AuthParts, type Credential, type SchemeApplier } from "./security.js";
import { appendQuery, encodeParamText, serializeQueryParam, type QueryStyle } from "./params.js";
import type { HeaderReader } from "./response-headers.js";

export interface OperationClientOptions extends TransportOptions {
  /** Check response bodies and declared response headers with the generated guards: a mismatch gives `kind: "invalid-response"`. Default false. */
  validateResponses?: boolean | undefined;
  /** Retry POST and PATCH too (by default only operations with an idempotency key header are). Default false. */
  retryNonIdempotent?: boolean | undefined;
  /** Credentials by security scheme name (the document's `components.securitySchemes` keys). */
  auth?: { readonly [scheme: string]: Credential | undefined } | undefined;
}

/** What a generated `createXClient` returns and every operation function takes: settings only, no connection or timer. */
export interface ApiClient {
  readonly options: OperationClientOptions;
  /** The base URL, without a trailing slash. */
  readonly baseUrl: string;
  /** Whether the caller gave `baseUrl` (it then wins over an operation's own `servers`), rather than the document's default. */
  readonly baseUrlGiven: boolean;
  /** The security schemes the client can apply, by name (mutualTLS, http digest, ... are absent: an operation that needs one alone is sent without credentials). */
  readonly schemes: { readonly [scheme: string]: SchemeApplier };
}

/**
 * Builds the client a generated factory returns; a missing or relative base URL is a TypeError now,
 * naming the option. `defaultBaseUrl`: the document's server, when it is absolute.
 */
export function createApiClient(factory: string, options: OperationClientOptions, schemes: ApiClient["schemes"], defaultBaseUrl?: string): ApiClient {
  const baseUrl = options.baseUrl ?? defaultBaseUrl;
  checkOption(factory, "baseUrl", baseUrl, true);
  return { options, baseUrl: baseUrl!.replace(/\/+$/, ""), baseUrlGiven: options.baseUrl !== undefined, schemes };
}

/** A request body as the caller gives it, per media type the operation declares. */
export interface BodySpec {
  mediaType: string;
  /** The generated guard of the body's schema, when it has one. */
  validate?: ValidateFn<unknown> | undefined;
  /** Turns the value into what fetch sends (jsonBody, formBody, multipartBody, rawBody: only those an operation uses are bundled). */
  encode: BodyEncoder;
  /** A form body's Encoding Objects that give a style, explode or allowReserved, by property (formBody). */
  encoding?: FormEncoding | undefined;
}

/**
 * Per property of a form body, the Encoding Object's `style`, `explode` and `allowReserved` as
 * written (Stripe's `{ style: "deepObject", explode: true }`): the property is serialized as a query
 * parameter of that style. A property without one is serialized by its content type (formBody).
 */
export interface FormEncoding {
  readonly [property: string]: { readonly style?: QueryStyle; readonly explode?: boolean; readonly allowReserved?: boolean };
}

/**
 * A body encoder: the value → the body fetch sends, and its Content-Type (none: fetch decides, as for
 * multipart's boundary). `chosen`: the request's `contentType` (the type under a media range it declares).
 */
export type BodyEncoder = (value: unknown, mediaType: string, chosen?: string, encoding?: FormEncoding) => { body: unknown; contentType?: string | undefined };

/** One operation call, its parameters already serialized by the generated function. */
export interface OperationCall {
  method: string;
  /** The base URL of this operation when it has servers of its own (operationBaseUrl); default: the client's. */
  baseUrl?: string | undefined;
  /** The path with its parameters filled in. */
  path: string;
  /** `name=value` parts (serialized, may be ""). */
  query: readonly string[];
  headers: { readonly [name: string]: string | undefined };
  /** `name=value` cookies (undefined: not sent). */
  cookies: readonly (string | undefined)[];
  /** The declared media types of the body, the first being the default; absent when the operation has no body. */
  bodies?: readonly BodySpec[] | undefined;
  body?: unknown;
  /** The media type the caller chose (`contentType` of the request); default: the first declared. */
  contentType?: string | undefined;
  /** Alternatives of scheme names (any one suffices, every scheme of it applies); [] or [[]]: none needed. */
  security: readonly (readonly string[])[];
  /** Response key ("200", "4XX", "default") → the guard of its JSON body (null: none, any body), or a guard per media type when they differ. */
  responses: { readonly [key: string]: ResponseGuard };
  /** Response key → the reader of its declared headers (response-headers.ts), for the responses that declare any: the result's `header`. */
  responseHeaders?: { readonly [key: string]: HeaderReader } | undefined;
  /** Whether the request may be sent more than once: an idempotent method, or an idempotency key is sent. */
  idempotent: boolean;
  /** Each parameter with the guard of its schema (checked unless `validate: false`; undefined: not given) and where its errors are: "/query/limit". */
  parameters?: readonly (readonly [at: string, value: unknown, validate: ValidateFn<unknown>])[] | undefined;
}

/**
 * A response's guard: one for its JSON body, none (null: any body), or, when its media types' guards differ
 * ("application/geo+json", "text/csv": null), byMediaType's, which the answer's media type and
 * Content-Type are passed to. Only the operations with such a response bundle that choice.
 */
export type ResponseGuard = ((value: unknown, mediaType: string, contentType: string | null) => { readonly ok: boolean; readonly errors?: readonly ApiIssue[] }) | null;

/** Any operation's result; a response's declared headers are on `header` (the generated result types say which). */
export type OperationResult = ((ApiSuccess<number, unknown> | ApiHttpError<number, unknown>) & { header?: unknown }) | ApiFailure | ApiUnsupportedMethod;


/**
 * For a method fetch refuses (TRACE: a forbidden method of the Fetch standard, for which it throws a
 * TypeError): kind "unsupported-method", nothing sent, unless the caller's own `fetch` option is set.
 */
export async function callForbiddenMethod<R extends OperationResult>(client: ApiClient, op: OperationCall, call: CallOptions = {}): Promise<R> {
  if (client.options.fetch) return callOperation<R>(client, op, call);
  return { ok: false, kind: "unsupported-method", method: op.method, message: `fetch cannot send ${op.method} (a forbidden method of the Fetch standard); pass a fetch option that can` } as R;
}

/**
 * The base URL of an operation with servers of its own (`server`, its variables filled in): the
 * client's when the caller gave `baseUrl`; else `server`, as it is when absolute, else resolved
 * against the client's (a path against its origin, anything else below it).
 */
export function operationBaseUrl(client: ApiClient, server: string): string {
  if (client.baseUrlGiven) return client.baseUrl;
  const origin = /^[a-z][a-z\d+.-]*:\/\/[^/]*/i.exec(client.baseUrl)?.[0] ?? "";
  const url = /^[a-z][a-z\d+.-]*:/i.test(server) ? server : server.startsWith("//") ? origin.replace(/\/\/.*/, "") + server : server.startsWith("/") ? origin + server : `${client.baseUrl}/${server}`;
  return url.replace(/\/+$/, "");
}

/** A fresh idempotency key for an operation's key header the caller left out. */
export function newIdempotencyKey(client: ApiClient): string {
  return (client.options.newId ?? randomId)();
}

/**
 * The answer for a path that a path parameter made with a "." or ".." segment, else undefined: the
 * URL parser removes such a segment (percent-encoded too: "%2e%2e" is ".."), and the request would go
 * to another resource (DELETE /users/../sessions is DELETE /sessions). Nothing is sent, whatever
 * `validate` says. Called by the generated function of an operation with path parameters only, so
 * that the others bundle none of it (every byte of send() is in each operation's bundle).
 */
export function refuseDotSegments<R>(path: string): Promise<R> | undefined {
  return /\/(\.|%2e){1,2}(\/|$)/i.test(path) ? Promise.resolve({ ok: false, kind: "invalid-request", errors: [{ path: "/path", message: "makes a dot segment" }] } as R) : undefined;
}

/** Sends one operation's request and types its answer; `R` is the operation's own result union. (send itself, retyped: no wrapper to bundle.) */
export const callOperation: <R extends OperationResult>(client: ApiClient, op: OperationCall, call?: CallOptions) => Promise<R> = send as never;

async function send(client: ApiClient, op: OperationCall, call: CallOptions = {}): Promise<OperationResult> {
  const { options } = client;
  const spec = op.bodies?.length && op.body !== undefined ? (op.bodies.find((b) => b.mediaType === op.contentType) ?? op.bodies[0]!) : undefined;
  // Each parameter (errors at "/query/limit"), then the body (errors at its own paths): nothing is sent when one fails its guard.
  if (options.validate !== false) {
    for (const [at, value, validate] of [...(op.parameters ?? []), ["", op.body, spec?.validate] as const]) {
      const checked = value === undefined || !validate ? undefined : validate(value);
      if (checked && !checked.ok) return { ok: false, kind: "invalid-request", errors: checked.errors.map((e) => ({ ...e, path: at + e.path })) };
    }
  }
  // fromEntries defines each key: a header named "__proto__" is a header like any other, not the object's prototype.
  const headers = Object.fromEntries(Object.entries(op.headers).filter((entry): entry is [string, string] => entry[1] !== undefined));
  if (options.userAgent) headers["user-agent"] = options.userAgent;
  const cookies = op.cookies.filter((c): c is string => c !== undefined);
  const query = [...op.query];
  const auth = credentials(client, op.security);
  if (auth) {
    Object.assign(headers, auth.headers);
    query.push(...auth.query);
    cookies.push(...auth.cookies);
  }
  if (cookies.length > 0) headers.cookie = cookies.join("; ");

  let body: unknown;
  if (spec) {
    const encoded = spec.encode(op.body, spec.mediaType, op.contentType, spec.encoding);
    body = encoded.body;
    if (encoded.contentType) headers["content-type"] = encoded.contentType;
  }
  const declared = Object.keys(op.responses);
  const retries = op.idempotent || options.retryNonIdempotent === true;
  const judge = (status: number): Judgement => (isSuccessStatus(status) ? { outcome: "ok", retry: false } : { outcome: "http", retry: isRetryableStatus(status) });
  const url = appendQuery((op.baseUrl ?? client.baseUrl) + op.path, query);
  const delivery = await deliver(options, { url, method: op.method, headers, body }, judge, call.signal, retries ? Infinity : 1);
  const response = delivery.last.response;
  if (!response) return { ok: false, kind: delivery.last.outcome as "network" | "timeout" | "aborted", attempts: delivery.attempts };

  const { status } = response;
  const key = responseKey(status, declared);
  const mediaType = mediaTypeOf(response.headers.get("content-type"));
  let data: unknown = response.text === "" ? undefined : response.text;
  if (response.text !== "" && (isJsonMediaType(mediaType) || (mediaType === "" && key !== undefined && op.responses[key] !== null))) {
    try {
      data = JSON.parse(response.text);
    } catch {
      if (key !== undefined) return { ok: false, kind: "invalid-response", status, body: response.text, errors: [{ path: "", message: "is not JSON" }], headers: response.headers };
    }
  }
  if (key === undefined) return { ok: false, kind: "undeclared-status", status, body: data, headers: response.headers };
  const validate = op.responses[key]!;
  const check = options.validateResponses === true;
  const errors: ApiIssue[] = [...((check && validate && validate(data, mediaType, response.headers.get("content-type")).errors) || [])];
  // The declared headers, read (and checked with the body: one invalid-response lists the errors of both); undefined when none are declared.
  const header = op.responseHeaders?.[key]?.(response.headers, check, errors);
  if (errors.length > 0) return { ok: false, kind: "invalid-response", status, body: data, errors, headers: response.headers };
  return isSuccessStatus(status) ? { ok: true, status, data, headers: response.headers, header } : { ok: false, kind: "http", status, error: data, headers: response.headers, header };
}

/**
 * The declared response for `status` (exact, range, default). `default` stands for a success status
 * only when the operation declares no success of its own: an undeclared 2xx next to a declared 200
 * is not the error body `default` usually describes.
 */
export function responseKey(status: number, declared: readonly string[]): string | undefined {
  const key = matchStatus(status, declared);
  if (key === "default" && isSuccessStatus(status) && declared.some((d) => d.startsWith("2"))) return undefined;
  return key;
}

/**
 * The guard of a response whose media types have guards of their own (the generated code's, for
 * such a response alone: an operation without one bundles none of this): the guard of the answer's
 * media type (or of a declared range, "application/" and a star, then star/star), none when that
 * one's is null. A media type the response does not declare gets the union its type says: the first
 * guard that passes, else the first one's errors (none when a declared media type takes any body).
 */
export function byMediaType(declared: { readonly [mediaType: string]: ValidateFn<unknown> | null }): NonNullable<ResponseGuard> {
  return (value, mediaType, contentType) => guardFor(declared, mediaType, contentType)?.(value) ?? { ok: true };
}

function guardFor(declared: { readonly [mediaType: string]: ValidateFn<unknown> | null }, mediaType: string, contentType: string | null): ValidateFn<unknown> | null {
  // A media type declared with parameters beside its twins ("application/json;version=2" and
  // "application/json", generated keys as mediaTypeKey writes them): the one whose parameters the
  // answer carries, the most of them first, before the essence.
  const parameters = (contentType ?? "").split(";").slice(1).map((p) => p.trim().toLowerCase().replace(/\s*=\s*/, "="));
  const twins = Object.keys(declared)
    .filter((key) => key.startsWith(`${mediaType};`) && key.split(";").slice(1).every((p) => parameters.includes(p)))
    .sort((a, b) => b.split(";").length - a.split(";").length);
  // Own keys only: a Content-Type of "constructor" is not a declared media type.
  for (const key of [...twins, mediaType, `${mediaType.split("/")[0]}/*`, "*/*"]) if (Object.prototype.hasOwnProperty.call(declared, key)) return declared[key] ?? null;
  const guards = Object.values(declared);
  if (guards.includes(null)) return null;
  return (value) => {
    let first: ReturnType<ValidateFn<unknown>> | undefined;
    for (const guard of guards as ValidateFn<unknown>[]) {
      const result = guard(value);
      if (result.ok) return result;
      first ??= result;
    }
    return first!;
  };
}

/** The headers, query parts and cookies of the first security alternative the client has every credential for. */
function credentials(client: ApiClient, alternatives: OperationCall["security"]): AuthParts | undefined {
  const auth = client.options.auth ?? {};
  const chosen = chooseSecurity(alternatives, (scheme) => auth[scheme] !== undefined && client.schemes[scheme] !== undefined);
  if (!chosen || chosen.length === 0) return undefined;
  const parts = emptyAuthParts();
  for (const name of chosen) client.schemes[name]!(parts, auth[name]!);
  return parts;
}

interface FormDataLike {
  append(name: string, value: unknown): void;
}

export const jsonBody: BodyEncoder = (value, mediaType) => ({ body: JSON.stringify(value), contentType: mediaType });

/**
 * Each property `name=value`, percent-encoded. A property with an Encoding Object that gives a style,
 * explode or allowReserved is written as a query parameter of that style (`company[name]=...` for
 * deepObject); otherwise its content type decides (OpenAPI 3.1.2, Encoding Object: `style` defaults
 * to form only when explode or allowReserved is given): an object's default is application/json, so
 * it goes as one pair of JSON text, where form with explode would write its properties as the form's
 * own pairs and lose its name (openapi-to-graphql's stripe.json: `company`'s `name` read as the
 * body's); an array's items are repeated pairs, a primitive its text. A body whose schema is a string
 * (libretranslate.local) is the form's text already: sent as it is, not as its characters' pairs.
 */
export const formBody: BodyEncoder = (value, mediaType, _chosen, encoding) => ({
  body:
    typeof value === "string"
      ? value
      : Object.entries(value as Record<string, unknown>)
          .map(([name, item]) => formPair(name, item, encoding && Object.prototype.hasOwnProperty.call(encoding, name) ? encoding[name] : undefined))
          .filter((pair) => pair !== "")
          .join("&"),
  contentType: mediaType,
});

function formPair(name: string, item: unknown, encoding: FormEncoding[string] | undefined): string {
  if (encoding) {
    const style = encoding.style ?? "form";
    return serializeQueryParam(name, item, style, encoding.explode ?? style === "form", encoding.allowReserved ?? false);
  }
  if (typeof item === "object" && item !== null && !Array.isArray(item)) return `${encodeParamText(name)}=${encodeParamText(JSON.stringify(item))}`;
  return serializeQueryParam(name, item, "form", true);
}

/** A part per property, one per array item; a Blob as it is, an object as JSON text. fetch writes the Content-Type with its boundary. */
export const multipartBody: BodyEncoder = (value) => {
  const form = new (globalThis as unknown as { FormData: new () => FormDataLike }).FormData();
  for (const [name, item] of Object.entries(value as Record<string, unknown>)) {
    for (const part of Array.isArray(item) ? item : [item]) {
      if (part !== undefined && part !== null) form.append(name, isBlob(part) ? part : typeof part === "object" ? JSON.stringify(part) : String(part));
    }
  }
  return { body: form };
};

/**
 * The value as it is (a Blob or a string). A media range ("*\/*", "image/*") names no type to send:
 * the one the caller chose under it (`contentType: "image/png"`), else none (a Blob says its own, a string is text/plain).
 */
export const rawBody: BodyEncoder = (value, mediaType, chosen) => ({ body: value, contentType: !mediaType.includes("*") ? mediaType : chosen?.includes("*") ? undefined : chosen });

/** A Blob or File of the runtime (what `Blob | string` bodies and multipart file parts take). */
export interface BlobLike {
  readonly size: number;
  readonly type: string;
  arrayBuffer(): Promise<ArrayBuffer>;
}

/**
 * A multipart body as the caller gives it: wherever the schema says string (a file is a binary
 * string, `format: binary` or `contentMediaType`), a Blob or File may stand instead.
 */
export type MultipartBody<T> = { [K in keyof T]: FilePart<T[K]> };
type FilePart<V> = V extends string ? V | BlobLike : V extends readonly (infer I)[] ? readonly FilePart<I>[] : V;

/**
 * A multipart body with each file (at the top level or in an array) replaced by an empty string:
 * what its guard checks, since a file is a binary string to its schema (its bytes are not read).
 */
export function withoutFiles(body: unknown): unknown {
  if (typeof body !== "object" || body === null || Array.isArray(body)) return body;
  const part = (value: unknown): unknown => (isBlob(value) ? "" : value);
  return Object.fromEntries(Object.entries(body).map(([name, value]) => [name, Array.isArray(value) ? value.map(part) : part(value)]));
}

function isBlob(value: unknown): value is BlobLike {
  return typeof value === "object" && value !== null && typeof (value as BlobLike).arrayBuffer === "function" && typeof (value as BlobLike).size === "number";
}
