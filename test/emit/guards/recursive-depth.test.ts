/**
 * The data depth limit of recursive types' guards (DATA_DEPTH_LIMIT) when the recursion runs
 * through items loops. Such a loop counts the level for all its items, and only when there is an
 * item to check (GuardModule.depthLimited), rather than every call counting itself: the limit must
 * stay where it was (the same value of the counter at every call's entry), nested loops in one
 * function must count one level, a loop from a later index (after prefixItems) must count only when
 * it has items, and every early return inside a loop must give the level back (else a later call
 * would find the counter raised and refuse data within the limit).
 */
import { generate } from "../../../generator/index";
import { DATA_DEPTH_LIMIT } from "../../../generator/emit/guards/guard-module";
import { loadGenerated } from "../../../generator/run-generated";
import type { Guards } from "../../helpers/guards";

const $schema = "https://json-schema.org/draft/2020-12/schema";

/** Items recursion: a node's children. */
const tree = {
  $schema,
  title: "Tree",
  $ref: "#/$defs/node",
  $defs: {
    node: {
      type: "object",
      required: ["name"],
      properties: { name: { type: "string" }, tags: { type: "array", items: { type: "string" } }, children: { type: "array", items: { $ref: "#/$defs/node" } } },
    },
  },
};

/** Nested items loops in one function: a node's children in groups (an array of arrays of nodes). */
const grouped = {
  $schema,
  title: "Grouped",
  $ref: "#/$defs/node",
  $defs: { node: { type: "object", properties: { groups: { type: "array", items: { type: "array", items: { $ref: "#/$defs/node" } } } } } },
};

/** A loop from index 1: the first item is a label, the rest are nodes. */
const labelled = {
  $schema,
  title: "Labelled",
  $ref: "#/$defs/node",
  $defs: { node: { type: "array", prefixItems: [{ type: "string" }], items: { $ref: "#/$defs/node" } } },
};

/** Both: children in a loop and `next` through a property (a call outside any loop). */
const mixed = {
  $schema,
  title: "Mixed",
  $ref: "#/$defs/node",
  $defs: { node: { type: "object", properties: { next: { $ref: "#/$defs/node" }, children: { type: "array", items: { $ref: "#/$defs/node" } } } } },
};

async function load(schema: object): Promise<{ guards: Guards; source: string }> {
  const { files } = await generate({ schema, emit: ["guards"], build: false, format: false });
  return { guards: loadGenerated(files) as Guards, source: files.find((f) => f.path === "src/guards.ts")!.contents };
}

/** `levels` nested levels of `wrap` around `leaf`: the innermost value is `levels` calls deep. */
function nest(levels: number, leaf: unknown, wrap: (inner: unknown) => unknown): unknown {
  let value = leaf;
  for (let i = 0; i < levels; i++) value = wrap(value);
  return value;
}

const tooDeep = (path: string) => ({
  ok: false,
  errors: [{ path, schemaPath: "#/$defs/node", keyword: "maxDepth", message: `is nested too deep to check: recursive types are checked at most ${DATA_DEPTH_LIMIT} calls deep` }],
});

describe.each([
  // name, schema, one level of data around `inner`, the innermost value, the path of one level, calls per level
  ["children", tree, (inner: unknown) => ({ name: "n", tags: ["t"], children: [{ name: "sibling", children: [] }, inner] }), { name: "leaf" }, "/children/1", 1],
  ["groups of children", grouped, (inner: unknown) => ({ groups: [[], [{}, inner]] }), {}, "/groups/1/1", 1],
  ["items after prefixItems", labelled, (inner: unknown) => ["label", [], inner], ["leaf"], "/2", 1],
  ["children and next", mixed, (inner: unknown) => ({ next: {}, children: [{ children: [] }, { next: inner }] }), {}, "/children/1/next", 2],
] as const)("recursion through %s", (_, schema, wrap, leaf, step, callsPerLevel) => {
  let is: (value: unknown) => boolean;
  let validate: (value: unknown) => unknown;
  beforeAll(async () => {
    const { guards } = await load(schema);
    is = guards[`is${schema.title}`]!;
    validate = guards[`validate${schema.title}`]!;
  });
  // The innermost value of `levels` levels is checked levels * callsPerLevel calls deep.
  const within = Math.floor((DATA_DEPTH_LIMIT - 1) / callsPerLevel);
  const past = DATA_DEPTH_LIMIT / callsPerLevel;

  test("data within the limit is valid, and one level more is too deep, with the path of the first node past it", () => {
    expect(is(nest(within, leaf, wrap))).toBe(true);
    const deeper = nest(past, leaf, wrap);
    expect(is(deeper)).toBe(false);
    const result = validate(deeper) as { ok: boolean; errors: { keyword: string }[] };
    // Collecting, the nodes beside it at that depth are too deep as well (a sibling, `next: {}`).
    expect(result.errors).toContainEqual(tooDeep(step.repeat(past)).errors[0]);
    expect(result.errors.every((e) => e.keyword === "maxDepth")).toBe(true);
    // A level less, only the innermost value is wrong (7 is not a node).
    expect(validate(nest(within, 7, wrap))).toEqual({ ok: false, errors: [expect.objectContaining({ path: step.repeat(within), keyword: "type" })] });
  });

  test("every early return gives its level back: data within the limit stays valid after invalid data failed at every depth", () => {
    for (let depth = 0; depth < 60; depth++) {
      const invalid = nest(depth, 7, wrap);
      expect(is(invalid)).toBe(false);
      expect((validate(invalid) as { ok: boolean }).ok).toBe(false);
    }
    expect(is(nest(within, leaf, wrap))).toBe(true);
    expect(validate(nest(within, leaf, wrap))).toEqual({ ok: true, value: expect.anything() });
  });
});

