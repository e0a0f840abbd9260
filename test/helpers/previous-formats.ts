/**
 * The format checks of templates/runtime/formats.ts as they were before they became charCode scans
 * over one class table (date, date-time, time's leap second, uuid, ipv4, duration, ipv6, hostname, uri, uri-reference, iri, iri-reference,
 * uri-template; email, issue 14): copied here, unchanged but for the `export`s, as the oracles of
 * test/templates/formats-previous.test.ts. The JSON-Schema-Test-Suite passed in full with these, so
 * the new checks must answer as they do on every string. Not shipped.
 */
/* eslint-disable */

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

function twoDigits(s: string, i: number): number {
  const a = s.charCodeAt(i) - 48;
  const b = s.charCodeAt(i + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

function timeAt(s: string, i: number): boolean {
  const n = s.length;
  if (n < i + 9 || s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58) return false;
  const hour = twoDigits(s, i);
  const minute = twoDigits(s, i + 3);
  const second = twoDigits(s, i + 6);
  if (hour < 0 || minute < 0 || second < 0 || hour > 23 || minute > 59) return false;
  let j = i + 8;
  let c = s.charCodeAt(j);
  if (c === 46) {
    const start = ++j;
    // Past the end, c is NaN: the loop stops and no offset matches it.
    for (c = s.charCodeAt(j); c >= 48 && c <= 57; c = s.charCodeAt(++j));
    if (j === start) return false;
  }
  if (c === 90 || c === 122) return j + 1 === n && (second <= 59 || (hour === 23 && minute === 59 && second === 60));
  // time-numoffset: "+01:00"; "+01" and "+0100" are ISO 8601, not RFC 3339
  if (c !== 43 && c !== 45) return false;
  const offsetHour = twoDigits(s, j + 1);
  const offsetMinute = twoDigits(s, j + 4);
  if (offsetHour < 0 || offsetMinute < 0 || offsetHour > 23 || offsetMinute > 59 || s.charCodeAt(j + 3) !== 58 || j + 6 !== n) return false;
  if (second <= 59) return true;
  const sign = c === 45 ? -1 : 1;
  const utcMinute = minute - offsetMinute * sign;
  const utcHour = hour - offsetHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second === 60;
}

/** `format: "time"` before. */
export function isTime(s: string): boolean {
  return timeAt(s, 0);
}

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

function dateAt(s: string, i: number): boolean {
  if (s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return false;
  const y1 = twoDigits(s, i);
  const y2 = twoDigits(s, i + 2);
  const month = twoDigits(s, i + 5);
  const day = twoDigits(s, i + 8);
  if ((y1 | y2) < 0 || month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(y1 * 100 + y2) ? 29 : DAYS[month]!);
}

/** `format: "date"` before (issue 14 read its fields in one block). */
export function isDate(s: string): boolean {
  return s.length === 10 && dateAt(s, 0);
}

/** `format: "date-time"` before: the date's check, then the time's. */
export function isDateTime(s: string): boolean {
  const t = s.charCodeAt(10);
  return (t === 84 || t === 116 || t === 32) && dateAt(s, 0) && timeAt(s, 11);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `format: "uuid"` before: one expression. */
export function isUuid(s: string): boolean {
  return s.length === 36 && UUID.test(s);
}

const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/** `format: "ipv4"` before: ajv-formats' expression. */
export function isIpv4(s: string): boolean {
  return IPV4.test(s);
}

const DURATION = /^P(?:(?:\d+D|\d+M(?:\d+D)?|\d+Y(?:\d+M(?:\d+D)?)?)(?:T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S))?|T(?:\d+H(?:\d+M(?:\d+S)?)?|\d+M(?:\d+S)?|\d+S)|\d+W)$/;

/** `format: "duration"` before: one expression. */
export function isDuration(s: string): boolean {
  return DURATION.test(s);
}

export function isIpv6(s: string): boolean {
  const n = s.length;
  let groups = 0;
  let compressed = false;
  let i = 0;
  if (s.charCodeAt(0) === 58) {
    if (s.charCodeAt(1) !== 58) return false;
    compressed = true;
    i = 2;
  }
  while (i < n) {
    const start = i;
    while (i < n && i - start < 4 && isHex(s.charCodeAt(i))) i++;
    if (i === start) return false;
    if (s.charCodeAt(i) === 46) {
      if (!isIpv4(s.slice(start))) return false;
      groups += 2;
      break;
    }
    groups++;
    if (i === n) break;
    if (s.charCodeAt(i++) !== 58 || i === n) return false;
    if (s.charCodeAt(i) === 58) {
      if (compressed) return false;
      compressed = true;
      i++;
    }
  }
  return compressed ? groups < 8 : groups === 8;
}

const UNRESERVED = 1; // ALPHA DIGIT - . _ ~
const SUB_DELIM = 2; // ! $ & ' ( ) * + , ; =
const COLON = 4;
const AT = 8;
const SLASH = 16;
const QUESTION = 32;
const PCHAR = UNRESERVED | SUB_DELIM | COLON | AT;

const URI_CLASSES = /*#__PURE__*/ (() => {
  const table = new Uint8Array(128);
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
  return table;
})();

function isUcschar(c: number): boolean {
  if (c < 0x10000) return (c >= 0xa0 && c <= 0xd7ff) || (c >= 0xf900 && c <= 0xfdcf) || (c >= 0xfdf0 && c <= 0xffef);
  return c <= 0xefffd && (c & 0xfffe) !== 0xfffe && (c < 0xe0000 || c >= 0xe1000);
}

function isIprivate(c: number): boolean {
  return (c >= 0xe000 && c <= 0xf8ff) || (c >= 0xf0000 && c <= 0xffffd) || (c >= 0x100000 && c <= 0x10fffd);
}

function scanUriPart(s: string, i: number, end: number, classes: number, iri: boolean, iprivate: boolean): number {
  while (i < end) {
    const c = s.charCodeAt(i);
    if (c < 128) {
      if (URI_CLASSES[c]! & classes) i++;
      else if (c !== 37) return i;
      else if (isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) i += 3;
      else return -1;
    } else {
      const cp = s.codePointAt(i)!;
      if (!iri || !(isUcschar(cp) || (iprivate && isIprivate(cp)))) return i;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return i;
}

const IP_FUTURE = /^v[0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+$/i;

function isUriLike(s: string, iri: boolean, absolute: boolean): boolean {
  const n = s.length;
  let i = 0;
  // scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":"
  if (isAlphanumeric(s.charCodeAt(0)) && digitAt(s, 0) < 0) {
    let j = 1;
    for (let c = s.charCodeAt(j); isAlphanumeric(c) || c === 43 || c === 45 || c === 46; c = s.charCodeAt(++j));
    if (s.charCodeAt(j) === 58) i = j + 1;
  }
  if (absolute && i === 0) return false;
  if (s.charCodeAt(i) === 47 && s.charCodeAt(i + 1) === 47) {
    // authority = [ userinfo "@" ] host [ ":" port ], up to the path, query or fragment
    i += 2;
    let end = i;
    for (let c = s.charCodeAt(end); end < n && c !== 47 && c !== 63 && c !== 35; c = s.charCodeAt(++end));
    const at = s.indexOf("@", i);
    if (at >= 0 && at < end) {
      if (scanUriPart(s, i, at, UNRESERVED | SUB_DELIM | COLON, iri, false) !== at) return false;
      i = at + 1;
    }
    if (s.charCodeAt(i) === 91) {
      const close = s.indexOf("]", i);
      if (close < 0 || close > end) return false;
      const literal = s.slice(i + 1, close);
      if (!isIpv6(literal) && !IP_FUTURE.test(literal)) return false;
      i = close + 1;
    } else {
      i = scanUriPart(s, i, end, UNRESERVED | SUB_DELIM, iri, false);
      if (i < 0) return false;
    }
    if (s.charCodeAt(i) === 58) for (i++; i < end && digitAt(s, i) >= 0; i++);
    if (i !== end) return false;
  } else if (i === 0) {
    // a relative-path reference: no ":" in its first segment, or it would read as a scheme
    for (let c = s.charCodeAt(i); i < n && c !== 47 && c !== 63 && c !== 35; c = s.charCodeAt(++i)) if (c === 58) return false;
    i = 0;
  }
  i = scanUriPart(s, i, n, PCHAR | SLASH, iri, false);
  if (i >= 0 && s.charCodeAt(i) === 63) i = scanUriPart(s, i + 1, n, PCHAR | SLASH | QUESTION, iri, true);
  if (i >= 0 && s.charCodeAt(i) === 35) i = scanUriPart(s, i + 1, n, PCHAR | SLASH | QUESTION, iri, false);
  return i === n;
}

export const isUri = (s: string): boolean => isUriLike(s, false, true);
export const isUriReference = (s: string): boolean => isUriLike(s, false, false);
export const isIri = (s: string): boolean => isUriLike(s, true, true);
export const isIriReference = (s: string): boolean => isUriLike(s, true, false);

export function isUriTemplate(s: string): boolean {
  const n = s.length;
  for (let i = 0; i < n; ) {
    const c = s.charCodeAt(i);
    if (c === 123) {
      i++;
      if (i < n && "+#./;?&=,!@|".includes(s[i]!)) i++;
      for (;;) {
        const start = i;
        let dot = true;
        for (;;) {
          const d = s.charCodeAt(i);
          if (isAlphanumeric(d) || d === 95) i++;
          else if (d === 37 && isHex(s.charCodeAt(i + 1)) && isHex(s.charCodeAt(i + 2))) i += 3;
          else if (d === 46 && !dot) i++;
          else break;
          dot = d === 46;
        }
        if (i === start || dot) return false;
        if (s.charCodeAt(i) === 58) {
          const digits = ++i;
          if (s.charCodeAt(i) === 48) return false;
          while (i < n && i - digits < 4 && digitAt(s, i) >= 0) i++;
          if (i === digits) return false;
        } else if (s.charCodeAt(i) === 42) i++;
        const d = s.charCodeAt(i++);
        if (d === 125) break;
        if (d !== 44) return false;
      }
    } else if (c === 37) {
      if (!isHex(s.charCodeAt(i + 1)) || !isHex(s.charCodeAt(i + 2))) return false;
      i += 3;
    } else if (c < 128) {
      // a URI's characters, "#", "[" and "]": not CTL, SP, DQUOTE, "<", ">", "\\", "^", "`", "{", "|", "}"
      if (URI_CLASSES[c] === 0 && c !== 35 && c !== 91 && c !== 93) return false;
      i++;
    } else {
      const cp = s.codePointAt(i)!;
      if (!isUcschar(cp) && !isIprivate(cp)) return false;
      i += cp > 0xffff ? 2 : 1;
    }
  }
  return true;
}

export function isHostname(s: string, punycodeName: (s: string) => boolean): boolean {
  if (s.length === 0 || s.length > 253) return false;
  let punycode = false;
  let start = 0;
  for (let i = 0; i <= s.length; i++) {
    const c = i < s.length ? s.charCodeAt(i) : 46;
    if (c === 46) {
      const length = i - start;
      if (length === 0 || length > 63 || s.charCodeAt(start) === 45 || s.charCodeAt(i - 1) === 45) return false;
      if (s.charCodeAt(start + 2) === 45 && s.charCodeAt(start + 3) === 45 && length > 3) punycode = true;
      start = i + 1;
    } else if (!isAlphanumeric(c) && c !== 45) return false;
  }
  if (!punycode) return true;
  // (unchanged since, and not exported: the runtime's idn-hostname check says the same on such ASCII names)
  return punycodeName(s);
}

// `format: "email"` before it became one loop per part over 64 KB class tables (issue 14): copied
// unchanged but for the export and the table's name.
const EMAIL_HEX = 1;
const EMAIL_LDH = 2;
const EMAIL_ATEXT = 4;

const EMAIL_CHARS = /*#__PURE__*/ (() => {
  const table = new Uint8Array(128);
  const set = (chars: string, bits: number) => {
    for (const ch of chars) table[ch.charCodeAt(0)]! |= bits;
  };
  const hex = "0123456789abcdefABCDEF";
  set(hex, EMAIL_HEX);
  set(hex + "ghijklmnopqrstuvwxyzGHIJKLMNOPQRSTUVWXYZ", EMAIL_LDH | EMAIL_ATEXT);
  set("-", EMAIL_LDH | EMAIL_ATEXT);
  set("!#$%&'*+/=?^_`{|}~", EMAIL_ATEXT);
  return table;
})();

function codeAt(s: string, i: number): number {
  return i < s.length ? s.charCodeAt(i) : -1;
}

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
  const table = EMAIL_CHARS;
  for (;;) {
    const start = i;
    let c = 0;
    for (; i < n; i++) {
      c = s.charCodeAt(i);
      if (c < 128 ? (table[c]! & EMAIL_ATEXT) === 0 : !unicode) break;
    }
    if (i === start || i === n) return -1;
    if (c === 64) return i;
    if (c !== 46) return -1;
    i++;
  }
}

function isAddressLiteral(a: string): boolean {
  return a.slice(0, 5).toLowerCase() === "ipv6:" ? isIpv6(a.slice(5)) : isIpv4(a);
}

/** `format: "email"` before: a local part scan, then one loop per domain label. */
export function isEmail(s: string): boolean {
  const at = localPartEnd(s, false);
  if (at < 1 || at > 64) return false;
  const n = s.length;
  let i = at + 1;
  if (codeAt(s, i) === 91) return s.charCodeAt(n - 1) === 93 && isAddressLiteral(s.slice(i + 1, n - 1));
  // domain: two or more labels
  const table = EMAIL_CHARS;
  for (let dots = 0; ; dots++) {
    const start = i;
    let c = 0;
    for (; i < n; i++) {
      c = s.charCodeAt(i);
      if (c >= 128 || (table[c]! & EMAIL_LDH) === 0) break;
    }
    if (i === start || s.charCodeAt(start) === 45 || s.charCodeAt(i - 1) === 45) return false;
    if (i === n) return dots > 0;
    if (c !== 46) return false;
    i++;
  }
}
