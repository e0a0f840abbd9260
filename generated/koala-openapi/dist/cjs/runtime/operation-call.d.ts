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
import { type CallOptions, type TransportOptions, type ValidateFn } from "./http-client.js";
import { type ApiFailure, type ApiIssue, type ApiHttpError, type ApiSuccess, type ApiUnsupportedMethod } from "./responses.js";
import { type Credential, type SchemeApplier } from "./security.js";
import { type QueryStyle } from "./params.js";
import type { HeaderReader } from "./response-headers.js";
export interface OperationClientOptions extends TransportOptions {
    /** Check response bodies and declared response headers with the generated guards: a mismatch gives `kind: "invalid-response"`. Default false. */
    validateResponses?: boolean | undefined;
    /** Retry POST and PATCH too (by default only operations with an idempotency key header are). Default false. */
    retryNonIdempotent?: boolean | undefined;
    /** Credentials by security scheme name (the document's `components.securitySchemes` keys). */
    auth?: {
        readonly [scheme: string]: Credential | undefined;
    } | undefined;
}
/** What a generated `createXClient` returns and every operation function takes: settings only, no connection or timer. */
export interface ApiClient {
    readonly options: OperationClientOptions;
    /** The base URL, without a trailing slash. */
    readonly baseUrl: string;
    /** Whether the caller gave `baseUrl` (it then wins over an operation's own `servers`), rather than the document's default. */
    readonly baseUrlGiven: boolean;
    /** The security schemes the client can apply, by name (mutualTLS, http digest, ... are absent: an operation that needs one alone is sent without credentials). */
    readonly schemes: {
        readonly [scheme: string]: SchemeApplier;
    };
}
/**
 * Builds the client a generated factory returns; a missing or relative base URL is a TypeError now,
 * naming the option. `defaultBaseUrl`: the document's server, when it is absolute.
 */
export declare function createApiClient(factory: string, options: OperationClientOptions, schemes: ApiClient["schemes"], defaultBaseUrl?: string): ApiClient;
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
    readonly [property: string]: {
        readonly style?: QueryStyle;
        readonly explode?: boolean;
        readonly allowReserved?: boolean;
    };
}
/**
 * A body encoder: the value → the body fetch sends, and its Content-Type (none: fetch decides, as for
 * multipart's boundary). `chosen`: the request's `contentType` (the type under a media range it declares).
 */
export type BodyEncoder = (value: unknown, mediaType: string, chosen?: string, encoding?: FormEncoding) => {
    body: unknown;
    contentType?: string | undefined;
};
/** One operation call, its parameters already serialized by the generated function. */
export interface OperationCall {
    method: string;
    /** The base URL of this operation when it has servers of its own (operationBaseUrl); default: the client's. */
    baseUrl?: string | undefined;
    /** The path with its parameters filled in. */
    path: string;
    /** `name=value` parts (serialized, may be ""). */
    query: readonly string[];
    headers: {
        readonly [name: string]: string | undefined;
    };
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
    responses: {
        readonly [key: string]: ResponseGuard;
    };
    /** Response key → the reader of its declared headers (response-headers.ts), for the responses that declare any: the result's `header`. */
    responseHeaders?: {
        readonly [key: string]: HeaderReader;
    } | undefined;
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
export type ResponseGuard = ((value: unknown, mediaType: string, contentType: string | null) => {
    readonly ok: boolean;
    readonly errors?: readonly ApiIssue[];
}) | null;
/** Any operation's result; a response's declared headers are on `header` (the generated result types say which). */
export type OperationResult = ((ApiSuccess<number, unknown> | ApiHttpError<number, unknown>) & {
    header?: unknown;
}) | ApiFailure | ApiUnsupportedMethod;
/**
 * For a method fetch refuses (TRACE: a forbidden method of the Fetch standard, for which it throws a
 * TypeError): kind "unsupported-method", nothing sent, unless the caller's own `fetch` option is set.
 */
export declare function callForbiddenMethod<R extends OperationResult>(client: ApiClient, op: OperationCall, call?: CallOptions): Promise<R>;
/**
 * The base URL of an operation with servers of its own (`server`, its variables filled in): the
 * client's when the caller gave `baseUrl`; else `server`, as it is when absolute, else resolved
 * against the client's (a path against its origin, anything else below it).
 */
export declare function operationBaseUrl(client: ApiClient, server: string): string;
/** A fresh idempotency key for an operation's key header the caller left out. */
export declare function newIdempotencyKey(client: ApiClient): string;
/**
 * The answer for a path that a path parameter made with a "." or ".." segment, else undefined: the
 * URL parser removes such a segment (percent-encoded too: "%2e%2e" is ".."), and the request would go
 * to another resource (DELETE /users/../sessions is DELETE /sessions). Nothing is sent, whatever
 * `validate` says. Called by the generated function of an operation with path parameters only, so
 * that the others bundle none of it (every byte of send() is in each operation's bundle).
 */
export declare function refuseDotSegments<R>(path: string): Promise<R> | undefined;
/** Sends one operation's request and types its answer; `R` is the operation's own result union. (send itself, retyped: no wrapper to bundle.) */
export declare const callOperation: <R extends OperationResult>(client: ApiClient, op: OperationCall, call?: CallOptions) => Promise<R>;
/**
 * The declared response for `status` (exact, range, default). `default` stands for a success status
 * only when the operation declares no success of its own: an undeclared 2xx next to a declared 200
 * is not the error body `default` usually describes.
 */
export declare function responseKey(status: number, declared: readonly string[]): string | undefined;
/**
 * The guard of a response whose media types have guards of their own (the generated code's, for
 * such a response alone: an operation without one bundles none of this): the guard of the answer's
 * media type (or of a declared range, "application/" and a star, then star/star), none when that
 * one's is null. A media type the response does not declare gets the union its type says: the first
 * guard that passes, else the first one's errors (none when a declared media type takes any body).
 */
export declare function byMediaType(declared: {
    readonly [mediaType: string]: ValidateFn<unknown> | null;
}): NonNullable<ResponseGuard>;
export declare const jsonBody: BodyEncoder;
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
export declare const formBody: BodyEncoder;
/** A part per property, one per array item; a Blob as it is, an object as JSON text. fetch writes the Content-Type with its boundary. */
export declare const multipartBody: BodyEncoder;
/**
 * The value as it is (a Blob or a string). A media range ("*\/*", "image/*") names no type to send:
 * the one the caller chose under it (`contentType: "image/png"`), else none (a Blob says its own, a string is text/plain).
 */
export declare const rawBody: BodyEncoder;
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
export type MultipartBody<T> = {
    [K in keyof T]: FilePart<T[K]>;
};
type FilePart<V> = V extends string ? V | BlobLike : V extends readonly (infer I)[] ? readonly FilePart<I>[] : V;
/**
 * A multipart body with each file (at the top level or in an array) replaced by an empty string:
 * what its guard checks, since a file is a binary string to its schema (its bytes are not read).
 */
export declare function withoutFiles(body: unknown): unknown;
export {};
