/**
 * Depth in the IR: subschemas nested deeper than MAX_INLINE_DEPTH become named types of their own
 * ("<Base>_<n>"), so nothing downstream ever sees unbounded nesting; and the cycle finder the guards'
 * depth limit relies on.
 */
import { MAX_INLINE_DEPTH } from "../../generator/ir/from-json-schema";
import { isNode, type IrNamedType, type IrSchema } from "../../generator/ir/model";
import { typesInCycles } from "../../generator/ir/reference-cycles";
import { irOf } from "../helpers/ir";

/** `levels` nested `properties.a`, around a string. */
function nested(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: "string" };
  for (let i = 0; i < levels; i++) schema = { type: "object", properties: { a: schema } };
  return schema;
}

/** How deep IR nodes nest inside one named type. */
function depthOf(schema: IrSchema): number {
  if (!isNode(schema)) return 0;
  const below = (schema.properties ?? []).map((p) => depthOf(p.schema));
  return 1 + Math.max(0, ...below);
}

describe("hoisting subschemas nested too deep", () => {
  test("a schema within the limit stays one type", async () => {
    const model = await irOf({ title: "Shallow", ...nested(MAX_INLINE_DEPTH) });
    expect(model.types.map((t) => t.name)).toEqual(["Shallow"]);
  });

  test("deeper levels become Deep_1, Deep_2, ... each referenced where it was, with its own path", async () => {
    const model = await irOf({ title: "Deep", ...nested(3 * MAX_INLINE_DEPTH) });
    expect(model.types.map((t) => t.name)).toEqual(["Deep", "Deep_1", "Deep_2"]);
    // The type's own node, MAX_INLINE_DEPTH levels inline, and the reference to the next.
    for (const type of model.types) expect(depthOf(type.schema)).toBeLessThanOrEqual(MAX_INLINE_DEPTH + 2);
    const path = (levels: number): string => `#${"/properties/a".repeat(levels)}`;
    expect(model.types[1]!.origin).toBe(path(MAX_INLINE_DEPTH + 1));
    expect(model.types[2]!.origin).toBe(path(2 * (MAX_INLINE_DEPTH + 1)));
    // The node where Deep_1 was is now a reference to it.
    let node: IrSchema = model.types[0]!.schema;
    for (let i = 0; i <= MAX_INLINE_DEPTH; i++) node = (node as { properties: { schema: IrSchema }[] }).properties[0]!.schema;
    expect(node).toEqual({ schemaPath: path(MAX_INLINE_DEPTH + 1), ref: "Deep_1", annotations: {} });
  });

  test("hoisted names never take a schema's own name, whatever it is called", async () => {
    const model = await irOf({
      title: "Deep",
      $defs: { Deep_1: { type: "string" }, "Deep 2": { type: "number" } },
      ...nested(2 * MAX_INLINE_DEPTH),
    });
    expect(model.types.map((t) => t.name)).toEqual(["Deep", "Deep1", "Deep2", "Deep_1"]);
    expect(model.warnings).toEqual([]);
  });

  test("hoisted types are named after the type they came out of", async () => {
    const model = await irOf({ title: "Root", $defs: { Tree: nested(MAX_INLINE_DEPTH + 2) }, $ref: "#/$defs/Tree" });
    expect(model.types.map((t) => t.name)).toEqual(["Root", "Tree", "Tree_1"]);
  });
});

describe("typesInCycles", () => {
  const type = (name: string, refs: string[]): IrNamedType => ({
    name,
    origin: `#/$defs/${name}`,
    schema: { schemaPath: "#", annotations: {}, properties: refs.map((ref) => ({ name: ref, schema: { schemaPath: "#", annotations: {}, ref } })) },
  });

  test.each<[string, IrNamedType[], string[]]>([
    ["no references", [type("A", [])], []],
    ["a chain is no cycle", [type("A", ["B"]), type("B", ["C"]), type("C", [])], []],
    ["a type referring to itself", [type("A", ["A"]), type("B", ["A"])], ["A"]],
    ["a cycle of three, and a type hanging off it", [type("A", ["B"]), type("B", ["C"]), type("C", ["A", "D"]), type("D", [])], ["A", "B", "C"]],
  ])("%s", (_, types, want) => {
    expect([...typesInCycles(types)].sort()).toEqual(want);
  });

  test("a 20,000-long chain with a cycle at its end: no stack overflow", () => {
    const types = Array.from({ length: 20_000 }, (_, i) => type(`T${i}`, [`T${i + 1}`]));
    types.push(type("T20000", ["T19999"]));
    expect([...typesInCycles(types)].sort()).toEqual(["T19999", "T20000"]);
  });
});
