/** openapi/schema-object-30.ts: the OpenAPI 3.0 Schema Object rewritten to JSON Schema 2020-12. */
import Ajv from "ajv";
import Ajv2020 from "ajv/dist/2020";
import { validator } from "@exodus/schemasafe";
import { fromSchemaObject30 } from "../../generator/load/openapi/schema-object-30";

test.each<[string, { given: unknown; want: unknown }]>([
  ["nullable beside type adds null to type", { given: { type: "string", nullable: true }, want: { type: ["string", "null"] } }],
  ["nullable: false is dropped", { given: { type: "integer", nullable: false }, want: { type: "integer" } }],
  ["nullable beside enum adds null to it too", { given: { type: "string", enum: ["a", "b"], nullable: true }, want: { type: ["string", "null"], enum: ["a", "b", null] } }],
  ["an enum that has null already keeps one", { given: { type: "string", enum: ["a", null], nullable: true }, want: { type: ["string", "null"], enum: ["a", null] } }],
  ["nullable with enum and no type", { given: { enum: [1, 2], nullable: true }, want: { enum: [1, 2, null] } }],
  ["nullable alone changes nothing (the schema accepts null already)", { given: { nullable: true, description: "d" }, want: { description: "d" } }],
  [
    "nullable beside $ref: the one sibling honoured, by wrapping",
    { given: { $ref: "#/components/schemas/Pet", nullable: true, description: "ignored" }, want: { anyOf: [{ $ref: "#/components/schemas/Pet" }, { type: "null" }] } },
  ],
  [
    "nullable over allOf: wrapped, annotations outside",
    {
      given: { allOf: [{ $ref: "#/components/schemas/Pet" }], nullable: true, description: "the pet", readOnly: true, "x-internal": 1 },
      want: { anyOf: [{ allOf: [{ $ref: "#/components/schemas/Pet" }] }, { type: "null" }], description: "the pet", readOnly: true, "x-internal": 1 },
    },
  ],
  [
    "nullable over oneOf with a discriminator: the discriminator stays with the oneOf",
    {
      given: { type: "object", oneOf: [{ $ref: "#/A" }, { $ref: "#/B" }], discriminator: { propertyName: "kind" }, nullable: true },
      want: { anyOf: [{ type: "object", oneOf: [{ $ref: "#/A" }, { $ref: "#/B" }], discriminator: { propertyName: "kind" } }, { type: "null" }] },
    },
  ],
  ["$ref siblings are dropped", { given: { $ref: "#/components/schemas/Pet", description: "x", maxLength: 3 }, want: { $ref: "#/components/schemas/Pet" } }],
  ["exclusiveMinimum: true makes minimum exclusive", { given: { type: "number", minimum: 5, exclusiveMinimum: true }, want: { type: "number", exclusiveMinimum: 5 } }],
  ["exclusiveMaximum: true makes maximum exclusive", { given: { maximum: 9, exclusiveMaximum: true }, want: { exclusiveMaximum: 9 } }],
  ["exclusive false: the bound stays inclusive", { given: { minimum: 1, exclusiveMinimum: false, maximum: 2, exclusiveMaximum: false }, want: { minimum: 1, maximum: 2 } }],
  ["exclusiveMinimum: true without minimum does nothing", { given: { exclusiveMinimum: true }, want: {} }],
  ["example → examples", { given: { type: "string", example: "abc" }, want: { type: "string", examples: ["abc"] } }],
  ["example: null is an example too", { given: { example: null }, want: { examples: [null] } }],
  [
    "discriminator, xml, externalDocs, x- extensions and formats are kept as they are",
    {
      given: { type: "string", format: "byte", xml: { name: "n" }, externalDocs: { url: "https://e.x" }, "x-go-type": "T", discriminator: { propertyName: "t", mapping: { a: "A" } } },
      want: { type: "string", format: "byte", xml: { name: "n" }, externalDocs: { url: "https://e.x" }, "x-go-type": "T", discriminator: { propertyName: "t", mapping: { a: "A" } } },
    },
  ],
  [
    "every subschema position: properties, items, additionalProperties, not, allOf/anyOf/oneOf",
    {
      given: {
        type: "object",
        properties: { a: { type: "string", nullable: true }, b: { type: "array", items: { type: "integer", minimum: 0, exclusiveMinimum: true } } },
        additionalProperties: { example: 1 },
        not: { type: "boolean", nullable: true },
        allOf: [{ minimum: 1, exclusiveMinimum: true }],
        anyOf: [{ example: "x" }],
        oneOf: [{ $ref: "#/x", nullable: true }],
      },
      want: {
        type: "object",
        properties: { a: { type: ["string", "null"] }, b: { type: "array", items: { type: "integer", exclusiveMinimum: 0 } } },
        additionalProperties: { examples: [1] },
        not: { type: ["boolean", "null"] },
        allOf: [{ exclusiveMinimum: 1 }],
        anyOf: [{ examples: ["x"] }],
        oneOf: [{ anyOf: [{ $ref: "#/x" }, { type: "null" }] }],
      },
    },
  ],
  ["additionalProperties: true stays a boolean", { given: { additionalProperties: true }, want: { additionalProperties: true } }],
  ["a property named nullable is a property, not the keyword", { given: { properties: { nullable: { type: "boolean" } } }, want: { properties: { nullable: { type: "boolean" } } } }],
])("%s", (_name, { given, want }) => {
  const before = JSON.stringify(given);
  expect(fromSchemaObject30(given)).toEqual(want);
  expect(JSON.stringify(given)).toBe(before); // never mutates
});

