/**
 * Runtime support for the generated builders (`builders.ts`): the input types derived from the
 * generated types, the optional idempotency-key/timestamp stamping, splitting a request by its
 * arrays' `maxItems`, and grouping items by the identity they belong to. Nothing here knows a
 * schema: the generated code passes in keys, limits and routes.
 */

/**
 * `T` without the keys `K`. Unlike `Omit`, it keeps the declared properties of a type with an index
 * signature (`Omit<{ [k: string]: unknown; a: string }, "b">` loses `a`), keeps `?` and
 * `readonly`, and maps each member of a union on its own, so "profile_id or email" survives.
 */
export type Without<T, K extends PropertyKey> = T extends unknown ? { [P in keyof T as P extends K ? never : P]: T[P] } : never;

/**
 * `T` without the keys `K`, which may then not be given at all (not even through an index
 * signature): for arguments whose keys come from elsewhere, so that they cannot be given twice.
 */
export type Rest<T, K extends PropertyKey> = Without<T, K> & { [P in K]?: never };

/**
 * What a builder takes for `T`: everything as in `T`, except that the `Fixed` properties (schema
 * `const`, filled in by the builder) and the `Defaulted` ones (schema `default`) may be left out;
 * a constant may still be written, but only with its own value.
 */
export type BuilderInput<T, Fixed extends PropertyKey, Defaulted extends PropertyKey = never> = T extends unknown
  ? Without<T, Fixed | Defaulted> & { [P in keyof T as P extends Fixed | Defaulted ? P : never]?: T[P] }
  : never;

/**
 * Per-call requests to fill a property the input left out. Which property each one fills is read
 * from the schema at generation time (see the builder's documentation); both are off by default,
 * so a builder's output depends on its input only.
 */
export interface StampOptions {
  /** Fill the idempotency key (e.g. `message_id`) with `crypto.randomUUID()`. */
  idempotencyKey?: boolean | undefined;
  /** Fill the timestamp (e.g. `sent_at`) with the given time, or now for `true`, as an ISO-8601 string. */
  timestamp?: boolean | Date | undefined;
}

/** The property names a type's stamp options fill, as found in its schema. */
export interface StampKeys {
  idempotencyKey?: string;
  timestamp?: string;
}

/**
 * `T` as `defined()` returns it: a property that may be `undefined` may be absent instead, and is
 * never `undefined` (what `exactOptionalPropertyTypes` needs to accept `{ name }` for `name?: string`).
 */
export type Defined<T> = T extends unknown
  ? { [P in keyof T as undefined extends T[P] ? never : P]: T[P] } & { [P in keyof T as undefined extends T[P] ? P : never]?: Exclude<T[P], undefined> }
  : never;

/** A copy of `input` without the keys whose value is `undefined` (left-out optional arguments). */
export function defined<T extends object>(input: T): Defined<T> {
  const out: Record<string, unknown> = {};
  copyDefined(out, input as Record<string, unknown>, false);
  return out as Defined<T>;
}

/**
 * A short builder's input: its `options` (without the stamp options when `stamps`, i.e. when the
 * builder takes them), then its positional arguments, `undefined` values left out. (Copied key by
 * key rather than `{ ...options, event }`: V8 builds a spread-then-extended literal several times slower.)
 */
export function fields<O extends object, P extends object>(options: O | undefined, positional: P, stamps = false): Defined<Without<O, keyof StampOptions> & P> {
  const out: Record<string, unknown> = {};
  if (options !== undefined) copyDefined(out, options as Record<string, unknown>, stamps);
  copyDefined(out, positional as Record<string, unknown>, false);
  return out as Defined<Without<O, keyof StampOptions> & P>;
}

function copyDefined(out: Record<string, unknown>, from: Record<string, unknown>, skipStampOptions: boolean): void {
  for (const key of Object.keys(from)) {
    const value = from[key];
    if (value === undefined || (skipStampOptions && (key === "idempotencyKey" || key === "timestamp"))) continue;
    // Assigning "__proto__" would set the prototype: that key must stay a plain own property.
    if (key === "__proto__") Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
    else out[key] = value;
  }
}

