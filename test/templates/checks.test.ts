/** templates/runtime/checks.ts and validation.ts: the helpers guards call. */
import fc from "fast-check";
import { codePointLength, countKeys, hasOwn, hasUniqueItems, isMultipleOf, jsonEqual, pointerToken } from "../../templates/runtime/checks";
import { describeErrors, pointerSegments, SchemaValidationError, standardSchema } from "../../templates/runtime/validation";

test.each<[unknown, unknown, boolean]>([
  [1, 1.0, true],
  [{ a: 1, b: [1, { c: 2 }] }, { b: [1, { c: 2 }], a: 1 }, true],
  [{ a: 1 }, { a: 1, b: 2 }, false],
  [[1, 2], [2, 1], false],
  [[], {}, false],
  [null, {}, false],
  ["1", 1, false],
  [{ a: undefined }, { b: undefined }, false],
])("jsonEqual(%j, %j) = %s", (a, b, expected) => {
  expect(jsonEqual(a, b)).toBe(expected);
});

test("jsonEqual and hasUniqueItems on data 100,000 levels deep: an answer, no RangeError", () => {
  const deep = (leaf: unknown): unknown => {
    let value = leaf;
    for (let i = 0; i < 100_000; i++) value = i % 2 ? { a: value } : [value];
    return value;
  };
  expect(jsonEqual(deep(1), deep(1))).toBe(true);
  expect(jsonEqual(deep(1), deep(2))).toBe(false);
  expect(hasUniqueItems([deep(1), deep(1)])).toBe(false);
  expect(hasUniqueItems([deep(1), deep("1")])).toBe(true);
});

test("hasUniqueItems: JSON equality, objects and primitives", () => {
  expect(hasUniqueItems([1, "1", true, null, { a: 1 }, [1]])).toBe(true);
  expect(hasUniqueItems([1, 1.0])).toBe(false);
  expect(hasUniqueItems([{ a: 1, b: 2 }, { b: 2, a: 1 }])).toBe(false);
  expect(hasUniqueItems([[1], [1]])).toBe(false);
});

const SEED = 20261204;

test(`hasUniqueItems past its pairwise objects (by bucket): the same answers as every pair compared (fast-check seed ${SEED})`, () => {
  console.log(`checks: hasUniqueItems fast-check seed ${SEED}`);
  const pairwise = (items: unknown[]): boolean => items.every((a, i) => items.every((b, j) => j <= i || !jsonEqual(a, b)));
  // Few keys and values, so that equal items (key orders apart, 1 and 1.0, -0 and 0) are common.
  const { value } = fc.letrec((tie) => ({
    value: fc.oneof({ depthSize: "small" }, fc.constantFrom(0, -0, 1, 1.0, "a", "b", "", true, null), fc.array(tie("value"), { maxLength: 3 }), tie("object")),
    object: fc
      .uniqueArray(fc.tuple(fc.constantFrom("a", "b", "c", "__proto__"), tie("value")), { maxLength: 3, selector: ([k]) => k })
      .chain((entries) => fc.shuffledSubarray(entries, { minLength: entries.length }))
      .map((entries) => {
        const object: Record<string, unknown> = {};
        for (const [k, v] of entries) Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true });
        return object;
      }),
  }));
  fc.assert(
    fc.property(fc.array(value, { minLength: 10, maxLength: 60 }), (items) => hasUniqueItems(items) === pairwise(items)),
    { seed: SEED, numRuns: 3000 },
  );
  // 200 parameters, names apart, then one repeated with its keys in another order.
  const parameters = Array.from({ length: 200 }, (_, i) => ({ name: `p${i}`, in: "query", schema: { type: "string" } }));
  expect(hasUniqueItems(parameters)).toBe(true);
  expect(hasUniqueItems([...parameters, { schema: { type: "string" }, in: "query", name: "p150" }])).toBe(false);
  expect(hasUniqueItems([...parameters, { schema: { type: "integer" }, in: "query", name: "p150" }])).toBe(true);
  // Equal by JSON though not by their texts: 0 and -0, as a value and as an array's item.
  expect(hasUniqueItems([...parameters, { name: "z", n: 0 }, { n: -0, name: "z" }])).toBe(false);
  expect(hasUniqueItems([...parameters, [0, "x"], [-0, "x"]])).toBe(false);
});

test("codePointLength counts a surrogate pair once and a lone surrogate as one", () => {
  expect(codePointLength("💩💩")).toBe(2);
  expect(codePointLength("a\ud83d")).toBe(2);
  expect(codePointLength("")).toBe(0);
});

test("isMultipleOf handles floats", () => {
  expect(isMultipleOf(0.0075, 0.0001)).toBe(true);
  expect(isMultipleOf(0.00751, 0.0001)).toBe(false);
  expect(isMultipleOf(4.5, 1.5)).toBe(true);
  expect(isMultipleOf(1e308, 0.123456789)).toBe(false);
  expect(isMultipleOf(10, 3)).toBe(false);
});

test("own keys only: hasOwn and countKeys ignore the prototype; __proto__ data counts", () => {
  const parsed = JSON.parse('{"__proto__": 1, "a": 2}');
  expect(hasOwn(parsed, "__proto__")).toBe(true);
  expect(countKeys(parsed)).toBe(2);
  const inherited = Object.create({ x: 1 });
  expect(hasOwn(inherited, "x")).toBe(false);
  expect(countKeys(inherited)).toBe(0);
  expect(hasOwn({ hasOwnProperty: () => true }, "y")).toBe(false);
});

test("JSON Pointer tokens round-trip through pointerSegments", () => {
  expect(pointerToken("a/b~c")).toBe("a~1b~0c");
  expect(pointerSegments(`/events/0/${pointerToken("a/b~c")}`)).toEqual(["events", 0, "a/b~c"]);
  expect(pointerSegments("")).toEqual([]);
  // The empty key: "/" is the root's "" property; "01" is a key, not an index.
  expect(pointerSegments("/")).toEqual([""]);
  expect(pointerSegments("//01/10")).toEqual(["", "01", 10]);
});

test("SchemaValidationError carries the errors and says the first five", () => {
  const errors = Array.from({ length: 7 }, (_, i) => ({ path: i ? `/a/${i}` : "", schemaPath: "#/type", keyword: "type", message: "must be string" }));
  const error = new SchemaValidationError("Thing", errors);
  expect(error).toBeInstanceOf(Error);
  expect(error.errors).toBe(errors);
  expect(error.message).toBe(describeErrors("Thing", errors));
  expect(error.message).toMatch(/^not a valid Thing: \(root\) must be string; \/a\/1 must be string; .* and 2 more$/);
});

test("standardSchema adapts a validate function", async () => {
  const schema = standardSchema<number>((v) => (typeof v === "number" ? { ok: true, value: v } : { ok: false, errors: [{ path: "/x/1", schemaPath: "#", keyword: "type", message: "no" }] }));
  expect(await schema["~standard"].validate(3)).toEqual({ value: 3 });
  expect(await schema["~standard"].validate("3")).toEqual({ issues: [{ message: "no", path: ["x", 1] }] });
});
