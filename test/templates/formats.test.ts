/**
 * templates/runtime/formats.ts, case by case, and against ajv-formats itself on strings built to
 * sit near each format's edges: the character-level checks must say exactly what ajv-formats says.
 */
import fc from "fast-check";
import { fullFormats } from "ajv-formats/dist/formats";
import * as formats from "../../templates/runtime/formats";

const ajvCheck = (name: keyof typeof fullFormats) => {
  const def = fullFormats[name] as unknown;
  if (def instanceof RegExp) return (s: string) => def.test(s);
  if (typeof def === "function") return def as (s: string) => boolean;
  return (def as { validate: (s: string) => boolean }).validate;
};

test.each<[string, (s: string) => boolean, string, boolean]>([
  ["date", formats.isDate, "2024-02-29", true],
  ["date", formats.isDate, "2023-02-29", false],
  ["date", formats.isDate, "2000-02-29", true],
  ["date", formats.isDate, "1900-02-29", false],
  ["date", formats.isDate, "2024-04-31", false],
  ["date", formats.isDate, "2024-13-01", false],
  ["date", formats.isDate, "2024-1-01", false],
  ["time", formats.isTime, "23:59:60Z", true],
  ["time", formats.isTime, "22:59:60Z", false],
  ["time", formats.isTime, "08:30:06.283185+01:00", true],
  ["time", formats.isTime, "08:30:06", false],
  ["time", formats.isTime, "08:30:06+24:00", false],
  ["date-time", formats.isDateTime, "1963-06-19T08:30:06.283185Z", true],
  ["date-time", formats.isDateTime, "1963-06-19 08:30:06Z", true],
  ["date-time", formats.isDateTime, "1963-06-19T08:30:06", false],
  ["date-time", formats.isDateTime, "1963-06-19T08:30:06Z\n", false],
  ["uuid", formats.isUuid, "2eb8aa08-aa98-11ea-b4aa-73b441d16380", true],
  ["uuid", formats.isUuid, "2EB8AA08-AA98-11EA-B4AA-73B441D16380", true],
  ["uuid", formats.isUuid, "2eb8aa08-aa98-11ea-b4aa-73b441d1638", false],
  ["uuid", formats.isUuid, "2eb8aa08aa9811eab4aa73b441d16380xxxx", false],
  ["email", formats.isEmail, "joe.bloggs@example.com", true],
  ["email", formats.isEmail, "joe..bloggs@example.com", false],
  ["email", formats.isEmail, "joe@localhost", false],
  ["email", formats.isEmail, "joe@-example.com", false],
  ["email", formats.isEmail, "té@example.com", false],
  ["duration", formats.isDuration, "P4DT12H30M5S", true],
  ["duration", formats.isDuration, "PT", false],
  ["ipv4", formats.isIpv4, "192.168.0.1", true],
  ["ipv4", formats.isIpv4, "192.168.0.01", false],
  ["ipv6", formats.isIpv6, "::1", true],
  ["hostname", formats.isHostname, "www.example.com", true],
  ["uri", formats.isUri, "https://example.com/a?b#c", true],
  ["uri", formats.isUri, "//example.com", false],
  ["uri-reference", formats.isUriReference, "/a/b", true],
  ["json-pointer", formats.isJsonPointer, "/a~1b/0", true],
  ["json-pointer", formats.isJsonPointer, "a", false],
  ["regex", formats.isRegex, "^a+$", true],
  ["regex", formats.isRegex, "^(abc]", false],
])("%s %j → %s", (_name, check, input, expected) => {
  expect(check(input)).toBe(expected);
});

const seed = process.env.CI ? 4242 : Date.now() % 1e9;
const near = (alphabet: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet.split("")), maxLength });

test.each<[string, keyof typeof fullFormats, (s: string) => boolean, fc.Arbitrary<string>]>([
  ["date-time", "date-time", formats.isDateTime, fc.oneof(near("0123456789-:.TtZz+ ", 30), fc.date({ noInvalidDate: true }).map((d) => d.toISOString()))],
  ["date", "date", formats.isDate, near("0123456789-", 12)],
  ["time", "time", formats.isTime, near("0123456789:.Zz+-", 20)],
  ["uuid", "uuid", formats.isUuid, fc.oneof(near("0123456789abcdefABCDEF-urn:", 46), fc.uuid())],
  ["email", "email", formats.isEmail, fc.oneof(near("ab1.-_@+", 14), fc.emailAddress())],
])(`%s agrees with ajv-formats on generated strings (seed ${seed})`, (_name, ajvName, check, strings) => {
  const ajv = ajvCheck(ajvName);
  fc.assert(fc.property(strings, (s) => check(s) === ajv(s)), { numRuns: 3000, seed });
});
