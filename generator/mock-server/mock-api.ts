/**
 * What the mock server serves, read from the user's input: an OpenAPI 3.0/3.1 document (every
 * operation), or JSON Schemas each posted to an endpoint (the config's `schemas[].endpoint`). Each
 * operation carries the guards this tool generates for that input, in memory (`generate()` then
 * run-generated.ts), found by the schema each guard was made from: the server and a generated
 * client can never disagree about what is valid.
 */
import { CodegenError } from "../errors";
import { generate } from "../pipeline/generate";
import type { LoadOptions } from "../load/load-schema";
import { loadSchema, type LoadedSchema } from "../load/load-schema";
import { followPointer, stripFragment, type SchemaLocation } from "../load/registry";
import { sourceNameOf } from "../load/source-names";
import { escapePointerToken, isJsonObject, type JsonObject } from "../load/keywords";
import type { IrMediaContent, IrOperation, IrSecurityScheme, IrServer, ParameterLocation } from "../load/openapi/operation-model";
import { PARAMETER_LOCATIONS } from "../load/openapi/operation-model";
import { placeOfPointer } from "../load/openapi/schema-sites";
import { findType, type IrModel, type IrSchema, type JsonValue } from "../ir/model";
import { loadGenerated } from "../run-generated";
import type { MockHeaders } from "./response-headers";
import { splitPathKey } from "../load/openapi/path-query";
import { setOwn } from "../own-property";

export interface GuardIssue {
  path: string;
  message: string;
  [key: string]: unknown;
}

/** A generated `validateX`. */
export type GuardFn = (value: unknown) => { ok: true } | { ok: false; errors: GuardIssue[] };

/** A JSON Schema posted to a path (the config's `schemas[]` entry with an `endpoint`). */
export interface MockEndpoint {
  /** A path template; `{name}` matches one path segment ("/web/projects/{publicKey}/batch"). */
  path: string;
  /** Default POST. */
  method?: string;
  /** The request body's JSON Schema (file or object), checked with its generated guard. */
  schema?: string | object;
  /** A validator instead of the generated guard (an oracle in tests); `false` accepts any JSON. */
  validate?: GuardFn | false;
  /** The answer to a valid request (default 200 `{}`): a JSON Schema says nothing about the response. */
  response?: { status: number; body?: unknown };
}

/** A typed schema and the guard generated for it. */
export interface Checked {
  /** The named type (in `model`). */
  type: string;
  validate: GuardFn;
}

export interface MockContent {
  mediaType: string;
  checked?: Checked;
  /** Documented examples, in order: the media type's `example`/`examples` (named), then the schema's. */
  examples: { name?: string; value: JsonValue }[];
  /** A request body's Encoding Objects by property, as written (a form body's styles: parseFormBody). */
  encoding?: IrMediaContent["encoding"];
}

export interface MockResponse {
  /** "200", "4XX" or "default". */
  status: string;
  contents: MockContent[];
  /** Its declared headers (response-headers.ts), when it declares any. */
  headers?: MockHeaders;
}

export interface MockOperation {
  name: string;
  method: string;
  path: string;
  /** Each `{name}` a capture group, in order. */
  pattern: RegExp;
  /** The IR operation (parameters with style/explode); absent for a JSON Schema endpoint. */
  operation?: IrOperation;
  /** One guard per parameter location: the `<Stem>Params<Location>` type. */
  parameters: Partial<Record<ParameterLocation, Checked>>;
  /** Each parameter's schema ("name\0location"), for reading its text back into a value. */
  parameterSchemas: Map<string, IrSchema>;
  body?: { required: boolean; contents: MockContent[] };
  responses: MockResponse[];
  /** The body property that dedupes array items (`x-idempotency-key`). */
  idempotencyKey?: string;
  /** A validator given instead of the generated guard (JSON Schema endpoints), or false. */
  override?: GuardFn | false;
  /** A JSON Schema endpoint's fixed answer. */
  answer?: { status: number; body?: unknown };
}

export interface MockApi {
  operations: MockOperation[];
  /** The model the guards were generated from: synthesis reads its types. */
  model: IrModel;
  /** Every type's guard, by name. */
  guards: ReadonlyMap<string, GuardFn>;
  /** `components.securitySchemes`: what a request must carry for an operation with `security`. */
  securitySchemes: IrSecurityScheme[];
}

