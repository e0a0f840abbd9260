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
export function headerReader(declared: readonly (readonly [name: string, kind: HeaderKind])[], validate: ValidateFn<unknown>): HeaderReader {
  return (headers, check, errors) => {
    const header: Record<string, unknown> = {};
    for (const [name, kind] of declared) {
      const text = headers.get(name);
      // defineProperty: a "__proto__" header is a property like any other, not the object's prototype.
      if (text !== null) Object.defineProperty(header, name, { value: readHeader(fieldText(text), kind), enumerable: true, writable: true, configurable: true });
    }
    const checked = check ? validate(header) : undefined;
    if (checked && !checked.ok) errors.push(...checked.errors.map((e) => ({ ...e, path: `/header${e.path}` })));
    return header;
  };
}

function readHeader(text: string, kind: HeaderKind): unknown {
  if (typeof kind !== "string") return readObject(text, kind[0], new Map(kind[1]), kind[2]);
  if (kind === "o" || kind === "e") return readObject(text, kind, new Map(), undefined);
  if (kind[0] === "a") return ows(text) === "" ? [] : text.split(",").map((item) => scalar(ows(item), kind.slice(1)));
  return scalar(ows(text), kind);
}

/** `key,value,...` (`o`) or `key=value,...` (`e`), each value read by its property's kind. */
function readObject(text: string, kind: "o" | "e", properties: ReadonlyMap<string, string>, other: string | undefined): Record<string, unknown> {
  const parts = ows(text) === "" ? [] : text.split(",").map(ows);
  const pairs: [string, string][] = [];
  if (kind === "e") {
    for (const part of parts) {
      const eq = part.indexOf("=");
      pairs.push(eq < 0 ? [part, ""] : [part.slice(0, eq), part.slice(eq + 1)]);
    }
  } else for (let i = 0; i + 1 < parts.length; i += 2) pairs.push([parts[i]!, parts[i + 1]!]);
  const object: Record<string, unknown> = {};
  for (const [key, value] of pairs) {
    // defineProperty: a "__proto__" key is a property like any other, not the object's prototype.
    Object.defineProperty(object, key, { value: scalar(value, properties.get(key) ?? other), enumerable: true, writable: true, configurable: true });
  }
  return object;
}

/**
 * A field value without the spaces and tabs at either end (OWS, RFC 9110 §5.5), all HTTP drops: not
 * String.trim(), which drops U+00A0, U+3000, U+FEFF, U+2028 ... too, a value's own characters once
 * sent as UTF-8 bytes. Shared with the mock server (its header parameters, and which values it sends).
 */
export const ows = (text: string): string => text.replace(/^[ \t]+|[ \t]+$/g, "");

/**
 * A header's text from its bytes. Fetch gives a header value as a ByteString (one character a byte);
 * RFC 9110 §5.5 leaves bytes 0x80-0xFF (obs-text) opaque, and in practice they are UTF-8, which is
 * how the client sends a non-ASCII header value (params.ts headerText): read as UTF-8 when they are
 * valid UTF-8 ("Ã©" → "é"), else left as they are. Shared with the mock server's reading of header
 * parameters, so both ends agree.
 */
export function fieldText(text: string): string {
  if (!/[\x80-\xFF]/.test(text) || /[^\0-\xFF]/.test(text)) return text;
  try {
    return decodeURIComponent(text.replace(/[^]/g, (c) => `%${c.charCodeAt(0).toString(16).padStart(2, "0")}`));
  } catch {
    return text;
  }
}

/**
 * Whether a text is a number as JSON writes it (RFC 8259 §6): no "0x10", "0b1", "Infinity", " 7"
 * or "", which Number() would take. Shared with the mock server's reading of parameters.
 */
export function isJsonNumberText(text: string): boolean {
  return /^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$/.test(text);
}

/** A text as its kind: left as text when it is not one (the guard then says so). */
function scalar(text: string, kind: string | undefined): unknown {
  if (kind === "n") return isJsonNumberText(text) && Number.isFinite(Number(text)) ? Number(text) : text;
  if (kind === "b") return text === "true" ? true : text === "false" ? false : text;
  if (kind === "j") {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      return text;
    }
  }
  return text;
}
