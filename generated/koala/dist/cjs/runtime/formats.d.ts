/**
 * `format` checks for every format of JSON Schema 2020-12 and draft-07. The hot ones (date, time,
 * duration, uuid, ipv6, and the rare forms of hostname, uri and uri-template) are character-level
 * scans instead of a regular expression plus `Date.parse`; date-time, email and the common forms
 * of hostname, uri and uri-template are regular expressions of character-class loops with few
 * alternatives (a scan then reads what the expression leaves out). A scan
 * reads each character once, classes it with one table read (HEX_DIGITS, CHARS, URI_CLASSES), and
 * never reads past the end of the string. Measured in V8 11 (Node 20; scripts/bench-formats.ts), a charCodeAt loop
 * costs about 3x what a compiled regular expression's class loop costs per character, and a call
 * to RegExp.prototype.test costs about 10 ns before its first character: a scan wins on short and
 * fixed-length strings (uuid's straight-line reads beat a loop) and by the work it skips (captures,
 * splits, backtracking); a small unambiguous regular expression wins on long runs of one class.
 * So strings that are usually long get a regular expression first (the rare forms it leaves out
 * get a second look); ipv4 is ajv-formats' expression (a scan is slower on valid addresses, alone as inside a guard). Where ajv-formats is looser than the RFCs (offsets without minutes,
 * "urn:uuid:", quoted e-mail local parts, ports, Punycode labels), these follow the RFCs and the
 * JSON-Schema-Test-Suite instead. idn-hostname, idn-email, iri and iri-reference (which
 * ajv-formats leaves out) are written here by hand: the package stays dependency-free, and a
 * bundler drops every function a package's guards do not use.
 */
/** `format: "date"`: RFC 3339 full-date, "2024-02-29", with real days per month. */
export declare function isDate(s: string): boolean;
/** `format: "time"`. */
export declare function isTime(s: string): boolean;
/**
 * `format: "date-time"`: "2024-02-29T23:59:59.123Z"; "t" or a space (RFC 3339 section 5.6's note)
 * may stand for the "T". DATE_TIME_COMMON decides nearly every string in one call; the rest go to
 * a function of their own, so that this one stays small enough for V8 to inline into every guard
 * that checks a date-time (measured: 3% of the Koala batch's check).
 */
export declare function isDateTime(s: string): boolean;
/**
 * `format: "uuid"`: 8-4-4-4-12 hex digits, any case (RFC 4122's string form, no "urn:uuid:").
 * Straight-line code (the length is fixed): no loop counter, no branch per digit; V8 runs it about
 * 1.6x as fast as the peers' one regular expression.
 */
export declare function isUuid(s: string): boolean;
/**
 * `format: "email"` (RFC 5321 Mailbox): a dot-atom or quoted local part of at most 64 octets,
 * "@", then an address literal ("[127.0.0.1]", "[IPv6:::1]") or two or more dot-separated labels
 * of letters, digits and inner hyphens. EMAIL decides the common form in one pass (no indexOf
 * before it: about 15% of a Koala address's check); only a string that starts with a
 * quote or ends with "]" (the rare forms) is read again.
 */
export declare function isEmail(s: string): boolean;
/**
 * `format: "idn-email"` (RFC 6531): as `email`, with non-ASCII characters allowed in the local
 * part (64 octets at most, in UTF-8) and an internationalized host name (NFC-normalized first,
 * as a mail system would) or an address literal after the "@".
 */
export declare function isIdnEmail(s: string): boolean;
/**
 * `format: "duration"` (ISO 8601 as RFC 3339 appendix A restricts it): "P", then numbers with units
 * Y M D, "T", H M S, each unit followed only by the next one ("P1Y2D" lacks the month) and at least
 * one after the "T"; or weeks alone ("P2W").
 */
export declare function isDuration(s: string): boolean;
/** `format: "ipv4"`: dotted quad of 0-255, no leading zeros. */
export declare function isIpv4(s: string): boolean;
/**
 * `format: "ipv6"` (RFC 4291 section 2.2): eight groups of 1-4 hex digits separated by ":", one
 * "::" standing for one or more zero groups, and possibly an IPv4 address as the last two groups.
 * One loop over the characters: 5-7% faster alone and up to 10% inside a guard than counting each
 * digit and reading ahead at each ":", and written so that the Koala guards, which bundle it for
 * e-mail address literals, are no larger (min+gzip 3,073 -> 3,072 B when written).
 */
export declare function isIpv6(s: string): boolean;
/** `format: "json-pointer"`. */
export declare function isJsonPointer(s: string): boolean;
/** `format: "relative-json-pointer"`. */
export declare function isRelativeJsonPointer(s: string): boolean;
/** `format: "regex"`: compiles as an ECMA-262 regular expression with the `u` flag (as `pattern` is), so "\a" is refused. */
export declare function isRegex(s: string): boolean;
/** `format: "uri"`: an absolute URI (a scheme, then ASCII only). */
export declare function isUri(s: string): boolean;
/** `format: "uri-reference"`: a URI or a relative reference ("/a/b", "../c", "#x", ""). */
export declare function isUriReference(s: string): boolean;
/** `format: "iri"` (RFC 3987): an absolute URI that may also hold non-ASCII characters. */
export declare function isIri(s: string): boolean;
/** `format: "iri-reference"`: an IRI or a relative reference to one. */
export declare function isIriReference(s: string): boolean;
/**
 * `format: "uri-template"` (RFC 6570): literals (with "%XX" and non-ASCII characters) and
 * expressions: "{" [operator] varspec *( "," varspec ) "}", where a varspec is a varname (letters,
 * digits, "_", "%XX", inner single dots) with an optional ":1".."9999" prefix or "*" explode.
 * The apostrophe is a valid literal, as the JSON-Schema-Test-Suite reads the RFC.
 */
export declare function isUriTemplate(s: string): boolean;
/** The code points Punycode text (what follows "xn--") stands for, or undefined if it is not Punycode (RFC 3492 section 6.2). */
export declare function punycodeDecode(text: string): number[] | undefined;
/** Punycode for `points` (RFC 3492 section 6.3), lowercase, without the "xn--" prefix. */
export declare function punycodeEncode(points: readonly number[]): string;
/**
 * `format: "hostname"` (RFC 1123, RFC 5890): dot-separated LDH labels of 1-63 characters, 253 at
 * most in all, no trailing dot; a Punycode label ("xn--...") must decode to a valid IDNA2008
 * U-label, and a name with right-to-left labels must keep the bidi rule (RFC 5893).
 */
export declare function isHostname(s: string): boolean;
/**
 * `format: "idn-hostname"` (RFC 5890-5893): labels separated by "." or its ideographic and
 * full-width forms; each an LDH label, an A-label, or a U-label whose code points IDNA2008 allows
 * where they stand (RFC 5892, contextual rules included), 63 octets at most as an A-label and 253
 * in all; a name with right-to-left labels keeps the bidi rule (RFC 5893).
 */
export declare function isIdnHostname(s: string): boolean;
