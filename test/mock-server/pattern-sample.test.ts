/**
 * Synthesized strings for a schema's `pattern` and `format`: every sample matches its pattern
 * (the RegExp the guards use, `u` flag), for many seeds (fast-check), Unicode property escapes
 * included (\p{L}, \P{C}, \p{Script=Greek}) and backreferences; patterns beyond the sampler (a property
 * ECMA-262 does not know) give undefined, lookarounds are read as nothing; every format sample passes ajv-formats.
 */
import fc from "fast-check";
import addFormats from "ajv-formats";
import Ajv2020 from "ajv/dist/2020";
import { mulberry32 } from "../../generator/mock-server/faults";
import { compiledRegex } from "../../generator/ir/regex-flags";
import { MAX_AIMED_LENGTH, samplePattern } from "../../generator/mock-server/pattern-sample";
import { formatSample } from "../../generator/mock-server/synthesize";

const seed = process.env.CI ? 20261202 : Date.now() % 2 ** 31;

// Patterns from real API descriptions (GitHub, Stripe, Kubernetes, ...) and the shapes schemas use.
const PATTERNS = [
  "^[A-Z]{2}-[0-9]{4}$",
  "^#[0-9a-fA-F]{6}$",
  "^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$",
  "^(\\+|-)?\\d+(\\.\\d{1,2})?$",
  "^acc_[a-z0-9]{6}$",
  "^[^@\\s]+@[^@\\s]+$",
  "^(GET|POST|PUT)$",
  "^v\\d+\\.\\d+\\.\\d+(-[0-9A-Za-z.-]+)?$",
  "[a-z]+",
  "^\\w{3,}$",
  "^(?:[01]\\d|2[0-3]):[0-5]\\d$",
  "^\\u00e9+x?$",
  "^[\\w.-]+/[\\w.-]+$",
  "^[^/]+$",
  "^.{2,5}$",
  // Unicode property escapes, as AWS documents write them (amazonaws.com/sso-admin's policy ARNs: no
  // request could be synthesized while \p{...} was beyond the sampler), and properties with no ASCII member.
  "^arn:(aws|aws-us-gov|aws-cn|aws-iso|aws-iso-b):iam::aws:policy/[\\p{L}\\p{M}\\p{Z}\\p{S}\\p{N}\\p{P}]+$",
  "^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$",
  "^[\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+$",
  "^\\P{C}*$",
  "^[^\\p{C}]+$",
  "^\\p{Lu}\\p{Ll}+$",
  "^\\p{M}\\p{Lo}{2}\\p{Cf}$",
  "^\\p{Script=Greek}{2,3}$",
];

