/**
 * Very long keywords of one node (emit/guards/split.ts): hundreds of properties, of required names
 * or of allOf members in one function made `tsc --strict` fail with TS2563 ("too large for control
 * flow analysis"; googleapis.com/contentwarehouse, 533 properties). Past the threshold they are
 * checked by helpers, in order. Here: generated packages compile under real `tsc --strict`, no
 * function checks more than a helper's share, and the errors are ajv's (allErrors) with the same
 * instance and schema paths, in the order of the schema.
 */
import * as path from "node:path";
import { generate, type GeneratedFile } from "../../../generator/index";
import { loadGenerated } from "../../../generator/run-generated";
import { PER_HELPER, SPLIT_ABOVE } from "../../../generator/emit/guards/split";
import { ajvFor, type Guards } from "../../helpers/guards";
import { compileStrict, writeFiles } from "../../helpers/strict-compile";
import { tempDir } from "../../helpers/temp";

const dir = tempDir("koala-codegen-split-");
const DRAFT = "https://json-schema.org/draft/2020-12/schema";

/** Five kinds of property in turn: a number, a string, an inline object (shared by its copies), a small inline object, an array. */
const KINDS = [
  () => ({ type: "integer", minimum: 0 }),
  () => ({ type: "string", maxLength: 4 }),
  () => ({ type: "object", properties: { id: { type: "integer" }, name: { type: "string" } }, required: ["id"] }),
  () => ({ type: "object", properties: { a: { type: "string" } }, required: ["a"], additionalProperties: false }),
  () => ({ type: "array", items: { type: "boolean" } }),
];
const propertiesOf = (prefix: string, n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`${prefix}${i}`, KINDS[i % 5]!()]));

const WIDE_PROPERTIES = 600;
const INNER_PROPERTIES = 300;
/** 600 properties (required every 7th, no others allowed), one recursive (its function counts the depth), one an inline object of 300 more (checked away from its function's top). */
const WIDE = {
  $schema: DRAFT,
  title: "Wide",
  type: "object",
  properties: {
    ...propertiesOf("p", WIDE_PROPERTIES),
    self: { $ref: "#" },
    inner: { type: "object", properties: propertiesOf("q", INNER_PROPERTIES), additionalProperties: false },
  },
  required: Array.from({ length: WIDE_PROPERTIES }, (_, i) => `p${i}`).filter((_, i) => i % 7 === 0),
  additionalProperties: false,
};
/** 600 inline allOf members: a helper numbers its members from its slice's offset. */
const ALL_OF = {
  $schema: DRAFT,
  title: "AllOfWide",
  allOf: Array.from({ length: 600 }, (_, i) => ({ type: "object", properties: { [`k${i}`]: { type: "integer", minimum: i } } })),
};
/** 1,500 required names (TS2563 at about 1,000). */
const REQUIRED = { $schema: DRAFT, title: "RequiredWide", type: "object", required: Array.from({ length: 1500 }, (_, i) => `r${i}`) };

const packages: { name: string; schema: object; files: readonly GeneratedFile[] }[] = [];

beforeAll(async () => {
  for (const [name, schema] of [["wide", WIDE], ["all-of", ALL_OF], ["required", REQUIRED]] as const) {
    const { files } = await generate({ schema, build: false, format: false });
    writeFiles(path.join(dir, name), files);
    packages.push({ name, schema, files });
  }
}, 120_000);

const guardsText = (name: string): string => packages.find((p) => p.name === name)!.files.find((f) => f.path === "src/guards.ts")!.contents;
const guardsOf = (name: string): Guards => loadGenerated(packages.find((p) => p.name === name)!.files.filter((f) => f.path.startsWith("src/"))) as Guards;

test("the packages compile under tsc --strict (no TS2563)", () => {
  const compiled = compileStrict(dir, { timeout: 240_000 });
  expect(compiled.stdout + compiled.stderr).toBe("");
  expect(compiled.status).toBe(0);
}, 300_000);

