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
export function headerReader(declared: readonly (readonly [name: string, kind: string])[], validate: ValidateFn<unknown>): HeaderReader {
  return (headers, check, errors) => {
    const header: Record<string, unknown> = {};
    for (const [name, kind] of declared) {
      const text = headers.get(name);
      if (text !== null) header[name] = readHeader(text, kind);
    }
    const checked = check ? validate(header) : undefined;
    if (checked && !checked.ok) errors.push(...checked.errors.map((e) => ({ ...e, path: `/header${e.path}` })));
    return header;
  };
}

function readHeader(text: string, kind: string): unknown {
  if (kind[0] === "a") return text.split(",").map((item) => scalar(item.trim(), kind.slice(1)));
  if (kind === "o" || kind === "e") {
    const parts = text.split(",").map((part) => part.trim());
    const object: Record<string, unknown> = {};
    if (kind === "e") for (const part of parts) object[decode(part.split("=")[0]!)] = decode(part.slice(part.indexOf("=") + 1));
    else for (let i = 0; i + 1 < parts.length; i += 2) object[decode(parts[i]!)] = decode(parts[i + 1]!);
    return object;
  }
  return scalar(text.trim(), kind);
}

/** A text as its kind: left as text when it is not one (the guard then says so). */
function scalar(text: string, kind: string | undefined): unknown {
  const value = decode(text);
  if (kind === "n") return value !== "" && Number.isFinite(Number(value)) ? Number(value) : value;
  if (kind === "b") return value === "true" ? true : value === "false" ? false : value;
  if (kind === "j") {
    try {
      return JSON.parse(value) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text; // a "%" that begins no escape: as sent
  }
}
