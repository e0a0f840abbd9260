/**
 * Reference cycles that never descend into the value. `A: { $ref: B }, B: { anyOf: [{ $ref: A }] }`
 * applies A to the very value A is checking: a validator loops forever (the spec leaves the
 * behaviour undefined) and TypeScript rejects `type A = B; type B = A`. A cycle through `properties`,
 * `items`, ... is ordinary recursion (`Tree → children → Tree`) and stays a named recursive type.
 */
import type { IrNamedType, IrSchema } from "./model";

/** The named types that a type applies to the same value (through `$ref` and in-place applicators). */
function inPlaceRefs(schema: IrSchema, out: string[]): string[] {
  if (typeof schema === "boolean") return out;
  if (schema.ref) out.push(schema.ref);
  // A dynamic reference may resolve elsewhere at run time; its static target loops all the same.
  if (schema.dynamicRef) out.push(schema.dynamicRef.ref);
  for (const list of [schema.allOf, schema.anyOf, schema.oneOf]) for (const member of list ?? []) inPlaceRefs(member, out);
  for (const single of [schema.not, schema.if, schema.then, schema.else]) if (single !== undefined) inPlaceRefs(single, out);
  for (const dependent of schema.dependentSchemas ?? []) inPlaceRefs(dependent.schema, out);
  return out;
}

/**
 * The first cycle of in-place references, as the list of type names (first repeated at the end),
 * or undefined when there is none. Iterative, so a 1,000-long chain does not overflow the stack.
 */
export function findInPlaceCycle(types: readonly IrNamedType[]): string[] | undefined {
  const edges = new Map<string, string[]>();
  for (const type of types) edges.set(type.name, inPlaceRefs(type.schema, []));
  // 0 = unvisited, 1 = on the current path, 2 = done.
  const state = new Map<string, 0 | 1 | 2>();
  for (const start of types) {
    if (state.get(start.name)) continue;
    const path: string[] = [start.name];
    const cursor: number[] = [0];
    state.set(start.name, 1);
    while (path.length > 0) {
      const current = path[path.length - 1]!;
      const next = (edges.get(current) ?? [])[cursor[cursor.length - 1]!++];
      if (next === undefined) {
        state.set(current, 2);
        path.pop();
        cursor.pop();
      } else if (state.get(next) === 1) {
        return [...path.slice(path.indexOf(next)), next];
      } else if (!state.get(next)) {
        state.set(next, 1);
        path.push(next);
        cursor.push(0);
      }
    }
  }
  return undefined;
}
