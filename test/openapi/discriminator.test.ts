/** openapi/discriminator.ts: the tag → branch table of a discriminated union. */
import * as path from "node:path";
import { readDiscriminator, type Discriminator } from "../../generator/load/openapi/discriminator";
import { generate } from "../../generator/index";
import { loadGenerated } from "../../generator/run-generated";
import { parseDocument, SHARED_OPENAPI } from "../helpers/openapi";
import { REPO_ROOT } from "../helpers/paths";

const components = (schemas: Record<string, unknown>) => ({ openapi: "3.1.0", components: { schemas } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

test.each<[string, { schema: Record<string, unknown>; schemas?: Record<string, unknown>; want: Discriminator | undefined }]>([
  ["no discriminator", { schema: { oneOf: [ref("Cat")] }, want: undefined }],
  [
    "oneOf without mapping: each component's name is its tag",
    { schema: { oneOf: [ref("Cat"), ref("Dog")], discriminator: { propertyName: "petType" } }, schemas: { Cat: {}, Dog: {} }, want: { propertyName: "petType", branches: [{ tag: "Cat", ref: "#/components/schemas/Cat" }, { tag: "Dog", ref: "#/components/schemas/Dog" }] } },
  ],
  [
    "mapping by name and by reference; an unmapped branch keeps its implicit tag",
    {
      schema: { anyOf: [ref("Cat"), ref("Dog"), ref("Lizard")], discriminator: { propertyName: "kind", mapping: { cat: "Cat", dog: "#/components/schemas/Dog", other: "other.yaml#/Thing" } } },
      schemas: { Cat: {}, Dog: {}, Lizard: {} },
      want: {
        propertyName: "kind",
        branches: [
          { tag: "cat", ref: "#/components/schemas/Cat" },
          { tag: "dog", ref: "#/components/schemas/Dog" },
          { tag: "other", ref: "other.yaml#/Thing" },
          { tag: "Lizard", ref: "#/components/schemas/Lizard" },
        ],
      },
    },
  ],
  [
    "a mapping value that is no component's name is a reference",
    { schema: { oneOf: [], discriminator: { propertyName: "t", mapping: { a: "Nope", b: "v1.Pet" } } }, schemas: { "v1.Pet": {} }, want: { propertyName: "t", branches: [{ tag: "a", ref: "Nope" }, { tag: "b", ref: "#/components/schemas/v1.Pet" }] } },
  ],
  [
    "an implicit tag the mapping already has is not added twice",
    { schema: { oneOf: [ref("Cat"), ref("Dog")], discriminator: { propertyName: "t", mapping: { Cat: "Dog" } } }, schemas: { Cat: {}, Dog: {} }, want: { propertyName: "t", branches: [{ tag: "Cat", ref: "#/components/schemas/Dog" }] } },
  ],
  [
    "a component pinning the property to one value (enum or const) is tagged by it, not by its name, which no value of it has",
    {
      schema: { oneOf: [ref("Cat"), ref("Dog"), ref("Bird")], discriminator: { propertyName: "type" } },
      schemas: { Cat: { properties: { type: { type: "string", enum: ["CAT"] } } }, Dog: { allOf: [ref("Base"), { properties: { type: { const: "DOG" } } }] }, Bird: { properties: { type: { enum: ["BIRD", "PARROT"] } } } },
      want: { propertyName: "type", branches: [{ tag: "CAT", ref: "#/components/schemas/Cat" }, { tag: "DOG", ref: "#/components/schemas/Dog" }, { tag: "Bird", ref: "#/components/schemas/Bird" }] },
    },
  ],
  [
    // Its values would be refused by the tag's check though the oneOf takes them (discriminator-inline-branches.test.ts).
    "an inline branch with no tag of its own leaves the discriminator unused",
    { schema: { oneOf: [{ type: "object" }, ref("Dog")], discriminator: { propertyName: "t" } }, schemas: { Dog: {} }, want: undefined },
  ],
  [
    "a mapping key that spells the number or boolean its target pins is that value (.NET 9's \"1\", pydantic's \"True\")",
    {
      schema: { oneOf: [ref("Car"), ref("Bike"), ref("Boat")], discriminator: { propertyName: "t", mapping: { "1": ref("Car").$ref, True: ref("Bike").$ref, "2": ref("Boat").$ref } } },
      schemas: { Car: { properties: { t: { enum: [1] } } }, Bike: { properties: { t: { const: true } } }, Boat: { properties: { t: { const: "2" } } } },
      want: {
        propertyName: "t",
        branches: [
          { tag: 1, ref: "#/components/schemas/Car" },
          { tag: "2", ref: "#/components/schemas/Boat" },
          { tag: true, ref: "#/components/schemas/Bike" },
        ],
      },
    },
  ],
  [
    "two inline branches that pin one tag leave the discriminator unused (it could pick one of them only)",
    { schema: { oneOf: [{ properties: { t: { enum: ["a"] }, x: { type: "string" } } }, { properties: { t: { enum: ["a"] }, y: { type: "string" } } }], discriminator: { propertyName: "t" } }, want: undefined },
  ],
  [
    "an inline branch that is no object needs no tag (the tag is read on objects only)",
    { schema: { oneOf: [ref("Dog"), { type: "null" }], discriminator: { propertyName: "t" } }, schemas: { Dog: {} }, want: { propertyName: "t", branches: [{ tag: "Dog", ref: "#/components/schemas/Dog" }] } },
  ],
  [
    "an inline branch tagged by a mapping value that copies it (pydantic), or by the value it pins",
    {
      schema: { oneOf: [{ oneOf: [ref("A"), ref("B")] }, { properties: { t: { const: "c" } } }, ref("Dog")], discriminator: { propertyName: "t", mapping: { ab: { oneOf: [ref("A"), ref("B")] }, dog: "Dog" } } },
      schemas: { Dog: {}, A: {}, B: {} },
      want: {
        propertyName: "t",
        branches: [
          { tag: "dog", ref: "#/components/schemas/Dog" },
          { tag: "ab", ref: "#/components/schemas/Pet/oneOf/0", inline: true },
          { tag: "c", ref: "#/components/schemas/Pet/oneOf/1", inline: true },
        ],
      },
    },
  ],
])("%s", (_name, { schema, schemas, want }) => {
  expect(readDiscriminator(schema, "#/components/schemas/Pet", components(schemas ?? {}))).toEqual(want);
});

test("inheritance through allOf (the specification's Pet/Cat/Dog): the components that extend the base", () => {
  const document = components({
    Pet: { type: "object", required: ["petType"], properties: { petType: { type: "string" } }, discriminator: { propertyName: "petType", mapping: { dog: "Dog" } } },
    Cat: { allOf: [ref("Pet"), { properties: { name: { type: "string" } } }] },
    Dog: { allOf: [ref("Pet"), { properties: { bark: { type: "string" } } }] },
    Lizard: { allOf: [ref("Pet")] },
    Unrelated: { allOf: [ref("Cat")] },
  });
  expect(readDiscriminator(document.components.schemas.Pet as Record<string, unknown>, "#/components/schemas/Pet", document)).toEqual({
    propertyName: "petType",
    branches: [
      { tag: "dog", ref: "#/components/schemas/Dog" },
      { tag: "Cat", ref: "#/components/schemas/Cat" },
      { tag: "Lizard", ref: "#/components/schemas/Lizard" },
    ],
  });
});

test("mega.yaml (3.1 pass): mapping foo → Foo beside anyOf Foo, one branch", async () => {
  const document = await parseDocument(path.join(SHARED_OPENAPI, "3.1/pass/mega.yaml"));
  const schema = (document as any).components.pathItems.myPathItem.post.requestBody.content["application/json"].schema;
  expect(readDiscriminator(schema, "#/components/pathItems/myPathItem/post/requestBody/content/application~1json/schema", document)).toEqual({
    propertyName: "type",
    branches: [{ tag: "foo", ref: "#/components/schemas/Foo" }],
  });
});

describe("a mapping whose target does not resolve (a file left out when the document was bundled)", () => {
  const file = path.join(REPO_ROOT, "test", "fixtures", "openapi", "discriminator-dangling-mapping.json");

  test("the document generates with one warning naming the mapping; the discriminator is ignored and the oneOf checks the value", async () => {
    const { files, warnings } = await generate({ schema: file, build: false, format: false });
    expect(warnings).toEqual([
      `${file}#/paths/~1records/post/requestBody/content/application~1json/schema/discriminator/mapping: "A" maps to "models/records.yml#/a_record", which does not resolve; the discriminator is ignored (the schema is checked as written)`,
    ]);
    const guards = loadGenerated(files) as Record<string, (value: unknown) => boolean>;
    expect(guards.isCreateRecordRequestBody!({ type: "A", address: "192.0.2.1" })).toBe(true);
    expect(guards.isCreateRecordRequestBody!({ type: "MX", priority: 10 })).toBe(true);
    expect(guards.isCreateRecordRequestBody!({ type: "MX" })).toBe(false);
  });
});
