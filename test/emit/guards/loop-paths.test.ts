/**
 * Instance paths of array items (emit/guards/scope.ts, Scope.itemsLoop): collecting, an item
 * reports at its index alone (a number) and the loop puts the array's path in front of the errors
 * it added. Every error is where ajv (allErrors) reports it, every path a string.
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
      // An item's index is a number while its loop runs (scope.ts itemsLoop): a string once reported.
      if (!result.ok) expect(result.errors.filter((e: { path: unknown }) => typeof e.path !== "string")).toEqual([]);
      expect(guards.isRows!(value)).toBe(theirs === "valid");
    }
  });

  test("an item's path is its index alone, a number, built only with an error list", () => {
    // No local per item: the index is passed as it is (nothing to convert, with or without a list).
    expect(text).not.toMatch(/const q\d+ = /);
    // The index is never appended to the array's path per item, nor made a string: the three
    // loops' errors get the array's path after each loop, once per error.
    expect(text).not.toMatch(/\+ i\d+\b/);
    expect(text).toMatch(/\(x\d+, errors && i\d+, errors\)|\$pushError\$\(errors, i\d+,/);
    expect([...text.matchAll(/const (n\d+) = errors\?\.length;/g)].length).toBe(3);
    expect([...text.matchAll(/if \(errors\) \$rebase\(errors, n\d+, .+?\);/g)].map((m) => m[0].replace(/\d+/g, "#"))).toEqual([
      'if (errors) $rebase(errors, n#, i# + "/tags/");',
      'if (errors) $rebase(errors, n#, i# + "/grid/");',
      'if (errors) $rebase(errors, n#, path + "/");',
    ]);
  });
});

/**
 * More loops over items: unevaluatedItems, a recursive type's items, items after prefixItems.
 * Instance paths and keywords only: ajv's schema paths under a $ref start at the referenced schema.
 */
const MORE: [string, object, unknown[]][] = [
  [
    "Uneval",
    { $schema: "https://json-schema.org/draft/2020-12/schema", type: "array", prefixItems: [{ type: "integer" }], unevaluatedItems: { type: "string", minLength: 2 } },
    [[1, "ab", "c", 3], ["x", "abc"], [1]],
  ],
  [
    "Tree",
    {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $ref: "#/$defs/node",
      $defs: { node: { type: "object", required: ["name"], properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/node" } } } } },
    },
    [{ name: "a", children: [{ name: 1 }, { name: "b", children: [{}, { name: "c", children: [{ name: [] }] }] }] }, { name: "ok", children: [] }],
  ],
  ["Tail", { $schema: "https://json-schema.org/draft/2020-12/schema", type: "array", prefixItems: [{ type: "string" }, { type: "string" }], items: { type: "integer", maximum: 5 } }, [["a", 1, 2, 9, "x"], [1, "b", 6]]],
];

describe.each(MORE)("%s: errors at the instance paths ajv (allErrors) reports", (name, schema, values) => {
  test("validate and is agree with ajv", async () => {
    const { files } = await generate({ schema, name, emit: ["guards"], build: false, format: false });
    const guards = loadGenerated(files) as Guards;
    const ajv = ajvFor(schema, true);
    for (const value of values) {
      const result = guards[`validate${name}`]!(value);
      const ours = result.ok ? "valid" : result.errors.map((e: { path: string; keyword: string }) => `${e.path} ${e.keyword}`).sort();
      const theirs = ajv(value) ? "valid" : ajv.errors!.map((e) => `${e.instancePath} ${e.keyword}`).sort();
      expect([value, ours]).toEqual([value, theirs]);
      // An item's index is a number while its loop runs (scope.ts itemsLoop): a string once reported.
      if (!result.ok) expect(result.errors.filter((e: { path: unknown }) => typeof e.path !== "string")).toEqual([]);
      expect(guards[`is${name}`]!(value)).toBe(theirs === "valid");
    }
  }, 60_000);
});
