/**
 * Instance paths of array items (emit/guards/scope.ts, Scope.itemsLoop and childInLoop): collecting,
 * an item reports at its index alone and the loop puts the array's path in front of the errors it
 * added; an item whose checks report at its path more than once gets that path once per item, into
 * a local, only with an error list. Every error is where ajv (allErrors) reports it.
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

  test("an item's path is its index alone, once per item when several checks use it, built only with an error list", () => {
    const locals = [...text.matchAll(/const (q\d+) = errors \? (.+?) : "";/g)];
    // The outer items (several checks each) and the grid rows (prefixItems and items: false).
    expect(locals.map((m) => m[2])).toEqual([expect.stringMatching(/^"" \+ i\d+$/), expect.stringMatching(/^"" \+ i\d+$/)]);
    // The index is never appended to the array's path per item ("" + i at the one check of a
    // tag): the three loops' errors get it after each loop, once per error.
    for (const m of text.matchAll(/(\S+) \+ (i\d+)\b/g)) expect(m[0]).toBe(`"" + ${m[2]}`);
    expect([...text.matchAll(/const (n\d+) = errors\?\.length;/g)].length).toBe(3);
    expect([...text.matchAll(/if \(errors\) \$rebase\(errors, n\d+, .+?\);/g)].map((m) => m[0].replace(/\d+/g, "#"))).toEqual([
      'if (errors) $rebase(errors, n#, q# + "/tags/");',
      'if (errors) $rebase(errors, n#, q# + "/grid/");',
      'if (errors) $rebase(errors, n#, path + "/");',
    ]);
  });

  test("each loop reads its array's length once; an item the checks use more than once is read into a local once", () => {
    const heads = [...text.matchAll(/for \(let (i\d+) = (\d+), (l\d+) = (\w+)\.length; (\w+) < (\w+); (\w+)\+\+\)/g)];
    // The rows, their tags and the grid's rows (a grid row's items: false is a length test, no loop).
    expect(heads.map((m) => m[2])).toEqual(["0", "0", "0"]);
    for (const m of heads) expect([m[5], m[6], m[7]]).toEqual([m[1], m[3], m[1]]);
    expect(text).not.toMatch(/< \w+\.length; i\d+\+\+/);
    // A row and a grid row have several checks each: one read per item, into a local.
    expect([...text.matchAll(/const x\d+ = (\w+)\[(i\d+)\];/g)].length).toBe(2);
  });
});

describe("loops of a recursive type", () => {
  test("an item the checks use once (a call) is read in place, and the call's answer tested !== true", async () => {
    const schema = {
      $schema: "https://json-schema.org/draft/2020-12/schema",
      $ref: "#/$defs/node",
      $defs: { node: { type: "object", required: ["name"], properties: { name: { type: "string" }, children: { type: "array", items: { $ref: "#/$defs/node" } } } } },
    };
    const { files } = await generate({ schema, name: "Tree", emit: ["guards"], build: false, format: false });
    const text = files.find((f) => f.path.endsWith("guards.ts"))!.contents;
    expect(text).toMatch(/if \(collect\$Node\((a\d+)\[(i\d+)\], errors && "" \+ \2, errors\) !== true && !errors\) return \(depth\$--, false\);/);
    expect(text).not.toMatch(/const x\d+ = /);
    // Outside the recursion (the root's call of the recursive type), the shorter `!`.
    expect(text).toMatch(/if \(!collect\$Node\(value, path, errors\) && !errors\) return false;/);
    const guards = loadGenerated(files) as Guards;
    const deep = (n: number): unknown => (n === 0 ? { name: "leaf" } : { name: `n${n}`, children: [{ name: "x" }, deep(n - 1)] });
    expect(guards.isTree!(deep(50))).toBe(true);
    expect(guards.isTree!({ name: "a", children: [{ name: "b" }, { name: "c", children: [{ name: 3 }] }] })).toBe(false);
  }, 60_000);
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
      expect(guards[`is${name}`]!(value)).toBe(theirs === "valid");
    }
  }, 60_000);
});
