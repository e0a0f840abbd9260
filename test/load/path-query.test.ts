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
  // The fragment is left out of the path (no server sees it); the "#" is not turned into %23.
  expect(splitPathKey(key)).toEqual({ path: "/a", query: [] });
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
  expect(splitPathKey(key)).toEqual({ path: "/", query: [] });
  expect(templateNames(key)).toEqual({ path: [], query: [] });
});

// The client appends the operation's `in: query` parameters to splitPathKey's path: a fragment kept
// there took them along ("/#Action=X?Action=X&Version=..."), and fetch dropped them with it
// (elasticbeanstalk.json, codeguru-reviewer.json in the corpus sweep: the mock's 400 "must have
// required property 'Action'").
test("AWS query protocol's '/#Action=AbortEnvironmentUpdate' is a fragment left out of the path", () => {
  const key = "/#Action=AbortEnvironmentUpdate";
  expect(fragmentStart(key)).toBe(1);
  expect(splitPathKey(key)).toEqual({ path: "/", query: [] });
  expect(templateNames(key)).toEqual({ path: [], query: [] });
});

test("codeguru-reviewer's '/feedback/{CodeReviewArn}#RecommendationId': the path parameter stays, the fragment goes", () => {
  const key = "/feedback/{CodeReviewArn}#RecommendationId";
  expect(fragmentStart(key)).toBe(key.indexOf("#"));
  expect(splitPathKey(key)).toEqual({ path: "/feedback/{CodeReviewArn}", query: [] });
  expect(templateNames(key)).toEqual({ path: ["CodeReviewArn"], query: [] });
  // A '#' that is path (more path after it) before one that is the fragment: %23, then cut.
  expect(splitPathKey("/send/#env/{id}#Note")).toEqual({ path: "/send/%23env/{id}", query: [] });
});
