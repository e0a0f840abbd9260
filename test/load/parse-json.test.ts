/** Where an invalid JSON file's error is, at any nesting depth (the scan keeps a stack, not recursion). */
import { CodegenError } from "../../generator/errors";
import { findSyntaxError, parseJson } from "../../generator/load/parse-json";

describe("findSyntaxError", () => {
  test.each<[string, string, number]>([
    ["valid", `{"a": [1, {"b": null}], "c": "x"}`, 33],
    ["a trailing comma in an array", `[1, 2, ]`, 7],
    ["a trailing comma in an object", `{"a": 1, }`, 9],
    ["a missing colon", `{"a" 1}`, 5],
    ["an unclosed array", `[[1]`, 4],
    ["a bad literal", `[tru]`, 4],
    ["text after the value", `{} x`, 3],
  ])("%s", (_, text, offset) => {
    expect(findSyntaxError(text)).toBe(offset);
  });

  test("100,000 levels deep, the error is found (no RangeError)", () => {
    const text = `${"[".repeat(100_000)}1,]${"]".repeat(99_999)}`;
    expect(findSyntaxError(text)).toBe(100_002);
  });
});

test("parseJson names line and column of an error 100,000 levels deep", () => {
  const text = `${'{"a":'.repeat(100_000)}\n  x${"}".repeat(100_000)}`;
  let error: unknown;
  try {
    parseJson(text, "deep.json");
  } catch (caught) {
    error = caught;
  }
  expect(error).toBeInstanceOf(CodegenError);
  expect((error as CodegenError).message).toMatch(/^invalid JSON/);
  expect(error).toMatchObject({ location: { file: "deep.json", line: 2, column: 3 } });
});
