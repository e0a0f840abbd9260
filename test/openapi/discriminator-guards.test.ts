/**
 * OpenAPI `discriminator` (test/fixtures/openapi/discriminator-{30,31}.json: a mapping by name and
 * by reference, and an implicit mapping by component name): a narrowed union type, and a guard that
 * checks the one branch its tag picks and reports a missing or unknown tag once, at the tag.
 * Oracles: ajv on the plain `oneOf` and ajv with `discriminator: true` (which needs `const`/`enum`
 * tags and no `mapping`: the Pet union), and, for the implicit mapping over branches that do not fix
 * their tag (Reptile), the Discriminator Object's own rule: the tag names the one schema to apply.
 */
import Ajv2020 from "ajv/dist/2020";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { ajvFor, guardsFor, type Guards } from "../helpers/guards";
import { moduleText } from "../helpers/generate";
import { REPO_ROOT } from "../helpers/paths";
import { compileStrict, writeFiles } from "../helpers/strict-compile";
import { tempDir } from "../helpers/temp";
import { generate } from "../../generator/index";
import { KEYWORDS } from "../../generator/emit/keywords/index";
import { fromJsonSchema } from "../../generator/ir/from-json-schema";
import { loadSchema } from "../../generator/load/load-schema";
import { diffModels } from "../../generator/release/diff-models";

const FIXTURES = path.join(REPO_ROOT, "test", "fixtures", "openapi");
const RUNS = 2_000;
const seed = process.env.CI ? 20261202 : Date.now() ^ (Math.random() * 0x7fffffff);
const documentOf = (version: string): Record<string, any> => JSON.parse(readFileSync(path.join(FIXTURES, `discriminator-${version}.json`), "utf8"));