test(`no check function checks more than ${PER_HELPER} properties, required names or allOf members`, () => {
  expect(SPLIT_ABOVE).toBeGreaterThanOrEqual(PER_HELPER);
  const counts = (text: string, line: RegExp) => text.split(/\n(?=function )/).map((fn) => fn.split("\n").filter((l) => line.test(l)).length);
  // The distinct properties (of Wide, of its inner object) whose schema paths a function names.
  const distinct = (text: string, names: RegExp) => text.split(/\n(?=function )/).map((fn) => new Set([...fn.matchAll(names)].map((m) => m[1])).size);
  const wide = distinct(guardsText("wide"), /"#\/properties\/(p\d+)\//g);
  const inner = distinct(guardsText("wide"), /"#\/properties\/inner\/properties\/(q\d+)\//g);
  // Every property is checked...
  expect(wide.reduce((a, b) => a + b)).toBe(WIDE_PROPERTIES);
  expect(inner.reduce((a, b) => a + b)).toBe(INNER_PROPERTIES);
  // ...by helpers of at most PER_HELPER each.
  expect(Math.max(...wide)).toBeLessThanOrEqual(PER_HELPER);
  expect(Math.max(...inner)).toBeLessThanOrEqual(PER_HELPER);
  // Wide's own function only calls them.
  const own = guardsText("wide").split(/\n(?=function )/).find((fn) => fn.startsWith("function collect$Wide("))!;
  expect(own).not.toContain('"#/properties/p');
  const allOf = counts(guardsText("all-of"), /"#\/allOf\/\d+\/type"/);
  expect(allOf.reduce((a, b) => a + b)).toBe(600);
  expect(Math.max(...allOf)).toBeLessThanOrEqual(PER_HELPER);
  const required = counts(guardsText("required"), /must have required property/);
  expect(required.reduce((a, b) => a + b)).toBe(1500);
  expect(Math.max(...required)).toBeLessThanOrEqual(PER_HELPER);
});

/** A valid Wide: every kind of property, a nested Wide, the inner object. */
function validWide(depth: number): Record<string, unknown> {
  const sample = [7, "abcd", { id: 1, name: "n" }, { a: "x" }, [true, false]];
  const value: Record<string, unknown> = Object.fromEntries(Array.from({ length: WIDE_PROPERTIES }, (_, i) => [`p${i}`, sample[i % 5]]));
  value.inner = Object.fromEntries(Array.from({ length: INNER_PROPERTIES }, (_, i) => [`q${i}`, sample[i % 5]]));
  if (depth > 0) value.self = validWide(depth - 1);
  return value;
}

/** Breaks every 37th property (in every slice) with a value of the kind after it, drops some required ones, adds an unknown key. */
function invalidWide(depth: number): Record<string, unknown> {
  const value = validWide(0);
  const wrong = [-1, "toolong", { name: 3 }, { a: 1, b: 2 }, [1, true, "x"]];
  for (let i = 0; i < WIDE_PROPERTIES; i += 37) value[`p${i}`] = wrong[i % 5];
  for (const i of [0, 126, 252, 378, 504, 595]) delete value[`p${i}`];
  value.extra = 1;
  const inner = value.inner as Record<string, unknown>;
  for (let i = 1; i < INNER_PROPERTIES; i += 53) inner[`q${i}`] = wrong[i % 5];
  if (depth > 0) value.self = invalidWide(depth - 1);
  return value;
}

type Error = { path: string; schemaPath: string; keyword: string };
const line = (e: Error) => `${e.path} ${e.schemaPath} ${e.keyword}`;

/** Ours and ajv's errors (allErrors), sorted: the same set. Returns ours in their order. */
function sameErrorsAsAjv(guards: Guards, type: string, schema: object, value: unknown): Error[] {
  const ajv = ajvFor(schema, true);
  const expected = ajv(value) ? "valid" : ajv.errors!.map((e) => `${e.instancePath} ${e.schemaPath} ${e.keyword}`).sort();
  const result = guards[`validate${type}`]!(value);
  const ours = result.ok ? "valid" : (result.errors as Error[]).map(line).sort();
  expect(ours).toEqual(expected);
  expect(guards[`is${type}`]!(value)).toBe(expected === "valid");
  return result.ok ? [] : result.errors;
}

/** Errors come in the order of the schema entries they are about (`index`: `/p12` → 12; undefined: not about one), per parent instance path and kind (required names, property checks); an entry may have several. */
function inSchemaOrder(errors: Error[], index: (e: Error) => number | undefined): void {
  const last = new Map<string, number>();
  for (const e of errors) {
    const i = index(e);
    if (i === undefined) continue;
    const group = `${e.path.replace(/\/[pqk]\d+(\/.*)?$/, "")} ${e.keyword === "required" ? "required" : "checks"}`;
    expect(i).toBeGreaterThanOrEqual(last.get(group) ?? 0);
    last.set(group, i);
  }
}

test("600 properties: errors as ajv reports them, in the order of the properties", () => {
  const guards = guardsOf("wide");
  expect(sameErrorsAsAjv(guards, "Wide", WIDE, validWide(3))).toEqual([]);
  const errors = sameErrorsAsAjv(guards, "Wide", WIDE, invalidWide(2));
  // In every slice, at every depth (the nested Wide's errors under /self, the inner object's under /inner).
  expect(errors.length).toBeGreaterThan(60);
  for (const at of ["/p37", "/p592", "/self/p296", "/self/self/p555", "/inner/q1", "/self/inner/q266"]) {
    expect(errors.some((e) => e.path === at || e.path.startsWith(at + "/"))).toBe(true);
  }
  // The unknown key of each Wide: after its properties (the nested Wide's errors come from its `self` property).
  expect(errors.filter((e) => e.keyword === "additionalProperties" && /^(\/self)*$/.test(e.path)).map((e) => e.path)).toEqual(["/self/self", "/self", ""]);
  expect(errors.filter((e) => e.keyword === "required" && e.path === "/self/self").map((e) => (e as Error & { message: string }).message)).toEqual([0, 126, 252, 378, 504, 595].map((i) => `must have required property 'p${i}'`));
  inSchemaOrder(errors, (e) => {
    if (e.keyword === "required") {
      const m = /'p(\d+)'/.exec((e as Error & { message: string }).message);
      return m ? Number(m[1]) : undefined;
    }
    const m = /\/[pq](\d+)(?:\/|$)/.exec(e.path.replace(/^(\/self)*(\/inner)?/, ""));
    return m ? Number(m[1]) : undefined;
  });
  // Not an object at all: one type error, nothing else checked.
  expect(sameErrorsAsAjv(guards, "Wide", WIDE, [1])).toHaveLength(1);
});

test("600 allOf members: errors at each member's own index, as ajv reports them", () => {
  const guards = guardsOf("all-of");
  expect(sameErrorsAsAjv(guards, "AllOfWide", ALL_OF, { k0: 0, k599: 599 })).toEqual([]);
  const errors = sameErrorsAsAjv(guards, "AllOfWide", ALL_OF, { k0: -1, k124: 1, k125: 1, k300: "x", k599: 598 });
  expect(errors.map((e) => e.schemaPath)).toEqual(["#/allOf/0/properties/k0/minimum", "#/allOf/124/properties/k124/minimum", "#/allOf/125/properties/k125/minimum", "#/allOf/300/properties/k300/type", "#/allOf/599/properties/k599/minimum"]);
  // Not an object: each member's type error, in order.
  const typeErrors = sameErrorsAsAjv(guards, "AllOfWide", ALL_OF, "text");
  expect(typeErrors.map((e) => e.schemaPath)).toEqual(Array.from({ length: 600 }, (_, i) => `#/allOf/${i}/type`));
});

test("1,500 required names: errors as ajv reports them, in the order of the names", () => {
  const guards = guardsOf("required");
  const all = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`r${i}`, i]));
  expect(sameErrorsAsAjv(guards, "RequiredWide", REQUIRED, all)).toEqual([]);
  const some = { ...all };
  for (const i of [0, 124, 125, 700, 1499]) delete some[`r${i}`];
  const errors = sameErrorsAsAjv(guards, "RequiredWide", REQUIRED, some);
  expect(errors.map((e) => (e as Error & { message: string }).message)).toEqual([0, 124, 125, 700, 1499].map((i) => `must have required property 'r${i}'`));
  const none = sameErrorsAsAjv(guards, "RequiredWide", REQUIRED, {});
  expect(none.map((e) => (e as Error & { message: string }).message)).toEqual(Array.from({ length: 1500 }, (_, i) => `must have required property 'r${i}'`));
});