export interface ReadMockApiOptions extends LoadOptions {
  /** An OpenAPI document or a JSON Schema (file or object). With a JSON Schema, `endpoint` is required. */
  schema?: string | object;
  /** `"POST /path"` or `"/path"` (POST) for a JSON Schema. */
  endpoint?: string;
  /** JSON Schemas with their endpoints (instead of `schema`). */
  endpoints?: readonly MockEndpoint[];
  /** The property that dedupes array items of a JSON Schema endpoint's body. */
  idempotencyKey?: string;
}

/** Reads the input and generates its guards; throws a CodegenError (one line) for a bad document. */
export async function readMockApi(options: ReadMockApiOptions): Promise<MockApi> {
  if (options.schema !== undefined && options.endpoints !== undefined) throw new CodegenError("usage", "give `schema` or `endpoints`, not both");
  if (options.schema !== undefined) {
    const loaded = await loadSchema(options.schema, options);
    if (loaded.openapi) return fromOpenApi(loaded, options);
    if (options.endpoint === undefined) throw new CodegenError("usage", "a JSON Schema needs an endpoint to serve (--endpoint \"POST /path\"); an OpenAPI document has its own paths", { file: typeof options.schema === "string" ? options.schema : undefined });
    const [method, path] = splitEndpoint(options.endpoint);
    return fromEndpoints([{ path, method, schema: options.schema }], options);
  }
  if (options.endpoints === undefined || options.endpoints.length === 0) throw new CodegenError("usage", "no schema: give `schema` (an OpenAPI document, or a JSON Schema with `endpoint`) or `endpoints`");
  return fromEndpoints(options.endpoints, options);
}

/** "POST /a/{b}" → ["POST", "/a/{b}"]; "/a" → ["POST", "/a"]. */
function splitEndpoint(endpoint: string): [string, string] {
  const match = /^\s*(?:([A-Za-z]+)\s+)?(\/\S*)\s*$/.exec(endpoint);
  if (!match) throw new CodegenError("usage", `endpoint "${endpoint}": expected "/path" or "METHOD /path"`);
  return [(match[1] ?? "POST").toUpperCase(), match[2]!];
}

async function generateGuards(options: ReadMockApiOptions, schemas: readonly (string | object)[]): Promise<{ model: IrModel; guards: Map<string, GuardFn> }> {
  const { files, model } = await generate({ ...loadOptions(options), schemas: schemas.map((schema) => ({ schema })), emit: ["guards"], build: false, format: false });
  const exports = loadGenerated(files, "src/guards.ts");
  const guards = new Map<string, GuardFn>();
  for (const type of model.types) {
    const validate = exports[`validate${type.name}`];
    if (typeof validate === "function") guards.set(type.name, validate as GuardFn);
  }
  return { model, guards };
}

function loadOptions(options: ReadMockApiOptions): LoadOptions {
  return { cwd: options.cwd, resolve: options.resolve, allowNetwork: options.allowNetwork, defaultDialect: options.defaultDialect };
}

async function fromEndpoints(endpoints: readonly MockEndpoint[], options: ReadMockApiOptions): Promise<MockApi> {
  const withSchema = endpoints.filter((e) => e.validate === undefined || e.schema !== undefined);
  for (const e of withSchema) if (e.schema === undefined) throw new CodegenError("usage", `endpoint ${e.path}: give its schema (or validate: false)`);
  const { model, guards } = withSchema.length > 0 ? await generateGuards(options, withSchema.map((e) => e.schema!)) : { model: emptyModel(), guards: new Map<string, GuardFn>() };
  const operations = endpoints.map((endpoint, i): MockOperation => {
    const root = withSchema.includes(endpoint) ? model.roots![withSchema.indexOf(endpoint)]!.type : undefined;
    const checked = root !== undefined && guards.has(root) ? { type: root, validate: guards.get(root)! } : undefined;
    return {
      name: `endpoint${i + 1}`,
      method: (endpoint.method ?? "POST").toUpperCase(),
      path: endpoint.path,
      pattern: pathPattern(endpoint.path),
      parameters: {},
      parameterSchemas: new Map(),
      body: { required: true, contents: [{ mediaType: "application/json", checked, examples: [] }] },
      responses: [],
      idempotencyKey: options.idempotencyKey,
      override: endpoint.validate,
      answer: endpoint.response ?? { status: 200, body: {} },
    };
  });
  return { operations, model, guards, securitySchemes: [] };
}

function emptyModel(): IrModel {
  return { rootName: "Empty", types: [], source: { hash: "", dialect: "2020-12" }, warnings: [] };
}

