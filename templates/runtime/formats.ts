/**
 * `format` checks for every format of JSON Schema 2020-12 and draft-07. The hot ones (date, time,
 * duration, uuid, ipv6, and the rare forms of hostname, uri and uri-template) are character-level
 * scans instead of a regular expression plus `Date.parse`; date-time, email and the common forms
 * of hostname, uri and uri-template are regular expressions of character-class loops with few
 * alternatives (a scan then reads what the expression leaves out). A scan
 * reads each character once, classes it with one table read (HEX_DIGITS, CHARS, URI_CLASSES), and
 * never reads past the end of the string. Measured in V8 11 (Node 20; scripts/bench-formats.ts), a charCodeAt loop
 * costs about 3x what a compiled regular expression's class loop costs per character, and a call
 * to RegExp.prototype.test costs about 10 ns before its first character: a scan wins on short and
 * fixed-length strings (uuid's straight-line reads beat a loop) and by the work it skips (captures,
 * splits, backtracking); a small unambiguous regular expression wins on long runs of one class.
 * So strings that are usually long get a regular expression first (the rare forms it leaves out
 * get a second look); ipv4 is ajv-formats' expression (a scan is slower on valid addresses, alone as inside a guard). Where ajv-formats is looser than the RFCs (offsets without minutes,
 * "urn:uuid:", quoted e-mail local parts, ports, Punycode labels), these follow the RFCs and the
 * JSON-Schema-Test-Suite instead. idn-hostname, idn-email, iri and iri-reference (which
 * ajv-formats leaves out) are written here by hand: the package stays dependency-free, and a
 * bundler drops every function a package's guards do not use.
 */

/** Days in a month (1-12) of a year: 30 or 31 by the knuckle rule, February by the Gregorian leap rule. */
function daysInMonth(year: number, month: number): number {
  if (month !== 2) return 30 + ((month + (month >> 3)) & 1);
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

// The date and time checks read their fixed-width fields at fixed places, after a length test that
// keeps every read inside the string (a read past the end deoptimizes the function). Each field's
// digit d = charCode - 48 is valid when (d | (9 - d)) >= 0, so one OR of them all and one sign test
// check every digit at once; the ranges are checked after, on the values.

/** `format: "date"`: RFC 3339 full-date, "2024-02-29", with real days per month. */
export function isDate(s: string): boolean {
  if (s.length !== 10 || s.charCodeAt(4) !== 45 || s.charCodeAt(7) !== 45) return false;
  const y0 = s.charCodeAt(0) - 48, y1 = s.charCodeAt(1) - 48, y2 = s.charCodeAt(2) - 48, y3 = s.charCodeAt(3) - 48;
  const m0 = s.charCodeAt(5) - 48, m1 = s.charCodeAt(6) - 48, d0 = s.charCodeAt(8) - 48, d1 = s.charCodeAt(9) - 48;
  if ((y0 | (9 - y0) | y1 | (9 - y1) | y2 | (9 - y2) | y3 | (9 - y3) | m0 | (9 - m0) | m1 | (9 - m1) | d0 | (9 - d0) | d1 | (9 - d1)) < 0) return false;
  const month = m0 * 10 + m1;
  const day = d0 * 10 + d1;
  return month >= 1 && month <= 12 && day >= 1 && (day <= 28 || day <= daysInMonth(y0 * 1000 + y1 * 100 + y2 * 10 + y3, month));
}

/**
 * RFC 3339 full-time from "HH:MM:SS" at s[i]: "23:59:60.5+01:00". The offset is required; a leap
 * second is accepted only at 23:59 UTC (offset included).
 */
function timeAt(s: string, i: number): boolean {
  if (s.length < i + 9 || s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58) return false;
  const h0 = s.charCodeAt(i) - 48, h1 = s.charCodeAt(i + 1) - 48, i0 = s.charCodeAt(i + 3) - 48, i1 = s.charCodeAt(i + 4) - 48, s0 = s.charCodeAt(i + 6) - 48, s1 = s.charCodeAt(i + 7) - 48;
  if ((h0 | (9 - h0) | h1 | (9 - h1) | i0 | (9 - i0) | i1 | (9 - i1) | s0 | (9 - s0) | s1 | (9 - s1)) < 0) return false;
  const hour = h0 * 10 + h1;
  const minute = i0 * 10 + i1;
  const second = s0 * 10 + s1;
  return hour <= 23 && minute <= 59 && second <= 60 && timeEndAt(s, i + 8, hour * 60 + minute, second);
}

/**
 * The rest of a full-time after its seconds, at s[j] to the end: an optional fraction, then "Z"
 * or a time-numoffset "+01:00" ("+01" and "+0100" are ISO 8601, not RFC 3339). `minutes` is the
 * local hour and minute in minutes, for the leap-second rule (second 60 only at 23:59 UTC).
 */
function timeEndAt(s: string, j: number, minutes: number, second: number): boolean {
  const n = s.length;
  let c = s.charCodeAt(j); // j < n: the callers' length tests leave a character here
  if (c === 46) {
    const start = ++j;
    while (j < n && (c = s.charCodeAt(j)) >= 48 && c <= 57) j++;
    if (j === start || j === n) return false;
  }
  if (c === 90 || c === 122) return j + 1 === n && (second < 60 || minutes === 1439);
  return j + 6 === n && numOffsetAllows(s, j, minutes, second);
}

/** A time-numoffset "+01:00" at s[j], the string's last six characters, and the leap-second rule with it. */
function numOffsetAllows(s: string, j: number, minutes: number, second: number): boolean {
  const sign = s.charCodeAt(j);
  if ((sign !== 43 && sign !== 45) || s.charCodeAt(j + 3) !== 58) return false;
  const a = s.charCodeAt(j + 1) - 48, b = s.charCodeAt(j + 2) - 48, e = s.charCodeAt(j + 4) - 48, f = s.charCodeAt(j + 5) - 48;
  if ((a | (9 - a) | b | (9 - b) | e | (9 - e) | f | (9 - f)) < 0) return false;
  const offsetHour = a * 10 + b;
  const offsetMinute = e * 10 + f;
  if (offsetHour > 23 || offsetMinute > 59) return false;
  const offset = (sign === 45 ? -1 : 1) * (offsetHour * 60 + offsetMinute); // minutes east of UTC
  return second <= 59 || (minutes - offset + 1440) % 1440 === 1439;
}

/** `format: "time"`. */
export function isTime(s: string): boolean {
  return timeAt(s, 0);
}

/**
 * A date-time's syntax in one pass, with the ranges a character class can say: months 01-12, days
 * 01-31, hours 00-23, minutes 00-59, seconds 00-69, offsets to 23:59. Irregexp reads a Koala
 * timestamp with it in about 70% of the time of a field-by-field charCodeAt read (a charCodeAt costs
 * about 1 ns, a regular expression's character about 0.3 ns, after a call of about 10 ns). The
 * alternatives are few and short (each one a backtrack point): whether a day from 29 is in its month
 * and whether a second 60 is a leap second are left to isDateTime. The year is `\d\d\d\d`, not
 * `\d{4}`: Irregexp compiles a counted repeat as a loop that pushes a backtrack entry per digit
 * (`--print-regexp-code`), about 5 ns of the 10 a Koala timestamp took past the call.
 */
const DATE_TIME = /^\d\d\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])[Tt ](?:[01]\d|2[0-3]):[0-5]\d:[0-6]\d(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * DATE_TIME without the cases that need arithmetic: days 01-28 (in every month of every year) and
 * seconds 00-59. A string it accepts is a date-time with no further read; nearly every timestamp is
 * one (days 29-31 are 1 in 10, a leap second rarer still), and it saves the two or three charCodeAt
 * reads (about 4 ns) that DATE_TIME needs after it. Strings it refuses go on to DATE_TIME.
 */
const DATE_TIME_COMMON = /^\d\d\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])[Tt ](?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):[0-5]\d)$/;

