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

/** Calls `visit` for each direct subschema of `schema` with its JSON pointer tokens. */
export function forEachSubschema(schema: JsonObject, visit: (child: unknown, tokens: string[]) => void): void {
  for (const keyword of SINGLE_SCHEMA_KEYWORDS) {
    const value = schema[keyword];
    if (value !== undefined && !Array.isArray(value)) visit(value, [keyword]);
  }
  for (const keyword of SCHEMA_ARRAY_KEYWORDS) {
    const value = schema[keyword];
    if (Array.isArray(value)) value.forEach((child, index) => visit(child, [keyword, String(index)]));
  }
  for (const keyword of SCHEMA_MAP_KEYWORDS) {
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
  return token.replace(/~/g, "~0").replace(/\//g, "~1");
}

/** "a~1b" → "a/b", "~0" → "~" (RFC 6901); a token without "~", the common case, as it is. */
export function unescapePointerToken(token: string): string {
  return token.includes("~") ? token.replace(/~1/g, "/").replace(/~0/g, "~") : token;
}

export function toPointer(tokens: readonly string[]): string {
  return tokens.map((token) => "/" + escapePointerToken(token)).join("");
}
