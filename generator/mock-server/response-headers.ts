/**
 * The declared headers of a mock answer (`responses.<status>.headers`): the headers' documented
 * examples when together they pass the guard of the response's headers object, else a value of
 * that object synthesized to pass it (the same for the same seed), each header written as style
 * simple, as the generated client reads it back (templates/runtime/response-headers.ts).
 */
import type { JsonValue } from "../ir/model";
import type { Checked } from "./mock-api";
import { synthesizeValid } from "./synthesize";
import { ows } from "../../templates/runtime/response-headers";
import { hasOwn } from "../../templates/runtime/checks";
import { setOwn } from "../own-property";

export interface MockHeaders {
  /** The guard of the response's `<Stem>Response<Status>Headers` object. */
  checked: Checked;
  /** Each header's documented example (`example`, else the first of `examples`), when it has one. */
  examples: Record<string, JsonValue>;
  /** How each header is written, when not style simple without explode: "explode" (`key=value,...`) or "json" (given by `content`). */
  forms: Record<string, "explode" | "json">;
}

/** Headers the server itself writes (framing, connection): a document that declares one does not get to set it. */
const WRITTEN_BY_THE_SERVER = new Set(["content-length", "transfer-encoding", "connection", "keep-alive", "upgrade", "trailer", "te", "date", "content-encoding"]);

/**
 * The header lines, by name; `key` seeds the synthesis ("listPets 200"). A value whose text the
 * client cannot read back as it is (see headerText) is not sent: such an example gives way to the
 * synthesized value of that header, and a synthesized header that has no such text is left out.
 */
export function mockHeaders(headers: MockHeaders, model: Parameters<typeof synthesizeValid>[0], seed: number, key: string): Record<string, string> {
  const texts = (value: JsonValue | undefined): Record<string, string | undefined> => {
    const lines: Record<string, string | undefined> = {};
    if (typeof value !== "object" || value === null || Array.isArray(value)) return lines;
    for (const [name, item] of Object.entries(value)) {
      if (item === undefined || WRITTEN_BY_THE_SERVER.has(name.toLowerCase())) continue;
      const text = headerText(item, hasOwn(headers.forms, name) ? headers.forms[name] : undefined);
      // Beyond ASCII, the UTF-8 bytes (one character a byte, as Node writes a header), which the client reads back as UTF-8 (fieldText).
      setOwn(lines, name.toLowerCase(), text === undefined ? undefined : Buffer.from(text, "utf8").toString("latin1"));
    }
    return lines;
  };
  const examples = headers.checked.validate(headers.examples).ok ? texts(headers.examples) : undefined;
  let lines = examples ?? {};
  if (examples === undefined || Object.values(examples).includes(undefined)) {
    const made = synthesizeValid(model, headers.checked.type, headers.checked.validate, seed, `${key} headers`);
    const synthesized = texts(made.errors ? undefined : made.value);
    lines = examples === undefined ? synthesized : Object.fromEntries(Object.entries(examples).map(([name, text]) => [name, text ?? (hasOwn(synthesized, name) ? synthesized[name] : undefined)]));
  }
  return Object.fromEntries(Object.entries(lines).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

/**
 * Style simple, as sent: a list's items joined by ",", an object as `key,value,...` (explode:
 * `key=value,...`), JSON for a header given by `content`, anything else as its text. Nothing is
 * percent-encoded: servers do not encode header values (OpenAPI 3.1.2 Appendix D) and the client
 * reads the text as it comes (non-ASCII as UTF-8 bytes). Undefined when the text would not read back
 * as the value: a control character or a lone surrogate (a header line cannot carry them), spaces
 * or tabs at either end (OWS: HTTP strips them), a "," inside an item or an "=" in an exploded key.
 */
function headerText(value: JsonValue, form: "explode" | "json" | undefined): string | undefined {
  const plain = (item: JsonValue): string => (typeof item === "object" && item !== null ? JSON.stringify(item) : String(item));
  const sendable = (text: string) => !/[\0-\x08\n-\x1F\x7F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text) && ows(text) === text;
  const pieces = (parts: string[], separator: string): string | undefined => (parts.every((p) => sendable(p) && !p.includes(",")) ? parts.join(separator) : undefined);
  if (form === "json") return sendable(JSON.stringify(value)) ? JSON.stringify(value) : undefined;
  if (Array.isArray(value)) return pieces(value.map(plain), ",");
  if (typeof value === "object" && value !== null) {
    const entries = Object.entries(value).map(([k, v]) => [k, plain(v as JsonValue)] as const);
    if (form === "explode") return entries.every(([k]) => !k.includes("=")) ? pieces(entries.map(([k, v]) => `${k}=${v}`), ",") : undefined;
    return pieces(entries.flat(), ",");
  }
  return sendable(plain(value)) ? plain(value) : undefined;
}
