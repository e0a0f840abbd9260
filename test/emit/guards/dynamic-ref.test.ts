/**
 * $dynamicRef (2020-12) and $recursiveRef (2019-09) in generated guards, on the classic extension
 * example: `tree` recurses through a dynamic reference, `strict-tree` extends it with
 * `unevaluatedProperties: false`, and the strictness must reach every level of the tree (which a
 * plain `$ref` would not do). Each case is checked with isX and validateX, and against ajv.
 */
import Ajv2019 from "ajv/dist/2019";
import Ajv2020 from "ajv/dist/2020";
import { generate } from "../../../generator/index";
import { loadGenerated } from "../../../generator/run-generated";
import type { Guards } from "../../helpers/guards";
import { strictTreeSchema, TREE_PROPERTIES } from "../../helpers/strict-tree";

const tree2020 = strictTreeSchema(TREE_PROPERTIES, { Label: { type: "string" } });

const tree2019 = {
  $schema: "https://json-schema.org/draft/2019-09/schema",
  $id: "https://example.com/strict-tree",
  title: "StrictTree",
  $recursiveAnchor: true,
  $ref: "tree",
  unevaluatedProperties: false,
  $defs: {
    tree: {
      $id: "tree",
      title: "Tree",
      $recursiveAnchor: true,
      type: "object",
      properties: { data: true, children: { type: "array", items: { $recursiveRef: "#" } } },
    },
    Label: { type: "string" },
  },
};

// [case, data, valid against StrictTree, valid against Tree]
const CASES: [string, unknown, boolean, boolean][] = [
  ["a leaf", { data: 1 }, true, true],
  ["a misspelled property at the top", { daat: 1 }, false, true],
  ["nested children, all spelled right", { children: [{ data: 1, children: [{ data: 2 }] }] }, true, true],
  ["a misspelled property one level down: strict through the dynamic reference", { children: [{ daat: 1 }] }, false, true],
  ["a misspelled property two levels down", { children: [{ children: [{ daat: 1 }] }] }, false, true],
  ["a child that is not an object", { children: [1] }, false, false],
  ["not an object", "tree", false, false],
];

async function guardsOf(schema: object, name = "StrictTree"): Promise<{ guards: Guards; source: string; types: string }> {
  const { files } = await generate({ schema, name, emit: ["types", "guards"], build: false, format: false });
  const file = (name: string) => files.find((f) => f.path.endsWith(name))!.contents;
  return { guards: loadGenerated(files) as Guards, source: file("guards.ts"), types: file("types.ts") };
}

describe.each([
  ["2020-12 $dynamicRef/$dynamicAnchor", tree2020, () => new Ajv2020({ strict: false })],
  ["2019-09 $recursiveRef/$recursiveAnchor", tree2019, () => new Ajv2019({ strict: false })],
] as const)("%s", (_name, schema, makeAjv) => {
  let generated: Awaited<ReturnType<typeof guardsOf>>;
  const ajv = makeAjv();
  ajv.addSchema(schema);
  const ajvStrict = ajv.getSchema("https://example.com/strict-tree")!;
  const ajvTree = ajv.getSchema("https://example.com/tree")!;
  beforeAll(async () => {
    generated = await guardsOf(schema);
  });

  test.each(CASES)("%s", (_case, data, strict, plain) => {
    const { isStrictTree, validateStrictTree, isTree, validateTree } = generated.guards;
    expect([isStrictTree!(data), validateStrictTree!(data).ok, ajvStrict(data)]).toEqual([strict, strict, strict]);
    expect([isTree!(data), validateTree!(data).ok, ajvTree(data)]).toEqual([plain, plain, plain]);
  });

  test("validateX reports the misspelled property deep in the tree, at its path", () => {
    const result = generated.guards.validateStrictTree!({ children: [{ children: [{ daat: 1 }] }] });
    expect(result.ok).toBe(false);
    expect(result.errors).toContainEqual(expect.objectContaining({ path: "/children/0/children/0", keyword: "unevaluatedProperties" }));
  });

  test("only functions that can reach the dynamic reference take the scope; the type is the static target's", () => {
    expect(generated.source).toMatch(/function collect\$Tree\(value: unknown, path\?: string, errors\?: \$ValidationError\[\], dyn\?: DynamicScope\$\)/);
    expect(generated.source).toMatch(/function collect\$Label\(value: unknown, path\?: string, errors\?: \$ValidationError\[\]\): boolean/);
    expect(generated.types).toMatch(/children\?: Tree\[\];/);
  });
});

test("a schema without dynamic references gets no trace of the dynamic scope", async () => {
  const { source } = await guardsOf({ $defs: { node: { $dynamicAnchor: "node", type: "object", properties: { next: { $ref: "#node" } } } }, $ref: "#node" }, "Plain");
  expect(source).not.toMatch(/dyn|DynamicScope/);
});

test("after leaving a resource, its anchors are out of scope; the outermost resource entered wins", async () => {
  // `list` resolves "#item" dynamically: entered through `strings` (which declares it), items must
  // be strings; entered directly, the static target (numbers) applies. The expectations are the
  // spec's, not ajv's: ajv only knows a $dynamicAnchor once it has evaluated the schema holding it
  // (never, for `strings#item`), and says the first case is invalid.
  const schema = {
    $id: "https://example.com/root",
    title: "Root",
    properties: { strings: { $ref: "strings" }, numbers: { $ref: "list" } },
    $defs: {
      strings: { $id: "strings", $ref: "list", $defs: { stringItem: { $dynamicAnchor: "item", type: "string" } } },
      list: { $id: "list", type: "array", items: { $dynamicRef: "#item" }, $defs: { numberItem: { $dynamicAnchor: "item", type: "number" } } },
    },
  };
  const { guards } = await guardsOf(schema, "Root");
  for (const [data, valid] of [
    [{ strings: ["a"], numbers: [1] }, true],
    [{ strings: [1] }, false],
    [{ numbers: ["a"] }, false],
    [{ strings: ["a", 1] }, false],
  ] as const) {
    expect([guards.isRoot!(data), guards.validateRoot!(data).ok]).toEqual([valid, valid]);
  }
});
