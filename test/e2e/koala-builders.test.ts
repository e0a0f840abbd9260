/**
 * The generated Koala builders, run as a user runs them (the CommonJS build of a fresh
 * generation): constants filled, stamps on request, guard errors on invalid input, chunking by
 * maxItems, grouping by person. ajv (with ajv-formats) is the independent oracle for validity.
 */
import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import fc from "fast-check";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { KOALA_SCHEMA } from "../helpers/paths";
import { loadGenerated } from "../helpers/load-generated";
import { tempDir } from "../helpers/temp";

type Koala = typeof import("../../generated/koala/src/index");

const dir = tempDir("koala-builders-");
let k: Koala;
const schema = JSON.parse(readFileSync(KOALA_SCHEMA, "utf8")) as { $defs: Record<string, object> };
const ajv = new Ajv2020({ strict: false, allErrors: true });
addFormats(ajv);
const validRequest = ajv.compile(schema);
const validTrack = ajv.compile({ ...schema.$defs.TrackEvent, $defs: schema.$defs });

beforeAll(async () => {
  k = (await loadGenerated<Koala>(path.join(dir, "koala"), { schema: KOALA_SCHEMA, packageName: "koala-events" })).module;
});

const PROFILE = "3e6a2c18-3b02-40c4-b8d2-1842c193d3ba";
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe("createX", () => {
  test("fills the constant and nothing else", () => {
    const event = k.createTrackEvent({ event: "Signed Up" });
    expect(event).toEqual({ type: "track", event: "Signed Up" });
    expect(Object.keys(event)).toEqual(["type", "event"]);
    expect(k.createIdentifyCall({})).toEqual({ type: "identify" });
    expect(k.createPageView({ name: "Home" })).toEqual({ type: "page", name: "Home" });
  });

  test("keeps extra keys (the schema allows them) and drops undefined ones", () => {
    expect(k.createTrackEvent({ event: "x", context: { ip: "10.0.0.1" }, properties: undefined })).toEqual({ type: "track", event: "x", context: { ip: "10.0.0.1" } });
  });

  test("the root builder takes profile_id or email", () => {
    expect(k.createKoalaProfileBatchRequest({ email: "a@example.com" })).toEqual({ email: "a@example.com" });
    const request = k.createKoalaProfileBatchRequest({ profile_id: PROFILE, events: [k.track("Signed Up")] });
    expect(validRequest(request)).toBe(true);
  });

  test.each([
    ["a missing identity", () => k.createKoalaProfileBatchRequest({} as never), ""],
    ["a bad email", () => k.createKoalaProfileBatchRequest({ email: "not an email" }), "/email"],
    ["a wrong field type", () => k.createTrackEvent({ event: 42 } as never), "/event"],
    ["a wrong constant", () => k.createTrackEvent({ event: "x", type: "page" } as never), "/type"],
    ["too many events", () => k.createKoalaProfileBatchRequest({ email: "a@example.com", events: Array.from({ length: 31 }, () => k.track("x")) }), "/events"],
  ])("fails with the guard's errors on %s", (_label, build, pointer) => {
    let thrown: unknown;
    try {
      build();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(k.SchemaValidationError);
    expect((thrown as Error).name).toBe("SchemaValidationError");
    const errors = (thrown as { errors: { path: string }[] }).errors;
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.map((e) => e.path)).toContain(pointer);
  });
});

describe("short builders", () => {
  test("track(event, properties?, options?)", () => {
    expect(k.track("Signed Up")).toEqual({ type: "track", event: "Signed Up" });
    expect(k.track("Signed Up", { plan: "pro" }, { message_id: "m-1", sent_at: "2026-01-02T03:04:05Z" })).toEqual({
      type: "track",
      event: "Signed Up",
      properties: { plan: "pro" },
      message_id: "m-1",
      sent_at: "2026-01-02T03:04:05Z",
    });
  });

  test("identify(traits?, options?) and page(name?, properties?, options?)", () => {
    expect(k.identify()).toEqual({ type: "identify" });
    expect(k.identify({ vip: true })).toEqual({ type: "identify", traits: { vip: true } });
    expect(k.page()).toEqual({ type: "page" });
    expect(k.page(undefined, { path: "/pricing" })).toEqual({ type: "page", properties: { path: "/pricing" } });
    expect(k.page("Pricing")).toEqual({ type: "page", name: "Pricing" });
  });

  test("stamps only when asked, never over a given value, and never as a payload key", () => {
    const at = new Date(Date.UTC(2026, 10, 27, 10, 0, 0));
    const event = k.track("Signed Up", undefined, { idempotencyKey: true, timestamp: at });
    expect(event.message_id).toMatch(UUID_V4);
    expect(event.sent_at).toBe("2026-11-27T10:00:00.000Z");
    expect(Object.keys(event).sort()).toEqual(["event", "message_id", "sent_at", "type"]);
    expect(k.track("x", undefined, { idempotencyKey: true }).message_id).not.toBe(event.message_id);
    expect(k.track("x", undefined, { message_id: "mine", idempotencyKey: true }).message_id).toBe("mine");
    // IdentifyCall has no idempotency key in the schema: the option is refused by the types and ignored here.
    expect(k.identify(undefined, { timestamp: at, idempotencyKey: true } as never)).toEqual({ type: "identify", sent_at: "2026-11-27T10:00:00.000Z" });
    const now = Date.now();
    const stamped = Date.parse(k.page("Home", undefined, { timestamp: true }).sent_at!);
    expect(Math.abs(stamped - now)).toBeLessThan(60_000);
  });

  test("fuzz: a builder returns a valid TrackEvent or throws, and ajv agrees which", () => {
    const seed = process.env.CI ? 20261127 : Date.now() % 2 ** 31;
    console.log(`koala-builders fuzz seed: ${seed}`);
    const value = fc.oneof(fc.string(), fc.integer(), fc.boolean(), fc.constant(null), fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }));
    const input = fc.record(
      {
        event: fc.oneof(fc.string(), value),
        properties: fc.oneof(fc.dictionary(fc.string(), value, { maxKeys: 3 }), value),
        message_id: fc.oneof(fc.uuid(), value),
        sent_at: fc.oneof(fc.date({ min: new Date(0), max: new Date(4e12), noInvalidDate: true }).map((d) => d.toISOString()), value),
        type: fc.constantFrom("track", "page"),
        extra: value,
      },
      { requiredKeys: [] },
    );
    const outcomes = { built: 0, refused: 0 };
    fc.assert(
      fc.property(input, (raw) => {
        const expected = { type: "track", ...raw };
        let built: unknown;
        try {
          built = k.createTrackEvent(raw as never);
        } catch (error) {
          expect((error as Error).name).toBe("SchemaValidationError");
          expect(validTrack(expected)).toBe(false);
          outcomes.refused++;
          return;
        }
        expect(built).toEqual(expected);
        expect(validTrack(built)).toBe(true);
        expect(k.isTrackEvent(built)).toBe(true);
        outcomes.built++;
      }),
      { seed, numRuns: 400 },
    );
    // Both sides were exercised, or the property says nothing.
    expect(outcomes.built).toBeGreaterThan(10);
    expect(outcomes.refused).toBeGreaterThan(10);
  });
});