/** `value` with the requested stamps filled in where it has none; a new object only when one is filled. */
export function stamped<T extends object>(value: T, options: StampOptions | undefined, keys: StampKeys): T {
  if (!options) return value;
  const record = value as Record<string, unknown>;
  const extra: Record<string, unknown> = {};
  if (options.idempotencyKey && keys.idempotencyKey !== undefined && record[keys.idempotencyKey] === undefined) {
    extra[keys.idempotencyKey] = randomUUID();
  }
  if (options.timestamp && keys.timestamp !== undefined && record[keys.timestamp] === undefined) {
    extra[keys.timestamp] = (options.timestamp instanceof Date ? options.timestamp : new Date()).toISOString();
  }
  return Object.keys(extra).length === 0 ? value : ({ ...value, ...extra } as T);
}

function randomUUID(): string {
  // The Web Crypto global: Node >= 19, Deno, Bun, browsers, workers. No import keeps the package dependency-free.
  const crypto = (globalThis as { crypto?: { randomUUID?: () => string } }).crypto;
  if (typeof crypto?.randomUUID !== "function") throw new Error("idempotencyKey: crypto.randomUUID() is not available in this runtime");
  return crypto.randomUUID();
}

/** An array property and the most items one request may carry in it (`maxItems`; `Infinity` for none). */
export type ArrayLimit = readonly [key: string, maxItems: number];

/**
 * Splits `request` into as few requests as its limited arrays need. Every other property (the
 * identity: who the request is about) is copied into each part; items keep their order, and an
 * array without a limit stays whole in the first part. Returns `[request]` when nothing overflows.
 */
export function chunkByLimits<T extends object>(request: T, limits: readonly ArrayLimit[]): T[] {
  const record = request as Record<string, unknown>;
  let parts = 1;
  for (const [key, max] of limits) {
    const items = record[key];
    if (Array.isArray(items) && max >= 1 && items.length > max) parts = Math.max(parts, Math.ceil(items.length / max));
  }
  if (parts === 1) return [request];
  const limited = new Map(limits);
  // fromEntries and spreads define their keys ("__proto__" stays an own property), as copyDefined does.
  const identity: Record<string, unknown> = Object.fromEntries(Object.entries(record).filter(([key]) => !limited.has(key)));
  const out: T[] = [];
  for (let part = 0; part < parts; part++) {
    const chunk: Record<string, unknown> = { ...identity };
    for (const [key, max] of limits) {
      const items = record[key];
      if (!Array.isArray(items)) continue;
      const slice = max === Infinity ? (part === 0 ? items : []) : items.slice(part * max, (part + 1) * max);
      if (slice.length > 0) Object.defineProperty(chunk, key, { value: slice, enumerable: true, writable: true, configurable: true });
    }
    out.push(chunk as T);
  }
  return out;
}

/** One item and the identity (the non-array properties of a request) it belongs to. */
export interface IdentifiedItem<Identity, Item> {
  identity: Identity;
  item: Item;
}

/** An entry `groupXItems` left out, and why. */
export interface InvalidEntry<Entry> {
  /** Its position in the input. */
  index: number;
  entry: Entry;
  /** What was wrong: the guard's SchemaValidationError, or a TypeError for an item no array takes. */
  error: Error;
}

/** How `groupXItems` treats an invalid entry: throw (default), leave it out, or leave it out and report it. */
export interface GroupOptions<Entry> {
  onInvalid?: "throw" | "skip" | ((invalid: InvalidEntry<Entry>) => void) | undefined;
}

