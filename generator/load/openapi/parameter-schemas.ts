/**
 * One location's parameters as one JSON Schema object: the schema of the `<Stem>Params<Location>`
 * type (its guard, builder and TypeScript type come from the JSON Schema path like any other); and
 * a response's declared headers the same way, the `<Stem>Response<Status>Headers` type the client
 * reads them into. Each property is a `$ref` to the parameter's (header's) schema in the document,
 * so shared parameters share types.
 */
import type { IrHeader, IrOperation, IrParameter, IrResponse, ParameterLocation } from "./operation-model";
import { isJsonObject, type JsonObject } from "../keywords";
import { setOwn } from "../../own-property";

/**
 * The keywords a parameter's schema may have and still be a bare type (typedInItsObject): a type,
 * and annotations no check or type reads (a 3.0 document's `example` is read as `examples`,
 * document-30.ts; its `nullable` as a second type, so such a schema is no bare type).
 */
const BARE_TYPE_KEYWORDS = new Set(["type", "format", "description", "title", "example", "examples", "deprecated", "$comment"]);
const BARE_TYPES = new Set(["string", "number", "integer", "boolean"]);

/**
 * Whether a parameter's schema is copied into its location's object rather than made a named type
 * of its own (`ListPetsParamsQueryLimit`): a query's or cookie's parameter (checked by its object's
 * guard alone: emit/operations/parameter-checks.ts) whose schema is a bare type, `{"type":
 * "string"}` with at most a format and annotations: nothing a name would tell that `string` does not.
 * The object's property is then `string`, as openapi-typescript and hey-api type every parameter.
 * Such schemas were most of a large API's named types (netbox.dev: 6,482 of 7,639, each an alias
 * the package exported, that the loader, the IR, the guards, the types and the release each went
 * through): a third of the whole run's CPU. A schema with an enum, bounds, a pattern, items or
 * properties keeps its name, and so does a path's or header's parameter, which the operation checks
 * (path) or serializes (header) by the type of its own.
 * The property's checks are the schema's, so its keywords' places are in the object
 * (`(parameters)#/$defs/ListPetsParamsQuery/properties/limit/type`).
 */
export function typedInItsObject(parameter: IrParameter, schema: unknown): schema is JsonObject {
  if (parameter.in !== "query" && parameter.in !== "cookie") return false;
  if (parameter.mediaType !== undefined || !isJsonObject(schema)) return false;
  return typeof schema.type === "string" && BARE_TYPES.has(schema.type) && Object.keys(schema).every((key) => BARE_TYPE_KEYWORDS.has(key) || key.startsWith("x-"));
}

/**
 * `base` is prepended to each pointer: the document's URI when the schema lives outside it.
 * `viewOf(pointer)`: the reference to use instead, for a schema typed by its request view (read-write-views.ts).
 * `copyOf(pointer)`: the schema to copy instead, for a parameter typed in its object (typedInItsObject).
 */
export function parametersSchema(
  operation: IrOperation,
  location: ParameterLocation,
  base = "",
  viewOf: (pointer: string) => string | undefined = () => undefined,
  copyOf: (pointer: string) => JsonObject | undefined = () => undefined,
): JsonObject | undefined {
  const parameters = operation.parameters.filter((p) => p.in === location);
  if (parameters.length === 0) return undefined;
  // Headers and cookies the API does not declare are the caller's business; path and query are all declared.
  return objectOf(parameters, base, viewOf, location === "path" || location === "query", copyOf);
}

/** A response's declared headers as one object (undeclared headers are allowed: every response has more). */
export function responseHeadersSchema(response: IrResponse, base = ""): JsonObject | undefined {
  return response.headers.length === 0 ? undefined : objectOf(response.headers, base, () => undefined, false, () => undefined);
}

function objectOf(entries: readonly (IrParameter | IrHeader)[], base: string, viewOf: (pointer: string) => string | undefined, closed: boolean, copyOf: (pointer: string) => JsonObject | undefined): JsonObject {
  const properties: JsonObject = {};
  for (const entry of entries) {
    // A schema in another file is already named by its URI ("<uri>#/..."); one in the document by its pointer.
    const pointer = entry.schemaPointer;
    const copied = pointer === undefined ? undefined : copyOf(pointer);
    const property: JsonObject = pointer === undefined ? {} : copied !== undefined ? { ...copied } : { $ref: viewOf(pointer) ?? (pointer.startsWith("#") ? `${base}${pointer}` : pointer) };
    if (entry.description !== undefined) property.description = entry.description;
    if (entry.deprecated) property.deprecated = true;
    setOwn(properties, entry.name, property);
  }
  const required = entries.filter((p) => p.required).map((p) => p.name);
  return { type: "object", properties, ...(required.length > 0 && { required }), ...(closed && { additionalProperties: false }) };
}
