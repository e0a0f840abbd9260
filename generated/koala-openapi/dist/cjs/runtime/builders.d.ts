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
export type Without<T, K extends PropertyKey> = T extends unknown ? {
    [P in keyof T as P extends K ? never : P]: T[P];
} : never;
/**
 * `T` without the keys `K`, which may then not be given at all (not even through an index
 * signature): for arguments whose keys come from elsewhere, so that they cannot be given twice.
 */
export type Rest<T, K extends PropertyKey> = Without<T, K> & {
    [P in K]?: never;
};
/**
 * What a builder takes for `T`: everything as in `T`, except that the `Fixed` properties (schema
 * `const`, filled in by the builder) and the `Defaulted` ones (schema `default`) may be left out;
 * a constant may still be written, but only with its own value.
 */
export type BuilderInput<T, Fixed extends PropertyKey, Defaulted extends PropertyKey = never> = T extends unknown ? Without<T, Fixed | Defaulted> & {
    [P in keyof T as P extends Fixed | Defaulted ? P : never]?: T[P];
} : never;
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
export type Defined<T> = T extends unknown ? {
    [P in keyof T as undefined extends T[P] ? never : P]: T[P];
} & {
    [P in keyof T as undefined extends T[P] ? P : never]?: Exclude<T[P], undefined>;
} : never;
/** A copy of `input` without the keys whose value is `undefined` (left-out optional arguments). */
export declare function defined<T extends object>(input: T): Defined<T>;
/**
 * A short builder's input: its `options` (without the stamp options when `stamps`, i.e. when the
 * builder takes them), then its positional arguments, `undefined` values left out. (Copied key by
 * key rather than `{ ...options, event }`: V8 builds a spread-then-extended literal several times slower.)
 */
export declare function fields<O extends object, P extends object>(options: O | undefined, positional: P, stamps?: boolean): Defined<Without<O, keyof StampOptions> & P>;
/** `value` with the requested stamps filled in where it has none; a new object only when one is filled. */
export declare function stamped<T extends object>(value: T, options: StampOptions | undefined, keys: StampKeys): T;
/** An array property and the most items one request may carry in it (`maxItems`; `Infinity` for none). */
export type ArrayLimit = readonly [key: string, maxItems: number];
/**
 * Splits `request` into as few requests as its limited arrays need. Every other property (the
 * identity: who the request is about) is copied into each part; items keep their order, and an
 * array without a limit stays whole in the first part. Returns `[request]` when nothing overflows.
 */
export declare function chunkByLimits<T extends object>(request: T, limits: readonly ArrayLimit[]): T[];
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
export declare function groupByIdentity<Identity extends object, Item, Request>(entries: Iterable<IdentifiedItem<Identity, Item>>, route: (item: Item) => string | undefined, chunk: (request: Request) => Request[], options?: GroupOptions<IdentifiedItem<Identity, Item>>): Request[];
/**
 * A string naming an identity by value: JSON with keys sorted and `undefined` values left out, so
 * `{a, b}` and `{b, a}` give the same key. An object of primitives whose keys are already in order
 * (`{ email }`: the usual identity) is plain `JSON.stringify`, about as fast as a Map lookup.
 */
export declare function identityKey(value: unknown): string;
