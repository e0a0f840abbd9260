/**
 * The parts of one Operation Object → IR: parameters (with the specification's defaults filled in),
 * the request body and the responses (media types, headers). Each `$ref` to a component is followed.
 */
import type { IrHeader, IrMediaContent, IrParameter, IrRequestBody, IrResponse, IrSchemaSite, ParameterLocation, ParameterStyle } from "./operation-model";
import { mediaTypeEssence, PARAMETER_LOCATIONS } from "./operation-model";
import { escapePointerToken, isJsonObject, type JsonObject } from "../keywords";
import { followRefs, type Located, type RefResolver } from "./document-refs";
import { componentSchemaName, inlineSchemaName } from "./names";
import type { AccessFlag, ReadWriteViews } from "./read-write-views";

export interface PartsContext {
  resolve: RefResolver;
  file?: string;
  /** The document's read-only and write-only views: request bodies leave out the one, responses the other. */
  views?: Record<AccessFlag, ReadWriteViews>;
}

const DEFAULT_STYLE: Record<ParameterLocation, ParameterStyle> = { path: "simple", query: "form", header: "simple", cookie: "form" };
/**
 * "SHALL be ignored" by the specification: the client sets these itself. So are the headers of the
 * connection, which the HTTP stack writes: fetch (undici) refuses a Transfer-Encoding, Connection,
 * Keep-Alive, Upgrade or Expect header outright (azure.com/datalake-store-filesystem declares
 * `Transfer-Encoding: chunked` as a required header parameter, and every call failed as "network").
 */
const IGNORED_HEADER_PARAMETERS = new Set(["accept", "content-type", "authorization", "connection", "content-length", "expect", "keep-alive", "te", "trailer", "transfer-encoding", "upgrade"]);

const at = (pointer: string, ...tokens: string[]): string => pointer + tokens.map((t) => `/${escapePointerToken(t)}`).join("");
const text = (value: unknown): string | undefined => (typeof value === "string" ? value : undefined);

/** A list of Parameter Objects (or references to them) → IR parameters, in order. */
export function readParameters(list: unknown, pointer: string, context: PartsContext): IrParameter[] {
  if (!Array.isArray(list)) return [];
  const parameters: IrParameter[] = [];
  list.forEach((entry, index) => {
    const { value, pointer: where } = followRefs({ value: entry, pointer: at(pointer, String(index)) }, context.resolve, context.file);
    if (!isJsonObject(value) || typeof value.name !== "string" || !PARAMETER_LOCATIONS.includes(value.in as ParameterLocation)) return;
    const location = value.in as ParameterLocation;
    if (location === "header" && IGNORED_HEADER_PARAMETERS.has(value.name.toLowerCase())) return;
    const style = (text(value.style) as ParameterStyle | undefined) ?? DEFAULT_STYLE[location];
    const schema = schemaOf(value, where);
    const parameter: IrParameter = {
      name: value.name,
      in: location,
      required: location === "path" || value.required === true,
      deprecated: value.deprecated === true,
      style,
      explode: typeof value.explode === "boolean" ? value.explode : style === "form",
      allowReserved: value.allowReserved === true,
      allowEmptyValue: value.allowEmptyValue === true,
      ...(schema.pointer !== undefined && { schemaPointer: schema.pointer }),
      ...(schema.mediaType !== undefined && { mediaType: schema.mediaType }),
      ...description(entry, value),
      pointer: where,
    };
    if (schema.pointer !== undefined && schema.mediaType === undefined) schemaValues.set(parameter, value.schema);
    parameters.push(parameter);
  });
  return parameters;
}

/** The `schema` of the Parameter Objects read here, as written (before its references are followed). */
const schemaValues = new WeakMap<IrParameter, unknown>();

/**
 * A parameter's `schema` as the document holds it at its schemaPointer, when this module read it
 * (not a `content` parameter's): looking it up again from the document's root was a walk down a
 * long pointer for each of netbox.dev's 6,867 parameters.
 */
export function parameterSchemaValue(parameter: IrParameter): unknown {
  return schemaValues.get(parameter);
}

/** A parameter's or header's schema: `schema`, or the schema of its (one) `content` entry. */
function schemaOf(object: JsonObject, pointer: string): { pointer?: string; mediaType?: string } {
  if (object.schema !== undefined) return { pointer: at(pointer, "schema") };
  if (!isJsonObject(object.content)) return {};
  const [mediaType, media] = Object.entries(object.content)[0] ?? [];
  if (mediaType === undefined) return {};
  return { mediaType, ...(isJsonObject(media) && media.schema !== undefined && { pointer: at(pointer, "content", mediaType, "schema") }) };
}

/** A Reference Object's own `description` overrides the target's (OpenAPI 3.1). */
function description(reference: unknown, target: JsonObject): { description?: string } {
  const own = isJsonObject(reference) && typeof reference.$ref === "string" ? text(reference.description) : undefined;
  const found = own ?? text(target.description);
  return found === undefined ? {} : { description: found };
}

export function readRequestBody(entry: unknown, pointer: string, stem: string, context: PartsContext): IrRequestBody | undefined {
  if (entry === undefined) return undefined;
  const { value, pointer: where } = followRefs({ value: entry, pointer }, context.resolve, context.file);
  if (!isJsonObject(value)) return undefined;
  return { required: value.required === true, ...description(entry, value), pointer: where, contents: readContents(value.content, at(where, "content"), inlineSchemaName.requestBody(stem), context.views?.readOnly) };
}

