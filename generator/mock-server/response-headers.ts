/**
 * The declared headers of a mock answer (`responses.<status>.headers`): the headers' documented
 * examples when together they pass the guard of the response's headers object, else a value of
 * that object synthesized to pass it (the same for the same seed), each header written as style
 * simple, as the generated client reads it back (templates/runtime/response-headers.ts).
 */
import type { JsonValue } from "../ir/model";
import type { Checked } from "./mock-api";
import { synthesizeValid } from "./synthesize";

export interface MockHeaders {
  /** The guard of the response's `<Stem>Response<Status>Headers` object. */
  checked: Checked;
  /** Each header's documented example (`example`, else the first of `examples`), when it has one. */
  examples: Record<string, JsonValue>;
}

/** Headers the server itself writes (framing, connection): a document that declares one does not get to set it. */
const WRITTEN_BY_THE_SERVER = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "trailer", "te", "date", "content-encoding"]);

/** The header lines, by name; `key` seeds the synthesis ("listPets 200"). */
export function mockHeaders(headers: MockHeaders, model: Parameters<typeof synthesizeValid>[0], seed: number, key: string): Record<string, string> {
  let value: JsonValue | undefined = headers.examples;
  if (!headers.checked.validate(value).ok) {
    const made = synthesizeValid(model, headers.checked.type, headers.checked.validate, seed, `${key} headers`);
    value = made.errors ? undefined : made.value;
  }
  const lines: Record<string, string> = {};
  if (typeof value !== "object" || value === null || Array.isArray(value)) return lines;
  for (const [name, item] of Object.entries(value)) {
    if (item === undefined || WRITTEN_BY_THE_SERVER.has(name.toLowerCase())) continue;
    lines[name.toLowerCase()] = headerText(item);
  }
  return lines;
}

/**
 * Style simple: a list's items joined by ",", an object as `key,value,...`, anything else as its
 * text. Percent-encoded as params.ts serializeHeaderParam does (`%`, and what a header line cannot
 * carry), and so are spaces at either end, which HTTP would strip.
 */
function headerText(value: JsonValue): string {
  const text = (item: JsonValue): string => {
    const plain = typeof item === "object" && item !== null ? JSON.stringify(item) : String(item);
    return plain.replace(/[^\x20-\x7E]|%|,|^\s|\s$/gu, (char) => (/[\uD800-\uDFFF]/u.test(char) ? "%EF%BF%BD" : encodeURIComponent(char)));
  };
  if (Array.isArray(value)) return value.map(text).join(",");
  if (typeof value === "object" && value !== null) return Object.entries(value).flat().map((v) => text(v as JsonValue)).join(",");
  return text(value);
}