/**
 * Groups items by identity into requests: identities in order of first appearance, items in their
 * order, each in the array `route` names; identities are equal when their values are (key order
 * and `undefined` aside). Each request goes through `chunk` (the generated `chunkX`, which splits
 * by `maxItems` and asserts each part). An invalid entry (an item no array takes, or one
 * that makes its request fail `chunk`) is reported by its index and identity: thrown, or with
 * `onInvalid` left out, so that one bad entry does not sink the others.
 */
export function groupByIdentity<Identity extends object, Item, Request>(
  entries: Iterable<IdentifiedItem<Identity, Item>>,
  route: (item: Item) => string | undefined,
  chunk: (request: Request) => Request[],
  options: GroupOptions<IdentifiedItem<Identity, Item>> = {},
): Request[] {
  const onInvalid = options.onInvalid ?? "throw";
  const all: IdentifiedItem<Identity, Item>[] = [];
  // The array of each entry, by input position.
  const keys: string[] = [];
  // `indexes`: the entries the error is about (one, or a whole group that is invalid only together).
  const invalid = (indexes: readonly number[], error: Error): void => {
    error.message = `entry ${indexes.join(", ")} (identity ${identityKey(all[indexes[0]!]!.identity)}): ${error.message}`;
    if (onInvalid === "throw") throw error;
    if (typeof onInvalid === "function") for (const index of indexes) onInvalid({ index, entry: all[index]!, error });
  };
  // A fresh request, never the caller's arrays: the identity is copied, its own keys overridden by the items.
  const build = (identity: Identity, indexes: readonly number[]): Request => {
    const arrays: Record<string, Item[]> = Object.create(null);
    for (const index of indexes) (arrays[keys[index]!] ??= []).push(all[index]!.item);
    return Object.assign(defined(identity), arrays) as Request;
  };
  const groups = new Map<string, { identity: Identity; indexes: number[] }>();
  for (const entry of entries) {
    const index = all.push(entry) - 1;
    const key = route(entry.item);
    if (key === undefined) {
      invalid([index], new TypeError("the item fits none of the arrays"));
      continue;
    }
    keys[index] = key;
    // Keyed by value, once per entry: as fast as a lookup by object, and a fresh object per entry costs nothing more.
    const id = identityKey(entry.identity);
    const group = groups.get(id);
    if (group) group.indexes.push(index);
    else groups.set(id, { identity: entry.identity, indexes: [index] });
  }
  const out: Request[] = [];
  for (const { identity, indexes } of groups.values()) {
    try {
      out.push(...chunk(build(identity, indexes)));
    } catch (error) {
      // Each entry checked alone: the bad ones reported, the others sent. All valid alone but not
      // together (e.g. `uniqueItems`): the whole group is the culprit.
      const good = indexes.filter((index) => {
        try {
          chunk(build(identity, [index]));
          return true;
        } catch (alone) {
          invalid([index], alone as Error);
          return false;
        }
      });
      if (good.length === indexes.length) invalid(indexes, error as Error);
      else if (good.length) out.push(...chunk(build(identity, good)));
    }
  }
  return out;
}

/**
 * A string naming an identity by value: JSON with keys sorted and `undefined` values left out, so
 * `{a, b}` and `{b, a}` give the same key. An object of primitives whose keys are already in order
 * (`{ email }`: the usual identity) is plain `JSON.stringify`, about as fast as a Map lookup.
 */
export function identityKey(value: unknown): string {
  if (typeof value !== "object" || value === null) return JSON.stringify(value);
  // (An array takes the object path too: its indexes are its keys, so equal arrays give equal keys.)
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  let plain = true;
  for (let i = 0; plain && i < keys.length; i++) {
    const v = record[keys[i]!];
    plain = (typeof v !== "object" || v === null) && (i === 0 || keys[i - 1]! < keys[i]!);
  }
  if (plain) return JSON.stringify(record);
  keys.sort();
  let out = "{";
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    if (out.length > 1) out += ",";
    out += JSON.stringify(key) + ":" + identityKey(v);
  }
  return out + "}";
}
