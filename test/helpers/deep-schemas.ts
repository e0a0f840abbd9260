/**
 * Schemas nested `depth` levels deep through one keyword, and data that goes all the way down:
 * for the tests that nothing (loading, IR, emitters, printing, prettier, tsc, the guards) has a
 * depth limit but memory. Both are built as text: V8's JSON.stringify itself overflows the stack
 * at a few thousand levels of objects (JSON.parse does not).
 */

export const DEEP_KINDS = ["properties", "items", "additionalProperties", "anyOf", "oneOf", "allOf", "not", "ref"] as const;
export type DeepKind = (typeof DEEP_KINDS)[number];

const LEAF = `{"type":"string","minLength":1}`;

/** What wraps the schema of one level: the text before and after the level below. */
const WRAP: Record<Exclude<DeepKind, "ref">, [string, string]> = {
  properties: [`{"type":"object","properties":{"a":`, `},"required":["a"]}`],
  items: [`{"type":"array","minItems":1,"items":`, `}`],
  additionalProperties: [`{"type":"object","minProperties":1,"additionalProperties":`, `}`],
  anyOf: [`{"anyOf":[`, `,{"type":"null"}]}`],
  oneOf: [`{"oneOf":[`, `,{"type":"null"}]}`],
  allOf: [`{"allOf":[`, `,{"description":"one level"}]}`],
  not: [`{"not":`, `}`],
};

/**
 * The JSON text of `kind` nested `depth` times around a non-empty string ("ref": a chain of `depth`
 * `$defs`, each referencing the next). Every level is required, so valid data reaches the leaf.
 */
export function deepSchemaText(kind: DeepKind, depth: number, title: string): string {
  const head = `"$schema":"https://json-schema.org/draft/2020-12/schema","title":${JSON.stringify(title)}`;
  if (kind === "ref") {
    const defs: string[] = [];
    for (let i = 0; i < depth; i++) {
      const level = i + 1 < depth ? `{"type":"object","properties":{"next":{"$ref":"#/$defs/level${i + 1}"}},"required":["next"]}` : LEAF;
      defs.push(`"level${i}":${level}`);
    }
    return `{${head},"$defs":{${defs.join(",")}},"$ref":"#/$defs/level0"}`;
  }
  const [open, close] = WRAP[kind];
  const nested = `${open.repeat(depth)}${LEAF}${close.repeat(depth)}`;
  return `{${head},${nested.slice(1)}`;
}

/**
 * A value for `deepSchemaText(kind, depth)` that goes down to the leaf, with `leaf` there: "x" is
 * valid, "" is not (minLength; for `not`, with an even depth). `anyOf`, `oneOf`, `allOf` and `not`
 * nest the schema, not the data: a bare leaf goes through every level. `path`: the leaf's.
 */
export function deepData(kind: DeepKind, depth: number, leaf: unknown): { value: unknown; path: string } {
  const nestsData = kind === "properties" || kind === "items" || kind === "additionalProperties" || kind === "ref";
  const levels = !nestsData ? 0 : kind === "ref" ? depth - 1 : depth;
  const token = kind === "properties" ? "a" : kind === "items" ? "0" : kind === "additionalProperties" ? "k" : "next";
  let value = leaf;
  for (let i = 0; i < levels; i++) value = kind === "items" ? [value] : { [token]: value };
  return { value, path: `/${token}`.repeat(levels) };
}
