/**
 * Instance paths of array items (emit/guards/scope.ts, Scope.childInLoop): an item whose checks
 * report at its path more than once gets the path built once per item, into a local, and only
 * with an error list; an item with one such check keeps the path written at that check. Either
 * way every error is where ajv (allErrors) reports it, and the fast path builds no path.
 */
import { generate } from "../../../generator/index";
import { loadGenerated } from "../../../generator/run-generated";
import { ajvFor, type Guards } from "../../helpers/guards";

const SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "array",
  items: {
    type: "object",
    required: ["id", "name", "score"],
    properties: {
      id: { type: "integer", minimum: 0 },
      name: { type: "string", minLength: 1 },
      score: { type: "number" },
      // Items of items: one check per inner item (the path stays at that check).
      tags: { type: "array", items: { type: "string" } },
      // Items of items with several checks each: a local per inner item too.
      grid: { type: "array", items: { type: "array", prefixItems: [{ type: "integer" }, { type: "string", maxLength: 2 }], items: false } },
    },
  },
};

const VALUES: unknown[] = [
  [],
  [{ id: 1, name: "a", score: 2 }],
  [{ id: -1, name: "", score: "x", tags: ["a", 3, null] }, { name: 5 }, 7, null, { id: 1.5, name: "b", score: 1, grid: [[1, "abc"], [1, "ab", 3], "row", ["x"]] }],
  Array.from({ length: 12 }, (_, i) => (i % 5 === 3 ? { id: i, name: "n", score: i, tags: [i] } : { id: i, name: "n", score: i / 3 })),
];

async function generated(): Promise<{ text: string; guards: Guards }> {
  const { files } = await generate({ schema: SCHEMA, name: "Rows", emit: ["guards"], build: false, format: false });
  const text = files.find((f) => f.path.endsWith("guards.ts"))!.contents;
  return { text, guards: loadGenerated(files) as Guards };
}

describe("instance paths of array items", () => {
  let text: string;
  let guards: Guards;
  beforeAll(async () => {
    ({ text, guards } = await generated());
  }, 60_000);

  test("every error at the path and schema path ajv (allErrors) reports", () => {
    const ajv = ajvFor(SCHEMA, true);
    for (const value of VALUES) {
      const result = guards.validateRows!(value);
      const ours = result.ok ? "valid" : result.errors.map((e: { path: string; schemaPath: string; keyword: string }) => `${e.path} ${e.schemaPath} ${e.keyword}`).sort();
      const theirs = ajv(value) ? "valid" : ajv.errors!.map((e) => `${e.instancePath} ${e.schemaPath} ${e.keyword}`).sort();
      expect([value, ours]).toEqual([value, theirs]);
      expect(guards.isRows!(value)).toBe(theirs === "valid");
    }
  });

  test("an item path used by several checks is one local, built only with an error list", () => {
    const locals = [...text.matchAll(/const (q\d+) = \(errors && (.+?)\)!;/g)];
    // The outer items (several checks each) and the grid rows (prefixItems and items: false).
    expect(locals.map((m) => m[2])).toEqual([expect.stringMatching(/^path \+ "\/" \+ i\d+$/), expect.stringMatching(/^q\d+ \+ "\/grid\/" \+ i\d+$/)]);
    // The loop variable becomes a string nowhere else but in a loop's own path: each index is
    // converted once (in its local, or at the one check of the tags' items).
    const conversions = [...text.matchAll(/\+ (i\d+)\b/g)].map((m) => m[1]);
    expect(new Set(conversions).size).toBe(conversions.length);
  });
});
