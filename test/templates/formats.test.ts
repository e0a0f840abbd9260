/**
 * templates/runtime/formats.ts, format by format: a table of inputs (the JSON-Schema-Test-Suite's
 * cases are in test/conformance; these go beyond them), then properties on generated strings:
 * against ajv-formats where the RFCs and ajv-formats agree (with the known, deliberate
 * differences spelled out), and against Node's punycode module for Punycode.
 */
import fc from "fast-check";
import { fullFormats } from "ajv-formats/dist/formats";
import { ajvFormat, RFC_ALSO_SAYS } from "../helpers/rfc-formats";
// The oracle for Punycode (RFC 3492), in tests only: the runtime stays dependency-free.
import * as nodePunycode from "node:punycode";
import * as formats from "../../templates/runtime/formats";

/** An A-label, spelled out by the oracle so the tables read as Unicode. */
const xn = (label: string) => `xn--${nodePunycode.encode(label)}`;

const TABLES: Record<string, [(s: string) => boolean, [string, boolean][]]> = {
  date: [
    formats.isDate,
    [
      ["2024-02-29", true],
      ["2023-02-29", false],
      ["2000-02-29", true],
      ["1900-02-29", false],
      ["2024-04-31", false],
      ["2024-13-01", false],
      ["2024-1-01", false],
    ],
  ],
  time: [
    formats.isTime,
    [
      ["23:59:60Z", true],
      ["22:59:60Z", false],
      ["08:30:06.283185+01:00", true],
      ["08:30:06", false],
      ["08:30:06+24:00", false],
      ["08:30:06+01", false],
      ["08:30:06+0100", false],
      ["24:00:00Z", false],
      ["12:60:00Z", false],
      ["15:59:60-08:00", true],
    ],
  ],
  "date-time": [
    formats.isDateTime,
    [
      ["1963-06-19T08:30:06.283185Z", true],
      ["1963-06-19 08:30:06Z", true],
      ["1963-06-19t08:30:06z", true],
      ["1963-06-19\t08:30:06Z", false],
      ["1963-06-19T08:30:06", false],
      ["1963-06-19T08:30:06Z\n", false],
      ["1985-04-12T23:20:50+01", false],
      ["1985-04-12T23:20:50+01:00", true],
      ["2016-12-31T23:59:60Z", true],
      ["2016-12-31T22:59:60-01:00", true],
      ["2016-12-31T24:59:60+01:00", false],
    ],
  ],
  duration: [
    formats.isDuration,
    [
      ["P4DT12H30M5S", true],
      ["P1Y2M3DT4H5M6S", true],
      ["P1M2D", true],
      ["PT1M", true],
      ["P2W", true],
      ["PT", false],
      ["P", false],
      ["P1DT", false],
      ["P1Y2D", false],
      ["PT1H2S", false],
      ["P1W2D", false],
      ["P1D1Y", false],
    ],
  ],
  uuid: [
    formats.isUuid,
    [
      ["2eb8aa08-aa98-11ea-b4aa-73b441d16380", true],
      ["2EB8AA08-AA98-11EA-B4AA-73B441D16380", true],
      ["2eb8aa08-aa98-11ea-b4aa-73b441d1638", false],
      ["2eb8aa08aa9811eab4aa73b441d16380xxxx", false],
      ["urn:uuid:2eb8aa08-aa98-11ea-b4aa-73b441d16380", false],
      ["2eb8aa08-aa98-11ea-b4aa-73b441d1638g", false],
    ],
  ],
  email: [
    formats.isEmail,
    [
      ["joe.bloggs@example.com", true],
      ["joe..bloggs@example.com", false],
      ["joe@localhost", false],
      ["joe@-example.com", false],
      ["té@example.com", false],
      ['"joe bloggs"@example.com', true],
      ['"joe\\"q"@example.com', true],
      ['"joe@bloggs"@example.com', true],
      ['"unterminated@example.com', false],
      ['"a"b@example.com', false],
      ['"té"@example.com', false],
      ["joe@[127.0.0.1]", true],
      ["joe@[IPv6:2001:db8::1]", true],
      ["joe@[ipv6:::1]", true],
      ["joe@[IPv6:127.0.0.1]", false],
      ["joe@[127.0.0.256]", false],
      ["joe@[127.0.0.1", false],
      [`${"a".repeat(64)}@example.com`, true],
      [`${"a".repeat(65)}@example.com`, false],
      // the 64-octet local part where the length alone decides (68 characters in all) and just past it
      [`${"a".repeat(64)}@b.c`, true],
      [`${"a".repeat(65)}@b.c`, false],
      [`${"a".repeat(64)}@bc.d`, true],
      [`${"a".repeat(63)}.@b.c`, false],
      ["", false],
      ["@", false],
    ],
  ],
  "idn-email": [
    formats.isIdnEmail,
    [
      ["用户@例子.广告", true],
      ["Pelé@example.com", true],
      ["δοκιμή@παράδειγμα.δοκιμή", true],
      ["user@bücher.example", true],
      ["user@BÜCHER.example", false],
      ['"us er"@example.com', true],
      ["us er@example.com", false],
      ["user@[127.0.0.1]", true],
      ["user@[IPv6:::1]", true],
      ["user@[300.0.0.1]", false],
      ["@example.com", false],
      ["user@", false],
      ["user@☃.com", false],
      [`${"é".repeat(32)}@example.com`, true],
      [`${"é".repeat(33)}@example.com`, false],
    ],
  ],
  hostname: [
    formats.isHostname,
    [
      ["www.example.com", true],
      ["A.EXAMPLE.COM", true],
      ["a", true],
      ["a--b.com", true],
      [`${"a".repeat(63)}.com`, true],
      [`${"a".repeat(64)}.com`, false],
      [`${"a".repeat(63)}.`.repeat(3) + "a".repeat(61), true],
      [`${"a".repeat(63)}.`.repeat(3) + "a".repeat(62), false],
      ["example.", false],
      ["a..b", false],
      ["a_b", false],
      ["é.com", false],
      ["ab--cd.com", false],
      [`${xn("bücher")}.example`, true],
      ["XN--BCHER-KVA.example", true],
      [xn("ß"), true],
      ["xn--", false],
      ["xn--bcher-kva-", false],
      [xn("Bücher"), true],
      [xn("a\u200db"), false],
      [`${xn("عربي")}.com`, true],
      [`123.${xn("عربي")}`, false],
    ],
  ],
  "idn-hostname": [
    formats.isIdnHostname,
    [
      ["bücher.example", true],
      ["BÜCHER.example", false],
      ["straße.de", true],
      ["例え.テスト", true],
      ["ελληνικά.gr", true],
      ["mañana。com", true],
      ["e\u0301.com", false],
      ["\u0301e.com", false],
      ["☃.com", false],
      ["a b", false],
      ["a\u200db", false],
      ["a\u200cb", false],
      ["می\u200cخواهم", true],
      ["و\u200cب", false],
      ["عربي.com", true],
      ["123.عربي", false],
      ["שלום1.com", true],
      ["ا٠", true],
      ["٠١٢", false],
      ["l·l·l", true],
      ["l·l·a", false],
      ["ab--c", false],
      [`${xn("bücher")}.example`, true],
      [`${"ü".repeat(25)}.com`, true],
      [`${"ü".repeat(60)}.com`, false],
    ],
  ],
  ipv4: [
    formats.isIpv4,
    [
      ["192.168.0.1", true],
      ["0.0.0.0", true],
      ["255.255.255.255", true],
      ["256.0.0.1", false],
      ["192.168.0.01", false],
      ["1.2.3", false],
      ["1.2.3.4.", false],
      ["1.2.3.4 ", false],
      ["1.2.3.1234", false],
      ["١.2.3.4", false],
    ],
  ],
  ipv6: [
    formats.isIpv6,
    [
      ["::", true],
      ["::1", true],
      ["1::", true],
      ["1:2:3:4:5:6:7:8", true],
      ["1:2:3:4:5:6:7::", true],
      ["::2:3:4:5:6:7:8", true],
      ["::ffff:1.2.3.4", true],
      ["1:2:3:4:5:6:1.2.3.4", true],
      ["1:2:3:4:5:6:7:8:9", false],
      ["1:2:3:4:5:6:7", false],
      ["1::2::3", false],
      [":1::", false],
      ["1:::2", false],
      ["1:", false],
      ["12345::", false],
      ["::ffff:1.2.3.04", false],
      ["1:2:3:4:5:6:7:1.2.3.4", false],
      ["1.2.3.4", false],
      ["fe80::1%eth0", false],
    ],
  ],
  uri: [
    formats.isUri,
    [
      ["https://example.com/a?b#c", true],
      ["http://example.com:8080/p?q#f", true],
      ["http://example.com:/", true],
      ["http://[::1]:80/", true],
      ["http://[v1.x]", true],
      ["urn:isbn:0451450523", true],
      ["a:b", true],
      ["file:///etc/hosts", true],
      ["http://example.com/?a?b/c", true],
      ["//example.com", false],
      ["a", false],
      ["http://example.com:80a/", false],
      ["http://[::1", false],
      ["http://[vz.x]", false],
      ["http://a@b@c/", false],
      ["http://exa mple.com", false],
      ["http://example.com/%zz", false],
      ["http://example.com/#a#b", false],
      ["http://ü.com", false],
    ],
  ],
  "uri-reference": [
    formats.isUriReference,
    [
      ["/a/b", true],
      ["", true],
      ["#", true],
      ["?", true],
      ["../x", true],
      ["./a:b", true],
      ["a:b", true],
      ["//host:99999", true],
      ["1a:b", false],
      ["/a b", false],
      ["a%2", false],
      ["/ü", false],
    ],
  ],
  iri: [
    formats.isIri,
    [
      ["http://例子.测试/路径?查询#片段", true],
      ["http://ü.com", true],
      ["http://example.com/?\ue000", true],
      ["http://example.com/\u{1f600}", true],
      ["ü:x", false],
      ["http://example.com/\ue000", false],
      ["http://example.com/#\ue000", false],
      ["http://example.com/\ufffe", false],
      ["http://example.com/\u0085", false],
      ["http://example.com/\ud800", false],
      ["/ü", false],
    ],
  ],
  "iri-reference": [
    formats.isIriReference,
    [
      ["ü", true],
      ["//ü/ü", true],
      ["#ü", true],
      ["ü:b", false],
      ["\\", false],
      ["/a b", false],
    ],
  ],
  "uri-template": [
    formats.isUriTemplate,
    [
      ["", true],
      ["{var}", true],
      ["{+path}/here", true],
      ["{x,y:3,z*}", true],
      ["{a.b.c}", true],
      ["{.a}", true],
      ["{v:9999}", true],
      ["%41", true],
      ["{%41a}", true],
      ["a'b", true],
      ["ü{x}", true],
      ["{a.}", false],
      ["{.}", false],
      ["{}", false],
      ["{", false],
      ["}", false],
      ["{a", false],
      ["{a}}", false],
      ["{v:0}", false],
      ["{v:}", false],
      ["{v*:3}", false],
      ["{%4}", false],
      ["{ab-c}", false],
      ["%zz", false],
      ['a"b', false],
      ["a\\b", false],
      ["\ud800", false],
    ],
  ],
  "json-pointer": [
    formats.isJsonPointer,
    [
      ["/a~1b/0", true],
      ["a", false],
    ],
  ],
  regex: [
    formats.isRegex,
    [
      ["^a+$", true],
      ["^(abc]", false],
      ["\\a", false],
      ["\\p{L}+", true],
      ["\\p{Nope}", false],
      ["(?<n>a)\\k<n>", true],
    ],
  ],
};

