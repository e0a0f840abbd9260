/**
 * ir/regex-flags.ts: a schema pattern compiles with "u", or without it where only the web-compatible
 * syntax accepts it (identity escapes such as `\:` and `\_` in AWS and SendGrid documents); a
 * pattern that compiles either way not at all is still refused.
 */
import { regexFlags } from "../../generator/ir/regex-flags";
import { guardsFor } from "../helpers/guards";

test("u where it compiles with u, none where only the non-Unicode syntax accepts it, undefined where neither does", () => {
  expect(regexFlags("^[a-z]+$")).toBe("u");
  expect(regexFlags("^\\p{L}+$")).toBe("u");
  expect(regexFlags("^[0-9A-Fa-f\\:\\.]+")).toBe("");
  expect(regexFlags("^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$")).toBe("");
  expect(regexFlags("a{")).toBe("");
  expect(regexFlags("\\-]")).toBe("");
  expect(regexFlags("([a-z]")).toBeUndefined();
});

test("a guard checks such a pattern as browsers do; a pattern that never compiles is refused", async () => {
  const guards = await guardsFor({ title: "Arn", type: "string", pattern: "^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$" });
  expect(guards.isArn!("arn:aws:s3:::bucket_1")).toBe(true);
  expect(guards.isArn!("arn with space")).toBe(false);
  expect(guards.isArn!("urn:x")).toBe(false);
  const unicode = await guardsFor({ title: "Letters", type: "string", pattern: "^\\p{L}+$" });
  expect(unicode.isLetters!("Zoë")).toBe(true);
  await expect(guardsFor({ title: "Bad", type: "string", pattern: "([a-z]" })).rejects.toThrow(/regular expression "\(\[a-z\]" does not compile/);
});
