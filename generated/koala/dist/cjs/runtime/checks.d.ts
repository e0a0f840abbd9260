/**
 * Small helpers that generated guards call for the keywords that need more than an expression:
 * JSON equality (const, enum, uniqueItems), code-point length, float multipleOf, own keys.
 */
/** Own property test that a `hasOwnProperty` key in the data cannot shadow. */
export declare const hasOwn: (object: object, key: PropertyKey) => boolean;
/** An object key as one JSON Pointer token: "~" → "~0", "/" → "~1". */
export declare function pointerToken(key: string): string;
/** JSON equality: 1 equals 1.0, object key order does not matter, arrays compare item by item. */
export declare function jsonEqual(a: unknown, b: unknown): boolean;
/**
 * True when no two items are JSON-equal. Primitives go through a Set; objects pairwise, and past
 * PAIRWISE_OBJECTS of them each only against those of its shallowHash: an OpenAPI document's
 * `parameters` (unique items, netbox.dev's list operations have over 100) compared pairwise were
 * three quarters of the time its official schema took to check.
 */
export declare function hasUniqueItems(items: readonly unknown[]): boolean;
/** The length in Unicode code points, as JSON Schema counts it (a surrogate pair is one character). */
export declare function codePointLength(text: string): number;
/**
 * `multipleOf` for floats too: 0.0075 is a multiple of 0.0001 although 0.0075 / 0.0001 is
 * 74.99999999999999 in binary floating point. A quotient within a few ulps of an integer counts.
 */
export declare function isMultipleOf(value: number, divisor: number): boolean;
/** How many own enumerable keys an object has, without building the key array. */
export declare function countKeys(object: object): number;