export function readResponses(responses: unknown, pointer: string, stem: string, context: PartsContext): IrResponse[] {
  if (!isJsonObject(responses)) return [];
  const read: IrResponse[] = [];
  for (const [key, entry] of Object.entries(responses)) {
    if (key.startsWith("x-")) continue;
    const status = key === "default" ? key : key.toUpperCase();
    const { value, pointer: where } = followRefs({ value: entry, pointer: at(pointer, key) }, context.resolve, context.file);
    if (!isJsonObject(value)) continue;
    const headers = readHeaders(value.headers, at(where, "headers"), context);
    read.push({
      status,
      ...description(entry, value),
      pointer: where,
      contents: readContents(value.content, at(where, "content"), inlineSchemaName.response(stem, status), context.views?.writeOnly),
      headers,
      ...(headers.length > 0 && { headersType: inlineSchemaName.responseHeaders(stem, status) }),
    });
  }
  return read;
}

/**
 * A `content` map → media types with their schema sites; several inline schemas get a media-type
 * suffix each. `view`: the properties this role leaves out (readOnly in a request, writeOnly in a response).
 */
function readContents(content: unknown, pointer: string, baseName: string, view: ReadWriteViews | undefined): IrMediaContent[] {
  if (!isJsonObject(content)) return [];
  const entries = mergeTwins(Object.entries(content).filter((entry): entry is [string, JsonObject] => isJsonObject(entry[1])));
  const inline = entries.filter(({ schema }) => isJsonObject(schema) && componentName(schema) === undefined);
  return entries.map(({ mediaType, schema, schemaKey, encoding }) => {
    const name = inline.length > 1 ? baseName + inlineSchemaName.mediaSuffix(mediaType) : baseName;
    return {
      mediaType,
      ...(schema !== undefined && { schema: schemaSite(schema, at(pointer, schemaKey, "schema"), name, view) }),
      ...(isJsonObject(encoding) && { encoding: encoding as IrMediaContent["encoding"] }),
    };
  });
}

/** One media type of a `content` map: its schema is the one written under `schemaKey` (itself, or a twin's). */
interface MediaEntry {
  mediaType: string;
  schema: unknown;
  schemaKey: string;
  encoding: unknown;
}

/**
 * Media types that differ only by their parameters ("application/json" and "application/json;
 * charset=utf-8") are one media type: the client picks a guard by the answer's essence, the mock
 * its content by the first JSON one. zuora.com documents its examples under the one and its schema
 * under the other: the mock answered the example of the schemaless twin, which the client then
 * checked with the other's guard and called invalid (corpus sweep, seed 50). Twins of which at
 * most one has a schema are read as one, under the first's name, with that schema; twins with
 * schemas of their own stay apart.
 */
function mergeTwins(entries: [string, JsonObject][]): MediaEntry[] {
  const byEssence = new Map<string, [string, JsonObject][]>();
  for (const entry of entries) {
    const essence = mediaTypeEssence(entry[0]);
    byEssence.set(essence, [...(byEssence.get(essence) ?? []), entry]);
  }
  const read = ([mediaType, media]: [string, JsonObject]): MediaEntry => ({ mediaType, schema: media.schema, schemaKey: mediaType, encoding: media.encoding });
  return [...byEssence.values()].flatMap((twins) => {
    const withSchema = twins.filter(([, media]) => media.schema !== undefined);
    if (twins.length === 1 || withSchema.length > 1) return twins.map(read);
    const first = read(twins[0]!);
    const schemaTwin = withSchema[0];
    const encoding = twins.find(([, media]) => media.encoding !== undefined)?.[1].encoding;
    return [{ ...first, ...(schemaTwin !== undefined && { schema: schemaTwin[1].schema, schemaKey: schemaTwin[0] }), encoding }];
  });
}

function schemaSite(schema: unknown, pointer: string, derivedName: string, view: ReadWriteViews | undefined): IrSchemaSite {
  const ref = isJsonObject(schema) && typeof schema.$ref === "string" ? schema.$ref : undefined;
  // A reference with keywords beside it (3.1: `{$ref: DeviceConfig, description: ...}`) is a schema
  // of its own, named for its place: under the component's name it collided with the component
  // ("DeviceConfig2", with a warning; a refusal under --name-collisions error).
  const component = ref !== undefined && Object.keys(schema as JsonObject).length === 1 ? componentName(schema) : undefined;
  if (view === undefined || !view.differs(schema, pointer)) return { pointer, ...(ref !== undefined && { ref }), name: component ?? derivedName };
  // A bare reference to a schema with a view of its own (a component's, another file's) is that view.
  const name = (ref !== undefined && Object.keys(schema as JsonObject).length === 1 && view.refView(ref, pointer)) || derivedName;
  return { pointer, ...(ref !== undefined && { ref }), name, leavesOut: view.flag };
}

/** The `components.schemas` key a schema is a reference to, if it is one. */
function componentName(schema: unknown): string | undefined {
  return isJsonObject(schema) && typeof schema.$ref === "string" ? componentSchemaName(schema.$ref) : undefined;
}

function readHeaders(headers: unknown, pointer: string, context: PartsContext): IrHeader[] {
  if (!isJsonObject(headers)) return [];
  const read: IrHeader[] = [];
  for (const [name, entry] of Object.entries(headers)) {
    if (name.toLowerCase() === "content-type") continue; // "SHALL be ignored"
    const located: Located = followRefs({ value: entry, pointer: at(pointer, name) }, context.resolve, context.file);
    const value = located.value;
    if (!isJsonObject(value)) continue;
    const schema = schemaOf(value, located.pointer);
    read.push({
      name,
      required: value.required === true,
      deprecated: value.deprecated === true,
      explode: value.explode === true,
      ...(schema.pointer !== undefined && { schemaPointer: schema.pointer }),
      ...(schema.mediaType !== undefined && { mediaType: schema.mediaType }),
      ...description(entry, value),
      pointer: located.pointer,
    });
  }
  return read;
}
