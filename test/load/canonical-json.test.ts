/**
 * canonicalJson is what the schema hash is taken over (package.json's schemaHash, koala-codegen.api.json):
 * JSON.stringify's text with every object's keys sorted. Its text must not change (every committed
 * package would then be out of date), whatever the key order or nesting depth of the document.
 */
import { canonicalJson } from "../../generator/load/canonical-json";

test("JSON.stringify's text, with each object's keys sorted and no white space", () => {
  const document = { type: "object", properties: { b: { type: ["string", "null"] }, a: { enum: [1, 2.5, true, null, "x\"y\u2028"] } }, $defs: {}, items: [] };
  expect(canonicalJson(document)).toBe('{"$defs":{},"items":[],"properties":{"a":{"enum":[1,2.5,true,null,"x\\"y\u2028"]},"b":{"type":["string","null"]}},"type":"object"}');
  expect(canonicalJson(JSON.parse(canonicalJson(document)))).toBe(canonicalJson(document));
});

test("key order and formatting do not count; key quoting does", () => {
  const one = JSON.parse('{"b": 1, "a": {"d": [1, {"f": 2, "e": 3}], "c": "\\u00e9"}}');
  const other = JSON.parse('{"a":{"c":"é","d":[1,{"e":3,"f":2}]},"b":1}');
  expect(canonicalJson(one)).toBe(canonicalJson(other));
  expect(canonicalJson({ 'a"b': 1, "a\nb": 2 })).toBe('{"a\\nb":2,"a\\"b":1}');
});

test("values JSON has no text for are written as null, as in an array by JSON.stringify", () => {
  expect(canonicalJson([undefined, 1])).toBe("[null,1]");
  expect(canonicalJson("text")).toBe('"text"');
  expect(canonicalJson(null)).toBe("null");
});

test("a document nested 100,000 levels deep (as JSON.parse reads it) is written without running out of stack", () => {
  const depth = 100_000;
  const text = `${"[{\"a\":".repeat(depth)}0${"}]".repeat(depth)}`;
  expect(canonicalJson(JSON.parse(text))).toBe(text);
});