describe(`pattern samples (seed ${seed})`, () => {
  test.each(PATTERNS)("%s", (pattern) => {
    const regex = new RegExp(pattern, "u");
    fc.assert(
      fc.property(fc.integer(), (n) => {
        const sample = samplePattern(pattern, mulberry32(n));
        expect(sample).toBeDefined();
        expect(regex.test(sample!)).toBe(true);
      }),
      { seed, numRuns: 200 },
    );
  });

  test.each(["\\p{Han}+", "\\p{Foo=Bar}", "(?P<x>a)"])("%s is beyond the sampler: undefined", (pattern) => {
    expect(samplePattern(pattern, mulberry32(1))).toBeUndefined();
  });

  // Patterns of the APIs.guru corpus no sample was drawn for (found by sampling its 4,460 patterns
  // after the sweep of seed 44), each checked with the RegExp the guard compiles (regex-flags.ts).
  test.each([
    // Backreferences: AWS's ISO 8601 (amazonaws.com/ssm, iotwireless), `(-?)` then `\3`.
    "^([\\-]?\\d{4}(?!\\d{2}\\b))((-?)((0[1-9]|1[0-2])(\\3([12]\\d|0[1-9]|3[01]))?|W([0-4]\\d|5[0-2])(-?[1-7])?|(00[1-9]|0[1-9]\\d|[12]\\d{2}|3([0-5]\\d|6[1-6])))([T\\s]((([01]\\d|2[0-3])((:?)[0-5]\\d)?|24\\:?00)([\\.,]\\d(?!:))?)?(\\17[0-5]\\d([\\.,]\\d)?)?([zZ]|([\\-])([01]\\d|2[0-3]):?([0-5]\\d)?)?)?)?$",
    "^(a|b)-\\1-(?<x>c|d)\\2$",
    // A backreference inside a lookahead, read as nothing (amazonaws.com/chime-sdk-meetings).
    "^(?!.*?(.)\\1{3})[-_!@#$a-zA-Z0-9]*$",
    // A quantified lookahead (amazonaws.com/elasticfilesystem).
    "^(\\/|(\\/(?!\\.)+[^$#<>;`|&?{}^*/\\n]+){1,4})$",
    // A negated class that excludes all of ASCII (amazonaws.com/quicksight).
    "^[^\\u0000-\\u00FF]$",
    // `\x{60}` and `\p\{L\}`: compiled without "u", which reads the letters (location, identitystore).
    "^([$\\-._+!*\\x{60}(),;/?:@=&\\w]|%([0-9a-fA-F?]{2}|[0-9a-fA-F?]?[*]))+$",
    "\\(\\?!\\(\\?i\\)\\(arn\\|aws\\):\\)[\\p\\{L\\}\\p\\{M\\}\\p\\{S\\}\\p\\{N\\}\\p\\{P\\}]\\+",
  ])("%s: a sample for every seed (1..50), nearly all matching as the guard reads it", (pattern) => {
    const { source, flags } = compiledRegex(pattern)!;
    const regex = new RegExp(source, flags);
    const samples = Array.from({ length: 50 }, (_, i) => samplePattern(source, mulberry32(i + 1)));
    expect(samples.filter((sample) => sample === undefined)).toEqual([]);
    // Lookaheads are read as nothing (the ISO year's `(?!\d{2}\b)` is missed now and then): the synthesizer
    // checks each attempt with the guard and tries again.
    expect(samples.filter((sample) => regex.test(sample!)).length).toBeGreaterThanOrEqual(40);
  });

  test("a backreference repeats what its group gave; an aimed sample with one gives undefined (the caller falls back)", () => {
    for (let i = 1; i <= 20; i++) expect(samplePattern("^(\\d{2})x\\1$", mulberry32(i))).toMatch(/^(\d{2})x\1$/);
    expect(samplePattern("^(\\d{2})x\\1$", mulberry32(1), { min: 5, max: 5 })).toBeUndefined();
  });

  test("lookarounds and word boundaries are read as nothing (the guard decides), named groups as groups: amazonaws.com/detective's EmailAddress", () => {
    const seeds = Array.from({ length: 50 }, (_, i) => i + 1);
    const pattern = "^.+@(?:(?:(?!-)[A-Za-z0-9-]{1,62})?[A-Za-z0-9]{1}\\.)+[A-Za-z]{2,63}$";
    const regex = new RegExp(pattern, "u");
    // Seeds 1..50, fixed: a segment starts with "-" about once in 63, so nearly every sample matches.
    const samples = Array.from({ length: 50 }, (_, i) => samplePattern(pattern, mulberry32(i + 1)));
    expect(samples.every((sample) => sample !== undefined)).toBe(true);
    expect(samples.filter((sample) => regex.test(sample!)).length).toBeGreaterThanOrEqual(45);
    expect(samplePattern("^(?=a)a$", mulberry32(1))).toBe("a");
    expect(samplePattern("^(?<!x)a(?<=a)b$", mulberry32(1))).toBe("ab");
    // A word boundary too: amazonaws.com/sso-admin's request ids (corpus sweep, seed 44).
    const uuid = "\\b[0-9a-f]{8}\\b-[0-9a-f]{4}\\b-[0-9a-f]{4}\\b-[0-9a-f]{4}\\b-[0-9a-f]{12}\\b";
    for (const i of seeds) expect(samplePattern(uuid, mulberry32(i))).toMatch(new RegExp(`^${uuid}$`, "u"));
    expect(samplePattern("^a\\Bb[\\b]$", mulberry32(1))).toBe("ab\b");
    expect(samplePattern("^(?<year>\\d{4})-(?<month>0[1-9])$", mulberry32(1))).toMatch(/^\d{4}-0[1-9]$/);
  });

  // Positive lookaheads that say what the rest leaves open (corpus sweep, seed 126): read as nothing,
  // at most one sample of 50 matched; read as their text (the caller's second try), every password
  // sample does, and one fsx ARN in three (the synthesizer tries again).
  test.each([
    // amazonaws.com/fsx's ARNs: the service and the account are said only in the lookahead.
    "^arn:(?=[^:]+:fsx:[^:]+:\\d{12}:)((|(?=[a-z0-9-.]{1,63})(?!\\d{1,3}(\\.\\d{1,3}){3})(?![^:]*-{2})(?![^:]*-\\.)(?![^:]*\\.-)[a-z0-9].*(?<!-)):){4}(?!/).{0,1024}$",
    // Password rules: amazonaws.com/managedblockchain, amazonaws.com/ds (nothing but lookaheads), kinesisanalyticsv2.
    "^(?=.*[a-z])(?=.*[A-Z])(?=.*\\d)(?!.*[@'\\\\\"/])[a-zA-Z0-9\\S]*$",
    "(?=^.{8,64}$)((?=.*\\d)(?=.*[A-Z])(?=.*[a-z])|(?=.*\\d)(?=.*[^A-Za-z0-9\\s])(?=.*[a-z])|(?=.*[^A-Za-z0-9\\s])(?=.*[A-Z])(?=.*[a-z])|(?=.*\\d)(?=.*[A-Z])(?=.*[^A-Za-z0-9\\s]))^.*",
    "^(?=^\\$)(?=^\\S+$).*$",
  ])("%s: lookaheads read as their text give samples that match", (pattern) => {
    const regex = new RegExp(pattern, "u");
    const seeds = Array.from({ length: 50 }, (_, i) => i + 1);
    expect(seeds.filter((i) => regex.test(samplePattern(pattern, mulberry32(i))!)).length).toBeLessThanOrEqual(1);
    const text = seeds.map((i) => samplePattern(pattern, mulberry32(i), undefined, { lookaheads: "text" }));
    expect(text.filter((sample) => regex.test(sample!)).length).toBeGreaterThanOrEqual(pattern.includes("fsx") ? 10 : 50);
    // Aimed at a length too (managedblockchain's passwords are 8 to 32 long).
    const aimed = seeds.map((i) => samplePattern(pattern, mulberry32(i), { min: 8, max: 32 }, { lookaheads: "text" }));
    expect(aimed.filter((sample) => sample !== undefined && [...sample].length >= 8 && [...sample].length <= 32 && regex.test(sample)).length).toBeGreaterThanOrEqual(pattern.includes("fsx") ? 10 : 50);
  });

  test("a lookahead over a strict rest matches read as nothing, not as its text (the caller tries nothing first)", () => {
    expect(samplePattern("^(?=\\d{3})\\d{3}-\\d{4}$", mulberry32(1))).toMatch(/^\d{3}-\d{4}$/);
    expect(samplePattern("^(?=\\d{3})\\d{3}-\\d{4}$", mulberry32(1), undefined, { lookaheads: "text" })).toMatch(/^\d{6}-\d{4}$/);
    expect(samplePattern("^(?=a)a$", mulberry32(1), undefined, { lookaheads: "text" })).toBe("aa");
    expect(samplePattern("^(?!x)(?<=y)a$", mulberry32(1), undefined, { lookaheads: "text" })).toBe("a");
  });
});

