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
export type ParamValue = ParamPrimitive | readonly ParamPrimitive[] | { readonly [key: string]: ParamPrimitive | null | undefined } | null | undefined;

export type PathStyle = "simple" | "label" | "matrix";
export type QueryStyle = "form" | "spaceDelimited" | "pipeDelimited" | "deepObject";

const UNRESERVED = /[A-Za-z0-9\-._~]/;
/** Reserved characters that `allowReserved` lets through in a query (see above for the ones it does not). */
const PASSED_RESERVED = /[:/?@!$'()*,;]/;

/** RFC 3986 percent-encoding of `text` (UTF-8). */
export function encodeParamText(text: string, allowReserved: boolean = false): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (UNRESERVED.test(char)) out += char;
    else if (allowReserved && (PASSED_RESERVED.test(char) || (char === "%" && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))))) out += char;
    else {
      const code = text.codePointAt(i)!;
      const whole = String.fromCodePoint(code);
      if (whole.length === 2) i++;
      // A lone surrogate is not UTF-8: encode U+FFFD rather than throw.
      const bytes = whole.length === 1 && /[\uD800-\uDFFF]/.test(whole) ? "\uFFFD" : whole;
      out += encodeURIComponent(bytes).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
    }
  }
  return out;
}

type Shape = { kind: "undefined" } | { kind: "primitive"; value: string } | { kind: "array"; items: string[] } | { kind: "object"; entries: [string, string][] };

/**
 * The RFC 6570 view of a value: undefined, a string, a list or an associative array (its undefined
 * members dropped). The serializers take any value, since the schema of a parameter may allow more
 * than RFC 6570 can express: a nested array or object inside a list or map is written as its JSON text.
 */
function shapeOf(value: unknown): Shape {
  if (value === undefined || value === null) return { kind: "undefined" };
  if (Array.isArray(value)) return value.length === 0 ? { kind: "undefined" } : { kind: "array", items: value.map(itemText) };
  if (typeof value === "object") {
    const entries = Object.entries(value)
      .filter((entry) => entry[1] !== undefined && entry[1] !== null)
      .map(([key, item]): [string, string] => [key, itemText(item)]);
    return entries.length === 0 ? { kind: "undefined" } : { kind: "object", entries };
  }
  return { kind: "primitive", value: String(value) };
}

function itemText(item: unknown): string {
  return typeof item === "object" && item !== null ? JSON.stringify(item) : String(item);
}

/**
 * A parameter's value when its name is one of Object.prototype's (`constructor`, `toString`,
 * `__proto__`...): the caller's own property, or undefined. `request.query?.constructor` would read
 * the Object function of a query object that leaves it out.
 */
export function ownParam<T extends object, K extends keyof T & string>(holder: T | undefined, name: K): T[K] | undefined {
  return holder !== undefined && Object.prototype.hasOwnProperty.call(holder, name) ? holder[name] : undefined;
}

/** A parameter given by `content` (a media type, not a style): its value as JSON text; undefined stays undefined. */
export function jsonParam(value: unknown): string | undefined {
  return value === undefined ? undefined : JSON.stringify(value);
}

/**
 * Style simple, a path segment's or a header's: a list's items, or an object's keys and values
 * (`key=value` pairs when exploded), joined by ","; undefined for an undefined value. `enc` is the
 * encoding of the place (percent-encoding in a path, only what a header cannot carry in a header).
 */
function simple(value: unknown, explode: boolean, enc: (text: string) => string): string | undefined {
  const shape = shapeOf(value);
  if (shape.kind === "undefined") return undefined;
  if (shape.kind === "primitive") return enc(shape.value);
  if (shape.kind === "array") return shape.items.map(enc).join(",");
  return explode ? shape.entries.map(([key, text]) => `${enc(key)}=${enc(text)}`).join(",") : shape.entries.flat().map(enc).join(",");
}

const pathText = (text: string): string => encodeParamText(text);

/**
 * The text that replaces a `{name}` of style simple (the default) in a path template: a function
 * of its own, so that a path of simple parameters, nearly every path, bundles no label or matrix code.
 */
export function serializeSimplePathParam(value: unknown, explode: boolean = false): string {
  return simple(value, explode, pathText) ?? "";
}

