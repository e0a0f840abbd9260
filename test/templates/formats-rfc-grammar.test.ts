/**
 * ipv4 and email (the common form) against their RFC grammars, written here as plain parsers of
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
