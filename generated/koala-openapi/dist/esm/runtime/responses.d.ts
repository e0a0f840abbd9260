/**
 * The result of a generated OpenAPI client call, discriminated so that a caller cannot read data it
 * does not have: `ok: true` with a declared success status and its typed body; `ok: false` with an
 * HTTP status and its typed error body; or `ok: false` with what went wrong before a response came.
 */
/** The response's headers; the Fetch API's `Headers` is one (declared here so that the declarations need no DOM lib). */
export interface HeadersLike {
    get(name: string): string | null;
}
type Digit = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
type NumberOf<Text> = Text extends `${infer N extends number}` ? N : never;
/**
 * Every status of a class, as literals (`StatusRange<4>` is 400 | 401 | ... | 499): a response
 * declared as "4XX" or "default" is typed with the statuses it stands for, minus those declared on
 * their own, so that `result.status === 404` narrows to the 404 response alone.
 */
export type StatusRange<Class extends 1 | 2 | 3 | 4 | 5> = NumberOf<`${Class}${Digit}${Digit}`>;
export type ApiSuccess<Status extends number, Data> = {
    ok: true;
    status: Status;
    data: Data;
    headers: HeadersLike;
};
export type ApiHttpError<Status extends number, Error> = {
    ok: false;
    kind: "http";
    status: Status;
    error: Error;
    headers: HeadersLike;
};
/** A problem found by a generated guard (the fields a caller needs). */
export interface ApiIssue {
    readonly path: string;
    readonly message: string;
}
export type ApiFailure = 
/** No response: DNS, refused connection, reset, TLS (`network`); none within the timeout (`timeout`); the caller's signal (`aborted`). */
{
    ok: false;
    kind: "network" | "timeout" | "aborted";
    attempts: number;
}
/** The request was not sent: its body is not what the API declares (the generated guard's errors). */
 | {
    ok: false;
    kind: "invalid-request";
    errors: readonly ApiIssue[];
}
/** A response came, but its body is not what the API declares for its status (unreadable JSON, or `validateResponses` found errors). */
 | {
    ok: false;
    kind: "invalid-response";
    status: number;
    body: unknown;
    errors: readonly ApiIssue[];
    headers: HeadersLike;
}
/** A response with a status the operation does not declare: its body, parsed JSON or text. */
 | {
    ok: false;
    kind: "undeclared-status";
    status: number;
    body: unknown;
    headers: HeadersLike;
};
/**
 * The result of an operation whose method fetch refuses to send (TRACE: a forbidden method of the
 * Fetch standard), without a `fetch` option of the caller's: nothing is sent.
 */
export type ApiUnsupportedMethod = {
    ok: false;
    kind: "unsupported-method";
    method: string;
    message: string;
};
/**
 * The response key of the document that describes `status`: the exact code ("404"), else its
 * range ("4XX"), else "default"; undefined when the document describes neither.
 */
export declare function matchStatus(status: number, declared: readonly string[]): string | undefined;
/** 2XX is success; everything else (1XX aside, which fetch never returns) is an error. */
export declare function isSuccessStatus(status: number): boolean;
/** The media type of a Content-Type header, lower-case, without parameters ("application/json; charset=utf-8" → "application/json"). */
export declare function mediaTypeOf(contentType: string | null): string;
/** JSON media types: application/json and any `+json` structured syntax suffix (RFC 6839). */
export declare function isJsonMediaType(mediaType: string): boolean;
export {};
