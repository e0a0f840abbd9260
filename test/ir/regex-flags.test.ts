/**
 * ir/regex-flags.ts: a schema pattern compiles with "u", or without it where only the web-compatible
 * syntax accepts it (identity escapes such as `\:` and `\_` in AWS and SendGrid documents), or with
 * Java's POSIX classes (`\p{Alnum}`, AWS OpsWorks CM) spelled out as the ASCII sets Java gives them;
 * a pattern that compiles no way at all is still refused.
 */
import { compiledRegex } from "../../generator/ir/regex-flags";
import { generate } from "../../generator";
import { guardsFor } from "../helpers/guards";

test("u where it compiles with u, none where only the non-Unicode syntax accepts it, undefined where neither does", () => {
  expect(compiledRegex("^[a-z]+$")).toEqual({ source: "^[a-z]+$", flags: "u", translated: false });
  expect(compiledRegex("^\\p{L}+$")?.flags).toBe("u");
  expect(compiledRegex("^[0-9A-Fa-f\\:\\.]+")?.flags).toBe("");
  expect(compiledRegex("^arn[\\/\\:\\-\\_\\.a-zA-Z0-9]+$")?.flags).toBe("");
  expect(compiledRegex("a{")?.flags).toBe("");
  expect(compiledRegex("\\-]")?.flags).toBe("");
  expect(compiledRegex("([a-z]")).toBeUndefined();
});

test("Java's POSIX classes become ECMA-262 sets, in a class or alone; names ECMA-262 knows keep their meaning", () => {
  expect(compiledRegex("^\\p{Alnum}[\\p{Alnum}\\-\\.]*$")).toEqual({ source: "^[a-zA-Z0-9][a-zA-Z0-9\\-\\.]*$", flags: "u", translated: true });
  expect(compiledRegex("^\\P{Digit}+$")).toEqual({ source: "^[^0-9]+$", flags: "u", translated: true });
  // With an escape that only the non-Unicode syntax accepts, still translated (no flag).
  expect(compiledRegex("^[\\p{Alpha}\\_]+$")).toEqual({ source: "^[a-zA-Z\\_]+$", flags: "", translated: true });
  // An escaped backslash is not a class: `\\p{Alnum}` is a backslash, then p{Alnum}.
  expect(compiledRegex("^\\\\p{Alnum}$")?.translated).toBe(false);
  // \p{ASCII} and \p{L} are ECMA-262 property escapes: left as written.
  expect(compiledRegex("^\\p{ASCII}+$")).toEqual({ source: "^\\p{ASCII}+$", flags: "u", translated: false });
  // A negated Java class inside a class cannot be written as one set: read as the non-Unicode syntax reads it.
  expect(compiledRegex("^[\\P{Alnum}x]$")?.translated).toBe(false);
  for (const [name, yes, no] of [["Punct", "!/:@[`{~", "a"], ["Space", " \t\n\x0B\f\r", "a"], ["XDigit", "09afAF", "g"], ["Cntrl", "\x00\x1F\x7F", " "], ["Graph", "!~", " "], ["Print", " ~", "\x7F"], ["Upper", "AZ", "a"], ["Lower", "az", "A"]] as const) {
    const { source, flags } = compiledRegex(`^\\p{${name}}+$`)!;
    expect(new RegExp(source, flags).test(yes)).toBe(true);
    expect(new RegExp(source, flags).test(no)).toBe(false);
  }
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

test("a guard checks Java's \\p{Alnum} as Java does, its error shows the pattern as written, and generate() warns once with the place", async () => {
  const schema = { title: "ServerName", type: "string", pattern: "^[\\p{Alnum}][\\p{Alnum}\\-]{0,39}$" };
  const guards = await guardsFor(schema);
  expect(guards.isServerName!("my-server-1")).toBe(true);
  expect(guards.isServerName!("p{Alnum}")).toBe(false);
  expect(guards.isServerName!("-leading")).toBe(false);
  const result = guards.validateServerName!("bad name") as { ok: boolean; errors: { message: string }[] };
  expect(result.ok).toBe(false);
  expect(result.errors[0]!.message).toContain("^[\\p{Alnum}][\\p{Alnum}\\-]{0,39}$");
  const { warnings } = await generate({ schema, emit: ["types"] });
  expect(warnings.filter((w) => w.includes("Java's POSIX classes"))).toEqual([expect.stringMatching(/#\/pattern: regular expression .* checked as "\^\[a-zA-Z0-9\]\[a-zA-Z0-9\\\\-\]\{0,39\}\$"$/)]);
});