describe.each(Object.entries(TABLES))("%s", (_name, [check, cases]) => {
  test.each(cases)("%j → %s", (input, expected) => {
    expect(check(input)).toBe(expected);
  });
});

const seed = process.env.CI ? 4242 : Date.now() % 1e9;
const near = (alphabet: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet.split("")), maxLength });

/** ajv-formats' answer, narrowed where the RFC says more (test/helpers/rfc-formats.ts). */
const ajvAndRfc = (name: keyof typeof fullFormats) => {
  const ajv = ajvFormat(name);
  const rfc = RFC_ALSO_SAYS[name] ?? (() => true);
  return (s: string) => ajv(s) && rfc(s);
};

test.each<[keyof typeof fullFormats, (s: string) => boolean, fc.Arbitrary<string>]>([
  ["date-time", formats.isDateTime, fc.oneof(near("0123456789-:.TtZz+ \t", 30), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()))],
  ["date", formats.isDate, near("0123456789-", 12)],
  ["time", formats.isTime, near("0123456789:.Zz+-", 20)],
  ["uuid", formats.isUuid, fc.oneof(near("0123456789abcdefABCDEF-urn:", 46), fc.uuid(), fc.uuid().map((u) => `urn:uuid:${u}`))],
  ["email", formats.isEmail, fc.oneof(near("ab1.-_@+", 14), fc.emailAddress(), fc.emailAddress().map((e) => `x${e}`))],
  ["ipv4", formats.isIpv4, fc.oneof(near("0123456789.", 16), fc.ipV4(), fc.ipV4Extended())],
  ["ipv6", formats.isIpv6, fc.oneof(near("0123456789abcdef:.", 40), fc.ipV6())],
])(`%s agrees with ajv-formats where the RFC does (seed ${seed})`, (name, check, strings) => {
  const oracle = ajvAndRfc(name);
  fc.assert(
    fc.property(strings, (s) => check(s) === oracle(s)),
    { numRuns: 3000, seed },
  );
});

