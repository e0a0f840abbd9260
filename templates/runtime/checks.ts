/**
 * Small helpers that generated guards call for the keywords that need more than an expression:
 * JSON equality (const, enum, uniqueItems), code-point length, float multipleOf, own keys.
 */

/** Own property test that a `hasOwnProperty` key in the data cannot shadow. */
export const hasOwn: (object: object, key: PropertyKey) => boolean = Function.prototype.call.bind(Object.prototype.hasOwnProperty) as never;

/** An object key as one JSON Pointer token: "~" → "~0", "/" → "~1". */
export function pointerToken(key: string): string {
  return key.indexOf("~") === -1 && key.indexOf("/") === -1 ? key : key.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** JSON equality: 1 equals 1.0, object key order does not matter, arrays compare item by item. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  // The pairs still to compare, two entries each: a stack, since data nests deeper than calls may.
  const pending: unknown[] = [a, b];
  while (pending.length > 0) {
    const y = pending.pop();
    const x = pending.pop();
    if (x === y) continue;
    if (typeof x !== "object" || typeof y !== "object" || x === null || y === null) return false;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) pending.push(x[i], y[i]);
      continue;
    }
    if (Array.isArray(y)) return false;
    const keys = Object.keys(x);
    if (keys.length !== Object.keys(y).length) return false;
    for (const key of keys) {
      if (!hasOwn(y, key)) return false;
      pending.push((x as Record<string, unknown>)[key], (y as Record<string, unknown>)[key]);
    }
  }
  return true;
}

/**
 * True when no two items are JSON-equal. Primitives go through a Set; objects pairwise, and past
 * PAIRWISE_OBJECTS of them each only against those of its shallowHash: an OpenAPI document's
 * `parameters` (unique items, netbox.dev's list operations have over 100) compared pairwise were
 * three quarters of the time its official schema took to check.
 */
export function hasUniqueItems(items: readonly unknown[]): boolean {
  const n = items.length;
  if (n < 2) return true;
  const primitives = new Set<unknown>();
  const objects: object[] = [];
  let buckets: Map<number, object[]> | undefined;
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (typeof item === "object" && item !== null) {
      if (buckets === undefined) {
        for (const seen of objects) if (jsonEqual(seen, item)) return false;
        objects.push(item);
        if (objects.length === PAIRWISE_OBJECTS) {
          buckets = new Map();
          for (const seen of objects) {
            const hash = shallowHash(seen);
            const bucket = buckets.get(hash);
            if (bucket === undefined) buckets.set(hash, [seen]);
            else bucket.push(seen);
          }
        }
        continue;
      }
      const hash = shallowHash(item);
      const bucket = buckets.get(hash);
      if (bucket === undefined) {
        buckets.set(hash, [item]);
        continue;
      }
      for (const seen of bucket) if (jsonEqual(seen, item)) return false;
      bucket.push(item);
    } else {
      if (primitives.has(item)) return false;
      primitives.add(item);
    }
  }
  return true;
}

/** How many objects hasUniqueItems compares pairwise before it compares by bucket (hashing costs more than a few comparisons). */
const PAIRWISE_OBJECTS = 16;

/**
 * A number that JSON-equal objects share (others may too: hasUniqueItems still compares within it):
 * an object's keys with its primitive values, added up so that key order does not count; an
 * array's length and first items. Nested objects count by their kind alone.
 */
function shallowHash(value: object): number {
  let hash = 0;
  if (Array.isArray(value)) {
    hash = value.length;
    for (let i = 0; i < value.length && i < 8; i++) hash = (Math.imul(hash, 31) + valueHash(value[i])) | 0;
    return hash;
  }
  let count = 0;
  for (const key in value) {
    if (!hasOwn(value, key)) continue;
    count++;
    hash = (hash + Math.imul(stringHash(key) ^ valueHash((value as Record<string, unknown>)[key]), 0x9e3779b1)) | 0;
  }
  return (hash ^ Math.imul(count, 0x85ebca6b)) | 0;
}

function valueHash(value: unknown): number {
  switch (typeof value) {
    case "string":
      return stringHash(value);
    case "number":
      // 0 and -0 are JSON-equal; 1 and 1.0 are one number.
      return value === 0 ? 7 : stringHash(String(value));
    case "boolean":
      return value ? 11 : 13;
    case "object":
      return value === null ? 17 : Array.isArray(value) ? 19 : 23;
    default:
      return 29;
  }
}

/** FNV-1a of a string's first 64 UTF-16 units and its length. */
function stringHash(text: string): number {
  let hash = 0x811c9dc5 ^ text.length;
  for (let i = 0; i < text.length && i < 64; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash | 0;
}

/** The length in Unicode code points, as JSON Schema counts it (a surrogate pair is one character). */
export function codePointLength(text: string): number {
  let length = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/**
 * `multipleOf` for floats too: 0.0075 is a multiple of 0.0001 although 0.0075 / 0.0001 is
 * 74.99999999999999 in binary floating point. A quotient within a few ulps of an integer counts.
 */
export function isMultipleOf(value: number, divisor: number): boolean {
  if (Number.isInteger(divisor) && Number.isInteger(value)) return value % divisor === 0;
  const quotient = value / divisor;
  if (!Number.isFinite(quotient)) return false;
  return Math.abs(quotient - Math.round(quotient)) <= Math.abs(quotient) * 4 * Number.EPSILON;
}

/** How many own enumerable keys an object has, without building the key array. */
export function countKeys(object: object): number {
  let count = 0;
  for (const key in object) if (hasOwn(object, key)) count++;
  return count;
}
