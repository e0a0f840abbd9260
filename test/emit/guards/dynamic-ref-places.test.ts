/**
 * A `$dynamicRef` is found wherever it sits in a named type (emit/guards/dynamic-scope.ts walks
 * every applicator to decide whether any function takes the dynamic scope; a reference it misses
 * is compiled without one, an internal error). The strict-tree example of dynamic-ref.test.ts,
 * with the tree's one dynamic reference moved under each applicator in turn, against ajv.
 */
import Ajv2020 from "ajv/dist/2020";
import { generate } from "../../../generator/index";
import { loadGenerated } from "../../../generator/run-generated";
import type { Guards } from "../../helpers/guards";
import { strictTreeSchema } from "../../helpers/strict-tree";

const ref = { $dynamicRef: "#node" };
const list = (items: object) => ({ type: "array", items });

/** The tree's keywords besides `$id`, `title`, `$dynamicAnchor` and `type`: where its children's dynamic reference sits. */
const PLACES: [string, object, boolean[]?][] = [
  ["items", { properties: { data: true, children: list(ref) } }],
  ["prefixItems", { properties: { data: true, children: { type: "array", prefixItems: [ref, ref], items: false } } }],
  ["contains", { properties: { data: true, children: { type: "array", contains: ref } } }],
  ["unevaluatedItems", { properties: { data: true, children: { type: "array", unevaluatedItems: ref } } }],
  ["allOf", { properties: { data: true, children: list({ allOf: [ref] }) } }],
  ["anyOf", { properties: { data: true, children: list({ anyOf: [ref] }) } }],
  ["oneOf", { properties: { data: true, children: list({ oneOf: [ref] }) } }],
  ["not", { properties: { data: true, children: list({ not: { not: ref } }) } }],
  ["if", { properties: { data: true, children: list({ if: ref, then: true, else: false }) } }],
  ["then", { properties: { data: true, children: list({ if: true, then: ref }) } }],
  ["else", { properties: { data: true, children: list({ if: false, else: ref }) } }],
  ["additionalProperties", { properties: { data: true }, additionalProperties: list(ref) }],
  ["patternProperties", { properties: { data: true }, patternProperties: { "^children$": list(ref) } }],
  ["unevaluatedProperties", { properties: { data: true }, unevaluatedProperties: list(ref) }],
  // ajv says StrictTree rejects { data: 1 } here, whose one property `properties` evaluates (the
  // dependent schema applies only with "children"): the spec's answers for StrictTree instead.
  ["dependentSchemas", { properties: { data: true }, dependentSchemas: { children: { properties: { children: list(ref) } } } }, [true, false, true, false, false, false, true, false]],
  ["propertyNames", { properties: { data: true, children: list({ propertyNames: ref }) } }],
];

const DATA: unknown[] = [{ data: 1 }, { daat: 1 }, { children: [{ data: 1, children: [{ data: 2 }] }] }, { children: [{ daat: 1 }] }, { children: [{ children: [{ daat: 1 }] }] }, { children: [1] }, { children: [{}] }, "tree"];

test.each(PLACES)("a dynamic reference under %s takes the dynamic scope and checks as ajv does", async (...row) => {
  // A rest parameter: a third named one would be taken by jest for `done` on the rows of two.
  const [, keywords, strictExpected] = row;
  const schema = strictTreeSchema(keywords);
  const { files } = await generate({ schema, name: "StrictTree", emit: ["types", "guards"], build: false, format: false });
  expect(files.find((f) => f.path.endsWith("guards.ts"))!.contents).toMatch(/function collect\$Tree\(value: unknown, path\?: string, errors\?: \$ValidationError\[\], dyn\?: DynamicScope\$\)/);
  const guards = loadGenerated(files) as Guards;
  const ajv = new Ajv2020({ strict: false });
  ajv.addSchema(schema);
  const strict = ajv.getSchema("https://example.com/strict-tree")!;
  const tree = ajv.getSchema("https://example.com/tree")!;
  for (const [i, data] of DATA.entries()) {
    const expected = strictExpected?.[i] ?? strict(data);
    expect([data, guards.isStrictTree!(data), guards.validateStrictTree!(data).ok]).toEqual([data, expected, expected]);
    expect([data, guards.isTree!(data), guards.validateTree!(data).ok]).toEqual([data, tree(data), tree(data)]);
  }
});