test("100,000 levels deep: no recursion follows the input's depth", () => {
  const depth = 100_000;
  let schema: Record<string, unknown> = { type: "string", nullable: true };
  for (let i = 0; i < depth; i++) schema = { type: "object", properties: { next: schema }, example: i };
  let converted = fromSchemaObject30(schema) as Record<string, any>;
  const wrong: number[] = [];
  for (let i = depth - 1; i >= 0; i--) {
    if (converted.type !== "object" || converted.examples.length !== 1 || converted.examples[0] !== i) wrong.push(i);
    converted = converted.properties.next;
  }
  expect(wrong).toEqual([]);
  expect(converted).toEqual({ type: ["string", "null"] });
});

test("a shared subschema is converted once; a cycle stays a cycle", () => {
  const shared: Record<string, unknown> = { type: "string", nullable: true };
  const cyclic: Record<string, unknown> = { type: "object", properties: { a: shared, b: shared } };
  (cyclic.properties as Record<string, unknown>).self = cyclic;
  const out = fromSchemaObject30(cyclic) as Record<string, any>;
  expect(out.properties.a).toBe(out.properties.b);
  expect(out.properties.self).toBe(out);
  expect(out.properties.a).toEqual({ type: ["string", "null"] });
});

describe("oracles: the 3.0 schema under a 3.0-faithful validator and the conversion under Ajv2020 agree", () => {
  // draft-04 semantics (boolean exclusive bounds, $ref siblings ignored): @exodus/schemasafe in draft-04 mode.
  const draft04 = (schema: object): ((value: unknown) => boolean) => {
    const validate = validator({ $schema: "http://json-schema.org/draft-04/schema#", ...schema } as never, { allowUnusedKeywords: true, requireValidation: false } as never);
    return (value) => validate(value as never);
  };
  // `nullable` as ajv implements OpenAPI 3.0's (beside `type`).
  const ajvNullable = (schema: object) => new Ajv({ strict: false }).compile(schema);
  const converted = (schema: object) => new Ajv2020({ strict: false }).compile(fromSchemaObject30(schema) as object);

  const VALUES = [null, 0, 1, 5, 5.5, 10, -1, "", "a", "abc", true, [], [1], [null], {}, { id: 1 }, { id: null }, { id: "x" }, { kind: "cat", lives: 9 }];
  test.each<[string, (schema: object) => (value: unknown) => boolean, object]>([
    ["exclusive bounds", draft04, { type: "number", minimum: 1, exclusiveMinimum: true, maximum: 10, exclusiveMaximum: true }],
    ["inclusive bounds", draft04, { type: "integer", minimum: 1, exclusiveMinimum: false, maximum: 5 }],
    ["$ref siblings ignored", draft04, { definitions: { s: { type: "string" } }, properties: { id: { $ref: "#/definitions/s", maxLength: 0, type: "integer" } } }],
    ["nested exclusive bounds in items and properties", draft04, { items: { minimum: 0, exclusiveMinimum: true }, properties: { id: { maximum: 1, exclusiveMaximum: true } } }],
    ["example is only an annotation", draft04, { type: "string", example: 1 }],
    ["nullable string", ajvNullable, { type: "string", nullable: true }],
    ["nullable object with a nullable property", ajvNullable, { type: "object", nullable: true, required: ["id"], properties: { id: { type: "integer", nullable: true } } }],
    ["nullable array of nullable items", ajvNullable, { type: "array", nullable: true, items: { type: "integer", nullable: true } }],
    ["nullable: false", ajvNullable, { type: "number", nullable: false, minimum: 1 }],
  ])("%s", (_name, oracle, schema) => {
    const expected = oracle(schema);
    const actual = converted(schema);
    for (const value of VALUES) expect([value, actual(value)]).toEqual([value, expected(value)]);
  });

  test("where the conversion departs from the letter of 3.0.3 on purpose: nullable beside an enum without null", () => {
    const schema = { type: "string", enum: ["a"], nullable: true };
    expect(ajvNullable(schema)(null)).toBe(false); // 3.0.3: enum "retains its behaviour"
    expect(converted(schema)(null)).toBe(true); // what the author meant
    expect(converted(schema)("b")).toBe(false);
  });
});
