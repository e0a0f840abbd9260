/**
 * Every subschema node of the named types, each once (a node shared by two places is visited once).
 * One walk for every check that reads the whole IR (from-json-schema.ts runs its findings in one):
 * stripe's IR is ~100,000 nodes, and each walk of it was ~0.02 s on the main thread's critical path.
 */
import type { IrNamedType, IrNode } from "./model";

/** What a whole-IR check gives the walk: its visit of each node, and its findings once every node is seen. */
export interface NodeCheck<F> {
  visit(node: IrNode): void;
  findings(): F[];
}

export function eachNode(types: readonly IrNamedType[], visit: (node: IrNode) => void): void {
  // Only nodes are remembered: an array or a wrapper ({ name, schema }) shared by two places is walked
  // twice, down to its nodes, which are not (half the set's work on stripe's IR).
  const seen = new Set<object>();
  const walk = (value: object): void => {
    if (Array.isArray(value)) {
      for (const item of value) if (typeof item === "object" && item !== null) walk(item);
      return;
    }
    if (typeof (value as IrNode).schemaPath === "string") {
      if (seen.has(value)) return;
      seen.add(value);
      visit(value as IrNode);
    }
    // for-in, not Object.values: no array made for each of the walk's objects.
    for (const key in value) {
      const member = (value as Record<string, unknown>)[key];
      if (typeof member === "object" && member !== null) walk(member);
    }
  };
  for (const type of types) if (typeof type.schema === "object") walk(type.schema);
}

/** The checks' findings, each check's in turn, from one walk over the named types. */
export function runNodeChecks<F>(types: readonly IrNamedType[], checks: readonly NodeCheck<F>[]): F[] {
  eachNode(types, (node) => {
    for (const check of checks) check.visit(node);
  });
  return checks.flatMap((check) => check.findings());
}
