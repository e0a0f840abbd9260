/**
 * Parameter serialization for generated OpenAPI clients: path, query, header and cookie values by
 * their `style` and `explode`, as OpenAPI 3.1.1 §4.8.12.4 describes them (RFC 6570 expansions).
 * Small independent functions, so a client that has no cookie parameter ships no cookie code.
 *
 * Choices where the specification leaves room (3.1.1 corrected the 3.1.0 table; we follow 3.1.1):
 * - `undefined` and `null` values, empty arrays and empty objects are "undefined" in RFC 6570: a
 *   query or cookie parameter is left out, a path segment is empty;
 * - percent-encoding (RFC 3986): everything but unreserved characters, UTF-8 for the rest; so the
 *   pipe of pipeDelimited is `%7C`, the space of spaceDelimited `%20`, deepObject's brackets `%5B`/`%5D`;
 * - `allowReserved` (query only) lets reserved characters and existing %XX triplets through, except
 *   those that would break the query itself: `#`, `[`, `]`, `&`, `=`, `+`;
 * - headers are passed through unchanged (see headerText), never percent-encoded; cookie values are
 *   percent-encoded like query values; exploded cookies are joined with "; ".
 */
export type ParamPrimitive = string | number | boolean;
export type ParamValue = ParamPrimitive | readonly ParamPrimitive[] | {
    readonly [key: string]: ParamPrimitive | null | undefined;
} | null | undefined;
export type PathStyle = "simple" | "label" | "matrix";
export type QueryStyle = "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";
/** RFC 3986 percent-encoding of `text` (UTF-8). */
export declare function encodeParamText(text: string, allowReserved?: boolean): string;
/**
 * A parameter's value when its name is one of Object.prototype's (`constructor`, `toString`,
 * `__proto__`...): the caller's own property, or undefined. `request.query?.constructor` would read
 * the Object function of a query object that leaves it out.
 */
export declare function ownParam<T extends object, K extends keyof T & string>(holder: T | undefined, name: K): T[K] | undefined;
/** A parameter given by `content` (a media type, not a style): its value as JSON text; undefined stays undefined. */
export declare function jsonParam(value: unknown): string | undefined;
/**
 * The text that replaces a `{name}` of style simple (the default) in a path template: a function
 * of its own, so that a path of simple parameters, nearly every path, bundles no label or matrix code.
 */
export declare function serializeSimplePathParam(value: unknown, explode?: boolean): string;
/** The text that replaces `{name}` in a path template, for any style. */
export declare function serializePathParam(name: string, value: unknown, style?: PathStyle, explode?: boolean): string;
/** `name=value` pairs joined with "&" (no leading "?"); "" when the value is undefined. */
export declare function serializeQueryParam(name: string, value: unknown, style?: QueryStyle, explode?: boolean, allowReserved?: boolean): string;
/** The header's value (style simple); undefined when the value is undefined, so the header is not sent. */
export declare function serializeHeaderParam(value: unknown, explode?: boolean): string | undefined;
/**
 * The header's value when its schema says it is a string, number or boolean: what
 * serializeHeaderParam writes for one, without its list and object code (an idempotency key, a trace id).
 */
export declare function serializePrimitiveHeader(value: unknown): string | undefined;
/** `name=value` for the Cookie header (style form), exploded pairs joined with "; "; undefined when the value is undefined. */
export declare function serializeCookieParam(name: string, value: unknown, explode?: boolean): string | undefined;
/** The path template with each `{name}` replaced by its serialized text; a name without a value is a programming error. */
export declare function fillPath(template: string, serialized: Readonly<Record<string, string>>): string;
/** `url` with the non-empty query parts appended ("?a=1&b=2"). */
export declare function appendQuery(url: string, parts: readonly string[]): string;
