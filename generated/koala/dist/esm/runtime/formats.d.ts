/**
 * `format` checks, written to agree exactly with ajv-formats ("full" mode) on every string.
 * The hot ones (uuid, email, date, time, date-time) are character-level scans instead of a big
 * regular expression plus `Date.parse`: that is where a guard's speed comes from. The rest reuse
 * ajv-formats' expressions, so behaviour matches it by construction.
 */
/** `format: "date"`. */
export declare function isDate(s: string): boolean;
/** `format: "time"`. */
export declare function isTime(s: string): boolean;
/** `format: "date-time"`: "2024-02-29T23:59:59.123Z". */
export declare function isDateTime(s: string): boolean;
/** `format: "uuid"`: 8-4-4-4-12 hex digits, any case, optionally after "urn:uuid:". */
export declare function isUuid(s: string): boolean;
/**
 * `format: "email"`: dot-separated atext runs, "@", then two or more dot-separated labels of
 * letters, digits and inner hyphens (ajv-formats' full email expression, scanned by hand).
 */
export declare function isEmail(s: string): boolean;
/** `format: "duration"` (ISO 8601, RFC 3339 appendix A). */
export declare function isDuration(s: string): boolean;
/** `format: "hostname"`. */
export declare function isHostname(s: string): boolean;
/** `format: "ipv4"`: dotted quad, no leading zeros. */
export declare function isIpv4(s: string): boolean;
/** `format: "ipv6"`. */
export declare function isIpv6(s: string): boolean;
/** `format: "uri"`: absolute URI. */
export declare function isUri(s: string): boolean;
/** `format: "uri-reference"`. */
export declare function isUriReference(s: string): boolean;
/** `format: "json-pointer"`. */
export declare function isJsonPointer(s: string): boolean;
/** `format: "regex"`: compiles as an ECMAScript regular expression. */
export declare function isRegex(s: string): boolean;
/** `format: "relative-json-pointer"`. */
export declare function isRelativeJsonPointer(s: string): boolean;
/** `format: "uri-template"` (RFC 6570). */
export declare function isUriTemplate(s: string): boolean;
