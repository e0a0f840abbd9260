/**
 * The server side of templates/runtime/params.ts: a request's path, query, header and cookie
 * parameters read back into values by their `style` and `explode` (OpenAPI 3.1.1 §4.8.12.4), so the
 * parameters' generated guards can check them. What a value's JSON type is comes from its schema
 * (a query "7" is the integer 7 when the schema says integer; "a,b" is a list when it says array).
 */
import type { IrModel, IrSchema, JsonType } from "../ir/model";
import { resolveNode } from "../ir/resolve-node";
import { mediaTypeEssence, type IrMediaContent, type IrParameter, type ParameterLocation } from "../load/openapi/operation-model";
import { splitPathKey } from "../load/openapi/path-query";
// The client's own test, so that the mock takes as a number exactly the texts the client reads as one.
import { fieldText, isJsonNumberText, ows } from "../../templates/runtime/response-headers";
import { hasOwn } from "../../templates/runtime/checks";
import { setOwn } from "../own-property";

export type ParsedParameters = Partial<Record<ParameterLocation, Record<string, unknown>>>;

export interface RawRequest {
  /** Each `{name}` of the path template → the text it matched (still percent-encoded). */
  pathValues: Record<string, string>;
  /** The query string without "?". */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  /** The operation's path key as written ("/items?action=archive"): its query pairs are no parameter's (explodedObjectKeys). */
  pathKey?: string;
  /**
   * The names of the API keys the document's security schemes send in the query or a cookie: no
   * parameter's either. An open exploded object took stream-io-api.com's `api_key` pair as a property
   * of its optional `payload`, and refused it for missing its required ones.
   */
  credentials?: { query: readonly string[]; cookie: readonly string[] };
}

/**
 * A parameter given by `content` (a media type, not a schema and style) is one pair whose value is
 * the text of that media type (parseContent): never an exploded form object, whatever its schema.
 */
const CONTENT_SHAPE: Shape = { kind: "primitive", types: ["string"] };

/** Headers a Parameter Object may not describe (OpenAPI: they are ignored). */
const IGNORED_HEADERS = new Set(["accept", "content-type", "authorization"]);

/**
 * What Node's fetch writes itself when a request has no such header (the Fetch standard lets a user
 * agent add them): for an optional parameter, that value is the client's absence, not its choice.
 * pims.io's optional `Accept-Language` (enum de, en, fr) was refused as "*" when left out.
 */
const FETCH_DEFAULTS = new Map([
  ["accept-language", ["*"]],
  ["accept-encoding", ["gzip, deflate", "gzip, deflate, br", "br, gzip, deflate"]],
  ["sec-fetch-mode", ["cors"]],
  ["user-agent", ["node", "undici"]],
]);

/** Every declared parameter present in the request, by location. */
export function parseParameters(parameters: readonly IrParameter[], request: RawRequest, model: IrModel, schemaTypes: ReadonlyMap<string, IrSchema>): ParsedParameters {
  const parsed: ParsedParameters = {};
  const query = splitPairs(request.query, "&");
  const cookies = splitPairs(headerText(request.headers.cookie) ?? "", ";");
  const shapes = new Map(parameters.map((p) => [p, p.mediaType !== undefined ? CONTENT_SHAPE : shapeOf(model, schemaTypes.get(p.name + "\0" + p.in))]));
  const exploded = new Map([
    ...explodedObjectKeys(parameters, shapes, "query", [...keyQueryNames(request), ...(request.credentials?.query ?? [])]),
    ...explodedObjectKeys(parameters, shapes, "cookie", request.credentials?.cookie ?? []),
  ]);
  for (const parameter of parameters) {
    const shape = shapes.get(parameter)!;
    let value: unknown;
    if (parameter.in === "path") {
      const raw = hasOwn(request.pathValues, parameter.name) ? request.pathValues[parameter.name] : undefined;
      if (raw !== undefined) value = parsePath(raw, parameter, shape);
    } else if (parameter.in === "query") value = parseQuery(query, parameter, shape, exploded.get(parameter));
    else if (parameter.in === "header") {
      if (IGNORED_HEADERS.has(parameter.name.toLowerCase())) continue;
      // Own headers alone: Node's headers object is a plain one, whose "__proto__" is Object.prototype.
      const name = parameter.name.toLowerCase();
      const raw = headerText(hasOwn(request.headers, name) ? request.headers[name] : undefined);
      if (raw !== undefined && !parameter.required && FETCH_DEFAULTS.get(parameter.name.toLowerCase())?.includes(raw)) continue;
      if (raw !== undefined) value = parseHeader(raw, parameter.explode, shape);
    } else {
      value = parseQuery(cookies, { ...parameter, style: "form" }, shape, exploded.get(parameter));
    }
    if (value === undefined) continue;
    if (parameter.mediaType !== undefined && typeof value === "string") value = parseContent(value, parameter.mediaType);
    setOwn((parsed[parameter.in] ??= {}), parameter.name, value);
  }
  return parsed;
}

