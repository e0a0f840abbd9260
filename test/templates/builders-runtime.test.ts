/**
 * The builders' runtime template on its own: dropping left-out arguments, stamping, chunking by
 * limits and grouping by identity, independent of any schema.
 */
import { chunkByLimits, defined, fields, groupByIdentity, identityKey, stamped } from "../../templates/runtime/builders";

describe("defined", () => {
  test("drops undefined values only, and copies", () => {
    const input = { a: 1, b: undefined, c: null, d: false, e: "" };
    const out = defined(input);
    expect(out).toEqual({ a: 1, c: null, d: false, e: "" });
    expect(Object.keys(out)).toEqual(["a", "c", "d", "e"]);
    expect(out).not.toBe(input);
  });

  test("a __proto__ key stays a plain own property", () => {
    const input = JSON.parse('{"__proto__": {"polluted": true}, "a": 1}') as object;
    const out = defined(input) as Record<string, unknown>;
    expect(Object.getPrototypeOf(out)).toBe(Object.prototype);
    expect(Object.keys(out)).toEqual(["__proto__", "a"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("fields (a short builder's input)", () => {
  test("options, then positional arguments; undefined left out; stamp options dropped only when the builder takes them", () => {
    const options = { message_id: "m", idempotencyKey: true, timestamp: new Date(0), sent_at: undefined };
    expect(fields(options, { event: "x", properties: undefined }, true)).toEqual({ message_id: "m", event: "x" });
    // A type whose own properties are called `timestamp` keeps them: the builder then takes no stamp options.
    expect(fields({ timestamp: "t" }, { name: "n" })).toEqual({ timestamp: "t", name: "n" });
    expect(fields(undefined, { name: undefined })).toEqual({});
  });

  test("a positional argument wins over the same key in the options", () => {
    expect(fields({ event: "from options" } as object, { event: "positional" })).toEqual({ event: "positional" });
  });
});

describe("stamped", () => {
  const keys = { idempotencyKey: "message_id", timestamp: "sent_at" };

  test("nothing asked, nothing filled (same object)", () => {
    const value = { type: "track" };
    expect(stamped(value, undefined, keys)).toBe(value);
    expect(stamped(value, {}, keys)).toBe(value);
    expect(stamped(value, { idempotencyKey: false, timestamp: false }, keys)).toBe(value);
  });

  test("fills a UUID v4 and an ISO-8601 time when asked", () => {
    const out = stamped({ type: "track" }, { idempotencyKey: true, timestamp: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) }, keys) as Record<string, unknown>;
    expect(out.message_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(out.sent_at).toBe("2024-01-02T03:04:05.000Z");
    const other = stamped({}, { idempotencyKey: true }, keys) as Record<string, unknown>;
    expect(other.message_id).not.toBe(out.message_id);
  });

  test("timestamp: true is now", () => {
    const before = Date.now();
    const out = stamped({}, { timestamp: true }, keys) as Record<string, string>;
    const at = Date.parse(out.sent_at!);
    expect(at).toBeGreaterThanOrEqual(before - 1);
    expect(at).toBeLessThanOrEqual(Date.now() + 1);
  });

  test("never overwrites a value the input has, never fills a key the type lacks", () => {
    const value = { message_id: "mine", sent_at: "2020-01-01T00:00:00Z" };
    expect(stamped(value, { idempotencyKey: true, timestamp: true }, keys)).toEqual(value);
    expect(stamped({}, { idempotencyKey: true, timestamp: true }, {})).toEqual({});
  });
});

describe("chunkByLimits", () => {
  const limits = [["a", 2], ["b", 3], ["c", Infinity]] as const;
  const range = (n: number, tag: string): string[] => Array.from({ length: n }, (_, i) => `${tag}${i}`);

  test.each([
    ["within the limits", { id: 1, a: range(2, "a"), b: range(3, "b") }, 1],
    ["one array over", { id: 1, a: range(5, "a") }, 3],
    ["the longest decides", { id: 1, a: range(3, "a"), b: range(10, "b") }, 4],
    ["empty arrays", { id: 1, a: [], b: [] }, 1],
  ])("%s", (_name, request, parts) => {
    const out = chunkByLimits(request as Record<string, unknown>, limits);
    expect(out).toHaveLength(parts);
    for (const part of out) {
      expect(part.id).toBe(1);
      expect(((part.a as unknown[] | undefined) ?? []).length).toBeLessThanOrEqual(2);
      expect(((part.b as unknown[] | undefined) ?? []).length).toBeLessThanOrEqual(3);
    }
    // Order preserved: concatenating the parts gives back every array.
    for (const key of ["a", "b"]) {
      const original = (request as Record<string, unknown>)[key] as unknown[] | undefined;
      const joined = out.flatMap((p) => (p[key] as unknown[] | undefined) ?? []);
      expect(joined).toEqual(original ?? []);
    }
  });

  test("returns the request itself when nothing overflows", () => {
    const request = { id: 1, a: ["x"] };
    expect(chunkByLimits(request, limits)[0]).toBe(request);
  });

  test("copies identity (extra keys included) into every part; an unlimited array stays in the first", () => {
    const out = chunkByLimits({ email: "e", context: { ip: "1" }, a: range(5, "a"), c: ["only", "first"] }, limits);
    expect(out).toEqual([
      { email: "e", context: { ip: "1" }, a: ["a0", "a1"], c: ["only", "first"] },
      { email: "e", context: { ip: "1" }, a: ["a2", "a3"] },
      { email: "e", context: { ip: "1" }, a: ["a4"] },
    ]);
  });

  test("a limit of 0 cannot be met by splitting: the request is left for the guard to reject", () => {
    const request = { z: [1] };
    expect(chunkByLimits(request, [["z", 0]])).toEqual([request]);
  });
});

describe("groupByIdentity", () => {
  const route = (item: { kind: string }): string | undefined => ({ t: "events", p: "pages" })[item.kind];
  const whole = (request: object): object[] => [request];

  test("one request per identity, in first-appearance order, items in order and in their arrays", () => {
    const out = groupByIdentity(
      [
        { identity: { email: "a" }, item: { kind: "t", n: 1 } },
        { identity: { profile_id: "p" }, item: { kind: "p", n: 2 } },
        { identity: { email: "a" }, item: { kind: "p", n: 3 } },
        { identity: { email: "a" }, item: { kind: "t", n: 4 } },
      ],
      route,
      whole,
    );
    expect(out).toEqual([
      { email: "a", events: [{ kind: "t", n: 1 }, { kind: "t", n: 4 }], pages: [{ kind: "p", n: 3 }] },
      { profile_id: "p", pages: [{ kind: "p", n: 2 }] },
    ]);
  });

  test("identities are equal by value, key order and undefined values aside", () => {
    const out = groupByIdentity(
      [
        { identity: { email: "a", profile_id: "p" }, item: { kind: "t" } },
        { identity: { profile_id: "p", email: "a", extra: undefined }, item: { kind: "t" } },
        { identity: { profile_id: "p" }, item: { kind: "t" } },
      ],
      route,
      whole,
    );
    expect(out).toHaveLength(2);
    expect((out[0] as { events: unknown[] }).events).toHaveLength(2);
  });

  test("never pushes into the caller's arrays; an unroutable item names its entry", () => {
    const own: unknown[] = [];
    const out = groupByIdentity([{ identity: { email: "a", events: own }, item: { kind: "t" } }], route, whole);
    expect(own).toEqual([]);
    expect(out).toEqual([{ email: "a", events: [{ kind: "t" }] }]);
    expect(() => groupByIdentity([{ identity: {}, item: { kind: "t" } }, { identity: {}, item: { kind: "x" } }], route, whole)).toThrow("entry 1 (identity {}): the item fits none");
  });

  // A chunk that refuses any item with `bad: true`, as the generated chunkX's assert would.
  const chunk = (request: { events?: { bad?: boolean }[]; email?: string }): object[] => {
    if (request.email === "bad" || request.events?.some((e) => e.bad)) throw new TypeError("not valid");
    return [request];
  };
  const entries = [
    { identity: { email: "a" }, item: { kind: "t", n: 0 } },
    { identity: { email: "bad" }, item: { kind: "t", n: 1 } },
    { identity: { email: "a" }, item: { kind: "t", n: 2, bad: true } },
    { identity: { email: "a" }, item: { kind: "x", n: 3 } },
    { identity: { email: "a" }, item: { kind: "t", n: 4 } },
  ];

  test("with chunk: the first bad entry (identities in order of appearance) is thrown, named by index and identity", () => {
    expect(() => groupByIdentity(entries, route, chunk)).toThrow('entry 3 (identity {"email":"a"}): the item fits none');
    expect(() => groupByIdentity(entries.filter((e) => e.item.kind === "t"), route, chunk)).toThrow('entry 2 (identity {"email":"a"}): not valid');
  });

  test('onInvalid: "skip" leaves the bad entries out; a function is told each one', () => {
    const expected = [{ email: "a", events: [{ kind: "t", n: 0 }, { kind: "t", n: 4 }] }];
    expect(groupByIdentity(entries, route, chunk, { onInvalid: "skip" })).toEqual(expected);
    const told: string[] = [];
    expect(groupByIdentity(entries, route, chunk, { onInvalid: ({ index, error }) => told.push(`${index}: ${error.message}`) })).toEqual(expected);
    expect(told).toEqual([
      "3: entry 3 (identity {\"email\":\"a\"}): the item fits none of the arrays",
      '2: entry 2 (identity {"email":"a"}): not valid',
      '1: entry 1 (identity {"email":"bad"}): not valid',
    ]);
  });

  test("entries valid alone but not together: the whole group is named", () => {
    const pair = (request: { events?: unknown[] }): object[] => {
      if ((request.events?.length ?? 0) > 1) throw new TypeError("not unique");
      return [request];
    };
    const told: number[] = [];
    expect(groupByIdentity(entries.slice(0, 1).concat(entries.slice(4)), route, pair, { onInvalid: ({ index }) => told.push(index) })).toEqual([]);
    expect(told).toEqual([0, 1]);
    expect(() => groupByIdentity(entries.slice(0, 1).concat(entries.slice(4)), route, pair)).toThrow('entry 0, 1 (identity {"email":"a"}): not unique');
  });
});

describe("identityKey", () => {
  test("equal values give equal keys: key order, undefined values and nesting aside", () => {
    expect(identityKey({ b: "2", a: "1" })).toBe(identityKey({ a: "1", b: "2", c: undefined }));
    expect(identityKey({ a: { y: 1, x: [1, "2"] } })).toBe(identityKey({ a: { x: [1, "2"], y: 1 } }));
    expect(identityKey({ email: "a" })).toBe('{"email":"a"}');
    expect(identityKey({ email: "a" })).not.toBe(identityKey({ email: "b" }));
    expect(identityKey({ a: "1" })).not.toBe(identityKey({ a: 1 }));
  });
});
