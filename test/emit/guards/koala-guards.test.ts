/**
 * The Koala guards on hand-written payloads: validity agrees with ajv (Ajv2020 + ajv-formats), the
 * error list says where and why, assert throws, Standard Schema works, `__proto__` pollutes nothing.
 */
import { KOALA_SCHEMA } from "../../helpers/paths";
import { ajvFor, guardsFor, type Guards } from "../../helpers/guards";
import { INVALID_BATCH, VALID_BATCH } from "../../../scripts/lib/koala-payloads";
import { readFileSync } from "node:fs";

let g: Guards;
const schema = JSON.parse(readFileSync(KOALA_SCHEMA, "utf8"));
const ajv = ajvFor(schema, true);

beforeAll(async () => {
  g = await guardsFor(KOALA_SCHEMA);
});

const clone = <T>(v: T): T => JSON.parse(JSON.stringify(v));

test.each<[string, unknown]>([
  ["the realistic batch", VALID_BATCH],
  ["email only", { email: "a@b.co" }],
  ["profile_id only, urn form", { profile_id: "urn:uuid:3E6A2C18-3B02-40C4-B8D2-1842C193D3BA" }],
  ["neither profile_id nor email", { events: [] }],
  ["not an object", [1]],
  ["null", null],
  ["the invalid batch", INVALID_BATCH],
  ["31 events", { email: "a@b.co", events: Array.from({ length: 31 }, () => ({ type: "track", event: "e" })) }],
  ["leap second at 23:59:60Z", { email: "a@b.co", events: [{ type: "track", event: "e", sent_at: "2016-12-31T23:59:60Z" }] }],
  ["leap second with an offset", { email: "a@b.co", events: [{ type: "track", event: "e", sent_at: "2016-12-31T18:59:60-05:00" }] }],
  ["lowercase t and z", { email: "a@b.co", events: [{ type: "track", event: "e", sent_at: "2016-12-31t10:00:00z" }] }],
  ["date-time without offset", { email: "a@b.co", events: [{ type: "track", event: "e", sent_at: "2016-12-31T10:00:00" }] }],
  ["email with a dot at the end", { email: "a.@b.co" }],
  ["extra keys are allowed", { email: "a@b.co", extra: { deep: [1, 2] } }],
  ["__proto__ as data", JSON.parse('{"email":"a@b.co","__proto__":{"polluted":true}}')],
  ["__proto__ hides a bad property", JSON.parse('{"profile_id":"bad","__proto__":{"email":"a@b.co"}}')],
])("%s: isX and validateX agree with ajv", (_name, value) => {
  const expected = ajv(value);
  expect(g.isKoalaProfileBatchRequest!(value)).toBe(expected);
  const result = g.validateKoalaProfileBatchRequest!(value);
  expect(result.ok).toBe(expected);
  if (!result.ok) expect(result.errors.length).toBeGreaterThan(0);
  else expect(result.value).toBe(value);
});

test("every error of the invalid batch, with JSON Pointer paths and schema paths", () => {
  const result = g.validateKoalaProfileBatchRequest!(clone(INVALID_BATCH));
  expect(result.ok).toBe(false);
  const summary = result.errors.map((e: any) => `${e.path} ${e.keyword} ${e.schemaPath}`);
  expect(summary).toEqual([
    "/profile_id format #/properties/profile_id/format",
    "/events/1 required #/$defs/TrackEvent/required",
    "/events/1/type const #/$defs/TrackEvent/properties/type/const",
    "/events/1/sent_at format #/$defs/TrackEvent/properties/sent_at/format",
    "/identifies/0/traits/email format #/$defs/IdentifyCall/properties/traits/properties/email/format",
    "/identifies/0/traits/vip type #/$defs/IdentifyCall/properties/traits/properties/vip/type",
    "/page_views/0/sent_at type #/$defs/PageView/properties/sent_at/type",
  ]);
  // ajv finds the same failing locations.
  ajv(clone(INVALID_BATCH));
  const ajvPaths = new Set(ajv.errors!.map((e) => e.instancePath));
  expect(new Set(result.errors.map((e: any) => e.path))).toEqual(ajvPaths);
});

test("assertX throws a SchemaValidationError with every error and a readable message", () => {
  expect(() => g.assertKoalaProfileBatchRequest!(VALID_BATCH)).not.toThrow();
  let thrown: any;
  try {
    g.assertKoalaProfileBatchRequest!(clone(INVALID_BATCH));
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(Error);
  expect(thrown.name).toBe("SchemaValidationError");
  expect(thrown.errors).toHaveLength(7);
  expect(thrown.message).toMatch(/^not a valid KoalaProfileBatchRequest: \/profile_id must match format "uuid"; /);
  expect(thrown.message).toMatch(/and 2 more$/);
});

test("Standard Schema v1: ~standard.validate gives value or issues with paths", async () => {
  const standard = (g.KoalaProfileBatchRequestSchema as any)["~standard"];
  expect(standard.version).toBe(1);
  expect(standard.vendor).toBe("koala-codegen");
  expect(await standard.validate(VALID_BATCH)).toEqual({ value: VALID_BATCH });
  const failure = await standard.validate({ email: "a@b.co", events: [{ type: "track" }] });
  expect(failure.issues).toEqual([{ message: "must have required property 'event'", path: ["events", 0] }]);
});

test("named types have their own guards", () => {
  expect(g.isTrackEvent!({ type: "track", event: "e" })).toBe(true);
  expect(g.isTrackEvent!({ type: "page", event: "e" })).toBe(false);
  expect(g.isPageView!({ type: "page" })).toBe(true);
  expect(g.validateIdentifyCall!({ type: "identify", traits: [] }).errors).toEqual([
    { path: "/traits", schemaPath: "#/$defs/IdentifyCall/properties/traits/type", keyword: "type", message: "must be object" },
  ]);
});

test("a __proto__ key is checked like any key and pollutes nothing", () => {
  const value = JSON.parse('{"email":"a@b.co","__proto__":{"isAdmin":true}}');
  expect(g.isKoalaProfileBatchRequest!(value)).toBe(true);
  expect(({} as any).isAdmin).toBeUndefined();
  expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
});

test("formats: 'annotate' skips format checks", async () => {
  const annotated = await guardsFor(KOALA_SCHEMA, { formats: "annotate" });
  expect(annotated.isKoalaProfileBatchRequest!({ profile_id: "not-a-uuid" })).toBe(true);
  expect(g.isKoalaProfileBatchRequest!({ profile_id: "not-a-uuid" })).toBe(false);
});
