/**
 * The guards emitter on small schemas: what the conformance suite does not show. Hostile schema
 * text stays data, `__proto__`/`constructor` keys, escaped error paths, recursion with paths,
 * unevaluatedProperties through a $ref, and the refusal of an unsupported keyword.
 */
import { generate } from "../../../generator/index";
import { ajvFor, guardsFor } from "../../helpers/guards";

test("schema text can never become code: keys, patterns, consts and formats stay data", async () => {
  const evil = `"]); globalThis.pwned = 1; (["`;
  const schema = {
    type: "object",
    properties: { [evil]: { const: evil }, "*/ globalThis.pwned = 2; /*": { pattern: "^x$" } },
    required: [evil],
    patternProperties: { "^'\\u2028</script>": { type: "string" } },
    additionalProperties: { enum: [evil, { [evil]: [evil] }] },
    format: "${globalThis.pwned = 3}",
  };
  const g = await guardsFor(schema, { name: "Root" });
  expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
  expect(g.isRoot!({ [evil]: evil })).toBe(true);
  expect(g.isRoot!({ [evil]: "other" })).toBe(false);
  expect(g.isRoot!({ [evil]: evil, extra: { [evil]: [evil] } })).toBe(true);
  expect(g.isRoot!({ [evil]: evil, "*/ globalThis.pwned = 2; /*": "y" })).toBe(false);
  expect((globalThis as { pwned?: number }).pwned).toBeUndefined();
}, 20_000);

test("__proto__ and constructor are ordinary keys: own properties only", async () => {
  // Parsed from text: in an object literal, `__proto__:` would set the prototype instead.
  const g = await guardsFor(
    JSON.parse('{"title":"Root","type":"object","properties":{"__proto__":{"type":"number"},"constructor":{"type":"string"}},"required":["__proto__"]}'),
  );
  expect(g.isRoot!(JSON.parse('{"__proto__": 1}'))).toBe(true);
  expect(g.isRoot!(JSON.parse('{"__proto__": "x"}'))).toBe(false);
  // Without an own __proto__, the inherited Object.prototype does not count as present.
  expect(g.isRoot!({})).toBe(false);
  expect(g.isRoot!(JSON.parse('{"__proto__": 1, "constructor": "c"}'))).toBe(true);
  expect(g.isRoot!(JSON.parse('{"__proto__": 1, "constructor": 2}'))).toBe(false);
  expect(g.validateRoot!({}).errors).toEqual([{ path: "", schemaPath: "#/required", keyword: "required", message: "must have required property '__proto__'" }]);
});

test("error paths are JSON Pointers with ~0 and ~1, for static and dynamic keys", async () => {
  const g = await guardsFor({
    title: "Root",
    properties: { "a/b": { properties: { "~c": { type: "integer" } } } },
    additionalProperties: { type: "string" },
  });
  const result = g.validateRoot!({ "a/b": { "~c": 1.5 }, "x/~y": 1 });
  expect(result.errors.map((e: { path: string }) => e.path)).toEqual(["/a~1b/~0c", "/x~1~0y"]);
});

test("recursive named types: a guard per type, calling each other, with paths into the tree", async () => {
  const g = await guardsFor({
    title: "Tree",
    $defs: { Node: { type: "object", required: ["value"], properties: { value: { type: "number" }, children: { type: "array", items: { $ref: "#/$defs/Node" } } } } },
    $ref: "#/$defs/Node",
  });
  const tree = { value: 1, children: [{ value: 2, children: [{ value: 3 }, { value: "x" }] }] };
  expect(g.isNode!(tree)).toBe(false);
  expect(g.validateTree!(tree).errors).toEqual([
    { path: "/children/0/children/1/value", schemaPath: "#/$defs/Node/properties/value/type", keyword: "type", message: "must be number" },
  ]);
  expect(g.isTree!({ value: 1, children: [{ value: 2, children: [] }] })).toBe(true);
});

test("unevaluatedProperties sees through $ref and allOf, but not into a failed anyOf branch", async () => {
  const g = await guardsFor({
    title: "Root",
    $defs: { Named: { properties: { name: { type: "string" } } } },
    allOf: [{ $ref: "#/$defs/Named" }],
    anyOf: [{ properties: { a: { const: 1 } }, required: ["a"] }, { properties: { b: true } }],
    unevaluatedProperties: false,
  });
  expect(g.isRoot!({ name: "n", a: 1 })).toBe(true);
  expect(g.isRoot!({ name: "n", b: 2 })).toBe(true);
  // "a" is evaluated only by the first branch, which fails (a !== 1): so "a" is unevaluated.
  expect(g.isRoot!({ name: "n", a: 2 })).toBe(false);
  expect(g.isRoot!({ name: "n", c: 1 })).toBe(false);
  expect(g.validateRoot!({ name: "n", c: 1 }).errors).toEqual([
    { path: "", schemaPath: "#/unevaluatedProperties", keyword: "unevaluatedProperties", message: 'must NOT have unevaluated property "c"' },
  ]);
});