describe("chunkKoalaProfileBatchRequest", () => {
  let events: ReturnType<Koala["track"]>[];
  let identifies: ReturnType<Koala["identify"]>[];
  let pageViews: ReturnType<Koala["page"]>[];
  beforeAll(() => {
    events = Array.from({ length: 75 }, (_, i) => k.track(`e${i}`));
    identifies = Array.from({ length: 31 }, (_, i) => k.identify({ n: i }));
    pageViews = Array.from({ length: 5 }, (_, i) => k.page(`p${i}`));
  });

  test("splits by maxItems, keeps the identity (extra keys too) in every part, keeps order", () => {
    const request = { profile_id: PROFILE, email: "a@example.com", context: { ip: "10.0.0.1" }, events, identifies, page_views: pageViews };
    const parts = k.chunkKoalaProfileBatchRequest(request);
    expect(parts).toHaveLength(3);
    for (const part of parts) {
      expect(validRequest(part)).toBe(true);
      expect(part).toMatchObject({ profile_id: PROFILE, email: "a@example.com", context: { ip: "10.0.0.1" } });
    }
    expect(parts.map((p) => [p.events?.length ?? 0, p.identifies?.length ?? 0, p.page_views?.length ?? 0])).toEqual([
      [30, 30, 5],
      [30, 1, 0],
      [15, 0, 0],
    ]);
    expect(parts.flatMap((p) => p.events ?? [])).toEqual(events);
    expect(parts.flatMap((p) => p.identifies ?? [])).toEqual(identifies);
  });

  test("a request within the limits comes back alone; an invalid one throws", () => {
    const small = { email: "a@example.com", events: events.slice(0, 30) };
    expect(k.chunkKoalaProfileBatchRequest(small)).toEqual([small]);
    expect(() => k.chunkKoalaProfileBatchRequest({ events } as never)).toThrow(/KoalaProfileBatchRequest/);
    // validate: false only splits, for a caller that checks (or deliberately does not check) the parts.
    expect(k.chunkKoalaProfileBatchRequest({ events } as never, { validate: false }).map((p) => p.events?.length)).toEqual([30, 30, 15]);
  });
});

describe("groupKoalaProfileBatchRequestItems", () => {
  test("one request per person, items in order and in their arrays, chunked", () => {
    const people = [{ email: "a@example.com" }, { profile_id: PROFILE }, { profile_id: PROFILE, email: "b@example.com" }];
    const entries = Array.from({ length: 200 }, (_, i) => ({
      identity: people[i % 3]!,
      item: i % 5 === 0 ? k.page(`p${i}`) : i % 7 === 0 ? k.identify({ n: i }) : k.track(`e${i}`),
    }));
    const requests = k.groupKoalaProfileBatchRequestItems(entries);
    for (const request of requests) expect(validRequest(request)).toBe(true);
    for (const person of people) {
      const mine = requests.filter((r) => r.email === (person as { email?: string }).email && r.profile_id === (person as { profile_id?: string }).profile_id);
      const items = entries.filter((e) => e.identity === person).map((e) => e.item);
      expect(mine.flatMap((r) => r.events ?? [])).toEqual(items.filter((i) => i.type === "track"));
      expect(mine.flatMap((r) => r.page_views ?? [])).toEqual(items.filter((i) => i.type === "page"));
      expect(mine.flatMap((r) => r.identifies ?? [])).toEqual(items.filter((i) => i.type === "identify"));
    }
    // 200 entries over 3 people: about 45 tracks each, so two requests per person, people in first-seen order.
    expect(requests.every((r) => (r.events?.length ?? 0) <= 30)).toBe(true);
    const who = requests.map((r) => `${r.email ?? ""}|${r.profile_id ?? ""}`);
    expect(who.filter((w, i) => w !== who[i - 1])).toEqual(["a@example.com|", `|${PROFILE}`, `b@example.com|${PROFILE}`]);
    expect(requests.length).toBe(6);
  });

  test("an item of no known kind names its entry", () => {
    expect(() => k.groupKoalaProfileBatchRequestItems([{ identity: { email: "a@example.com" }, item: { type: "alias" } as never }])).toThrow("entry 0");
  });
});