/** The document's component schemas as one JSON Schema (`$ref`s into `$defs`), `discriminator` kept or dropped. */
function asJsonSchema(root: string, keepDiscriminator: boolean): object {
  const schemas = JSON.parse(JSON.stringify(documentOf("31").components.schemas).replace(/#\/components\/schemas\//g, "#/$defs/"));
  for (const schema of Object.values<Record<string, any>>(schemas)) {
    if (!schema.discriminator) continue;
    if (keepDiscriminator) delete schema.discriminator.mapping; // ajv refuses `mapping`; the `const` tags say the same
    else delete schema.discriminator;
  }
  return { $ref: `#/$defs/${root}`, $defs: schemas };
}

describe.each(["30", "31"])("OpenAPI %s", (version) => {
  let g: Guards;
  beforeAll(async () => {
    g = await guardsFor(documentOf(version));
  });

  test("the union is narrowed by its tag: a mapping by name and by reference, and an implicit one by component name", async () => {
    const types = await moduleText(documentOf(version));
    expect(types).toContain('export type Pet = (Cat & { petType: "cat" }) | (Dog & { petType: "dog" });');
    expect(types).toContain('export type Reptile = (Lizard & { kind: "Lizard" }) | (Snake & { kind: "Snake" });');
  });

  test("an unknown or missing tag is one error at the tag, naming the tags", () => {
    const error = { path: "/pet/petType", schemaPath: "#/components/schemas/Pet/discriminator/propertyName", keyword: "discriminator", message: 'must be one of "cat", "dog"' };
    expect(g.validateOwner({ pet: { petType: "bird", meow: true } })).toEqual({ ok: false, errors: [error] });
    expect(g.validateOwner({ pet: { meow: true } })).toEqual({ ok: false, errors: [error] });
    expect(g.validateOwner({ pet: { petType: 7 } })).toEqual({ ok: false, errors: [error] });
    expect(g.validateOwner({ pet: { petType: "cat", meow: true }, reptile: { kind: "Turtle" } }).errors).toEqual([
      { path: "/reptile/kind", schemaPath: "#/components/schemas/Reptile/discriminator/propertyName", keyword: "discriminator", message: 'must be one of "Lizard", "Snake"' },
    ]);
  });

  test("a known tag checks its branch only: that branch's errors, none of the others'", () => {
    const result = g.validateOwner({ pet: { petType: "dog", bark: "", meow: "no" } });
    expect(result.ok).toBe(false);
    expect(result.errors.map((e: { path: string; keyword: string }) => `${e.path} ${e.keyword}`)).toEqual(["/pet/bark minLength"]);
    expect(g.validateOwner({ pet: { petType: "cat", meow: true }, reptile: { kind: "Snake", venomous: true } })).toEqual({ ok: true, value: expect.anything() });
    expect(g.isOwner({ pet: { petType: "cat", meow: true }, reptile: { kind: "Snake", scales: 3 } })).toBe(true);
  });
});

describe(`differential (3.1 document; fast-check seed ${seed}${process.env.CI ? ", fixed under CI" : ""})`, () => {
  let g: Guards;
  const plain = ajvFor(asJsonSchema("Pet", false));
  const discriminating = new Ajv2020({ discriminator: true, strict: false, logger: false }).compile(asJsonSchema("Pet", true));
  const branch = { Lizard: ajvFor(asJsonSchema("Lizard", false)), Snake: ajvFor(asJsonSchema("Snake", false)) };
  beforeAll(async () => {
    g = await guardsFor(documentOf("31"));
  });
  const anyJson = fc.oneof(fc.boolean(), fc.integer(), fc.string({ maxLength: 3 }), fc.constant(null), fc.constant([]));
  const pet = fc.record(
    { petType: fc.oneof(fc.constantFrom("cat", "dog", "bird", "Cat"), anyJson), meow: fc.oneof(fc.boolean(), anyJson), bark: fc.oneof(fc.string({ maxLength: 2 }), anyJson) },
    { requiredKeys: [] },
  );

  test("Pet: the guard agrees with ajv's plain oneOf and with ajv's discriminator", () => {
    fc.assert(
      fc.property(fc.oneof(pet, anyJson), (value) => {
        const expected = plain(value);
        // ajv's discriminator applies to objects only and lets any other value through: not compared there.
        if (typeof value === "object" && value !== null && !Array.isArray(value)) expect(discriminating(value)).toBe(expected);
        expect(g.isPet(value)).toBe(expected);
        expect(g.validatePet(value).ok).toBe(expected);
      }),
      { numRuns: RUNS, seed },
    );
  });

  test("Reptile (implicit mapping, tags not fixed by the branches): valid exactly when the tag names a branch the value passes", () => {
    const reptile = fc.record({ kind: fc.oneof(fc.constantFrom("Lizard", "Snake", "lizard", "Turtle"), anyJson), scales: fc.oneof(fc.integer(), anyJson), venomous: fc.oneof(fc.boolean(), anyJson) }, { requiredKeys: [] });
    fc.assert(
      fc.property(reptile, (value) => {
        const tag = (value as { kind?: unknown }).kind;
        const expected = (tag === "Lizard" || tag === "Snake") && branch[tag](value);
        expect(g.isReptile(value)).toBe(expected);
        expect(g.validateReptile(value).ok).toBe(expected);
      }),
      { numRuns: RUNS, seed },
    );
  });
});

const dir = tempDir();
test("tsc --strict: checking the tag narrows the union to its branch", async () => {
  const { files } = await generate({ schema: documentOf("31"), emit: ["types"], build: false });
  writeFiles(path.join(dir, "pets"), files);
  writeFiles(path.join(dir, "use"), [
    {
      path: "src/use.ts",
      contents: [
        'import type { Pet } from "../../pets/src/types.js";',
        'export function sound(pet: Pet): string { if (pet.petType === "cat") { const meow: boolean = pet.meow; return String(meow); } return pet.bark; }',
        "// @ts-expect-error: a tag that no branch has",
        'export const bird: Pet = { petType: "bird", meow: true };',
        "// @ts-expect-error: a cat's tag with a dog's body",
        'export const wrong: Pet = { petType: "cat", bark: "woof" };',
      ].join("\n"),
    },
  ]);
  const result = compileStrict(dir);
  expect(result.stdout).toBe("");
  expect(result.status).toBe(0);
});

test("diff: a discriminator value removed is breaking, one added additive", async () => {
  const before = documentOf("31");
  const after = documentOf("31");
  after.components.schemas.Pet.discriminator.mapping = { kitty: "Cat", dog: "#/components/schemas/Dog" };
  const model = async (document: object) => fromJsonSchema(await loadSchema(document), KEYWORDS);
  expect(diffModels(await model(before), await model(after)).map((c) => `${c.level} ${c.at}: ${c.message}`)).toEqual([
    'breaking Pet: discriminator value "cat" removed',
    'additive Pet: discriminator value "kitty" added',
  ]);
});
