/**
 * Synthesized strings for a schema's `pattern` and `format`: every sample matches its pattern
 * (the RegExp the guards use, `u` flag), for many seeds (fast-check); patterns beyond the sampler
 * (lookarounds, backreferences) give undefined; every format sample passes ajv-formats.
 */
import fc from "fast-check";
import addFormats from "ajv-formats";
import Ajv2020 from "ajv/dist/2020";
import { mulberry32 } from "../../generator/mock-server/faults";
import { samplePattern } from "../../generator/mock-server/pattern-sample";
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

  test.each(["^(?=a)a$", "^(a)\\1$", "\\bword\\b", "\\p{L}+"])("%s is beyond the sampler: undefined", (pattern) => {
    expect(samplePattern(pattern, mulberry32(1))).toBeUndefined();
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
