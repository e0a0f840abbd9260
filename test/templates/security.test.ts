/** templates/runtime/security.ts: credentials applied as the security schemes say. */
import { applyApiKey, applyBasic, applyBearer, chooseSecurity, emptyAuthParts } from "../../templates/runtime/security";

test("an API key in a header, the query (percent-encoded) or a cookie", () => {
  const parts = emptyAuthParts();
  applyApiKey(parts, "header", "X-Api-Key", "k1");
  applyApiKey(parts, "query", "api key", "a&b=c");
  applyApiKey(parts, "cookie", "sid", "v 1;");
  expect(parts).toEqual({ headers: { "X-Api-Key": "k1" }, query: ["api%20key=a%26b%3Dc"], cookies: ["sid=v%201%3B"] });
});

test("bearer and basic set Authorization", () => {
  const parts = emptyAuthParts();
  applyBearer(parts, "tok.en");
  expect(parts.headers.Authorization).toBe("Bearer tok.en");
  applyBasic(parts, "Aladdin", "open sesame");
  expect(parts.headers.Authorization).toBe("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ=="); // RFC 7617's example
});

test.each(["", "a", "ab", "abc", "abcd", "üser:pässwörd", "😀:☃", "a:\ud800"])("basic: base64 of the UTF-8 bytes, as Buffer writes it (%j)", (text) => {
  const parts = emptyAuthParts();
  const [user, ...rest] = text.split(":");
  applyBasic(parts, user!, rest.join(":"));
  const expected = Buffer.from(`${user}:${rest.join(":")}`.replace("\ud800", "\ufffd"), "utf8").toString("base64");
  expect(parts.headers.Authorization).toBe(`Basic ${expected}`);
});

test("the first alternative the configured credentials cover; an empty one needs nothing", () => {
  const configured = (names: string[]) => (scheme: string) => names.includes(scheme);
  expect(chooseSecurity([["oauth"], ["key", "basic"]], configured(["key", "basic"]))).toEqual(["key", "basic"]);
  expect(chooseSecurity([["oauth"], ["key", "basic"]], configured(["key"]))).toBeUndefined();
  expect(chooseSecurity([["oauth"], []], configured([]))).toEqual([]);
  expect(chooseSecurity([], configured(["key"]))).toBeUndefined();
});
