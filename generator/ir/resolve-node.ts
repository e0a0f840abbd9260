/**
 * What a schema says a value's JSON type is, seen through references: for reading a parameter's or
 * header's text back into a value (the mock server's parameters, the client's response headers),
 * where "7" is the integer 7 when the schema says integer and "a,b" a list when it says array.
 */
import { findType, type IrModel, type IrNode, type IrSchema } from "./model";

/**
 * The node `schema` stands for: a bare reference followed (20 hops at most), and a `oneOf`/`anyOf`
 * of one JSON type each (a nullable written as a union) given those types; undefined for a boolean schema.
 */
export function resolveNode(model: IrModel, schema: IrSchema | undefined): IrNode | undefined {
  let current = schema;
  for (let hops = 0; typeof current === "object" && current.type === undefined && current.ref !== undefined && hops < 20; hops++) current = findType(model, current.ref).schema;
  if (typeof current === "object" && current.type === undefined) {
    const branches = (current.oneOf ?? current.anyOf ?? []).map((b) => resolveNode(model, b)?.type ?? []);
    const types = [...new Set(branches.flat())];
    if (types.length > 0) return { ...current, type: types };
  }
  return typeof current === "object" ? current : undefined;
}
