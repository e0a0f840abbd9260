/**
 * Reference cycles that never descend into the value. `A: { $ref: B }, B: { anyOf: [{ $ref: A }] }`
 * applies A to the very value A is checking: a validator loops forever (the spec leaves the
 * behaviour undefined) and TypeScript rejects `type A = B; type B = A`. A cycle through `properties`,
 * `items`, ... is ordinary recursion (`Tree → children → Tree`) and stays a named recursive type.
 */
import type { IrNamedType, IrSchema } from "./model";
import { refsOf } from "./merge-models";

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

/**
 * The named types on some reference cycle (`Tree → children → Tree`): the only ones whose checks
 * can nest as deep as the data does, so the only ones the guards give a depth limit. Tarjan's
 * strongly connected components, iteratively: a 2,000-long chain of references is no cycle and
 * must not overflow the stack either.
 */
export function typesInCycles(types: readonly IrNamedType[]): Set<string> {
  const edges = new Map<string, string[]>();
  for (const type of types) edges.set(type.name, [...refsOf(type.schema)]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const onStack = new Set<string>();
  const stack: string[] = [];
  const inCycles = new Set<string>();
  for (const start of types) {
    if (index.has(start.name)) continue;
    const path: { name: string; next: number }[] = [];
    const enter = (name: string): void => {
      index.set(name, index.size);
      low.set(name, index.get(name)!);
      stack.push(name);
      onStack.add(name);
      path.push({ name, next: 0 });
    };
    enter(start.name);
    while (path.length > 0) {
      const frame = path[path.length - 1]!;
      const out = edges.get(frame.name) ?? [];
      if (frame.next < out.length) {
        const target = out[frame.next++]!;
        if (!index.has(target)) enter(target);
        else if (onStack.has(target)) low.set(frame.name, Math.min(low.get(frame.name)!, index.get(target)!));
        continue;
      }
      path.pop();
      const parent = path[path.length - 1];
      if (parent) low.set(parent.name, Math.min(low.get(parent.name)!, low.get(frame.name)!));
      if (low.get(frame.name) !== index.get(frame.name)) continue;
      const component: string[] = [];
      for (let member = stack.pop()!; ; member = stack.pop()!) {
        onStack.delete(member);
        component.push(member);
        if (member === frame.name) break;
      }
      // A component of one is a cycle only if the type refers to itself.
      if (component.length > 1 || out.includes(frame.name)) for (const member of component) inCycles.add(member);
    }
  }
  return inCycles;
}
