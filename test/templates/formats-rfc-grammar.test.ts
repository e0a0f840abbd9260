/**
 * ipv4, email (the common form) and uri-template against their RFC grammars, written here as plain parsers of
 * the ABNF, with no regular expression of the shipped checks in them. The other property tests of
 * these two formats take ajv-formats (formats.test.ts) or the previous checks
 * (formats-previous.test.ts) as the oracle; for ipv4 both are the very expression the runtime ships,
 * so they could not catch a mistake in it, nor in a character scan that replaced it and agreed
 * with its mistakes. The seed is fixed (FC_SEED overrides it) and printed in each test's name.
 */
import fc from "fast-check";
import * as formats from "../../templates/runtime/formats";

const seed = Number(process.env.FC_SEED ?? 1993);

const isDigit = (c: string) => c >= "0" && c <= "9";

/**
 * RFC 3986 section 3.2.2:
 *   dec-octet = DIGIT / %x31-39 DIGIT / "1" 2DIGIT / "2" %x30-34 DIGIT / "25" %x30-35
 */
function isDecOctet(p: string): boolean {
  switch (p.length) {
    case 1:
      return isDigit(p[0]!);
    case 2:
      return p[0]! >= "1" && p[0]! <= "9" && isDigit(p[1]!);
    case 3:
      return (
        (p[0] === "1" && isDigit(p[1]!) && isDigit(p[2]!)) ||
        (p[0] === "2" && p[1]! >= "0" && p[1]! <= "4" && isDigit(p[2]!)) ||
        (p[0] === "2" && p[1] === "5" && p[2]! >= "0" && p[2]! <= "5")
      );
    default:
      return false;
  }
}

/** RFC 3986: IPv4address = dec-octet "." dec-octet "." dec-octet "." dec-octet */
const rfcIpv4 = (s: string) => {
  const parts = s.split(".");
  return parts.length === 4 && parts.every(isDecOctet);
};

/** Strings joined from 0 to `max` of `tokens`, any order. */
const joined = (tokens: string[], max: number) => fc.array(fc.constantFrom(...tokens), { maxLength: max }).map((parts) => parts.join(""));

/** Strings of up to `maxLength` characters of `alphabet`. */
const near = (alphabet: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...Array.from(alphabet)), maxLength });

/** Dotted-quad parts where an octet's checks change their answer: lengths 0-4, leading zeros, 249/250/255/256. */
const OCTETS = ["", "0", "00", "1", "01", "001", "9", "10", "99", "100", "199", "200", "249", "250", "255", "256", "260", "299", "300", "999", "1000", "-1", "a", " 1", "١"];

test("the dec-octet reference is exactly the decimal forms of 0-255 (every string of up to 3 digits)", () => {
  const all: string[] = [];
  for (let n = 0; n < 1000; n++) all.push(String(n), String(n).padStart(2, "0"), String(n).padStart(3, "0"));
  const accepted = [...new Set(all)].filter(isDecOctet).sort();
  expect(accepted).toEqual(Array.from({ length: 256 }, (_, n) => String(n)).sort());
});

test("ipv4: every dotted combination of four boundary octets answers as RFC 3986 says (exhaustive)", () => {
  const wrong: string[] = [];
  for (const a of OCTETS) for (const b of OCTETS) for (const c of OCTETS) for (const d of OCTETS) {
    const s = `${a}.${b}.${c}.${d}`;
    if (formats.isIpv4(s) !== rfcIpv4(s)) wrong.push(s);
  }
  expect(wrong).toEqual([]);
});

test(`ipv4 answers as RFC 3986's IPv4address (seed ${seed}, 20,000 strings)`, () => {
  const strings = fc.oneof(
    near("0123456789.", 17),
    joined([...OCTETS, ".", "..", "\n", "x"], 9),
    fc.ipV4(),
    fc.ipV4Extended(),
    fc.tuple(fc.ipV4(), fc.constantFrom("", " ", "\n", ".", ".0", "0", "/24", "\u0000")).map(([ip, extra]) => ip + extra),
  );
  fc.assert(
    fc.property(strings, (s) => formats.isIpv4(s) === rfcIpv4(s)),
    { numRuns: 20_000, seed },
  );
});