test("validateX reports every error; anyOf adds its branches' errors only when none matches", async () => {
  const g = await guardsFor({ title: "Root", type: "object", properties: { n: { type: "integer", minimum: 3 }, s: { maxLength: 2 } }, anyOf: [{ required: ["n"] }, { required: ["s"] }] });
  expect(g.validateRoot!({ n: 1.5, s: "💩💩💩" }).errors.map((e: { keyword: string }) => e.keyword)).toEqual(["type", "minimum", "maxLength"]);
  expect(g.validateRoot!({}).errors.map((e: { keyword: string }) => e.keyword)).toEqual(["required", "required", "anyOf"]);
  expect(g.isRoot!({ s: "💩💩" })).toBe(true);
});

test("a $dynamicRef whose anchor does not exist stops generation, naming the reference", async () => {
  await expect(generate({ schema: { title: "Root", properties: { a: { $dynamicRef: "#x" } } }, emit: ["guards"], build: false, format: false })).rejects.toMatchObject({
    code: "unresolvedRef",
    message: expect.stringContaining('$dynamicRef "#x" does not resolve'),
    location: { pointer: "#/properties/a/$dynamicRef" },
  });
});

test("a discriminated oneOf checks only the branch its constant names, and answers as ajv does", async () => {
  // Branches through $ref and inline, each an object requiring `kind` with its own string const:
  // the guard switches on `kind`. Answers, errors included, must not change.
  const schema = {
    title: "Root",
    $defs: {
      Cat: { type: "object", required: ["kind", "lives"], properties: { kind: { const: "cat" }, lives: { type: "integer" } } },
      Dog: { type: "object", required: ["kind"], properties: { kind: { const: "dog" }, good: { const: true } } },
    },
    oneOf: [{ $ref: "#/$defs/Cat" }, { $ref: "#/$defs/Dog" }, { type: "object", required: ["kind", "x"], properties: { kind: { const: "fox" } } }],
  };
  const g = await guardsFor(schema);
  const { files } = await generate({ schema, emit: ["guards"], build: false, format: false });
  expect(files.find((f) => f.path === "src/guards.ts")!.contents).toMatch(/switch \(\(?\w+( as Record<string, unknown>\))?\.kind\)/);
  const ajv = ajvFor(schema);
  const inputs = [
    { kind: "cat", lives: 9 },
    { kind: "cat", lives: "nine" },
    { kind: "cat" },
    { kind: "dog" },
    { kind: "dog", good: false },
    { kind: "fox", x: 1 },
    { kind: "fox" },
    { kind: "cow" },
    { kind: 1 },
    {},
    [],
    null,
    "cat",
    JSON.parse('{"__proto__": {"kind": "dog"}}'),
  ];
  for (const input of inputs) {
    expect([input, g.isRoot!(input)]).toEqual([input, ajv(input)]);
    expect(g.validateRoot!(input).ok).toBe(ajv(input));
  }
});

test("type with const or enum: tested value first, the same errors as ajv (type before const/enum)", async () => {
  // compile-node.ts emits `{ type, const }` (and `{ type, enum }`) as one comparison on valid data,
  // testing the type only once the value is not the constant: errors and their order must not change.
  const schema = {
    title: "Root",
    type: "object",
    properties: {
      kind: { type: "string", const: "track" },
      level: { type: "integer", enum: [1, 2, 3] },
      flag: { type: ["boolean", "null"], enum: [true, null] },
      // Not value-first (a value not of the type): checked as before.
      odd: { type: "string", enum: ["a", 1] },
    },
  };
  const g = await guardsFor(schema);
  const { files } = await generate({ schema, emit: ["guards"], build: false, format: false });
  expect(files.find((f) => f.path === "src/guards.ts")!.contents).toMatch(/if \(!\(\w+ === "track"\)\) \{\s*if \(!\(typeof \w+ === "string"\)\)/);
  const ajv = ajvFor(schema, true);
  const inputs = [
    { kind: "track", level: 2, flag: null, odd: "a" },
    { kind: "trak", level: 4, flag: false, odd: "b" },
    { kind: 5, level: "2", flag: "true", odd: 1 },
    { kind: null, level: 2.5, flag: 0, odd: null },
    { kind: ["track"], level: [1], flag: [true], odd: ["a"] },
    {},
  ];
  for (const input of inputs) {
    ajv(input);
    const expected = (ajv.errors ?? []).map((e) => ({ path: e.instancePath, schemaPath: e.schemaPath, keyword: e.keyword, message: e.message }));
    const result = g.validateRoot!(input);
    expect([input, result.ok ? [] : result.errors]).toEqual([input, expected]);
    expect([input, g.isRoot!(input)]).toEqual([input, expected.length === 0]);
  }
});
