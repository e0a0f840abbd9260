/**
 * canonicalJson hands every subtree whose JSON.stringify text is already canonical (keys in sorted
 * order, plain objects and arrays, JSON values only, not too deep) to JSON.stringify whole, and
 * writes the rest key by key. Its text must be what sorting every object's keys gives, whichever
 * parts go which way: random documents whose objects are sometimes built in sorted order
 * (integer-like keys, which Object.keys puts first, "__proto__", undefined values, functions,
 * Dates and holes among them), against a plain recursive reference; and the depth limit's edges.
 */
import * as fc from "fast-check";
import { canonicalJson } from "../../generator/load/canonical-json";

const SEED = 20261203;

/** The reference: every object's keys sorted, recursively; a value JSON has no text for is null. */
function reference(value: unknown): string {
  if (Array.isArray(value)) {
    const items: string[] = [];
    for (let i = 0; i < value.length; i++) items.push(reference(value[i]));
    return `[${items.join(",")}]`;
  }
  if (typeof value === "object" && value !== null) {
    const record = value as Record<string, unknown>;
    return `{${Object.keys(record)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${reference(record[k])}`)
      .join(",")}}`;
  }
  return JSON.stringify(value) ?? "null";
}

// Integer-like keys ("2" before "10" in Object.keys, after it sorted), a key JSON must escape, "".
const KEYS = ["a", "b", "type", "properties", "2", "10", "0", "é", 'q"uote', "", "__proto__"];

/** An object with these entries, its own properties in the order given ("__proto__" as an own key, as JSON.parse makes it). */
function objectOf(entries: [string, unknown][]): Record<string, unknown> {
  const object: Record<string, unknown> = {};
  for (const [k, v] of entries) Object.defineProperty(object, k, { value: v, enumerable: true, writable: true, configurable: true });
  return object;
}

const documents = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    fc.oneof(fc.string(), fc.integer(), fc.double(), fc.boolean(), fc.constant(null)),
    fc.constantFrom<unknown>(undefined, () => 1, new Date(0)),
    tie("array"),
    tie("object"),
  ),
  array: fc.oneof(
    fc.array(tie("value"), { maxLength: 4 }),
    // A hole, which both write as null.
    tie("value").map((v) => {
      const holey: unknown[] = [];
      holey[1] = v;
      return holey;
    }),
  ),
  object: fc
    .tuple(fc.uniqueArray(fc.tuple(fc.constantFrom(...KEYS), tie("value")), { maxLength: 5, selector: ([k]) => k }), fc.boolean())
    // Half of them built with their keys in sorted order: the subtrees JSON.stringify writes.
    .map(([entries, sorted]) => objectOf(sorted ? [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) : entries)),
})).value;

test(`random documents are written as sorting every object's keys writes them (fast-check seed ${SEED})`, () => {
  console.log(`canonical-json-native: fast-check seed ${SEED}`);
  fc.assert(
    fc.property(documents, (document) => canonicalJson(document) === reference(document)),
    { seed: SEED, numRuns: 5000 },
  );
});

test("a sorted document deeper than JSON.stringify is handed, with an unsorted object at the bottom or the top", () => {
  for (const depth of [999, 1000, 1001, 5000]) {
    const sorted = `${'{"a":['.repeat(depth)}0${"]}".repeat(depth)}`;
    expect(canonicalJson(JSON.parse(sorted))).toBe(sorted);
    const bottom = JSON.parse(`${'{"a":['.repeat(depth)}{"b":1,"a":2}${"]}".repeat(depth)}`);
    expect(canonicalJson(bottom)).toBe(`${'{"a":['.repeat(depth)}{"a":2,"b":1}${"]}".repeat(depth)}`);
    const top = JSON.parse(`{"z":1,"a":${sorted}}`);
    expect(canonicalJson(top)).toBe(`{"a":${sorted},"z":1}`);
  }
});