test("a tree node counts its level only around a children loop that has items: a leaf writes no counter", async () => {
  // Why: a tree's nodes are mostly leaves; counting at every call was ~7% of a recursive tree's time
  // (bench-guards-shapes). The counter is still compared at every call's entry.
  const { source } = await load(tree);
  const node = source.slice(source.indexOf("function collect$Node("));
  const body = node.slice(0, (node.indexOf("\nfunction ", 1) + 1 || node.length + 1) - 1);
  expect(body).toMatch(/^ *if \(depth\$ >= 2000\)/m);
  expect(body.match(/depth\$\+\+/g)).toHaveLength(1);
  expect(body).toMatch(/if \(a\d+\.length > 0\) \{\n *depth\$\+\+;\n *for \(/);
  // The tags loop calls no check: it does not count.
  expect(body).not.toMatch(/depth\$\+\+;\n *for \([^\n]*\n *if \(!\(typeof/);
});

test("a node whose recursion also runs outside any loop (a property) counts at every call, as before", async () => {
  const { source } = await load(mixed);
  const node = source.slice(source.indexOf("function collect$Node("));
  const body = node.slice(0, (node.indexOf("\nfunction ", 1) + 1 || node.length + 1) - 1);
  expect(body).toMatch(/if \(depth\$ >= 2000\)[\s\S]*?\n *depth\$\+\+;\n/);
  expect(body).not.toMatch(/\.length > 0\) \{\n *depth\$\+\+/);
});

test("recursion through an anyOf branch's items: the branch counts around its loop, the type at its entry, two levels a step as before", async () => {
  // `n` calls its anyOf branches outside any loop (it counts at its entry); the array branch calls
  // `n` only from its items loop (it counts around the loop); the string branch calls nothing.
  const schema = { $schema, title: "Nested", $ref: "#/$defs/n", $defs: { n: { anyOf: [{ type: "string" }, { type: "array", items: { $ref: "#/$defs/n" } }] } } };
  const { guards } = await load(schema);
  const nested = (levels: number, leaf: unknown) => nest(levels, leaf, (inner) => ["x", inner]);
  const half = DATA_DEPTH_LIMIT / 2;
  expect(guards.isNested!(nested(half - 1, "leaf"))).toBe(true);
  expect(guards.isNested!(nested(half, "leaf"))).toBe(false);
  const result = guards.validateNested!(nested(half, "leaf")) as { errors: { path: string; keyword: string; schemaPath: string }[] };
  // The two values 2,000 calls deep: the innermost array's "x" and the leaf beside it.
  expect(result.errors.filter((e) => e.keyword === "maxDepth")).toEqual([
    expect.objectContaining({ path: "/1".repeat(half - 1) + "/0", schemaPath: "#/$defs/n" }),
    expect.objectContaining({ path: "/1".repeat(half), schemaPath: "#/$defs/n" }),
  ]);
  for (let depth = 0; depth < 60; depth++) {
    expect(guards.isNested!(nested(depth, 7))).toBe(false);
    expect((guards.validateNested!(nested(depth, 7)) as { ok: boolean }).ok).toBe(false);
  }
  expect(guards.isNested!(nested(half - 1, "leaf"))).toBe(true);
});