test(`hostname: on LDH names without A-labels or a trailing dot, what ajv-formats says (seed ${seed})`, () => {
  const ajv = ajvFormat("hostname");
  const label = near("ab0-", 8);
  const names = fc.oneof(near("ab0-.", 20), fc.array(label, { minLength: 1, maxLength: 4 }).map((l) => l.join(".")), fc.domain());
  fc.assert(
    fc.property(names, (s) => formats.isHostname(s) === (ajv(s) && !s.endsWith(".") && !/(?:^|\.)..--/.test(s))),
    { numRuns: 3000, seed },
  );
});

/** Code points as Punycode sees them: ASCII often, any other scalar value too. */
const codePoints = fc.array(
  fc.oneof(
    fc.integer({ min: 0, max: 127 }),
    fc.integer({ min: 128, max: 0x7ff }),
    fc.integer({ min: 0x800, max: 0x10ffff }).filter((c) => c < 0xd800 || c > 0xdfff),
  ),
  { maxLength: 24 },
);

test(`punycodeEncode writes what node:punycode writes, and punycodeDecode reads it back (seed ${seed})`, () => {
  fc.assert(
    fc.property(codePoints, (points) => {
      const encoded = formats.punycodeEncode(points);
      expect(encoded).toBe(nodePunycode.encode(String.fromCodePoint(...points)));
      expect(formats.punycodeDecode(encoded)).toEqual(points);
    }),
    { numRuns: 2000, seed },
  );
});

