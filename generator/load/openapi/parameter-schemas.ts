/**
 * One location's parameters as one JSON Schema object: the schema of the `<Stem>Params<Location>`
 * type (its guard, builder and TypeScript type come from the JSON Schema path like any other).
 * Each property is a `$ref` to the parameter's schema in the document, so shared parameters share types.
 */
import type { IrOperation, ParameterLocation } from "./operation-model";
import type { JsonObject } from "../keywords";

/**
 * `base` is prepended to each pointer: the document's URI when the schema lives outside it.
 * `viewOf(pointer)`: the reference to use instead, for a schema typed by its request view (read-write-views.ts).
 */
export function parametersSchema(operation: IrOperation, location: ParameterLocation, base = "", viewOf: (pointer: string) => string | undefined = () => undefined): JsonObject | undefined {
  const parameters = operation.parameters.filter((p) => p.in === location);
  if (parameters.length === 0) return undefined;
  const properties: JsonObject = {};
  for (const parameter of parameters) {
    // A schema in another file is already named by its URI ("<uri>#/..."); one in the document by its pointer.
    const pointer = parameter.schemaPointer;
    const property: JsonObject = pointer === undefined ? {} : { $ref: viewOf(pointer) ?? (pointer.startsWith("#") ? `${base}${pointer}` : pointer) };
    if (parameter.description !== undefined) property.description = parameter.description;
    if (parameter.deprecated) property.deprecated = true;
    properties[parameter.name] = property;
  }
  const required = parameters.filter((p) => p.required).map((p) => p.name);
  // Headers and cookies the API does not declare are the caller's business; path and query are all declared.
  const closed = location === "path" || location === "query";
  return { type: "object", properties, ...(required.length > 0 && { required }), ...(closed && { additionalProperties: false }) };
}
