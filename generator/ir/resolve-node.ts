/**
 * What a schema says a value's JSON type is, seen through references: for reading a parameter's or
 * header's text back into a value (the mock server's parameters, the client's response headers),
 * where "7" is the integer 7 when the schema says integer and "a,b" a list when it says array.
 */
import { findType, type IrModel, type IrNode, type IrSchema } from "./model";

/**
 * The node `schema` stands for: a bare reference followed (20 hops at most), and a `oneOf`/`anyOf`
 * given the JSON types of its branches (a nullable written as a union), with the object keywords of
 * its one object branch and the items of its one array branch (pandascore's `page`: an integer, or
 * `{ number, size }`); undefined for a boolean schema.
 */
export function resolveNode(model: IrModel, schema: IrSchema | undefined): IrNode | undefined {
  let current = schema;
  for (let hops = 0; typeof current === "object" && current.type === undefined && current.ref !== undefined && hops < 20; hops++) current = findType(model, current.ref).schema;
  if (typeof current === "object" && current.type === undefined) {
    const branches = (current.oneOf ?? current.anyOf ?? []).map((b) => resolveNode(model, b));
    const types = [...new Set(branches.flatMap((b) => b?.type ?? []))];
    if (types.length > 0) {
      const only = (type: "object" | "array"): IrNode | undefined => {
        const of = branches.filter((b) => b?.type?.includes(type));
        return of.length === 1 ? of[0] : undefined;
      };
      const object = only("object");
      const array = only("array");
      return {
        ...current,
        type: types,
        ...(object && { properties: object.properties, additionalProperties: object.additionalProperties }),
        ...(array && { items: array.items }),
      };
    }
  }
  return typeof current === "object" ? current : undefined;
}
