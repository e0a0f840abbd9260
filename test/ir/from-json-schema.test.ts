import { CodegenError } from "../../generator/errors";
import type { IrModel } from "../../generator/ir/model";
import { irOf } from "../helpers/ir";

/** The root type's schema, without the annotations noise when there is none. */
function rootOf(model: IrModel): unknown {
  return model.types[0]!.schema;
}

describe("fromJsonSchema: keywords to IR", () => {
  test.each<[string, { given: object; want: unknown }]>([
    ["type string", { given: { type: "string" }, want: { schemaPath: "#", annotations: {}, type: ["string"] } }],
    ["type list, deduplicated", { given: { type: ["string", "null", "string"] }, want: { schemaPath: "#", annotations: {}, type: ["string", "null"] } }],
    ["const null is kept apart from no const", { given: { const: null }, want: { schemaPath: "#", annotations: {}, const: { value: null } } }],
    ["enum", { given: { enum: ["a", 1, null] }, want: { schemaPath: "#", annotations: {}, enum: ["a", 1, null] } }],
    [
      "string constraints",
      { given: { type: "string", minLength: 1, maxLength: 5.0, pattern: "^a", format: "uuid" }, want: { schemaPath: "#", annotations: {}, type: ["string"], minLength: 1, maxLength: 5, pattern: "^a", format: "uuid" } },
    ],
    [
      "number constraints",
      { given: { minimum: 0, exclusiveMaximum: 10, multipleOf: 0.5 }, want: { schemaPath: "#", annotations: {}, minimum: 0, exclusiveMaximum: 10, multipleOf: 0.5 } },
    ],
    [
      "object keywords keep property order and paths",
      {
        given: { type: "object", properties: { b: { type: "string" }, a: true }, required: ["b"], additionalProperties: false },
        want: {
          schemaPath: "#",
          annotations: {},
          type: ["object"],
          properties: [
            { name: "b", schema: { schemaPath: "#/properties/b", annotations: {}, type: ["string"] } },
            { name: "a", schema: true },
          ],
          required: ["b"],
          additionalProperties: false,
        },
      },
    ],
    [
      "array keywords",
      {
        given: { prefixItems: [{ type: "integer" }], items: false, minItems: 1, maxItems: 3, uniqueItems: true, contains: { const: 1 }, maxContains: 2 },
        want: {
          schemaPath: "#",
          annotations: {},
          prefixItems: [{ schemaPath: "#/prefixItems/0", annotations: {}, type: ["integer"] }],
          items: false,
          minItems: 1,
          maxItems: 3,
          uniqueItems: true,
          contains: { schemaPath: "#/contains", annotations: {}, const: { value: 1 } },
          maxContains: 2,
        },
      },
    ],
    [
      "annotations: description, example(s), default, deprecated",
      {
        given: { description: "d", example: "x", examples: ["y"], default: null, deprecated: true },
        want: { schemaPath: "#", annotations: { description: "d", examples: ["y", "x"], default: { value: null }, deprecated: true } },
      },
    ],
    [
      "anyOf of required branches",
      {
        given: { anyOf: [{ required: ["a"] }, { required: ["b"] }] },
        want: {
          schemaPath: "#",
          annotations: {},
          anyOf: [
            { schemaPath: "#/anyOf/0", annotations: {}, required: ["a"] },
            { schemaPath: "#/anyOf/1", annotations: {}, required: ["b"] },
          ],
        },
      },
    ],
    // (Beside a keyword: JSON with no schema keyword at all is refused as not a schema, load/input-kind.ts.)
    ["unknown keywords are annotations and ignored", { given: { $comment: "c", "x-vendor": 1, foo: { type: "string" } }, want: { schemaPath: "#", annotations: { $comment: "c" } } }],
  ])("%s", async (_name, { given, want }) => {
    expect(rootOf(await irOf(given))).toEqual(want);
  });
});

