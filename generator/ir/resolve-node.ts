/**
 * What a schema says a value's JSON type is, seen through references: for reading a parameter's or
 * header's text back into a value (the mock server's parameters, the client's response headers),
 * where "7" is the integer 7 when the schema says integer and "a,b" a list when it says array.
 */
import { findType, type IrModel, type IrNode, type IrSchema, type JsonType } from "./model";

/**
 * The node `schema` stands for: a bare reference followed (20 hops at most), and a `oneOf`/`anyOf`
 * given the JSON types of its branches (a nullable written as a union), with the object keywords of
 * its one object branch and the items of its one array branch (pandascore's `page`: an integer, or
 * `{ number, size }`); undefined for a boolean schema.
 */
export function resolveNode(model: IrModel, schema: IrSchema | undefined, depth = 0): IrNode | undefined {
  let current = schema;
  for (let hops = 0; typeof current === "object" && current.type === undefined && current.ref !== undefined && hops < 20; hops++) current = findType(model, current.ref).schema;
  // Branches of branches to a depth of 8: a schema that is its own branch (A: { oneOf: [{ $ref: A }, { $ref: A }] }) ends, and soon.
  if (typeof current === "object" && current.type === undefined && depth < 8) {
    const branches = (current.oneOf ?? current.anyOf ?? []).map((b) => resolveNode(model, b, depth + 1));
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
    const all = resolveAllOf(model, current, depth);
    if (all) return all;
  }
  return typeof current === "object" ? current : undefined;
}

/**
 * An `allOf` without a type of its own: the JSON types its typed branches share, and the properties
 * of its object branches together (AWS writes a property as `allOf: [{ $ref: HealthCheckInterval },
 * { description }]`: elasticloadbalancing's exploded query object `HealthCheck`, whose `Interval=96`
 * the mock read as the text "96"). Undefined when no branch has a type.
 */
function resolveAllOf(model: IrModel, node: IrNode, depth: number): IrNode | undefined {
  const branches = (node.allOf ?? []).map((b) => resolveNode(model, b, depth + 1)).filter((b): b is IrNode => b?.type !== undefined);
  if (branches.length === 0) return undefined;
  // A type every branch accepts (integer is a number: [number] and [integer] share integer).
  const accepts = (branch: IrNode, type: JsonType): boolean => branch.type!.includes(type) || (type === "integer" && branch.type!.includes("number"));
  const types = [...new Set(branches.flatMap((b) => b.type!))].filter((type) => branches.every((b) => accepts(b, type)));
  if (types.length === 0) return undefined;
  const objects = branches.filter((b) => b.type!.includes("object"));
  const arrays = branches.filter((b) => b.type!.includes("array"));
  const properties = objects.flatMap((b) => b.properties ?? []);
  return {
    ...node,
    type: types,
    ...(objects.length > 0 && {
      properties: [...new Map(properties.map((p) => [p.name, p])).values()],
    }),
    ...(objects.some((b) => b.additionalProperties === false) && { additionalProperties: false }),
    ...(arrays.length === 1 && { items: arrays[0]!.items }),
  };
}
