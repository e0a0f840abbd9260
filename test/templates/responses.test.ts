/** templates/runtime/responses.ts: which declared response a status is, and media types. */
import { isJsonMediaType, isSuccessStatus, matchStatus, mediaTypeOf } from "../../templates/runtime/responses";

test.each<[number, string[], string | undefined]>([
  [200, ["200", "2XX", "default"], "200"],
  [201, ["200", "2XX", "default"], "2XX"],
  [404, ["200", "4XX", "default"], "4XX"],
  [404, ["200", "404", "4XX"], "404"],
  [503, ["200", "4XX", "default"], "default"],
  [503, ["200", "4XX"], undefined],
  [204, [], undefined],
])("status %d with responses %j → %s", (status, declared, want) => {
  expect(matchStatus(status, declared)).toBe(want);
});

test("success is 2XX", () => {
  expect([199, 200, 204, 299, 300, 404].map(isSuccessStatus)).toEqual([false, true, true, true, false, false]);
});

test.each<[string | null, string, boolean]>([
  ["application/json", "application/json", true],
  ["Application/JSON; charset=utf-8", "application/json", true],
  ["application/problem+json", "application/problem+json", true],
  ["application/vnd.api+json; ext=x", "application/vnd.api+json", true],
  ["text/plain", "text/plain", false],
  ["application/jsonx", "application/jsonx", false],
  [null, "", false],
])("%j is %j, JSON: %s", (header, mediaType, json) => {
  expect(mediaTypeOf(header)).toBe(mediaType);
  expect(isJsonMediaType(mediaTypeOf(header))).toBe(json);
});