// RFC 5321 section 4.1.2, the Mailbox's common form (the rare forms, a Quoted-string local part and
// an address-literal, have tests of their own in formats.test.ts and formats-issue14.test.ts):
//   Mailbox    = Local-part "@" Domain
//   Local-part = Dot-string
//   Dot-string = Atom *("." Atom)
//   Atom       = 1*atext                          (RFC 5322 atext: ALPHA DIGIT and the specials below)
//   Domain     = sub-domain *("." sub-domain)
//   sub-domain = Let-dig [Ldh-str]
//   Ldh-str    = *( ALPHA / DIGIT / "-" ) Let-dig
// with the local part at most 64 octets (section 4.5.3.1.1), and, as the runtime states (module and
// isEmail comments), a domain of two or more sub-domains.
const ALPHA_DIGIT = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const ATEXT = new Set(Array.from(ALPHA_DIGIT + "!#$%&'*+-/=?^_`{|}~"));
const LET_DIG = new Set(Array.from(ALPHA_DIGIT));

const isAtom = (a: string) => a.length > 0 && Array.from(a).every((c) => ATEXT.has(c));
const isSubDomain = (d: string) => d.length > 0 && LET_DIG.has(d[0]!) && LET_DIG.has(d[d.length - 1]!) && Array.from(d).every((c) => LET_DIG.has(c) || c === "-");

const rfcCommonMailbox = (s: string) => {
  const at = s.indexOf("@");
  if (at < 0 || s.indexOf("@", at + 1) >= 0) return false; // neither a Dot-string nor a Domain holds an "@"
  const local = s.slice(0, at);
  const subDomains = s.slice(at + 1).split(".");
  return local.length <= 64 && local.split(".").every(isAtom) && subDomains.length >= 2 && subDomains.every(isSubDomain);
};

test(`email: the common form answers as RFC 5321's Mailbox (seed ${seed}, 20,000 strings)`, () => {
  // no '"', "[", "]" or "\\": the strings stay out of the rare forms' grammar, so the reference above is the whole answer
  const local = (max: number) => joined(["a", "Z", "0", "_", "+", "-", "~", "!", "'", "{", ".", "..", " ", "é", "(", ",", ";", "@"], max);
  const domain = joined(["a", "b0", "Z", "9", "-", "--", ".", "..", "_", " ", "é", "@", "xn--p1ai"], 10);
  const strings = fc.oneof(
    near("ab1.-_@+!", 16),
    fc.tuple(local(8), domain).map(([l, d]) => `${l}@${d}`),
    fc.emailAddress(),
    fc.emailAddress().map((e) => e.replace("@", ".@")),
    // local parts around the 64-octet limit
    fc.tuple(fc.integer({ min: 60, max: 68 }), fc.constantFrom("", ".", "a.")).map(([n, sep]) => `${sep}${"a".repeat(n)}@example.com`),
    fc.tuple(fc.integer({ min: 28, max: 36 }), domain).map(([n, d]) => `${"ab".repeat(n)}@${d}`),
  );
  fc.assert(
    fc.property(strings, (s) => formats.isEmail(s) === rfcCommonMailbox(s)),
    { numRuns: 20_000, seed },
  );
});

// ---------------------------------------------------------------------------------------------
// uri-template: RFC 6570 section 2, as a parser over code points. isUriTemplate has two paths that
// must answer alike: past 12 characters URI_TEMPLATE_COMMON (ASCII, no "%XX") decides the common
// template, and the character scan reads what it refuses and every template of up to 12
// characters. Their only other oracle was the previous check (formats-previous.test.ts), which
// shares the scan's reading of the RFC; this one is the ABNF itself.

const isHexDigit = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
const isAlphaNum = (c: number) => (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);

