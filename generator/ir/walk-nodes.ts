/** Every subschema node of the named types, each once (a node shared by two places is visited once). */
import type { IrNamedType, IrNode } from "./model";

export function eachNode(types: readonly IrNamedType[], visit: (node: IrNode) => void): void {
  const seen = new Set<object>();
  const walk = (value: unknown): void => {
    if (typeof value !== "object" || value === null || seen.has(value)) return;
    seen.add(value);
    if (Array.isArray(value)) return value.forEach(walk);
    if (typeof (value as IrNode).schemaPath === "string") visit(value as IrNode);
    for (const member of Object.values(value)) if (typeof member === "object") walk(member);
  };
  for (const type of types) walk(type.schema);
}
