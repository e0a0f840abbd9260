/**
 * A discriminated `oneOf` with an inline alternative (test/fixtures/openapi/discriminator-inline-branches.json).
 * FastAPI/pydantic v2 writes `pet: Cat | Dog`, with Cat itself a union of BlackCat and WhiteCat
 * discriminated by `color`, as `oneOf: [{oneOf: [BlackCat, WhiteCat], discriminator: ...}, Dog]` and
 * the mapping `{cat: {oneOf: [...]}, dog: Dog}`: the value for "cat" a copy of the inline alternative.
 * Only references were tags, so the check said `must be one of "dog"` to every cat, and the type was
 * `Dog` alone. An inline alternative is now a branch where the mapping names it by value or it pins the
 * property itself (`const: circle`); one that is neither (Vehicle's two-wheeler) leaves the discriminator
 * unused and the `oneOf` checked as written. An alternative no object passes (`{type: "null"}` beside the
 * branches, as typia writes `ICat | IDog | null`) needs no tag, and its values stay in the type.
 */
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { guardsFor, type Guards } from "../helpers/guards";
import { moduleText } from "../helpers/generate";
import { REPO_ROOT } from "../helpers/paths";
import { generate } from "../../generator/index";
import { readWriteViews } from "../../generator/load/openapi/read-write-views";

const document = JSON.parse(readFileSync(path.join(REPO_ROOT, "test", "fixtures", "openapi", "discriminator-inline-branches.json"), "utf8"));
let g: Guards;
beforeAll(async () => {
  g = await guardsFor(document);
});

const dog = { pet_type: "dog", name: "Rex" };

test("a nested union named by a mapping value that copies it: every cat passes, and the type says so", async () => {
  expect(g.validateOwner({ name: "a", pet: { pet_type: "cat", color: "white", white_name: "Snow" } }).ok).toBe(true);
  expect(g.validateOwner({ name: "a", pet: { pet_type: "cat", color: "black", black_name: "Ink", id: 1 } }).ok).toBe(true);
  expect(g.validateOwner({ name: "a", pet: dog }).ok).toBe(true);
  expect(g.validateOwner({ name: "a", pet: { pet_type: "cat", color: "white", black_name: "Ink" } }).ok).toBe(false);
  expect(g.validateOwner({ name: "a", pet: { pet_type: "bird" } }).errors).toEqual([
    { path: "/pet/pet_type", schemaPath: "#/components/schemas/Owner/properties/pet/discriminator/propertyName", keyword: "discriminator", message: 'must be one of "dog", "cat"' },
  ]);
  const types = await moduleText(document);
  expect(types).toMatch(/pet: \(Dog & \{ pet_type: "dog" \}\) \| \((\w+) & \{ pet_type: "cat" \}\);/);
});

test("an inline alternative that pins the tag is that tag's branch", () => {
  expect(g.validateOwner({ name: "a", pet: dog, shape: { kind: "circle", radius: 1 } }).ok).toBe(true);
  expect(g.validateOwner({ name: "a", pet: dog, shape: { kind: "square", side: 1 } }).ok).toBe(true);
  expect(g.validateOwner({ name: "a", pet: dog, shape: { kind: "circle", side: 1 } }).ok).toBe(false);
});

test("an inline alternative the discriminator cannot pick: the oneOf is checked as written", () => {
  expect(g.validateOwner({ name: "a", pet: dog, vehicle: { kind: "bike", wheels: 2 } }).ok).toBe(true);
  expect(g.validateOwner({ name: "a", pet: dog, vehicle: { kind: "Car", doors: 4 } }).ok).toBe(true);
  expect(g.validateOwner({ name: "a", pet: dog, vehicle: { kind: "Car", wheels: 3 } }).ok).toBe(false);
});

test("an alternative no object passes keeps the discriminator, and its values stay in the type", async () => {
  expect(g.validateOwner({ name: "a", pet: dog, content: null }).ok).toBe(true);
  expect(g.validateOwner({ name: "a", pet: dog, content: { kind: "square", side: 2 } }).ok).toBe(true);
  expect(g.validateOwner({ name: "a", pet: dog, content: { kind: "circle" } }).errors).toEqual([
    { path: "/content/kind", schemaPath: "#/components/schemas/Content/discriminator/propertyName", keyword: "discriminator", message: 'must be one of "square"' },
  ]);
  expect(await moduleText(document)).toContain('export type Content = (Square & { kind: "square" }) | null;');
});

test("a request view of a union with an inline alternative: no mapping to a place the view does not have", async () => {
  const { warnings } = await generate({ schema: document, build: false, format: false, emit: ["types", "guards", "operations"] });
  expect(warnings.filter((w) => w.includes("discriminator"))).toEqual([]);
  // The request view (BlackCat's read-only id left out) still takes every cat and dog.
  expect(g.validateOwnerRequest({ name: "a", pet: { pet_type: "cat", color: "black", black_name: "Ink" } }).ok).toBe(true);
  expect(g.validateOwnerRequest({ name: "a", pet: { pet_type: "cat", color: "white", white_name: "Snow" } }).ok).toBe(true);
  expect(g.validateOwnerRequest({ name: "a", pet: dog }).ok).toBe(true);
});

test("the view's discriminator maps no tag to an inline alternative's pointer, which is no reference in the view", () => {
  const views = readWriteViews(document, "readOnly");
  const pet = views.view(document.components.schemas.Owner, "#/components/schemas/Owner", (name) => `#/components/schemas/${name}`) as { properties: { pet: { discriminator: { mapping: Record<string, string> } } } };
  expect(pet.properties.pet.discriminator.mapping).toEqual({ dog: "#/components/schemas/Dog" });
});