describe("pattern samples aimed at a length (fixed seeds 1..50)", () => {
  const seeds = Array.from({ length: 50 }, (_, i) => i + 1);
  const codePoints = (text: string): number => [...text].length;

  test.each([
    ["^[a-f0-9]+$", 40, 40],
    ["[a-f0-9]+", 40, 40],
    ["^[a-f0-9]+$", 40, undefined],
    ["^[a-z]{5,}$", 5, 6],
    ["^acc_[a-z0-9]{2,}$", 30, 32],
    ["^(ab)+$", 5, 6],
    ["^(a?b?)*$", 17, 17],
    ["^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$", 63, 63],
    ["^\\u00e9+x?$", 12, 20],
  ] as const)("%s in [%s, %s]", (pattern, min, max) => {
    const regex = new RegExp(pattern, "u");
    for (const seed of seeds) {
      const sample = samplePattern(pattern, mulberry32(seed), { min, max });
      expect(sample).toBeDefined();
      expect(regex.test(sample!)).toBe(true);
      expect(codePoints(sample!)).toBeGreaterThanOrEqual(min);
      expect(codePoints(sample!)).toBeLessThanOrEqual(max ?? Infinity);
    }
    // The same seed gives the same string.
    expect(samplePattern(pattern, mulberry32(7), { min, max })).toBe(samplePattern(pattern, mulberry32(7), { min, max }));
  });

  test("(ab)+ has only even lengths: 5..5 has none (undefined), 5..6 gives ababab", () => {
    expect(samplePattern("^(ab)+$", mulberry32(1), { min: 5, max: 5 })).toBeUndefined();
    expect(samplePattern("^(ab)+$", mulberry32(1), { min: 5, max: 6 })).toBe("ababab");
  });

  test("no length in range: undefined, no throw (a fixed length, a maximum below the shortest, a minimum past the aimed limit)", () => {
    expect(samplePattern("^[a-f]{3}$", mulberry32(1), { min: 10 })).toBeUndefined();
    expect(samplePattern("^acc_[a-z]+$", mulberry32(1), { min: 0, max: 4 })).toBeUndefined();
    expect(samplePattern("^[a-f]+$", mulberry32(1), { min: MAX_AIMED_LENGTH + 1 })).toBeUndefined();
    expect(samplePattern("^(a)\\1+$", mulberry32(1), { min: 3 })).toBeUndefined();
  });

  test("a long aimed length stays cheap: 4000 characters, and a pattern past the work budget gives up", () => {
    const started = Date.now();
    const long = samplePattern("^[a-f0-9]+$", mulberry32(3), { min: 4000, max: 4000 });
    expect(long).toMatch(/^[a-f0-9]{4000}$/);
    const wide = samplePattern("^(.{0,60}){2,}$", mulberry32(3), { min: 4000 });
    if (wide !== undefined) expect(codePoints(wide)).toBeGreaterThanOrEqual(4000);
    expect(Date.now() - started).toBeLessThan(5000);
  });
});

describe(`format samples pass ajv-formats (seed ${seed})`, () => {
  const ajv = new Ajv2020({ strict: false });
  addFormats(ajv);
  test.each(["date-time", "date", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uri", "uri-reference", "uri-template", "uuid", "json-pointer", "relative-json-pointer", "regex", "byte"])("%s", (format) => {
    const check = ajv.compile({ type: "string", format });
    fc.assert(
      fc.property(fc.integer(), (n) => {
        const sample = formatSample(format, mulberry32(n));
        expect(check(sample)).toBe(true);
      }),
      { seed, numRuns: 100 },
    );
  });
});