async function fromOpenApi(loaded: LoadedSchema, options: ReadMockApiOptions): Promise<MockApi> {
  const openapi = loaded.openapi!;
  const { model, guards } = await generateGuards(options, [options.schema!]);
  // A type is found by where its schema is (its origin, as the normalizer writes it).
  const typeByOrigin = new Map<string, string>();
  for (const type of [...model.types].reverse()) typeByOrigin.set(type.origin, type.name);
  const originOf = (location: SchemaLocation | undefined): string | undefined =>
    location && `${sourceNameOf(location.document, loaded.rootDocument)}#${location.pointer}`;
  const checkedAt = (origin: string | undefined): Checked | undefined => {
    const type = origin === undefined ? undefined : typeByOrigin.get(origin);
    return type !== undefined && guards.has(type) ? { type, validate: guards.get(type)! } : undefined;
  };
  // A value of the document or of another file it references, by a pointer of the operation model ("#/..." or "<uri>#/...").
  const valueAt: ValueAt = (pointer, from = "#") => openapi.input.resolve(pointer, from)?.value;
  // The schema at a site: its own type, or (a bare `$ref`) its target's. A site in another file (a
  // path item's, a response's) is that file's: before, only the document's own were found, and the
  // mock answered `{}` where a response written in another file said an array.
  const schemaChecked = (pointer: string): Checked | undefined => {
    const { document: file, pointer: fragment } = placeOfPointer(pointer);
    const source = file === undefined ? loaded.rootDocument : loaded.registry.documents.find((d) => stripFragment(d.uri) === file);
    if (source === undefined) return undefined;
    const own = checkedAt(`${sourceNameOf(source, loaded.rootDocument)}#${fragment}`);
    if (own) return own;
    const schema = followPointer(source.root, fragment);
    if (!isJsonObject(schema) || typeof schema.$ref !== "string") return undefined;
    const resolved = loaded.registry.resolve(schema.$ref, schema);
    return checkedAt(originOf(resolved.location));
  };
  const parametersName = sourceNameOf(openapi.parametersDocument, loaded.rootDocument);
  /** A body's or response's media types; `at`: its pointer, against which its examples' `$ref`s resolve. */
  const contents = (at: string, list: IrOperation["responses"][number]["contents"]): MockContent[] => {
    const raw = valueAt(at);
    return list.map((content) => {
      // A view (a request without its read-only properties, a response without its write-only ones)
      // is the schema made under the site's name in the parameters document, as the client checks it.
      const view = content.schema?.leavesOut !== undefined ? checkedAt(`${parametersName}#/$defs/${escapePointerToken(content.schema.name)}`) : undefined;
      const checked = view ?? (content.schema ? schemaChecked(content.schema.pointer) : undefined);
      const media = isJsonObject(raw) && isJsonObject(raw.content) ? raw.content[content.mediaType] : undefined;
      return { mediaType: content.mediaType, checked, examples: [...mediaExamples(media, (ref) => valueAt(ref, at)), ...schemaExamples(model, checked)], ...(content.encoding && { encoding: content.encoding }) };
    });
  };

  const operations = openapi.input.operations.map((operation): MockOperation => {
    const raw = valueAt(operation.pointer);
    const parameters: MockOperation["parameters"] = {};
    const parameterSchemas = new Map<string, IrSchema>();
    for (const location of PARAMETER_LOCATIONS) {
      const name = operation.parameterTypes[location];
      if (name === undefined) continue;
      const checked = checkedAt(`${parametersName}#/$defs/${escapePointerToken(name)}`);
      if (!checked) continue;
      parameters[location] = checked;
      const schema = findType(model, checked.type).schema;
      for (const property of typeof schema === "object" ? (schema.properties ?? []) : []) parameterSchemas.set(`${property.name}\0${location}`, property.schema);
    }
    const body = operation.requestBody && { required: operation.requestBody.required, contents: contents(operation.requestBody.pointer, operation.requestBody.contents) };
    const responses = operation.responses.map((response): MockResponse => {
      const headers = response.headersType === undefined ? undefined : checkedAt(`${parametersName}#/$defs/${escapePointerToken(response.headersType)}`);
      return {
        status: response.status,
        contents: contents(response.pointer, response.contents),
        ...(headers && { headers: { checked: headers, examples: headerExamples(response.headers, valueAt), forms: headerForms(response.headers) } }),
      };
    });
    const key = isJsonObject(raw) ? raw["x-idempotency-key"] : undefined;
    return {
      name: operation.name,
      method: operation.method.toUpperCase(),
      path: operation.path,
      pattern: pathPattern(operation.path, serverPathPrefixes(operation.servers)),
      operation,
      parameters,
      parameterSchemas,
      body,
      responses,
      idempotencyKey: typeof key === "string" ? key : undefined,
    };
  });
  return { operations, model, guards, securitySchemes: openapi.input.securitySchemes };
}