/**
 * `format: "date-time"`: "2024-02-29T23:59:59.123Z"; "t" or a space (RFC 3339 section 5.6's note)
 * may stand for the "T". DATE_TIME_COMMON decides nearly every string in one call; the rest go to
 * a function of their own, so that this one stays small enough for V8 to inline into every guard
 * that checks a date-time (measured: 3% of the Koala batch's check).
 */
export function isDateTime(s: string): boolean {
  return DATE_TIME_COMMON.test(s) || isRareDateTime(s);
}

/**
 * What DATE_TIME_COMMON refuses: a date-time if DATE_TIME takes it and its day from 29 is in its
 * month and its second 60 is a leap second, at 23:59 UTC with the offset counted (DATE_TIME leaves
 * the offset as the last 6 characters, or "Z").
 */
function isRareDateTime(s: string): boolean {
  if (!DATE_TIME.test(s) || twoDigits(s, 8) > daysInMonth(twoDigits(s, 0) * 100 + twoDigits(s, 2), twoDigits(s, 5))) return false;
  const second = twoDigits(s, 17);
  if (second !== 60) return second < 60;
  const n = s.length;
  const offset = s.charCodeAt(n - 1) > 64 ? 0 : (s.charCodeAt(n - 6) === 45 ? -1 : 1) * (twoDigits(s, n - 5) * 60 + twoDigits(s, n - 2));
  return (twoDigits(s, 11) * 60 + twoDigits(s, 14) - offset + 1440) % 1440 === 1439;
}

/** The number written by the two digits at s[i] (digits: the caller has checked). */
function twoDigits(s: string, i: number): number {
  return s.charCodeAt(i) * 10 + s.charCodeAt(i + 1) - 528; // 528 = 48 * 11
}

/**
 * `format: "uuid"`: 8-4-4-4-12 hex digits, any case (RFC 4122's string form, no "urn:uuid:").
 * Straight-line code (the length is fixed): no loop counter, no branch per digit; V8 runs it about
 * 1.6x as fast as the peers' one regular expression.
 */
export function isUuid(s: string): boolean {
  if (s.length !== 36 || s.charCodeAt(8) !== 45 || s.charCodeAt(13) !== 45 || s.charCodeAt(18) !== 45 || s.charCodeAt(23) !== 45) return false;
  const t = HEX_DIGITS;
  return (
    (t[s.charCodeAt(0)]! & t[s.charCodeAt(1)]! & t[s.charCodeAt(2)]! & t[s.charCodeAt(3)]! & t[s.charCodeAt(4)]! & t[s.charCodeAt(5)]! & t[s.charCodeAt(6)]! & t[s.charCodeAt(7)]! &
      t[s.charCodeAt(9)]! & t[s.charCodeAt(10)]! & t[s.charCodeAt(11)]! & t[s.charCodeAt(12)]! & t[s.charCodeAt(14)]! & t[s.charCodeAt(15)]! & t[s.charCodeAt(16)]! & t[s.charCodeAt(17)]! &
      t[s.charCodeAt(19)]! & t[s.charCodeAt(20)]! & t[s.charCodeAt(21)]! & t[s.charCodeAt(22)]! & t[s.charCodeAt(24)]! & t[s.charCodeAt(25)]! & t[s.charCodeAt(26)]! & t[s.charCodeAt(27)]! &
      t[s.charCodeAt(28)]! & t[s.charCodeAt(29)]! & t[s.charCodeAt(30)]! & t[s.charCodeAt(31)]! & t[s.charCodeAt(32)]! & t[s.charCodeAt(33)]! & t[s.charCodeAt(34)]! & t[s.charCodeAt(35)]!) !==
    0
  );
}

// ASCII classes as tables, for the scans below: one table read per character instead of range
// comparisons. A table has an entry for every UTF-16 code unit (64 KB, zero past ASCII, and pages
// never written cost no memory), so `table[s.charCodeAt(i)]!` needs no range check. Never read past
// the end of the string: a charCodeAt there (NaN) deoptimizes the whole function.

/** UTF-16 code unit → 1 for a hex digit, else 0: a table of its own, so a package that checks uuids (or ipv6) bundles only this one. */
const HEX_DIGITS = /*#__PURE__*/ (() => {
  const table = new Uint8Array(65536);
  for (const ch of "0123456789abcdefABCDEF") table[ch.charCodeAt(0)] = 1;
  return table;
})();

const LDH = 1; // letters, digits, "-": a host name label's characters
const ATEXT = 2; // RFC 5322 atext: letters, digits and !#$%&'*+/=?^_`{|}~-

/** UTF-16 code unit → its LDH and ATEXT bits. */
const CHARS = /*#__PURE__*/ (() => {
  const table = new Uint8Array(65536);
  for (const ch of "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-") table[ch.charCodeAt(0)] = LDH | ATEXT;
  for (const ch of "!#$%&'*+/=?^_`{|}~") table[ch.charCodeAt(0)] = ATEXT;
  return table;
})();

/** s.charCodeAt(i), or -1 past the end (where charCodeAt's NaN would deoptimize the function that reads it). */
function codeAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : -1;
}

/** Whether s[i] is "%" followed by two hex digits (a pct-encoded octet), read within the string only. */
function isPercentEncoded(s: string, i: number): boolean {
  if (i + 2 >= s.length || s.charCodeAt(i) !== 37) return false;
  const a = s.charCodeAt(i + 1);
  const b = s.charCodeAt(i + 2);
  return (HEX_DIGITS[a]! & HEX_DIGITS[b]!) !== 0;
}

/** ASCII letters and digits. */
function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/**
 * The index of the "@" that ends an RFC 5322 local part at the start of `s`, or -1: a dot-atom
 * (atext runs joined by single dots) or a quoted string ("joe bloggs", with \\-escapes). With
 * `unicode` (RFC 6532), any non-ASCII character counts as atext and qtext.
 */
function localPartEnd(s: string, unicode: boolean): number {
  const n = s.length;
  let i = 0;
  if (codeAt(s, 0) === 34) {
    for (i = 1; i < n; i++) {
      let c = s.charCodeAt(i);
      if (c === 34) return codeAt(s, i + 1) === 64 ? i + 1 : -1;
      if (c === 92) c = codeAt(s, ++i);
      if ((c < 32 && c !== 9) || c === 127 || (c >= 128 && !unicode)) return -1;
    }
    return -1;
  }
  const table = CHARS;
  for (;;) {
    const start = i;
    let c = 0;
    for (; i < n; i++) {
      c = s.charCodeAt(i);
      if ((table[c]! & ATEXT) === 0 && (c < 128 || !unicode)) break;
    }
    if (i === start || i === n) return -1;
    if (c === 64) return i;
    if (c !== 46) return -1;
    i++;
  }
}