describe("fromJsonSchema: names and references", () => {
  test("root from title, $defs by key, in document order", async () => {
    const model = await irOf({ title: "koala batch", $defs: { TrackEvent: { type: "object" }, page_view: { type: "object" } } });
    expect(model.types.map((t) => [t.name, t.origin])).toEqual([
      ["KoalaBatch", "#"],
      ["TrackEvent", "#/$defs/TrackEvent"],
      ["PageView", "#/$defs/page_view"],
    ]);
  });

  test("--name wins over title", async () => {
    expect((await irOf({ title: "A" }, { rootName: "Event" })).rootName).toBe("Event");
  });

  test("every $ref to one target shares one named type", async () => {
    const model = await irOf({
      type: "object",
      properties: { a: { $ref: "#/$defs/Item" }, b: { type: "array", items: { $ref: "#/$defs/Item" } } },
      $defs: { Item: { type: "string" } },
    });
    expect(model.types.map((t) => t.name)).toEqual(["Schema", "Item"]);
    const root = model.types[0]!.schema as { properties: { schema: { ref?: string; items?: { ref?: string } } }[] };
    expect(root.properties[0]!.schema.ref).toBe("Item");
    expect(root.properties[1]!.schema.items!.ref).toBe("Item");
  });

  test("a cycle becomes a reference, not endless recursion", async () => {
    const model = await irOf({ $defs: { Node: { type: "object", properties: { next: { $ref: "#/$defs/Node" } } } }, $ref: "#/$defs/Node" });
    const node = model.types.find((t) => t.name === "Node")!.schema as { properties: { schema: { ref: string } }[] };
    expect(node.properties[0]!.schema.ref).toBe("Node");
  });

  test("a referenced subschema outside $defs is named after title, else its location", async () => {
    const model = await irOf({
      properties: { a: { type: "object", title: "Address" }, b: { type: "object" } },
      allOf: [{ $ref: "#/properties/a" }, { $ref: "#/properties/b" }],
    });
    expect(model.types.map((t) => t.name)).toEqual(["Schema", "Address", "B"]);
  });
});

describe("fromJsonSchema: bad schemas fail with the schema path", () => {
  test.each<[string, object, string, string]>([
    ["maxItems as a string", { properties: { e: { maxItems: "30" } } }, "#/properties/e/maxItems", "non-negative integer"],
    ["negative minLength", { minLength: -1 }, "#/minLength", "non-negative integer"],
    ["unknown type name", { type: "text" }, "#/type", "one of string"],
    ["a schema where type's name goes (codat.io/accounting)", { type: { type: "string", enum: ["a"] } }, "#/type", "or an array of them, got an object"],
    ["an unknown name in a type list, named with its index", { type: ["string", "int"] }, "#/type/1", 'got "int"'],
    ["a YAML null in a type list (postman's compositeSchemaNullableSpec)", { type: ["integer", null] }, "#/type/1", 'the name "null" is a string: quote it in YAML), got null'],
    ["required not an array", { required: "a" }, "#/required", "array of strings"],
    ["a schema that is a number", { properties: { a: 3 } }, "#/properties/a", "object or a boolean"],
    ["regex that does not compile", { pattern: "([a-z" }, "#/pattern", "does not compile"],
    ["empty anyOf", { anyOf: [] }, "#/anyOf", "non-empty array"],
    ["multipleOf zero", { multipleOf: 0 }, "#/multipleOf", "greater than 0"],
  ])("%s", async (_name, schema, pointer, message) => {
    const error = await irOf(schema).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CodegenError);
    expect((error as CodegenError).code).toBe("invalidSchema");
    expect((error as CodegenError).location.pointer).toBe(pointer);
    expect((error as CodegenError).message).toContain(message);
  });

  test("$dynamicRef: dynamic when its target declares the anchor, else a plain $ref", async () => {
    const model = await irOf({
      $dynamicAnchor: "node",
      properties: { a: { $dynamicRef: "#node" }, b: { $dynamicRef: "#plain" }, c: { $dynamicRef: "#/$defs/Plain" } },
      $defs: { Plain: { $anchor: "plain", type: "string" } },
    });
    const root = model.types[0]!.schema as { dynamicScope: unknown; properties: { schema: unknown }[] };
    expect(root.dynamicScope).toEqual([{ anchor: "node", type: model.rootName }]);
    expect(root.properties.map((p) => p.schema)).toEqual([
      { schemaPath: "#/properties/a", annotations: {}, dynamicRef: { ref: model.rootName, anchor: "node" } },
      { schemaPath: "#/properties/b", annotations: {}, ref: "Plain" },
      { schemaPath: "#/properties/c", annotations: {}, ref: "Plain" },
    ]);
  });

  test("unresolved $ref names the pointer of the $ref", async () => {
    const error = (await irOf({ properties: { a: { $ref: "#/$defs/Missing" } } }).catch((e: unknown) => e)) as CodegenError;
    expect(error.code).toBe("unresolvedRef");
    expect(error.location.pointer).toBe("#/properties/a/$ref");
  });

  test("a warning shows its place as errors do: the pointer percent-encoded (`{id}` → `%7Bid%7D`)", async () => {
    const model = await irOf({ title: "Root", $defs: { item_id: { type: "string" }, "item{id}": { type: "integer" } } });
    expect(model.warnings).toEqual(['(schema)#/$defs/item%7Bid%7D: name collision: "item{id}" becomes "ItemId", taken by #/$defs/item_id; using "ItemId2"']);
  });
});
