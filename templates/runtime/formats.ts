/**
 * `format` checks, written to agree exactly with ajv-formats ("full" mode) on every string.
 * The hot ones (uuid, email, date, time, date-time) are character-level scans instead of a big
 * regular expression plus `Date.parse`: that is where a guard's speed comes from. The rest reuse
 * ajv-formats' expressions, so behaviour matches it by construction.
 */

const DAYS = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The digit at `i` (0-9), or -1. */
function digitAt(s: string, i: number): number {
  const c = s.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/** Two digits at `i` as a number, or -1. */
function twoDigits(s: string, i: number): number {
  const a = digitAt(s, i);
  const b = digitAt(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

/** RFC 3339 full-date at s[i..i+10): "2024-02-29", with real days per month. */
function dateAt(s: string, i: number): boolean {
  const y1 = twoDigits(s, i);
  const y2 = twoDigits(s, i + 2);
  const month = twoDigits(s, i + 5);
  const day = twoDigits(s, i + 8);
  if (y1 < 0 || y2 < 0 || month < 0 || day < 0 || s.charCodeAt(i + 4) !== 45 || s.charCodeAt(i + 7) !== 45) return false;
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(y1 * 100 + y2) ? 29 : DAYS[month]!);
}

/** `format: "date"`. */
export function isDate(s: string): boolean {
  return s.length === 10 && dateAt(s, 0);
}

/**
 * RFC 3339 full-time from s[i] to the end: "23:59:60.5+01:00". The offset is required; a leap
 * second is accepted only at 23:59 UTC (ajv-formats' rule, offset included).
 */
function timeAt(s: string, i: number): boolean {
  const n = s.length;
  if (n < i + 9 || s.charCodeAt(i + 2) !== 58 || s.charCodeAt(i + 5) !== 58) return false;
  const hour = twoDigits(s, i);
  const minute = twoDigits(s, i + 3);
  const second = twoDigits(s, i + 6);
  if (hour < 0 || minute < 0 || second < 0) return false;
  let j = i + 8;
  if (s.charCodeAt(j) === 46) {
    j++;
    const start = j;
    while (j < n && digitAt(s, j) >= 0) j++;
    if (j === start) return false;
  }
  if (j >= n) return false;
  let sign = 1;
  let offsetHour = 0;
  let offsetMinute = 0;
  const c = s.charCodeAt(j);
  if (c === 90 || c === 122) {
    if (j + 1 !== n) return false;
  } else if (c === 43 || c === 45) {
    sign = c === 45 ? -1 : 1;
    offsetHour = twoDigits(s, j + 1);
    if (offsetHour < 0) return false;
    j += 3;
    if (j < n) {
      if (s.charCodeAt(j) === 58) j++;
      offsetMinute = twoDigits(s, j);
      if (offsetMinute < 0 || j + 2 !== n) return false;
    }
  } else return false;
  if (offsetHour > 23 || offsetMinute > 59) return false;
  if (hour <= 23 && minute <= 59 && second <= 59) return true;
  const utcMinute = minute - offsetMinute * sign;
  const utcHour = hour - offsetHour * sign - (utcMinute < 0 ? 1 : 0);
  return (utcHour === 23 || utcHour === -1) && (utcMinute === 59 || utcMinute === -1) && second <= 60;
}

/** `format: "time"`. */
export function isTime(s: string): boolean {
  return timeAt(s, 0);
}

/** Whitespace as JavaScript's `\s` sees it: ajv-formats splits date-time on `t` or `\s`. */
function isSeparator(c: number): boolean {
  if (c === 84 || c === 116 || c === 32 || (c >= 9 && c <= 13)) return true;
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** `format: "date-time"`: "2024-02-29T23:59:59.123Z". */
export function isDateTime(s: string): boolean {
  return s.length > 10 && isSeparator(s.charCodeAt(10)) && dateAt(s, 0) && timeAt(s, 11);
}

function isHex(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 102);
}

/** `format: "uuid"`: 8-4-4-4-12 hex digits, any case, optionally after "urn:uuid:". */
export function isUuid(s: string): boolean {
  let i = 0;
  if (s.length === 45) {
    if (s.slice(0, 9).toLowerCase() !== "urn:uuid:") return false;
    i = 9;
  } else if (s.length !== 36) return false;
  for (let k = 0; k < 36; k++) {
    const c = s.charCodeAt(i + k);
    if (k === 8 || k === 13 || k === 18 || k === 23) {
      if (c !== 45) return false;
    } else if (!isHex(c)) return false;
  }
  return true;
}

/** ASCII letters and digits. */
function isAlphanumeric(c: number): boolean {
  return (c >= 48 && c <= 57) || ((c | 32) >= 97 && (c | 32) <= 122);
}

/** RFC 5322 atext: letters, digits and !#$%&'*+/=?^_`{|}~- */
const ATEXT = (() => {
  const table = new Uint8Array(128);
  for (let c = 0; c < 128; c++) if (isAlphanumeric(c)) table[c] = 1;
  for (const ch of "!#$%&'*+/=?^_`{|}~-") table[ch.charCodeAt(0)] = 1;
  return table;
})();

/**
 * `format: "email"`: dot-separated atext runs, "@", then two or more dot-separated labels of
 * letters, digits and inner hyphens (ajv-formats' full email expression, scanned by hand).
 */
export function isEmail(s: string): boolean {
  const n = s.length;
  let i = 0;
  // local part: atext runs separated by single dots
  for (;;) {
    const start = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (c >= 128 || ATEXT[c] !== 1) break;
      i++;
    }
    if (i === start || i >= n) return false;
    const c = s.charCodeAt(i);
    if (c === 64) break;
    if (c !== 46) return false;
    i++;
  }
  i++;
  // domain: at least two labels
  let labels = 0;
  for (;;) {
    const start = i;
    while (i < n) {
      const c = s.charCodeAt(i);
      if (!isAlphanumeric(c) && c !== 45) break;
      i++;
    }
    if (i === start || s.charCodeAt(start) === 45 || s.charCodeAt(i - 1) === 45) return false;
    labels++;
    if (i === n) return labels >= 2;
    if (s.charCodeAt(i) !== 46) return false;
    i++;
  }
}

// The remaining formats: ajv-formats' own expressions.
const DURATION = /^P(?!$)((\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+S)?)?|(\d+W)?)$/;
const HOSTNAME = /^(?=.{1,253}\.?$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[-0-9a-z]{0,61}[0-9a-z])?)*\.?$/i;
const IPV4 = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;
const IPV6 =
  /^((([0-9a-f]{1,4}:){7}([0-9a-f]{1,4}|:))|(([0-9a-f]{1,4}:){6}(:[0-9a-f]{1,4}|((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){5}(((:[0-9a-f]{1,4}){1,2})|:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3})|:))|(([0-9a-f]{1,4}:){4}(((:[0-9a-f]{1,4}){1,3})|((:[0-9a-f]{1,4})?:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){3}(((:[0-9a-f]{1,4}){1,4})|((:[0-9a-f]{1,4}){0,2}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){2}(((:[0-9a-f]{1,4}){1,5})|((:[0-9a-f]{1,4}){0,3}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(([0-9a-f]{1,4}:){1}(((:[0-9a-f]{1,4}){1,6})|((:[0-9a-f]{1,4}){0,4}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:))|(:(((:[0-9a-f]{1,4}){1,7})|((:[0-9a-f]{1,4}){0,5}:((25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}))|:)))$/i;
const NOT_URI_FRAGMENT = /\/|:/;
const URI =
  /^(?:[a-z][a-z0-9+\-.]*:)(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'()*+,;=:@]|%[0-9a-f]{2})*)*)(?:\?(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const URI_REFERENCE =
  /^(?:[a-z][a-z0-9+\-.]*:)?(?:\/?\/(?:(?:[a-z0-9\-._~!$&'()*+,;=:]|%[0-9a-f]{2})*@)?(?:\[(?:(?:(?:(?:[0-9a-f]{1,4}:){6}|::(?:[0-9a-f]{1,4}:){5}|(?:[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){4}|(?:(?:[0-9a-f]{1,4}:){0,1}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){3}|(?:(?:[0-9a-f]{1,4}:){0,2}[0-9a-f]{1,4})?::(?:[0-9a-f]{1,4}:){2}|(?:(?:[0-9a-f]{1,4}:){0,3}[0-9a-f]{1,4})?::[0-9a-f]{1,4}:|(?:(?:[0-9a-f]{1,4}:){0,4}[0-9a-f]{1,4})?::)(?:[0-9a-f]{1,4}:[0-9a-f]{1,4}|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?))|(?:(?:[0-9a-f]{1,4}:){0,5}[0-9a-f]{1,4})?::[0-9a-f]{1,4}|(?:(?:[0-9a-f]{1,4}:){0,6}[0-9a-f]{1,4})?::)|[Vv][0-9a-f]+\.[a-z0-9\-._~!$&'()*+,;=:]+)\]|(?:(?:25[0-5]|2[0-4]\d|[01]?\d\d?)\.){3}(?:25[0-5]|2[0-4]\d|[01]?\d\d?)|(?:[a-z0-9\-._~!$&'"()*+,;=]|%[0-9a-f]{2})*)(?::\d*)?(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*|\/(?:(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?|(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})+(?:\/(?:[a-z0-9\-._~!$&'"()*+,;=:@]|%[0-9a-f]{2})*)*)?(?:\?(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?(?:#(?:[a-z0-9\-._~!$&'"()*+,;=:@/?]|%[0-9a-f]{2})*)?$/i;
const JSON_POINTER = /^(?:\/(?:[^~/]|~0|~1)*)*$/;
const Z_ANCHOR = /[^\\]\\Z/;

/** `format: "duration"` (ISO 8601, RFC 3339 appendix A). */
export function isDuration(s: string): boolean {
  return DURATION.test(s);
}

/** `format: "hostname"`. */
export function isHostname(s: string): boolean {
  return HOSTNAME.test(s);
}

/** `format: "ipv4"`: dotted quad, no leading zeros. */
export function isIpv4(s: string): boolean {
  return IPV4.test(s);
}

/** `format: "ipv6"`. */
export function isIpv6(s: string): boolean {
  return IPV6.test(s);
}

/** `format: "uri"`: absolute URI. */
export function isUri(s: string): boolean {
  return NOT_URI_FRAGMENT.test(s) && URI.test(s);
}

/** `format: "uri-reference"`. */
export function isUriReference(s: string): boolean {
  return URI_REFERENCE.test(s);
}

/** `format: "json-pointer"`. */
export function isJsonPointer(s: string): boolean {
  return JSON_POINTER.test(s);
}

/** `format: "regex"`: compiles as an ECMAScript regular expression. */
export function isRegex(s: string): boolean {
  if (Z_ANCHOR.test(s)) return false;
  try {
    new RegExp(s);
    return true;
  } catch {
    return false;
  }
}

const RELATIVE_JSON_POINTER = /^(?:0|[1-9][0-9]*)(?:#|(?:\/(?:[^~/]|~0|~1)*)*)$/;
const URI_TEMPLATE = /^(?:(?:[^\x00-\x20"'<>%\\^`{|}]|%[0-9a-f]{2})|\{[+#./;?&=,!@|]?(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?(?:,(?:[a-z0-9_]|%[0-9a-f]{2})+(?::[1-9][0-9]{0,3}|\*)?)*\})*$/i;

/** `format: "relative-json-pointer"`. */
export function isRelativeJsonPointer(s: string): boolean {
  return RELATIVE_JSON_POINTER.test(s);
}

/** `format: "uri-template"` (RFC 6570). */
export function isUriTemplate(s: string): boolean {
  return URI_TEMPLATE.test(s);
}