/** RFC 3987: ucschar = %xA0-D7FF / %xF900-FDCF / %xFDF0-FFEF / %x10000-1FFFD / ... / %xD0000-DFFFD / %xE1000-EFFFD */
function isUcscharRef(c: number): boolean {
  if (c >= 0xa0 && c <= 0xd7ff) return true;
  if ((c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xffef)) return true;
  for (let plane = 1; plane <= 13; plane++) if (c >= plane * 0x10000 && c <= plane * 0x10000 + 0xfffd) return true;
  return c >= 0xe1000 && c <= 0xefffd;
}

/** RFC 3987: iprivate = %xE000-F8FF / %xF0000-FFFFD / %x100000-10FFFD */
const isIprivateRef = (c: number) => (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xf0000 && c <= 0xffffd) || (c >= 0x100000 && c <= 0x10fffd);

/**
 * RFC 6570: literals = %x21 / %x23-24 / %x26 / %x28-3B / %x3D / %x3F-5B / %x5D / %x5F / %x61-7A /
 * %x7E / ucschar / iprivate / pct-encoded, with the apostrophe (%x27) as well: the
 * JSON-Schema-Test-Suite reads the RFC so (formats.ts says why).
 */
const isLiteralRef = (c: number) =>
  c === 0x21 || c === 0x23 || c === 0x24 || (c >= 0x26 && c <= 0x3b) || c === 0x3d || (c >= 0x3f && c <= 0x5b) || c === 0x5d || c === 0x5f || (c >= 0x61 && c <= 0x7a) || c === 0x7e || isUcscharRef(c) || isIprivateRef(c);

/** RFC 6570 section 2.2: operator = "+" / "#" / "." / "/" / ";" / "?" / "&" / "=" / "," / "!" / "@" / "|" */
const OPERATORS = "+#./;?&=,!@|";

/**
 * URI-Template = *( literals / expression ); expression = "{" [ operator ] variable-list "}";
 * variable-list = varspec *( "," varspec ); varspec = varname [ prefix / explode ];
 * varname = varchar *( ["."] varchar ); varchar = ALPHA / DIGIT / "_" / pct-encoded;
 * prefix = ":" %x31-39 0*3DIGIT; explode = "*".
 */
function rfcUriTemplate(s: string): boolean {
  const cps = Array.from(s, (ch) => ch.codePointAt(0)!);
  let i = 0;
  const pctEncoded = () => cps[i] === 0x25 && isHexDigit(cps[i + 1] ?? -1) && isHexDigit(cps[i + 2] ?? -1) && ((i += 3), true);
  const varchar = () => {
    const c = cps[i] ?? -1;
    if (isAlphaNum(c) || c === 0x5f) return ++i > 0;
    return pctEncoded();
  };
  const varspec = () => {
    if (!varchar()) return false;
    for (;;) {
      if (cps[i] === 0x2e) {
        i++;
        if (!varchar()) return false;
      } else if (!varchar()) break;
    }
    if (cps[i] === 0x2a) i++;
    else if (cps[i] === 0x3a) {
      i++;
      const first = cps[i] ?? -1;
      if (first < 0x31 || first > 0x39) return false;
      let digits = 1;
      while (digits < 4 && (cps[i + digits] ?? -1) >= 0x30 && (cps[i + digits] ?? -1) <= 0x39) digits++;
      i += digits;
    }
    return true;
  };
  const expression = () => {
    i++; // "{"
    if (i < cps.length && OPERATORS.includes(String.fromCodePoint(cps[i]!))) i++;
    if (!varspec()) return false;
    while (cps[i] === 0x2c) {
      i++;
      if (!varspec()) return false;
    }
    return cps[i++] === 0x7d;
  };
  while (i < cps.length) {
    const c = cps[i]!;
    if (c === 0x7b) {
      if (!expression()) return false;
    } else if (c === 0x25) {
      if (!pctEncoded()) return false;
    } else if (isLiteralRef(c)) i++;
    else return false;
  }
  return true;
}

