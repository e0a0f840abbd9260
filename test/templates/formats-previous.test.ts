/**
 * The charCode scans of templates/runtime/formats.ts answer as the checks they replaced did
 * (test/helpers/previous-formats.ts, with which the JSON-Schema-Test-Suite passed in full), on
 * generated strings: strings over each format's alphabet, and valid values with a few characters
 * inserted, deleted or replaced (the near misses where a scan's bounds and states go wrong).
 */
import fc from "fast-check";
import * as previous from "../helpers/previous-formats";
import * as formats from "../../templates/runtime/formats";

const seed = Number(process.env.FC_SEED ?? 4242); // fixed (printed in each test's name); FC_SEED tries another

/** Strings of up to `maxLength` characters of `alphabet`. */
const near = (alphabet: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), maxLength });

/** One of `samples` with up to four characters of `alphabet` inserted, deleted or replaced. */
function mutated(samples: string[], alphabet: string): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.constantFrom("insert", "delete", "replace"), fc.nat(), fc.constantFrom(...Array.from(alphabet)));
  return fc.tuple(fc.constantFrom(...samples), fc.array(edit, { maxLength: 4 })).map(([sample, edits]) => {
    const chars = Array.from(sample);
    for (const [kind, at, ch] of edits) {
      const i = at % (chars.length + 1);
      if (kind === "insert") chars.splice(i, 0, ch);
      else if (kind === "delete") chars.splice(i, 1);
      else chars[i] = ch;
    }
    return chars.join("");
  });
}

const URIS = [
  "https://user:pw@www.example.com:8080/path/to?q=1&r=%20#frag",
  "urn:isbn:0451450523",
  "mailto:jane@example.com",
  "http://[::1]:80/a",
  "http://[v1.fe]/",
  "http://192.168.0.1/x",
  "http://例子.测试/路径?查询\ue000#片段",
  "//host/a",
  "../a/b?c",
  "#frag",
  "a:b:c",
];
const URI_ALPHABET = "aZ09+-.:/?#[]@!$&'()*,;=%_~ {}\"<>\\^`|é\ue000\u{10000}\ud800";

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, "0"));
/** Times near the edges: leap seconds, offsets that move them to or from 23:59 UTC, fractions. */
const times = fc
  .tuple(two(24), two(60), fc.constantFrom("59", "60", "61", "00"), fc.constantFrom("", ".5", ".", ".123"), fc.constantFrom("Z", "z", "+", "-", ""), two(24), two(60))
  .map(([h, m, sec, frac, zone, oh, om]) => `${h}:${m}:${sec}${frac}${zone === "+" || zone === "-" ? `${zone}${oh}:${om}` : zone}`);

/** Dates near the edges: day 0 and 28-32 of every month, leap and common years (2000, 1900, 2024, 2023). */
const dates = fc
  .tuple(fc.constantFrom("2000", "1900", "2024", "2023", "0000", "9999"), two(13), fc.constantFrom("00", "01", "28", "29", "30", "31", "32"))
  .map(([y, m, d]) => `${y}-${m}-${d}`);
const DATE_ALPHABET = "0123456789-:.+Zz Tt";