/** An RFC 5321 address literal between the brackets: "127.0.0.1" or "IPv6:::1". */
function isAddressLiteral(a: string): boolean {
  return a.slice(0, 5).toLowerCase() === "ipv6:" ? isIpv6(a.slice(5)) : IPV4.test(a);
}

/**
 * The common form of an RFC 5321 Mailbox: a dot-atom local part (atext runs joined by single dots),
 * "@", two or more dot-separated labels of letters, digits and inner hyphens. Unambiguous (no
 * backtracking), so Irregexp's native code reads each character once, at a lower cost per character
 * than a charCodeAt loop: e-mail addresses are long enough for that to outweigh the call.
 */
const EMAIL = /^[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*@[a-zA-Z\d]+(?:-+[a-zA-Z\d]+)*(?:\.[a-zA-Z\d]+(?:-+[a-zA-Z\d]+)*)+$/;

/** A local part and its "@" (the rare forms' first half): a dot-atom or a quoted string ("joe bloggs", with \\-escapes) of printable ASCII and tabs. */
const LOCAL_PART = /^(?:[\w!#$%&'*+/=?^`{|}~-]+(?:\.[\w!#$%&'*+/=?^`{|}~-]+)*|"(?:[\t -!#-\[\]-~]|\\[\t -~])*")@/;

/**
 * `format: "email"` (RFC 5321 Mailbox): a dot-atom or quoted local part of at most 64 octets,
 * "@", then an address literal ("[127.0.0.1]", "[IPv6:::1]") or two or more dot-separated labels
 * of letters, digits and inner hyphens. EMAIL decides the common form in one pass (no indexOf
 * before it: about 15% of a Koala address's check); only a string that starts with a
 * quote or ends with "]" (the rare forms) is read again.
 */
export function isEmail(s: string): boolean {
  const n = s.length;
  // The common form's local part ends at its only "@", and its domain ("a.b") takes 3 characters
  // at least: up to 68 characters, the local part cannot pass 64 and EMAIL alone decides.
  if (EMAIL.test(s)) return n <= 68 || s.indexOf("@") <= 64;
  if (n === 0 || (s.charCodeAt(0) !== 34 && s.charCodeAt(n - 1) !== 93)) return false;
  // every form has an "@" after 1 to 64 characters (a quoted local part's own "@"s come earlier)
  let at = s.indexOf("@");
  if (at < 1 || at > 64) return false;
  const local = LOCAL_PART.exec(s);
  if (local === null || (at = local[0].length) > 65) return false;
  if (codeAt(s, at) === 91) return s.charCodeAt(n - 1) === 93 && isAddressLiteral(s.slice(at + 1, n - 1));
  return EMAIL.test("a" + s.slice(at - 1)); // a quoted local part's domain
}

/** UTF-8 length of s[0..end). */
function utf8Length(s: string, end: number): number {
  let octets = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    octets += c < 0x80 ? 1 : c < 0x800 ? 2 : (c & 0xfc00) === 0xd800 ? (i++, 4) : 3;
  }
  return octets;
}

/**
 * `format: "idn-email"` (RFC 6531): as `email`, with non-ASCII characters allowed in the local
 * part (64 octets at most, in UTF-8) and an internationalized host name (NFC-normalized first,
 * as a mail system would) or an address literal after the "@".
 */
export function isIdnEmail(s: string): boolean {
  const at = localPartEnd(s, true);
  if (at < 1 || utf8Length(s, at) > 64) return false;
  const domain = s.slice(at + 1);
  if (domain.charCodeAt(0) === 91) return domain.charCodeAt(domain.length - 1) === 93 && isAddressLiteral(domain.slice(1, -1));
  return isIdnHostname(domain.normalize("NFC"));
}

// ajv-formats' expressions, which follow the RFCs.
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
/** IPV4 from lastIndex to the end (sticky): an IPv6 address's last two groups read in place, without a slice. */
const IPV4_AT = /(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/y;
const JSON_POINTER = /^(?:\/(?:[^~/]|~0|~1)*)*$/;
const RELATIVE_JSON_POINTER = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/;
/**
 * `format: "duration"` (ISO 8601 as RFC 3339 appendix A restricts it): "P", then numbers with units
 * Y M D, "T", H M S, each unit followed only by the next one ("P1Y2D" lacks the month) and at least
 * one after the "T"; or weeks alone ("P2W").
 */
export function isDuration(s: string): boolean {
  const n = s.length;
  if (n < 3 || s.charCodeAt(0) !== 80) return false;
  let time = false;
  let unit = 0; // the last unit's place in its part: Y or H 1, M 2, D or S 3; 0 before the first
  for (let i = 1; i < n; ) {
    let c = s.charCodeAt(i);
    if (c === 84) {
      if (time) return false;
      time = true;
      unit = 0;
      i++;
      continue;
    }
    const start = i;
    while (i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57) i++;
    if (i === start || i === n) return false;
    i++;
    if (c === 87) return start === 1 && i === n;
    const place = c === 77 ? 2 : time ? (c === 72 ? 1 : c === 83 ? 3 : 0) : c === 89 ? 1 : c === 68 ? 3 : 0;
    if (place === 0 || (unit !== 0 && place !== unit + 1)) return false;
    unit = place;
  }
  return unit !== 0;
}

/** `format: "ipv4"`: dotted quad of 0-255, no leading zeros. */
export function isIpv4(s: string): boolean {
  // ajv-formats' expression, not a character scan. A correct scan (the four octets unrolled, no
  // loop, each character read once) measured 0.84x the expression on valid addresses alone and
  // 0.85x inside a guard of 60 (bench-guards-shapes); its earlier 1.15x alone came from a corpus
  // where two of four strings are refused within three characters. Not an inlining or deopt matter
  // (--trace-turbo-inlining: inlined; --trace-deopt: none), nor JSON.parse's strings (it
  // internalizes values of up to 10 characters, "8.8.8.8", not "192.168.0.1": the same ratios on
  // either alone): a loop that only sums charCodeAt over the characters, checking nothing, is
  // 0.95x alone and 0.74x in the guard. Each charCodeAt costs about 1 ns (a representation dispatch
  // and a bounds check per read); the expression costs about 9 ns a call and a third of that per
  // character, so on 7-15 characters no scan wins (bench-formats prints the "reads only" ceiling).
  return IPV4.test(s);
}

/**
 * `format: "ipv6"` (RFC 4291 section 2.2): eight groups of 1-4 hex digits separated by ":", one
 * "::" standing for one or more zero groups, and possibly an IPv4 address as the last two groups.
 * One loop over the characters: 5-7% faster alone and up to 10% inside a guard than counting each
 * digit and reading ahead at each ":", and written so that the Koala guards, which bundle it for
 * e-mail address literals, are no larger (min+gzip 3,073 -> 3,072 B when written).
 */
export function isIpv6(s: string): boolean {
  const n = s.length;
  // the longest address is six groups and an IPv4 address: 45 characters
  if (n < 2 || n > 45) return false;
  const table = HEX_DIGITS;
  let i = 0;
  let groups = 0; // groups ended by a ":"
  let start = 0; // where the current group starts
  let compressed = false;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return false;
    compressed = true;
    i = start = 2;
  }
  for (; i < n; i++) {
    const c = s.charCodeAt(i);
    if (table[c]!) continue; // a hex digit: one table test, the group's length is counted at its end
    if (c === 58) {
      // a ":" ends a group of 1-4 digits, or right after a ":" it is the "::" (one only: a third
      // ":" in a row would be a second one); no look-ahead read of the next character
      if (i - start > 4) return false;
      if (i !== start) groups++;
      else if (compressed) return false;
      else compressed = true;
      start = i + 1;
      continue;
    }
    // an IPv4 address from the current group's start is the last two groups
    if (c !== 46 || i === start || !(compressed ? groups < 6 : groups === 6)) return false;
    IPV4_AT.lastIndex = start;
    return IPV4_AT.test(s);
  }
  if (n - start > 4) return false;
  if (n !== start) groups++;
  else if (s.charCodeAt(n - 2) !== 58) return false; // ends with a lone ":", not with the "::"
  return compressed ? groups < 8 : groups === 8;
}

/** `format: "json-pointer"`. */
export function isJsonPointer(s: string): boolean {
  return JSON_POINTER.test(s);
}

/** `format: "relative-json-pointer"`. */
export function isRelativeJsonPointer(s: string): boolean {
  return RELATIVE_JSON_POINTER.test(s);
}

/** `format: "regex"`: compiles as an ECMA-262 regular expression with the `u` flag (as `pattern` is), so "\a" is refused. */
export function isRegex(s: string): boolean {
  try {
    new RegExp(s, "u");
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// URIs and IRIs (RFC 3986, RFC 3987), scanned by hand.

// The ASCII classes of RFC 3986, one bit each: what a part of a URI may hold besides "%XX".
const UNRESERVED = 1; // ALPHA DIGIT - . _ ~
const SUB_DELIM = 2; // ! $ & ' ( ) * + , ; =
const COLON = 4;
const AT = 8;
const SLASH = 16;
const QUESTION = 32;
const SCHEME = 64; // letters, digits, "+", "-", ".": a scheme's characters after its first letter
// PCHAR is UNRESERVED | SUB_DELIM | COLON | AT (15). The scans write their masks as values (31,
// 63, ...): esbuild keeps an unused `A | B | …` of identifiers (it cannot prove them numbers), and
// with it every constant it names, in bundles that use no URI check.

/** UTF-16 code unit → its RFC 3986 class bits, 0 for what a URI never holds unescaped (64 KB, as CHARS). */
const URI_CLASSES = /*#__PURE__*/ (() => {
  const table = new Uint8Array(65536);
  for (let c = 0; c < 128; c++) if (isAlphanumeric(c)) table[c] = UNRESERVED;
  const set = (chars: string, bit: number) => {
    for (const ch of chars) table[ch.charCodeAt(0)] = bit;
  };
  set("-._~", UNRESERVED);
  set("!$&'()*+,;=", SUB_DELIM);
  set(":", COLON);
  set("@", AT);
  set("/", SLASH);
  set("?", QUESTION);
  for (let c = 0; c < 128; c++) if (isAlphanumeric(c)) table[c]! |= SCHEME;
  set("+", SUB_DELIM | SCHEME);
  set("-.", UNRESERVED | SCHEME);
  return table;
})();

/** RFC 3987 ucschar: the non-ASCII characters an IRI may hold outside its query. */
function isUcschar(c: number): boolean {
  if (c < 0x10000) return (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xffef);
  return c <= 0xefffd && (c & 0xfffe) !== 0xfffe && (c < 0xe0000 || c >= 0xe1000);
}

/** RFC 3987 iprivate: private-use characters, allowed in an IRI's query only. */
function isIprivate(c: number): boolean {
  return (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xf0000 && c <= 0xffffd) || (c >= 0x100000 && c <= 0x10fffd);
}

/**
 * Scans s[i..] while it holds characters of `classes` or "%XX"; with `iri`, also ucschar (and
 * iprivate with `iprivate`). Returns where it stopped, or -1 at a "%" not followed by two hex digits.
 * Now only for a userinfo (authorityEnd's second look); the hot parts of a URI are loops of their own.
 */
function scanUriPart(s: string, i: number, classes: number, iri: boolean, iprivate: boolean): number {
  const table = URI_CLASSES;
  for (const n = s.length; i < n; ) {
    const c = s.charCodeAt(i);
    if ((table[c]! & classes) !== 0) i++;
    else if (c === 37) {
      if (!isPercentEncoded(s, i)) return -1;
      i += 3;
    } else {
      const next = c < 128 || !iri ? i : iriCharEnd(s, i, iprivate);
      if (next === i) return i;
      i = next;
    }
  }
  return i;
}

/** The index after the IRI character at s[i] (ucschar, or iprivate with `iprivate`), or i if there is none. */
function iriCharEnd(s: string, i: number, iprivate: boolean): number {
  const cp = s.codePointAt(i)!;
  return isUcschar(cp) || (iprivate && isIprivate(cp)) ? i + (cp > 0xffff ? 2 : 1) : i;
}

const IP_FUTURE = /^v[0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+$/i;

/**
 * A URI's authority from s[i] (after its "//"): [ userinfo "@" ] host [ ":" port ]. Returns where
 * it ends (the end of the string, or a "/", "?" or "#"), or -1 if it is no authority. A function
 * of its own, called only for a "//": it keeps isUriLike under V8's inlining limit (460 bytes of
 * bytecode), so isUri and isUriReference inline it whole into a guard, their constant arguments
 * folded. Read as a host and port first (most URIs have no userinfo: one pass); if the authority
 * goes on past them, what was read must be a userinfo, up to the first "@", and the host comes after it.
 */
function authorityEnd(s: string, i: number, iri: boolean): number {
  const n = s.length;
  const table = URI_CLASSES;
  const start = i;
  let c = 0;
  for (let afterUserinfo = false; ; afterUserinfo = true) {
    if (i < n && s.charCodeAt(i) === 91) {
      // an IP literal: the characters an authority ends at are refused inside it by both checks
      const close = s.indexOf("]", i);
      if (close < 0) return -1;
      const literal = s.slice(i + 1, close);
      if (!isIpv6(literal) && !IP_FUTURE.test(literal)) return -1;
      i = close + 1;
    } else {
      // a reg-name: unreserved, sub-delims (3 = UNRESERVED | SUB_DELIM), "%XX", and ucschar in an IRI
      for (; i < n; i++) {
        c = s.charCodeAt(i);
        if ((table[c]! & 3) !== 0) continue;
        if (c === 37) {
          if (!isPercentEncoded(s, i)) return -1;
          i += 2;
          continue;
        }
        const next = c < 128 || !iri ? i : iriCharEnd(s, i, false);
        if (next === i) break;
        i = next - 1;
      }
    }
    if (i < n && s.charCodeAt(i) === 58) for (i++; i < n && (c = s.charCodeAt(i)) >= 48 && c <= 57; i++);
    if (i === n) return i;
    c = s.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) return i;
    if (afterUserinfo) return -1;
    i = scanUriPart(s, start, UNRESERVED | SUB_DELIM | COLON, iri, false);
    if (i < 0 || i === n || s.charCodeAt(i) !== 64) return -1;
    i++;
  }
}

/**
 * A URI or IRI (`iri`), or a reference to one unless `absolute` (RFC 3986 sections 3 and 4.1).
 * The path, query and fragment are one loop whose class mask widens at "?" and "#" (no call per
 * part). The masks are written as their values (their bits are listed beside them): a module
 * constant is a context load with a hole check at each use, and its bytecode counts against the
 * inlining limit (see authorityEnd).
 */
function isUriLike(s: string, iri: boolean, absolute: boolean): boolean {
  const n = s.length;
  const table = URI_CLASSES;
  let i = 0;
  let mask = 31; // PCHAR | SLASH: a path's characters
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  let c = n > 0 ? s.charCodeAt(0) : -1;
  if ((c | 32) >= 97 && (c | 32) <= 122) {
    let j = 1;
    while (j < n && (table[(c = s.charCodeAt(j))]! & 64) !== 0) j++; // 64 = SCHEME
    if (j < n && c === 58) i = j + 1;
  }
  if (absolute && i === 0) return false;
  if (i + 1 < n && s.charCodeAt(i) === 47 && s.charCodeAt(i + 1) === 47) {
    i = authorityEnd(s, i + 2, iri);
    if (i < 0) return false;
  } else if (i === 0) {
    // a relative path's first segment: no ":" (it would read as a scheme), up to its "/"
    mask = 11; // UNRESERVED | SUB_DELIM | AT
  }
  let part = 0; // 0 path, 1 query, 2 fragment
  for (; i < n; i++) {
    c = s.charCodeAt(i);
    if ((table[c]! & mask) !== 0) continue;
    if (c === 37) {
      if (!isPercentEncoded(s, i)) return false;
      i += 2;
    } else if (c === 47) {
      mask = 31; // the first segment's "/" (any other "/" is in the mask)
    } else if (c === 63 && part === 0) {
      part = 1;
      mask = 63; // PCHAR | SLASH | QUESTION: a query's or a fragment's characters
    } else if (c === 35 && part !== 2) {
      part = 2;
      mask = 63;
    } else {
      // iprivate in the query only
      const next = c < 128 || !iri ? i : iriCharEnd(s, i, part === 1);
      if (next === i) return false;
      i = next - 1;
    }
  }
  return true;
}

// The common form of an absolute URI as a regular expression, tried before isUriLike: a scheme, then an
// authority of a reg-name and a port, or no "//"; a path, query and fragment of unescaped ASCII
// (no "%XX", userinfo, IP literal: a string with one fails here and isUriLike decides). Each part
// is one character-class loop that ends at a character it does not hold, so Irregexp never
// backtracks into it on a valid string: at about 0.3 ns a character against a charCodeAt scan's 1 ns,
// it halves the check of a 40-character URL inside a guard. Every string it accepts, isUriLike
// accepts (formats-previous.test.ts compares on generated strings); on the others (rare) the scan
// runs after the expression.
/** `scheme ":" ( "//" reg-name [ ":" port ] path-abempty / path without "//" ) [ "?" query ] [ "#" fragment ]`. */
const URI_COMMON = /^[a-zA-Z][a-zA-Z\d+.-]*:(?:\/\/[\w.~!$&'()*+,;=-]*(?::\d*)?(?:\/[\w.~!$&'()*+,;=:@/-]*)?|(?!\/\/)[\w.~!$&'()*+,;=:@/-]*)(?:\?[\w.~!$&'()*+,;=:@/?-]*)?(?:#[\w.~!$&'()*+,;=:@/?-]*)?$/;

/** `format: "uri"`: an absolute URI (a scheme, then ASCII only). */
export function isUri(s: string): boolean {
  return URI_COMMON.test(s) || isUriLike(s, false, true);
}

/** `format: "uri-reference"`: a URI or a relative reference ("/a/b", "../c", "#x", ""). */
export function isUriReference(s: string): boolean {
  // no regular expression first, as isUri has: a reference is often a short path ("/a/b", "../x"),
  // where the scan beats a call to RegExp.prototype.test (about 10 ns before its first character)
  return isUriLike(s, false, false);
}

/** `format: "iri"` (RFC 3987): an absolute URI that may also hold non-ASCII characters. */
export function isIri(s: string): boolean {
  return isUriLike(s, true, true);
}

/** `format: "iri-reference"`: an IRI or a relative reference to one. */
export function isIriReference(s: string): boolean {
  return isUriLike(s, true, false);
}

// RFC 6570's ASCII classes, a table of their own (only a package checking uri-template pays for it).
const VARCHAR = 1; // letters, digits, "_" (a varchar without its "%XX")
const OPERATOR = 2; // + # . / ; ? & = , ! @ |
const LITERAL = 4; // a URI's characters, "#", "[" and "]" (not "%": it starts a "%XX")

/** UTF-16 code unit → its RFC 6570 class bits (64 KB, as CHARS). */
const TEMPLATE_CHARS = /*#__PURE__*/ (() => {
  const table = new Uint8Array(65536);
  const set = (chars: string, bits: number) => {
    for (const ch of chars) table[ch.charCodeAt(0)]! |= bits;
  };
  set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ", VARCHAR | LITERAL);
  set("_", VARCHAR);
  set("+#./;?&=,!@|", OPERATOR);
  set("-._~!$&'()*+,;=:@/?#[]", LITERAL);
  return table;
})();

/**
 * The common template, decided by a regular expression before the scan: ASCII literals (no "%XX")
 * and expressions whose varnames are letters, digits, "_" and inner dots (no "%XX"). A run of
 * literals is one character-class loop (the peers' expressions go round an alternation for each
 * character); a template it refuses (a "%", non-ASCII, or an invalid one) is read again by the scan.
 */
const URI_TEMPLATE_COMMON = /^[\w.~!$&'()*+,;=:@/?#[\]-]*(?:\{[+#./;?&=,!@|]?\w+(?:\.\w+)*(?::[1-9]\d{0,3}|\*)?(?:,\w+(?:\.\w+)*(?::[1-9]\d{0,3}|\*)?)*\}[\w.~!$&'()*+,;=:@/?#[\]-]*)*$/;

/**
 * `format: "uri-template"` (RFC 6570): literals (with "%XX" and non-ASCII characters) and
 * expressions: "{" [operator] varspec *( "," varspec ) "}", where a varspec is a varname (letters,
 * digits, "_", "%XX", inner single dots) with an optional ":1".."9999" prefix or "*" explode.
 * The apostrophe is a valid literal, as the JSON-Schema-Test-Suite reads the RFC.
 */
export function isUriTemplate(s: string): boolean {
  // Up to 12 characters the scan alone is faster than the expression's call (10 ns before its
  // first character): "{+path}/x" 1.27x, "{a,,b}" 1.31x the fastest peer where the expression
  // first measured 1.19x and 0.61x (an invalid template paid both). Past about 13 the expression
  // wins ("{+base}/search{?q,sort}": 1.24x against the scan's 0.97x).
  if (s.length > 12 && URI_TEMPLATE_COMMON.test(s)) return true;
  const n = s.length;
  const table = TEMPLATE_CHARS; // a local: one read of the module's table, not one per character
  let i = 0;
  for (;;) {
    // a run of ASCII literals, the common case, in a loop of its own
    let c = 0;
    for (; i < n; i++) {
      c = s.charCodeAt(i);
      if ((table[c]! & LITERAL) === 0) break;
    }
    if (i === n) return true;
    if (c === 123) i = expressionEnd(s, i + 1);
    else if (c === 37) i = isPercentEncoded(s, i) ? i + 3 : -1;
    else if (c < 128) return false; // CTL, SP, DQUOTE, "<", ">", "\\", "^", "`", "|", "}", DEL
    else {
      const cp = s.codePointAt(i)!;
      i = isUcschar(cp) || isIprivate(cp) ? i + (cp > 0xffff ? 2 : 1) : -1;
    }
    if (i < 0) return false;
  }
}

/**
 * The index after the "}" of an RFC 6570 expression whose "{" ends at `i`, or -1 if it is not one.
 * Each character is read once (the scan is the whole check of a short template): the varname's
 * last character is kept in `prev`, and the character after a prefix or an explode is the one its
 * loop stopped at.
 */
function expressionEnd(s: string, i: number): number {
  const n = s.length;
  const table = TEMPLATE_CHARS;
  if (i < n && (table[s.charCodeAt(i)]! & OPERATOR) !== 0) i++;
  for (;;) {
    // varname = varchar *( ["."] varchar )
    let d = 0;
    let prev = 46; // as if after a ".": a varname starts with no "." and is not empty
    for (; i < n; i++) {
      d = s.charCodeAt(i);
      if ((table[d]! & VARCHAR) !== 0) prev = d;
      else if (d === 37 && isPercentEncoded(s, i)) {
        i += 2;
        prev = 37;
      } else if (d !== 46 || prev === 46) break;
      else prev = 46;
    }
    if (prev === 46 || i === n) return -1; // empty, ends with ".", or no "}"
    if (d === 58) {
      // prefix ":1" to ":9999": its loop stops at the character after it (a leading "0" stops it
      // at once: no digits), unless it stopped after a fourth digit (then that character is read here)
      const digits = ++i;
      while (i < n && (d = s.charCodeAt(i)) >= 48 && d <= 57 && i - digits < 4 && (d !== 48 || i > digits)) i++;
      if (i === digits || i === n) return -1;
      if (i - digits === 4) d = s.charCodeAt(i);
    } else if (d === 42) {
      if (++i === n) return -1;
      d = s.charCodeAt(i);
    }
    i++;
    if (d === 125) return i;
    if (d !== 44) return -1;
  }
}

// ---------------------------------------------------------------------------------------------
// Host names: RFC 1123 labels, and IDNA2008 (RFC 5890-5893) for Punycode and Unicode labels.

/** A Punycode digit's value (RFC 3492: a-z/A-Z 0-25, 0-9 26-35), or -1. */
function punycodeDigit(c: number): number {
  if (c >= 48 && c <= 57) return c - 22;
  const lower = c | 32;
  return lower >= 97 && lower <= 122 ? lower - 97 : -1;
}

/** RFC 3492 section 6.1. */
function punycodeBias(delta: number, points: number, first: boolean): number {
  delta = first ? Math.floor(delta / 700) : delta >> 1;
  delta += Math.floor(delta / points);
  let k = 0;
  for (; delta > 455; k += 36) delta = Math.floor(delta / 35);
  return k + Math.floor((36 * delta) / (delta + 38));
}

/** The code points Punycode text (what follows "xn--") stands for, or undefined if it is not Punycode (RFC 3492 section 6.2). */
export function punycodeDecode(text: string): number[] | undefined {
  const delimiter = text.lastIndexOf("-");
  const output: number[] = [];
  for (let j = 0; j < delimiter; j++) {
    const c = text.charCodeAt(j);
    if (c >= 128) return undefined;
    output.push(c);
  }
  let n = 128;
  let bias = 72;
  let i = 0;
  for (let pos = delimiter > 0 ? delimiter + 1 : 0; pos < text.length; ) {
    const previous = i;
    for (let w = 1, k = 36; ; k += 36) {
      const digit = pos < text.length ? punycodeDigit(text.charCodeAt(pos++)) : -1;
      if (digit < 0 || digit > (0x7fffffff - i) / w) return undefined;
      i += digit * w;
      const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
      if (digit < t) break;
      if (w > 0x7fffffff / (36 - t)) return undefined;
      w *= 36 - t;
    }
    const points = output.length + 1;
    bias = punycodeBias(i - previous, points, previous === 0);
    n += Math.floor(i / points);
    if (n > 0x10ffff) return undefined;
    i %= points;
    output.splice(i++, 0, n);
  }
  return output;
}

/** Punycode for `points` (RFC 3492 section 6.3), lowercase, without the "xn--" prefix. */
export function punycodeEncode(points: readonly number[]): string {
  const digit = (d: number) => String.fromCharCode(d < 26 ? 97 + d : 22 + d);
  let output = "";
  for (const c of points) if (c < 128) output += String.fromCharCode(c);
  const basic = output.length;
  if (basic > 0) output += "-";
  let n = 128;
  let delta = 0;
  let bias = 72;
  for (let handled = basic; handled < points.length; n++, delta++) {
    let m = 0x110000;
    for (const c of points) if (c >= n && c < m) m = c;
    delta += (m - n) * (handled + 1);
    n = m;
    for (const c of points) {
      if (c < n) delta++;
      if (c !== n) continue;
      let q = delta;
      for (let k = 36; ; k += 36) {
        const t = k <= bias ? 1 : k >= bias + 26 ? 26 : k - bias;
        if (q < t) break;
        output += digit(t + ((q - t) % (36 - t)));
        q = Math.floor((q - t) / (36 - t));
      }
      output += digit(q);
      bias = punycodeBias(delta, handled + 1, handled === basic);
      delta = 0;
      handled++;
    }
  }
  return output;
}

// RFC 5892's derived property, from Unicode properties (the RFC's section 2 categories):
// unassigned, default-ignorable, white space, noncharacters, the combining-marks-for-symbols and
// musical-notation blocks and old Hangul jamo are DISALLOWED; letters, digits and marks are PVALID.
const IDNA_DISALLOWED = /[\p{Cn}\p{Default_Ignorable_Code_Point}\p{White_Space}\p{Noncharacter_Code_Point}\u20d0-\u20ff\u{1d100}-\u{1d24f}\u1100-\u11ff\ua960-\ua97f\ud7b0-\ud7ff]/u;
const IDNA_LETTER_DIGIT = /[\p{Ll}\p{Lu}\p{Lo}\p{Nd}\p{Lm}\p{Mn}\p{Mc}]/u;
// Section 2.6's exceptions.
const IDNA_PVALID_EXCEPTIONS = [0xdf, 0x3c2, 0x6fd, 0x6fe, 0xf0b, 0x3007];
const IDNA_DISALLOWED_EXCEPTIONS = [0x640, 0x7fa, 0x302e, 0x302f, 0x3031, 0x3032, 0x3033, 0x3034, 0x3035, 0x303b];
const IDNA_CONTEXTO = /[\u00b7\u0375\u05f3\u05f4\u30fb\u0660-\u0669\u06f0-\u06f9]/u;
/** Canonical_Combining_Class=Virama (9) in Unicode 14's UnicodeData.txt, for the ZERO WIDTH (NON-)JOINER rules. */
const VIRAMA =
  /[\u094d\u09cd\u0a4d\u0acd\u0b4d\u0bcd\u0c4d\u0ccd\u0d3b\u0d3c\u0d4d\u0dca\u0e3a\u0eba\u0f84\u1039\u103a\u1714\u1715\u1734\u17d2\u1a60\u1b44\u1baa\u1bab\u1bf2\u1bf3\u2d7f\ua806\ua82c\ua8c4\ua953\ua9c0\uaaf6\uabed\u{10a3f}\u{11046}\u{11070}\u{1107f}\u{110b9}\u{11133}\u{11134}\u{111c0}\u{11235}\u{112ea}\u{1134d}\u{11442}\u{114c2}\u{115bf}\u{1163f}\u{116b6}\u{1172b}\u{11839}\u{1193d}\u{1193e}\u{119e0}\u{11a34}\u{11a47}\u{11a99}\u{11c3f}\u{11d44}\u{11d45}\u{11d97}]/u;
/** Letters of the scripts whose letters join (Joining_Type D, L or R), for the ZERO WIDTH NON-JOINER rule. */
const JOINING = /[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Nko}\p{Script=Mongolian}\p{Script=Mandaic}\p{Script=Manichaean}\p{Script=Psalter_Pahlavi}\p{Script=Adlam}\p{Script=Hanifi_Rohingya}\p{Script=Sogdian}\p{Script=Phags_Pa}]/u;
/** Arabic letters that join on their right side only (Joining_Type R) or not at all (U): no join can continue past them. */
const JOINS_RIGHT_ONLY = /[\u0621-\u0625\u0627\u0629\u062f-\u0632\u0648\u0671-\u0677\u0688-\u0699\u06c0\u06c3-\u06cb\u06cd\u06cf\u06d2\u06d3\u06d5\u06ee\u06ef]/u;
/** Joining_Type T: marks and format characters a join passes through. */
const TRANSPARENT = /[\p{Mn}\p{Me}\p{Cf}]/u;

const is = (re: RegExp, c: number | undefined) => c !== undefined && re.test(String.fromCodePoint(c));

/** RFC 5892 appendix A: may the CONTEXTJ/CONTEXTO code point at `i` stand there? */
function contextAllows(label: readonly number[], i: number): boolean {
  const c = label[i]!;
  const before = label[i - 1];
  const after = label[i + 1];
  switch (c) {
    case 0x200c: {
      if (is(VIRAMA, before)) return true;
      // (Joining_Type:{L,D})(Joining_Type:T)*\u200C(Joining_Type:T)*(Joining_Type:{R,D})
      let j = i - 1;
      while (j >= 0 && is(TRANSPARENT, label[j])) j--;
      let k = i + 1;
      while (k < label.length && is(TRANSPARENT, label[k])) k++;
      return is(JOINING, label[j]) && !is(JOINS_RIGHT_ONLY, label[j]) && is(/\p{L}/u, label[j]) && is(JOINING, label[k]) && is(/\p{L}/u, label[k]) && label[k] !== 0x621;
    }
    case 0x200d:
      return is(VIRAMA, before);
    case 0x00b7: // MIDDLE DOT: between two "l"s (Catalan "l·l")
      return before === 0x6c && after === 0x6c;
    case 0x0375: // GREEK LOWER NUMERAL SIGN (KERAIA): followed by Greek
      return is(/\p{Script=Greek}/u, after);
    case 0x05f3: // HEBREW PUNCTUATION GERESH, GERSHAYIM: preceded by Hebrew
    case 0x05f4:
      return is(/\p{Script=Hebrew}/u, before);
    case 0x30fb: // KATAKANA MIDDLE DOT: with some Hiragana, Katakana or Han in the label
      return label.some((x) => is(/[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u, x));
    default: // ARABIC-INDIC digits and EXTENDED ARABIC-INDIC digits do not mix
      return c <= 0x669 ? !label.some((x) => x >= 0x6f0 && x <= 0x6f9) : !label.some((x) => x >= 0x660 && x <= 0x669);
  }
}

/** RFC 5892's derived property of a non-LDH code point: PVALID, CONTEXT (J or O, checked by contextAllows) or DISALLOWED. */
function idnaProperty(c: number): "pvalid" | "context" | "disallowed" {
  if (IDNA_PVALID_EXCEPTIONS.includes(c)) return "pvalid";
  if (IDNA_DISALLOWED_EXCEPTIONS.includes(c)) return "disallowed";
  const ch = String.fromCodePoint(c);
  if (c === 0x200c || c === 0x200d || IDNA_CONTEXTO.test(ch)) return "context";
  // Unstable: changed by NFKC case folding (upper case, compatibility forms)
  if (ch.toLowerCase() !== ch || ch.normalize("NFKC") !== ch) return "disallowed";
  return !IDNA_DISALLOWED.test(ch) && IDNA_LETTER_DIGIT.test(ch) ? "pvalid" : "disallowed";
}

const LEADING_MARK = /^\p{M}/u;

/** The code points of a string (a loop: `Array.from(s)` is many times slower). */
function codePoints(s: string): number[] {
  const points: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.codePointAt(i)!;
    points.push(c);
    if (c > 0xffff) i++;
  }
  return points;
}

/** A U-label's code points (RFC 5891 section 4.2.3, RFC 5892): NFC, hyphens, no leading mark, each code point valid in its context. */
function isULabel(label: string): boolean {
  if (label.normalize("NFC") !== label || LEADING_MARK.test(label)) return false;
  if (label.charCodeAt(0) === 45 || label.charCodeAt(label.length - 1) === 45 || (label.charCodeAt(2) === 45 && label.charCodeAt(3) === 45)) return false;
  const points = codePoints(label);
  return points.every((c, i) => {
    if (c < 128) return (isAlphanumeric(c) && (c | 32) === c) || c === 45;
    const property = idnaProperty(c);
    return property === "pvalid" || (property === "context" && contextAllows(points, i));
  });
}

const BIDI_NSM = /[\p{Mn}\p{Me}]/u;
/** The right-to-left blocks: Hebrew to Arabic Extended-A, their presentation forms, and the RTL historic scripts. */
const BIDI_R = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;
const BIDI_L = /[\p{L}\p{Mc}\p{Nd}]/u;

/**
 * The Bidi_Class of a code point as far as RFC 5893 tells them apart: "R" (R and AL), "AN", "EN",
 * "NSM", "L", or "ON" for the neutrals the rule treats alike (ES, CS, ET, ON, BN).
 */
function bidiClass(c: number): string {
  if (c < 128) return isAlphanumeric(c) ? (c <= 57 ? "EN" : "L") : "ON";
  if (c >= 0x6f0 && c <= 0x6f9) return "EN";
  if ((c >= 0x600 && c <= 0x605) || (c >= 0x660 && c <= 0x669) || c === 0x66b || c === 0x66c || c === 0x6dd || c === 0x890 || c === 0x891 || c === 0x8e2 || (c >= 0x10d30 && c <= 0x10d39) || (c >= 0x10e60 && c <= 0x10e7e)) return "AN";
  const ch = String.fromCodePoint(c);
  return BIDI_NSM.test(ch) ? "NSM" : BIDI_R.test(ch) ? "R" : BIDI_L.test(ch) ? "L" : "ON";
}

/** RFC 5893 section 2, for a domain name with a right-to-left label: every label keeps its direction's rules. */
function bidiRuleHolds(labels: readonly string[]): boolean {
  const classes = labels.map((label) => codePoints(label).map(bidiClass));
  if (!classes.some((list) => list.some((k) => k === "R" || k === "AN"))) return true;
  return classes.every((list) => {
    const rtl = list[0] === "R";
    if (!rtl && list[0] !== "L") return false;
    let last = list.length - 1;
    while (last > 0 && list[last] === "NSM") last--;
    if (rtl) return !list.includes("L") && /^(R|EN|AN)$/.test(list[last]!) && !(list.includes("EN") && list.includes("AN"));
    return !list.includes("R") && !list.includes("AN") && (list[last] === "L" || list[last] === "EN");
  });
}

/** A lowercase A-label ("xn--" + Punycode) as its U-label, or undefined unless it is the canonical encoding of a valid U-label. */
function uLabelOf(aLabel: string): string | undefined {
  const points = punycodeDecode(aLabel.slice(4));
  if (!points || points.every((c) => c < 128) || punycodeEncode(points) !== aLabel.slice(4)) return undefined;
  const label = String.fromCodePoint(...points);
  return isULabel(label) ? label : undefined;
}

/** An LDH label (RFC 1123) of 1-63 characters; one with "--" in 3rd and 4th place must be a valid A-label. */
function ldhLabel(label: string): string | undefined {
  const n = label.length;
  if (n === 0 || n > 63 || label.charCodeAt(0) === 45 || label.charCodeAt(n - 1) === 45) return undefined;
  for (let i = 0; i < n; i++) {
    const c = label.charCodeAt(i);
    if (!isAlphanumeric(c) && c !== 45) return undefined;
  }
  if (label.charCodeAt(2) !== 45 || label.charCodeAt(3) !== 45) return label;
  // A-labels compare case-insensitively (DNS does): "XN--BCHER-KVA" is "xn--bcher-kva", bücher
  return (label.charCodeAt(0) | 32) === 120 && (label.charCodeAt(1) | 32) === 110 ? uLabelOf(label.toLowerCase()) : undefined;
}

/**
 * The common host name, decided by a regular expression before the scan: labels of letters, digits
 * and inner hyphens ("a--b" too), joined by single dots, where a lookahead at each label's start
 * refuses "--" in 3rd and 4th place (an A-label's "xn--": the scan decodes it), in at most 63
 * characters (so no label is longer). Irregexp reads it at about a third of a charCodeAt scan's cost
 * a character; anything else (Punycode, long names, invalid strings) goes on to the scan. With the
 * hyphen runs in it, "a--b.example" no longer pays the expression and then the scan (alone 1.34-1.43x
 * -> 1.73-1.76x the fastest peer; in a guard of common names 2.32-2.46x -> 2.24-2.31x).
 */
const HOSTNAME_COMMON = /^(?![a-zA-Z\d][a-zA-Z\d-]--)[a-zA-Z\d]+(?:-+[a-zA-Z\d]+)*(?:\.(?![a-zA-Z\d][a-zA-Z\d-]--)[a-zA-Z\d]+(?:-+[a-zA-Z\d]+)*)*$/;

/**
 * `format: "hostname"` (RFC 1123, RFC 5890): dot-separated LDH labels of 1-63 characters, 253 at
 * most in all, no trailing dot; a Punycode label ("xn--...") must decode to a valid IDNA2008
 * U-label, and a name with right-to-left labels must keep the bidi rule (RFC 5893).
 */
export function isHostname(s: string): boolean {
  const n = s.length;
  if (n <= 63 && HOSTNAME_COMMON.test(s)) return true;
  if (n === 0 || n > 253) return false;
  const table = CHARS;
  let punycode = false;
  let start = 0;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if ((table[c]! & LDH) === 0) {
      // the common character first: one test per letter, digit or hyphen
      if (c !== 46) return false;
      const label = hostLabel(s, start, i);
      if (label === 0) return false;
      if (label === 2) punycode = true;
      start = i + 1;
    }
  }
  const label = hostLabel(s, start, n);
  if (label === 0) return false;
  if (label === 1 && !punycode) return true;
  const labels = s.split(".").map(ldhLabel);
  return labels.every((label) => label !== undefined) && bidiRuleHolds(labels as string[]);
}

/** Of an LDH label s[start..end): 0 if its length or hyphens make it no label, 2 if it has "--" in 3rd and 4th place (an A-label, maybe), else 1. */
function hostLabel(s: string, start: number, end: number): number {
  const length = end - start;
  if (length === 0 || length > 63 || s.charCodeAt(start) === 45 || s.charCodeAt(end - 1) === 45) return 0;
  return length > 3 && s.charCodeAt(start + 2) === 45 && s.charCodeAt(start + 3) === 45 ? 2 : 1;
}

/** Label separators (RFC 3490 section 3.1): full stop, ideographic, full-width and half-width ideographic full stops. */
const IDN_DOTS = /[.\u3002\uff0e\uff61]/;
const ASCII = /^[\0-\x7f]*$/;

/**
 * `format: "idn-hostname"` (RFC 5890-5893): labels separated by "." or its ideographic and
 * full-width forms; each an LDH label, an A-label, or a U-label whose code points IDNA2008 allows
 * where they stand (RFC 5892, contextual rules included), 63 octets at most as an A-label and 253
 * in all; a name with right-to-left labels keeps the bidi rule (RFC 5893).
 */
export function isIdnHostname(s: string): boolean {
  const labels: string[] = [];
  let length = -1;
  for (const label of s.split(IDN_DOTS)) {
    let u: string | undefined;
    if (ASCII.test(label)) {
      u = ldhLabel(label);
      length += label.length + 1;
    } else {
      const points = codePoints(label);
      // each code point takes at least one character of the A-label: more than 59 never fit in 63
      // (and encoding a long label would cost time quadratic in its length)
      if (points.length > 59) return false;
      const aLength = 4 + punycodeEncode(points).length;
      if (aLength > 63) return false;
      u = isULabel(label) ? label : undefined;
      length += aLength + 1;
    }
    if (u === undefined) return false;
    labels.push(u);
  }
  return length <= 253 && bidiRuleHolds(labels);
}
