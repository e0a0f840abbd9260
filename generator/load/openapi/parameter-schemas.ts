/**
 * One location's parameters as one JSON Schema object: the schema of the `<Stem>Params<Location>`
 * type (its guard, builder and TypeScript type come from the JSON Schema path like any other); and
 * a response's declared headers the same way, the `<Stem>Response<Status>Headers` type the client
 * reads them into. Each property is a `$ref` to the parameter's (header's) schema in the document,
 * so shared parameters share types.
 */
import type { IrHeader, IrOperation, IrParameter, IrResponse, ParameterLocation } from "./operation-model";
import type { JsonObject } from "../keywords";
import { setOwn } from "../../own-property";

/**
 * `base` is prepended to each pointer: the document's URI when the schema lives outside it.
 * `viewOf(pointer)`: the reference to use instead, for a schema typed by its request view (read-write-views.ts).
 */
export function parametersSchema(operation: IrOperation, location: ParameterLocation, base = "", viewOf: (pointer: string) => string | undefined = () => undefined): JsonObject | undefined {
  const parameters = operation.parameters.filter((p) => p.in === location);
  if (parameters.length === 0) return undefined;
  // Headers and cookies the API does not declare are the caller's business; path and query are all declared.
  return objectOf(parameters, base, viewOf, location === "path" || location === "query");
}

/** A response's declared headers as one object (undeclared headers are allowed: every response has more). */
export function responseHeadersSchema(response: IrResponse, base = ""): JsonObject | undefined {
  return response.headers.length === 0 ? undefined : objectOf(response.headers, base, () => undefined, false);
}

function objectOf(entries: readonly (IrParameter | IrHeader)[], base: string, viewOf: (pointer: string) => string | undefined, closed: boolean): JsonObject {
  const properties: JsonObject = {};
  for (const entry of entries) {
    // A schema in another file is already named by its URI ("<uri>#/..."); one in the document by its pointer.
    const pointer = entry.schemaPointer;
    const property: JsonObject = pointer === undefined ? {} : { $ref: viewOf(pointer) ?? (pointer.startsWith("#") ? `${base}${pointer}` : pointer) };
    if (entry.description !== undefined) property.description = entry.description;
    if (entry.deprecated) property.deprecated = true;
    setOwn(properties, entry.name, property);
  }
  const required = entries.filter((p) => p.required).map((p) => p.name);
  return { type: "object", properties, ...(required.length > 0 && { required }), ...(closed && { additionalProperties: false }) };
}
