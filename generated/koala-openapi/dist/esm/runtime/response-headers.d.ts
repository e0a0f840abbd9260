/**
 * A response's declared headers (`responses.<status>.headers`) read into a typed object for the
 * generated client's result (`header`), and checked by the generated guard of that object when the
 * client validates responses: errors at `/header/<name>`, as a request's are at `/header/<name>`.
 * A file of its own, so that only operations that declare response headers bundle it.
 *
 * Each header is style simple (the only style a header has): its text read back by the kind of
 * value its schema says: `s` text, `n` a number, `b` a boolean, `j` JSON (a header given by
 * `content`), `a<kind>` a comma-separated list of that kind, `o` an object as `key,value,...`, `e`
 * one as `key=value,...` (explode); an object's kind may be `[o|e, [[property, kind]...], other]`,
 * each property's value read by its own kind (`other`: the kind of the rest, additionalProperties).
 * The text is read as sent: servers do not percent-encode header values (OpenAPI 3.1.2 Appendix D),
 * so `my%20report.pdf` stays `my%20report.pdf`; it is only split on commas and trimmed, and bytes
 * beyond ASCII are read as UTF-8 when they are UTF-8 (fieldText).
 */
import type { ValidateFn } from "./http-client.js";
import type { ApiIssue, HeadersLike } from "./responses.js";
/** How a header's text is read (see above). */
export type HeaderKind = string | readonly [kind: "o" | "e", properties: readonly (readonly [name: string, kind: string])[], other?: string];
/** Reads the headers of one response; `check`: run the guard (the client's `validateResponses`), adding its errors to `errors`. */
export type HeaderReader = (headers: HeadersLike, check: boolean, errors: ApiIssue[]) => Record<string, unknown>;
/** The reader of a response declaring `declared` ([name, kind]), checked with `validate`, the guard of its headers object. */
export declare function headerReader(declared: readonly (readonly [name: string, kind: HeaderKind])[], validate: ValidateFn<unknown>): HeaderReader;
/**
 * A field value without the spaces and tabs at either end (OWS, RFC 9110 §5.5), all HTTP drops: not
 * String.trim(), which drops U+00A0, U+3000, U+FEFF, U+2028 ... too, a value's own characters once
 * sent as UTF-8 bytes. Shared with the mock server (its header parameters, and which values it sends).
 */
export declare const ows: (text: string) => string;
/**
 * A header's text from its bytes. Fetch gives a header value as a ByteString (one character a byte);
 * RFC 9110 §5.5 leaves bytes 0x80-0xFF (obs-text) opaque, and in practice they are UTF-8, which is
 * how the client sends a non-ASCII header value (params.ts headerText): read as UTF-8 when they are
 * valid UTF-8 ("Ã©" → "é"), else left as they are. Shared with the mock server's reading of header
 * parameters, so both ends agree.
 */
export declare function fieldText(text: string): string;
/**
 * Whether a text is a number as JSON writes it (RFC 8259 §6): no "0x10", "0b1", "Infinity", " 7"
 * or "", which Number() would take. Shared with the mock server's reading of parameters.
 */
export declare function isJsonNumberText(text: string): boolean;