/** A value by a pointer of the operation model ("#/..." or "<uri>#/..."), or by a `$ref` written at `from`: the document's or another file's. */
type ValueAt = (pointer: string, from?: string) => unknown;

/** A Media Type Object's `example`, then its `examples` (Example Objects, `$ref`s within the document followed; `externalValue` skipped). */
function mediaExamples(media: unknown, valueAt: ValueAt): MockContent["examples"] {
  if (!isJsonObject(media)) return [];
  const out: MockContent["examples"] = [];
  if (media.example !== undefined) out.push({ value: media.example as JsonValue });
  if (isJsonObject(media.examples)) {
    for (const [name, entry] of Object.entries(media.examples)) {
      let example: unknown = entry;
      for (let hops = 0; isJsonObject(example) && typeof example.$ref === "string" && hops < 10; hops++) example = valueAt(example.$ref);
      if (isJsonObject(example) && example.value !== undefined) out.push({ name, value: example.value as JsonValue });
    }
  }
  return out;
}

/** How each header is written when not style simple without explode (response-headers.ts headerText), as the client reads it (emit/operations/header-kinds.ts). */
function headerForms(headers: IrOperation["responses"][number]["headers"]): Record<string, "explode" | "json"> {
  const forms: Record<string, "explode" | "json"> = {};
  for (const header of headers) {
    if (header.mediaType !== undefined ? /json/i.test(header.mediaType) : false) setOwn(forms, header.name, "json");
    else if (header.mediaType === undefined && header.explode) setOwn(forms, header.name, "explode");
  }
  return forms;
}

/** Each header's `example`, else the value of its first of `examples` (Header Objects in this document). */
function headerExamples(headers: IrOperation["responses"][number]["headers"], valueAt: ValueAt): Record<string, JsonValue> {
  const examples: Record<string, JsonValue> = {};
  for (const header of headers) {
    const raw = valueAt(header.pointer);
    if (!isJsonObject(raw)) continue;
    const first = isJsonObject(raw.examples) ? Object.values(raw.examples)[0] : undefined;
    const value = raw.example !== undefined ? raw.example : isJsonObject(first) ? first.value : undefined;
    if (value !== undefined) setOwn(examples, header.name, value as JsonValue);
  }
  return examples;
}

/** The schema's `examples`/`example` (the type's, following a bare reference). */
function schemaExamples(model: IrModel, checked: Checked | undefined): MockContent["examples"] {
  if (!checked) return [];
  let schema: IrSchema = findType(model, checked.type).schema;
  for (let hops = 0; typeof schema === "object" && schema.ref !== undefined && !schema.annotations.examples && hops < 10; hops++) schema = findType(model, schema.ref).schema;
  return typeof schema === "object" ? (schema.annotations.examples ?? []).map((value) => ({ value })) : [];
}

/**
 * "/web/projects/{publicKey}/batch" → a RegExp where each `{name}` captures one non-empty segment.
 * With `prefixes` (the path parts of the operation's server URLs, "/v1"), the path may come after one
 * of them too: a client whose base URL is the mock's URL plus the server's path ("http://127.0.0.1:port/v1") is served as well.
 */
export function pathPattern(template: string, prefixes: readonly string[] = []): RegExp {
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // A fragment in the template ("/#X-Amz-Target=Service.Action", as AWS documents write one path per
  // action) never reaches a server, and splitPathKey's path leaves it out: the path before it is what
  // is matched; a "#" with more path after it is a character of the path (path-query.ts
  // fragmentStart), matched as %23. A query string in the path key (path-query.ts) is no part of the
  // path: keyQueryMatches checks it.
  const source = splitPathKey(template).path
    .split(/(\{[^}]+\})/)
    .map((part) => (/^\{[^}]+\}$/.test(part) ? "([^/]+)" : escape(asSentInPath(part))))
    .join("");
  return new RegExp(`^${prefixes.length > 0 ? `(?:${prefixes.map(escape).join("|")})?` : ""}${source}$`);
}

/**
 * A literal part of a path template as a request carries it: the characters the URL standard's path
 * percent-encode set holds (controls, space, ", <, >, ?, `, non-ASCII) percent-encoded in UTF-8, as
 * the client's URL and fetch send them. apisetu.gov.in's "/Your Pull DOC Request API Path" arrives as
 * "/Your%20Pull%20DOC%20Request%20API%20Path", which the template as written never matched.
 */
