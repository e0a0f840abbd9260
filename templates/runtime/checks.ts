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
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!jsonEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const keys = Object.keys(a);
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (!hasOwn(b, key) || !jsonEqual((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key])) return false;
  }
  return true;
}

/** True when no two items are JSON-equal. Primitives go through a Set; objects pairwise. */
export function hasUniqueItems(items: readonly unknown[]): boolean {
  const n = items.length;
  if (n < 2) return true;
  const primitives = new Set<unknown>();
  const objects: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const item = items[i];
    if (typeof item === "object" && item !== null) {
      for (const seen of objects) if (jsonEqual(seen, item)) return false;
      objects.push(item);
    } else {
      if (primitives.has(item)) return false;
      primitives.add(item);
    }
  }
  return true;
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
