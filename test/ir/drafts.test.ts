/**
 * Older drafts are read by their own rules and land in the draft 2020-12 IR. Each row is one rule
 * from that draft's specification, checked against the IR it must produce.
 */
import { CodegenError } from "../../generator/errors";
import type { IrModel } from "../../generator/ir/model";
import * as path from "node:path";
import { guardsFor, type Guards } from "../helpers/guards";
import { irOf } from "../helpers/ir";
import { REPO_ROOT } from "../helpers/paths";

const D4 = "http://json-schema.org/draft-04/schema#";
const D6 = "http://json-schema.org/draft-06/schema#";
const D7 = "http://json-schema.org/draft-07/schema#";
const D2019 = "https://json-schema.org/draft/2019-09/schema";
const D2020 = "https://json-schema.org/draft/2020-12/schema";

function rootOf(model: IrModel): unknown {
  return model.types[0]!.schema;
}

describe("dialect detection by $schema", () => {
  test.each<[string | undefined, string]>([
    [undefined, "2020-12"],
    [D2020, "2020-12"],
    ["https://json-schema.org/draft/2020-12/schema#", "2020-12"],
    [D2019, "2019-09"],
    [D7, "draft-07"],
    ["https://json-schema.org/draft-07/schema", "draft-07"],
    [D6, "draft-06"],
    [D4, "draft-04"],
  ])("%s → %s", async ($schema, dialect) => {
    const model = await irOf($schema === undefined ? {} : { $schema });
    expect(model.source.dialect).toBe(dialect);
  });

  test("an unknown meta-schema is an error, not a guess", async () => {
    const error = (await irOf({ $schema: "http://json-schema.org/draft-03/schema#" }).catch((e: unknown) => e)) as CodegenError;
    expect(error).toBeInstanceOf(CodegenError);
    expect(error.format()).toMatch(/^\(schema\)#\/\$schema: unsupported meta-schema "http:\/\/json-schema.org\/draft-03\/schema#"/);
  });
});

describe("each draft's keywords → 2020-12 IR", () => {
  test.each<[string, { given: object; want: unknown }]>([
    [
      "draft-04: boolean exclusiveMinimum/Maximum make minimum/maximum exclusive",
      {
        given: { $schema: D4, minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false },
        want: { schemaPath: "#", annotations: {}, exclusiveMinimum: 1, maximum: 9 },
      },
    ],
    [
      "draft-04: exclusiveMinimum without minimum does nothing",
      { given: { $schema: D4, exclusiveMinimum: true }, want: { schemaPath: "#", annotations: {} } },
    ],
    [
      "draft-04: const, contains, propertyNames, if are not keywords yet",
      { given: { $schema: D4, const: 1, contains: { type: "string" }, propertyNames: false, if: false }, want: { schemaPath: "#", annotations: {} } },
    ],
    [
      "draft-06: numeric exclusiveMinimum, const, contains; if/then/else not yet",
      {
        given: { $schema: D6, exclusiveMinimum: 0, const: 3, contains: { type: "number" }, if: false, then: false },
        want: { schemaPath: "#", annotations: {}, exclusiveMinimum: 0, const: { value: 3 }, contains: { schemaPath: "#/contains", annotations: {}, type: ["number"] } },
      },
    ],
    [
      "draft-07: array items → prefixItems, additionalItems → items",
      {
        given: { $schema: D7, items: [{ type: "string" }, true], additionalItems: false },
        want: { schemaPath: "#", annotations: {}, prefixItems: [{ schemaPath: "#/items/0", annotations: {}, type: ["string"] }, true], items: false },
      },
    ],
    [
      "draft-07: additionalItems next to a schema items is ignored",
      {
        given: { $schema: D7, items: { type: "string" }, additionalItems: false },
        want: { schemaPath: "#", annotations: {}, items: { schemaPath: "#/items", annotations: {}, type: ["string"] } },
      },
    ],
    [
      "draft-07: dependencies → dependentRequired (arrays) + dependentSchemas (schemas)",
      {
        given: { $schema: D7, dependencies: { a: ["b", "c"], d: { required: ["e"] } } },
        want: {
          schemaPath: "#",
          annotations: {},
          dependentRequired: [{ name: "a", required: ["b", "c"] }],
          dependentSchemas: [{ name: "d", schema: { schemaPath: "#/dependencies/d", annotations: {}, required: ["e"] } }],
        },
      },
    ],
    [
      "draft-07: if/then/else are keywords; unevaluatedProperties, dependentRequired, minContains are not",
      {
        given: { $schema: D7, if: { type: "string" }, then: { minLength: 1 }, unevaluatedProperties: false, dependentRequired: { a: ["b"] }, minContains: 2 },
        want: {
          schemaPath: "#",
          annotations: {},
          if: { schemaPath: "#/if", annotations: {}, type: ["string"] },
          then: { schemaPath: "#/then", annotations: {}, minLength: 1 },
        },
      },
    ],
    [
      "draft-07: $ref overrides every sibling keyword",
      {
        given: { $schema: D7, definitions: { a: { type: "integer" } }, properties: { p: { $ref: "#/definitions/a", type: "string", maximum: 3 } } },
        want: { schemaPath: "#", annotations: {}, properties: [{ name: "p", schema: { schemaPath: "#/properties/p", annotations: {}, ref: "A" } }] },
      },
    ],
    [
      "2019-09: array items + additionalItems, dependentRequired, unevaluatedProperties; $ref keeps its siblings",
      {
        given: { $schema: D2019, $defs: { a: { type: "integer" } }, items: [true], additionalItems: { type: "string" }, dependentRequired: { a: ["b"] }, unevaluatedProperties: false, allOf: [{ $ref: "#/$defs/a", maximum: 3 }] },
        want: {
          schemaPath: "#",
          annotations: {},
          prefixItems: [true],
          items: { schemaPath: "#/additionalItems", annotations: {}, type: ["string"] },
          dependentRequired: [{ name: "a", required: ["b"] }],
          unevaluatedProperties: false,
          allOf: [{ schemaPath: "#/allOf/0", annotations: {}, ref: "A", maximum: 3 }],
        },
      },
    ],
    [
      "2019-09: prefixItems and dependencies are not keywords yet",
      { given: { $schema: D2019, prefixItems: [false], dependencies: { a: ["b"] } }, want: { schemaPath: "#", annotations: {} } },
    ],
    [
      "2020-12: additionalItems and dependencies are no longer keywords",
      { given: { $schema: D2020, items: { type: "null" }, additionalItems: false, dependencies: { a: ["b"] } }, want: { schemaPath: "#", annotations: {}, items: { schemaPath: "#/items", annotations: {}, type: ["null"] } } },
    ],
  ])("%s", async (_name, { given, want }) => {
    expect(rootOf(await irOf(given))).toEqual(want);
  });
});

describe("each draft's way of naming a subschema", () => {
  test("draft-04: `id` sets the base URI and `id: \"#x\"` is an anchor", async () => {
    const model = await irOf({
      $schema: D4,
      id: "http://example.test/root.json",
      properties: { a: { $ref: "#inner" }, b: { $ref: "http://example.test/root.json#/definitions/n" } },
      definitions: { inner: { id: "#inner", type: "boolean" }, n: { type: "null" } },
    });
    expect(model.types.map((t) => t.name)).toEqual(["Schema", "Inner", "N"]);
  });

  test("draft-07: `$id: \"#x\"` is an anchor; `$anchor` is not a keyword yet", async () => {
    const model = await irOf({ $schema: D7, properties: { a: { $ref: "#inner" } }, definitions: { inner: { $id: "#inner", type: "boolean" } } });
    expect((rootOf(model) as { properties: { schema: { ref: string } }[] }).properties[0]!.schema.ref).toBe("Inner");
    const error = (await irOf({ $schema: D7, properties: { a: { $ref: "#x" } }, definitions: { x: { $anchor: "x" } } }).catch((e: unknown) => e)) as CodegenError;
    expect(error.code).toBe("unresolvedRef");
    expect(error.location.pointer).toBe("#/properties/a/$ref");
  });

  test("draft-07: a `$id` next to `$ref` does not change the base URI", async () => {
    // From the JSON-Schema-Test-Suite (draft7 ref.json): the sibling $id is ignored, so the ref
    // resolves against the root, not against http://example.test/sub/.
    const model = await irOf({
      $schema: D7,
      $id: "http://example.test/root.json",
      properties: { a: { $id: "http://example.test/sub/x.json", $ref: "#/definitions/n" } },
      definitions: { n: { type: "null" } },
    });
    expect((rootOf(model) as { properties: { schema: { ref: string } }[] }).properties[0]!.schema.ref).toBe("N");
  });

  test("2019-09 and 2020-12: `$anchor`", async () => {
    for (const $schema of [D2019, D2020]) {
      const model = await irOf({ $schema, properties: { a: { $ref: "#it" } }, $defs: { x: { $anchor: "it", type: "string" } } });
      expect((rootOf(model) as { properties: { schema: { ref: string } }[] }).properties[0]!.schema.ref).toBe("X");
    }
  });

  test("2019-09: $recursiveRef is dynamic only when its target has $recursiveAnchor: true; 2020-12 ignores both", async () => {
    const anchored = rootOf(await irOf({ $schema: D2019, $recursiveAnchor: true, items: { $recursiveRef: "#" } })) as { items: unknown };
    expect(anchored.items).toEqual({ schemaPath: "#/items", annotations: {}, dynamicRef: { ref: "Schema", anchor: "$recursiveAnchor" } });
    const plain = rootOf(await irOf({ $schema: D2019, items: { $recursiveRef: "#" } })) as { items: unknown };
    expect(plain.items).toEqual({ schemaPath: "#/items", annotations: {}, ref: "Schema" });
    expect(rootOf(await irOf({ $schema: D2020, $recursiveAnchor: true, items: { $recursiveRef: "#" } }))).toEqual({ schemaPath: "#", annotations: {}, items: { schemaPath: "#/items", annotations: {} } });
  });

  test("2020-12: array-form items is an error that says to use prefixItems", async () => {
    const error = (await irOf({ items: [true] }).catch((e: unknown) => e)) as CodegenError;
    expect(error.location.pointer).toBe("#/items");
    expect(error.message).toContain("prefixItems");
  });
});

describe("a referenced file is read by its own $schema, not the root's", () => {
  const MIXED = path.join(REPO_ROOT, "test", "fixtures", "drafts", "mixed", "root.schema.json");
  let guards: Guards;
  beforeAll(async () => {
    guards = await guardsFor(MIXED);
  });

  test.each<[string, unknown, boolean]>([
    // draft-04 file: boolean exclusiveMinimum makes minimum exclusive.
    ["draft-04 exclusiveMinimum: true excludes the minimum", { price: 0 }, false],
    ["draft-04 minimum still admits what is above it", { price: 0.5 }, true],
    ["draft-04 exclusiveMaximum: false keeps the maximum", { price: 100 }, true],
    // draft-07 file: array-form items and additionalItems.
    ["draft-07 items array checks by position", { pair: ["a", 1] }, true],
    ["draft-07 items array: a wrong type at a position", { pair: ["a", "b"] }, false],
    ["draft-07 additionalItems: false refuses a third item", { pair: ["a", 1, 2] }, false],
    // draft-07 file: $ref overrides its siblings, so `dependencies` beside it does nothing.
    ["draft-07 $ref beside other keywords: only the $ref applies", { tagged: { label: "x", tag: 1 } }, true],
    ["draft-07 $ref target still applies", { tagged: { tag: "x" } }, false],
    // the 2020-12 root keeps its own rules: items after prefixItems.
    ["2020-12 root: items: false after prefixItems", { modern: ["a", "b"] }, false],
    ["2020-12 root: prefixItems alone", { modern: ["a"] }, true],
  ])("%s", (_, value, valid) => {
    expect(guards.isMixed!(value)).toBe(valid);
  });

  test("the same files read by the root's dialect would mean something else", async () => {
    // Proof that the test above can fail: under 2020-12 rules, draft-04's boolean exclusiveMinimum
    // is invalid (it must be a number), so reading the file by the root's dialect is an error.
    const error = await irOf({ $schema: D2020, $defs: { Price: { minimum: 0, exclusiveMinimum: true } } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
  });
});