/** What a parameter's schema says its value is, for splitting and coercing the text. */
interface Shape {
  kind: "primitive" | "array" | "object";
  /** The JSON types of the value (primitive) or of the items (array). */
  types: readonly JsonType[];
  /** An object's property by name (its `properties`, else `additionalProperties`): "x=1" is the integer 1 when x says integer. */
  property?: (name: string) => Shape;
  /** An object's declared property names (`properties`). */
  names?: ReadonlySet<string>;
  /** Whether an object takes properties beyond those (`additionalProperties` not false). */
  open?: boolean;
  /**
   * An array's other JSON types, when a union allows a value that is no array (Stripe's
   * `discounts`: a list of objects, or "" to clear it): a lone text that cannot be one of the items is read as one of these.
   */
  scalar?: readonly JsonType[];
}

function shapeOf(model: IrModel, schema: IrSchema | undefined): Shape {
  const node = resolveNode(model, schema);
  const types = node?.type ?? [];
  if (types.includes("array")) {
    const scalar = types.filter((t) => t !== "array" && t !== "object");
    return { kind: "array", types: resolveNode(model, node?.items)?.type ?? [], ...(scalar.length > 0 && { scalar }) };
  }
  // Properties with no `type` (star-trek's form bodies, @readme/oas-examples) describe an object all the same:
  // without this, a form's `avian=true` stayed the text "true" and failed its boolean guard.
  const untypedObject = types.length === 0 && ((node?.properties?.length ?? 0) > 0 || typeof node?.additionalProperties === "object");
  if (types.includes("object") || untypedObject) {
    const properties = new Map((node?.properties ?? []).map((p) => [p.name, p.schema]));
    const additional = node?.additionalProperties;
    // Properties are read as primitives or lists: a nested object has no text form in a parameter.
    const property = (name: string): Shape => {
      const schema = properties.get(name) ?? (typeof additional === "object" ? additional : undefined);
      const shape = schema === undefined ? undefined : shapeOf(model, schema);
      // An object's other types stay (Stripe's `created`: an integer, or `{ gt, lt }`): "5" is the integer 5.
      return shape === undefined ? { kind: "primitive", types: [] } : shape.kind === "object" ? { kind: "primitive", types: ["object", ...shape.types] } : shape;
    };
    // `types`: those of a union's other branches, for a lone `name=value` (pandascore's `page=2` beside `number=2&size=30`).
    return { kind: "object", types: types.filter((t) => t !== "object" && t !== "array"), property, names: new Set(properties.keys()), open: additional !== false };
  }
  return { kind: "primitive", types };
}

/**
 * "7" → 7 when the schema says number or integer (a JSON number's text only: not "0x10"), "true" → true
 * for boolean, a JSON object or array's text → its value when the schema says object or array (and,
 * if it says string too, when the value is of a type it allows): the client writes an object or array
 * inside a list or map as JSON text, since no style defines it (elasticbeanstalk's `Tags`, an array of
 * objects in a query); text otherwise.
 */
