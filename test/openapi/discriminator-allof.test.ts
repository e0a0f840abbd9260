/**
 * A discriminator through `allOf` inheritance (test/fixtures/openapi/discriminator-allof-{30,31}.json:
 * `Pet` with a discriminator and no mapping, extended by `Cat` and `Dog`; `Vehicle` with a mapping by
 * name and by reference, extended by `Car` and `Bike`): where the base is used, a union narrowed by
 * the tag, as for a oneOf discriminator; where a child extends it, the base's own constraints
 * (`PetBase`). The guard checks the one branch the tag picks and reports an unknown tag once, at the
 * tag. Oracle: ajv (draft 2020-12) on the Discriminator Object's meaning written out in plain JSON
 * Schema: the value is valid when its tag is one of the branches' and it passes that branch.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import fc from "fast-check";
import { generate } from "../../generator/index";
import { splitAllOfDiscriminators } from "../../generator/load/openapi/allof-discriminator";
import { ajvFor, guardsFor, type Guards } from "../helpers/guards";
import { moduleText } from "../helpers/generate";
import { REPO_ROOT } from "../helpers/paths";
import { compileStrict, writeFiles } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "openapi");
const RUNS = 2_000;
const seed = process.env.CI ? 20261202 : Date.now() ^ (Math.random() * 0x7fffffff);
const documentOf = (version: string): Record<string, any> => JSON.parse(readFileSync(path.join(FIXTURES, `discriminator-allof-${version}.json`), "utf8"));

describe.each(["30", "31"])("OpenAPI %s", (version) => {
  let g: Guards;
  beforeAll(async () => {
    g = await guardsFor(documentOf(version));
  });

  test("the base is a union narrowed by the tag (implicit names; a mapping by name and by reference); children extend its own part", async () => {
    const types = (await moduleText(documentOf(version))).replace(/\s+/g, " ");
    expect(types).toContain('export type Pet = (Cat & { petType: "Cat" }) | (Dog & { petType: "Dog" });');
    expect(types).toContain('export type Vehicle = (Car & { kind: "car" }) | (Bike & { kind: "bike" });');
    expect(types).toContain("export type Cat = PetBase & {");
    expect(types).toContain("export type Car = VehicleBase & {");
    expect(types).toContain("export interface PetBase {");
  });

  test("an unknown or missing tag is one error at the tag, naming the tags", () => {
    const error = (at: string, tags: string, schema: string) => ({ path: at, schemaPath: `#/components/schemas/${schema}/discriminator/propertyName`, keyword: "discriminator", message: `must be one of ${tags}` });
    expect(g.validateOwner({ pet: { petType: "Bird", name: "Tweety" } })).toEqual({ ok: false, errors: [error("/pet/petType", '"Cat", "Dog"', "Pet")] });
    expect(g.validateOwner({ pet: { name: "Tom", meow: true } })).toEqual({ ok: false, errors: [error("/pet/petType", '"Cat", "Dog"', "Pet")] });
    expect(g.validateOwner({ pet: { petType: "Cat", name: "Tom", meow: true }, vehicles: [{ kind: "Car", doors: 4 }] })).toEqual({ ok: false, errors: [error("/vehicles/0/kind", '"car", "bike"', "Vehicle")] });
  });

  test("a known tag checks its branch only, the base's constraints included", () => {
    const dog = g.validatePet({ petType: "Dog", name: "Rex", bark: "", meow: "no" });
    expect(dog.errors.map((e: { path: string; keyword: string }) => `${e.path} ${e.keyword}`)).toEqual(["/bark minLength"]);
    const nameless = g.validatePet({ petType: "Cat", meow: true });
    expect(nameless.errors.map((e: { path: string; keyword: string }) => `${e.path} ${e.keyword}`)).toEqual([" required"]);
    expect(g.isPet({ petType: "Cat", name: "Tom", meow: true, nickname: null })).toBe(true);
    expect(g.isVehicle({ kind: "car", doors: 2, wheels: 4 })).toBe(true);
    expect(g.isVehicle({ kind: "car", wheels: 4 })).toBe(false);
    expect(g.isVehicle({ kind: "bike" })).toBe(true);
    // A child is checked as itself (no dispatch through its base): Cat's tag is not its own business.
    expect(g.isCat({ petType: "Dog", name: "Tom", meow: true })).toBe(true);
  });
});

test("x-ms-discriminator-value (AutoRest, Azure's documents) is a child's tag in place of its name", async () => {
  // azure.com/resources-deploymentScripts.json's shape: the tag's enum holds the declared values, not the names.
  const document = {
    openapi: "3.0.0",
    info: { title: "Scripts", version: "1" },
    paths: {},
    components: {
      schemas: {
        Script: { type: "object", required: ["kind"], discriminator: { propertyName: "kind" }, properties: { kind: { type: "string", enum: ["AzurePowerShell", "AzureCLI"] } } },
        AzureCliScript: { allOf: [{ $ref: "#/components/schemas/Script" }], type: "object", required: ["cli"], properties: { cli: { type: "string" } }, "x-ms-discriminator-value": "AzureCLI" },
        AzurePowerShellScript: { allOf: [{ $ref: "#/components/schemas/Script" }], type: "object", "x-ms-discriminator-value": "AzurePowerShell" },
        OtherScript: { allOf: [{ $ref: "#/components/schemas/Script" }], type: "object" },
      },
    },
  };
  const types = (await moduleText(document)).replace(/\s+/g, " ");
  expect(types).toContain('export type Script = | (AzureCliScript & { kind: "AzureCLI" }) | (AzurePowerShellScript & { kind: "AzurePowerShell" }) | (OtherScript & { kind: "OtherScript" });');
  const g = await guardsFor(document);
  expect(g.isScript({ kind: "AzureCLI", cli: "2.0" })).toBe(true);
  expect(g.isScript({ kind: "AzureCliScript", cli: "2.0" })).toBe(false);
  expect(g.validateScript({ kind: "AzureCLI" }).errors.map((e: { path: string; keyword: string }) => `${e.path} ${e.keyword}`)).toEqual([" required"]);
});

test("the input document is not changed, and a document without such a base is returned as it is", () => {
  const document = documentOf("31");
  const before = JSON.stringify(document);
  const split = splitAllOfDiscriminators(document) as Record<string, any>;
  expect(JSON.stringify(document)).toBe(before);
  expect(Object.keys(split.components.schemas)).toEqual(["Pet", "PetBase", "Cat", "Dog", "Vehicle", "VehicleBase", "Car", "Bike", "Owner"]);
  expect(split.components.schemas.Cat.allOf[0]).toEqual({ $ref: "#/components/schemas/PetBase" });
  const plain = { openapi: "3.1.0", components: { schemas: { A: { type: "string" } } } };
  expect(splitAllOfDiscriminators(plain)).toBe(plain);
  // A discriminator with no child and no mapping stays as written.
  const lonely = { openapi: "3.1.0", components: { schemas: { A: { type: "object", discriminator: { propertyName: "t" } } } } };
  expect(splitAllOfDiscriminators(lonely)).toBe(lonely);
});

/**
 * The 3.1 fixture as one JSON Schema for ajv, written from the Discriminator Object's meaning: a
 * base is one of its branches, each with its tag, and a child extends the base's own schema.
 */