/** The text that replaces `{name}` in a path template, for any style. */
export function serializePathParam(name: string, value: unknown, style: PathStyle = "simple", explode: boolean = false): string {
  if (style === "simple") return serializeSimplePathParam(value, explode);
  const shape = shapeOf(value);
  const enc = pathText;
  if (shape.kind === "undefined") return "";
  if (style === "matrix") {
    const pair = (key: string, text: string) => (text === "" ? `;${enc(key)}` : `;${enc(key)}=${enc(text)}`);
    if (shape.kind === "primitive") return pair(name, shape.value);
    if (shape.kind === "array") return explode ? shape.items.map((item) => pair(name, item)).join("") : `;${enc(name)}=${shape.items.map(enc).join(",")}`;
    return explode ? shape.entries.map(([key, text]) => pair(key, text)).join("") : `;${enc(name)}=${shape.entries.flat().map(enc).join(",")}`;
  }
  // label: "." before the value, and between the items or pairs when exploded.
  const separator = explode ? "." : ",";
  if (shape.kind === "primitive") return `.${enc(shape.value)}`;
  if (shape.kind === "array") return `.${shape.items.map(enc).join(separator)}`;
  return `.${explode ? shape.entries.map(([key, text]) => `${enc(key)}=${enc(text)}`).join(separator) : shape.entries.flat().map(enc).join(",")}`;
}

/** `name=value` pairs joined with "&" (no leading "?"); "" when the value is undefined. */
export function serializeQueryParam(name: string, value: unknown, style: QueryStyle = "form", explode: boolean = style === "form", allowReserved: boolean = false): string {
  const shape = shapeOf(value);
  const enc = (text: string) => encodeParamText(text, allowReserved);
  const key = encodeParamText(name);
  if (shape.kind === "undefined") return "";
  if (shape.kind === "primitive") return `${key}=${enc(shape.value)}`;
  if (style === "deepObject" && shape.kind === "object") return shape.entries.map(([prop, text]) => `${key}%5B${encodeParamText(prop)}%5D=${enc(text)}`).join("&");
  const separator = style === "spaceDelimited" ? "%20" : style === "pipeDelimited" ? "%7C" : ",";
  if (shape.kind === "array") return explode ? shape.items.map((item) => `${key}=${enc(item)}`).join("&") : `${key}=${shape.items.map(enc).join(separator)}`;
  return explode ? shape.entries.map(([prop, text]) => `${encodeParamText(prop)}=${enc(text)}`).join("&") : `${key}=${shape.entries.flat().map(enc).join(separator)}`;
}

/** The header's value (style simple); undefined when the value is undefined, so the header is not sent. */
export function serializeHeaderParam(value: unknown, explode: boolean = false): string | undefined {
  return simple(value, explode, headerText);
}

/**
 * The header's value when its schema says it is a string, number or boolean: what
 * serializeHeaderParam writes for one, without its list and object code (an idempotency key, a trace id).
 */
export function serializePrimitiveHeader(value: unknown): string | undefined {
  return value === undefined || value === null ? undefined : headerText(String(value));
}

/**
 * A header value's text, as sent. OpenAPI 3.1.2 (§4.8.12, Parameter Object): for `in: header`,
 * "URI percent-encoding MUST NOT be applied" and values are passed through unchanged; so `100%`,
 * `a, b` and spaces go as they are, and a server (the mock included, mock-server/parameters.ts) reads
 * the text as it comes, as the client reads response headers (response-headers.ts). RFC 9110 §5.5: a
 * field value is visible ASCII, spaces and tabs, and opaque bytes 0x80-0xFF (obs-text); a non-ASCII
 * character goes as its UTF-8 bytes, one byte a character of the ByteString fetch sends (a lone
 * surrogate, no UTF-8, as U+FFFD's), which fieldText (response-headers.ts) reads back. Left to the
 * specification's ambiguity: a list item holding "," and an exploded key holding "=" (style simple
 * has no escape for them in a header; OpenAPI's Appendix D points to `content` there), and spaces at
 * either end of the value (HTTP drops them). A control character (CR, LF, NUL, ...) cannot be in a
 * field value and would break the header line: a TypeError, before anything is sent.
 */
const headerText = (text: string): string => {
  if (/[\0-\x08\n-\x1F\x7F]/.test(text)) throw new TypeError(`header value with a control character: ${JSON.stringify(text)}`);
  // UTF-8 bytes without TextEncoder (no DOM lib): unescape turns encodeURIComponent's %XX triplets back into one character each.
  return /[^\0-\x7F]/.test(text) ? unescape(encodeURIComponent(text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"))) : text;
};

/** `name=value` for the Cookie header (style form), exploded pairs joined with "; "; undefined when the value is undefined. */
export function serializeCookieParam(name: string, value: unknown, explode: boolean = true): string | undefined {
  const query = serializeQueryParam(name, value, "form", explode);
  return query === "" ? undefined : query.split("&").join("; ");
}

/** The path template with each `{name}` replaced by its serialized text; a name without a value is a programming error. */
export function fillPath(template: string, serialized: Readonly<Record<string, string>>): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) => {
    const text = serialized[name];
    if (text === undefined) throw new TypeError(`path parameter "${name}" has no value`);
    return text;
  });
}

/** `url` with the non-empty query parts appended ("?a=1&b=2"). */
export function appendQuery(url: string, parts: readonly string[]): string {
  const query = parts.filter((part) => part !== "").join("&");
  if (query === "") return url;
  return `${url}${url.includes("?") ? "&" : "?"}${query}`;
}
