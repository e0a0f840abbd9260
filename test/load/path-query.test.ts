/**
 * splitPathKey / fragmentStart on the "#" and "?" of a path key: a "#" after the "?" always starts
 * the fragment (whatever follows it, "/" or "{" included); a "#" before the "?" is a character of the
 * path only when more path ("/" or "{name}") follows it before the "?" (mastercard.com's
 * "/send/#env/v1/partners/{partnerId}"), else it starts the fragment (AWS's "/#X-Amz-Target=...").
 */
import { fragmentStart, splitPathKey, templateNames } from "../../generator/load/openapi/path-query";

test("a '#' after the '?' starts the fragment even with '/' after it: the query keeps its {v} parameter", () => {
  const key = "/a?x={v}#frag/y";
  expect(fragmentStart(key)).toBe(key.indexOf("#"));
  expect(splitPathKey(key)).toEqual({ path: "/a", query: [{ text: "x={v}", name: "x", parameter: "v" }] });
  expect(templateNames(key)).toEqual({ path: [], query: ["v"] });
});

test("a '#' before the '?' with no path after it (a '/' only in the query) starts the fragment", () => {
  const key = "/a#b?x=1/c";
  expect(fragmentStart(key)).toBe(2);
  // The fragment stays in the key's path text (fetch drops it); the "#" is not turned into %23.
  expect(splitPathKey(key)).toEqual({ path: "/a#b?x=1/c", query: [] });
});

test("mastercard.com's '#' with more path after it is a character of the path, sent as %23", () => {
  const key = "/send/#env/v1/partners/{partnerId}/transfer";
  expect(fragmentStart(key)).toBe(-1);
  expect(splitPathKey(key)).toEqual({ path: "/send/%23env/v1/partners/{partnerId}/transfer", query: [] });
  expect(templateNames(key)).toEqual({ path: ["partnerId"], query: [] });
  // With a query and a fragment after it too.
  expect(splitPathKey("/send/#env/{id}?mode=a#top/x")).toEqual({ path: "/send/%23env/{id}", query: [{ text: "mode=a", name: "mode", value: "a" }] });
});

test("AWS's '/#X-Amz-Target=Service.Action' is a fragment", () => {
  const key = "/#X-Amz-Target=AWSCognitoIdentityService.CreateIdentityPool";
  expect(fragmentStart(key)).toBe(1);
  expect(splitPathKey(key)).toEqual({ path: key, query: [] });
  expect(templateNames(key)).toEqual({ path: [], query: [] });
});
