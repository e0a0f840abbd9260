/**
 * Where ajv-formats is looser than the RFCs, and the generated guards (templates/runtime/formats.ts)
 * follow the RFCs and the JSON-Schema-Test-Suite instead: for each such format, what the RFC adds
 * to ajv-formats' answer. Tests that use ajv as the oracle narrow its formats with these.
 */
import { fullFormats } from "ajv-formats/dist/formats";

/** RFC 3339 section 5.6: a numeric offset has its minutes ("+01:00", not "+01" or "+0100"). */
const offsetWithMinutes = (s: string) => /(?:[zZ]|[+-]\d\d:\d\d)$/.test(s);

export const RFC_ALSO_SAYS: Record<string, (s: string) => boolean> = {
  // ... "T", "t" or a space between date and time (ajv-formats takes any white space), and an
  // hour of at most 23, a leap second included (ajv-formats lets "24:59:60+01:00" through)
  "date-time": (s) => offsetWithMinutes(s) && /^.{10}[Tt ]/.test(s) && !/^.{11}24/.test(s),
  time: (s) => offsetWithMinutes(s) && !s.startsWith("24"),
  // RFC 4122's string form has no "urn:uuid:" prefix
  uuid: (s) => s.length === 36,
  // RFC 5321 section 4.5.3.1.1: a local part of at most 64 octets
  email: (s) => s.indexOf("@") <= 64,
};

/** ajv-formats' check for a format, as a function. */
export function ajvFormat(name: keyof typeof fullFormats): (s: string) => boolean {
  const def = fullFormats[name] as unknown;
  if (def instanceof RegExp) return (s: string) => def.test(s);
  if (typeof def === "function") return def as (s: string) => boolean;
  return (def as { validate: (s: string) => boolean }).validate;
}

/** ajv-formats' checks narrowed by RFC_ALSO_SAYS, for `ajv.addFormat`. */
export function rfcNarrowedFormats(): [string, (s: string) => boolean][] {
  return Object.entries(RFC_ALSO_SAYS).map(([name, rfc]) => {
    const ajv = ajvFormat(name as keyof typeof fullFormats);
    return [name, (s: string) => ajv(s) && rfc(s)];
  });
}