function oracleSchema(root: string): object {
  const defs = JSON.parse(JSON.stringify(documentOf("31").components.schemas).replace(/#\/components\/schemas\//g, "#/$defs/"));
  const bases: Record<string, { property: string; branches: [string, string][] }> = {
    Pet: { property: "petType", branches: [["Cat", "Cat"], ["Dog", "Dog"]] },
    Vehicle: { property: "kind", branches: [["car", "Car"], ["bike", "Bike"]] },
  };
  for (const [base, { property, branches }] of Object.entries(bases)) {
    const { discriminator: _, ...own } = defs[base];
    defs[`${base}Own`] = own;
    defs[base] = { oneOf: branches.map(([tag, child]) => ({ required: [property], properties: { [property]: { const: tag } }, allOf: [{ $ref: `#/$defs/${child}` }] })) };
    for (const [, child] of branches) defs[child].allOf[0] = { $ref: `#/$defs/${base}Own` };
  }
  return { $ref: `#/$defs/${root}`, $defs: defs };
}

describe(`differential against ajv (3.1 document; fast-check seed ${seed}${process.env.CI ? ", fixed under CI" : ""})`, () => {
  let g: Guards;
  beforeAll(async () => {
    g = await guardsFor(documentOf("31"));
  });
  const anyJson = fc.oneof(fc.boolean(), fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null), fc.constant([]));
  const pet = fc.record(
    {
      petType: fc.oneof(fc.constantFrom("Cat", "Dog", "cat", "Bird"), anyJson),
      name: fc.oneof(fc.string({ maxLength: 3 }), anyJson),
      nickname: fc.oneof(fc.string({ maxLength: 2 }), fc.constant(null), anyJson),
      meow: fc.oneof(fc.boolean(), anyJson),
      bark: fc.oneof(fc.string({ maxLength: 2 }), anyJson),
    },
    { requiredKeys: [] },
  );
  const vehicle = fc.record(
    { kind: fc.oneof(fc.constantFrom("car", "bike", "Car", "Bike"), anyJson), wheels: fc.oneof(fc.integer({ min: -1, max: 4 }), anyJson), doors: fc.oneof(fc.integer({ min: -1, max: 5 }), anyJson), gears: fc.oneof(fc.integer(), anyJson) },
    { requiredKeys: [] },
  );

  test.each([
    ["Pet", pet],
    ["Vehicle", vehicle],
    ["Owner", fc.record({ pet: fc.oneof(pet, anyJson), vehicles: fc.oneof(fc.array(vehicle, { maxLength: 3 }), anyJson) }, { requiredKeys: [] })],
  ] as const)("%s: the guard agrees with ajv", (name, arbitrary) => {
    const oracle = ajvFor(oracleSchema(name));
    fc.assert(
      fc.property(fc.oneof(arbitrary as fc.Arbitrary<unknown>, anyJson), (value) => {
        const expected = oracle(value);
        expect(g[`is${name}`]!(value)).toBe(expected);
        expect(g[`validate${name}`]!(value).ok).toBe(expected);
      }),
      { numRuns: RUNS, seed },
    );
  });
});

const dir = tempDir();
test("tsc --strict: checking the tag narrows the union to its branch (3.0 and 3.1)", async () => {
  for (const version of ["30", "31"]) {
    const { files } = await generate({ schema: documentOf(version), build: false });
    writeFiles(path.join(dir, `pets${version}`), files);
    writeFiles(path.join(dir, `use${version}`), [
      {
        path: "src/use.ts",
        contents: [
          `import type { Pet, Vehicle, PetBase } from "../../pets${version}/src/types.js";`,
          'export function sound(pet: Pet): string { if (pet.petType === "Cat") { const meow: boolean = pet.meow; return String(meow) + pet.name; } return pet.bark; }',
          'export function doors(vehicle: Vehicle): number { switch (vehicle.kind) { case "car": return vehicle.doors; case "bike": return vehicle.gears ?? 0; } }',
          'export const base: PetBase = { petType: "anything", name: "x" };',
          "// @ts-expect-error: a tag that no branch has",
          'export const bird: Pet = { petType: "Bird", name: "Tweety" };',
          "// @ts-expect-error: a cat's tag with a dog's body",
          'export const wrong: Pet = { petType: "Cat", name: "Rex", bark: "woof" };',
          "// @ts-expect-error: the mapping's tag is car, not the component's name",
          'export const car: Vehicle = { kind: "Car", doors: 2 };',
        ].join("\n"),
      },
    ]);
  }
  const result = compileStrict(dir);
  expect(result.stdout).toBe("");
  expect(result.status).toBe(0);
}, 240_000);

/**
 * A discriminator whose branches have read-only or write-only properties (test/fixtures/openapi/
 * discriminator-read-only.json, 3.0): the request and response views of the union live among the
 * made schemas, so their tags are written out as a mapping to the branches' views (ItemRequest →
 * RatingRequest), or to the branch itself when it has no such view; an implicit tag keeps its
 * component's name. Before, the view kept the mapping as written and the document was refused
 * ("$ref #/components/schemas/Rating does not resolve").
 */
describe("discriminators in request and response views", () => {
  const document = JSON.parse(readFileSync(path.join(FIXTURES, "discriminator-read-only.json"), "utf8")) as object;
  let g: Guards;
  beforeAll(async () => {
    g = await guardsFor(document);
  });

  test("the views are unions narrowed by the same tags, over the branches' views", async () => {
    const types = (await moduleText(document)).replace(/\s+/g, " ");
    expect(types).toContain('export type ItemRequest = RatingRequest & { _type: "Rating" };');
    expect(types).toContain('export type ShapeRequest = (CircleRequest & { kind: "circle" }) | (Square & { kind: "Square" });');
    expect(types).toContain('export type ShapeResponse = (Circle & { kind: "circle" }) | (SquareResponse & { kind: "Square" });');
  });

  test("the view's guard dispatches on the tag: one branch checked, one error for an unknown tag", () => {
    expect(g.isShapeRequest({ kind: "circle", radius: 1 })).toBe(true);
    expect(g.isShapeRequest({ kind: "Square", side: 2, secret: "s" })).toBe(true);
    expect(g.isShapeResponse({ kind: "Square", side: 2 })).toBe(true);
    expect(g.isShapeRequest({ kind: "circle", side: 2 })).toBe(false);
    expect(g.validateShapeRequest({ kind: "triangle" }).errors).toEqual([expect.objectContaining({ path: "/kind", keyword: "discriminator", message: 'must be one of "circle", "Square"' })]);
    expect(g.isItemRequest({ _type: "Rating", bestRating: 5 })).toBe(true);
    expect(g.validateItemRequest({ _type: "Review" }).errors).toEqual([expect.objectContaining({ path: "/_type", keyword: "discriminator" })]);
  });
});

/**
 * A union that its own branches extend (test/fixtures/openapi/discriminator-branch-cycle.json, the
 * shape springdoc and swagger-core write for a Jackson subtype hierarchy with `@Schema(oneOf = ...)`
 * or a sealed class): `Shape` has properties, a `oneOf` of Circle and Square and a discriminator, and
 * Circle and Square are `allOf: [Shape, {...}]`. As written, validating a Circle validates a Shape,
 * which validates a Circle, ...: the document was refused ("reference cycle ... never descends into
 * the value"). The branches now extend `ShapeBase` (Shape without the union), as a Java subclass
 * extends its parent's fields, and so does Round, an abstract class between Shape and its subtype
 * Ellipse; Drawing, which extends Shape without being one of its branches or their ancestors, is
 * still a Shape.
 */
describe.each(["3.0.1", "3.1.0"])("a union its branches extend (OpenAPI %s)", (openapi) => {
  const document = { ...(JSON.parse(readFileSync(path.join(FIXTURES, "discriminator-branch-cycle.json"), "utf8")) as object), openapi };
  let g: Guards;
  beforeAll(async () => {
    g = await guardsFor(document);
  });

  test("the branches extend the union's own part; the union is narrowed by the tag", async () => {
    const types = (await moduleText(document)).replace(/\s+/g, " ");
    expect(types).toContain('(Circle & { kind: "circle" }) | (Square & { kind: "square" }) | (Ellipse & { kind: "ellipse" })');
    expect(types).toMatch(/export type Circle = [^;]*& ShapeBase & \{/);
    expect(types).toMatch(/export type Drawing = [^;]*& Shape & \{/);
  });

  test("a branch is checked with the union's properties; an unknown tag is refused", () => {
    expect(g.isShape({ kind: "circle", radius: 1.5 })).toBe(true);
    expect(g.isShape({ kind: "square", side: 2 })).toBe(true);
    expect(g.isShape({ kind: "circle", side: 2 })).toBe(false);
    expect(g.isShape({ kind: "triangle", radius: 1 })).toBe(false);
    expect(g.isShape({ radius: 1 })).toBe(false);
    expect(g.isCircle({ kind: "circle", radius: 1 })).toBe(true);
    expect(g.isCircle({ radius: 1 })).toBe(false);
    // Ellipse extends Round, which extends Shape without being one of its branches.
    expect(g.isShape({ kind: "ellipse", smooth: true, a: 1, b: 2 })).toBe(true);
    expect(g.isShape({ kind: "ellipse", a: 1, b: 2 })).toBe(false);
    expect(g.isDrawing({ kind: "square", side: 3, layer: 0 })).toBe(true);
    expect(g.isDrawing({ kind: "square", layer: 0 })).toBe(false);
    expect(g.isDrawing({ kind: "circle", radius: 1 })).toBe(false);
  });

  test("only the branches' allOf entries move to the base, in a copy", () => {
    const before = JSON.stringify(document);
    const split = splitAllOfDiscriminators(document) as Record<string, any>;
    expect(JSON.stringify(document)).toBe(before);
    expect(Object.keys(split.components.schemas)).toEqual(["Shape", "ShapeBase", "Circle", "Square", "Round", "Ellipse", "Drawing"]);
    expect(split.components.schemas.ShapeBase).toEqual({ required: ["kind"], type: "object", properties: { kind: { type: "string" } } });
    expect(split.components.schemas.Shape).toEqual((document as any).components.schemas.Shape);
    expect(split.components.schemas.Circle.allOf[0]).toEqual({ $ref: "#/components/schemas/ShapeBase" });
    expect(split.components.schemas.Round.allOf[0]).toEqual({ $ref: "#/components/schemas/ShapeBase" });
    expect(split.components.schemas.Ellipse.allOf[0]).toEqual({ $ref: "#/components/schemas/Round" });
    expect(split.components.schemas.Drawing.allOf[0]).toEqual({ $ref: "#/components/schemas/Shape" });
  });
});

test("a message about a base made from a component names the component's place (PetBase is Pet, which a user can open)", async () => {
  // Swashbuckle before 6.6: the base closed, a child closed beside its allOf (closed-all-of-members.yaml's Animal and Cat) with a discriminator.
  const document = {
    openapi: "3.0.1",
    info: { title: "Zoo", version: "1" },
    paths: {},
    components: {
      schemas: {
        Animal: { required: ["$type"], type: "object", properties: { $type: { type: "string" } }, additionalProperties: false, discriminator: { propertyName: "$type" } },
        Cat: { allOf: [{ $ref: "#/components/schemas/Animal" }], type: "object", properties: { meows: { type: "boolean" } }, additionalProperties: false },
      },
    },
  };
  const { warnings } = await generate({ schema: document, build: false, format: false });
  expect(warnings).toEqual([
    expect.stringMatching(/^\(schema\)#\/components\/schemas\/Cat\/additionalProperties: "additionalProperties": false refuses "\$type", which the allOf beside it/),
    expect.stringMatching(/^\(schema\)#\/components\/schemas\/Animal\/additionalProperties: "additionalProperties": false refuses "meows"/),
  ]);
});