const cases: [name: string, check: (s: string) => boolean, oracle: (s: string) => boolean, strings: fc.Arbitrary<string>][] = [
  ["date", formats.isDate, previous.isDate, fc.oneof(near(DATE_ALPHABET, 12), dates, mutated(["2024-02-29", "1999-12-31", "2023-04-30"], "0129-3 "))],
  [
    "date-time",
    formats.isDateTime,
    previous.isDateTime,
    fc.oneof(
      near(DATE_ALPHABET, 32),
      fc.tuple(dates, fc.constantFrom("T", "t", " ", "_"), times).map(([d, t, time]) => d + t + time),
      fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
      mutated(["2024-02-29T23:59:59.123Z", "1963-06-19T08:30:06+01:00", "1998-12-31T15:59:60.123-08:00", "2024-03-01T08:00:00Z"], "09:T.+-Zé"),
    ),
  ],
  ["time", formats.isTime, previous.isTime, fc.oneof(near("0123456789:.+-Zz", 22), times)],
  [
    "uuid",
    formats.isUuid,
    previous.isUuid,
    fc.oneof(near("0123456789abcdefABCDEF-g\u0130\u0146", 37), fc.uuid(), mutated(["3e6a2c18-3b02-40c4-b8d2-1842c193d3ba", "F81D4FAE-7DEC-11D0-A765-00A0C91E6BF6"], "0aF-g\u0130\u0146")),
  ],
  [
    "email",
    formats.isEmail,
    previous.isEmail,
    fc.oneof(
      near("ab0-.@\"\\ +[]:Ié\u0130\t\u007f", 24),
      fc.emailAddress(),
      mutated(["joe.bloggs@example.com", "first.last+tag@sub.example.co.uk", "\"joe bloggs\"@example.com", "\"a\\\"b@c\"@x.co", "a@[127.0.0.1]", "a@[IPv6:::1]", "x-y@a-b.c-d.example", "a".repeat(64) + "@b.c"], "a0-.@\" [])é\u0130"),
    ),
  ],
  ["ipv4", formats.isIpv4, previous.isIpv4, fc.oneof(near("0123456789.", 17), fc.ipV4(), fc.ipV4Extended(), mutated(["192.168.0.1", "255.255.255.255", "0.0.0.0", "10.200.30.4"], "0123456789.a "))],
  ["duration", formats.isDuration, previous.isDuration, fc.oneof(near("P0123456789YMWDTHS", 14), mutated(["P3Y6M4DT12H30M5S", "PT20M", "P1W", "P1M2D", "PT1H2M", "P12D"], "PT019YMWDHS"))],
  ["ipv6", formats.isIpv6, previous.isIpv6, fc.oneof(near("0123456789abcdefABCDEF:.", 45), fc.ipV6(), mutated(["2001:db8::ff00:42:8329", "::1", "fe80::1ff:fe23:4567:890a", "::ffff:192.168.0.1", "1:2:3:4:5:6:7:8", "1::", "::", "1:2:3:4:5:6:7::", "1:2:3:4:5:6:7:8::", "::2:3:4:5:6:7:8", "1:2:3:4:5:6:1.2.3.4"], "0fF:.9g"))],
  [
    "hostname",
    formats.isHostname,
    (s) => previous.isHostname(s, formats.isIdnHostname),
    fc.oneof(near("ab0-.xnZ", 24), fc.domain(), mutated(["www.example.com", "xn--bcher-kva.example", "a-b.c-d.example", "xn--9n2bp8q.xn--9t4b11yi5a", "a".repeat(63) + ".b", "a--b.example", "ab---c.x--y.example", "a-b--c.d", "X--Y.example"], "a0-.xn_é")),
  ],
  ["uri", formats.isUri, previous.isUri, fc.oneof(near(URI_ALPHABET, 30), fc.webUrl({ withQueryParameters: true, withFragments: true }), mutated(URIS, URI_ALPHABET))],
  ["uri-reference", formats.isUriReference, previous.isUriReference, fc.oneof(near(URI_ALPHABET, 30), mutated(URIS, URI_ALPHABET))],
  ["iri", formats.isIri, previous.isIri, fc.oneof(near(URI_ALPHABET, 30), mutated(URIS, URI_ALPHABET))],
  ["iri-reference", formats.isIriReference, previous.isIriReference, fc.oneof(near(URI_ALPHABET, 30), mutated(URIS, URI_ALPHABET))],
  [
    "uri-template",
    formats.isUriTemplate,
    previous.isUriTemplate,
    fc.oneof(
      near("{}+#./;?&=,!@|a_:*%2F0 'é\ue000", 24),
      mutated(["https://example.com/{user}/repos{?page,per_page}", "{+path}/x", "{a.b,c:10,d*}", "%41{x}é", "{/path*}{;params*}{?list*}", "{x:9999}", "{x:1234,y}", "{x:12345}", "{x:01}", "{a.b:10*}", "{a}", "{+p}/x"], "{}+#.,:*%0Fa_'é\u{10000}"),
    ),
  ],
];

test.each(cases)(`%s answers as the check it replaced (seed ${seed})`, (_name, check, oracle, strings) => {
  fc.assert(
    fc.property(strings, (s) => check(s) === oracle(s)),
    { numRuns: 4000, seed },
  );
});

// Every day of four years (leap and common, the century rules both ways), days 29-32 included, at
// times with and without leap seconds: a rare-case test keyed on a few characters (February 29,
// second 60) must not catch the common days that share some of them ("02-19", "02-09").
test("date and date-time answer as the checks they replaced on every day of 1900, 2000, 2023 and 2024", () => {
  const differ: string[] = [];
  for (const year of ["1900", "2000", "2023", "2024"]) {
    for (let month = 0; month <= 13; month++) {
      for (let day = 0; day <= 32; day++) {
        const date = `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
        if (formats.isDate(date) !== previous.isDate(date)) differ.push(date);
        for (const time of ["T00:00:00Z", "t23:59:60Z", " 15:59:60.5-08:00", "T12:34:56.789+02:00", "T23:59:60+00:01", "T23:59:61Z", "T23:59:59.999Z"]) {
          if (formats.isDateTime(date + time) !== previous.isDateTime(date + time)) differ.push(date + time);
        }
      }
    }
  }
  expect(differ).toEqual([]);
});