function coerce(text: string, types: readonly JsonType[]): unknown {
  if ((types.includes("object") || types.includes("array")) && /^\s*[[{]/.test(text)) {
    // A union with string (Stripe's `metadata`: an object, or "" to clear it) takes the JSON text's
    // value when it is an object or array the union allows: the client writes such a value so.
    try {
      const value = JSON.parse(text) as unknown;
      const allowed = Array.isArray(value) ? types.includes("array") : typeof value === "object" && value !== null && types.includes("object");
      return !types.includes("string") || allowed ? value : text;
    } catch {
      return text;
    }
  }
  if ((types.includes("integer") || types.includes("number")) && isJsonNumberText(text) && Number.isFinite(Number(text))) return Number(text);
  if (types.includes("boolean") && (text === "true" || text === "false")) return text === "true";
  if (types.includes("null") && text === "" && !types.includes("string")) return null;
  return text;
}

function percentDecoded(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** A list of texts → the value of its shape: items, or key/value pairs; each text first through `decode` (percent-decoding, none in a header). */
function build(parts: string[], shape: Shape, pairsAreKeyValue: boolean, decode: (text: string) => string = percentDecoded): unknown {
  if (shape.kind === "array") return arrayOrScalar(parts.map(decode), shape);
  if (shape.kind === "object") {
    const object: Record<string, unknown> = {};
    if (pairsAreKeyValue) {
      for (const part of parts) {
        const at = part.indexOf("=");
        if (at > 0) object[decode(part.slice(0, at))] = propertyValue(decode(part.slice(at + 1)), shape, decode(part.slice(0, at)));
      }
    } else for (let i = 0; i + 1 < parts.length; i += 2) object[decode(parts[i]!)] = propertyValue(decode(parts[i + 1]!), shape, decode(parts[i]!));
    return object;
  }
  return coerce(decode(parts.join(",")), shape.types);
}

/**
 * An array's texts as its items; but one text that no item can be, where the schema also allows a
 * scalar, as that scalar: Stripe's `discounts=` (anyOf: an array of objects, or "") is "", where it
 * was read as [""] and refused. Items that are primitives keep the list (one text fits either).
 */
function arrayOrScalar(texts: string[], shape: Shape): unknown {
  const structured = shape.types.length > 0 && shape.types.every((t) => t === "object" || t === "array");
  if (shape.scalar && texts.length === 1 && structured && !/^\s*[[{]/.test(texts[0]!)) return coerce(texts[0]!, shape.scalar);
  return texts.map((text) => coerce(text, shape.types));
}

/** An object property's text, coerced by the property's schema. */
function propertyValue(text: string, shape: Shape, name: string): unknown {
  const property = shape.property?.(name);
  // An array inside an object has no style of its own: the client writes it as JSON text (pandascore's `range[name]`).
  if (property?.kind === "array") return coerce(text, ["array"]);
  return coerce(text, property?.types ?? []);
}

/**
 * A header's value (style simple), read as the client sends it (templates/runtime/params.ts
 * headerText: OpenAPI 3.1.2 applies no percent-encoding to headers) and as the client reads a
 * response header (response-headers.ts): the text as it came, "%41" staying "%41", bytes beyond ASCII
 * as UTF-8 (fieldText); a list split on ","; only spaces and tabs (OWS) dropped around the value and each item (RFC 9110 §5.5, §5.6.1).
 */
function parseHeader(raw: string, explode: boolean, shape: Shape): unknown {
  // OWS only (ows): a no-break space at either end is the value's own character, as the client sent it.
  const text = ows(fieldText(raw));
  if (shape.kind === "primitive") return coerce(text, shape.types);
  return build(text === "" ? [] : text.split(",").map(ows), shape, explode, (part) => part);
}

/** simple: "a,b"; exploded objects "k=v,k=v". */
function parseDelimited(raw: string, separator: string, explode: boolean, shape: Shape): unknown {
  // A primitive is never split: its text may hold the separator ("." is not percent-encoded).
  if (shape.kind === "primitive") return coerce(percentDecoded(raw), shape.types);
  return build(raw.split(separator), shape, explode);
}

function parsePath(raw: string, parameter: IrParameter, shape: Shape): unknown {
  if (parameter.style === "label") {
    const text = raw.startsWith(".") ? raw.slice(1) : raw;
    return parseDelimited(text, parameter.explode ? "." : ",", parameter.explode, shape);
  }
  if (parameter.style === "matrix") {
    const pairs = raw.split(";").filter((p) => p !== "");
    if (shape.kind === "object" && parameter.explode) return build(pairs, shape, true);
    const values = pairs.map((p) => (p.includes("=") ? p.slice(p.indexOf("=") + 1) : ""));
    if (shape.kind === "array" && parameter.explode) return build(values, shape, false);
    return parseDelimited(values[0] ?? "", ",", false, shape);
  }
  return parseDelimited(raw, ",", parameter.explode, shape);
}

/** "a=1&b=2" → [["a", "1"], ["b", "2"]], each still encoded ("+" read as a space). */
function splitPairs(text: string, separator: "&" | ";"): [string, string][] {
  return text
    .split(separator)
    .map((part) => part.trim())
    .filter((part) => part !== "")
    .map((part) => {
      const at = part.indexOf("=");
      const [key, value] = at < 0 ? [part, ""] : [part.slice(0, at), part.slice(at + 1)];
      return [percentDecoded(key.replace(/\+/g, " ")), separator === "&" ? value.replace(/\+/g, "%20") : value];
    });
}

/**
 * The (decoded) names of the path key's own query pairs in this request: "action" of
 * "/items?action=archive", and for a `{name}=...` pair the name the request gave it (keyQueryValues).
 */
function keyQueryNames(request: RawRequest): string[] {
  if (request.pathKey === undefined) return [];
  const decoded = (name: string) => percentDecoded(name.replace(/\+/g, " "));
  return splitPathKey(request.pathKey).query.flatMap((pair) => {
    if (pair.nameParameter === undefined) return [decoded(pair.name)];
    const name = request.pathValues[pair.nameParameter];
    return name === undefined ? [] : [decoded(name)];
  });
}

/**
 * Which query (or cookie) keys each exploded form object takes (OpenAPI: its properties are the query's own
 * `key=value` pairs, so only the schema tells them apart): its declared properties, and, when its
 * schema allows more (additionalProperties), a key no one else claims: neither a declared
 * parameter's name, another exploded object's property, a deepObject parameter's `name[...]` key,
 * nor a pair of the path key's own query (`keyNames`, "action" of "/items?action=archive"); such a
 * key goes to the first open object only (two open ones cannot be told apart). Keys nobody claims
 * are left alone, as any unknown pair.
 */
function explodedObjectKeys(parameters: readonly IrParameter[], shapes: ReadonlyMap<IrParameter, Shape>, location: "query" | "cookie", keyNames: readonly string[]): Map<IrParameter, (key: string) => boolean> {
  const here = parameters.filter((p) => p.in === location);
  // A cookie is always style form (the mock reads it so).
  const objects = here.filter((p) => (location === "cookie" || p.style === "form") && p.explode && shapes.get(p)!.kind === "object");
  const claimed = new Set([...here.map((p) => p.name), ...objects.flatMap((p) => [...(shapes.get(p)!.names ?? [])]), ...keyNames]);
  const deepPrefixes = location === "query" ? here.filter((p) => p.style === "deepObject").map((p) => `${p.name}[`) : [];
  const open = objects.find((p) => shapes.get(p)!.open);
  const free = (key: string) => !claimed.has(key) && !deepPrefixes.some((prefix) => key.startsWith(prefix));
  return new Map(objects.map((p) => [p, (key: string) => shapes.get(p)!.names?.has(key) === true || (p === open && free(key))]));
}

function parseQuery(pairs: readonly [string, string][], parameter: IrParameter, shape: Shape, takes: ((key: string) => boolean) | undefined): unknown {
  const own = pairs.filter(([key]) => key === parameter.name).map(([, value]) => value);
  // deepObject defines objects alone: the client writes an array or a primitive as form does
  // (Stripe's deepObject `payment_method_types`, an array: `payment_method_types=card`), read so below.
  if (parameter.style === "deepObject" && shape.kind === "object") {
    const prefix = `${parameter.name}[`;
    const entries = pairs.filter(([key]) => key.startsWith(prefix) && key.endsWith("]"));
    if (entries.length === 0) return undefined;
    return Object.fromEntries(entries.map(([key, value]) => [key.slice(prefix.length, -1), propertyValue(percentDecoded(value), shape, key.slice(prefix.length, -1))]));
  }
  if (shape.kind === "object" && parameter.explode) {
    // Exploded form object: its properties are the query's pairs it takes (explodedObjectKeys).
    const entries = pairs.filter(([key]) => takes?.(key) === true);
    if (entries.length === 0 && own.length > 0 && shape.types.length > 0) return coerce(percentDecoded(own[0]!), shape.types);
    // An empty object writes no pair at all, so no server can tell it from an absent one: a required
    // parameter is read as {} (amazonaws.com/sns's Attributes, seldon.local's body: the client sent {}).
    if (entries.length === 0) return parameter.required ? {} : undefined;
    return Object.fromEntries(entries.map(([key, value]) => [key, propertyValue(percentDecoded(value), shape, key)]));
  }
  if (own.length === 0) return undefined;
  if (shape.kind === "array" && parameter.explode) return build(own, shape, false);
  if (shape.kind === "primitive") return coerce(percentDecoded(own[0]!), shape.types);
  // Split before decoding: an item's own delimiter is percent-encoded (a literal one is a delimiter).
  const separator = parameter.style === "spaceDelimited" ? /%20| /i : parameter.style === "pipeDelimited" ? /%7C|\|/i : /,/;
  return build(own[0]!.split(separator), shape, false);
}

function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(",") : value;
}

/**
 * A parameter given by `content` (JSON): its text parsed; left as text when it is not JSON. The client
 * writes every such parameter as JSON text (runtime jsonParam), so a range that covers JSON (`*\/*`,
 * `application/*`) is read as JSON too: telnyx.com's path `id` is `content: { "*\/*": { schema: uuid } }`,
 * and its quoted text failed the format.
 */
function parseContent(text: string, mediaType: string): unknown {
  const essence = mediaTypeEssence(mediaType);
  if (!/json/i.test(mediaType) && essence !== "*/*" && essence !== "application/*") return text;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/**
 * An application/x-www-form-urlencoded body read back as the client's formBody writes it. A property
 * whose Encoding Object gives a style, explode or allowReserved is read as a query parameter of that
 * style (Stripe's deepObject `company[name]=...`), its pairs taken out first; every other pair is a
 * property `name=value` (an array's items repeated, an object as JSON text: its content type's
 * default), coerced by its property's schema. The text itself when the schema is a string.
 */
export function parseFormBody(text: string, model: IrModel, schema: IrSchema, encoding?: IrMediaContent["encoding"]): unknown {
  const shape = shapeOf(model, schema);
  // A form body whose schema is a string (libretranslate.local) is the text the client sent as it is.
  if (shape.kind === "primitive" && shape.types.includes("string")) return text;
  const body: Record<string, unknown> = {};
  let pairs = splitPairs(text, "&");
  const node = resolveNode(model, schema);
  for (const [name, given] of Object.entries(encoding ?? {})) {
    if (given.style === undefined && given.explode === undefined && given.allowReserved === undefined) continue;
    const style = given.style ?? "form";
    const parameter: IrParameter = { name, in: "query", required: false, deprecated: false, style, explode: given.explode ?? style === "form", allowReserved: given.allowReserved ?? false, allowEmptyValue: false, pointer: "" };
    const propertyShape = shapeOf(model, node?.properties?.find((p) => p.name === name)?.schema);
    // An exploded form object's properties are the form's own pairs: those its schema declares.
    const takes = style === "form" && parameter.explode && propertyShape.kind === "object" ? (key: string) => propertyShape.names?.has(key) === true : undefined;
    const value = parseQuery(pairs, parameter, propertyShape, takes);
    const owned = ([key]: [string, string]) => key === name || (style === "deepObject" && key.startsWith(`${name}[`) && key.endsWith("]")) || takes?.(key) === true;
    pairs = pairs.filter((pair) => !owned(pair));
    if (value !== undefined) setOwn(body, name, value);
  }
  return fields(
    pairs.map(([name, value]) => [name, percentDecoded(value)]),
    shape,
    model,
    schema,
    body,
  );
}

/**
 * A `text/*` body whose schema is a string, a number, an integer or a boolean (`text/plain` with
 * `type: string, maxLength: 5`), as that value: the text itself, or the number or boolean it spells
 * (as a query value is read). Undefined for any other schema (an object has no text form): not
 * checked. Before, no text body was checked against its schema.
 */
export function parseTextBody(text: string, model: IrModel, schema: IrSchema): unknown {
  const shape = shapeOf(model, schema);
  return shape.kind === "primitive" && shape.types.length > 0 && shape.types.every((t) => t !== "object" && t !== "array" && t !== "null") ? coerce(text, shape.types) : undefined;
}

/**
 * A multipart/form-data body read back as the client's multipartBody writes it: each part by its
 * name, an array's items one part each, an object (or an array's object items) as its JSON text,
 * each value coerced by its property's schema; a file (a part with a filename) as "", as the
 * client's withoutFiles checks it. Undefined when the schema says no object or the Content-Type
 * gives no boundary: not checked (before, no multipart body was: a request the client's own guard
 * would refuse, e.g. without a required part, was answered as valid).
 */
export function parseMultipartBody(text: string, contentType: string, model: IrModel, schema: IrSchema): unknown {
  const shape = shapeOf(model, schema);
  const boundary = /;\s*boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  if (shape.kind !== "object" || !boundary) return undefined;
  const parts: [string, string | undefined][] = [];
  for (const chunk of text.split(`--${boundary[1] ?? boundary[2]}`).slice(1)) {
    if (chunk.startsWith("--")) break;
    const end = chunk.indexOf("\r\n\r\n");
    const disposition = /^content-disposition:.*$/im.exec(chunk.slice(0, Math.max(end, 0)))?.[0] ?? "";
    // The HTML form encoding (undici's) writes '"', CR and LF of a name as %22, %0D, %0A.
    const name = /;\s*name="([^"]*)"/i.exec(disposition)?.[1]?.replace(/%(22|0D|0A)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
    if (end < 0 || name === undefined) continue;
    parts.push([name, /;\s*filename\*?=/i.test(disposition) ? undefined : chunk.slice(end + 4).replace(/\r\n$/, "")]);
  }
  return fields(parts, shape, model, schema);
}

/**
 * A form's or a multipart body's fields (each name with its decoded text; undefined: a file) as the
 * object they encode. A required array property with no field is the empty array: an empty list has
 * no field in either encoding, so the client's `{ ids: [] }` was refused as missing `ids`.
 */
function fields(pairs: readonly [string, string | undefined][], shape: Shape, model: IrModel, schema: IrSchema, body: Record<string, unknown> = {}): Record<string, unknown> {
  const lists = new Map<string, string[]>();
  for (const [name, text] of pairs) {
    const property = shape.property?.(name) ?? { kind: "primitive", types: [] };
    if (property.kind !== "array") setOwn(body, name, text === undefined ? "" : coerce(text, property.types));
    else lists.set(name, [...(lists.get(name) ?? []), text ?? ""]);
  }
  for (const [name, texts] of lists) setOwn(body, name, arrayOrScalar(texts, shape.property!(name)));
  for (const name of resolveNode(model, schema)?.required ?? []) {
    if (!hasOwn(body, name) && shape.names?.has(name) && shape.property?.(name).kind === "array") setOwn(body, name, []);
  }
  return body;
}
