/**
 * ir/regex-flags.ts: a schema pattern compiles with "u", or without it where only the web-compatible
 * syntax accepts it (identity escapes such as `\:` and `\_` in AWS and SendGrid documents), or with
 * Java's POSIX classes (`\p{Alnum}`, AWS OpsWorks CM) spelled out as the ASCII sets Java gives them,
 * and Java's other property names (`\p{LD}`, AWS Directory Service) as the ECMA-262 properties they mean,
 * Ruby's and PCRE's anchors `\A`/`\z`/`\Z` and POSIX bracket classes (`[[:alnum:]]`) as ECMA-262 writes
 * them; a pattern that compiles no way at all is still refused.
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
  expect(compiledRegex("^\\p{Alnum}[\\p{Alnum}\\-\\.]*$")).toEqual({ source: "^[a-zA-Z0-9][a-zA-Z0-9\\-\\.]*$", flags: "u", translated: true, foreign: ["Java's character classes"] });
  expect(compiledRegex("^\\P{Digit}+$")).toEqual({ source: "^[^0-9]+$", flags: "u", translated: true, foreign: ["Java's character classes"] });
  // With an escape that only the non-Unicode syntax accepts, still translated (no flag).
  expect(compiledRegex("^[\\p{Alpha}\\_]+$")).toEqual({ source: "^[a-zA-Z\\_]+$", flags: "", translated: true, foreign: ["Java's character classes"] });
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

test("Java's other property names become the ECMA-262 properties Java means: LD, all, L1, IsLetter, IsLu, IsLatin, a bare script; blocks stay as written", () => {
  // amazonaws.com/ds's TrustPassword: letters or digits, punctuation, spaces (corpus sweep, seed 44).
  const password = compiledRegex("^(\\p{LD}|\\p{Punct}| )+$")!;
  expect(password).toEqual({ source: "^([\\p{L}\\p{Nd}]|[!-\\/:-@\\[-`{-~]| )+$", flags: "u", translated: true, foreign: ["Java's character classes"] });
  const matches = (pattern: string, text: string) => {
    const { source, flags } = compiledRegex(pattern)!;
    return new RegExp(source, flags).test(text);
  };
  expect([matches(password.source, "Zoë 42!"), matches("^(\\p{LD}|\\p{Punct}| )+$", "Zoë 42!"), matches("^(\\p{LD}|\\p{Punct}| )+$", "tab\t")]).toEqual([true, true, false]);
  for (const [pattern, yes, no] of [
    ["^[\\p{all}]*$", "any\n\u{1F600}", undefined],
    ["^\\p{L1}+$", "caf\u00e9", "\u0100"],
    ["^([A-Za-z\\-' 0-9._]|\\p{IsLetter})+$", "O'Brien Zoë", "a/b"],
    ["^\\p{IsLu}+$", "ÀB", "a"],
    ["^\\p{IsLATIN}+$", "Zoë", "Ω"],
    ["^[A-Za-z \\p{Han}\\p{Katakana}\\p{Hiragana}\\p{Hangul}-]*$", "Tanaka 田中 カ あ 한", "Ω"],
    ["^\\P{IsDigit}+$", "abc", "a1"],
    ["^\\p{javaLowerCase}+$", "zoë", "Z"],
  ] as const) {
    expect([pattern, compiledRegex(pattern)?.translated]).toEqual([pattern, true]);
    expect([pattern, matches(pattern, yes)]).toEqual([pattern, true]);
    if (no !== undefined) expect([pattern, no, matches(pattern, no)]).toEqual([pattern, no, false]);
  }
  // Java's blocks (InGreek) have no ECMA-262 counterpart: read as the non-Unicode syntax reads them.
  expect(compiledRegex("^\\p{InGreek}+$")).toEqual({ source: "^\\p{InGreek}+$", flags: "", translated: false });
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
  expect(warnings.filter((w) => w.includes("Java's character classes"))).toEqual([expect.stringMatching(/#\/pattern: regular expression .* checked as "\^\[a-zA-Z0-9\]\[a-zA-Z0-9\\\\-\]\{0,39\}\$"$/)]);
});

test("Ruby's and PCRE's \\A, \\z, \\Z and POSIX bracket classes mean what they mean there, not the letters and sets the non-Unicode syntax reads", async () => {
  const matches = (pattern: string, text: string) => {
    const { source, flags } = compiledRegex(pattern)!;
    return new RegExp(source, flags).test(text);
  };
  // amazonaws.com/storagegateway's snapshot id: without this, only "Asnap-1234abcdz" passed.
  const snapshot = "\\Asnap-([0-9A-Fa-f]{8}|[0-9A-Fa-f]{17})\\z";
  expect(compiledRegex(snapshot)).toEqual({ source: "^snap-([0-9A-Fa-f]{8}|[0-9A-Fa-f]{17})$", flags: "u", translated: true, foreign: ["the anchors \\A, \\z and \\Z"] });
  expect([matches(snapshot, "snap-1234abcd"), matches(snapshot, "Asnap-1234abcdz"), matches(snapshot, "xsnap-1234abcd"), matches(snapshot, "snap-1234abcd\n")]).toEqual([true, false, false, false]);
  // amazonaws.com/datasync: both kinds at once, with Java's \p{Print}.
  expect(compiledRegex("\\A\\S[\\p{Print}]*\\z")).toEqual({ source: "^\\S[ -~]*$", flags: "u", translated: true, foreign: ["the anchors \\A, \\z and \\Z", "Java's character classes"] });
  // linode.com's time zone suffix: a POSIX class beside other members, and escapes only the non-Unicode syntax takes.
  const zone = "^a(\\[[[:alnum:]\\/\\_]+\\])?$";
  expect(compiledRegex(zone)).toEqual({ source: "^a(\\[[a-zA-Z0-9\\/\\_]+\\])?$", flags: "", translated: true, foreign: ["POSIX bracket classes"] });
  expect([matches(zone, "a[Europe/Paris_1]"), matches(zone, "a[:]"), matches(zone, "a")]).toEqual([true, false, true]);
  for (const [name, yes, no] of [["alpha", "aZ", "1"], ["digit", "09", "a"], ["word", "a_1", "-"], ["space", " \t", "a"], ["upper", "AZ", "a"], ["xdigit", "fF0", "g"]] as const) {
    expect([name, matches(`^[[:${name}:]]+$`, yes), matches(`^[[:${name}:]]+$`, no)]).toEqual([name, true, false]);
  }
  // Inside a class, \A is no anchor (the non-Unicode syntax's "A"); an escaped backslash is not an escape; an unknown POSIX name stays as written.
  expect(compiledRegex("^[\\A]$")).toEqual({ source: "^[\\A]$", flags: "", translated: false });
  expect(compiledRegex("^\\\\A$")).toEqual({ source: "^\\\\A$", flags: "u", translated: false });
  expect(compiledRegex("^[[:nope:]]$")?.translated).toBe(false);
  // A pattern ECMA-262 reads as written is left alone.
  expect(compiledRegex("^[:a]$")).toEqual({ source: "^[:a]$", flags: "u", translated: false });
  const guards = await guardsFor({ title: "SnapshotId", type: "string", pattern: snapshot });
  expect([guards.isSnapshotId!("snap-1234abcd"), guards.isSnapshotId!("Asnap-1234abcdz")]).toEqual([true, false]);
  const { warnings } = await generate({ schema: { title: "SnapshotId", type: "string", pattern: snapshot }, emit: ["types"] });
  expect(warnings).toEqual([expect.stringMatching(/#\/pattern: regular expression .* uses the anchors \\A, \\z and \\Z, which ECMA-262 does not have; checked as "\^snap-.*\$"$/)]);
});
