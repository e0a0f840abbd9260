/**
 * What the mock server answers to a valid request: the documented response for the status (the
 * first 2xx by default, or the one a `Prefer: code=404` header asks for), its documented example
 * (the one `Prefer: example=<name>` names, else the first that passes the response's generated
 * guard: real documents' examples are often stale), or else a value synthesized from its schema that
 * passes that guard (synthesize.ts), the same for the same seed; with the response's declared
 * headers (response-headers.ts).
 */
import type { JsonValue } from "../ir/model";
import type { MockApi, MockContent, MockOperation, MockResponse } from "./mock-api";
import { mockHeaders } from "./response-headers";
import { synthesizeValid } from "./synthesize";

export interface Answer {
  status: number;
  headers: Record<string, string>;
  /** The bytes to send; undefined: no body. */
  body?: string;
}

export interface AnswerOptions {
  seed: number;
  /** Answer documented examples (default); false: always a synthesized value. */
  examples: boolean;
}

/** `Prefer: code=404, example=suspended, dynamic=true` (the header Prism reads too). */
export interface Preferences {
  code?: string;
  example?: string;
  dynamic?: boolean;
}

export function parsePrefer(header: string | undefined): Preferences {
  const preferences: Preferences = {};
  for (const part of (header ?? "").split(/[,;]/)) {
    const [key, value] = part.split("=").map((s) => s?.trim().replace(/^"|"$/g, ""));
    if (key === "code" && value) preferences.code = value;
    else if (key === "example" && value) preferences.example = value;
    else if (key === "dynamic") preferences.dynamic = value !== "false";
  }
  return preferences;
}

/**
 * The documented response for `status` ("404"; the "4XX" range or "default" when no exact one), or
 * the success one, else the first final one: a 1xx is interim, never the answer to a request
 * (http-status-codes' `100 Continue` alone, @readme/oas-examples, was sent as the final status and
 * the client saw a network error); an operation that documents only those answers as one that
 * documents none.
 */
export function findResponse(operation: MockOperation, status?: string): MockResponse | undefined {
  const { responses } = operation;
  if (status !== undefined) return responses.find((r) => r.status === status) ?? responses.find((r) => r.status === `${status[0]}XX`) ?? responses.find((r) => r.status === "default");
  return responses.find((r) => /^2/.test(r.status)) ?? responses.find((r) => r.status === "default") ?? responses.find((r) => !/^1/.test(r.status));
}

/** The status code of a documented response: "2XX" → 200, "default" → 200 (or `fallback`). */
export function statusCode(status: string, fallback = 200): number {
  if (/^\d{3}$/.test(status)) return Number(status);
  if (/^[1-5]XX$/.test(status)) return Number(status[0]) * 100;
  return fallback;
}

/** The media type answered: JSON first (`application/json`, `+json`), else the first documented. */
export function pickContent(response: MockResponse): MockContent | undefined {
  return response.contents.find((c) => /^application\/json\b/i.test(c.mediaType)) ?? response.contents.find((c) => /[/+]json\b/i.test(c.mediaType)) ?? response.contents[0];
}

export function isJsonMedia(mediaType: string): boolean {
  return /^application\/json\b|[/+]json\b|^\*\/\*$/i.test(mediaType);
}

/** The answer of a documented response; `status` is what is sent ("default" and ranges have none of their own). */
export function answerFor(api: MockApi, operation: MockOperation, response: MockResponse, status: number, preferences: Preferences, options: AnswerOptions): Answer {
  const content = pickContent(response);
  const declared = response.headers ? mockHeaders(response.headers, api.model, options.seed, `${operation.name} ${response.status}`) : {};
  if (!content) return { status, headers: declared };
  const headers: Record<string, string> = { ...declared, "content-type": sentMediaType(content.mediaType) };
  const passes = (value: JsonValue) => content.checked === undefined || !isJsonMedia(content.mediaType) || content.checked.validate(value).ok;
  const documented = options.examples && !preferences.dynamic ? ((preferences.example !== undefined ? content.examples.find((e) => e.name === preferences.example) : undefined) ?? content.examples.find((e) => passes(e.value))) : undefined;
  let value: JsonValue;
  if (documented) value = documented.value;
  else if (content.checked) {
    const made = synthesizeValid(api.model, content.checked.type, content.checked.validate, options.seed, `${operation.name} ${response.status} ${content.mediaType}`);
    if (made.errors) {
      return jsonAnswer(500, { error: "Mock server error", message: `no value of ${content.checked.type} passed its guard`, errors: made.errors.slice(0, 5) });
    }
    value = made.value;
  } else value = isJsonMedia(content.mediaType) ? {} : "";
  const body = typeof value === "string" && !isJsonMedia(content.mediaType) ? value : JSON.stringify(value);
  return { status, headers: { ...headers, "x-mock-value": documented ? "example" : content.checked ? "synthesized" : "empty" }, body };
}

/**
 * The Content-Type sent for a documented media type, which may be a range no response can carry:
 * "application/json" where the body is JSON (any type at all, or `application/*+json`: isJsonMedia), else
 * "text/plain" for `text/*` and "application/octet-stream" for another range, whose body is the text
 * as it is (jellyfin.local's `image/*` image went out as application/json with a plain-text body,
 * and the client refused it: "is not JSON").
 */
function sentMediaType(mediaType: string): string {
  if (!mediaType.includes("*")) return mediaType;
  if (isJsonMedia(mediaType)) return "application/json";
  return /^text\//i.test(mediaType) ? "text/plain" : "application/octet-stream";
}

export function jsonAnswer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  return { status, headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) };
}

/**
 * A fault's or an error's answer: the operation's documented example for that status when it has
 * one (Koala's 429 body), else `fallback`.
 */
export function documentedOr(operation: MockOperation | undefined, status: number, fallback: unknown, headers: Record<string, string> = {}): Answer {
  const response = operation?.responses.find((r) => r.status === String(status));
  const content = response && pickContent(response);
  const example = content?.examples[0];
  if (content && example && isJsonMedia(content.mediaType)) return jsonAnswer(status, example.value, headers);
  return jsonAnswer(status, fallback, headers);
}
