/**
 * Differential test: every keyword is evaluated, whatever `type` says. A value of a type the
 * schema rules out still meets or fails the keywords of its own type: 3 against
 * { type: "string", minimum: 5 } fails `type` and `minimum`, and 3.5 against
 * { type: "integer", minimum: 5 } fails both too. validateX must report every failing keyword
 * ajv (allErrors) reports, at the same instance and schema paths; isX must give ajv's answer.
 *
 * fast-check makes the schemas (a type or two, and keywords of every JSON type) and the values;
 * the seed is fixed and printed.
 */
import fc from "fast-check";
import { generate } from "../../../generator/index";
import { loadGenerated } from "../../../generator/run-generated";
import { ajvFor, type Guards } from "../../helpers/guards";

const SEED = 20261202;
const SCHEMAS = 40;

const TYPES = ["string", "number", "integer", "boolean", "null", "array", "object"] as const;

/** Keywords of each JSON type, each with a few values (the key is the keyword). */
const keyword = fc.oneof(
  fc.record({ minimum: fc.constantFrom(0, 5, 2.5) }),
  fc.record({ maximum: fc.constantFrom(0, 5) }),
  fc.record({ exclusiveMinimum: fc.constantFrom(1, 4.5) }),
  fc.record({ multipleOf: fc.constantFrom(2, 0.5) }),
  fc.record({ minLength: fc.constantFrom(1, 3) }),
  fc.record({ maxLength: fc.constantFrom(0, 2) }),
  fc.record({ pattern: fc.constantFrom("^a", "b$") }),
  fc.record({ minItems: fc.constantFrom(1, 2) }),
  fc.record({ maxItems: fc.constantFrom(0, 1) }),
  fc.record({ uniqueItems: fc.constant(true) }),
  fc.record({ items: fc.constantFrom({ type: "integer" }, { type: "string", minLength: 1 }) }),
  fc.record({ required: fc.constantFrom(["a"], ["a", "b"]) }),
  fc.record({ minProperties: fc.constantFrom(1, 2) }),
  fc.record({ properties: fc.constantFrom({ a: { type: "string" } }, { a: { type: "integer", minimum: 1 } }) }),
  fc.record({ additionalProperties: fc.constant(false) }),
);

const schemaArb = fc
  .record({
    type: fc.oneof(fc.constantFrom(...TYPES), fc.uniqueArray(fc.constantFrom(...TYPES), { minLength: 2, maxLength: 2 })),
    keywords: fc.array(keyword, { minLength: 1, maxLength: 4 }),
  })
  .map(({ type, keywords }) => {
    const schema = Object.assign({ type }, ...keywords) as Record<string, unknown>;
    // ajv's uniqueItems skips the items of another type than `items` says ([null, null] against
    // { items: { type: "integer" }, uniqueItems: true } passes it there): not JSON Schema's answer.
    if (schema.items) delete schema.uniqueItems;
    return schema;
  });

const valueArb = fc.oneof(
  fc.constantFrom(3, 3.5, 6, 7, -1, 0, "", "a", "abc", "xb", [], [1], [1, 1], ["x", 2], {}, { a: 1 }, { a: "x", b: 2 }, { c: null }, null, true),
  // Numbers from 1e21 on are left out: ajv's multipleOf reads them back through parseInt
  // ("1e+21" → 1), and calls -5e20 no multiple of 0.5; not what this test is about.
  fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.parse(JSON.stringify(v, (_, x) => (typeof x === "number" && Math.abs(x) >= 1e20 ? 7 : x)))),
);

describe("keywords of the types `type` rules out (fast-check, fixed seed)", () => {
  // Every schema a property of one root object: one generated module for all of them.
  const schemas = fc.sample(schemaArb, { seed: SEED, numRuns: SCHEMAS });
  const root = {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    type: "object",
    properties: Object.fromEntries(schemas.map((schema, i) => [`p${i}`, schema])),
  };
  let guards: Guards;
  beforeAll(async () => {
    const { files } = await generate({ schema: root, name: "Mixed", emit: ["guards"], build: false, format: false });
    guards = loadGenerated(files) as Guards;
  }, 60_000);

  test("the same errors as ajv (allErrors), and isX gives ajv's answer", () => {
    // eslint-disable-next-line no-console
    console.log(`type-keywords: fast-check seed ${SEED}`);
    const ajv = ajvFor(root, true);
    const valueOf = fc.dictionary(fc.constantFrom(...schemas.map((_, i) => `p${i}`)), valueArb, { minKeys: 1, maxKeys: 6 });
    fc.assert(
      fc.property(valueOf, (value) => {
        const result = guards.validateMixed!(value);
        const ours = result.ok ? "valid" : result.errors.map((e: { path: string; schemaPath: string; keyword: string }) => `${e.path} ${e.schemaPath} ${e.keyword}`).sort();
        const theirs = ajv(value) ? "valid" : ajv.errors!.map((e) => `${e.instancePath} ${e.schemaPath} ${e.keyword}`).sort();
        expect(ours).toEqual(theirs);
        expect(guards.isMixed!(value)).toBe(theirs === "valid");
      }),
      { seed: SEED, numRuns: 3000 },
    );
  });

  test.each([
    [{ type: "string", minimum: 5 }, 3, ["#/type", "#/minimum"]],
    [{ type: "integer", minimum: 5 }, 3.5, ["#/type", "#/minimum"]],
    [{ type: "integer", minimum: 5 }, "x", ["#/type"]],
    [{ type: ["string", "null"], minItems: 2, maxLength: 1 }, [1], ["#/type", "#/minItems"]],
    [{ type: "array", required: ["a"], minimum: 1 }, {}, ["#/type", "#/required"]],
  ])("%j given %j: %j", async (schema, value, schemaPaths) => {
    const { files } = await generate({ schema, name: "One", emit: ["guards"], build: false, format: false });
    const one = loadGenerated(files) as Guards;
    const result = one.validateOne!(value);
    expect(result.ok).toBe(false);
    expect(result.errors.map((e: { schemaPath: string }) => e.schemaPath).sort()).toEqual([...schemaPaths].sort());
    expect(one.isOne!(value)).toBe(false);
  }, 60_000);
});