test(`punycodeDecode accepts and refuses what node:punycode does, on any text (seed ${seed})`, () => {
  const oracle = (text: string): string | undefined => {
    try {
      return nodePunycode.decode(text);
    } catch {
      return undefined;
    }
  };
  const texts = fc.oneof(near("abcxyz0123456789-AZé", 14), codePoints.map((p) => nodePunycode.encode(String.fromCodePoint(...p))));
  fc.assert(
    fc.property(texts, (text) => {
      const points = formats.punycodeDecode(text);
      expect(points === undefined ? undefined : String.fromCodePoint(...points)).toBe(oracle(text));
    }),
    { numRuns: 3000, seed },
  );
});

test(`idn-hostname and hostname agree: on ASCII, and on Unicode labels written as A-labels (seed ${seed})`, () => {
  const unicodeLabel = near("aél0-·ͅαβ͵אב׳بي٠۰\u200c\u200dक्ष・ァ丈Ⅻ\u0301", 8);
  fc.assert(
    fc.property(near("ab0-.xn", 20), (s) => formats.isIdnHostname(s) === formats.isHostname(s)),
    { numRuns: 2000, seed },
  );
  fc.assert(
    fc.property(fc.array(unicodeLabel, { minLength: 1, maxLength: 3 }), (labels) => {
      const ascii = labels.map((l) => (/^[\0-\x7f]*$/.test(l) ? l : xn(l))).join(".");
      expect(formats.isIdnHostname(labels.join("."))).toBe(formats.isHostname(ascii));
    }),
    { numRuns: 2000, seed },
  );
});

test("idn-hostname refuses a 100,000-character label (it never encodes it: 59 code points at most fit an A-label)", () => {
  expect(formats.isIdnHostname(`${"ü".repeat(100_000)}.com`)).toBe(false);
  expect(formats.isIdnHostname(`${"ü".repeat(59)}.com`)).toBe(false);
  expect(formats.isIdnHostname(`${"ü".repeat(25)}.com`)).toBe(true);
});