test("the uri-template reference on the RFC's own examples and on the JSON-Schema-Test-Suite's", () => {
  const valid = ["http://example.com/dictionary/{term:1}/{term}", "http://example.com/dictionary", "dictionary/{term:1}/{term}", "{var}", "{+path}/here", "{#path:6}/here", "X{.list*}", "{/var,x}/here", "{;x,y,empty}", "{?x,y}", "?fixed=yes{&x}", "{x,hello,y}", "{a.b}", "{%41}", "it's", "é", "\ue000"];
  const invalid = ["http://example.com/dictionary/{term:1}/{term", "{a..b}", "{..a}", "{a.}", "{}", "{a,,b}", "{a:0}", "{a:10000}", "{a*:1}", "a b", "%4", "%g1", "}", "{a}}", "\"", "<", "\\", "^", "`", "|", "\ud800", "\ufffe"];
  expect(valid.filter((s) => !rfcUriTemplate(s))).toEqual([]);
  expect(invalid.filter(rfcUriTemplate)).toEqual([]);
});

test(`uri-template: both paths (common expression past 12 characters, scan) answer as RFC 6570 (seed ${seed}, 30,000 strings)`, () => {
  // the tokens where the expression and the scan change state, in any order and number
  const TOKENS = ["a", "Z", "0", "_", "/", ":", "'", "-", "~", "é", "\ue000", "\u{10000}", "\u{e0001}", "\ud800", "\ufffe", " ", '"', "<", "\\", "%", "%4", "%41", "%g1", "{", "}", "{a}", "+", "#", ".", "..", ",", "*", ":1", ":0", ":9999", ":99999", "|", "=", "!"];
  // mostly valid templates, mostly ASCII without "%" (what the common expression decides), each
  // part with a chance of one mistake or of a character that sends it to the scan
  const literal = fc.oneof(
    { weight: 3, arbitrary: joined(["a", "Z0", "/", "https://example.com/", ".", "-", "'", ":", "~", "?", "=", "&"], 5) },
    { weight: 1, arbitrary: joined(["a", "/", "%41", "%4", "é", "\ue000", " ", "|", "<", '"', "}"], 4) },
  );
  const varname = fc
    .tuple(
      fc.constantFrom("", "", "", "", ".", "-"),
      fc.array(fc.constantFrom("a", "b0", "_", "Z9", "id", "%41"), { minLength: 1, maxLength: 3 }),
      fc.constantFrom(".", ".", "", "..", "%4", "-", "é"),
      fc.constantFrom("", "", "", "", "."),
    )
    .map(([before, parts, separator, after]) => before + parts.join(separator) + after);
  const varspec = fc.tuple(varname, fc.constantFrom("", "", "", "*", ":1", ":12", ":9999", ":10000", ":0", ":", "**", ":1*")).map(([name, modifier]) => name + modifier);
  const expression = fc
    .tuple(
      fc.constantFrom("", "", "", "+", "#", ".", "/", ";", "?", "&", "=", ",", "!", "@", "|", "{", "$"),
      fc.array(varspec, { minLength: 1, maxLength: 3 }),
      fc.constantFrom(",", ",", ",", ",,", ""),
      fc.constantFrom("}", "}", "}", "}", "", "}}"),
    )
    .map(([operator, specs, comma, close]) => `{${operator}${specs.join(comma)}${close}`);
  const template = fc.array(fc.oneof(literal, expression), { minLength: 1, maxLength: 5 }).map((parts) => parts.join(""));
  const strings = fc.oneof({ weight: 4, arbitrary: template }, { weight: 1, arbitrary: joined(TOKENS, 14) }, { weight: 1, arbitrary: near("a{}.,:*%4", 16) });
  let long = 0;
  let valid = 0;
  fc.assert(
    fc.property(strings, (s) => {
      if (s.length > 12) long++;
      const expected = rfcUriTemplate(s);
      if (expected) valid++;
      return formats.isUriTemplate(s) === expected;
    }),
    { numRuns: 30_000, seed },
  );
  // both paths and both answers were exercised, not only refusals of short strings
  expect(long).toBeGreaterThan(5_000);
  expect(valid).toBeGreaterThan(3_000);
});
