/**
 * Where subschemas live, by keyword. Shared by the reference index (to find every `$id`, `$anchor`
 * and `$ref`) so that a `$id` inside `const` or `examples` data is never mistaken for a schema.
 */

/** Keywords whose value is one subschema. */
export const SINGLE_SCHEMA_KEYWORDS = [
  "additionalProperties",
  "propertyNames",
  "contains",
  "not",
  "if",
  "then",
  "else",
  "unevaluatedItems",
  "unevaluatedProperties",
  "additionalItems",
  "items",
  "contentSchema",
] as const;

/** Keywords whose value maps names to subschemas. */
export const SCHEMA_MAP_KEYWORDS = ["properties", "patternProperties", "$defs", "definitions", "dependentSchemas", "dependencies"] as const;

/** Keywords whose value is an array of subschemas. */
export const SCHEMA_ARRAY_KEYWORDS = ["allOf", "anyOf", "oneOf", "prefixItems", "items"] as const;

export type JsonObject = { [key: string]: unknown };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One bit per keyword that holds subschemas (`items` is one keyword, a schema or an array of them). */
const KEYWORD_BITS = new Map<string, number>([...new Set<string>([...SINGLE_SCHEMA_KEYWORDS, ...SCHEMA_ARRAY_KEYWORDS, ...SCHEMA_MAP_KEYWORDS])].map((keyword, i) => [keyword, 1 << i]));

/** Calls `visit` for each direct subschema of `schema` with its JSON pointer tokens. */
export function forEachSubschema(schema: JsonObject, visit: (child: unknown, tokens: string[]) => void): void {
  // Which of the 22 keywords the schema has, from its own keys (a handful; none on most leaves):
  // every walk of a document (the reference index, references, views) calls this on every schema,
  // and 22 lookups of absent keys on objects of a thousand shapes were a tenth of loading stripe's.
  // The subschemas are still visited in the keywords' order below, whatever the keys' order.
  let present = 0;
  for (const key in schema) present |= KEYWORD_BITS.get(key) ?? 0;
  if (present === 0) return;
  for (const keyword of SINGLE_SCHEMA_KEYWORDS) {
    if ((present & KEYWORD_BITS.get(keyword)!) === 0) continue;
    const value = schema[keyword];
    if (value !== undefined && !Array.isArray(value)) visit(value, [keyword]);
  }
  for (const keyword of SCHEMA_ARRAY_KEYWORDS) {
    if ((present & KEYWORD_BITS.get(keyword)!) === 0) continue;
    const value = schema[keyword];
    if (Array.isArray(value)) value.forEach((child, index) => visit(child, [keyword, String(index)]));
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
    if ((present & KEYWORD_BITS.get(keyword)!) === 0) continue;
    const value = schema[keyword];
    if (isJsonObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        // draft-07 `dependencies` mixes schemas and arrays of names: only the schemas are subschemas.
        if (!Array.isArray(child)) visit(child, [keyword, key]);
      }
    }
  }
}

/** "a/b" → "a~1b", "~" → "~0" (RFC 6901). */
export function escapePointerToken(token: string): string {
  // A token with neither character, the common case, as it is: no two scans by regular expression.
  return token.includes("~") || token.includes("/") ? token.replace(/~/g, "~0").replace(/\//g, "~1") : token;
}

/** "a~1b" → "a/b", "~0" → "~" (RFC 6901); a token without "~", the common case, as it is. */
export function unescapePointerToken(token: string): string {
  return token.includes("~") ? token.replace(/~1/g, "/").replace(/~0/g, "~") : token;
}

export function toPointer(tokens: readonly string[]): string {
  return tokens.map((token) => "/" + escapePointerToken(token)).join("");
}
