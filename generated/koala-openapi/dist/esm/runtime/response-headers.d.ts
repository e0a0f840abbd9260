/**
 * A response's declared headers (`responses.<status>.headers`) read into a typed object for the
 * generated client's result (`header`), and checked by the generated guard of that object when the
 * client validates responses: errors at `/header/<name>`, as a request's are at `/header/<name>`.
 * A file of its own, so that only operations that declare response headers bundle it.
 *
 * Each header is style simple (the only style a header has): its text read back by the kind of
 * value its schema says, the reverse of params.ts serializeHeaderParam (which percent-encodes `%`
 * and what a header cannot carry): `s` text, `n` a number, `b` a boolean, `j` JSON (a header
 * given by `content`), `a<kind>` a comma-separated list of that kind, `o` an object as
 * `key,value,...`, `e` one as `key=value,...` (explode).
 */
import type { ValidateFn } from "./http-client.js";
import type { ApiIssue, HeadersLike } from "./responses.js";
/** Reads the headers of one response; `check`: run the guard (the client's `validateResponses`), adding its errors to `errors`. */
export type HeaderReader = (headers: HeadersLike, check: boolean, errors: ApiIssue[]) => Record<string, unknown>;
/** The reader of a response declaring `declared` ([name, kind]), checked with `validate`, the guard of its headers object. */
export declare function headerReader(declared: readonly (readonly [name: string, kind: string])[], validate: ValidateFn<unknown>): HeaderReader;