function asSentInPath(literal: string): string {
  return literal.replace(/[\u0000-\u0020"<>?`\u007f-\u{10ffff}]/gu, (c) => {
    try {
      return encodeURIComponent(c);
    } catch {
      return "%EF%BF%BD"; // a lone surrogate: the URL parser writes U+FFFD
    }
  });
}

/** The path parts of servers' URLs, variables at their defaults, without a trailing slash; "/" and "" left out ("https://{region}.example.com/api/v1/" → "/api/v1"). */
export function serverPathPrefixes(servers: readonly IrServer[]): string[] {
  const prefixes = new Set<string>();
  for (const server of servers) {
    const url = server.variables.reduce((text, v) => text.split(`{${v.name}}`).join(v.default), server.url);
    let pathname: string;
    try {
      pathname = new URL(url, "http://mock.invalid").pathname;
    } catch {
      continue; // a URL that is none after its defaults: no prefix
    }
    const prefix = pathname.replace(/\/+$/, "");
    if (prefix !== "") prefixes.add(prefix);
  }
  return [...prefixes].sort((a, b) => b.length - a.length);
}

/** The `{name}`s of a path template's path (not of a query string in it), in order. */
export function pathNames(template: string): string[] {
  return [...splitPathKey(template).path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
}

/**
 * Whether a request's query string (`search` without "?") has the fixed pairs of a query string in
 * the operation's path key, as written: so `/items?action=archive` and `/items?action=restore` are
 * told apart, as the client sends them. A `{name}` pair is a path parameter's, checked by its guard.
 */
export function keyQueryMatches(template: string, search: string): boolean {
  // Compared decoded: the key's "my items" reaches the server as "my%20items" (and "a+b" as a space).
  const pairs = new Set(search.split("&").map(decodedPair));
  return splitPathKey(template).query.every((pair) => pair.parameter !== undefined || pair.nameParameter !== undefined || pairs.has(decodedPair(pair.text)));
}

/** A query pair's name and value (null: no "="), form-decoded ("+" a space), as one comparable text: "scope=my%20items" → `["scope","my items"]`. */
function decodedPair(text: string): string {
  const decode = (part: string): string => {
    try {
      return decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      return part; // a "%" that begins no escape: as written
    }
  };
  const at = text.indexOf("=");
  return JSON.stringify(at < 0 ? [decode(text), null] : [decode(text.slice(0, at)), decode(text.slice(at + 1))]);
}

/**
 * The `{name}` values of a query string in the path key (still percent-encoded), by parameter name.
 * A `{name}=value` pair's name is the request's first pair not taken yet whose value is that fixed
 * value (decoded as the key's, decodedPair), or any value when the value is an expression too.
 */
export function keyQueryValues(template: string, search: string): Record<string, string> {
  const values: Record<string, string> = {};
  const pairs = search.split("&");
  const taken = new Set<number>();
  for (const pair of splitPathKey(template).query) {
    if (pair.nameParameter !== undefined) {
      const value = pair.parameter === undefined ? JSON.parse(decodedPair(pair.text))[1] : undefined;
      const at = pairs.findIndex((p, i) => !taken.has(i) && (value === undefined || JSON.parse(decodedPair(p))[1] === value));
      if (at < 0) continue;
      taken.add(at);
      const eq = pairs[at]!.indexOf("=");
      values[pair.nameParameter] = eq < 0 ? pairs[at]! : pairs[at]!.slice(0, eq);
      if (pair.parameter !== undefined && eq >= 0) values[pair.parameter] = pairs[at]!.slice(eq + 1);
      continue;
    }
    const found = pair.parameter !== undefined ? pairs.find((p) => p.startsWith(`${pair.name}=`)) : undefined;
    if (found !== undefined) values[pair.parameter!] = found.slice(pair.name.length + 1);
  }
  return values;
}

/**
 * How many characters of a path template are literal (not `{name}`; the key's query and fragment left
 * out): of two templates a request matches, the one with more is meant, as OpenAPI says concrete
 * paths match first (googleapis' `/v1beta1/{name}:isInvitableUser` beside `/v1beta1/{name}`, whose
 * `name` would swallow ":isInvitableUser").
 */
export function literalSize(template: string): number {
  return template.split(/[?#]/)[0]!.replace(/\{[^}]*\}/g, "").length;
}

/** How many fixed pairs the path key's query string has: of the operations a request matches, the one that asks for most answers. */
export function keyQuerySize(template: string): number {
  return splitPathKey(template).query.filter((pair) => pair.parameter === undefined && pair.nameParameter === undefined).length;
}
